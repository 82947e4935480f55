import Testing
import RTP

struct ReceiveStatisticsTests {
    @Test("in-order packets count packets and bytes with no loss")
    func inOrder() {
        var stats = ReceiveStatistics(clockRate: 90_000)
        for i in 0..<10 {
            stats.record(
                sequenceNumber: UInt16(100 + i), timestamp: UInt32(i * 3000), payloadBytes: 1000,
                arrivalMicroseconds: UInt64(i) * 33_333)
        }
        #expect(stats.packets == 10)
        #expect(stats.bytes == 10_000)
        #expect(stats.expected == 10)
        #expect(stats.cumulativeLost == 0)
        #expect(stats.extendedHighestSequence.value == 109)
    }

    @Test("loss across the 16-bit wrap gives cumulative loss and a fraction per interval")
    func lossAcrossWrap() {
        var stats = ReceiveStatistics(clockRate: 48_000)
        // 65532 ... 3 is 8 packets; 65535 and 1 are lost.
        for sequence: UInt16 in [65_532, 65_533, 65_534, 0, 2, 3] {
            stats.record(sequenceNumber: sequence, timestamp: 0, payloadBytes: 10, arrivalMicroseconds: 0)
        }
        #expect(stats.extendedHighestSequence.value == 65_536 + 3)
        #expect(stats.expected == 8)
        #expect(stats.cumulativeLost == 2)
        let block = stats.makeReportBlock(ssrc: 42, nowMicroseconds: 0)
        #expect(block.ssrc == 42)
        #expect(block.fractionLost == 64)  // 2/8 × 256
        #expect(block.cumulativeLost == 2)
        #expect(block.extendedHighestSequence == 0x1_0003)
        #expect(block.lastSenderReport == 0)
        // A second interval with no loss reports fraction 0 but keeps the cumulative count.
        stats.record(sequenceNumber: 4, timestamp: 0, payloadBytes: 10, arrivalMicroseconds: 0)
        let next = stats.makeReportBlock(ssrc: 42, nowMicroseconds: 0)
        #expect(next.fractionLost == 0)
        #expect(next.cumulativeLost == 2)
    }

    @Test("a duplicate makes cumulative loss negative and fraction zero")
    func duplicate() {
        var stats = ReceiveStatistics(clockRate: 90_000)
        for sequence: UInt16 in [1, 2, 2] {
            stats.record(sequenceNumber: sequence, timestamp: 0, payloadBytes: 1, arrivalMicroseconds: 0)
        }
        #expect(stats.cumulativeLost == -1)
        #expect(stats.makeReportBlock(ssrc: 1, nowMicroseconds: 0).fractionLost == 0)
    }

    @Test("a huge jump is rejected once and accepted as a restart when the next packet follows it")
    func restart() {
        var stats = ReceiveStatistics(clockRate: 90_000)
        stats.record(sequenceNumber: 10, timestamp: 0, payloadBytes: 1, arrivalMicroseconds: 0)
        let jumped = stats.record(sequenceNumber: 20_000, timestamp: 0, payloadBytes: 1, arrivalMicroseconds: 0)
        #expect(!jumped)
        #expect(stats.packets == 1)
        let confirmed = stats.record(sequenceNumber: 20_001, timestamp: 0, payloadBytes: 1, arrivalMicroseconds: 0)
        #expect(confirmed)
        #expect(stats.extendedHighestSequence.wire == 20_001)
        #expect(stats.cumulativeLost == 0)
    }

    @Test("constant transit gives zero jitter; alternating 10 ms skew converges toward 900 units at 90 kHz")
    func jitter() {
        var steady = ReceiveStatistics(clockRate: 90_000)
        for i in 0..<50 {
            steady.record(
                sequenceNumber: UInt16(i), timestamp: UInt32(i * 3000), payloadBytes: 1,
                arrivalMicroseconds: 5_000_000 + UInt64(i) * 33_333)
        }
        #expect(steady.jitter <= 1)
        var skewed = ReceiveStatistics(clockRate: 90_000)
        for i in 0..<400 {
            let skew: UInt64 = i % 2 == 0 ? 0 : 10_000
            skewed.record(
                sequenceNumber: UInt16(i), timestamp: UInt32(i * 900), payloadBytes: 1,
                arrivalMicroseconds: UInt64(i) * 10_000 + skew)
        }
        // |D| is 900 units (10 ms) every packet, so J → 900 (A.8 integer form settles just below).
        #expect(skewed.jitter >= 890 && skewed.jitter <= 900)
    }

    @Test("after an SR, the report block echoes LSR and the delay in 1/65536 s")
    func lastSenderReport() {
        var stats = ReceiveStatistics(clockRate: 90_000)
        stats.record(sequenceNumber: 1, timestamp: 0, payloadBytes: 1, arrivalMicroseconds: 0)
        let sender = SenderInfo(
            ssrc: 5, ntpTimestamp: 0x0001_2345_6789_0000, rtpTimestamp: 0, packetCount: 0, octetCount: 0)
        stats.recordSenderReport(sender, arrivalMicroseconds: 1_000_000)
        let block = stats.makeReportBlock(ssrc: 5, nowMicroseconds: 1_500_000)
        #expect(block.lastSenderReport == 0x2345_6789)
        #expect(block.delaySinceLastSenderReport == 32_768)  // 0.5 s
    }
}
