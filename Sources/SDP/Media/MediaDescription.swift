/// One media section: an `m=` line and the lines up to the next `m=`.
///
/// Wire: `m=<media> <port>[/<number of ports>] <proto> <fmt> ...` then `i=`, `c=`, `b=`, `k=`, `a=` lines,
/// e.g. `m=audio 9 UDP/TLS/RTP/SAVPF 111 0`. Attributes keep their order; the accessors below read them.
/// - Units: `port` is a transport port (9 is the JSEP "discard" placeholder; 0 rejects the section).
/// - SeeAlso: RFC 8866 §5.14; RFC 8829 §5.2 (JSEP use).
public struct MediaDescription: Hashable, Sendable {
    /// `<media>`.
    public var type: MediaType
    /// `<port>`.
    public var port: UInt16
    /// `/<number of ports>`, if written.
    public var numberOfPorts: UInt16?
    /// `<proto>`, verbatim, e.g. `UDP/TLS/RTP/SAVPF` or `UDP/DTLS/SCTP`.
    public var proto: String
    /// `<fmt>` list: RTP payload type numbers as text, or e.g. `webrtc-datachannel`.
    public var formats: [String]
    /// The section's `c=` line.
    public var connection: ConnectionData?
    /// The `a=` lines in order.
    public var attributes: [SDPAttribute]
    /// Other lines (`i=`, `b=`, `k=`, unknown letters), verbatim, in order.
    public var otherLines: [SDPLine]

    /// Creates a media section.
    public init(
        type: MediaType, port: UInt16, numberOfPorts: UInt16? = nil, proto: String, formats: [String],
        connection: ConnectionData? = nil, attributes: [SDPAttribute] = [], otherLines: [SDPLine] = []
    ) {
        self.type = type
        self.port = port
        self.numberOfPorts = numberOfPorts
        self.proto = proto
        self.formats = formats
        self.connection = connection
        self.attributes = attributes
        self.otherLines = otherLines
    }

    /// Parses the value of an `m=` line into a section with no other lines yet.
    /// - Throws: `SDPParseError` `.badMediaLine` unless there are media, port, proto and at least one format.
    public init(parsingMediaLine value: some StringProtocol) throws(SDPParseError) {
        func error() -> SDPParseError { SDPParseError(.badMediaLine, text: value) }
        let f = Tokens.fields(value)
        guard f.count >= 4, f.allSatisfy(Tokens.isWord) else { throw error() }
        let (portText, countText) = Tokens.splitOnce(f[1], "/")
        guard let port = Tokens.decimal(portText, as: UInt16.self) else { throw error() }
        var count: UInt16?
        if let countText {
            guard let n = Tokens.decimal(countText, as: UInt16.self) else { throw error() }
            count = n
        }
        self.init(
            type: MediaType(f[0]), port: port, numberOfPorts: count, proto: String(f[2]),
            formats: f[3...].map(String.init))
    }

    /// The `m=` value.
    public var mediaLineValue: String {
        ([type.token, "\(port)" + (numberOfPorts.map { "/\($0)" } ?? ""), proto] + formats).joined(separator: " ")
    }

    /// The section's lines, each without a line ending, in RFC 8866 order.
    public var lines: [String] {
        var out = ["m=" + mediaLineValue]
        let ranked = otherLines.enumerated().sorted {
            (SDPLine.mediaRank($0.element.type), $0.offset) < (SDPLine.mediaRank($1.element.type), $1.offset)
        }.map(\.element)
        out += ranked.filter { SDPLine.mediaRank($0.type) < 2 }.map(\.text)
        if let connection { out.append("c=" + connection.value) }
        out += ranked.filter { SDPLine.mediaRank($0.type) >= 2 }.map(\.text)
        out += attributes.map { "a=" + $0.text }
        return out
    }
}
