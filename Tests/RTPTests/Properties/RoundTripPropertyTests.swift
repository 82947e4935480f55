import Testing
@testable import RTP
import TestSupport

/// parse(build(x)) == x over seeded random values (SplitMix64, fixed seeds: same cases every run).
struct RoundTripPropertyTests {
    static let iterations = 500

    func randomBlock(_ rng: inout SplitMix64) -> ReportBlock {
        ReportBlock(
            ssrc: .random(in: .min ... .max, using: &rng), fractionLost: .random(in: .min ... .max, using: &rng),
            cumulativeLost: .random(in: -0x80_0000...0x7F_FFFF, using: &rng),
            extendedHighestSequence: .random(in: .min ... .max, using: &rng),
            jitter: .random(in: .min ... .max, using: &rng),
            lastSenderReport: .random(in: .min ... .max, using: &rng),
            delaySinceLastSenderReport: .random(in: .min ... .max, using: &rng))
    }

    @Test("SR and RR: parse(build(x)) == x for 500 seeded reports with 0–31 blocks")
    func reports() throws {
        var rng = SplitMix64(seed: 0x5EED_0001)
        for _ in 0..<Self.iterations {
            let blocks = (0..<Int.random(in: 0...31, using: &rng)).map { _ in randomBlock(&rng) }
            let sender = SenderInfo(
                ssrc: .random(in: .min ... .max, using: &rng), ntpTimestamp: rng.next(),
                rtpTimestamp: .random(in: .min ... .max, using: &rng),
                packetCount: .random(in: .min ... .max, using: &rng),
                octetCount: .random(in: .min ... .max, using: &rng))
            let sr = try build { try SenderReport.write(sender, reportBlocks: blocks, into: $0) }
            let parsedSR = try withPacket(sr) {
                let report = try SenderReport(parsing: $0)
                return (report.sender, Array(report.reportBlocks))
            }
            #expect(parsedSR.0 == sender)
            #expect(parsedSR.1 == blocks)
            let rr = try build { try ReceiverReport.write(ssrc: sender.ssrc, reportBlocks: blocks, into: $0) }
            let parsedRR = try withPacket(rr) {
                let report = try ReceiverReport(parsing: $0)
                return (report.ssrc, Array(report.reportBlocks))
            }
            #expect(parsedRR.0 == sender.ssrc)
            #expect(parsedRR.1 == blocks)
        }
    }

    @Test("REMB: parse(build(x)) == x for 500 seeded representable bitrates and SSRC lists")
    func remb() throws {
        var rng = SplitMix64(seed: 0x5EED_0002)
        for _ in 0..<Self.iterations {
            let mantissa = UInt64.random(in: 0...0x3FFFF, using: &rng)
            let bitrate = mantissa << UInt64.random(in: 0...46, using: &rng)
            let ssrcs = (0..<Int.random(in: 0...20, using: &rng)).map { _ in
                UInt32.random(in: .min ... .max, using: &rng)
            }
            let sender = UInt32.random(in: .min ... .max, using: &rng)
            let bytes = try build {
                try ReceiverEstimatedMaximumBitrate.write(senderSSRC: sender, bitrate: bitrate, ssrcs: ssrcs, into: $0)
            }
            let parsed = try withPacket(bytes) { packet in
                let remb = try ReceiverEstimatedMaximumBitrate(parsing: packet)
                return (remb.senderSSRC, remb.bitrate, Array(remb.ssrcs))
            }
            #expect(parsed.0 == sender)
            #expect(parsed.1 == bitrate)
            #expect(parsed.2 == ssrcs)
            // Any bitrate round-trips to its representable value, never above the input.
            let any = rng.next() >> UInt64.random(in: 0...63, using: &rng)
            #expect(ReceiverEstimatedMaximumBitrate.representable(any) <= any)
            // Truncating to an 18-bit mantissa loses less than 2^exp ≤ any >> 17.
            #expect(any - ReceiverEstimatedMaximumBitrate.representable(any) <= any >> 17)
        }
    }

    @Test("NACK: items → bytes → items, and lost list → items → lost list, for 500 seeded loss patterns")
    func nack() throws {
        var rng = SplitMix64(seed: 0x5EED_0003)
        for _ in 0..<Self.iterations {
            var lost: [UInt16] = []
            var sequence = UInt16.random(in: .min ... .max, using: &rng)
            for _ in 0..<Int.random(in: 1...60, using: &rng) {
                lost.append(sequence)
                sequence &+= UInt16.random(in: 1...40, using: &rng)
            }
            let items = Array(NACKItems(lost: lost))
            let flattened = items.flatMap { Array($0.lostSequenceNumbers) }
            #expect(flattened == lost)
            let bytes = try build { try GenericNACK.write(senderSSRC: 1, mediaSSRC: 2, items: items, into: $0) }
            let parsed = try withPacket(bytes) { packet in
                let nack = try GenericNACK(parsing: packet)
                return (Array(nack.items), Array(nack.lostSequenceNumbers))
            }
            #expect(parsed.0 == items)
            #expect(parsed.1 == lost)
        }
    }

    @Test("NACK bitmask ↔ list: every 16-bit mask survives item → list → item")
    func nackBitmasks() {
        for mask in UInt16.min...UInt16.max {
            let item = NACKItem(packetID: 65_530, lostBitmask: mask)
            let lost = Array(item.lostSequenceNumbers)
            #expect(lost.count == 1 + mask.nonzeroBitCount)
            #expect(Array(NACKItems(lost: lost)) == [item])
        }
    }

    @Test("SequenceNumber: extension orders 2000 seeded steps across many wraps like the true counter")
    func sequenceOrder() {
        var rng = SplitMix64(seed: 0x5EED_0004)
        var truth: UInt64 = UInt64.random(in: 0...200_000, using: &rng)
        var extended = SequenceNumber(truth)
        for _ in 0..<2000 {
            let step = Int64.random(in: -3000...30_000, using: &rng)
            let next = UInt64(max(Int64(truth) + step, 0))
            let candidate = SequenceNumber(extending: UInt16(truncatingIfNeeded: next), nearest: extended)
            #expect(candidate.value == next)
            #expect((candidate > extended) == (next > truth))
            #expect(SequenceNumber.isNewer(candidate.wire, than: extended.wire) == (next > truth))
            truth = next
            extended = candidate
        }
    }
}
