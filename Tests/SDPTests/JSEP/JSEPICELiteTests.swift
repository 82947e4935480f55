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
