import Testing
@testable import WebRTC

/// Malformed and tampered input: the right error, no trap, and no change to the session's state.
@Suite struct SRTPSessionBadInputTests {
    private func sessions(_ profile: SRTPProfile) throws -> (SRTPSession, SRTPSession) {
        (try SRTPSession(profile: profile, direction: .outbound, masterKey: makeMasterKey(profile)),
         try SRTPSession(profile: profile, direction: .inbound, masterKey: makeMasterKey(profile)))
    }

    @Test(arguments: SRTPProfile.allCases)
    func shortOrMalformedRTPIsMalformed(profile: SRTPProfile) throws {
        let (sender, receiver) = try sessions(profile)
        let good = makeRTPPacket(ssrc: 9, sequence: 1, payloadLength: 40)
        for length in 0..<12 {
            #expect(transformed(Array(good.prefix(length)), sender.protectRTP) == .failure(.malformed))
        }
        let tag = profile == .aes128CmHmacSha1_80 ? 10 : 16
        for length in 0..<(12 + tag) {
            #expect(transformed(Array(good.prefix(length)), receiver.unprotectRTP) == .failure(.malformed))
        }
        var version1 = good
        version1[0] = 0x40
        #expect(transformed(version1, sender.protectRTP) == .failure(.malformed))
        #expect(transformed(version1 + [UInt8](repeating: 0, count: tag), receiver.unprotectRTP) == .failure(.malformed))
        var csrcs = Array(good.prefix(20))
        csrcs[0] = 0x8F                                            // 15 CSRCs in 8 bytes
        #expect(transformed(csrcs, sender.protectRTP) == .failure(.malformed))
        #expect(transformed(csrcs + [UInt8](repeating: 0, count: tag), receiver.unprotectRTP) == .failure(.malformed))
        var extended = Array(good.prefix(12)) + [0xBE, 0xDE, 0x00, 0x20] + [UInt8](repeating: 0, count: 8)
        extended[0] = 0x90                                         // 32 extension words in 8 bytes
        #expect(transformed(extended, sender.protectRTP) == .failure(.malformed))
        #expect(transformed(extended + [UInt8](repeating: 0, count: tag), receiver.unprotectRTP) == .failure(.malformed))
        #expect(sender.streams.count == 0 && receiver.streams.count == 0)
    }

    @Test(arguments: SRTPProfile.allCases)
    func shortOrMalformedRTCPIsMalformed(profile: SRTPProfile) throws {
        let (sender, receiver) = try sessions(profile)
        let good = makeRTCPPacket(ssrc: 9)
        for length in 0..<8 {
            #expect(transformed(Array(good.prefix(length)), sender.protectRTCP) == .failure(.malformed))
        }
        let srtcp = try transformed(good, sender.protectRTCP).get()
        let trailer = profile == .aes128CmHmacSha1_80 ? 14 : 20
        #expect(srtcp.count == good.count + trailer)
        for length in 0..<(8 + trailer) {
            #expect(transformed(Array(srtcp.prefix(length)), receiver.unprotectRTCP) == .failure(.malformed))
        }
        var version0 = srtcp
        version0[0] &= 0x3F
        #expect(transformed(version0, receiver.unprotectRTCP) == .failure(.malformed))
        #expect(receiver.streams.count == 0)
        #expect(transformed(srtcp, receiver.unprotectRTCP) == .success(good))
    }

    /// Flipping a bit in the header, the payload or the tag fails authentication and leaves the
    /// replay state as it was: the genuine packet is accepted afterwards.
    @Test(arguments: SRTPProfile.allCases)
    func tamperingFailsAuthenticationAndChangesNothing(profile: SRTPProfile) throws {
        let (sender, receiver) = try sessions(profile)
        let plain = makeRTPPacket(ssrc: 9, sequence: 500, payloadLength: 64, csrcCount: 1, extensionWords: 1)
        let srtp = try transformed(plain, sender.protectRTP).get()
        for position in [1, 5, 9, 14, 20, 30, srtp.count - 20, srtp.count - 1] {
            var tampered = srtp
            tampered[position] ^= 0x04
            #expect(transformed(tampered, receiver.unprotectRTP) == .failure(.authFail), "byte \(position)")
        }
        #expect(receiver.streams.count == 0)
        #expect(transformed(srtp, receiver.unprotectRTP) == .success(plain))
        let rtcp = makeRTCPPacket(ssrc: 9)
        let srtcp = try transformed(rtcp, sender.protectRTCP).get()
        for position in [1, 6, 10, srtcp.count - 12, srtcp.count - 1] {
            var tampered = srtcp
            tampered[position] ^= 0x04
            #expect(transformed(tampered, receiver.unprotectRTCP) == .failure(.authFail), "SRTCP byte \(position)")
        }
        #expect(receiver.streams.find(9)?.pointee.rtcp.highest == nil)
        #expect(transformed(srtcp, receiver.unprotectRTCP) == .success(rtcp))
    }

    @Test func theThirtyThirdSSRCIsAStreamLimitError() throws {
        let (sender, receiver) = try sessions(.aeadAes128Gcm)
        for ssrc in 1...UInt32(SRTPSession.maximumStreams) {
            let srtp = try transformed(makeRTPPacket(ssrc: ssrc, sequence: 1), sender.protectRTP).get()
            #expect(transformed(srtp, receiver.unprotectRTP).map { _ in true } == .success(true))
        }
        let extra = makeRTPPacket(ssrc: 1_000, sequence: 1)
        #expect(transformed(extra, sender.protectRTP) == .failure(.streamLimit))
        #expect(transformed(makeRTCPPacket(ssrc: 1_000), sender.protectRTCP) == .failure(.streamLimit))
        let other = try SRTPSession(profile: .aeadAes128Gcm, direction: .outbound, masterKey: makeMasterKey(.aeadAes128Gcm))
        let srtp = try transformed(extra, other.protectRTP).get()
        #expect(transformed(srtp, receiver.unprotectRTP) == .failure(.streamLimit))
        // Known SSRCs keep working.
        let again = try transformed(makeRTPPacket(ssrc: 7, sequence: 2), sender.protectRTP).get()
        #expect(transformed(again, receiver.unprotectRTP).map { _ in true } == .success(true))
    }

    @Test func everyErrorDescribesItself() {
        let all: [SRTPError] = [.authFail, .replayFail, .replayOld, .malformed, .badParam, .streamLimit, .cipherFail, .indexExhausted]
        #expect(Set(all.map(\.description)).count == all.count)
        #expect(all.allSatisfy { $0.description.hasPrefix("SRTP ") })
        #expect(SRTPError.replayOld != .replayFail)
    }
}
