/// Goodbye (BYE), PT=203: the listed sources are leaving, with an optional reason.
///
/// Wire: header (SC = SSRC count) | SC × SSRC | optional `length(8) reason` padded to 32 bits.
/// - Important: `ssrcs` and `reason` borrow the packet's bytes.
/// - Throws: `RTCPParseError.wrongType`; `.truncated` when the list or reason overruns the packet.
/// - SeeAlso: RFC 3550 §6.6.
public struct Goodbye {
    /// The sources leaving.
    public let ssrcs: RTCPItemList<UInt32>
    /// The reason text (UTF-8), or `nil` if absent.
    public let reason: UnsafeRawBufferPointer?

    /// Parses one BYE packet.
    public init(parsing packet: RTCPPacketView) throws(RTCPParseError) {
        try packet.expect(.goodbye)
        let body = packet.body
        ssrcs = try RTCPItemList(body, count: Int(packet.header.count))
        let offset = ssrcs.bytes.count
        if offset < body.count {
            let length = Int(body[offset])
            guard offset + 1 + length <= body.count else { throw .truncated }
            reason = body.slice(offset + 1, length)
        } else {
            reason = nil
        }
    }

    /// Writes a BYE packet, returning its length in bytes.
    /// - Parameter reason: UTF-8 bytes, at most 255; empty means no reason field.
    /// - Throws: `.tooManyItems` past 31 SSRCs, `.itemTooLong`, `.bufferTooSmall`.
    public static func write(
        ssrcs: some Sequence<UInt32>, reason: some Collection<UInt8>, into buffer: UnsafeMutableRawBufferPointer
    ) throws(RTCPBuildError) -> Int {
        guard buffer.count >= 4 else { throw .bufferTooSmall }
        let count = try writeItems(ssrcs, into: buffer, at: 4, limit: 31)
        var length = 4 + count * 4
        if !reason.isEmpty {
            guard reason.count <= 255 else { throw .itemTooLong }
            let end = (length + 1 + reason.count + 3) & ~3
            guard buffer.count >= end else { throw .bufferTooSmall }
            buffer.put8(UInt8(reason.count), at: length)
            var offset = length + 1
            for byte in reason {
                buffer.put8(byte, at: offset)
                offset += 1
            }
            while offset < end {
                buffer.put8(0, at: offset)
                offset += 1
            }
            length = end
        }
        RTCPHeader(count: UInt8(count), packetType: .goodbye, byteLength: length).write(into: buffer)
        return length
    }
}
