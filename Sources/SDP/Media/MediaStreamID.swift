/// An `a=msid` attribute: the MediaStream (and track) an m= section's track belongs to.
///
/// Wire: `a=msid:<stream id> [<track id>]`, e.g. `a=msid:janus janus0`; `-` as stream id means no stream.
/// - SeeAlso: RFC 8830 §2.
public struct MediaStreamID: Hashable, Sendable {
    /// The stream identifier (`msid-id`).
    public var streamID: String
    /// The track identifier (`msid-appdata`), if written.
    public var trackID: String?

    /// Creates an msid.
    public init(streamID: String, trackID: String? = nil) {
        self.streamID = streamID
        self.trackID = trackID
    }

    /// Parses the attribute value (after `msid:`).
    /// - Throws: `SDPParseError` `.badAttribute("msid")` unless it is one or two words.
    public init(parsing value: some StringProtocol) throws(SDPParseError) {
        let f = Tokens.fields(value)
        guard (1...2).contains(f.count), f.allSatisfy(Tokens.isWord) else {
            throw SDPParseError(.badAttribute("msid"), text: value)
        }
        self.init(streamID: String(f[0]), trackID: f.count == 2 ? String(f[1]) : nil)
    }

    /// The attribute value (after `msid:`).
    public var value: String { streamID + (trackID.map { " " + $0 } ?? "") }
}
