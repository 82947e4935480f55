import Testing
@testable import WebRTC

/// Builds a minimal RTP packet (V=2, PT 96) with a patterned payload, in a buffer with trailer room.
func makeRTPBuffer(sequence: UInt16, payloadLength: Int = 160) -> (buffer: [UInt8], length: Int) {
    var packet: [UInt8] = [0x80, 96, UInt8(sequence >> 8), UInt8(sequence & 0xFF),
                           0, 0, 0x10, 0x00, 0x12, 0x34, 0x56, 0x78]
    packet += (0..<payloadLength).map { UInt8(truncatingIfNeeded: $0 &* 7) }
    let length = packet.count
    return (packet + [UInt8](repeating: 0, count: SRTPSession.trailerRoom), length)
}

/// A receiver report (PT 201) with no report blocks, in a buffer with trailer room.
func makeRTCPBuffer() -> (buffer: [UInt8], length: Int) {
    let packet: [UInt8] = [0x80, 201, 0x00, 0x01, 0x12, 0x34, 0x56, 0x78]
    return (packet + [UInt8](repeating: 0, count: SRTPSession.trailerRoom), packet.count)
}

func pairOfSessions(_ profile: SRTPProfile) throws -> (SRTPSession, SRTPSession) {
    let key = (0..<profile.masterLength).map { UInt8(truncatingIfNeeded: $0 &* 13 &+ 1) }
    return (try SRTPSession(profile: profile, direction: .outbound, masterKey: key),
            try SRTPSession(profile: profile, direction: .inbound, masterKey: key))
}

@Suite struct SRTPSessionTests {
    @Test(arguments: SRTPProfile.allCases)
    func rtpProtectThenUnprotectRestoresThePacket(profile: SRTPProfile) throws {
        let (sender, receiver) = try pairOfSessions(profile)
        var (buffer, length) = makeRTPBuffer(sequence: 1)
        let original = Array(buffer[..<length])
        let protectedLength = try buffer.withUnsafeMutableBytes { try sender.protectRTP($0, length: length) }
        #expect(protectedLength == length + (profile == .aes128CmHmacSha1_80 ? 10 : 16))
        #expect(Array(buffer[12..<length]) != Array(original[12...]))
        let plainLength = try buffer.withUnsafeMutableBytes { try receiver.unprotectRTP($0, length: protectedLength) }
        #expect(plainLength == length)
        #expect(Array(buffer[..<plainLength]) == original)
    }

    @Test(arguments: SRTPProfile.allCases)
    func rtcpProtectThenUnprotectRestoresThePacket(profile: SRTPProfile) throws {
        let (sender, receiver) = try pairOfSessions(profile)
        var (buffer, length) = makeRTCPBuffer()
        let original = Array(buffer[..<length])
        let protectedLength = try buffer.withUnsafeMutableBytes { try sender.protectRTCP($0, length: length) }
        #expect(protectedLength > length + 4)
        let plainLength = try buffer.withUnsafeMutableBytes { try receiver.unprotectRTCP($0, length: protectedLength) }
        #expect(Array(buffer[..<plainLength]) == original)
    }

    @Test(arguments: SRTPProfile.allCases)
    func tamperedPacketFailsAuthentication(profile: SRTPProfile) throws {
        let (sender, receiver) = try pairOfSessions(profile)
        var (buffer, length) = makeRTPBuffer(sequence: 7)
        let protectedLength = try buffer.withUnsafeMutableBytes { try sender.protectRTP($0, length: length) }
        buffer[20] ^= 0x01
        #expect(throws: SRTPError.authFail) {
            _ = try buffer.withUnsafeMutableBytes { try receiver.unprotectRTP($0, length: protectedLength) }
        }
    }

    @Test(arguments: SRTPProfile.allCases)
    func replayedPacketFailsReplayCheck(profile: SRTPProfile) throws {
        let (sender, receiver) = try pairOfSessions(profile)
        var (buffer, length) = makeRTPBuffer(sequence: 42)
        let protectedLength = try buffer.withUnsafeMutableBytes { try sender.protectRTP($0, length: length) }
        let wire = buffer
        _ = try buffer.withUnsafeMutableBytes { try receiver.unprotectRTP($0, length: protectedLength) }
        var replay = wire
        #expect(throws: SRTPError.replayFail) {
            _ = try replay.withUnsafeMutableBytes { try receiver.unprotectRTP($0, length: protectedLength) }
        }
    }

    @Test func wrongKeyFailsAuthentication() throws {
        let profile = SRTPProfile.aes128CmHmacSha1_80
        let sender = try SRTPSession(profile: profile, direction: .outbound,
                                     masterKey: [UInt8](repeating: 1, count: profile.masterLength))
        let receiver = try SRTPSession(profile: profile, direction: .inbound,
                                       masterKey: [UInt8](repeating: 2, count: profile.masterLength))
        var (buffer, length) = makeRTPBuffer(sequence: 3)
        let protectedLength = try buffer.withUnsafeMutableBytes { try sender.protectRTP($0, length: length) }
        #expect(throws: SRTPError.authFail) {
            _ = try buffer.withUnsafeMutableBytes { try receiver.unprotectRTP($0, length: protectedLength) }
        }
    }

    @Test func masterKeyOfWrongLengthIsRejected() {
        #expect(throws: SRTPError.badParam) {
            _ = try SRTPSession(profile: .aeadAes256Gcm, direction: .inbound, masterKey: [UInt8](repeating: 0, count: 30))
        }
    }

    @Test func profileNamesAndLengthsFollowRFC5764AndRFC7714() {
        #expect(SRTPProfile(dtlsName: "SRTP_AES128_CM_SHA1_80") == .aes128CmHmacSha1_80)
        #expect(SRTPProfile(dtlsName: "SRTP_AEAD_AES_256_GCM") == .aeadAes256Gcm)
        #expect(SRTPProfile(dtlsName: "SRTP_NULL_SHA1_80") == nil)
        #expect(SRTPProfile.aes128CmHmacSha1_80.masterLength == 30)
        #expect(SRTPProfile.aeadAes128Gcm.masterLength == 28)
        #expect(SRTPProfile.aeadAes256Gcm.masterLength == 44)
        #expect(SRTPError.authFail.description.hasPrefix("SRTP authentication failed"))
    }
}
