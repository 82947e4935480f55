import Testing
@testable import WebRTC

/// RFC 3711 §3.3.2: a receiver keeps a sliding window of indices it has accepted; a duplicate is
/// rejected, an index older than the window is rejected, anything newer slides the window.
@Suite struct SRTPReplayWindowTests {
    /// Checks `index` and, when it passes, marks it (as a session does after the tag verified).
    private func receive(_ index: UInt64, into window: inout SRTPReplayWindow) -> SRTPError? {
        do { try window.check(index) } catch { return error }
        window.mark(index)
        return nil
    }

    @Test func anEmptyWindowAcceptsAnyFirstIndex() throws {
        for first: UInt64 in [0, 1, 65_535, 1 << 40] {
            var window = SRTPReplayWindow()
            #expect(window.highest == nil)
            #expect(receive(first, into: &window) == nil)
            #expect(window.highest == first)
        }
    }

    @Test func aDuplicateIsReplayFail() {
        var window = SRTPReplayWindow()
        #expect(receive(10, into: &window) == nil)
        #expect(receive(10, into: &window) == .replayFail)
        #expect(receive(11, into: &window) == nil)
        #expect(receive(10, into: &window) == .replayFail)
        #expect(receive(11, into: &window) == .replayFail)
    }

    @Test func outOfOrderWithinTheWindowIsAcceptedOnce() {
        var window = SRTPReplayWindow()
        #expect(receive(1_000, into: &window) == nil)
        // 127 behind the highest is the oldest slot of a 128-packet window.
        for late in [999, 900, 873] as [UInt64] {
            #expect(receive(late, into: &window) == nil)
            #expect(receive(late, into: &window) == .replayFail)
        }
        #expect(window.highest == 1_000)
    }

    @Test func olderThanTheWindowIsReplayOld() {
        var window = SRTPReplayWindow()
        #expect(receive(1_000, into: &window) == nil)
        #expect(receive(872, into: &window) == .replayOld)  // 128 behind
        #expect(receive(0, into: &window) == .replayOld)
        #expect(receive(873, into: &window) == nil)         // 127 behind
    }

    @Test func theWindowSlidesWithNewerIndices() {
        var window = SRTPReplayWindow()
        #expect(receive(100, into: &window) == nil)
        #expect(receive(150, into: &window) == nil)
        #expect(receive(100, into: &window) == .replayFail)  // 50 behind: still remembered
        #expect(receive(228, into: &window) == nil)          // 100 is now 128 behind
        #expect(receive(100, into: &window) == .replayOld)
        #expect(receive(150, into: &window) == .replayFail)  // 78 behind, seen
        #expect(receive(151, into: &window) == nil)          // 77 behind, not seen
        #expect(receive(10_000, into: &window) == nil)       // a jump past the whole window
        #expect(receive(228, into: &window) == .replayOld)
        #expect(receive(9_999, into: &window) == nil)
        #expect(receive(10_000, into: &window) == .replayFail)
    }

    @Test func checkAloneChangesNothing() throws {
        var window = SRTPReplayWindow()
        window.mark(500)
        let before = window
        try window.check(600)   // a forged packet would stop after this check
        try window.check(499)
        #expect(window == before)
        #expect(receive(600, into: &window) == nil)
    }

    /// Every index of a shuffled run within the window is accepted exactly once.
    @Test func aShuffledRunIsAcceptedExactlyOnce() {
        var window = SRTPReplayWindow()
        var order = Array(UInt64(0)..<4_096)
        // Swap within blocks of 64 so no index arrives more than 127 behind the highest.
        for block in stride(from: 0, to: order.count, by: 64) {
            order[block..<block + 64].reverse()
        }
        for index in order { #expect(receive(index, into: &window) == nil) }
        for index in order.suffix(100) { #expect(receive(index, into: &window) == .replayFail) }
        #expect(window.highest == 4_095)
    }
}
