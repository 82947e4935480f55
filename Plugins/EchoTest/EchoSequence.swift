/// Keeps one echoed medium's RTP sequence numbers continuous across a pause (`audio`/`video` false):
/// packets dropped while paused would otherwise read as lost to the receiver, which then NACKs them
/// and cuts its estimate. After a pause every echoed sequence number is lowered by the number of
/// packets skipped; retransmissions (their RTX payload's original sequence number, RFC 4588 §4) and the
/// receiver's NACKs (raised again before they reach the sender) follow the same offset.
///
/// Packed into 64 bits so the handle's media loop can keep it in an `Atomic` without a lock:
/// bits 0–15 the last sequence number relayed, 16–31 the offset, bit 32 "seen one", bit 33 "paused".
struct EchoSequence: Equatable {
    var lastRelayed: UInt16 = 0
    var offset: UInt16 = 0
    var hasRelayed = false
    var isPaused = false

    init() {}

    init(packed: UInt64) {
        lastRelayed = UInt16(truncatingIfNeeded: packed)
        offset = UInt16(truncatingIfNeeded: packed >> 16)
        hasRelayed = packed & (1 << 32) != 0
        isPaused = packed & (1 << 33) != 0
    }

    var packed: UInt64 {
        UInt64(lastRelayed) | UInt64(offset) << 16 | (hasRelayed ? 1 << 32 : 0) | (isPaused ? 1 << 33 : 0)
    }

    /// A media packet arrives while its medium is off: it is dropped, and the gap it leaves is closed later.
    mutating func drop() {
        if hasRelayed { isPaused = true }
    }

    /// A media packet with sequence number `sequence` is about to be relayed.
    /// - Returns: the sequence number to send.
    mutating func relay(_ sequence: UInt16) -> UInt16 {
        if isPaused {
            offset &+= sequence &- lastRelayed &- 1
            isPaused = false
        }
        if !hasRelayed || Int16(bitPattern: sequence &- lastRelayed) > 0 {
            lastRelayed = sequence
            hasRelayed = true
        }
        return sequence &- offset
    }
}

/// In-place edits of RTP and RTCP bytes for the echo.
enum EchoRewrite {
    /// The RTP header's sequence number (bytes 2–3).
    static func sequence(of packet: UnsafeMutableRawBufferPointer) -> UInt16? {
        packet.count >= 12 ? UInt16(packet[2]) << 8 | UInt16(packet[3]) : nil
    }

    /// Writes a big-endian 16-bit value at `offset`.
    static func put(_ value: UInt16, at offset: Int, in bytes: UnsafeMutableRawBufferPointer) {
        bytes[offset] = UInt8(value >> 8)
        bytes[offset + 1] = UInt8(truncatingIfNeeded: value)
    }

    /// Where the payload starts: after the 12-byte header, the CSRCs and the extension block (RFC 3550 §5.1, §5.3.1).
    static func payloadOffset(of packet: UnsafeMutableRawBufferPointer) -> Int? {
        guard packet.count >= 12 else { return nil }
        var offset = 12 + 4 * Int(packet[0] & 0x0F)
        if packet[0] & 0x10 != 0 {
            guard packet.count >= offset + 4 else { return nil }
            offset += 4 + 4 * (Int(packet[offset + 2]) << 8 | Int(packet[offset + 3]))
        }
        return offset <= packet.count ? offset : nil
    }

    /// Lowers the original sequence number of an RTX packet (its first payload bytes) by `offset`.
    static func lowerRTXOriginalSequence(_ packet: UnsafeMutableRawBufferPointer, by offset: UInt16) {
        guard offset != 0, let start = payloadOffset(of: packet), start + 2 <= packet.count else { return }
        let original = UInt16(packet[start]) << 8 | UInt16(packet[start + 1])
        put(original &- offset, at: start, in: packet)
    }

    /// Raises the packet ids of every generic NACK (RTPFB 205, FMT 1, RFC 4585 §6.2.1) in a compound by
    /// `offset`, so they name the sender's own sequence numbers.
    static func raiseNACKs(in compound: UnsafeMutableRawBufferPointer, by offset: UInt16) {
        guard offset != 0 else { return }
        var read = 0
        while read + 4 <= compound.count {
            let length = ((Int(compound[read + 2]) << 8 | Int(compound[read + 3])) + 1) * 4
            guard read + length <= compound.count else { return }
            if compound[read + 1] == 205, compound[read] & 0x1F == 1 {
                var item = read + 12
                while item + 4 <= read + length {
                    let id = UInt16(compound[item]) << 8 | UInt16(compound[item + 1])
                    put(id &+ offset, at: item, in: compound)
                    item += 4
                }
            }
            read += length
        }
    }
}
