/// A fixed-size item of an RTCP packet (report block, SSRC, NACK item, FIR entry).
///
/// Wire: exactly `wireSize` bytes, big-endian.
public protocol RTCPFixedSizeItem: Equatable {
    /// Bytes per item on the wire.
    static var wireSize: Int { get }
    /// Decodes the item from `bytes`, which holds exactly `wireSize` bytes.
    init(wire bytes: UnsafeRawBufferPointer)
    /// Encodes the item into `buffer` at `offset` (the caller checked `wireSize` bytes fit).
    func write(into buffer: UnsafeMutableRawBufferPointer, at offset: Int)
}

/// A borrowed list of fixed-size items inside an RTCP packet, decoded on access (no allocation).
///
/// - Important: valid only while the packet's memory is; use `Array(list)` to keep the items.
public struct RTCPItemList<Item: RTCPFixedSizeItem>: RandomAccessCollection {
    /// The bytes of the items, `count × Item.wireSize` long.
    public let bytes: UnsafeRawBufferPointer

    /// Views `count` items at the start of `bytes`.
    /// - Throws: `.truncated` when `bytes` is shorter than `count` items.
    init(_ bytes: UnsafeRawBufferPointer, count: Int) throws(RTCPParseError) {
        guard count >= 0, bytes.count >= count * Item.wireSize else { throw .truncated }
        self.bytes = bytes.slice(0, count * Item.wireSize)
    }

    /// The first index, 0.
    public var startIndex: Int { 0 }
    /// The number of items.
    public var endIndex: Int { bytes.count / Item.wireSize }

    /// Iterates the items front to back, decoding each on demand.
    public func makeIterator() -> Iterator { Iterator(bytes: bytes) }

    /// Iterator over the items; a plain function per step (no read-accessor coroutine on the hot path).
    public struct Iterator: IteratorProtocol {
        let bytes: UnsafeRawBufferPointer
        var offset = 0

        /// The next item, or `nil` after the last.
        public mutating func next() -> Item? {
            guard offset + Item.wireSize <= bytes.count else { return nil }
            defer { offset += Item.wireSize }
            return Item(wire: bytes.slice(offset, Item.wireSize))
        }
    }

    /// The item at `position` (traps only on an out-of-range index, a caller bug, never on input).
    public subscript(position: Int) -> Item {
        precondition(position >= 0 && position < endIndex, "RTCPItemList index out of range")
        return Item(wire: bytes.slice(position * Item.wireSize, Item.wireSize))
    }
}

/// An SSRC in an RTCP SSRC list (BYE, REMB).
extension UInt32: RTCPFixedSizeItem {
    /// 4 bytes.
    public static var wireSize: Int { 4 }
    /// Decodes a big-endian 32-bit value.
    public init(wire bytes: UnsafeRawBufferPointer) { self = bytes.u32(0) }
    /// Encodes a big-endian 32-bit value.
    public func write(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) {
        buffer.put32(self, at: offset)
    }
}

/// Writes a sequence of items at `offset`, returning how many were written.
/// - Throws: `.bufferTooSmall` if they don't fit, `.tooManyItems` past `limit`.
func writeItems<S: Sequence>(
    _ items: S, into buffer: UnsafeMutableRawBufferPointer, at offset: Int, limit: Int
) throws(RTCPBuildError) -> Int where S.Element: RTCPFixedSizeItem {
    var count = 0
    var position = offset
    for item in items {
        guard count < limit else { throw .tooManyItems }
        guard position + S.Element.wireSize <= buffer.count else { throw .bufferTooSmall }
        item.write(into: buffer, at: position)
        position += S.Element.wireSize
        count += 1
    }
    return count
}
