/// One SDES chunk: a source and its CNAME (other items are skipped).
///
/// - Important: `cname` borrows the packet's bytes (UTF-8, up to 255 bytes).
public struct SDESChunk {
    /// The source described.
    public let ssrc: UInt32
    /// The CNAME item's text, or `nil` if the chunk has none.
    public let cname: UnsafeRawBufferPointer?
}

/// Source Description, PT=202: chunks of (SSRC, items), each ended by a null item and padded to 32 bits.
///
/// Wire: header (SC = chunk count) | per chunk: SSRC | items `type(8) length(8) text` ... | 0 | pad.
/// Item type 1 is CNAME.
/// - Important: the view and its chunks borrow the packet's bytes.
/// - Throws: `RTCPParseError.wrongType`; `.truncated` when an item or chunk overruns the packet.
/// - SeeAlso: RFC 3550 §6.5, §6.5.1 (CNAME).
public struct SourceDescription: Sequence {
    /// The chunk bytes (after the header, padding removed).
    public let body: UnsafeRawBufferPointer
    /// The number of chunks (SC).
    public let chunkCount: Int

    /// Parses and validates every chunk of one SDES packet.
    public init(parsing packet: RTCPPacketView) throws(RTCPParseError) {
        try packet.expect(.sourceDescription)
        body = packet.body
        chunkCount = Int(packet.header.count)
        var offset = 0
        for _ in 0..<chunkCount {
            guard let next = SourceDescription.chunk(in: body, at: offset)?.next else { throw .truncated }
            offset = next
        }
    }

    /// Iterates the chunks in wire order.
    public func makeIterator() -> Iterator { Iterator(body: body, remaining: chunkCount, offset: 0) }

    /// Iterator over validated chunks.
    public struct Iterator: IteratorProtocol {
        let body: UnsafeRawBufferPointer
        var remaining: Int
        var offset: Int

        /// The next chunk, or `nil` after the last.
        public mutating func next() -> SDESChunk? {
            guard remaining > 0, let (chunk, next) = SourceDescription.chunk(in: body, at: offset) else {
                return nil
            }
            remaining -= 1
            offset = next
            return chunk
        }
    }

    /// Reads the chunk at `offset`; returns it and the offset of the next chunk, or `nil` if malformed.
    static func chunk(in body: UnsafeRawBufferPointer, at start: Int) -> (SDESChunk, next: Int)? {
        guard start + 4 <= body.count else { return nil }
        let ssrc = body.u32(start)
        var offset = start + 4
        var cname: UnsafeRawBufferPointer?
        while offset < body.count, body[offset] != 0 {
            guard offset + 2 <= body.count else { return nil }
            let length = Int(body[offset + 1])
            guard offset + 2 + length <= body.count else { return nil }
            if body[offset] == 1, cname == nil { cname = body.slice(offset + 2, length) }
            offset += 2 + length
        }
        guard offset < body.count else { return nil }
        let next = (offset + 4) & ~3  // the null item, then padding to the next 32-bit boundary
        guard next <= body.count else { return nil }
        return (SDESChunk(ssrc: ssrc, cname: cname), next)
    }

    /// Writes an SDES packet with one chunk carrying a CNAME, returning its length in bytes.
    /// - Parameter cname: UTF-8 bytes, at most 255 (for example `"user@host".utf8`).
    /// - Throws: `.itemTooLong`, `.bufferTooSmall`.
    public static func write(
        ssrc: UInt32, cname: some Collection<UInt8>, into buffer: UnsafeMutableRawBufferPointer
    ) throws(RTCPBuildError) -> Int {
        let textLength = cname.count
        guard textLength <= 255 else { throw .itemTooLong }
        let length = 4 + ((4 + 2 + textLength + 1 + 3) & ~3)
        guard buffer.count >= length else { throw .bufferTooSmall }
        buffer.put32(ssrc, at: 4)
        buffer.put8(1, at: 8)
        buffer.put8(UInt8(textLength), at: 9)
        var offset = 10
        for byte in cname {
            buffer.put8(byte, at: offset)
            offset += 1
        }
        while offset < length {
            buffer.put8(0, at: offset)
            offset += 1
        }
        RTCPHeader(count: 1, packetType: .sourceDescription, byteLength: length).write(into: buffer)
        return length
    }
}
