import LibSRTPReference
import Testing
import TestSupport
@testable import WebRTC

/// Our SRTP against libsrtp2 both ways: for identical keys and inputs SRTP is deterministic, so
/// both must produce the same bytes, and each must unprotect the other's output.
@Suite struct SRTPInteropTests {
    /// One mismatch, reported once with its place instead of one line per packet.
    private struct Tally {
        var checked = 0
        var failures: [String] = []
        mutating func check(_ ok: Bool, _ what: @autoclosure () -> String) {
            checked += 1
            if !ok && failures.count < 5 { failures.append(what()) }
        }
    }

    private static func run(_ packet: [UInt8], _ transform: (UnsafeMutableRawBufferPointer, Int) throws -> Int) -> [UInt8]? {
        var buffer = packet + [UInt8](repeating: 0, count: SRTPSession.trailerRoom)
        return buffer.withUnsafeMutableBytes { bytes in
            (try? transform(bytes, packet.count)).map { Array(bytes[..<$0]) }
        }
    }

    /// 70,000 packets on each of two SSRCs (one starting just below the wrap, so both wrap at
    /// least once), payloads of 0 to 299 bytes, CSRCs on every 7th packet and a header extension
    /// on every 5th; receivers get each pair of packets swapped.
    @Test(arguments: SRTPProfile.allCases)
    func rtpMatchesLibSRTPBothWays(profile: SRTPProfile) throws {
        let (ours, theirs, ourReceiver, theirReceiver) = try sessionPairs(profile, seed: 7)
        var random = SplitMix64(seed: UInt64(profile.rawValue))
        var tally = Tally()
        let streams: [(ssrc: UInt32, first: UInt16)] = [(0x1111_1111, 65_000), (0x2222_2222, 12_345)]
        for step in stride(from: 0, to: 70_000, by: 2) {
            for stream in streams {
                var pending: [(plain: [UInt8], ours: [UInt8]?, theirs: [UInt8]?)] = []
                for offset in 0..<2 {
                    let number = step + offset
                    let plain = makeRTPPacket(
                        ssrc: stream.ssrc, sequence: stream.first &+ UInt16(truncatingIfNeeded: number),
                        payloadLength: Int(random.next() % 300), csrcCount: number % 7 == 0 ? 3 : 0,
                        extensionWords: number % 5 == 0 ? 2 : nil, seed: UInt8(truncatingIfNeeded: random.next()))
                    let mine = Self.run(plain) { try ours.protectRTP($0, length: $1) }
                    let reference = Self.run(plain) { try theirs.protectRTP($0, length: $1) }
                    tally.check(mine != nil && mine == reference, "\(profile) protect differs, SSRC \(stream.ssrc) #\(number)")
                    pending.append((plain, mine, reference))
                }
                for packet in pending.reversed() {
                    let byThem = packet.ours.flatMap { srtp in Self.run(srtp) { try theirReceiver.unprotectRTP($0, length: $1) } }
                    tally.check(byThem == packet.plain, "\(profile) libsrtp2 could not unprotect ours, SSRC \(stream.ssrc)")
                    let byUs = packet.theirs.flatMap { srtp in Self.run(srtp) { try ourReceiver.unprotectRTP($0, length: $1) } }
                    tally.check(byUs == packet.plain, "\(profile) we could not unprotect libsrtp2's, SSRC \(stream.ssrc)")
                }
            }
        }
        #expect(tally.failures.isEmpty, "\(tally.failures)")
        #expect(tally.checked == 70_000 * 2 * 3)
        // The first stream wrapped twice (ROC 2), the second once (ROC 1): the highest index is
        // the first sequence number plus 69,999 without wrapping.
        for stream in streams {
            #expect(ourReceiver.streams.find(stream.ssrc)?.pointee.rtp.highest == UInt64(stream.first) + 69_999)
            #expect(ours.streams.find(stream.ssrc)?.pointee.rtp.highest == UInt64(stream.first) + 69_999)
        }
    }

    /// 3,000 RTCP packets from each of two SSRCs, bodies of 1 to 40 words.
    @Test(arguments: SRTPProfile.allCases)
    func rtcpMatchesLibSRTPBothWays(profile: SRTPProfile) throws {
        let (ours, theirs, ourReceiver, theirReceiver) = try sessionPairs(profile, seed: 11)
        var random = SplitMix64(seed: 99 &+ UInt64(profile.rawValue))
        var tally = Tally()
        for number in 0..<3_000 {
            for ssrc: UInt32 in [0xAAAA_0001, 0xBBBB_0002] {
                let plain = makeRTCPPacket(ssrc: ssrc, words: 1 + Int(random.next() % 40), seed: UInt8(truncatingIfNeeded: number))
                let mine = Self.run(plain) { try ours.protectRTCP($0, length: $1) }
                let reference = Self.run(plain) { try theirs.protectRTCP($0, length: $1) }
                tally.check(mine != nil && mine == reference, "\(profile) SRTCP protect differs, SSRC \(ssrc) #\(number)")
                let byThem = mine.flatMap { srtcp in Self.run(srtcp) { try theirReceiver.unprotectRTCP($0, length: $1) } }
                tally.check(byThem == plain, "\(profile) libsrtp2 could not unprotect our SRTCP #\(number)")
                let byUs = reference.flatMap { srtcp in Self.run(srtcp) { try ourReceiver.unprotectRTCP($0, length: $1) } }
                tally.check(byUs == plain, "\(profile) we could not unprotect libsrtp2's SRTCP #\(number)")
            }
        }
        #expect(tally.failures.isEmpty, "\(tally.failures)")
        #expect(tally.checked == 3_000 * 2 * 3)
    }

    /// Both implementations' senders and receivers, all keyed with one master key.
    private func sessionPairs(_ profile: SRTPProfile, seed: UInt8) throws
        -> (SRTPSession, LibSRTPSession, SRTPSession, LibSRTPSession) {
        let key = makeMasterKey(profile, seed: seed)
        return (
            try SRTPSession(profile: profile, direction: .outbound, masterKey: key),
            try LibSRTPSession(profile: profile, direction: .outbound, masterKey: key),
            try SRTPSession(profile: profile, direction: .inbound, masterKey: key),
            try LibSRTPSession(profile: profile, direction: .inbound, masterKey: key))
    }
}
