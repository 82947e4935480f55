/// Conversions between Unix time in microseconds and the NTP formats RTCP carries.
///
/// Wire: full NTP is 32.32 fixed-point seconds since 1900-01-01; the compact form (LSR, and the
/// arrival time `A` in the RTT formula) is its middle 32 bits, 16.16 seconds.
/// - SeeAlso: RFC 3550 §4 ("the middle 32 bits out of 64 in the NTP timestamp"), §6.4.1.
public enum NTPTime {
    /// Seconds from 1900-01-01 to 1970-01-01.
    public static let unixEpochOffsetSeconds: UInt64 = 2_208_988_800

    /// The 64-bit NTP timestamp for a Unix time in microseconds.
    public static func timestamp(unixMicroseconds: UInt64) -> UInt64 {
        let seconds = unixMicroseconds / 1_000_000 &+ unixEpochOffsetSeconds
        let fraction = (unixMicroseconds % 1_000_000) << 32 / 1_000_000
        return seconds << 32 | fraction
    }

    /// The compact (middle 32 bits) NTP time for a Unix time in microseconds.
    public static func compact(unixMicroseconds: UInt64) -> UInt32 {
        UInt32(truncatingIfNeeded: timestamp(unixMicroseconds: unixMicroseconds) >> 16)
    }

    /// Converts 16.16 fixed-point seconds (LSR/DLSR units) to microseconds, rounding down.
    public static func microseconds(fromCompact value: UInt32) -> UInt64 {
        (UInt64(value) * 1_000_000) >> 16
    }

    /// Converts microseconds to 16.16 fixed-point seconds (DLSR units), rounding down and saturating.
    public static func compact(fromMicroseconds value: UInt64) -> UInt32 {
        let (high, low) = value.multipliedFullWidth(by: 65_536)
        guard high < 1_000_000 else { return .max }
        let units = UInt64(1_000_000).dividingFullWidth((high, low)).quotient
        return units > UInt64(UInt32.max) ? .max : UInt32(units)
    }

    /// Round-trip time from a report block received at compact NTP time `arrival` (A − LSR − DLSR).
    ///
    /// - Returns: `nil` when the block carries no LSR (0: no SR received yet); zero when clock
    ///   skew makes the difference negative.
    /// - Units: microseconds.
    /// - SeeAlso: RFC 3550 §6.4.1 (Figure 2) and App. A.8.
    public static func roundTripMicroseconds(_ block: ReportBlock, arrival: UInt32) -> UInt64? {
        guard block.lastSenderReport != 0 else { return nil }
        let rtt = arrival &- block.lastSenderReport &- block.delaySinceLastSenderReport
        guard Int32(bitPattern: rtt) >= 0 else { return 0 }
        return microseconds(fromCompact: rtt)
    }
}
