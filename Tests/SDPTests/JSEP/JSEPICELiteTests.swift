import Testing
@testable import SDP

/// `ice_lite`: the answer announces a lite agent at session level (RFC 8839 §5.3), and only then.
@Suite struct JSEPICELiteTests {
    @Test func liteAgentsSayIceLiteAtSessionLevel() throws {
        var local = JSEPTestSupport.local
        local.iceLite = true
        let answer = try JSEPTestSupport.answer(JSEPTestSupport.offer("chrome-156-offer.sdp"), local: local)
        #expect(answer.sessionDescription.attributes.contains(.iceLite))
        #expect(answer.sessionDescription.serialized().contains("\r\na=ice-lite\r\n"))
        #expect(answer.sessionDescription.media.allSatisfy { !$0.attributes.contains(.iceLite) })
    }

    @Test func fullAgentsDoNot() throws {
        let answer = try JSEPTestSupport.answer(JSEPTestSupport.offer("chrome-156-offer.sdp"))
        #expect(!answer.sessionDescription.serialized().contains("a=ice-lite"))
    }
}

/// Without the transport-wide sequence extension (the gateway's choice until it numbers and acknowledges
/// packets itself), `transport-cc` feedback is not answered either.
@Suite struct JSEPTransportCCTests {
    @Test(arguments: ["chrome-156-offer.sdp", "firefox-esr-153-offer.sdp", "aiortc-echotest-offer.sdp"])
    func noTransportCCWithoutItsExtension(fixture: String) throws {
        var local = JSEPTestSupport.local
        local.headerExtensions = [.mid, .absSendTime, .audioLevel]
        let sdp = try JSEPTestSupport.answer(JSEPTestSupport.offer(fixture), local: local).sessionDescription.serialized()
        #expect(!sdp.contains("transport-cc") && !sdp.contains("transport-wide-cc"))
        #expect(sdp.contains("a=rtcp-fb:") || fixture.hasPrefix("aiortc"), "other feedback stays")
    }
}

/// `JSEPAnswerer.check`: the offer's rules without our parameters (the gateway refuses bad offers with it).
@Suite struct JSEPCheckTests {
    @Test func aGoodOfferPassesAndABadOneThrowsWhatAnswerWould() throws {
        let offer = try JSEPTestSupport.offer("chrome-156-offer.sdp")
        try JSEPAnswerer.check(offer)
        let noBundle = JSEPTestSupport.removing(offer) { if case .group = $0 { true } else { false } }
        #expect(throws: JSEPError.self) { try JSEPAnswerer.check(noBundle) }
        #expect((try? JSEPAnswerer.check(noBundle)) == nil)
        #expect(JSEPTestSupport.error(noBundle)?.kind == .missingBundle)
    }
}
