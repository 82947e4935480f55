// Big-endian loads and stores on borrowed buffers. These helpers do not check bounds themselves:
// every caller validates `offset + width <= count` against the buffer first (parsers before reading,
// builders before writing), so no network input reaches an out-of-bounds access. The buffer
// subscripts still check in debug builds, which the prefix and corruption property tests exercise.

extension UnsafeRawBufferPointer {
    @inline(__always)
    func u16(_ offset: Int) -> UInt16 {
        UInt16(self[offset]) << 8 | UInt16(self[offset + 1])
    }

    @inline(__always)
    func u24(_ offset: Int) -> UInt32 {
        UInt32(self[offset]) << 16 | UInt32(self[offset + 1]) << 8 | UInt32(self[offset + 2])
    }

    @inline(__always)
    func u32(_ offset: Int) -> UInt32 {
        UInt32(u16(offset)) << 16 | UInt32(u16(offset + 2))
    }

    @inline(__always)
    func u64(_ offset: Int) -> UInt64 {
        UInt64(u32(offset)) << 32 | UInt64(u32(offset + 4))
    }

    /// A sub-view of `count` bytes at `offset` (rebased to start at index 0).
    @inline(__always)
    func slice(_ offset: Int, _ count: Int) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: self[offset..<(offset + count)])
    }
}

extension UnsafeMutableRawBufferPointer {
    @inline(__always)
    func put8(_ value: UInt8, at offset: Int) {
        self[offset] = value
    }

    @inline(__always)
    func put16(_ value: UInt16, at offset: Int) {
        self[offset] = UInt8(truncatingIfNeeded: value >> 8)
        self[offset + 1] = UInt8(truncatingIfNeeded: value)
    }

    @inline(__always)
    func put24(_ value: UInt32, at offset: Int) {
        self[offset] = UInt8(truncatingIfNeeded: value >> 16)
        put16(UInt16(truncatingIfNeeded: value), at: offset + 1)
    }

    @inline(__always)
    func put32(_ value: UInt32, at offset: Int) {
        put16(UInt16(truncatingIfNeeded: value >> 16), at: offset)
        put16(UInt16(truncatingIfNeeded: value), at: offset + 2)
    }

    @inline(__always)
    func put64(_ value: UInt64, at offset: Int) {
        put32(UInt32(truncatingIfNeeded: value >> 32), at: offset)
        put32(UInt32(truncatingIfNeeded: value), at: offset + 4)
    }
}
