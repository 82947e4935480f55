import Testing
@testable import SDP

/// RFC 3264 §6.1 directions on real offers with one section's direction changed, and what we then
/// write (our msid/ssrc lines only when we send), plus how kept extmap directions are answered.
@Suite struct JSEPDirectionTests {
    typealias S = JSEPTestSupport

    static let cases: [(offered: MediaDirection, answered: MediaDirection)] = [
        (.sendrecv, .sendrecv), (.sendonly, .recvonly), (.recvonly, .sendonly), (.inactive, .inactive),
    ]

    @Test("the mapping table, and an absent direction meaning sendrecv")
    func table() {
        for (offered, answered) in Self.cases {
            #expect(JSEPAnswerer.answerDirection(for: offered) == answered)
        }
        #expect(JSEPAnswerer.answerDirection(for: nil) == .sendrecv)
    }

    @Test("each offered direction on Chrome's video is answered per RFC 3264; msid/ssrc only when we send",
          arguments: cases.map(\.offered))
    func chromeVideo(offered: MediaDirection) throws {
        let offer = S.setting(offered, in: 1, of: try S.offer("chrome-156-offer.sdp"))
        let result = try S.answer(offer)
        let answered = JSEPAnswerer.answerDirection(for: offered)
        let video = result.sessionDescription.media[1]
        #expect(video.direction == answered)
        #expect(result.negotiation.media[1].direction == answered)
        #expect(video.port == 9 && result.negotiation.media[1].isAccepted)
        let sends = answered == .sendrecv || answered == .sendonly
        #expect(video.msids.isEmpty == !sends)
        #expect(video.ssrcAttributes.isEmpty == !sends)
        #expect(video.ssrcGroups.isEmpty == !sends)
        #expect(result.sessionDescription.media[0].direction == .sendrecv)
    }

    @Test("a section without a direction attribute is answered sendrecv")
    func absentDirection() throws {
        let offer = S.removing(try S.offer("aiortc-echotest-offer.sdp")) {
            if case .direction = $0 { true } else { false }
        }
        let answer = try S.answer(offer).sessionDescription
        #expect(answer.media[0].direction == .sendrecv && answer.media[1].direction == .sendrecv)
    }

    @Test("a kept extmap with a direction is answered with the reverse direction (RFC 8285 §8)")
    func extmapDirection() throws {
        var offer = try S.offer("chrome-156-offer.sdp")
        offer.media[0].attributes = offer.media[0].attributes.map {
            guard case .extmap(let e) = $0, e.id == 1 else { return $0 }
            return .extmap(ExtMap(id: 1, direction: .recvonly, uri: e.uri))
        }
        let audio = try S.answer(offer).sessionDescription.media[0]
        #expect(audio.extMaps.first == ExtMap(id: 1, direction: .sendonly, uri: JSEPHeaderExtension.audioLevel.uri))
        #expect(audio.extMaps.dropFirst().allSatisfy { $0.direction == nil })
    }
}
