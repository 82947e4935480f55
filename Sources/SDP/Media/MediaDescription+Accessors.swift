// Typed reads of a media section's attributes. Each scans `attributes` in order.
extension MediaDescription {
    /// `a=mid`, if present (RFC 5888 §4).
    public var mid: String? { attributes.lazy.compactMap { if case .mid(let m) = $0 { m } else { nil } }.first }

    /// The direction attribute; nil when absent (RFC 3264 then means sendrecv).
    public var direction: MediaDirection? {
        attributes.lazy.compactMap { if case .direction(let d) = $0 { d } else { nil } }.first
    }

    /// `a=msid` lines.
    public var msids: [MediaStreamID] { attributes.compactMap { if case .msid(let m) = $0 { m } else { nil } } }

    /// `a=ssrc` lines.
    public var ssrcAttributes: [SSRCAttribute] {
        attributes.compactMap { if case .ssrc(let s) = $0 { s } else { nil } }
    }

    /// `a=ssrc-group` lines.
    public var ssrcGroups: [SSRCGroup] {
        attributes.compactMap { if case .ssrcGroup(let g) = $0 { g } else { nil } }
    }

    /// `a=extmap` lines.
    public var extMaps: [ExtMap] { attributes.compactMap { if case .extmap(let e) = $0 { e } else { nil } } }

    /// `a=rtpmap` lines.
    public var rtpMaps: [RTPMap] { attributes.compactMap { if case .rtpmap(let r) = $0 { r } else { nil } } }

    /// `a=fmtp` lines with a payload type format.
    public var formatParameters: [FormatParameters] {
        attributes.compactMap { if case .fmtp(let f) = $0 { f } else { nil } }
    }

    /// `a=rtcp-fb` lines.
    public var rtcpFeedback: [RTCPFeedback] {
        attributes.compactMap { if case .rtcpFeedback(let r) = $0 { r } else { nil } }
    }

    /// `a=candidate` lines.
    public var candidates: [ICECandidate] {
        attributes.compactMap { if case .candidate(let c) = $0 { c } else { nil } }
    }

    /// `a=fingerprint` lines (several hash functions may be offered).
    public var fingerprints: [Fingerprint] {
        attributes.compactMap { if case .fingerprint(let f) = $0 { f } else { nil } }
    }

    /// `a=setup`, if present.
    public var setup: SetupRole? { attributes.lazy.compactMap { if case .setup(let s) = $0 { s } else { nil } }.first }

    /// `a=ice-ufrag`, if present.
    public var iceUfrag: String? {
        attributes.lazy.compactMap { if case .iceUfrag(let s) = $0 { s } else { nil } }.first
    }

    /// `a=ice-pwd`, if present.
    public var icePwd: String? { attributes.lazy.compactMap { if case .icePwd(let s) = $0 { s } else { nil } }.first }

    /// `a=ice-options` tokens (all lines joined).
    public var iceOptions: [String] {
        attributes.flatMap { (attribute: SDPAttribute) -> [String] in
            if case .iceOptions(let o) = attribute { o } else { [] }
        }
    }

    /// `a=sctp-port`, if present.
    public var sctpPort: UInt16? {
        attributes.lazy.compactMap { if case .sctpPort(let p) = $0 { p } else { nil } }.first
    }

    /// `a=max-message-size` in bytes, if present.
    public var maxMessageSize: UInt64? {
        attributes.lazy.compactMap { if case .maxMessageSize(let s) = $0 { s } else { nil } }.first
    }

    /// Whether `a=rtcp-mux` is present.
    public var isRTCPMux: Bool { attributes.contains(.rtcpMux) }

    /// Whether `a=rtcp-rsize` is present.
    public var isRTCPReducedSize: Bool { attributes.contains(.rtcpRsize) }

    /// Whether `a=end-of-candidates` is present.
    public var hasEndOfCandidates: Bool { attributes.contains(.endOfCandidates) }

    /// The `<fmt>` list as RTP payload types; non-numeric formats are skipped.
    public var payloadTypes: [UInt8] { formats.compactMap { Tokens.decimal($0, as: UInt8.self) } }
}
