/// The kinds of SDP fault in words, for Janus error reasons and logs.
extension SDPParseError.Kind: CustomStringConvertible {
    /// A short sentence, e.g. "bad m= line" or "bad a=fingerprint value".
    public var description: String {
        switch self {
        case .empty: "empty SDP"
        case .missingVersion: "the first line is not v="
        case .unsupportedVersion: "v= is not 0"
        case .malformedLine: "a line is not <letter>=<value>"
        case .missingOrigin: "no o= line after v="
        case .badOrigin: "bad o= line"
        case .missingSessionName: "no s= line after o="
        case .missingTiming: "no t= line before the first m= line"
        case .badTiming: "bad t= line"
        case .missingMedia: "no m= line"
        case .badMediaLine: "bad m= line"
        case .badConnection: "bad or repeated c= line"
        case .badAttribute(let name): "bad a=\(name) value"
        case .badCandidate(let part): "bad candidate (\(part))"
        }
    }
}
