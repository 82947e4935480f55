import Testing
@testable import RTP

/// The per-packet path (demux → RTP view → in-place rewrite → RTCP compound walk → statistics) over
/// preallocated buffers. Two fixed sizes so a heap profiler can compare 1 vs 10000 packets: run each test
/// alone under `valgrind` and the difference in allocation counts is the per-packet allocation count.
struct HotPathTests {
    static let rtcp: [UInt8] =
        ReceiverReportTests().bytes + SourceDescriptionTests().bytes + GoodbyeTests().bytes
        + PictureLossIndicationTests().bytes + GenericNACKTests().bytes

    /// Runs `packets` iterations and returns a checksum of what was read.
    func run(packets: Int) throws -> UInt64 {
        var rtp: [UInt8] = RTPHeaderTests().packet
        var statistics = ReceiveStatistics(clockRate: 90_000)
        var checksum: UInt64 = 0
        try rtp.withUnsafeMutableBytes { packet in
            try Self.rtcp.withUnsafeBytes { compoundBytes in
                for i in 0..<packets {
                    guard PacketKind(classifying: UnsafeRawBufferPointer(packet)) == .rtp else { return }
                    let header = try RTPHeader(parsing: UnsafeRawBufferPointer(packet))
                    checksum &+= UInt64(header.extensionElement(id: 3)?.count ?? 0) &+ UInt64(header.payload.count)
                    statistics.record(
                        sequenceNumber: header.sequenceNumber, timestamp: header.timestamp,
                        payloadBytes: header.payload.count, arrivalMicroseconds: UInt64(i) * 1000)
                    let rewriter = try RTPHeaderRewriter(packet)
                    rewriter.setSequenceNumber(header.sequenceNumber &+ 1)
                    rewriter.setTimestamp(header.timestamp &+ 90)
                    var compound = RTCPCompound(compoundBytes)
                    while let view = try compound.next() {
                        if case .genericNACK(let nack) = view {
                            for lost in nack.lostSequenceNumbers { checksum &+= UInt64(lost) }
                        }
                    }
                }
            }
        }
        return checksum &+ statistics.packets
    }

    // Per iteration: 3 payload bytes + 2 extension bytes + NACK losses 100+101+103+116+65535+0.
    static let perPacket: UInt64 = 3 + 2 + 100 + 101 + 103 + 116 + 65_535 + 0 + 1

    @Test("one packet through the hot path reads the expected fields")
    func onePacket() throws {
        #expect(try run(packets: 1) == Self.perPacket)
    }

    @Test("10000 packets through the hot path read the expected fields every time")
    func tenThousandPackets() throws {
        #expect(try run(packets: 10_000) == Self.perPacket * 10_000)
    }
}
