/// A validated view of an RTP packet's header, over borrowed bytes.
///
/// Wire (RFC 3550 §5.1):
/// ```
///  0                   1                   2                   3
/// |V=2|P|X|  CC   |M|     PT      |       sequence number         |
/// |                           timestamp                           |
/// |           synchronization source (SSRC) identifier            |
/// |            contributing source (CSRC) identifiers (CC × 32)   |
/// | profile (0xBEDE or 0x100x)    |  length in 32-bit words       |  (when X)
/// |                    header extension elements                  |
/// |                payload ...    | padding ... | padding count   |  (when P)
/// ```
/// - Important: the view borrows `bytes`; it is valid only while the caller keeps that memory alive
///   and unchanged (for example, during one `incomingRTP` call). Copy what you need to keep.
/// - Throws: see `init(parsing:)`.
/// - SeeAlso: RFC 3550 §5.1, §5.3.1; RFC 8285.
public struct RTPHeader {
    /// The whole packet the view reads from.
    public let bytes: UnsafeRawBufferPointer
    /// Byte offset of the first extension element, and the extension block's element length.
    private let extensionElements: Range<Int>
    /// Byte range of the payload within `bytes` (after the header, before any padding).
    public let payloadRange: Range<Int>
    /// Number of padding bytes at the end of the packet (0 when P is clear).
    public let paddingLength: Int

    /// Parses and validates the header of `bytes`, copying nothing.
    ///
    /// - Throws: `.truncated` if shorter than 12 bytes plus the CSRC list and extension header;
    ///   `.badVersion` if V ≠ 2; `.extensionOverrun` if the extension block passes the end;
    ///   `.paddingOverrun` if P is set and the count byte is 0 or exceeds the bytes after the header.
    /// - SeeAlso: RFC 3550 §5.1 ("padding count … including itself"), §5.3.1.
    public init(parsing bytes: UnsafeRawBufferPointer) throws(RTPParseError) {
        let offset = try Self.headerLength(of: bytes)
        let fixed = 12 + Int(bytes[0] & 0x0F) * 4
        let elements = offset > fixed ? (fixed + 4)..<offset : fixed..<fixed
        var padding = 0
        if bytes[0] & 0x20 != 0 {
            padding = Int(bytes[bytes.count - 1])
            guard padding > 0, padding <= bytes.count - offset else { throw .paddingOverrun }
        }
        self.bytes = bytes
        self.extensionElements = elements
        self.payloadRange = offset..<(bytes.count - padding)
        self.paddingLength = padding
    }

    /// The length of the header in bytes: 12, 4 per CSRC, and the extension block (4 bytes plus
    /// its length in 32-bit words) when X is set. Reads nothing past the header and ignores the
    /// P bit, so it also serves SRTP, whose padding count is encrypted (RFC 3711 §3.1).
    ///
    /// - Throws: `.truncated` if shorter than 12 bytes, the CSRC list or the extension header;
    ///   `.badVersion` if V ≠ 2; `.extensionOverrun` if the extension block passes the end.
    /// - SeeAlso: RFC 3550 §5.1, §5.3.1.
    public static func headerLength(of bytes: UnsafeRawBufferPointer) throws(RTPParseError) -> Int {
        guard bytes.count >= 12 else { throw .truncated }
        guard bytes[0] >> 6 == 2 else { throw .badVersion }
        var offset = 12 + Int(bytes[0] & 0x0F) * 4
        guard bytes.count >= offset else { throw .truncated }
        if bytes[0] & 0x10 != 0 {
            guard bytes.count >= offset + 4 else { throw .truncated }
            let length = Int(bytes.u16(offset + 2)) * 4
            guard bytes.count >= offset + 4 + length else { throw .extensionOverrun }
            offset += 4 + length
        }
        return offset
    }

    /// The version field; always 2 after a successful parse.
    public var version: UInt8 { bytes[0] >> 6 }
    /// The P bit: the packet ends with padding.
    public var hasPadding: Bool { bytes[0] & 0x20 != 0 }
    /// The X bit: a header extension follows the CSRC list.
    public var hasExtension: Bool { bytes[0] & 0x10 != 0 }
    /// The CC field: number of CSRC identifiers (0–15).
    public var csrcCount: Int { Int(bytes[0] & 0x0F) }
    /// The M bit (for video, the last packet of a frame).
    public var marker: Bool { bytes[1] & 0x80 != 0 }
    /// The PT field (0–127).
    public var payloadType: UInt8 { bytes[1] & 0x7F }
    /// The 16-bit sequence number as on the wire; extend it with `SequenceNumber(extending:nearest:)`.
    public var sequenceNumber: UInt16 { bytes.u16(2) }
    /// The RTP timestamp, in the payload format's clock-rate units (for example 90 kHz for video).
    public var timestamp: UInt32 { bytes.u32(4) }
    /// The synchronization source identifier.
    public var ssrc: UInt32 { bytes.u32(8) }

    /// The CSRC at `index`, or `nil` when `index` is outside `0..<csrcCount`.
    public func csrc(at index: Int) -> UInt32? {
        guard index >= 0, index < csrcCount else { return nil }
        return bytes.u32(12 + index * 4)
    }

    /// The extension profile (0xBEDE: one-byte elements; 0x1000–0x100F: two-byte), or `nil` without X.
    /// - SeeAlso: RFC 8285 §4.2, §4.3.
    public var extensionProfile: UInt16? {
        hasExtension ? bytes.u16(extensionElements.lowerBound - 4) : nil
    }

    /// The header extension elements block (without its 4-byte profile/length header); empty without X.
    public var extensionBlock: UnsafeRawBufferPointer {
        bytes.slice(extensionElements.lowerBound, extensionElements.count)
    }

    /// The payload, a sub-view of `bytes` (same lifetime).
    public var payload: UnsafeRawBufferPointer {
        bytes.slice(payloadRange.lowerBound, payloadRange.count)
    }

    /// The data of header extension element `id`, or `nil` if absent, malformed, or the profile is
    /// neither the one-byte nor the two-byte form.
    ///
    /// One-byte form: `ID(4) L(4)` then L+1 data bytes; ID 0 is a padding byte; ID 15 stops parsing.
    /// Two-byte form: `ID(8) L(8)` then L data bytes; ID 0 is a padding byte.
    /// - SeeAlso: RFC 8285 §4.2 ("the local identifier value 15 is reserved … stop parsing"), §4.3.
    public func extensionElement(id: UInt8) -> UnsafeRawBufferPointer? {
        guard let profile = extensionProfile else { return nil }
        let block = extensionBlock
        if profile == 0xBEDE {
            return RTPHeader.findOneByte(id: id, in: block)
        }
        if profile & 0xFFF0 == 0x1000 {
            return RTPHeader.findTwoByte(id: id, in: block)
        }
        return nil
    }

    private static func findOneByte(id: UInt8, in block: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer? {
        guard id >= 1, id <= 14 else { return nil }
        var offset = 0
        while offset < block.count {
            let elementID = block[offset] >> 4
            if elementID == 0 { offset += 1; continue }
            if elementID == 15 { return nil }
            let length = Int(block[offset] & 0x0F) + 1
            guard offset + 1 + length <= block.count else { return nil }
            if elementID == id { return block.slice(offset + 1, length) }
            offset += 1 + length
        }
        return nil
    }

    private static func findTwoByte(id: UInt8, in block: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer? {
        guard id >= 1 else { return nil }
        var offset = 0
        while offset < block.count {
            let elementID = block[offset]
            if elementID == 0 { offset += 1; continue }
            guard offset + 2 <= block.count else { return nil }
            let length = Int(block[offset + 1])
            guard offset + 2 + length <= block.count else { return nil }
            if elementID == id { return block.slice(offset + 2, length) }
            offset += 2 + length
        }
        return nil
    }
}
