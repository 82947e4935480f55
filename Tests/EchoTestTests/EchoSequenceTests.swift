import Testing
@testable import EchoTest

/// Sequence continuity across a pause, RTX original sequence numbers and NACK ids.
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

    @Test func rtxOriginalSequenceAndNACKIdsFollowTheOffset() {
        // RTX packet with one CSRC and a one-word extension: payload starts at 12 + 4 + 4 + 4 = 24.
        var rtx: [UInt8] = [0x91, 97, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 9, 0xBE, 0xDE, 0, 1, 1, 2, 3, 4, 0x01, 0x2C, 0xAA]
        rtx.withUnsafeMutableBytes { EchoRewrite.lowerRTXOriginalSequence($0, by: 40) }
        #expect(rtx[24] == 0x01 && rtx[25] == 0x04)  // 300 - 40 = 260
        // A compound: RR (untouched) then a generic NACK with two items.
        var compound: [UInt8] = [0x80, 201, 0, 1, 0, 0, 0, 1,
                                 0x81, 205, 0, 4, 0, 0, 0, 1, 0, 0, 0, 2, 0x00, 0x6E, 0, 0, 0xFF, 0xFF, 0, 3]
        compound.withUnsafeMutableBytes { EchoRewrite.raiseNACKs(in: $0, by: 40) }
        #expect(Array(compound[20..<22]) == [0x00, 0x96])  // 110 + 40 = 150
        #expect(Array(compound[24..<26]) == [0x00, 0x27])  // 65535 + 40 wraps to 39
        #expect(Array(compound[26..<28]) == [0, 3])  // the bitmask is kept
        #expect(Array(compound[0..<8]) == [0x80, 201, 0, 1, 0, 0, 0, 1])
    }

    @Test func truncatedPacketsAreLeftAlone() {
        var short: [UInt8] = [0x90, 97, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0xBE, 0xDE, 0, 9]
        let before = short
        short.withUnsafeMutableBytes { EchoRewrite.lowerRTXOriginalSequence($0, by: 5) }
        #expect(short == before)
        var compound: [UInt8] = [0x81, 205, 0, 9, 0, 0]
        compound.withUnsafeMutableBytes { EchoRewrite.raiseNACKs(in: $0, by: 5) }
        #expect(compound == [0x81, 205, 0, 9, 0, 0])
    }
}
