/// An `a=ssrc` attribute: a source-level attribute of one RTP synchronization source.
///
/// Wire: `a=ssrc:<ssrc-id> <attribute>[:<value>]`, e.g. `a=ssrc:523462759 cname:295be56a-...`
/// or `a=ssrc:846153383 msid:<stream> <track>` (the value may contain spaces).
/// - SeeAlso: RFC 5576 §4.1.
public struct SSRCAttribute: Hashable, Sendable {
    /// The synchronization source identifier.
    public var ssrc: UInt32
    /// The source attribute name, e.g. `cname`, `msid`.
    public var name: String
    /// The source attribute value after `:`, verbatim; nil when there is no `:`.
    public var value: String?

    /// Creates an ssrc attribute.
    public init(ssrc: UInt32, name: String, value: String? = nil) {
        self.ssrc = ssrc
        self.name = name
        self.value = value
    }

    /// Parses the attribute value (after `ssrc:`).
    /// - Throws: `SDPParseError` `.badAttribute("ssrc")` when the id is not a 32-bit number or the
    ///   attribute name is missing.
    public init(parsing text: some StringProtocol) throws(SDPParseError) {
        func error() -> SDPParseError { SDPParseError(.badAttribute("ssrc"), text: text) }
        let (idText, rest) = Tokens.splitOnce(Substring(text), " ")
        guard let ssrc = Tokens.decimal(idText, as: UInt32.self), let rest else { throw error() }
        let (name, value) = Tokens.splitOnce(rest, ":")
        guard Tokens.isWord(name) else { throw error() }
        self.init(ssrc: ssrc, name: String(name), value: value.map(String.init))
    }

    /// The attribute value (after `ssrc:`).
    public var attributeValue: String { "\(ssrc) \(name)" + (value.map { ":" + $0 } ?? "") }
}
