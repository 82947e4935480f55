import Testing
@testable import EchoTest

/// Sequence continuity across a pause (the byte edits it drives are tested in RTPTests/RTCPFeedbackEditTests).
@Suite struct EchoSequenceTests {
    @Test func withoutAPauseSequenceNumbersPassUnchanged() {
        var state = EchoSequence()
        #expect((100..<110).map { state.relay(UInt16($0)) } == (100..<110).map { UInt16($0) })
        #expect(state.offset == 0)
    }

    @Test func packetsDroppedWhilePausedLeaveNoGap() {
        var state = EchoSequence()
        for number in 100..<110 { _ = state.relay(UInt16(number)) }
        for _ in 110..<150 { state.drop() }
        // 40 packets (110...149) were dropped: 150 goes out as 110.
        #expect(state.relay(150) == 110)
        #expect(state.relay(151) == 111)
        #expect(state.offset == 40)
    }

    @Test func offsetsAddUpAndWrapAround() {
        var state = EchoSequence()
        _ = state.relay(65_530)
        state.drop()
        #expect(state.relay(4) == 65_531)  // 65531...3 (9 packets) skipped
        state.drop()
        #expect(state.relay(20) == 65_532)  // 5...19 (15 more) skipped
        #expect(state.offset == 24)
    }

    @Test func aPauseBeforeTheFirstPacketChangesNothing() {
        var state = EchoSequence()
        state.drop()
        #expect(state.relay(500) == 500)
    }

    @Test func packingRoundTrips() {
        var state = EchoSequence()
        _ = state.relay(7)
        state.drop()
        #expect(EchoSequence(packed: state.packed) == state)
        #expect(EchoSequence(packed: 0) == EchoSequence())
    }
}
