import Testing
@testable import RTP

struct ReceiverEstimatedMaximumBitrateTests {
    let bytes: [UInt8] = [
        0x8F, 0xCE, 0x00, 0x05,  // V=2 FMT=15 | PT=206 | length 5 words
        0x00, 0x00, 0x00, 0x01,  // sender SSRC 1
        0x00, 0x00, 0x00, 0x00,  // media SSRC 0
        0x52, 0x45, 0x4D, 0x42,  // "REMB"
        0x01, 0x01, 0xDF, 0x82,  // 1 SSRC | exp 0 | mantissa 122754
        0x4B, 0xC4, 0xFC, 0xB4,  // SSRC
    ]

    @Test("REMB with one SSRC parses 122754 bps and rebuilds the same bytes")
    func roundTrip() throws {
        let (sender, bitrate, ssrcs) = try withPacket(bytes) { packet in
            let remb = try ReceiverEstimatedMaximumBitrate(parsing: packet)
            return (remb.senderSSRC, remb.bitrate, Array(remb.ssrcs))
        }
        #expect(sender == 1)
        #expect(bitrate == 122_754)
        #expect(ssrcs == [0x4BC4_FCB4])
        let written = try build {
            try ReceiverEstimatedMaximumBitrate.write(senderSSRC: 1, bitrate: bitrate, ssrcs: ssrcs, into: $0)
        }
        #expect(written == bytes)
    }

    @Test("a non-canonical exponent/mantissa pair (exp 1, mantissa 61377) also reads 122754 bps")
    func nonCanonical() throws {
        var other = bytes
        other[16...19] = [0x01, 0x04, 0xEF, 0xC1]  // 1 SSRC | exp 1 | mantissa 61377
        #expect(try withPacket(other) { try ReceiverEstimatedMaximumBitrate(parsing: $0).bitrate } == 122_754)
    }

    @Test("a PSFB FMT 15 without the REMB identifier is malformed")
    func missingIdentifier() {
        var bad = bytes
        bad[12] = 0x58
        #expect(throws: RTCPParseError.malformed) {
            try withPacket(bad) { try ReceiverEstimatedMaximumBitrate(parsing: $0) }
        }
    }

    @Test("in a compound, a PSFB FMT 15 that is not REMB passes through as other")
    func otherApplicationLayerFeedback() throws {
        var bad = bytes
        bad[12...15] = [0x41, 0x42, 0x43, 0x44]  // "ABCD"
        let isOther = try bad.withUnsafeBytes { raw in
            var compound = RTCPCompound(raw)
            guard case .other(let view) = try compound.next() else { return false }
            return view.bytes.count == bad.count
        }
        #expect(isOther)
    }

    @Test("an SSRC count beyond the packet is truncated")
    func countOverrun() {
        var bad = bytes
        bad[16] = 2
        #expect(throws: RTCPParseError.truncated) {
            try withPacket(bad) { try ReceiverEstimatedMaximumBitrate(parsing: $0) }
        }
    }

    @Test("the largest exponent saturates instead of overflowing")
    func saturates() throws {
        var big = bytes
        big[17] = 0xFF  // exponent 63, mantissa high bits set
        let bitrate = try withPacket(big) { try ReceiverEstimatedMaximumBitrate(parsing: $0).bitrate }
        #expect(bitrate == UInt64.max)
    }

    @Test("bitrates beyond 18 bits are rounded down to a representable value")
    func quantizes() {
        #expect(ReceiverEstimatedMaximumBitrate.representable(262_143) == 262_143)
        #expect(ReceiverEstimatedMaximumBitrate.representable(262_145) == 262_144)
        #expect(ReceiverEstimatedMaximumBitrate.representable(1_000_003) == 1_000_000)
    }
}
