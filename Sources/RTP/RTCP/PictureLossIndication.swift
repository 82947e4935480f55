/// Picture Loss Indication: payload-specific feedback, PT=206, FMT=1, with no FCI.
///
/// Wire (12 bytes): header | sender SSRC | media source SSRC.
/// - Throws: `RTCPParseError.wrongType`, `.truncated`.
/// - SeeAlso: RFC 4585 §6.3.1.
public struct PictureLossIndication: Hashable, Sendable {
    /// The SSRC of the packet sender.
    public var senderSSRC: UInt32
    /// The SSRC of the media source that should send a key frame.
    public var mediaSSRC: UInt32

    /// Creates a PLI.
    public init(senderSSRC: UInt32, mediaSSRC: UInt32) {
        self.senderSSRC = senderSSRC
        self.mediaSSRC = mediaSSRC
    }

    /// Parses one PLI packet.
    public init(parsing packet: RTCPPacketView) throws(RTCPParseError) {
        try packet.expect(.payloadSpecificFeedback, format: 1)
        guard packet.body.count >= 8 else { throw .truncated }
        senderSSRC = packet.body.u32(0)
        mediaSSRC = packet.body.u32(4)
    }

    /// Writes the 12-byte PLI at the start of `buffer`, returning 12.
    /// - Throws: `.bufferTooSmall`.
    public func write(into buffer: UnsafeMutableRawBufferPointer) throws(RTCPBuildError) -> Int {
        guard buffer.count >= 12 else { throw .bufferTooSmall }
        RTCPHeader(count: 1, packetType: .payloadSpecificFeedback, byteLength: 12).write(into: buffer)
        buffer.put32(senderSSRC, at: 4)
        buffer.put32(mediaSSRC, at: 8)
        return 12
    }
}
