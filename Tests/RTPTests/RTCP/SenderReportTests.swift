import Testing
@testable import RTP

struct SenderReportTests {
    let bytes: [UInt8] = [
        0x81, 0xC8, 0x00, 0x0C,  // V=2 RC=1 | PT=200 | length 12 words
        0x90, 0x2F, 0x9E, 0x2E,  // sender SSRC 0x902F9E2E
        0xDA, 0x8B, 0xD1, 0xFC,  // NTP seconds
        0xDD, 0xDD, 0xA0, 0x5A,  // NTP fraction
        0xAA, 0xF4, 0xED, 0xD5,  // RTP timestamp
        0x00, 0x00, 0x00, 0x01,  // packet count 1
        0x00, 0x00, 0x00, 0x02,  // octet count 2
        0xBC, 0x5E, 0x9A, 0x40,  // block: SSRC
        0x10, 0xFF, 0xFF, 0xFE,  // fraction 16 | cumulative lost −2
        0x00, 0x01, 0x23, 0x45,  // extended highest sequence
        0x00, 0x00, 0x01, 0x10,  // jitter 272
        0x9E, 0x2E, 0xDA, 0x8B,  // LSR
        0x00, 0x01, 0x80, 0x00,  // DLSR 1.5 s
    ]

    @Test("SR with one report block parses and rebuilds the same bytes")
    func roundTrip() throws {
        let (sender, blocks) = try withPacket(bytes) { packet in
            let report = try SenderReport(parsing: packet)
            return (report.sender, Array(report.reportBlocks))
        }
        #expect(sender == SenderInfo(
            ssrc: 0x902F_9E2E, ntpTimestamp: 0xDA8B_D1FC_DDDD_A05A, rtpTimestamp: 0xAAF4_EDD5,
            packetCount: 1, octetCount: 2))
        #expect(sender.compactNTP == 0xD1FC_DDDD)
        #expect(blocks == [ReportBlock(
            ssrc: 0xBC5E_9A40, fractionLost: 16, cumulativeLost: -2, extendedHighestSequence: 0x12345,
            jitter: 272, lastSenderReport: 0x9E2E_DA8B, delaySinceLastSenderReport: 0x18000)])
        #expect(try build { try SenderReport.write(sender, reportBlocks: blocks, into: $0) } == bytes)
    }

    @Test("report blocks overrunning the packet are truncated, not trapped")
    func blockOverrun() {
        var short = bytes
        short[0] = 0x82  // RC=2 but only one block
        #expect(throws: RTCPParseError.truncated) { try withPacket(short) { try SenderReport(parsing: $0) } }
    }

    @Test("an RR is not an SR")
    func wrongType() {
        var other = bytes
        other[1] = 201
        #expect(throws: RTCPParseError.wrongType) { try withPacket(other) { try SenderReport(parsing: $0) } }
    }

    @Test("writing into a small buffer fails with bufferTooSmall")
    func smallBuffer() {
        let sender = SenderInfo(ssrc: 1, ntpTimestamp: 2, rtpTimestamp: 3, packetCount: 4, octetCount: 5)
        #expect(throws: RTCPBuildError.bufferTooSmall) {
            try build(capacity: 27) { try SenderReport.write(sender, reportBlocks: [], into: $0) }
        }
    }

    @Test("cumulative loss is clamped to 24 signed bits on write")
    func clampsLoss() throws {
        let block = ReportBlock(
            ssrc: 1, fractionLost: 0, cumulativeLost: 0x0100_0000, extendedHighestSequence: 0, jitter: 0,
            lastSenderReport: 0, delaySinceLastSenderReport: 0)
        let written = try build { try ReceiverReport.write(ssrc: 9, reportBlocks: [block], into: $0) }
        #expect(written[13...15] == [0x7F, 0xFF, 0xFF])
    }
}
