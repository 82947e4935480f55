/// Transport-wide congestion control feedback, PT=205, FMT=15: recognized and passed through untouched.
///
/// Wire: header | sender SSRC | media SSRC | base sequence(16) | status count(16) | reference time(24) |
/// feedback packet count(8) | chunks and deltas. Only the two SSRCs are read here.
/// - Important: `bytes` borrows the packet (header included), ready to forward as is.
/// - Throws: `RTCPParseError.wrongType`; `.truncated` (shorter than the 16-byte fixed part).
/// - SeeAlso: draft-holmer-rmcat-transport-wide-cc-extensions-01 §3.1.
public struct TransportWideFeedback {
    /// The SSRC of the packet sender.
    public let senderSSRC: UInt32
    /// The media source SSRC field.
    public let mediaSSRC: UInt32
    /// The whole packet, header and padding included (borrowed).
    public let bytes: UnsafeRawBufferPointer

    /// Recognizes one transport-cc packet.
    public init(parsing packet: RTCPPacketView) throws(RTCPParseError) {
        try packet.expect(.transportFeedback, format: 15)
        guard packet.body.count >= 16 else { throw .truncated }
        senderSSRC = packet.body.u32(0)
        mediaSSRC = packet.body.u32(4)
        bytes = packet.bytes
    }
}
