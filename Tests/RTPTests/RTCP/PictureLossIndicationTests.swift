import Testing
@testable import RTP

struct PictureLossIndicationTests {
    let bytes: [UInt8] = [
        0x81, 0xCE, 0x00, 0x02,  // V=2 FMT=1 | PT=206 | length 2 words
        0x00, 0x00, 0x00, 0x01,  // sender SSRC 1
        0x4B, 0xC4, 0xFC, 0xB4,  // media SSRC
    ]

    @Test("PLI parses and rebuilds the same bytes")
    func roundTrip() throws {
        let pli = try withPacket(bytes) { try PictureLossIndication(parsing: $0) }
        #expect(pli == PictureLossIndication(senderSSRC: 1, mediaSSRC: 0x4BC4_FCB4))
        #expect(try build { try pli.write(into: $0) } == bytes)
    }

    @Test("PSFB with another FMT is not a PLI")
    func wrongFormat() {
        var fir = bytes
        fir[0] = 0x84
        #expect(throws: RTCPParseError.wrongType) { try withPacket(fir) { try PictureLossIndication(parsing: $0) } }
    }
}
