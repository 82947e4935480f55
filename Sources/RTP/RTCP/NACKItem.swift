/// One Generic NACK item: a lost packet ID and a bitmask of the 16 packets after it.
///
/// Wire (4 bytes): PID(16) | BLP(16). Bit i of BLP (least significant = 0) reports PID + i + 1 lost.
/// - SeeAlso: RFC 4585 §6.2.1.
public struct NACKItem: RTCPFixedSizeItem, Hashable, Sendable {
    /// Packet ID: the sequence number of a lost packet.
    public var packetID: UInt16
    /// Bitmask of following lost packets.
    public var lostBitmask: UInt16

    /// Creates an item.
    public init(packetID: UInt16, lostBitmask: UInt16) {
        self.packetID = packetID
        self.lostBitmask = lostBitmask
    }

    /// 4 bytes.
    public static var wireSize: Int { 4 }
    /// Decodes 4 bytes.
    public init(wire bytes: UnsafeRawBufferPointer) {
        packetID = bytes.u16(0)
        lostBitmask = bytes.u16(2)
    }
    /// Encodes 4 bytes.
    public func write(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) {
        buffer.put16(packetID, at: offset)
        buffer.put16(lostBitmask, at: offset + 2)
    }

    /// The lost sequence numbers this item reports, in order (PID first), wrapping past 65535.
    public var lostSequenceNumbers: LostSequenceNumbers { LostSequenceNumbers(item: self) }

    /// The sequence numbers one NACK item reports lost (1 to 17 values; no allocation).
    public struct LostSequenceNumbers: Sequence, IteratorProtocol {
        let item: NACKItem
        var bit = -1

        /// The next lost sequence number, or `nil`.
        public mutating func next() -> UInt16? {
            if bit < 0 {
                bit = 0
                return item.packetID
            }
            while bit < 16 {
                defer { bit += 1 }
                if item.lostBitmask & (1 << bit) != 0 { return item.packetID &+ UInt16(bit + 1) }
            }
            return nil
        }
    }
}

/// Groups lost sequence numbers into NACK items, lazily (no allocation).
///
/// The input should be in ascending RTP order (wrapping allowed, for example 65534, 65535, 0).
/// A number 1–16 after the current item's PID sets a BLP bit; a repeat is skipped; anything else
/// starts a new item.
/// - SeeAlso: RFC 4585 §6.2.1.
public struct NACKItems<Base: Sequence<UInt16>>: Sequence {
    /// The lost sequence numbers.
    public let lost: Base

    /// Wraps a sequence of lost sequence numbers.
    public init(lost: Base) {
        self.lost = lost
    }

    /// Iterates the items.
    public func makeIterator() -> Iterator { Iterator(base: lost.makeIterator()) }

    /// Iterator producing one item per run of up to 17 packets.
    public struct Iterator: IteratorProtocol {
        var base: Base.Iterator
        var pending: UInt16?

        /// The next item, or `nil` when the input is exhausted.
        public mutating func next() -> NACKItem? {
            guard let first = pending ?? base.next() else { return nil }
            pending = nil
            var item = NACKItem(packetID: first, lostBitmask: 0)
            while let sequence = base.next() {
                let delta = sequence &- first
                if delta == 0 { continue }
                guard delta <= 16 else {
                    pending = sequence
                    break
                }
                item.lostBitmask |= 1 << (delta - 1)
            }
            return item
        }
    }
}
