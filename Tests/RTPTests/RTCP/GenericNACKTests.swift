import Testing
@testable import RTP

struct GenericNACKTests {
    let bytes: [UInt8] = [
        0x81, 0xCD, 0x00, 0x04,  // V=2 FMT=1 | PT=205 | length 4 words
        0x00, 0x00, 0x00, 0x01,  // sender SSRC 1
        0x00, 0x00, 0x00, 0x02,  // media SSRC 2
        0x00, 0x64, 0x80, 0x05,  // PID 100 | BLP: +1, +3, +16
        0xFF, 0xFF, 0x00, 0x01,  // PID 65535 | BLP: +1 (wraps to 0)
    ]

    @Test("NACK with two items parses, lists lost packets, and rebuilds the same bytes")
    func roundTrip() throws {
        let (items, lost) = try withPacket(bytes) { packet in
            let nack = try GenericNACK(parsing: packet)
            #expect(nack.senderSSRC == 1)
            #expect(nack.mediaSSRC == 2)
            return (Array(nack.items), Array(nack.lostSequenceNumbers))
        }
        #expect(items == [NACKItem(packetID: 100, lostBitmask: 0x8005), NACKItem(packetID: 65_535, lostBitmask: 1)])
        #expect(lost == [100, 101, 103, 116, 65_535, 0])
        #expect(try build { try GenericNACK.write(senderSSRC: 1, mediaSSRC: 2, items: items, into: $0) } == bytes)
    }

    @Test("lost sequence numbers group into items of 17, across wraparound, skipping repeats")
    func groupsLostList() {
        let lost: [UInt16] = [65_534, 65_535, 65_535, 0, 14, 15, 200]
        #expect(Array(NACKItems(lost: lost)) == [
            NACKItem(packetID: 65_534, lostBitmask: 0b1000_0000_0000_0011),
            NACKItem(packetID: 15, lostBitmask: 0),
            NACKItem(packetID: 200, lostBitmask: 0),
        ])
    }

    @Test("a NACK with no items is truncated on parse and refused on build")
    func noItems() throws {
        let empty: [UInt8] = [0x81, 0xCD, 0x00, 0x02, 0, 0, 0, 1, 0, 0, 0, 2]
        #expect(throws: RTCPParseError.truncated) { try withPacket(empty) { try GenericNACK(parsing: $0) } }
        #expect(throws: RTCPBuildError.tooManyItems) {
            try build { try GenericNACK.write(senderSSRC: 1, mediaSSRC: 2, items: [NACKItem](), into: $0) }
        }
    }
}
