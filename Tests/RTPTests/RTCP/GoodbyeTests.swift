import Testing
@testable import RTP

struct GoodbyeTests {
    let bytes: [UInt8] = [
        0x82, 0xCB, 0x00, 0x04,  // V=2 SC=2 | PT=203 | length 4 words
        0x00, 0x00, 0x00, 0x0A,  // SSRC 10
        0x00, 0x00, 0x00, 0x0B,  // SSRC 11
        0x04, 0x64, 0x6F, 0x6E,  // reason length 4 | "don
        0x65, 0x00, 0x00, 0x00,  // e" | pad
    ]

    @Test("BYE with two SSRCs and a reason parses and rebuilds the same bytes")
    func roundTrip() throws {
        let (ssrcs, reason) = try withPacket(bytes) { packet in
            let bye = try Goodbye(parsing: packet)
            return (Array(bye.ssrcs), bye.reason.map { Array($0) })
        }
        #expect(ssrcs == [10, 11])
        #expect(reason == Array("done".utf8))
        #expect(try build { try Goodbye.write(ssrcs: ssrcs, reason: "done".utf8, into: $0) } == bytes)
    }

    @Test("BYE without a reason has no reason field")
    func noReason() throws {
        let written = try build { try Goodbye.write(ssrcs: [7], reason: [UInt8](), into: $0) }
        #expect(written == [0x81, 0xCB, 0x00, 0x01, 0x00, 0x00, 0x00, 0x07])
        let reason = try withPacket(written) { try Goodbye(parsing: $0).reason }
        #expect(reason == nil)
    }
}
