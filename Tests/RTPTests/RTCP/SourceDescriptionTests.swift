import Testing
@testable import RTP

struct SourceDescriptionTests {
    let bytes: [UInt8] = [
        0x81, 0xCA, 0x00, 0x04,  // V=2 SC=1 | PT=202 | length 4 words
        0x11, 0x22, 0x33, 0x44,  // chunk SSRC
        0x01, 0x07, 0x61, 0x62,  // CNAME, 7 bytes: "ab
        0x63, 0x40, 0x64, 0x65,  // c@de
        0x66, 0x00, 0x00, 0x00,  // f" | null item | pad
    ]

    @Test("SDES with a CNAME chunk parses and rebuilds the same bytes")
    func roundTrip() throws {
        let chunks = try withPacket(bytes) { packet in
            try SourceDescription(parsing: packet).map { ($0.ssrc, $0.cname.map { Array($0) }) }
        }
        #expect(chunks.count == 1)
        #expect(chunks[0].0 == 0x1122_3344)
        #expect(chunks[0].1 == Array("abc@def".utf8))
        #expect(try build { try SourceDescription.write(ssrc: 0x1122_3344, cname: "abc@def".utf8, into: $0) } == bytes)
    }

    @Test("a CNAME ending on a word boundary still gets a full null word")
    func nullWord() throws {
        let written = try build { try SourceDescription.write(ssrc: 1, cname: "ab".utf8, into: $0) }
        #expect(written.count == 16)  // header | SSRC | CNAME 2 "ab" | null word
        #expect(written[12...15] == [0, 0, 0, 0])
        let six = try build { try SourceDescription.write(ssrc: 1, cname: "abcdef".utf8, into: $0) }
        #expect(six.count == 20)
    }

    @Test("an item overrunning the chunk is truncated")
    func overrun() {
        var bad = bytes
        bad[9] = 0x20
        #expect(throws: RTCPParseError.truncated) { try withPacket(bad) { try SourceDescription(parsing: $0) } }
    }

    @Test("a CNAME over 255 bytes is itemTooLong")
    func longCNAME() {
        #expect(throws: RTCPBuildError.itemTooLong) {
            try build { try SourceDescription.write(ssrc: 1, cname: [UInt8](repeating: 65, count: 256), into: $0) }
        }
    }
}
