import Testing
@testable import RTP

struct TransportWideFeedbackTests {
    let bytes: [UInt8] = [
        0x8F, 0xCD, 0x00, 0x05,  // V=2 FMT=15 | PT=205 | length 5 words
        0x00, 0x00, 0x00, 0x01,  // sender SSRC 1
        0x00, 0x00, 0x00, 0x02,  // media SSRC 2
        0x00, 0x05, 0x00, 0x01,  // base sequence 5 | status count 1
        0x00, 0x00, 0x10, 0x00,  // reference time | feedback count 0
        0x20, 0x01, 0x04, 0x00,  // run-length chunk: 1 × small delta | delta 4 | pad
    ]

    @Test("transport-cc feedback is recognized and its bytes pass through untouched")
    func passesThrough() throws {
        let (sender, media, passed) = try withPacket(bytes) { packet in
            let feedback = try TransportWideFeedback(parsing: packet)
            return (feedback.senderSSRC, feedback.mediaSSRC, Array(feedback.bytes))
        }
        #expect(sender == 1)
        #expect(media == 2)
        #expect(passed == bytes)
    }
}
