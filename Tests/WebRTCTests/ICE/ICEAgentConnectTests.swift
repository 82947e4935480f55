import Foundation
import Testing
@testable import WebRTC

@Suite("ICE agents on two media loops")
struct ICEAgentConnectTests {
    @Test("two agents trickle, reach ready on 127.0.0.1 and exchange 100 datagrams each way")
    func twoAgentsConnectAndExchangeDatagrams() throws {
        let pair = try ICETestPair()
        defer { pair.shutdown() }
        let started = Date()
        try pair.start()
        #expect(pair.waitReady(), "both agents reach ready")
        let a = pair.a.snapshot, b = pair.b.snapshot
        if let readyA = a.stateTimes[.ready], let readyB = b.stateTimes[.ready] {
            print("ICE ready after \(Int(readyA.timeIntervalSince(started) * 1000)) ms (A), \(Int(readyB.timeIntervalSince(started) * 1000)) ms (B)")
        }
        // libnice's order; Janus emits exactly these names.
        #expect(Array(a.states.prefix(4)).map(\.janusName) == ["gathering", "connecting", "connected", "ready"])
        #expect(b.states.contains(.connected) && !b.states.contains(.failed))
        #expect(a.candidates.count == 1 && b.candidates.count == 1)
        #expect(a.candidates.allSatisfy { $0.hasPrefix("candidate:") && $0.contains(" udp ") && $0.contains(" 127.0.0.1 ") && $0.hasSuffix("typ host") })
        #expect(a.gatheringDone && b.gatheringDone)
        for peer in [a, b] {
            let pair = try #require(peer.selectedPairs.last)
            #expect(pair.local.contains(" 127.0.0.1 ") && pair.remote.contains(" 127.0.0.1 "))
        }
        #expect(a.wrongThreadCallbacks == 0 && b.wrongThreadCallbacks == 0, "every callback on the agent's loop")
        #expect(a.trickleErrors.isEmpty && b.trickleErrors.isEmpty)

        pair.a.sendTestDatagrams(count: 100)
        pair.b.sendTestDatagrams(count: 100, firstSequence: 1000)
        let delivered = waitUntil(seconds: 10) { pair.b.snapshot.received.count == 100 && pair.a.snapshot.received.count == 100 }
        #expect(delivered, "A->B \(pair.b.snapshot.received.count), B->A \(pair.a.snapshot.received.count)")
        #expect(pair.b.snapshot.received == Set(0..<100))
        #expect(pair.a.snapshot.received == Set(1000..<1100))
        let countersA = try pair.a.withAgent { $0.counters }
        #expect(countersA.packetsSent == 100 && countersA.bytesSent == 100 * 100 && countersA.sendFailures == 0)
        #expect(countersA.packetsReceived == 100 && countersA.bytesReceived == 100 * 100)
        #expect(countersA.remoteCandidatesAdded == 1 && countersA.badRemoteCandidates == 0)
        let properties = try pair.a.withAgent { agent in
            ["consent-freshness", "keepalive-conncheck", "controlling-mode", "full-mode", "ice-trickle", "upnp", "ice-tcp"]
                .map { agent.niceBoolProperty($0) }
        }
        #expect(properties == [true, true, true, true, true, false, false])
    }

    @Test("send before a pair is selected fails and is counted")
    func sendBeforeConnectionFails() throws {
        let loop = try MediaLoop(name: "ice-test-send")
        defer { loop.stop() }
        let peer = ICETestPeer(loop: loop)
        _ = try peer.createAgent(controlling: true)
        let (sent, failures) = try peer.withAgent { agent in
            let ok = testDatagram(1).withUnsafeBytes { agent.send($0) }
            let empty = [UInt8]().withUnsafeBytes { agent.send($0) }
            return (ok || empty, agent.counters.sendFailures)
        }
        #expect(!sent)
        #expect(failures == 2)
        try peer.withAgent { $0.close() }
    }

    @Test("an ICE lite agent cannot be controlling")
    func liteAgentIsNeverControlling() throws {
        let loop = try MediaLoop(name: "ice-test-lite")
        defer { loop.stop() }
        let peer = ICETestPeer(loop: loop)
        var lite = loopbackICE
        lite.liteMode = true
        #expect(throws: ICEError.self) { _ = try peer.createAgent(controlling: true, configuration: lite) }
        _ = try peer.createAgent(controlling: false, configuration: lite)
        let fullMode = try peer.withAgent { agent in
            defer { agent.close() }
            return agent.niceBoolProperty("full-mode")
        }
        #expect(fullMode == false)
    }

    @Test("an enforce list matching no interface leaves no address")
    func enforceListWithoutMatchThrows() throws {
        let loop = try MediaLoop(name: "ice-test-noaddr")
        defer { loop.stop() }
        let peer = ICETestPeer(loop: loop)
        do {
            _ = try peer.createAgent(controlling: true, configuration: ICEConfiguration(enforceList: ["no-such-interface0"]))
            Issue.record("expected noLocalAddress")
        } catch let error as ICEError {
            #expect(error.code == .noLocalAddress)
        }
    }
}
