import Testing
@testable import WebRTC

/// RFC 3711 §3.3.1 and Appendix A: the receiver guesses the rollover counter of each packet from
/// its 16-bit sequence number and the highest index accepted so far.
@Suite struct SRTPPacketIndexTests {
    private func index(roc: UInt64, _ sequence: UInt16) -> UInt64 { roc << 16 | UInt64(sequence) }

    @Test func theFirstPacketHasRolloverCounterZero() {
        #expect(SRTPPacketIndex.estimate(sequence: 0, highest: nil) == 0)
        #expect(SRTPPacketIndex.estimate(sequence: 0xf17b, highest: nil) == 0xf17b)
    }

    @Test func inOrderAndSlightlyLatePacketsKeepTheRolloverCounter() {
        let highest = index(roc: 3, 1_000)
        #expect(SRTPPacketIndex.estimate(sequence: 1_001, highest: highest) == index(roc: 3, 1_001))
        #expect(SRTPPacketIndex.estimate(sequence: 900, highest: highest) == index(roc: 3, 900))
        #expect(SRTPPacketIndex.estimate(sequence: 33_768, highest: highest) == index(roc: 3, 33_768))
    }

    @Test func aWrapForwardIncrementsTheRolloverCounter() {
        let highest = index(roc: 3, 65_530)
        #expect(SRTPPacketIndex.estimate(sequence: 65_535, highest: highest) == index(roc: 3, 65_535))
        #expect(SRTPPacketIndex.estimate(sequence: 0, highest: highest) == index(roc: 4, 0))
        #expect(SRTPPacketIndex.estimate(sequence: 5, highest: highest) == index(roc: 4, 5))
        // s_l - 2^15 > SEQ is the RFC's condition for ROC + 1.
        #expect(SRTPPacketIndex.estimate(sequence: 32_761, highest: highest) == index(roc: 4, 32_761))
        #expect(SRTPPacketIndex.estimate(sequence: 32_762, highest: highest) == index(roc: 3, 32_762))
    }

    @Test func aLatePacketFromBeforeTheWrapTakesTheOldRolloverCounter() {
        let highest = index(roc: 4, 3)   // already wrapped
        #expect(SRTPPacketIndex.estimate(sequence: 65_533, highest: highest) == index(roc: 3, 65_533))
        #expect(SRTPPacketIndex.estimate(sequence: 65_535, highest: highest) == index(roc: 3, 65_535))
        #expect(SRTPPacketIndex.estimate(sequence: 2, highest: highest) == index(roc: 4, 2))
        // SEQ - s_l > 2^15 is the RFC's condition for ROC - 1.
        #expect(SRTPPacketIndex.estimate(sequence: 32_772, highest: highest) == index(roc: 3, 32_772))
        #expect(SRTPPacketIndex.estimate(sequence: 32_771, highest: highest) == index(roc: 4, 32_771))
    }

    @Test func theRolloverCounterNeverGoesBelowZero() {
        // As libsrtp does, an early stream (ROC 0) takes a far-ahead sequence as ROC 0, not ROC -1.
        #expect(SRTPPacketIndex.estimate(sequence: 65_000, highest: index(roc: 0, 100)) == index(roc: 0, 65_000))
    }

    /// Many wraps, each packet one to three ahead of the last, with every fifth pair swapped:
    /// every estimate equals the sender's true index.
    @Test func manyWrapsWithReorderingEstimateTheTrueIndex() {
        var trueIndices: [UInt64] = []
        var next: UInt64 = 65_000
        while next < 6 * 65_536 {
            trueIndices.append(next)
            next += 1 + next % 3
        }
        for pair in stride(from: 0, to: trueIndices.count - 1, by: 5) { trueIndices.swapAt(pair, pair + 1) }
        var highest: UInt64?
        for truth in trueIndices {
            let estimate = SRTPPacketIndex.estimate(sequence: UInt16(truncatingIfNeeded: truth), highest: highest)
            #expect(estimate == truth)
            highest = max(highest ?? 0, estimate)
        }
        #expect(highest == trueIndices.max())
    }
}
