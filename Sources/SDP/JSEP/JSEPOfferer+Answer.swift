// Reading an answer against the offer it answers (RFC 8829 §5.10, RFC 3264 §6).
extension JSEPOfferer {
    /// Checks `answer` against `offer` and returns the negotiation for the offering side (the peer is the
    /// answerer). Works for any offer, not only ours (e.g. aiortc's offers and Janus 1.1.2's answers).
    ///
    /// What it takes from the answer:
    /// - Transport, from the BUNDLE-tagged m-line (the first mid of the answer's BUNDLE group naming an
    ///   accepted m-line), falling back to session level: `a=ice-ufrag`/`a=ice-pwd`, every `a=fingerprint`
    ///   (Janus writes it at session level), `a=ice-options`, and `a=setup`: `active` or `passive` (absent
    ///   means `active`, RFC 4145 §4); `localSetup` is the opposite (RFC 5763 §5).
    /// - Per m-line of the offer, in order: accepted when both offer and answer have a non-zero port. For an
    ///   accepted audio or video m-line: the first answer format naming a codec we support (`JSEPCodec`), its
    ///   clock rate and the answer's `a=fmtp` text, the RTX payload type whose `apt` is it, the answer's
    ///   `a=rtcp-fb` lines for it or `*` as written (Janus 1.1.2 adds `ccm fir` and `transport-cc` it was not
    ///   offered: they say what it can handle), the answer's extmap ids of URIs we know, and the answerer's
    ///   SSRCs (`a=ssrc-group:FID`, else the first `a=ssrc`; nil when absent). `direction` is ours: the offered
    ///   direction narrowed by the answer's, reversed (answer `recvonly` → we `sendonly`).
    /// - Throws: `JSEPError` `.noMedia` (the offer has no m-line), `.mediaCountMismatch`, `.missingMid` (an
    ///   accepted answer m-line lacks one), `.midMismatch`, `.mediaKindMismatch`, `.unofferedPayloadType`,
    ///   `.noAcceptableMedia` (no audio or video accepted), `.missingBundle` (no BUNDLE group, or an accepted
    ///   m-line outside it), `.missingICECredentials`, `.missingFingerprint`, `.invalidAnswerSetup`,
    ///   `.missingRTCPMux`, `.unsupportedCodec`. Messages name the answer's m-line, e.g.
    ///   `answer m-line 1 (video, mid 1)`.
    public static func negotiation(
        offer: SessionDescription, answer: SessionDescription
    ) throws(JSEPError) -> JSEPNegotiation {
        guard !offer.media.isEmpty else { throw JSEPError(.noMedia, "the offer has no m= line") }
        guard answer.media.count == offer.media.count else {
            let count = answer.media.count
            throw JSEPError(.mediaCountMismatch, "the answer has \(count) m-line\(count == 1 ? "" : "s"), "
                + "the offer has \(offer.media.count) (one answer m-line per offered one)")
        }
        let pairs = Array(zip(offer.media, answer.media))
        for (index, (offered, answered)) in pairs.enumerated() {
            try match(offered, answered, index: index)
        }
        let accepted = pairs.indices.filter { isAccepted(pairs[$0]) }
        guard accepted.contains(where: { [.audio, .video].contains(offer.media[$0].type) }) else {
            throw JSEPError(.noAcceptableMedia, "the answer accepts no audio or video m-line")
        }
        var negotiation = try transport(of: answer, accepted: accepted)
        for (index, (offered, answered)) in pairs.enumerated() {
            guard accepted.contains(index) else {
                negotiation.media.append(JSEPNegotiatedMedia(
                    index: index, mid: offered.mid ?? "", kind: offered.type, isAccepted: false, direction: .inactive))
                continue
            }
            negotiation.media.append(try negotiated(offered, answered, index: index))
        }
        return negotiation
    }

    /// Whether an m-line is accepted: neither the offer nor the answer set its port to 0.
    private static func isAccepted(_ pair: (MediaDescription, MediaDescription)) -> Bool {
        pair.0.port != 0 && pair.1.port != 0
    }

    /// `answer m-line 1 (video, mid 1)`.
    static func place(_ section: MediaDescription, index: Int) -> String {
        "answer " + JSEPAnswerer.place(section, index: index)
    }

    /// Same mid and kind as offered; accepted m-lines list only offered formats with the offered codecs.
    private static func match(
        _ offered: MediaDescription, _ answered: MediaDescription, index: Int
    ) throws(JSEPError) {
        let place = place(answered, index: index)
        let accepted = isAccepted((offered, answered))
        if accepted, answered.mid == nil { throw JSEPError(.missingMid, "\(place): no a=mid") }
        if let mid = answered.mid, mid != offered.mid {
            throw JSEPError(.midMismatch, "\(place): the offer's mid \(offered.mid ?? "(none)") is at that index")
        }
        guard answered.type == offered.type else {
            throw JSEPError(.mediaKindMismatch, "\(place): the offer's \(offered.type.token) m-line is at that index")
        }
        guard accepted else { return }
        for format in answered.formats where !offered.formats.contains(format) {
            throw JSEPError(.unofferedPayloadType, "\(place): format \(format) that the offer did not contain")
        }
        for map in answered.rtpMaps where answered.formats.contains(String(map.payloadType)) {
            guard let mine = offered.rtpMaps.first(where: { $0.payloadType == map.payloadType }) else { continue }
            guard mine.encodingName.lowercased() == map.encodingName.lowercased(), mine.clockRate == map.clockRate
            else {
                throw JSEPError(.unofferedPayloadType, "\(place): payload type \(map.payloadType) is "
                    + "\(map.encodingName)/\(map.clockRate), the offer's is \(mine.encodingName)/\(mine.clockRate)")
            }
        }
    }

    /// The answerer's transport parameters, from the BUNDLE-tagged accepted m-line or the session.
    private static func transport(
        of answer: SessionDescription, accepted: [Int]
    ) throws(JSEPError) -> JSEPNegotiation {
        guard let bundle = answer.groups.first(where: { $0.semantics == "BUNDLE" }) else {
            throw JSEPError(.missingBundle, "the answer has no a=group:BUNDLE (BUNDLE is required)")
        }
        for index in accepted where !bundle.mids.contains(answer.media[index].mid ?? "") {
            throw JSEPError(.missingBundle, "\(place(answer.media[index], index: index)): accepted but not in "
                + "a=group:BUNDLE")
        }
        let tagged = bundle.mids.lazy.compactMap { mid in accepted.first { answer.media[$0].mid == mid } }.first
        let index = tagged ?? accepted[0]
        let section = answer.media[index]
        let place = place(section, index: index)
        guard let ufrag = section.iceUfrag ?? answer.iceUfrag, let pwd = section.icePwd ?? answer.icePwd else {
            throw JSEPError(.missingICECredentials, "\(place): no a=ice-ufrag/a=ice-pwd")
        }
        let fingerprints = section.fingerprints.isEmpty ? answer.fingerprints : section.fingerprints
        guard !fingerprints.isEmpty else { throw JSEPError(.missingFingerprint, "\(place): no a=fingerprint") }
        let setup = section.setup ?? answer.setup ?? .active
        guard setup == .active || setup == .passive else {
            throw JSEPError(.invalidAnswerSetup, "\(place): a=setup:\(setup.rawValue) (an answer must say active "
                + "or passive)")
        }
        return JSEPNegotiation(
            peerICEUfrag: ufrag, peerICEPwd: pwd, peerFingerprints: fingerprints, peerSetup: setup,
            localSetup: setup == .active ? .passive : .active,
            peerICEOptions: section.iceOptions.isEmpty ? answer.iceOptions : section.iceOptions, media: [])
    }
}
