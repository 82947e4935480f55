/// One reception report block of an SR or RR: what a receiver saw from one source.
///
/// Wire (24 bytes): SSRC | fraction lost(8) cumulative lost(24, signed) | extended highest sequence |
/// interarrival jitter | LSR | DLSR.
/// - Units: `fractionLost` is lost/expected × 256 since the last report; `jitter` is in RTP
///   timestamp units; `lastSenderReport` is the middle 32 bits of the SR's NTP time (16.16 seconds);
///   `delaySinceLastSenderReport` is in 1/65536 s.
/// - SeeAlso: RFC 3550 §6.4.1.
public struct ReportBlock: RTCPFixedSizeItem, Hashable, Sendable {
    /// The source this block reports on.
    public var ssrc: UInt32
    /// Fraction of packets lost since the previous report, as a fixed-point number over 256.
    public var fractionLost: UInt8
    /// Total packets lost, a signed 24-bit value (duplicates can make it negative); clamped on write.
    public var cumulativeLost: Int32
    /// Extended highest sequence number received (cycles << 16 | highest).
    public var extendedHighestSequence: UInt32
    /// Interarrival jitter, in RTP timestamp units.
    public var jitter: UInt32
    /// LSR: middle 32 bits of the last SR's NTP timestamp; 0 if none was received.
    public var lastSenderReport: UInt32
    /// DLSR: delay since that SR was received, in 1/65536 s; 0 if none was received.
    public var delaySinceLastSenderReport: UInt32

    /// Creates a report block.
    public init(
        ssrc: UInt32, fractionLost: UInt8, cumulativeLost: Int32, extendedHighestSequence: UInt32,
        jitter: UInt32, lastSenderReport: UInt32, delaySinceLastSenderReport: UInt32
    ) {
        self.ssrc = ssrc
        self.fractionLost = fractionLost
        self.cumulativeLost = cumulativeLost
        self.extendedHighestSequence = extendedHighestSequence
        self.jitter = jitter
        self.lastSenderReport = lastSenderReport
        self.delaySinceLastSenderReport = delaySinceLastSenderReport
    }

    /// 24 bytes.
    public static var wireSize: Int { 24 }

    /// Decodes 24 bytes; the 24-bit loss count is sign-extended.
    public init(wire bytes: UnsafeRawBufferPointer) {
        ssrc = bytes.u32(0)
        fractionLost = bytes[4]
        cumulativeLost = Int32(bitPattern: bytes.u24(5) << 8) >> 8
        extendedHighestSequence = bytes.u32(8)
        jitter = bytes.u32(12)
        lastSenderReport = bytes.u32(16)
        delaySinceLastSenderReport = bytes.u32(20)
    }

    /// Encodes 24 bytes; `cumulativeLost` is clamped to the signed 24-bit range (RFC 3550 App. A.3:
    /// "clamp at 0x7fffff for positive loss or 0x800000 for negative loss").
    public func write(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) {
        let lost = min(max(cumulativeLost, -0x80_0000), 0x7F_FFFF)
        buffer.put32(ssrc, at: offset)
        buffer.put8(fractionLost, at: offset + 4)
        buffer.put24(UInt32(bitPattern: lost) & 0xFF_FFFF, at: offset + 5)
        buffer.put32(extendedHighestSequence, at: offset + 8)
        buffer.put32(jitter, at: offset + 12)
        buffer.put32(lastSenderReport, at: offset + 16)
        buffer.put32(delaySinceLastSenderReport, at: offset + 20)
    }
}
