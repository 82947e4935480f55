import Testing
@testable import RTP

struct FullIntraRequestTests {
    let bytes: [UInt8] = [
        0x84, 0xCE, 0x00, 0x04,  // V=2 FMT=4 | PT=206 | length 4 words
        0x00, 0x00, 0x00, 0x01,  // sender SSRC 1
        0x00, 0x00, 0x00, 0x00,  // media SSRC 0 (RFC 5104)
        0x12, 0x34, 0x56, 0x78,  // FCI: SSRC
        0x2A, 0x00, 0x00, 0x00,  // seq nr 42 | reserved
    ]

    @Test("FIR with one entry parses and rebuilds the same bytes")
    func roundTrip() throws {
        let (sender, entries) = try withPacket(bytes) { packet in
            let fir = try FullIntraRequest(parsing: packet)
            return (fir.senderSSRC, Array(fir.entries))
        }
        #expect(sender == 1)
        #expect(entries == [FIREntry(ssrc: 0x1234_5678, sequenceNumber: 42)])
        #expect(try build { try FullIntraRequest.write(senderSSRC: sender, entries: entries, into: $0) } == bytes)
    }

    @Test("a partial FCI entry is truncated")
    func partialEntry() {
        var bad = bytes
        bad[3] = 0x03
        #expect(throws: RTCPParseError.truncated) {
            try withPacket(Array(bad[0..<16])) { try FullIntraRequest(parsing: $0) }
        }
    }
}
