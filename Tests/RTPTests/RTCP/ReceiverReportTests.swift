import Testing
@testable import RTP

struct ReceiverReportTests {
    let bytes: [UInt8] = [
        0x81, 0xC9, 0x00, 0x07,  // V=2 RC=1 | PT=201 | length 7 words
        0x00, 0x00, 0x00, 0x01,  // reporter SSRC 1
        0x00, 0x00, 0x00, 0x02,  // block: SSRC 2
        0x40, 0x00, 0x00, 0x05,  // fraction 64 (25 %) | cumulative lost 5
        0x00, 0x01, 0x00, 0x10,  // extended highest sequence 65552
        0x00, 0x00, 0x00, 0x20,  // jitter 32
        0x00, 0x00, 0x00, 0x00,  // LSR none
        0x00, 0x00, 0x00, 0x00,  // DLSR none
    ]

    @Test("RR with one block parses and rebuilds the same bytes")
    func roundTrip() throws {
        let (ssrc, blocks) = try withPacket(bytes) { packet in
            let report = try ReceiverReport(parsing: packet)
            return (report.ssrc, Array(report.reportBlocks))
        }
        #expect(ssrc == 1)
        #expect(blocks.count == 1)
        #expect(blocks[0].fractionLost == 64)
        #expect(blocks[0].cumulativeLost == 5)
        #expect(blocks[0].extendedHighestSequence == 65_552)
        #expect(blocks[0].jitter == 32)
        #expect(try build { try ReceiverReport.write(ssrc: ssrc, reportBlocks: blocks, into: $0) } == bytes)
    }

    @Test("an empty RR is 8 bytes with RC=0")
    func emptyReport() throws {
        let written = try build { try ReceiverReport.write(ssrc: 0xABCD, reportBlocks: [], into: $0) }
        #expect(written == [0x80, 0xC9, 0x00, 0x01, 0x00, 0x00, 0xAB, 0xCD])
    }

    @Test("more than 31 blocks is tooManyItems")
    func tooMany() {
        let block = ReportBlock(
            ssrc: 1, fractionLost: 0, cumulativeLost: 0, extendedHighestSequence: 0, jitter: 0,
            lastSenderReport: 0, delaySinceLastSenderReport: 0)
        #expect(throws: RTCPBuildError.tooManyItems) {
            try build { try ReceiverReport.write(ssrc: 1, reportBlocks: Array(repeating: block, count: 32), into: $0) }
        }
    }
}
