/// Answers an SDP offer per JSEP, the way the gateway (like Janus) needs it: one BUNDLE transport,
/// rtcp-mux, one codec per audio/video m-line, data channels rejected.
///
/// A pure value: `answer(to:)` reads the offer and `local` and returns the answer and the negotiated
/// parameters; nothing else changes. Choices, with their sources:
/// - `o=`: the offer's session id and version, as Janus 1.1.2 does (its answers in `Tests/Fixtures/sdp`
///   repeat the offer's numbers). RFC 8829 §5.3.1 lets the answerer pick any id; reusing it is valid
///   because the answerer's `o=` identifies the answerer's own description. A later re-answer must
///   bump the version (RFC 8829 §5.3.2); this type is stateless, so that is the caller's concern.
/// - Session level: `a=group:BUNDLE` with the accepted mids in offer order, `a=ice-options:trickle`,
///   `a=extmap-allow-mixed` when offered, `a=msid-semantic: WMS *`.
/// - Accepted m-line: the offer's proto, port 9, `c=IN IP4 0.0.0.0` (RFC 8829 §5.3.1: candidates come
///   later through trickle), `a=mid`, the answered direction, our ICE credentials, all our fingerprints,
///   `a=setup:active` (RFC 5763 §5: "the answerer ... MUST use either a setup attribute value of
///   setup:active or setup:passive"; active as RFC 8842 §5.3 recommends; passive only when the offer says
///   active), `a=rtcp-mux`, the kept extmaps (offer's ids; an offered extmap direction answered as RFC 8285
///   §8 asks), the codec with its rtcp-fb and fmtp, RTX, msid and ssrc lines (msid/ssrc only when we send).
/// - Errors name the m-line (`m-line 1 (video, mid 1)`); `.noAcceptableMedia` lists each m-line and why
///   it was rejected.
/// - Rejected m-line (port 0, RFC 8829 §5.3.1): application sections, sections the offer already
///   rejected, sections outside the BUNDLE group, a second section of the same kind, and sections with
///   no codec we support. It keeps its mid and first format, gets `a=inactive`, and is not bundled.
/// - Codec overrides: an `audioCodec`/`videoCodec` the offer does not contain falls back to the offer's
///   first supported codec (no error), so the call still works.
public struct JSEPAnswerer: Sendable {
    /// Our side of the answer.
    public var local: JSEPLocalParameters

    /// Creates an answerer with our parameters.
    public init(local: JSEPLocalParameters) {
        self.local = local
    }

    /// Answers `offer`.
    /// - Returns: the answer description and what was negotiated (per m-line of the offer, in order).
    /// - Throws: `JSEPError` `.badLocalParameters`, `.noMedia`, `.missingMid`, `.missingBundle`,
    ///   `.missingICECredentials`, `.missingFingerprint`, `.unsupportedSetup`, `.missingRTCPMux` (an audio
    ///   or video section we would accept lacks `a=rtcp-mux`), `.noAcceptableMedia`.
    /// - SeeAlso: RFC 8829 §5.3.1.
    public func answer(to offer: SessionDescription) throws(JSEPError) -> JSEPAnswer {
        try checkLocal()
        guard !offer.media.isEmpty else { throw JSEPError(.noMedia, "the offer has no m= line") }
        for (index, section) in offer.media.enumerated() where section.mid == nil {
            throw JSEPError(.missingMid, "\(Self.place(section, index: index)): no a=mid")
        }
        guard let bundle = offer.groups.first(where: { $0.semantics == "BUNDLE" }) else {
            let places = offer.media.enumerated().map { Self.place($1, index: $0) }
            throw JSEPError(.missingBundle, "the offer has no a=group:BUNDLE (BUNDLE is required) for "
                + places.joined(separator: ", "))
        }
        var negotiation = try transport(of: offer, bundle: bundle)
        var sections: [MediaDescription] = []
        var acceptedKinds: [MediaType] = []
        var rejections: [String] = []
        for (index, section) in offer.media.enumerated() {
            switch try plan(section, index: index, bundle: bundle, acceptedKinds: acceptedKinds) {
            case .accept(let choice):
                acceptedKinds.append(section.type)
                sections.append(acceptedSection(section, choice: choice, setup: negotiation.localSetup))
                negotiation.media.append(negotiated(section, index: index, choice: choice))
            case .reject(let reason):
                rejections.append("\(Self.place(section, index: index)): \(reason)")
                sections.append(rejectedSection(section, setup: negotiation.localSetup))
                negotiation.media.append(JSEPNegotiatedMedia(
                    index: index, mid: section.mid ?? "", kind: section.type, isAccepted: false,
                    direction: .inactive))
            }
        }
        guard !acceptedKinds.isEmpty else {
            throw JSEPError(.noAcceptableMedia, "no audio or video m-line could be accepted: "
                + rejections.joined(separator: "; "))
        }
        let description = SessionDescription(
            origin: SessionOrigin(sessionID: offer.origin.sessionID, sessionVersion: offer.origin.sessionVersion),
            attributes: sessionAttributes(offer, accepted: negotiation.acceptedMedia.map(\.mid)), media: sections)
        return JSEPAnswer(sessionDescription: description, negotiation: negotiation)
    }

    /// Checks that `offer` can be answered, without our parameters: every rule `answer(to:)` applies
    /// to the offer (BUNDLE, mid, rtcp-mux, ICE credentials, fingerprint, setup, a supported codec).
    /// For refusing a bad offer before anything is set up to answer it.
    /// - Throws: the `JSEPError` `answer(to:)` would throw for the offer.
    public static func check(_ offer: SessionDescription) throws(JSEPError) {
        _ = try JSEPAnswerer(local: placeholder).answer(to: offer)
    }

    /// Local parameters that pass `checkLocal`, for `check(_:)`; the answer they make is thrown away.
    private static let placeholder = JSEPLocalParameters(
        iceUfrag: "chck", icePwd: "checkcheckcheckcheckch", fingerprints: [Fingerprint(hashFunction: "sha-256", bytes: [0])],
        cname: "check", audio: JSEPLocalTrack(ssrc: 1, streamID: "check", trackID: "a"),
        video: JSEPLocalTrack(ssrc: 2, rtxSSRC: 3, streamID: "check", trackID: "v"))

    private func checkLocal() throws(JSEPError) {
        guard !local.iceUfrag.isEmpty, !local.icePwd.isEmpty else {
            throw JSEPError(.badLocalParameters, "local ICE ufrag or pwd is empty")
        }
        guard !local.fingerprints.isEmpty else {
            throw JSEPError(.badLocalParameters, "no local DTLS fingerprint")
        }
    }

    /// The peer's transport parameters, from the BUNDLE-tagged section (the first mid of the group that
    /// names a section the offer did not reject), falling back to session-level attributes.
    private func transport(of offer: SessionDescription, bundle: SDPGroup) throws(JSEPError) -> JSEPNegotiation {
        let tagged = bundle.mids.lazy.compactMap { mid in
            offer.media.firstIndex { $0.mid == mid && $0.port != 0 }
        }.first
        guard let tagged else {
            throw JSEPError(.missingBundle, "a=group:BUNDLE names no m-line of the offer that is not rejected")
        }
        let section = offer.media[tagged]
        let place = Self.place(section, index: tagged)
        guard let ufrag = section.iceUfrag ?? offer.iceUfrag, let pwd = section.icePwd ?? offer.icePwd else {
            throw JSEPError(.missingICECredentials, "\(place): no a=ice-ufrag/a=ice-pwd")
        }
        let fingerprints = section.fingerprints.isEmpty ? offer.fingerprints : section.fingerprints
        guard !fingerprints.isEmpty else { throw JSEPError(.missingFingerprint, "\(place): no a=fingerprint") }
        let setup = section.setup ?? offer.setup ?? .actpass
        guard setup != .holdconn else { throw JSEPError(.unsupportedSetup, "\(place): a=setup:holdconn") }
        return JSEPNegotiation(
            peerICEUfrag: ufrag, peerICEPwd: pwd, peerFingerprints: fingerprints, peerSetup: setup,
            localSetup: setup == .active ? .passive : .active,
            peerICEOptions: section.iceOptions.isEmpty ? offer.iceOptions : section.iceOptions, media: [])
    }

    private func sessionAttributes(_ offer: SessionDescription, accepted mids: [String]) -> [SDPAttribute] {
        var out: [SDPAttribute] = [.group(SDPGroup(semantics: "BUNDLE", mids: mids)), .iceOptions(["trickle"])]
        if local.iceLite { out.insert(.iceLite, at: 0) }
        if offer.attributes.contains(.extmapAllowMixed) || offer.media.contains(where: {
            $0.attributes.contains(.extmapAllowMixed)
        }) {
            out.append(.extmapAllowMixed)
        }
        out.append(.msidSemantic(MSIDSemantic(semantic: "WMS", identifiers: ["*"], spaceAfterColon: true)))
        return out
    }
}

/// The result of `JSEPAnswerer.answer(to:)`: the answer to send and what it negotiated.
public struct JSEPAnswer: Hashable, Sendable {
    /// The answer; `sessionDescription.serialized()` is the `jsep.sdp` text.
    public var sessionDescription: SessionDescription
    /// The negotiated parameters for the media path.
    public var negotiation: JSEPNegotiation

    /// Creates an answer.
    public init(sessionDescription: SessionDescription, negotiation: JSEPNegotiation) {
        self.sessionDescription = sessionDescription
        self.negotiation = negotiation
    }
}
