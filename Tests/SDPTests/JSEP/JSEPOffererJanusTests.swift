import Testing
@testable import SDP

/// Janus 1.1.2's real answers (`janus-1.1.2-*-answer.sdp`) read against the aiortc offers they answered,
/// through `JSEPOfferer.negotiation(offer:answer:)`: what the bench will see from a real Janus.
@Suite struct JSEPOffererJanusTests {
    /// One Janus answer and what it says, read off the fixture by hand.
    struct Case: Sendable, CustomTestStringConvertible {
        var offer: String
        var answer: String
        var ufrag: String
        var pwd: String
        var fingerprint: String
        var audioSSRC: UInt32
        var video: (UInt32, UInt32)
        var candidatePort: UInt16

        var testDescription: String { answer }
    }

    static let cases = [
        Case(offer: "aiortc-echotest-offer.sdp", answer: "janus-1.1.2-echotest-answer.sdp", ufrag: "tptz",
             pwd: "iuA5XjJ8AeF7XJCHWl30ip",
             fingerprint: "sha-256 E7:C4:DE:4E:D7:59:11:4F:9A:C1:CB:D3:1E:0A:86:F3:7A:9D:33:3E:8A:85:96:FB:C7:A7:B8:D1:0A:85:CF:5F",
             audioSSRC: 2_092_595_157, video: (3_959_884_903, 806_796_811), candidatePort: 20446),
        Case(offer: "aiortc-trickle-offer.sdp", answer: "janus-1.1.2-trickle-answer.sdp", ufrag: "BmOy",
             pwd: "60MI5SwZdQZh3qMK3I4KCP",
             fingerprint: "sha-256 CC:E1:0B:42:87:C5:C1:D7:79:22:7E:58:2E:17:0B:FD:10:A1:E8:54:05:88:D1:07:40:3D:93:46:E4:C7:08:BF",
             audioSSRC: 4_099_013_231, video: (1_708_133_906, 514_014_938), candidatePort: 20850),
    ]

    private func negotiate(_ c: Case) throws -> JSEPNegotiation {
        try JSEPOfferer.negotiation(
            offer: JSEPTestSupport.offer(c.offer), answer: SessionDescription(parsing: Fixture.text(c.answer)))
    }

    @Test("transport: media-level ufrag/pwd, the session-level fingerprint, setup active → we passive, trickle",
          arguments: cases)
    func transport(c: Case) throws {
        let n = try negotiate(c)
        #expect(n.peerICEUfrag == c.ufrag && n.peerICEPwd == c.pwd)
        #expect(n.peerFingerprints == [try Fingerprint(parsing: c.fingerprint)])
        #expect(n.peerSetup == .active && n.localSetup == .passive)
        #expect(n.peerICEOptions == ["trickle"])
    }

    @Test("audio: mid 0, opus 96/48000, no fmtp, no feedback, mid and audio-level ids, Janus's SSRC", arguments: cases)
    func audio(c: Case) throws {
        let audio = try negotiate(c).media[0]
        #expect(audio == JSEPNegotiatedMedia(
            index: 0, mid: "0", kind: .audio, isAccepted: true, direction: .sendrecv, codec: .opus, payloadType: 96,
            clockRate: 48000, formatParameters: nil, rtxPayloadType: nil, rtcpFeedback: [],
            extensionIDs: [.mid: 1, .audioLevel: 2], peerSSRC: c.audioSSRC, peerRTXSSRC: nil))
    }

    @Test("video: mid 1, VP8 97 + RTX 98, Janus's five rtcp-fb lines as written, mid id 1, FID SSRCs",
          arguments: cases)
    func video(c: Case) throws {
        let video = try negotiate(c).media[1]
        #expect(video == JSEPNegotiatedMedia(
            index: 1, mid: "1", kind: .video, isAccepted: true, direction: .sendrecv, codec: .vp8, payloadType: 97,
            clockRate: 90000, formatParameters: nil, rtxPayloadType: 98,
            rtcpFeedback: ["ccm fir", "nack", "nack pli", "goog-remb", "transport-cc"],
            extensionIDs: [.mid: 1], peerSSRC: c.video.0, peerRTXSSRC: c.video.1))
    }

    @Test("the data channel: Janus accepts m=application (port 9) with no codec", arguments: cases)
    func dataChannel(c: Case) throws {
        let n = try negotiate(c)
        #expect(n.media.count == 3)
        #expect(n.media[2] == JSEPNegotiatedMedia(
            index: 2, mid: "2", kind: .application, isAccepted: true, direction: .sendrecv))
    }

    @Test("candidates: one host candidate per m-line (half-trickle), one distinct, a=end-of-candidates present",
          arguments: cases)
    func candidates(c: Case) throws {
        let found = JSEPOfferer.candidates(in: try SessionDescription(parsing: Fixture.text(c.answer)))
        let expected = try ICECandidate(parsing: "candidate:1 1 udp 2015363327 127.0.0.1 \(c.candidatePort) typ host")
        #expect(found.candidates == (0..<3).map { JSEPCandidate(mLineIndex: $0, mid: String($0), candidate: expected) })
        #expect(found.distinct == [expected])
        #expect(found.endOfCandidates)
        #expect(found.distinct.first?.description == "candidate:1 1 udp 2015363327 127.0.0.1 \(c.candidatePort) typ host")
    }

    @Test("the aiortc offers' own candidates are found too (m-line index, mid), with end-of-candidates")
    func offerCandidates() throws {
        let found = JSEPOfferer.candidates(in: try JSEPTestSupport.offer("aiortc-echotest-offer.sdp"))
        #expect(found.candidates.map(\.mid) == ["0", "1", "2"] && found.candidates.map(\.mLineIndex) == [0, 1, 2])
        #expect(found.distinct.map(\.port) == [48931] && found.endOfCandidates)
        let trickle = JSEPOfferer.candidates(in: try JSEPTestSupport.offer("aiortc-trickle-offer.sdp"))
        #expect(trickle.candidates.isEmpty && !trickle.endOfCandidates)
    }
}
