import Foundation
import SDP
import Testing
import MediaLoopback
@testable import WebRTC

/// ICE + DTLS + SRTP + demultiplexing + SSRC rewriting together, in one process over 127.0.0.1.
@Suite(.serialized) struct PeerConnectionLoopbackTests {
    @Test func echoesRTPBothWaysWithAnsweredSSRCs() throws {
        let pair = try PeerConnectionPair()
        defer { pair.stop() }
        let up = PeerConnectionPair.wait(seconds: 10) {
            pair.gatewaySide.record.withLock { $0.connected } && pair.peerSide.record.withLock { $0.connected }
        }
        #expect(up, "both sides connected: gateway \(pair.gatewaySide.record.withLock { $0 }), peer \(pair.peerSide.record.withLock { $0 })")
        guard up else { return }
        let video = (0..<100).map {
            PeerConnectionPair.rtpPacket(payloadType: 96, sequence: UInt16(1000 + $0), timestamp: UInt32($0) * 3000,
                                         ssrc: 0x2222, size: 1_100)
        }
        let audio = (0..<50).map {
            PeerConnectionPair.rtpPacket(payloadType: 111, sequence: UInt16($0), timestamp: UInt32($0) * 960,
                                         ssrc: 0x1111, size: 160)
        }
        // Paced (10 packets per 5 ms): loopback UDP drops bursts larger than the socket buffer.
        var sent = 0
        for chunk in stride(from: 0, to: 100, by: 10) {
            sent += try pair.peerSide.send(Array(video[chunk..<(chunk + 10)]), track: 1)
            sent += try pair.peerSide.send(Array(audio[(chunk / 2)..<(chunk / 2 + 5)]), track: 0)
            Thread.sleep(forTimeInterval: 0.005)
        }
        #expect(sent == 150)
        let echoed = PeerConnectionPair.wait(seconds: 5) { pair.peerSide.record.withLock { $0.receivedRTP } >= 150 }
        #expect(echoed, "echoed \(pair.peerSide.record.withLock { $0.receivedRTP }) of 150")
        // What comes back carries the SSRCs the gateway's answer announced, not the peer's own.
        #expect(pair.peerSide.record.withLock { $0.receivedSSRCs } == [0xA1, 0xB1])
        let tracks = pair.gatewaySide.tracks()
        #expect(tracks.map(\.receive.packets) == [50, 100])
        #expect(tracks.map(\.packetsSent) == [50, 100])
        #expect(tracks[1].bytesReceived == 110_000)
        #expect(pair.gatewaySide.record.withLock { $0.receiving }.count == 2, "both tracks reported receiving")
        #expect(pair.gatewaySide.counters() == PeerConnectionCounters())
    }

    @Test func wrongFingerprintFailsTheHandshakeAndNeverKeysSRTP() throws {
        let wrong = [Fingerprint(hashFunction: "sha-256", bytes: [UInt8](repeating: 0x42, count: 32))]
        let pair = try PeerConnectionPair(peerFingerprintOverride: wrong)
        defer { pair.stop() }
        let failed = PeerConnectionPair.wait(seconds: 10) { pair.gatewaySide.record.withLock { $0.failure } != nil }
        #expect(failed)
        #expect(pair.gatewaySide.record.withLock { $0.failure }?.contains("DTLS") == true)
        #expect(!pair.gatewaySide.record.withLock { $0.connected })
        #expect(pair.gatewaySide.record.withLock { $0.dtlsStates }.contains(.failed))
    }
}

/// Slow-link detection (Janus's `slowlink_threshold`): packets missing from what the peer sends.
@Suite(.serialized) struct PeerConnectionSlowLinkTests {
    @Test func lossAboveTheThresholdIsReportedAsAnUplinkSlowLink() throws {
        let pair = try PeerConnectionPair(slowLinkThreshold: 5)
        defer { pair.stop() }
        try #require(PeerConnectionPair.wait(seconds: 10) {
            pair.gatewaySide.record.withLock { $0.connected } && pair.peerSide.record.withLock { $0.connected }
        })
        // Every other sequence number: 40 sent, 39 missing in between.
        let packets = (0..<40).map {
            PeerConnectionPair.rtpPacket(payloadType: 96, sequence: UInt16(2 * $0), timestamp: UInt32($0) * 3000,
                                         ssrc: 0x2222, size: 300)
        }
        #expect(try pair.peerSide.send(packets, track: 1) == 40)
        let reported = PeerConnectionPair.wait(seconds: 5) { !pair.gatewaySide.record.withLock { $0.slowLinks }.isEmpty }
        #expect(reported)
        let first = pair.gatewaySide.record.withLock { $0.slowLinks.first }
        #expect(first?.track == 1 && first?.uplink == true && (first?.lost ?? 0) >= 30)
    }

    @Test func noLossNoSlowLink() throws {
        let pair = try PeerConnectionPair(slowLinkThreshold: 5)
        defer { pair.stop() }
        try #require(PeerConnectionPair.wait(seconds: 10) {
            pair.gatewaySide.record.withLock { $0.connected } && pair.peerSide.record.withLock { $0.connected }
        })
        let packets = (0..<40).map {
            PeerConnectionPair.rtpPacket(payloadType: 96, sequence: UInt16($0), timestamp: UInt32($0) * 3000,
                                         ssrc: 0x2222, size: 300)
        }
        #expect(try pair.peerSide.send(packets, track: 1) == 40)
        // Two ticks of the once-a-second check pass without a report.
        Thread.sleep(forTimeInterval: 2.2)
        #expect(pair.gatewaySide.record.withLock { $0.slowLinks }.isEmpty)
    }
}
