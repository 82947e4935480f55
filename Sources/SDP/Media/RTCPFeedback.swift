/// An `a=rtcp-fb` attribute: an RTCP feedback message the endpoint can handle for a payload type.
///
/// Wire: `a=rtcp-fb:<pt or *> <type>[ <parameters>]`, e.g. `a=rtcp-fb:97 nack pli`,
/// `a=rtcp-fb:97 transport-cc`, `a=rtcp-fb:* ccm fir`.
/// - SeeAlso: RFC 4585 §4.2; RFC 5104 §7.1 (`ccm`).
public struct RTCPFeedback: Hashable, Sendable {
    /// The payload type, or nil for the wildcard `*`.
    public var payloadType: UInt8?
    /// The feedback type, e.g. `nack`, `ccm`, `goog-remb`, `transport-cc`.
    public var type: String
    /// The rest after the type, e.g. `pli` or `fir`, verbatim.
    public var parameter: String?

    /// Creates a feedback attribute.
    public init(payloadType: UInt8?, type: String, parameter: String? = nil) {
        self.payloadType = payloadType
        self.type = type
        self.parameter = parameter
    }

    /// Parses the attribute value (after `rtcp-fb:`).
    /// - Throws: `SDPParseError` `.badAttribute("rtcp-fb")` when the payload type or the type is missing.
    public init(parsing value: some StringProtocol) throws(SDPParseError) {
        func error() -> SDPParseError { SDPParseError(.badAttribute("rtcp-fb"), text: value) }
        let (format, rest) = Tokens.splitOnce(Substring(value), " ")
        var pt: UInt8?
        if format != "*" {
            guard let number = Tokens.decimal(format, as: UInt8.self), number <= 127 else { throw error() }
            pt = number
        }
        guard let rest else { throw error() }
        let (type, parameter) = Tokens.splitOnce(rest, " ")
        guard Tokens.isWord(type) else { throw error() }
        if let parameter, parameter.isEmpty { throw error() }
        self.init(payloadType: pt, type: String(type), parameter: parameter.map(String.init))
    }

    /// The attribute value (after `rtcp-fb:`).
    public var value: String {
        (payloadType.map(String.init) ?? "*") + " " + type + (parameter.map { " " + $0 } ?? "")
    }
}
