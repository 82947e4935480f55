import Testing
import RTP

struct NTPTimeTests {
    @Test("the Unix epoch is NTP second 2208988800")
    func epoch() {
        #expect(NTPTime.timestamp(unixMicroseconds: 0) == UInt64(2_208_988_800) << 32)
        #expect(NTPTime.timestamp(unixMicroseconds: 500_000) == UInt64(2_208_988_800) << 32 | 0x8000_0000)
    }

    @Test("compact time is the middle 32 bits")
    func compact() {
        let micros: UInt64 = 1_700_000_000_250_000
        #expect(NTPTime.compact(unixMicroseconds: micros)
            == UInt32(truncatingIfNeeded: NTPTime.timestamp(unixMicroseconds: micros) >> 16))
        #expect(NTPTime.compact(fromMicroseconds: 1_500_000) == 0x1_8000)
        #expect(NTPTime.microseconds(fromCompact: 0x1_8000) == 1_500_000)
        #expect(NTPTime.compact(fromMicroseconds: .max) == .max)
    }

    @Test("RTT is A − LSR − DLSR in microseconds (RFC 3550 Figure 2 example)")
    func roundTrip() {
        // RFC 3550 §6.4.1: A = 0xB710_8000 (46864.500 s), LSR = 0xB705_2000 (46853.125 s),
        // DLSR = 0x0005_4000 (5.250 s) → RTT 6.125 s.
        let block = ReportBlock(
            ssrc: 1, fractionLost: 0, cumulativeLost: 0, extendedHighestSequence: 0, jitter: 0,
            lastSenderReport: 0xB705_2000, delaySinceLastSenderReport: 0x0005_4000)
        #expect(NTPTime.roundTripMicroseconds(block, arrival: 0xB710_8000) == 6_125_000)
        var none = block
        none.lastSenderReport = 0
        #expect(NTPTime.roundTripMicroseconds(none, arrival: 0xB710_8000) == nil)
        #expect(NTPTime.roundTripMicroseconds(block, arrival: 0xB705_2000) == 0)
    }
}
