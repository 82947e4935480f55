import Testing
@testable import SDP

/// Offers that break a rule we rely on (RFC 8829 §5.3, BUNDLE and rtcp-mux required as in Janus) give the
/// matching `JSEPError.Kind`, and the message names where (m-line index and mid) when an m-line is at fault.
@Suite struct JSEPErrorTests {
    typealias S = JSEPTestSupport

    private func chrome() throws -> SessionDescription { try S.offer("chrome-156-offer.sdp") }

    @Test("no a=group:BUNDLE → .missingBundle, naming the m-lines that needed it")
    func noBundle() throws {
        let e = S.error(S.removing(try chrome()) { if case .group = $0 { true } else { false } })
        #expect(e?.kind == .missingBundle)
        #expect(e?.message.contains("m-line 0 (audio, mid 0)") == true, "\(String(describing: e))")
    }

    @Test("a BUNDLE group naming no live m-line → .missingBundle")
    func bundleOfNothing() throws {
        var offer = try chrome()
        offer.attributes = offer.attributes.map {
            if case .group = $0 { .group(SDPGroup(semantics: "BUNDLE", mids: ["x"])) } else { $0 }
        }
        #expect(S.error(offer)?.kind == .missingBundle)
    }

    @Test("no a=rtcp-mux on video → .missingRTCPMux naming m-line 1 (mid 1)")
    func noRTCPMux() throws {
        var offer = try chrome()
        offer.media[1].attributes.removeAll { $0 == .rtcpMux }
        let e = S.error(offer)
        #expect(e?.kind == .missingRTCPMux)
        #expect(e?.message.contains("m-line 1 (video, mid 1)") == true, "\(String(describing: e))")
    }

    @Test("no a=mid on the audio section → .missingMid naming m-line 0")
    func noMid() throws {
        var offer = try S.offer("firefox-121-offer.sdp")
        offer.media[0].attributes.removeAll { if case .mid = $0 { true } else { false } }
        let e = S.error(offer)
        #expect(e?.kind == .missingMid)
        #expect(e?.message.contains("m-line 0 (audio)") == true, "\(String(describing: e))")
    }

    @Test("no a=ice-ufrag (or no a=ice-pwd) anywhere → .missingICECredentials naming the BUNDLE-tagged m-line")
    func noICECredentials() throws {
        for drop in ["ice-ufrag", "ice-pwd"] {
            let e = S.error(S.removing(try chrome()) { $0.name == drop })
            #expect(e?.kind == .missingICECredentials)
            #expect(e?.message.contains("m-line 0 (audio, mid 0)") == true, "\(String(describing: e))")
        }
    }

    @Test("no a=fingerprint in section or session → .missingFingerprint (Chrome: per section, Firefox: session)")
    func noFingerprint() throws {
        for name in ["chrome-156-offer.sdp", "firefox-121-offer.sdp"] {
            let e = S.error(S.removing(try S.offer(name)) { $0.name == "fingerprint" })
            #expect(e?.kind == .missingFingerprint)
            #expect(e?.message.contains("m-line 0 (audio, mid 0)") == true, "\(String(describing: e))")
        }
    }

    @Test("a=setup:holdconn → .unsupportedSetup; a=setup:active in the offer makes us passive")
    func setup() throws {
        let offer = try chrome()
        let holdconn = S.removing(offer) { $0.name == "setup" }
        var held = holdconn
        held.media[0].attributes.append(.setup(.holdconn))
        let e = S.error(held)
        #expect(e?.kind == .unsupportedSetup)
        #expect(e?.message.contains("m-line 0 (audio, mid 0)") == true)
        var active = holdconn
        active.media[0].attributes.append(.setup(.active))
        let result = try S.answer(active)
        #expect(result.negotiation.localSetup == .passive)
        #expect(result.sessionDescription.media.filter { $0.port != 0 }.allSatisfy { $0.setup == .passive })
    }

    @Test("no m= line → .noMedia")
    func noMedia() {
        let offer = SessionDescription(
            origin: SessionOrigin(sessionID: 1, sessionVersion: 1),
            attributes: [.group(SDPGroup(semantics: "BUNDLE", mids: []))])
        #expect(S.error(offer)?.kind == .noMedia)
    }

    @Test("only m=application → .noAcceptableMedia naming the m-line and why it was rejected")
    func onlyApplication() throws {
        var offer = try chrome()
        offer.media = [offer.media[2]]
        offer.attributes = offer.attributes.map {
            if case .group = $0 { .group(SDPGroup(semantics: "BUNDLE", mids: ["2"])) } else { $0 }
        }
        let e = S.error(offer)
        #expect(e?.kind == .noAcceptableMedia)
        #expect(e?.message.contains("m-line 0 (application, mid 2)") == true, "\(String(describing: e))")
    }

    @Test("audio and video with no codec we support → .noAcceptableMedia naming each m-line")
    func noSupportedCodec() throws {
        var offer = try chrome()
        offer.media[0].formats = ["9", "13"]
        offer.media[1].formats = ["118", "120"]
        let e = S.error(offer)
        #expect(e?.kind == .noAcceptableMedia)
        #expect(e?.message.contains("m-line 0 (audio, mid 0)") == true, "\(String(describing: e))")
        #expect(e?.message.contains("m-line 1 (video, mid 1)") == true)
    }

    @Test("empty local ufrag or pwd, or no local fingerprint → .badLocalParameters")
    func badLocal() throws {
        let offer = try chrome()
        var noUfrag = S.local
        noUfrag.iceUfrag = ""
        var noPwd = S.local
        noPwd.icePwd = ""
        var noFingerprint = S.local
        noFingerprint.fingerprints = []
        for local in [noUfrag, noPwd, noFingerprint] {
            #expect(S.error(offer, local: local)?.kind == .badLocalParameters)
        }
    }

    @Test("description is the message")
    func description() {
        let e = JSEPError(.missingMid, "m-line 3 (video): no a=mid")
        #expect(e.description == "m-line 3 (video): no a=mid")
    }
}
