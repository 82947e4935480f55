/// Receiver Estimated Maximum Bitrate: application-layer feedback, PT=206, FMT=15, identifier "REMB".
///
/// Wire: header | sender SSRC | media SSRC (0) | "REMB" | num SSRC(8) exp(6) mantissa(18) | SSRC list.
/// - Units: `bitrate` is bits per second (mantissa << exp), saturating at `UInt64.max`.
/// - Important: `ssrcs` borrows the packet's bytes.
/// - Throws: `RTCPParseError.wrongType`; `.malformed` without "REMB"; `.truncated` when the SSRC count
///   overruns the packet.
/// - SeeAlso: RFC 4585 §6.4; draft-alvestrand-rmcat-remb-03 §2.2.
public struct ReceiverEstimatedMaximumBitrate {
    /// The SSRC of the packet sender.
    public let senderSSRC: UInt32
    /// The estimated maximum total bitrate for the listed SSRCs, in bits per second.
    public let bitrate: UInt64
    /// The SSRCs the estimate applies to (borrowed).
    public let ssrcs: RTCPItemList<UInt32>

    /// Parses one REMB packet.
    public init(parsing packet: RTCPPacketView) throws(RTCPParseError) {
        try packet.expect(.payloadSpecificFeedback, format: 15)
        let body = packet.body
        guard body.count >= 16 else { throw .truncated }
        guard body.u32(8) == 0x5245_4D42 else { throw .malformed }  // "REMB"
        senderSSRC = body.u32(0)
        let word = body.u32(12)
        let exponent = UInt64(word >> 18) & 0x3F
        let mantissa = UInt64(word & 0x3FFFF)
        bitrate = Self.expand(mantissa: mantissa, exponent: exponent)
        ssrcs = try RTCPItemList(body.slice(16, body.count - 16), count: Int(word >> 24))
    }

    /// The bitrate a wire field would carry: `bitrate` rounded down to an 18-bit mantissa.
    public static func representable(_ bitrate: UInt64) -> UInt64 {
        let (mantissa, exponent) = encode(bitrate)
        return expand(mantissa: UInt64(mantissa), exponent: UInt64(exponent))
    }

    /// Writes a REMB packet (media SSRC 0), returning its length in bytes (20 + 4 × SSRCs).
    /// The bitrate is rounded down to fit an 18-bit mantissa and 6-bit exponent.
    /// - Parameter bitrate: bits per second.
    /// - Throws: `.tooManyItems` past 255 SSRCs, `.bufferTooSmall`.
    public static func write(
        senderSSRC: UInt32, bitrate: UInt64, ssrcs: some Sequence<UInt32>, into buffer: UnsafeMutableRawBufferPointer
    ) throws(RTCPBuildError) -> Int {
        guard buffer.count >= 20 else { throw .bufferTooSmall }
        buffer.put32(senderSSRC, at: 4)
        buffer.put32(0, at: 8)
        buffer.put32(0x5245_4D42, at: 12)
        let count = try writeItems(ssrcs, into: buffer, at: 20, limit: 255)
        let (mantissa, exponent) = encode(bitrate)
        buffer.put32(UInt32(count) << 24 | UInt32(exponent) << 18 | mantissa, at: 16)
        let length = 20 + count * 4
        RTCPHeader(count: 15, packetType: .payloadSpecificFeedback, byteLength: length).write(into: buffer)
        return length
    }

    static func encode(_ bitrate: UInt64) -> (mantissa: UInt32, exponent: UInt8) {
        var exponent: UInt8 = 0
        var mantissa = bitrate
        while mantissa > 0x3FFFF {
            mantissa >>= 1
            exponent += 1
        }
        return (UInt32(mantissa), exponent)
    }

    static func expand(mantissa: UInt64, exponent: UInt64) -> UInt64 {
        guard mantissa != 0 else { return 0 }
        // Saturate instead of losing high bits: 18-bit mantissa << 63 exceeds 64 bits.
        guard exponent < 64, mantissa.leadingZeroBitCount >= Int(exponent) else { return .max }
        return mantissa << exponent
    }
}
