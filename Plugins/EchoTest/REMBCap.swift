/// Lowers the bitrate of every REMB in an RTCP compound to a cap, in place.
///
/// Wire (draft-alvestrand-rmcat-remb §2.2): PSFB (PT 206) FMT 15, "REMB" at byte 12, then
/// num-SSRC (8 bits), BR exponent (6 bits) and BR mantissa (18 bits): bitrate = mantissa · 2^exponent.
enum REMBCap {
    /// Caps each REMB of `compound` at `cap` bits per second; other packets are untouched.
    static func apply(_ cap: UInt64, to compound: UnsafeMutableRawBufferPointer) {
        var offset = 0
        while offset + 4 <= compound.count {
            let length = ((Int(compound[offset + 2]) << 8 | Int(compound[offset + 3])) + 1) * 4
            guard length >= 4, offset + length <= compound.count else { return }
            if compound[offset + 1] == 206, compound[offset] & 0x1F == 15, length >= 20,
               compound[offset + 12] == 0x52, compound[offset + 13] == 0x45,
               compound[offset + 14] == 0x4D, compound[offset + 15] == 0x42 {
                let exponent = UInt64(compound[offset + 17] >> 2)
                let mantissa = UInt64(compound[offset + 17] & 0x03) << 16
                    | UInt64(compound[offset + 18]) << 8 | UInt64(compound[offset + 19])
                if mantissa << exponent > cap { write(cap, at: offset + 17, in: compound) }
            }
            offset += length
        }
    }

    /// Writes `bitrate` as exponent and 18-bit mantissa (rounding down) into 3 bytes at `index`.
    private static func write(_ bitrate: UInt64, at index: Int, in buffer: UnsafeMutableRawBufferPointer) {
        var exponent: UInt64 = 0
        var mantissa = bitrate
        while mantissa > 0x3FFFF {
            mantissa >>= 1
            exponent += 1
        }
        buffer[index] = UInt8(exponent << 2) | UInt8(mantissa >> 16)
        buffer[index + 1] = UInt8(truncatingIfNeeded: mantissa >> 8)
        buffer[index + 2] = UInt8(truncatingIfNeeded: mantissa)
    }
}
