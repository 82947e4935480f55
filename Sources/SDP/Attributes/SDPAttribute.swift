/// One `a=` line, typed when this module knows the attribute, verbatim otherwise.
///
/// Wire: `a=<name>` (property attribute) or `a=<name>:<value>` (value attribute). Known names with a value
/// that breaks their grammar are errors; a known property name written with a value (or an `fmtp` whose
/// format is not a payload type) is kept as `.other` so nothing is lost.
/// - SeeAlso: RFC 8866 §5.13 and §6; each case names its own RFC.
public enum SDPAttribute: Hashable, Sendable {
    /// `a=group` (RFC 5888), e.g. BUNDLE.
    case group(SDPGroup)
    /// `a=msid-semantic` (draft-ietf-mmusic-msid).
    case msidSemantic(MSIDSemantic)
    /// `a=ice-options` tokens, e.g. `trickle` (RFC 8839 §5.6).
    case iceOptions([String])
    /// `a=ice-ufrag` (RFC 8839 §5.4).
    case iceUfrag(String)
    /// `a=ice-pwd` (RFC 8839 §5.4).
    case icePwd(String)
    /// `a=ice-lite` (RFC 8839 §5.3).
    case iceLite
    /// `a=fingerprint` (RFC 8122 §5).
    case fingerprint(Fingerprint)
    /// `a=setup` (RFC 4145 §4).
    case setup(SetupRole)
    /// `a=mid` (RFC 5888 §4).
    case mid(String)
    /// `a=sendrecv` / `sendonly` / `recvonly` / `inactive` (RFC 8866 §6.7).
    case direction(MediaDirection)
    /// `a=msid` (RFC 8830 §2).
    case msid(MediaStreamID)
    /// `a=ssrc` (RFC 5576 §4.1).
    case ssrc(SSRCAttribute)
    /// `a=ssrc-group` (RFC 5576 §4.2).
    case ssrcGroup(SSRCGroup)
    /// `a=extmap` (RFC 8285 §8).
    case extmap(ExtMap)
    /// `a=extmap-allow-mixed` (RFC 8285 §6).
    case extmapAllowMixed
    /// `a=rtpmap` (RFC 8866 §6.6).
    case rtpmap(RTPMap)
    /// `a=fmtp` with a payload type format (RFC 8866 §6.15).
    case fmtp(FormatParameters)
    /// `a=rtcp-fb` (RFC 4585 §4.2).
    case rtcpFeedback(RTCPFeedback)
    /// `a=rtcp-mux` (RFC 5761 §5.1.1).
    case rtcpMux
    /// `a=rtcp-rsize` (RFC 5506 §5).
    case rtcpRsize
    /// `a=candidate` (RFC 8839 §5.1).
    case candidate(ICECandidate)
    /// `a=end-of-candidates` (RFC 8840 §8.2).
    case endOfCandidates
    /// `a=sctp-port`, the SCTP port (RFC 8841 §5).
    case sctpPort(UInt16)
    /// `a=max-message-size` in bytes; 0 means no limit (RFC 8841 §6).
    case maxMessageSize(UInt64)
    /// Any other attribute: `name` and the text after `:` (nil when there is no `:`), verbatim.
    /// An `.other` built with a known name (e.g. `rtcp-mux`, no value) writes a line that parses back as
    /// the typed case, so build typed cases for known attributes.
    case other(name: String, value: String?)

    /// Parses the text after `a=`.
    /// - Throws: `SDPParseError` `.badAttribute(name)` or `.badCandidate(part)` when a known attribute's
    ///   value breaks its grammar.
    public init(parsing line: some StringProtocol) throws(SDPParseError) {
        let (nameText, valueText) = Tokens.splitOnce(Substring(line), ":")
        let name = String(nameText)
        guard let valueText else {
            self = Self.property(name) ?? .other(name: name, value: nil)
            return
        }
        if Self.property(name) != nil {
            self = .other(name: name, value: String(valueText))
            return
        }
        self = try Self.valued(name, valueText) ?? .other(name: name, value: String(valueText))
    }

    private static func property(_ name: String) -> SDPAttribute? {
        if let direction = MediaDirection(rawValue: name) { return .direction(direction) }
        switch name {
        case "ice-lite": return .iceLite
        case "extmap-allow-mixed": return .extmapAllowMixed
        case "rtcp-mux": return .rtcpMux
        case "rtcp-rsize": return .rtcpRsize
        case "end-of-candidates": return .endOfCandidates
        default: return nil
        }
    }

    private static func valued(_ name: String, _ value: Substring) throws(SDPParseError) -> SDPAttribute? {
        switch name {
        case "group": return .group(try SDPGroup(parsing: value))
        case "msid-semantic": return .msidSemantic(try MSIDSemantic(parsing: value))
        case "ice-options": return .iceOptions(try words(name, value))
        case "ice-ufrag": return .iceUfrag(try word(name, value))
        case "ice-pwd": return .icePwd(try word(name, value))
        case "fingerprint": return .fingerprint(try Fingerprint(parsing: value))
        case "setup":
            guard let role = SetupRole(rawValue: String(value)) else {
                throw SDPParseError(.badAttribute(name), text: value)
            }
            return .setup(role)
        case "mid": return .mid(try word(name, value))
        case "msid": return .msid(try MediaStreamID(parsing: value))
        case "ssrc": return .ssrc(try SSRCAttribute(parsing: value))
        case "ssrc-group": return .ssrcGroup(try SSRCGroup(parsing: value))
        case "extmap": return .extmap(try ExtMap(parsing: value))
        case "rtpmap": return .rtpmap(try RTPMap(parsing: value))
        case "fmtp": return try FormatParameters(parsing: value).map(SDPAttribute.fmtp)
        case "rtcp-fb": return .rtcpFeedback(try RTCPFeedback(parsing: value))
        case "candidate": return .candidate(try ICECandidate(parsing: value))
        case "sctp-port": return .sctpPort(try number(name, value))
        case "max-message-size": return .maxMessageSize(try number(name, value))
        default: return nil
        }
    }

    private static func word(_ name: String, _ value: Substring) throws(SDPParseError) -> String {
        guard Tokens.isWord(value) else { throw SDPParseError(.badAttribute(name), text: value) }
        return String(value)
    }

    private static func words(_ name: String, _ value: Substring) throws(SDPParseError) -> [String] {
        let f = Tokens.fields(value)
        guard f.allSatisfy(Tokens.isWord) else { throw SDPParseError(.badAttribute(name), text: value) }
        return f.map(String.init)
    }

    private static func number<T: FixedWidthInteger>(_ name: String, _ value: Substring) throws(SDPParseError) -> T {
        guard let n = Tokens.decimal(value, as: T.self) else { throw SDPParseError(.badAttribute(name), text: value) }
        return n
    }

    /// The attribute name as written after `a=`.
    public var name: String {
        switch self {
        case .group: "group"
        case .msidSemantic: "msid-semantic"
        case .iceOptions: "ice-options"
        case .iceUfrag: "ice-ufrag"
        case .icePwd: "ice-pwd"
        case .iceLite: "ice-lite"
        case .fingerprint: "fingerprint"
        case .setup: "setup"
        case .mid: "mid"
        case .direction(let d): d.rawValue
        case .msid: "msid"
        case .ssrc: "ssrc"
        case .ssrcGroup: "ssrc-group"
        case .extmap: "extmap"
        case .extmapAllowMixed: "extmap-allow-mixed"
        case .rtpmap: "rtpmap"
        case .fmtp: "fmtp"
        case .rtcpFeedback: "rtcp-fb"
        case .rtcpMux: "rtcp-mux"
        case .rtcpRsize: "rtcp-rsize"
        case .candidate: "candidate"
        case .endOfCandidates: "end-of-candidates"
        case .sctpPort: "sctp-port"
        case .maxMessageSize: "max-message-size"
        case .other(let name, _): name
        }
    }

    /// The text after `name:`, or nil for a property attribute.
    public var value: String? {
        switch self {
        case .group(let g): g.value
        case .msidSemantic(let m): m.value
        case .iceOptions(let options): options.joined(separator: " ")
        case .iceUfrag(let s), .icePwd(let s), .mid(let s): s
        case .fingerprint(let f): f.value
        case .setup(let role): role.rawValue
        case .msid(let m): m.value
        case .ssrc(let s): s.attributeValue
        case .ssrcGroup(let g): g.value
        case .extmap(let e): e.value
        case .rtpmap(let r): r.value
        case .fmtp(let f): f.value
        case .rtcpFeedback(let r): r.value
        case .candidate(let c): c.attributeValue
        case .sctpPort(let port): String(port)
        case .maxMessageSize(let size): String(size)
        case .other(_, let value): value
        case .iceLite, .direction, .extmapAllowMixed, .rtcpMux, .rtcpRsize, .endOfCandidates: nil
        }
    }

    /// The line without `a=` and without a line ending.
    public var text: String { name + (value.map { ":" + $0 } ?? "") }
}
