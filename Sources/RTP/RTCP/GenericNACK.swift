/// Generic NACK: transport-layer feedback, PT=205, FMT=1, listing lost RTP packets.
///
/// Wire: header | sender SSRC | media source SSRC | N × NACK item `PID(16) BLP(16)` (N ≥ 1).
/// - Important: `items` borrows the packet's bytes.
/// - Throws: `RTCPParseError.wrongType`; `.truncated` (shorter than 8 bytes, or no items).
/// - SeeAlso: RFC 4585 §6.2.1.
public struct GenericNACK {
    /// The SSRC of the packet sender.
    public let senderSSRC: UInt32
    /// The SSRC of the media source whose packets were lost.
    public let mediaSSRC: UInt32
    /// The NACK items (borrowed).
    public let items: RTCPItemList<NACKItem>

    /// Parses one Generic NACK packet.
    public init(parsing packet: RTCPPacketView) throws(RTCPParseError) {
        try packet.expect(.transportFeedback, format: 1)
        let body = packet.body
        guard body.count >= 12 else { throw .truncated }
        senderSSRC = body.u32(0)
        mediaSSRC = body.u32(4)
        items = try RTCPItemList(body.slice(8, body.count - 8), count: (body.count - 8) / NACKItem.wireSize)
    }

    /// Every lost sequence number the items report, in wire order (no allocation).
    public var lostSequenceNumbers: LostSequenceNumbers {
        items.lazy.map(\.lostSequenceNumbers).joined()
    }

    /// The lazy sequence type of `lostSequenceNumbers`.
    public typealias LostSequenceNumbers = FlattenSequence<
        LazyMapSequence<RTCPItemList<NACKItem>, NACKItem.LostSequenceNumbers>
    >

    /// Writes a Generic NACK packet, returning its length in bytes (12 + 4 × items).
    /// Build items from lost sequence numbers with `NACKItems(lost:)`.
    /// - Throws: `.bufferTooSmall`, `.tooManyItems` when there are none or past the 16-bit length field.
    public static func write(
        senderSSRC: UInt32, mediaSSRC: UInt32, items: some Sequence<NACKItem>,
        into buffer: UnsafeMutableRawBufferPointer
    ) throws(RTCPBuildError) -> Int {
        guard buffer.count >= 12 else { throw .bufferTooSmall }
        buffer.put32(senderSSRC, at: 4)
        buffer.put32(mediaSSRC, at: 8)
        let count = try writeItems(items, into: buffer, at: 12, limit: 65533)
        guard count > 0 else { throw .tooManyItems }
        let length = 12 + count * NACKItem.wireSize
        RTCPHeader(count: 1, packetType: .transportFeedback, byteLength: length).write(into: buffer)
        return length
    }
}
