/// An `a=msid-semantic` attribute: which msid semantics (WMS, WebRTC MediaStream) the session uses.
///
/// Wire: `a=msid-semantic:<semantic> *(SP <identifier>)`. Janus and Chrome write a space after the
/// colon (`a=msid-semantic: WMS *`), aiortc does not (`a=msid-semantic:WMS *`); `spaceAfterColon`
/// keeps that so the line round-trips.
/// - SeeAlso: draft-ietf-mmusic-msid-05 §4 (the attribute was dropped from RFC 8830 but is still sent).
public struct MSIDSemantic: Hashable, Sendable {
    /// The semantics token, e.g. `WMS`.
    public var semantic: String
    /// The stream identifiers, or `*` for all.
    public var identifiers: [String]
    /// Whether a space follows the colon on the wire.
    public var spaceAfterColon: Bool

    /// Creates an msid-semantic.
    public init(semantic: String, identifiers: [String], spaceAfterColon: Bool = false) {
        self.semantic = semantic
        self.identifiers = identifiers
        self.spaceAfterColon = spaceAfterColon
    }

    /// Parses the attribute value (after `msid-semantic:`).
    /// - Throws: `SDPParseError` `.badAttribute("msid-semantic")` when the semantic token is missing.
    public init(parsing value: some StringProtocol) throws(SDPParseError) {
        var body = Substring(value)
        let space = body.hasPrefix(" ")
        if space { body = body.dropFirst() }
        let f = Tokens.fields(body)
        guard f.allSatisfy(Tokens.isWord) else { throw SDPParseError(.badAttribute("msid-semantic"), text: value) }
        self.init(semantic: String(f[0]), identifiers: f.dropFirst().map(String.init), spaceAfterColon: space)
    }

    /// The attribute value (after `msid-semantic:`).
    public var value: String { (spaceAfterColon ? " " : "") + ([semantic] + identifiers).joined(separator: " ") }
}
