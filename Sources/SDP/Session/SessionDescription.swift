/// A whole SDP document: session-level fields and attributes followed by media sections.
///
/// Wire: `v=0`, `o=`, `s=`, optional `i= u= e= p= c= b=`, `t=` (with `r=`/`z=`), `k=`, `a=` lines, then
/// one `m=` section per media stream. `serialized()` writes CRLF line endings; parsing also accepts LF.
/// Unknown attributes and lines are kept verbatim, so `serialized()` reproduces a parsed RFC-ordered
/// document byte for byte.
/// - SeeAlso: RFC 8866 §5; RFC 8829 (JSEP) for how WebRTC fills it in.
public struct SessionDescription: Hashable, Sendable {
    /// `o=`.
    public var origin: SessionOrigin
    /// `s=`, `-` in WebRTC.
    public var sessionName: String
    /// The first `t=` line (later `t=`, `r=`, `z=` lines are in `otherLines`).
    public var timing: SessionTiming
    /// The session-level `c=` line, if any.
    public var connection: ConnectionData?
    /// Session-level `a=` lines in order.
    public var attributes: [SDPAttribute]
    /// Other session-level lines (`i= u= e= p= b= r= z= k=`, extra `t=`, unknown letters), verbatim.
    public var otherLines: [SDPLine]
    /// The media sections in order.
    public var media: [MediaDescription]

    /// The protocol version; always 0 (RFC 8866 §5.1).
    public var version: Int { 0 }

    /// Creates a description.
    public init(
        origin: SessionOrigin, sessionName: String = "-", timing: SessionTiming = SessionTiming(),
        connection: ConnectionData? = nil, attributes: [SDPAttribute] = [], otherLines: [SDPLine] = [],
        media: [MediaDescription] = []
    ) {
        self.origin = origin
        self.sessionName = sessionName
        self.timing = timing
        self.connection = connection
        self.attributes = attributes
        self.otherLines = otherLines
        self.media = media
    }

    /// The document with CRLF after every line (RFC 8866 §5: "lines are separated by CRLF").
    public func serialized() -> String {
        var out = ""
        for line in lines {
            out += line
            out += "\r\n"
        }
        return out
    }

    /// The document's lines without line endings, in RFC 8866 §5 order.
    public var lines: [String] {
        var out = ["v=0", "o=" + origin.value, "s=" + sessionName]
        let ranked = otherLines.enumerated().sorted {
            (SDPLine.sessionRank($0.element.type), $0.offset) < (SDPLine.sessionRank($1.element.type), $1.offset)
        }.map(\.element)
        func emit(_ range: ClosedRange<Int>) {
            out += ranked.filter { range.contains(SDPLine.sessionRank($0.type)) }.map(\.text)
        }
        emit(1...4)
        if let connection { out.append("c=" + connection.value) }
        emit(5...6)
        out.append("t=" + timing.value)
        emit(7...11)
        out += attributes.map { "a=" + $0.text }
        for section in media { out += section.lines }
        return out
    }

    /// Session-level `a=group` lines, e.g. BUNDLE.
    public var groups: [SDPGroup] { attributes.compactMap { if case .group(let g) = $0 { g } else { nil } } }

    /// Session-level `a=fingerprint` lines.
    public var fingerprints: [Fingerprint] {
        attributes.compactMap { if case .fingerprint(let f) = $0 { f } else { nil } }
    }

    /// Session-level `a=msid-semantic`, if present.
    public var msidSemantic: MSIDSemantic? {
        attributes.lazy.compactMap { if case .msidSemantic(let m) = $0 { m } else { nil } }.first
    }

    /// Session-level `a=ice-options` tokens.
    public var iceOptions: [String] { attributes.flatMap { (attribute: SDPAttribute) -> [String] in
            if case .iceOptions(let o) = attribute { o } else { [] }
        } }

    /// Session-level `a=setup`, if present.
    public var setup: SetupRole? { attributes.lazy.compactMap { if case .setup(let s) = $0 { s } else { nil } }.first }

    /// Session-level `a=ice-ufrag`, if present.
    public var iceUfrag: String? {
        attributes.lazy.compactMap { if case .iceUfrag(let s) = $0 { s } else { nil } }.first
    }

    /// Session-level `a=ice-pwd`, if present.
    public var icePwd: String? { attributes.lazy.compactMap { if case .icePwd(let s) = $0 { s } else { nil } }.first }
}
