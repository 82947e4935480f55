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
