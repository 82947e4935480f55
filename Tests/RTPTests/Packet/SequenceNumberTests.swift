import Testing
import RTP

struct SequenceNumberTests {
    @Test("extending across 65535 → 0 moves to the next rollover")
    func extendsForwardAcrossWrap() {
        let previous = SequenceNumber(65_535)
        let next = SequenceNumber(extending: 0, nearest: previous)
        #expect(next.value == 65_536)
        #expect(next.rollovers == 1)
        #expect(next.wire == 0)
        #expect(next > previous)
    }

    @Test("a late packet from before the wrap extends to the previous rollover")
    func extendsBackwardAcrossWrap() {
        let previous = SequenceNumber(65_536 + 2)
        #expect(SequenceNumber(extending: 65_534, nearest: previous).value == 65_534)
    }

    @Test("a packet before zero in the first rollover is taken forward, never negative")
    func noNegativeRollover() {
        #expect(SequenceNumber(extending: 65_535, nearest: SequenceNumber(5)).value == 65_535)
    }

    @Test("isNewer uses serial-number arithmetic", arguments: [
        (UInt16(1), UInt16(0), true), (0, 65_535, true), (65_535, 0, false),
        (5, 5, false), (32_767, 0, true), (32_768, 0, false),
    ])
    func serialOrder(a: UInt16, b: UInt16, newer: Bool) {
        #expect(SequenceNumber.isNewer(a, than: b) == newer)
    }

    @Test("description shows rollovers and the wire value")
    func describes() {
        #expect(SequenceNumber(65_541).description == "1:5")
    }
}
