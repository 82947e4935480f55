import Testing
@testable import RTP

/// In-place edits a relay makes: RTX original sequence numbers, NACK packet ids, REMB caps.
@Suite struct RTCPFeedbackEditTests {
    @Test func rtxOriginalSequenceNumberIsReadAndWrittenAfterCSRCsAndExtension() throws {
        // One CSRC and a one-word extension: the payload starts at 12 + 4 + 4 + 4 = 24.
        var rtx: [UInt8] = [0x91, 97, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 9, 0xBE, 0xDE, 0, 1, 1, 2, 3, 4, 0x01, 0x2C, 0xAA]
        try rtx.withUnsafeMutableBytes { bytes in
            let rewriter = try RTPHeaderRewriter(bytes)
            #expect(rewriter.rtxOriginalSequenceNumber == 300)
            rewriter.setRTXOriginalSequenceNumber(300 - 40)
        }
        #expect(rtx[24] == 0x01 && rtx[25] == 0x04)  // 260
    }

    @Test func nackIdsShiftAndBitmasksStay() {
        // A compound: RR (untouched) then a generic NACK with two items.
        var compound: [UInt8] = [0x80, 201, 0, 1, 0, 0, 0, 1,
                                 0x81, 205, 0, 4, 0, 0, 0, 1, 0, 0, 0, 2, 0x00, 0x6E, 0, 0, 0xFF, 0xFF, 0, 3]
        compound.withUnsafeMutableBytes { RTCPFeedbackEdit.shiftNACKs(in: $0, by: 40) }
        #expect(Array(compound[20..<22]) == [0x00, 0x96])  // 110 + 40 = 150
        #expect(Array(compound[24..<26]) == [0x00, 0x27])  // 65535 + 40 wraps to 39
        #expect(Array(compound[26..<28]) == [0, 3])  // the bitmask is kept
        #expect(Array(compound[0..<8]) == [0x80, 201, 0, 1, 0, 0, 0, 1])
    }

    @Test func rembAboveTheCapIsLoweredAndBelowItStays() throws {
        var buffer = [UInt8](repeating: 0, count: 64)
        let length = try buffer.withUnsafeMutableBytes {
            try ReceiverEstimatedMaximumBitrate.write(senderSSRC: 1, bitrate: 2_000_000, ssrcs: [7, 8], into: $0)
        }
        var compound = Array(buffer[..<length])
        compound.withUnsafeMutableBytes { RTCPFeedbackEdit.capREMB(in: $0, at: 128_000) }
        let capped = try compound.withUnsafeBytes { bytes in
            try ReceiverEstimatedMaximumBitrate(parsing: RTCPPacketView(parsing: bytes))
        }
        #expect(capped.bitrate == 128_000 && Array(capped.ssrcs) == [7, 8] && capped.senderSSRC == 1)
        let before = compound
        compound.withUnsafeMutableBytes { RTCPFeedbackEdit.capREMB(in: $0, at: 500_000) }
        #expect(compound == before)
    }

    @Test func truncatedPacketsAreLeftAlone() throws {
        var short: [UInt8] = [0x90, 97, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0xBE, 0xDE, 0, 9]
        let before = short
        try short.withUnsafeMutableBytes { bytes in
            let rewriter = try RTPHeaderRewriter(bytes)
            #expect(rewriter.rtxOriginalSequenceNumber == nil)
            rewriter.setRTXOriginalSequenceNumber(5)
        }
        #expect(short == before)
        var compound: [UInt8] = [0x81, 205, 0, 9, 0, 0]
        compound.withUnsafeMutableBytes { RTCPFeedbackEdit.shiftNACKs(in: $0, by: 5) }
        #expect(compound == [0x81, 205, 0, 9, 0, 0])
    }
}
