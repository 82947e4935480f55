import Testing
import RTP

struct RTPHeaderTests {
    // V=2 P=0 X=1 CC=1 | M=1 PT=111 | seq 0x1234
    // timestamp 0xDEADBEEF
    // SSRC 0x11223344
    // CSRC 0x55667788
    // profile 0xBEDE | length 2 words
    // ext: id 1 L=0 [AA] | padding | id 3 L=1 ...
    // ext: ... [BB CC] | id 5 L=0 [DD]
    // payload 01 02 03 (no padding)
    let packet: [UInt8] = [
        0x91, 0xEF, 0x12, 0x34,
        0xDE, 0xAD, 0xBE, 0xEF,
        0x11, 0x22, 0x33, 0x44,
        0x55, 0x66, 0x77, 0x88,
        0xBE, 0xDE, 0x00, 0x02,
        0x10, 0xAA, 0x00, 0x31,
        0xBB, 0xCC, 0x50, 0xDD,
        0x01, 0x02, 0x03,
    ]

    @Test("every fixed field, the CSRC and the payload range parse from one packet")
    func parsesFields() throws {
        try packet.withUnsafeBytes { raw in
            let header = try RTPHeader(parsing: raw)
            #expect(header.version == 2)
            #expect(!header.hasPadding)
            #expect(header.hasExtension)
            #expect(header.csrcCount == 1)
            #expect(header.marker)
            #expect(header.payloadType == 111)
            #expect(header.sequenceNumber == 0x1234)
            #expect(header.timestamp == 0xDEAD_BEEF)
            #expect(header.ssrc == 0x1122_3344)
            #expect(header.csrc(at: 0) == 0x5566_7788)
            #expect(header.csrc(at: 1) == nil)
            #expect(header.extensionProfile == 0xBEDE)
            #expect(header.payloadRange == 28..<31)
            #expect(Array(header.payload) == [1, 2, 3])
            #expect(header.paddingLength == 0)
        }
    }

    @Test("one-byte extension elements are found by id, skipping padding bytes")
    func findsOneByteElements() throws {
        try packet.withUnsafeBytes { raw in
            let header = try RTPHeader(parsing: raw)
            #expect(header.extensionElement(id: 1).map(Array.init) == [0xAA])
            #expect(header.extensionElement(id: 3).map(Array.init) == [0xBB, 0xCC])
            #expect(header.extensionElement(id: 5).map(Array.init) == [0xDD])
            #expect(header.extensionElement(id: 2) == nil)
            #expect(header.extensionElement(id: 15) == nil)
        }
    }

    @Test("two-byte extension elements (profile 0x1000) are found by id")
    func findsTwoByteElements() throws {
        let bytes: [UInt8] = [
            0x90, 0x60, 0x00, 0x01,  // V=2 X=1 | PT=96 | seq 1
            0x00, 0x00, 0x00, 0x02,  // timestamp 2
            0x00, 0x00, 0x00, 0x03,  // SSRC 3
            0x10, 0x00, 0x00, 0x02,  // profile 0x1000 | 2 words
            0x07, 0x00, 0x00, 0x21,  // id 7 L=0 | pad | id 33 ...
            0x02, 0x01, 0x02, 0x00,  // ... L=2 [01 02] | pad
        ]
        try bytes.withUnsafeBytes { raw in
            let header = try RTPHeader(parsing: raw)
            #expect(header.extensionElement(id: 7).map(Array.init) == [])
            #expect(header.extensionElement(id: 33).map(Array.init) == [1, 2])
            #expect(header.extensionElement(id: 8) == nil)
            #expect(header.payload.isEmpty)
        }
    }

    @Test("padding is excluded from the payload")
    func stripsPadding() throws {
        let bytes: [UInt8] = [
            0xA0, 0x60, 0x00, 0x01,  // V=2 P=1 | PT=96 | seq 1
            0x00, 0x00, 0x00, 0x02,  // timestamp
            0x00, 0x00, 0x00, 0x03,  // SSRC
            0x09, 0x00, 0x00, 0x03,  // payload 09 | padding 00 00, count 3
        ]
        try bytes.withUnsafeBytes { raw in
            let header = try RTPHeader(parsing: raw)
            #expect(header.paddingLength == 3)
            #expect(Array(header.payload) == [9])
        }
    }

    @Test("malformed packets throw the matching error", arguments: [
        ([0x80, 0x60, 0x00], RTPParseError.truncated),
        ([0x40, 0x60, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3], .badVersion),
        ([0x81, 0x60, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3], .truncated),
        ([0x90, 0x60, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3, 0xBE, 0xDE], .truncated),
        ([0x90, 0x60, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3, 0xBE, 0xDE, 0, 1], .extensionOverrun),
        ([0xA0, 0x60, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3, 0x00], .paddingOverrun),
        ([0xA0, 0x60, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3, 0x09, 0x05], .paddingOverrun),
    ] as [([UInt8], RTPParseError)])
    func rejectsMalformed(bytes: [UInt8], error: RTPParseError) {
        _ = bytes.withUnsafeBytes { raw in
            #expect(throws: error) { try RTPHeader(parsing: raw) }
        }
    }

    @Test("the rewriter changes SSRC, sequence, timestamp and marker in place, leaving PT")
    func rewritesInPlace() throws {
        var bytes = packet
        try bytes.withUnsafeMutableBytes { raw in
            let rewriter = try RTPHeaderRewriter(raw)
            rewriter.setSSRC(0xCAFE_BABE)
            rewriter.setSequenceNumber(0xFFFF)
            rewriter.setTimestamp(7)
            rewriter.setMarker(false)
        }
        try bytes.withUnsafeBytes { raw in
            let header = try RTPHeader(parsing: raw)
            #expect(header.ssrc == 0xCAFE_BABE)
            #expect(header.sequenceNumber == 0xFFFF)
            #expect(header.timestamp == 7)
            #expect(!header.marker)
            #expect(header.payloadType == 111)
        }
        #expect(bytes[12...] == packet[12...])
    }

    @Test("the rewriter refuses a short or non-version-2 buffer")
    func rewriterValidates() {
        var short: [UInt8] = [0x80, 0x60, 0, 1]
        _ = short.withUnsafeMutableBytes { raw in
            #expect(throws: RTPParseError.truncated) { try RTPHeaderRewriter(raw) }
        }
        var v1 = [UInt8](repeating: 0x40, count: 12)
        _ = v1.withUnsafeMutableBytes { raw in
            #expect(throws: RTPParseError.badVersion) { try RTPHeaderRewriter(raw) }
        }
    }
}
