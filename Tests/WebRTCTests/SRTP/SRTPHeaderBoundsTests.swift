import Testing
@testable import WebRTC

/// The part of an RTP header SRTP leaves in the clear (RFC 3711 §3.1: header, CSRCs, extension),
/// and the checks that keep every later read inside the packet.
@Suite struct SRTPHeaderBoundsTests {
    private func headerLength(_ bytes: [UInt8], length: Int? = nil) throws -> Int {
        try bytes.withUnsafeBytes { try SRTPHeaderBounds.rtpHeaderLength($0, length: length ?? bytes.count) }
    }

    private func checkRTCP(_ bytes: [UInt8], length: Int) throws {
        try bytes.withUnsafeBytes { try SRTPHeaderBounds.checkRTCP($0, length: length) }
    }

    private let fixed: [UInt8] = [
        0x80, 0x60, 0x00, 0x01,  // V=2, P=0, X=0, CC=0 | M=0, PT=96 | sequence 1
        0x00, 0x00, 0x00, 0x10,  // timestamp
        0x12, 0x34, 0x56, 0x78,  // SSRC
    ]

    @Test func aPlainHeaderIsTwelveBytes() throws {
        #expect(try headerLength(fixed + [1, 2, 3]) == 12)
        #expect(try headerLength(fixed) == 12)   // an empty payload is allowed
    }

    @Test func csrcsAndAnExtensionAreCounted() throws {
        var packet = fixed
        packet[0] = 0x92                          // V=2, X=1, CC=2
        packet += [0, 0, 0, 1, 0, 0, 0, 2]        // two CSRCs
        packet += [0xBE, 0xDE, 0x00, 0x02]        // one-byte-header extension, 2 words
        packet += [0x10, 0xAA, 0, 0, 0x21, 1, 2, 0]
        packet += [9, 9, 9]                       // payload
        #expect(try headerLength(packet) == 12 + 8 + 4 + 8)
    }

    @Test func tooShortIsMalformed() {
        #expect(throws: SRTPError.malformed) { try headerLength(Array(fixed.prefix(11))) }
        #expect(throws: SRTPError.malformed) { try headerLength([]) }
    }

    @Test func aVersionOtherThanTwoIsMalformed() {
        for first: UInt8 in [0x00, 0x40, 0xC0] {
            var packet = fixed
            packet[0] = first
            #expect(throws: SRTPError.malformed) { try headerLength(packet) }
        }
    }

    @Test func csrcsPastTheEndAreMalformed() throws {
        var packet = fixed
        packet[0] = 0x8F                          // CC=15 needs 60 more bytes
        #expect(throws: SRTPError.malformed) { try headerLength(packet + [UInt8](repeating: 0, count: 59)) }
        #expect(try headerLength(packet + [UInt8](repeating: 0, count: 60)) == 72)
    }

    @Test func anExtensionPastTheEndIsMalformed() throws {
        var packet = fixed
        packet[0] = 0x90                          // X=1
        #expect(throws: SRTPError.malformed) { try headerLength(packet + [0xBE, 0xDE]) }  // no room for its header
        packet += [0xBE, 0xDE, 0x00, 0x03]        // 3 words announced
        #expect(throws: SRTPError.malformed) { try headerLength(packet + [UInt8](repeating: 0, count: 11)) }
        #expect(try headerLength(packet + [UInt8](repeating: 0, count: 12)) == 28)
    }

    @Test func theLengthLimitsTheHeaderNotTheBuffer() {
        // Unprotect passes the length without the tag: a header reaching into the tag is malformed.
        var packet = fixed
        packet[0] = 0x81
        packet += [0, 0, 0, 7]
        #expect(throws: SRTPError.malformed) { try headerLength(packet, length: 14) }
    }

    @Test func rtcpNeedsEightBytesAndVersionTwo() throws {
        var report: [UInt8] = [0x80, 201, 0x00, 0x01, 0x12, 0x34, 0x56, 0x78]
        try checkRTCP(report, length: 8)
        #expect(throws: SRTPError.malformed) { try checkRTCP(report, length: 7) }
        report[0] = 0x40
        #expect(throws: SRTPError.malformed) { try checkRTCP(report, length: 8) }
    }
}
