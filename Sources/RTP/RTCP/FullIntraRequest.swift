/// One FIR entry: the source asked for a decoder refresh and the request's sequence number.
///
/// Wire (8 bytes): SSRC | seq nr(8) | reserved(24) = 0.
/// - SeeAlso: RFC 5104 §4.3.1.1.
public struct FIREntry: RTCPFixedSizeItem, Hashable, Sendable {
    /// The media sender asked to send a decoder refresh point.
    public var ssrc: UInt32
    /// Command sequence number; the sender increments it per new request (modulo 256).
    public var sequenceNumber: UInt8

    /// Creates an entry.
    public init(ssrc: UInt32, sequenceNumber: UInt8) {
        self.ssrc = ssrc
        self.sequenceNumber = sequenceNumber
    }

    /// 8 bytes.
    public static var wireSize: Int { 8 }
    /// Decodes 8 bytes (the reserved bits are ignored).
    public init(wire bytes: UnsafeRawBufferPointer) {
        ssrc = bytes.u32(0)
        sequenceNumber = bytes[4]
    }
    /// Encodes 8 bytes with zeroed reserved bits.
    public func write(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) {
        buffer.put32(ssrc, at: offset)
        buffer.put32(UInt32(sequenceNumber) << 24, at: offset + 4)
    }
}

/// Full Intra Request: payload-specific feedback, PT=206, FMT=4.
///
/// Wire: header | sender SSRC | media source SSRC (0: "SHALL be set to 0") | N × 8-byte FIR entries.
/// - Important: `entries` borrows the packet's bytes.
/// - Throws: `RTCPParseError.wrongType`; `.truncated` (shorter than 8 bytes or a partial entry).
/// - SeeAlso: RFC 5104 §4.3.1.
public struct FullIntraRequest {
    /// The SSRC of the packet sender.
    public let senderSSRC: UInt32
    /// The media source SSRC field (0 on the wire per RFC 5104).
    public let mediaSSRC: UInt32
    /// The FIR entries (borrowed).
    public let entries: RTCPItemList<FIREntry>

    /// Parses one FIR packet.
    public init(parsing packet: RTCPPacketView) throws(RTCPParseError) {
        try packet.expect(.payloadSpecificFeedback, format: 4)
        let body = packet.body
        guard body.count >= 8, (body.count - 8) % FIREntry.wireSize == 0 else { throw .truncated }
        senderSSRC = body.u32(0)
        mediaSSRC = body.u32(4)
        entries = try RTCPItemList(body.slice(8, body.count - 8), count: (body.count - 8) / FIREntry.wireSize)
    }

    /// Writes a FIR packet with media SSRC 0, returning its length in bytes (12 + 8 × entries).
    /// - Throws: `.bufferTooSmall`, `.tooManyItems` past 32766 entries (the 16-bit length field).
    public static func write(
        senderSSRC: UInt32, entries: some Sequence<FIREntry>, into buffer: UnsafeMutableRawBufferPointer
    ) throws(RTCPBuildError) -> Int {
        guard buffer.count >= 12 else { throw .bufferTooSmall }
        buffer.put32(senderSSRC, at: 4)
        buffer.put32(0, at: 8)
        let count = try writeItems(entries, into: buffer, at: 12, limit: 32766)
        let length = 12 + count * FIREntry.wireSize
        RTCPHeader(count: 4, packetType: .payloadSpecificFeedback, byteLength: length).write(into: buffer)
        return length
    }
}
