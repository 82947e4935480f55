/// An `a=extmap` attribute: maps an RTP header extension id to its URI.
///
/// Wire: `a=extmap:<id>[/<direction>] <URI> [<extension attributes>]`,
/// e.g. `a=extmap:1 urn:ietf:params:rtp-hdrext:sdes:mid`.
/// - Units: `id` is the local identifier, 1...14 for one-byte headers, 1...255 for two-byte headers.
/// - SeeAlso: RFC 8285 §8.
public struct ExtMap: Hashable, Sendable {
    /// The extension identifier.
    public var id: UInt16
    /// The optional direction (`/sendonly` etc.).
    public var direction: MediaDirection?
    /// The extension URI.
    public var uri: String
    /// Extension attributes after the URI, verbatim.
    public var extensionAttributes: String?

    /// Creates an extmap.
    public init(id: UInt16, direction: MediaDirection? = nil, uri: String, extensionAttributes: String? = nil) {
        self.id = id
        self.direction = direction
        self.uri = uri
        self.extensionAttributes = extensionAttributes
    }

    /// Parses the attribute value (after `extmap:`).
    /// - Throws: `SDPParseError` `.badAttribute("extmap")` on a bad id, direction or a missing URI.
    public init(parsing value: some StringProtocol) throws(SDPParseError) {
        func error() -> SDPParseError { SDPParseError(.badAttribute("extmap"), text: value) }
        let (head, rest) = Tokens.splitOnce(Substring(value), " ")
        let (idText, directionText) = Tokens.splitOnce(head, "/")
        guard let id = Tokens.decimal(idText, as: UInt16.self), let rest else { throw error() }
        var direction: MediaDirection?
        if let directionText {
            guard let d = MediaDirection(rawValue: String(directionText)) else { throw error() }
            direction = d
        }
        let (uri, attributes) = Tokens.splitOnce(rest, " ")
        guard Tokens.isWord(uri) else { throw error() }
        if let attributes, attributes.isEmpty { throw error() }
        self.init(id: id, direction: direction, uri: String(uri), extensionAttributes: attributes.map(String.init))
    }

    /// The attribute value (after `extmap:`).
    public var value: String {
        "\(id)" + (direction.map { "/\($0.rawValue)" } ?? "") + " " + uri
            + (extensionAttributes.map { " " + $0 } ?? "")
    }
}
