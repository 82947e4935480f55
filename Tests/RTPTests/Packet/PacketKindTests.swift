import Testing
import RTP

struct PacketKindTests {
    @Test("every RFC 7983 first-byte boundary maps to its range", arguments: [
        (UInt8(0), PacketKind.stun), (3, .stun), (4, .unknown(4)),
        (19, .unknown(19)), (20, .dtls), (63, .dtls), (64, .unknown(64)),
        (127, .unknown(127)), (128, .rtp), (191, .rtp), (192, .unknown(192)), (255, .unknown(255)),
    ])
    func firstByteBoundaries(first: UInt8, expected: PacketKind) {
        // Second byte 96 is a dynamic RTP payload type, so 128–191 reads as RTP.
        #expect(PacketKind(classifying: [first, 96, 0, 0]) == expected)
    }

    @Test("second byte 192–223 inside the RTP range is RTCP (RFC 5761)", arguments: [
        (UInt8(191), PacketKind.rtp), (192, .rtcp), (200, .rtcp), (223, .rtcp), (224, .rtp),
        (0x80 | 95, .rtcp), (0x80 | 96, .rtp),
    ])
    func secondByteBoundaries(second: UInt8, expected: PacketKind) {
        #expect(PacketKind(classifying: [0x80, second, 0, 1]) == expected)
        #expect(PacketKind(classifying: [0xBF, second, 0, 1]) == expected)
    }

    @Test("an empty datagram is unknown and a lone RTP-range byte is RTP")
    func shortDatagrams() {
        #expect(PacketKind(classifying: []) == .unknown(nil))
        #expect(PacketKind(classifying: [0x80]) == .rtp)
    }
}
