/// An `a=fmtp` attribute: codec parameters for one payload type.
///
/// Wire: `a=fmtp:<format> <format specific parameters>`, e.g.
/// `a=fmtp:99 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42001f`.
/// The parameter text is kept verbatim; `parameters` splits it on `;` into `key=value` pairs.
/// - SeeAlso: RFC 8866 §6.15.
public struct FormatParameters: Hashable, Sendable {
    /// The RTP payload type the parameters apply to.
    public var payloadType: UInt8
    /// The parameter text after the space, verbatim.
    public var parameterText: String

    /// Creates format parameters.
    public init(payloadType: UInt8, parameterText: String) {
        self.payloadType = payloadType
        self.parameterText = parameterText
    }

    /// Parses the attribute value (after `fmtp:`), or returns nil when the format is not a payload
    /// type number (such an `a=fmtp` is then kept as an unknown attribute).
    /// - Throws: `SDPParseError` `.badAttribute("fmtp")` when there is no parameter text.
    public init?(parsing value: some StringProtocol) throws(SDPParseError) {
        let (format, rest) = Tokens.splitOnce(Substring(value), " ")
        guard let pt = Tokens.decimal(format, as: UInt8.self), pt <= 127 else { return nil }
        guard let rest, !rest.isEmpty else { throw SDPParseError(.badAttribute("fmtp"), text: value) }
        self.init(payloadType: pt, parameterText: String(rest))
    }

    /// The parameters as ordered `(name, value)` pairs; `value` is nil for a bare name (`a=fmtp:63 111/111`).
    public var parameters: [(name: String, value: String?)] {
        parameterText.split(separator: ";").map { item in
            let trimmed = item.drop { $0 == " " }
            let (name, value) = Tokens.splitOnce(Substring(trimmed), "=")
            return (String(name), value.map(String.init))
        }
    }

    /// The value of parameter `name` (exact match), e.g. `apt` for RTX.
    public func parameter(_ name: String) -> String? {
        parameters.first { $0.name == name }?.value
    }

    /// The attribute value (after `fmtp:`).
    public var value: String { "\(payloadType) \(parameterText)" }
}
