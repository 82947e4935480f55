@testable import SDP

/// Shared inputs for the answerer tests: our local parameters, fixture loading, and offer edits.
enum JSEPTestSupport {
    /// Our side: a 4-character ufrag, a 24-character pwd (RFC 8839 §5.4 minimums), one sha-256 fingerprint.
    static let local = JSEPLocalParameters(
        iceUfrag: "gAtE", icePwd: "swiftgateLocalPwd012345",
        fingerprints: [Fingerprint(hashFunction: "sha-256", bytes: (0..<32).map { UInt8($0 * 7 & 0xFF) })],
        cname: "swiftgate",
        audio: JSEPLocalTrack(ssrc: 1_111_111, streamID: "swiftgate", trackID: "swiftgate-audio"),
        video: JSEPLocalTrack(ssrc: 2_222_222, rtxSSRC: 3_333_333, streamID: "swiftgate", trackID: "swiftgate-video"))

    /// The real offers in `Tests/Fixtures/sdp` (README.md there says where each came from).
    static let offers = [
        "aiortc-echotest-offer.sdp", "aiortc-trickle-offer.sdp", "chrome-156-offer.sdp",
        "firefox-121-offer.sdp", "firefox-esr-153-offer.sdp", "firefox-sipsorcery-offer.sdp", "safari-kvs-offer.sdp",
    ]

    /// A fixture parsed.
    static func offer(_ name: String) throws -> SessionDescription {
        try SessionDescription(parsing: Fixture.text(name))
    }

    /// The answer to `offer` with `local` (default: `JSEPTestSupport.local`).
    static func answer(_ offer: SessionDescription, local: JSEPLocalParameters = local) throws -> JSEPAnswer {
        try JSEPAnswerer(local: local).answer(to: offer)
    }

    /// The error `answer(to:)` throws, or nil when it answers.
    static func error(_ offer: SessionDescription, local: JSEPLocalParameters = local) -> JSEPError? {
        do {
            _ = try JSEPAnswerer(local: local).answer(to: offer)
            return nil
        } catch { return error }
    }

    /// `offer` with the attributes matching `drop` removed from the session and every section.
    static func removing(_ offer: SessionDescription, where drop: (SDPAttribute) -> Bool) -> SessionDescription {
        var out = offer
        out.attributes.removeAll(where: drop)
        for index in out.media.indices { out.media[index].attributes.removeAll(where: drop) }
        return out
    }

    /// `offer` with section `index`'s direction attribute replaced by `direction`.
    static func setting(
        _ direction: MediaDirection, in index: Int, of offer: SessionDescription
    ) -> SessionDescription {
        var out = offer
        out.media[index].attributes.removeAll { if case .direction = $0 { true } else { false } }
        out.media[index].attributes.append(.direction(direction))
        return out
    }

    /// The rtcp-fb lines of `section` as `type[ parameter]` strings, checking each names `pt`.
    static func feedback(_ section: MediaDescription, pt: UInt8) -> [String]? {
        let items = section.rtcpFeedback
        guard items.allSatisfy({ $0.payloadType == pt }) else { return nil }
        return items.map { $0.type + ($0.parameter.map { " " + $0 } ?? "") }
    }
}
