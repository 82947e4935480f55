import Testing
@testable import RTP

struct RTCPCompoundTests {
    let compound: [UInt8] = [
        0x80, 0xC9, 0x00, 0x01,  // RR, RC=0, length 1
        0x00, 0x00, 0x00, 0x01,  // reporter SSRC 1
        0x81, 0xCA, 0x00, 0x02,  // SDES, SC=1, length 2
        0x00, 0x00, 0x00, 0x01,  // chunk SSRC 1
        0x01, 0x01, 0x78, 0x00,  // CNAME "x" | null
        0x81, 0xCE, 0x00, 0x02,  // PSFB FMT=1 (PLI), length 2
        0x00, 0x00, 0x00, 0x01,  // sender SSRC
        0x00, 0x00, 0x00, 0x02,  // media SSRC
        0x8F, 0xCD, 0x00, 0x04,  // RTPFB FMT=15 (transport-cc), length 4
        0x00, 0x00, 0x00, 0x01,  // sender SSRC
        0x00, 0x00, 0x00, 0x02,  // media SSRC
        0x00, 0x00, 0x00, 0x00,  // base sequence | status count
        0x00, 0x00, 0x00, 0x00,  // reference time | feedback count
        0xA0, 0xCC, 0x00, 0x02,  // APP with padding, length 2
        0x00, 0x00, 0x00, 0x01,  // SSRC
        0x00, 0x00, 0x00, 0x04,  // padding, count 4
    ]

    func kinds(_ bytes: [UInt8]) throws -> [String] {
        try bytes.withUnsafeBytes { raw in
            var iterator = RTCPCompound(raw)
            var names: [String] = []
            while let packet = try iterator.next() {
                switch packet {
                case .senderReport: names.append("SR")
                case .receiverReport: names.append("RR")
                case .sourceDescription: names.append("SDES")
                case .goodbye: names.append("BYE")
                case .pictureLossIndication: names.append("PLI")
                case .fullIntraRequest: names.append("FIR")
                case .receiverEstimatedMaximumBitrate: names.append("REMB")
                case .genericNACK: names.append("NACK")
                case .transportWideFeedback: names.append("TWCC")
                case .other(let view): names.append("other(\(view.header.packetType.rawValue), \(view.body.count))")
                }
            }
            return names
        }
    }

    @Test("a compound iterates RR, SDES, PLI, transport-cc and an unknown padded APP in order")
    func iterates() throws {
        #expect(try kinds(compound) == ["RR", "SDES", "PLI", "TWCC", "other(204, 4)"])
    }

    @Test("a length field past the datagram ends iteration with truncated")
    func truncatedTail() throws {
        #expect(throws: RTCPParseError.truncated) { try kinds(Array(compound.dropLast(4))) }
    }

    @Test("a version other than 2 is badVersion, and padding larger than the body is badPadding")
    func headerErrors() {
        #expect(throws: RTCPParseError.badVersion) { try kinds([0x40, 0xC9, 0x00, 0x01, 0, 0, 0, 1]) }
        #expect(throws: RTCPParseError.badPadding) { try kinds([0xA0, 0xC9, 0x00, 0x01, 0, 0, 0, 9]) }
        #expect(throws: RTCPParseError.badPadding) { try kinds([0xA0, 0xC9, 0x00, 0x01, 0, 0, 0, 0]) }
    }

    @Test("packet type values map both ways, keeping unknown ones")
    func packetTypes() {
        for value in UInt8.min...UInt8.max {
            #expect(RTCPPacketType(value).rawValue == value)
        }
        #expect(RTCPPacketType(207) == .unknown(207))
    }
}
