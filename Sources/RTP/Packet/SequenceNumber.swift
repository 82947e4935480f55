/// An RTP sequence number extended to 64 bits, so it orders correctly across 16-bit wraparound.
///
/// Wire: the low 16 bits are the header's sequence number; the high bits count wraps (the RFC 3550
/// "cycles", A.1), so `value >> 16` is the rollover count.
/// - Units: packets.
/// - SeeAlso: RFC 3550 §5.1 and App. A.1; str0m `SeqNo`.
public struct SequenceNumber: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The extended sequence number.
    public var value: UInt64

    /// Wraps an already extended value.
    public init(_ value: UInt64) {
        self.value = value
    }

    /// The 16-bit value carried on the wire.
    public var wire: UInt16 { UInt16(truncatingIfNeeded: value) }

    /// The number of times the 16-bit counter has wrapped.
    public var rollovers: UInt64 { value >> 16 }

    /// Extends a wire value to the 64-bit value nearest to `reference`.
    ///
    /// The forward distance from `reference.wire` is read as a signed 16-bit delta, so a packet up to
    /// 32767 ahead counts as newer and up to 32768 behind as older. A packet that would land before 0
    /// is taken forward instead (there is no rollover −1).
    /// - SeeAlso: RFC 3550 App. A.1 (`MAX_DROPOUT`/`MAX_MISORDER` handling works on this delta).
    public init(extending wire: UInt16, nearest reference: SequenceNumber) {
        let delta = Int64(Int16(bitPattern: wire &- reference.wire))
        if delta < 0 {
            let back = UInt64(-delta)
            self.value = reference.value >= back ? reference.value - back : UInt64(wire)
        } else {
            let (sum, overflow) = reference.value.addingReportingOverflow(UInt64(delta))
            self.value = overflow ? (reference.value & ~0xFFFF) | UInt64(wire) : sum
        }
    }

    /// Whether 16-bit sequence number `a` is newer than `b`, by serial number arithmetic.
    ///
    /// `a` is newer when it is 1–32767 ahead of `b` modulo 2^16.
    /// - SeeAlso: RFC 1982 §3.2 (serial number comparison).
    public static func isNewer(_ a: UInt16, than b: UInt16) -> Bool {
        let delta = a &- b
        return delta != 0 && delta < 0x8000
    }

    /// The sequence number `n` packets later (wrapping the 64-bit value).
    public func advanced(by n: UInt64) -> SequenceNumber {
        SequenceNumber(value &+ n)
    }

    /// Orders by the extended value, so 65535 (rollover 0) < 0 (rollover 1).
    public static func < (lhs: SequenceNumber, rhs: SequenceNumber) -> Bool {
        lhs.value < rhs.value
    }

    /// `"<rollovers>:<wire>"`, for example `"1:5"`.
    public var description: String { "\(rollovers):\(wire)" }
}
