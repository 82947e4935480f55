import Foundation
import MediaLoopback
import Testing
@testable import WebRTC

/// Garbage from the peer's own address (the only source libnice lets through): each kind is dropped
/// and counted, statistics do not move, and the echo keeps working.
@Suite(.serialized) struct PeerConnectionBadInputTests {
    @Test func garbageIsCountedAndChangesNothingElse() throws {
        let pair = try PeerConnectionPair()
        defer { pair.stop() }
        let up = PeerConnectionPair.wait(seconds: 10) {
            pair.gatewaySide.record.withLock { $0.connected } && pair.peerSide.record.withLock { $0.connected }
        }
        try #require(up)
        let before = pair.gatewaySide.tracks()
        let garbage: [(String, [UInt8])] = [
            ("unknown first byte", [0xFF, 1, 2, 3]),
            ("truncated STUN header", [0x00, 0x01, 0x00]),
            ("RTP header with a forged payload", [0x80, 96, 0, 1, 0, 0, 0, 1, 0, 0, 0x22, 0x22] + [UInt8](repeating: 7, count: 60)),
            ("one byte that looks like RTP", [0x80]),
            ("RTCP sender report with a forged body", [0x80, 200, 0, 6] + [UInt8](repeating: 9, count: 40)),
            ("DTLS application data from nowhere", [0x17, 0xFE, 0xFD, 0, 1, 0, 0, 0, 0, 0, 9, 0, 4, 1, 2, 3, 4]),
            ("empty", []),
            ("DTLS record header cut short", [0x16, 0xFE, 0xFD, 0, 0]),
        ]
        for (_, bytes) in garbage {
            _ = try pair.peerSide.sync { [bytes] in
                bytes.withUnsafeBytes { pair.peerSide.connection!.ice.send($0) }
            }
        }
        let counted = PeerConnectionPair.wait(seconds: 5) {
            let c = pair.gatewaySide.counters()
            return c.unknownDatagrams >= 2 && c.srtpErrors >= 2 && c.srtcpErrors >= 1
        }
        let counters = pair.gatewaySide.counters()
        #expect(counted, "counters: \(counters)")
        #expect(counters.badRTP == 0 && counters.unknownRTP == 0 && counters.sendFailures == 0)
        let dtls = try pair.gatewaySide.sync { pair.gatewaySide.connection!.dtlsCounters }
        #expect(dtls.badRecords >= 1, "the malformed DTLS record is counted: \(dtls)")
        // No statistic moved: nothing of the garbage was taken for media.
        let after = pair.gatewaySide.tracks()
        #expect(after.map(\.receive.packets) == before.map(\.receive.packets))
        #expect(after.map(\.bytesReceived) == before.map(\.bytesReceived))
        #expect(pair.gatewaySide.record.withLock { $0.failure } == nil)
        // And the echo still works.
        let packets = (0..<10).map {
            PeerConnectionPair.rtpPacket(payloadType: 96, sequence: UInt16(500 + $0), timestamp: UInt32($0) * 3000,
                                         ssrc: 0x2222, size: 800)
        }
        #expect(try pair.peerSide.send(packets, track: 1) == 10)
        #expect(PeerConnectionPair.wait(seconds: 5) { pair.peerSide.record.withLock { $0.receivedRTP } >= 10 })
    }
}
