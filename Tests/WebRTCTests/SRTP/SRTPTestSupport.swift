@testable import WebRTC

/// Bytes from hexadecimal text; spaces and newlines are ignored (RFC vectors are printed in groups).
func hexBytes(_ text: String) -> [UInt8] {
    let digits = text.filter { !$0.isWhitespace }.map { UInt8(String($0), radix: 16)! }
    precondition(digits.count % 2 == 0, "odd number of hex digits")
    return stride(from: 0, to: digits.count, by: 2).map { digits[$0] << 4 | digits[$0 + 1] }
}

/// Runs `transform` on a copy of `packet` placed in a buffer with `SRTPSession.trailerRoom` spare
/// bytes, and returns the bytes it produced (or what it threw).
func transformed(
    _ packet: [UInt8], _ transform: (UnsafeMutableRawBufferPointer, Int) throws(SRTPError) -> Int
) -> Result<[UInt8], SRTPError> {
    var buffer = packet + [UInt8](repeating: 0, count: SRTPSession.trailerRoom)
    return buffer.withUnsafeMutableBytes { bytes in
        do throws(SRTPError) {
            let length = try transform(bytes, packet.count)
            return .success(Array(bytes[..<length]))
        } catch {
            return .failure(error)
        }
    }
}

/// An RTP packet (V=2, PT 96) with `csrcCount` CSRCs and, when `extensionWords` is set, a
/// one-byte-header extension (0xBEDE) of that many 32-bit words; the payload is patterned by `seed`.
func makeRTPPacket(
    ssrc: UInt32, sequence: UInt16, payloadLength: Int = 100, csrcCount: Int = 0, extensionWords: Int? = nil,
    seed: UInt8 = 0
) -> [UInt8] {
    var packet: [UInt8] = [0x80 | UInt8(csrcCount), 96, UInt8(sequence >> 8), UInt8(sequence & 0xFF)]
    if extensionWords != nil { packet[0] |= 0x10 }
    let timestamp = UInt32(sequence) &* 960
    packet += withUnsafeBytes(of: timestamp.bigEndian, Array.init)
    packet += withUnsafeBytes(of: ssrc.bigEndian, Array.init)
    for csrc in 0..<csrcCount { packet += withUnsafeBytes(of: (0xC000_0000 | UInt32(csrc)).bigEndian, Array.init) }
    if let words = extensionWords {
        packet += [0xBE, 0xDE, 0, UInt8(words)]
        packet += (0..<words * 4).map { UInt8(truncatingIfNeeded: $0 &+ 1) }
    }
    packet += (0..<payloadLength).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ Int(seed)) }
    return packet
}

/// An RTCP packet from `ssrc`: a receiver report (PT 201) header with `words` 32-bit words of body.
func makeRTCPPacket(ssrc: UInt32, words: Int = 6, seed: UInt8 = 0) -> [UInt8] {
    var packet: [UInt8] = [0x80, 201, UInt8((words + 1) >> 8), UInt8((words + 1) & 0xFF)]
    packet += withUnsafeBytes(of: ssrc.bigEndian, Array.init)
    packet += (0..<words * 4).map { UInt8(truncatingIfNeeded: $0 &* 17 &+ Int(seed)) }
    return packet
}

/// A key of `profile.masterLength` bytes patterned by `seed`.
func makeMasterKey(_ profile: SRTPProfile, seed: UInt8 = 1) -> [UInt8] {
    (0..<profile.masterLength).map { UInt8(truncatingIfNeeded: $0 &* 29 &+ Int(seed)) }
}
