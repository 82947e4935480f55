import GatewayCore
import Testing

@Suite("JanusError reasons")
struct JanusErrorReasonTests {
    @Test("a reason past maxReasonLength characters is cut and says how much was left out")
    func longReasonIsCut() {
        let long = String(repeating: "m=video 9 UDP/TLS/RTP/SAVPF 96 is bad; ", count: 500)
        let error = JanusError(465, long)
        #expect(error.reason.hasPrefix(String(long.prefix(JanusError.maxReasonLength))))
        #expect(error.reason.hasSuffix("… (\(long.count - JanusError.maxReasonLength) more characters)"))
        #expect(error.reason.count < JanusError.maxReasonLength + 40)
        #expect(error.code == 465)
    }

    @Test("reasons up to the limit are kept as they are")
    func shortReasonIsKept() {
        let exact = String(repeating: "x", count: JanusError.maxReasonLength)
        #expect(JanusError(458, exact).reason == exact)
        #expect(JanusError(458, "No such session 42").reason == "No such session 42")
    }
}
