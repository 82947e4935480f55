import Testing
@testable import SDP

/// Our offer answered by our own `JSEPAnswerer`, and the answer read back by `JSEPOfferer`: the two
/// negotiations must describe the same call from opposite ends.
@Suite struct JSEPOffererRoundTripTests {
    typealias O = OffererTestSupport

    private func both() throws -> (offerer: JSEPNegotiation, answerer: JSEPNegotiation) {
        let (_, answer) = try O.answered()
        return (try O.offerer().negotiation(answer: answer.sessionDescription), answer.negotiation)
    }

    @Test("ICE credentials and fingerprints swap; setup roles are complementary (answerer active, offerer passive)")
    func transport() throws {
        let (ours, theirs) = try both()
        let local = JSEPTestSupport.local
        #expect(ours.peerICEUfrag == local.iceUfrag && ours.peerICEPwd == local.icePwd)
        #expect(theirs.peerICEUfrag == "bEnC" && theirs.peerICEPwd == "benchPasswordBenchPass01")
        #expect(ours.peerFingerprints == local.fingerprints)
        #expect(theirs.peerFingerprints == [O.fingerprint])
        #expect(theirs.peerSetup == .actpass && theirs.localSetup == .active)
        #expect(ours.peerSetup == .active && ours.localSetup == .passive)
        #expect(ours.peerICEOptions == ["trickle"] && theirs.peerICEOptions == ["trickle"])
    }

    @Test("per m-line: same mid, kind, codec, payload types, clock rate, fmtp, feedback and extension ids")
    func sameMedia() throws {
        let (ours, theirs) = try both()
        try #require(ours.media.count == 2 && theirs.media.count == 2)
        for (o, t) in zip(ours.media, theirs.media) {
            #expect(o.index == t.index && o.mid == t.mid && o.kind == t.kind)
            #expect(o.isAccepted && t.isAccepted)
            #expect(o.direction == .sendrecv && t.direction == .sendrecv)
            #expect(o.codec == t.codec && o.payloadType == t.payloadType && o.clockRate == t.clockRate)
            #expect(o.formatParameters == t.formatParameters)
            #expect(o.rtxPayloadType == t.rtxPayloadType)
            #expect(o.rtcpFeedback == t.rtcpFeedback)
            #expect(o.extensionIDs == t.extensionIDs)
        }
        #expect(ours.media.map(\.codec) == [.opus, .vp8])
        #expect(ours.media.map(\.payloadType) == [111, 96] && ours.media.map(\.rtxPayloadType) == [nil, 97])
        #expect(ours.media[0].formatParameters == "minptime=10;useinbandfec=1")
        #expect(ours.media[1].rtcpFeedback == ["nack", "nack pli", "ccm fir", "goog-remb"])
        #expect(ours.media[1].extensionIDs == [.mid: 1])
    }

    @Test("SSRCs cross over: each side's peer SSRCs are the other side's own")
    func ssrcsCrossOver() throws {
        let (ours, theirs) = try both()
        let local = JSEPTestSupport.local
        #expect(ours.media[0].peerSSRC == local.audio.ssrc && ours.media[0].peerRTXSSRC == nil)
        #expect(ours.media[1].peerSSRC == local.video.ssrc && ours.media[1].peerRTXSSRC == local.video.rtxSSRC)
        #expect(theirs.media[0].peerSSRC == 41 && theirs.media[0].peerRTXSSRC == nil)
        #expect(theirs.media[1].peerSSRC == 42 && theirs.media[1].peerRTXSSRC == 43)
    }

    @Test("the answer text (serialized, parsed) negotiates the same as the answer value; no candidates in it")
    func throughText() throws {
        let (offer, answer) = try O.answered()
        let parsed = try SessionDescription(parsing: answer.sessionDescription.serialized())
        #expect(try JSEPOfferer.negotiation(offer: offer, answer: parsed)
            == O.offerer().negotiation(answer: answer.sessionDescription))
        let candidates = JSEPOfferer.candidates(in: parsed)
        #expect(candidates.candidates.isEmpty && !candidates.endOfCandidates && candidates.distinct.isEmpty)
    }

    @Test("answerer directions turn into ours: recvonly answer → we sendonly, sendonly → recvonly, inactive → inactive")
    func directions() throws {
        let pairs: [(MediaDirection, MediaDirection)] = [
            (.recvonly, .sendonly), (.sendonly, .recvonly), (.inactive, .inactive), (.sendrecv, .sendrecv),
        ]
        for (answered, ours) in pairs {
            let (offer, answer) = try O.answered()
            let edited = JSEPTestSupport.setting(answered, in: 1, of: answer.sessionDescription)
            let negotiation = try JSEPOfferer.negotiation(offer: offer, answer: edited)
            #expect(negotiation.media[1].direction == ours)
            #expect(negotiation.media[0].direction == .sendrecv)
        }
    }

    @Test("a rejected video m-line (port 0) is not accepted, and audio still is; SSRC lines may be absent")
    func rejectedVideo() throws {
        let (offer, answer) = try O.answered()
        var edited = answer.sessionDescription
        edited.media[1].port = 0
        edited.media[0].attributes.removeAll { if case .ssrc = $0 { true } else { false } }
        let negotiation = try JSEPOfferer.negotiation(offer: offer, answer: edited)
        #expect(negotiation.acceptedMedia.map(\.mid) == ["0"])
        #expect(negotiation.media[1] == JSEPNegotiatedMedia(
            index: 1, mid: "1", kind: .video, isAccepted: false, direction: .inactive))
        #expect(negotiation.media[0].peerSSRC == nil && negotiation.media[0].codec == .opus)
    }

    @Test("an answer setup:passive makes us active (the DTLS client); absent setup means active (RFC 4145 §4)")
    func passiveAnswer() throws {
        let (offer, answer) = try O.answered()
        let passive = JSEPTestSupport.removing(answer.sessionDescription) { $0.name == "setup" }
        var withPassive = passive
        for index in withPassive.media.indices { withPassive.media[index].attributes.append(.setup(.passive)) }
        let result = try JSEPOfferer.negotiation(offer: offer, answer: withPassive)
        #expect(result.peerSetup == .passive && result.localSetup == .active)
        let absent = try JSEPOfferer.negotiation(offer: offer, answer: passive)
        #expect(absent.peerSetup == .active && absent.localSetup == .passive)
    }
}
