import LibSRTPReference
import Testing
@testable import WebRTC

/// Replay protection and rollover counting through `SRTPSession` (RFC 3711 §3.3.1, §3.3.2, App. A).
@Suite struct SRTPSessionReplayTests {
    private static let ssrc: UInt32 = 0x5EED_0001

    /// A sender and receiver with the same key, and the sender's protected packet for each sequence.
    private final class Pair {
        let sender: SRTPSession
        let receiver: SRTPSession
        init(_ profile: SRTPProfile) throws {
            sender = try SRTPSession(profile: profile, direction: .outbound, masterKey: makeMasterKey(profile))
            receiver = try SRTPSession(profile: profile, direction: .inbound, masterKey: makeMasterKey(profile))
        }
        func protect(_ sequence: UInt16) throws -> [UInt8] {
            try transformed(makeRTPPacket(ssrc: SRTPSessionReplayTests.ssrc, sequence: sequence, seed: UInt8(truncatingIfNeeded: sequence)),
                            sender.protectRTP).get()
        }
        func receive(_ srtp: [UInt8]) -> Result<[UInt8], SRTPError> { transformed(srtp, receiver.unprotectRTP) }
        var highest: UInt64? { receiver.streams.find(SRTPSessionReplayTests.ssrc)?.pointee.rtp.highest }
    }

    private func plain(_ sequence: UInt16) -> [UInt8] {
        makeRTPPacket(ssrc: Self.ssrc, sequence: sequence, seed: UInt8(truncatingIfNeeded: sequence))
    }

    @Test(arguments: SRTPProfile.allCases)
    func duplicatesOldAndReorderedPackets(profile: SRTPProfile) throws {
        let pair = try Pair(profile)
        let packets = try (0..<300).map { try pair.protect(UInt16($0)) }
        #expect(pair.receive(packets[200]) == .success(plain(200)))
        #expect(pair.receive(packets[200]) == .failure(.replayFail))                 // duplicate
        #expect(pair.receive(packets[150]) == .success(plain(150)))                  // late, within the window
        #expect(pair.receive(packets[150]) == .failure(.replayFail))                 // accepted once only
        #expect(pair.receive(packets[73]) == .success(plain(73)))                    // 127 behind: oldest slot
        #expect(pair.receive(packets[72]) == .failure(.replayOld))                   // 128 behind
        #expect(pair.receive(packets[299]) == .success(plain(299)))                  // the window slides
        #expect(pair.receive(packets[171]) == .failure(.replayOld))
        #expect(pair.receive(packets[172]) == .success(plain(172)))
        #expect(pair.highest == 299)
    }

    @Test(arguments: SRTPProfile.allCases)
    func aForgedPacketWithANewIndexAdvancesNothing(profile: SRTPProfile) throws {
        let pair = try Pair(profile)
        let packets = try (0..<2_000).map { try pair.protect(UInt16($0)) }
        #expect(pair.receive(packets[1_000]) == .success(plain(1_000)))
        var forged = packets[1_999]
        forged[forged.count - 1] ^= 0x80                                              // bad tag, index 1,999
        #expect(pair.receive(forged) == .failure(.authFail))
        #expect(pair.highest == 1_000)
        #expect(pair.receive(packets[900]) == .success(plain(900)))                  // still within the window
        #expect(pair.receive(packets[1_999]) == .success(plain(1_999)))              // the genuine one still works
        // A forged packet from a new SSRC creates no stream.
        var stranger = try transformed(makeRTPPacket(ssrc: 0x0BAD_0BAD, sequence: 5), pair.sender.protectRTP).get()
        stranger[20] ^= 1
        #expect(pair.receive(stranger) == .failure(.authFail))
        #expect(pair.receiver.streams.count == 1)
    }

    @Test(arguments: SRTPProfile.allCases)
    func theSenderCountsAWrapAndRefusesToReuseAnIndex(profile: SRTPProfile) throws {
        let pair = try Pair(profile)
        let reference = try LibSRTPSession(profile: profile, direction: .inbound, masterKey: makeMasterKey(profile))
        for sequence in [65_534, 65_535, 0, 1] as [UInt16] {
            let srtp = try pair.protect(sequence)
            // libsrtp2 authenticates with its own ROC count: a wrong ROC on our side fails here.
            var buffer = srtp
            let length = try buffer.withUnsafeMutableBytes { try reference.unprotectRTP($0, length: srtp.count) }
            #expect(Array(buffer[..<length]) == plain(sequence))
        }
        #expect(pair.sender.streams.find(Self.ssrc)?.pointee.rtp.highest == 1 << 16 | 1)
        #expect(throws: SRTPError.replayFail) { try pair.protect(1) }                // same index again
    }

    /// Packets from either side of a wrap arrive interleaved; each is decrypted with the right ROC.
    @Test(arguments: SRTPProfile.allCases)
    func reorderingAcrossTheWrap(profile: SRTPProfile) throws {
        let pair = try Pair(profile)
        let sequences: [UInt16] = Array(65_520...65_535) + Array(0...15)
        var protected: [UInt16: [UInt8]] = [:]
        for sequence in sequences { protected[sequence] = try pair.protect(sequence) }
        let arrival: [UInt16] = [65_520, 65_521, 65_530, 2, 65_522, 0, 65_535, 1, 65_523, 65_524, 15, 65_525, 3]
            + Array(65_526...65_529) + [65_531, 65_532, 65_533, 65_534] + Array(4...14)
        #expect(Set(arrival) == Set(sequences))
        for sequence in arrival {
            #expect(pair.receive(protected[sequence]!) == .success(plain(sequence)), "sequence \(sequence)")
        }
        #expect(pair.highest == 1 << 16 | 15)
    }

    /// Four wraps with every 10th packet lost and every 3rd pair swapped.
    @Test func manyWraps() throws {
        let pair = try Pair(.aeadAes128Gcm)
        var accepted = 0
        var order = Array(0..<(4 * 65_536 + 100))
        for pair in stride(from: 0, to: order.count - 1, by: 6) { order.swapAt(pair, pair + 1) }
        var protected: [Int: [UInt8]] = [:]
        var sent = 0
        for number in order where number % 10 != 9 {
            while sent <= number {
                protected[sent] = try transformed(
                    makeRTPPacket(ssrc: Self.ssrc, sequence: UInt16(truncatingIfNeeded: sent), payloadLength: 4),
                    pair.sender.protectRTP).get()
                sent += 1
            }
            if case .success = pair.receive(protected.removeValue(forKey: number)!) { accepted += 1 }
            if protected.count > 64 { protected = protected.filter { $0.key > number - 32 } }
        }
        #expect(accepted == order.filter { $0 % 10 != 9 }.count)
        #expect(pair.highest == UInt64(4 * 65_536 + 99))
    }
}
