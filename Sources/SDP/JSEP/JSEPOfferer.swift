/// Makes an SDP offer per JSEP the way browsers do, and reads the answer to it: the offering half of
/// offer/answer, for when our stack calls a gateway (the `swiftgate-bench` load generator).
///
/// A pure value: `offer()` always returns the same description for the same parameters, and
/// `negotiation(answer:)` reads an answer against it; nothing else changes. Choices, with their sources:
/// - Session level: `o=- <sessionID> <sessionVersion> IN IP4 127.0.0.1`, `s=-`, `t=0 0` (RFC 8829 §5.2.1,
///   RFC 8866 §5), `a=group:BUNDLE` with every mid (RFC 8843 §7.2: the offerer bundles all m-lines),
///   `a=msid-semantic: WMS <stream ids>` as Chrome writes it.
/// - Each `m=` line (mids `0`, `1`, ... in `media` order): port 9 and `c=IN IP4 0.0.0.0` with no candidates
///   (RFC 8829 §5.2.1: with no candidates gathered yet, the
///   placeholder port 9 and address 0.0.0.0; the caller trickles candidates, RFC 8838), `a=rtcp:9 IN IP4 0.0.0.0` as browsers write it, our
///   `a=ice-ufrag`/`a=ice-pwd` (RFC 8839 §5.4), `a=ice-options:trickle` (RFC 8840 §4.1.1), every
///   fingerprint (RFC 8122 §5), `a=setup:actpass` (RFC 5763 §5: "The endpoint that is the offerer MUST use
///   the setup attribute value of setup:actpass"), `a=mid`, extmaps, the direction, `a=msid` (RFC 8830),
///   `a=rtcp-mux` (RFC 5761 §5.1.1), rtpmap/rtcp-fb/fmtp, RTX (RFC 4588 §8.1) and, when we send,
///   `a=ssrc-group:FID` and `a=ssrc … cname:` (RFC 5576 §4; RFC 7022 cname).
/// - The answer is read by `negotiation(offer:answer:)` (static, so it also reads answers to offers made by
///   others) and its candidates by `candidates(in:)`.
public struct JSEPOfferer: Sendable {
    /// Our `a=ice-ufrag` (RFC 8839 §5.4: at least 4 characters; not checked here).
    public let iceUfrag: String
    /// Our `a=ice-pwd` (RFC 8839 §5.4: at least 22 characters; not checked here).
    public let icePwd: String
    /// Our certificate's fingerprints (one per hash function), written in every m-line.
    public let fingerprints: [Fingerprint]
    /// The RTCP CNAME written in `a=ssrc:<ssrc> cname:<cname>`.
    public let cname: String
    /// The m-lines to offer, in order; m-line `i` gets mid `"\(i)"`.
    public let media: [JSEPOfferMedia]
    /// The `o=` session id (RFC 8829 §5.2.1: 63 random bits are recommended, e.g.
    /// `UInt64.random(in: 1..<(1 << 62))`).
    public let sessionID: UInt64
    /// The `o=` session version (Chrome writes 2 in its first offer).
    public let sessionVersion: UInt64

    /// Creates an offerer.
    /// - Throws: `JSEPError` `.badLocalParameters` when the ufrag, pwd or cname is empty or holds a space, CR or
    ///   LF, there is no fingerprint or no media, a media entry is not audio or video or its codec is of the
    ///   other kind, a payload type is above 127 or used twice in one m-line, an RTX SSRC comes without an RTX
    ///   payload type, or an SSRC is used twice.
    public init(
        iceUfrag: String, icePwd: String, fingerprints: [Fingerprint], cname: String, media: [JSEPOfferMedia],
        sessionID: UInt64, sessionVersion: UInt64 = 2
    ) throws(JSEPError) {
        try Self.check(iceUfrag: iceUfrag, icePwd: icePwd, fingerprints: fingerprints, cname: cname, media: media)
        self.iceUfrag = iceUfrag
        self.icePwd = icePwd
        self.fingerprints = fingerprints
        self.cname = cname
        self.media = media
        self.sessionID = sessionID
        self.sessionVersion = sessionVersion
    }

    /// The offer.
    public func offer() -> SessionDescription {
        let mids = media.indices.map { String($0) }
        var streams: [String] = []
        for item in media where item.sends && !streams.contains(item.streamID) { streams.append(item.streamID) }
        return SessionDescription(
            origin: SessionOrigin(sessionID: sessionID, sessionVersion: sessionVersion),
            attributes: [
                .group(SDPGroup(semantics: "BUNDLE", mids: mids)),
                .msidSemantic(MSIDSemantic(semantic: "WMS", identifiers: streams, spaceAfterColon: true)),
            ],
            media: zip(mids, media).map { section($1, mid: $0) })
    }

    /// The offer's text (`offer().serialized()`, CRLF line endings): the `jsep.sdp` to send.
    public var sdp: String { offer().serialized() }

    /// Reads `answer`, the peer's answer to `offer()`.
    /// - Returns: the negotiation for our side (the peer is the answerer), ready for `PeerConnection`.
    /// - Throws: as `negotiation(offer:answer:)`.
    public func negotiation(answer: SessionDescription) throws(JSEPError) -> JSEPNegotiation {
        try Self.negotiation(offer: offer(), answer: answer)
    }

    /// One offered m-line.
    private func section(_ item: JSEPOfferMedia, mid: String) -> MediaDescription {
        var formats = [String(item.payloadType)]
        if let rtx = item.rtxPayloadType { formats.append(String(rtx)) }
        var a: [SDPAttribute] = [.other(name: "rtcp", value: "9 IN IP4 0.0.0.0")]
        a += [.iceUfrag(iceUfrag), .icePwd(icePwd), .iceOptions(["trickle"])]
        a += fingerprints.map(SDPAttribute.fingerprint)
        a += [.setup(.actpass), .mid(mid)]
        a += item.headerExtensions.map(SDPAttribute.extmap)
        a.append(.direction(item.direction))
        if item.sends { a.append(.msid(MediaStreamID(streamID: item.streamID, trackID: item.trackID))) }
        a.append(.rtcpMux)
        a.append(.rtpmap(RTPMap(
            payloadType: item.payloadType, encodingName: item.codec.encodingName, clockRate: item.clockRate,
            channels: item.channels)))
        a += item.rtcpFeedback.map { text in
            let (type, parameter) = Tokens.splitOnce(Substring(text), " ")
            return .rtcpFeedback(RTCPFeedback(
                payloadType: item.payloadType, type: String(type), parameter: parameter.map(String.init)))
        }
        if let fmtp = item.formatParameters {
            a.append(.fmtp(FormatParameters(payloadType: item.payloadType, parameterText: fmtp)))
        }
        if let rtx = item.rtxPayloadType {
            a.append(.rtpmap(RTPMap(payloadType: rtx, encodingName: "rtx", clockRate: item.clockRate)))
            a.append(.fmtp(FormatParameters(payloadType: rtx, parameterText: "apt=\(item.payloadType)")))
        }
        if item.sends {
            var ssrcs = [item.ssrc]
            if let rtxSSRC = item.rtxSSRC {
                ssrcs.append(rtxSSRC)
                a.append(.ssrcGroup(SSRCGroup(semantics: "FID", ssrcs: ssrcs)))
            }
            a += ssrcs.map { .ssrc(SSRCAttribute(ssrc: $0, name: "cname", value: cname)) }
        }
        return MediaDescription(
            type: item.kind, port: 9, proto: "UDP/TLS/RTP/SAVPF", formats: formats,
            connection: ConnectionData(address: "0.0.0.0"), attributes: a)
    }
}
