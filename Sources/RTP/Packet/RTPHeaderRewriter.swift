/// In-place rewriting of an RTP header's SSRC, sequence number, timestamp and marker, as an SFU or
/// echo path does before SRTP protect, without copying the packet.
///
/// Wire: writes bytes 1 (M bit only), 2–3, 4–7 and 8–11 of the fixed header (RFC 3550 §5.1).
/// - Important: borrows `bytes`; valid only while the caller owns that memory.
/// - Throws: `RTPParseError.truncated` (fewer than 12 bytes) or `.badVersion` from `init`.
/// - SeeAlso: RFC 3550 §5.1.
public struct RTPHeaderRewriter {
    /// The packet being rewritten.
    public let bytes: UnsafeMutableRawBufferPointer

    /// Checks that `bytes` holds at least a fixed RTP header with version 2.
    /// - Throws: `.truncated` or `.badVersion`.
    public init(_ bytes: UnsafeMutableRawBufferPointer) throws(RTPParseError) {
        guard bytes.count >= 12 else { throw .truncated }
        guard bytes[0] >> 6 == 2 else { throw .badVersion }
        self.bytes = bytes
    }

    /// Sets the SSRC (bytes 8–11).
    public func setSSRC(_ ssrc: UInt32) { bytes.put32(ssrc, at: 8) }
    /// Sets the 16-bit sequence number (bytes 2–3).
    public func setSequenceNumber(_ sequenceNumber: UInt16) { bytes.put16(sequenceNumber, at: 2) }
    /// Sets the RTP timestamp (bytes 4–7), in clock-rate units.
    public func setTimestamp(_ timestamp: UInt32) { bytes.put32(timestamp, at: 4) }
    /// The original sequence number an RTX packet carries (RFC 4588 §4: the first two payload bytes);
    /// nil when the header does not parse or the payload is shorter than two bytes.
    public var rtxOriginalSequenceNumber: UInt16? {
        guard let start = rtxOriginalSequenceOffset else { return nil }
        return UnsafeRawBufferPointer(bytes).u16(start)
    }

    /// Sets the RTX original sequence number; does nothing when there is none (see the getter).
    public func setRTXOriginalSequenceNumber(_ sequenceNumber: UInt16) {
        guard let start = rtxOriginalSequenceOffset else { return }
        bytes.put16(sequenceNumber, at: start)
    }

    private var rtxOriginalSequenceOffset: Int? {
        guard let header = try? RTPHeader(parsing: UnsafeRawBufferPointer(bytes)), header.payloadRange.count >= 2 else {
            return nil
        }
        return header.payloadRange.lowerBound
    }

    /// Sets or clears the M bit, leaving the payload type unchanged.
    public func setMarker(_ marker: Bool) {
        bytes[1] = marker ? bytes[1] | 0x80 : bytes[1] & 0x7F
    }
}
