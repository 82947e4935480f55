/// The load generator's mark in the last 16 bytes of every RTP payload it sends: a magic number,
/// the sending PeerConnection's index and the send time. The EchoTest plugin returns payloads
/// unchanged, so the echoed packet tells its own round-trip time, whatever the gateway does to the
/// RTP header (SSRC, sequence numbers, extensions).
enum EchoStamp {
    /// Bytes the stamp takes at the end of the payload.
    static let size = 16
    /// "SGBN" in ASCII.
    static let magic: UInt32 = 0x5347_424E

    /// Writes the stamp into the last `size` bytes of `packet[0..<length]`.
    static func write(_ packet: UnsafeMutableRawBufferPointer, length: Int, peer: UInt32, sentNanoseconds: UInt64) {
        let at = length - size
        packet.storeBytes(of: magic.bigEndian, toByteOffset: at, as: UInt32.self)
        packet.storeBytes(of: peer.bigEndian, toByteOffset: at + 4, as: UInt32.self)
        packet.storeBytes(of: sentNanoseconds.bigEndian, toByteOffset: at + 8, as: UInt64.self)
    }

    /// The stamp at the end of `packet`, or `nil` when the packet is too short or carries none.
    static func read(_ packet: UnsafeRawBufferPointer) -> (peer: UInt32, sentNanoseconds: UInt64)? {
        guard packet.count >= 12 + size else { return nil }
        let at = packet.count - size
        guard UInt32(bigEndian: packet.loadUnaligned(fromByteOffset: at, as: UInt32.self)) == magic else { return nil }
        return (
            UInt32(bigEndian: packet.loadUnaligned(fromByteOffset: at + 4, as: UInt32.self)),
            UInt64(bigEndian: packet.loadUnaligned(fromByteOffset: at + 8, as: UInt64.self))
        )
    }
}
