import Foundation
import Testing
@testable import WebRTC

@Suite("ICE agent close and failure")
struct ICEAgentLifecycleTests {
    @Test("after close() no delegate call happens, and calls fail cleanly")
    func closeStopsCallbacks() throws {
        let pair = try ICETestPair()
        defer { pair.shutdown() }
        try pair.start()
        #expect(pair.waitReady())
        pair.a.sendTestDatagrams(count: 10)
        #expect(waitUntil(seconds: 5) { pair.b.snapshot.received.count == 10 })

        let afterClose = try pair.b.withAgent { agent in
            agent.close()
            agent.close()  // idempotent
            let sent = testDatagram(1).withUnsafeBytes { agent.send($0) }
            var code: ICEError.Code?
            do throws(ICEError) { try agent.addRemoteCandidate("candidate:1 1 udp 1 127.0.0.1 5000 typ host") } catch { code = error.code }
            return (agent.isClosed, sent, code)
        }
        #expect(afterClose.0 && !afterClose.1 && afterClose.2 == .closed)
        let callbacksAtClose = pair.b.snapshot.callbacks
        pair.a.sendTestDatagrams(count: 20, firstSequence: 500)
        usleep(300_000)
        #expect(pair.b.snapshot.callbacks == callbacksAtClose, "no callback after close")
        #expect(pair.b.snapshot.received.count == 10)
    }

    @Test("an agent released on its loop without close() tears itself down")
    func releaseWithoutCloseOnLoop() throws {
        let loop = try MediaLoop(name: "ice-test-release")
        defer { loop.stop() }
        let peer = ICETestPeer(loop: loop)
        _ = try peer.createAgent(controlling: true)
        try peer.withAgent { agent throws(ICEError) in try agent.gather() }
        #expect(waitUntil(seconds: 5) { peer.snapshot.gatheringDone })
        try onLoop(loop) { peer.agent = nil }
        let port = try #require(peer.snapshot.candidates.first.flatMap(candidatePort))
        let callbacks = peer.snapshot.callbacks
        _ = sendRawUDP([testDatagram(1)], toLoopbackPort: port)
        usleep(100_000)
        #expect(peer.snapshot.callbacks == callbacks)
    }

    @Test("a controlling agent whose only remote candidate is a closed port reaches failed")
    func unreachableCandidateFails() throws {
        var fast = loopbackICE
        fast.stunInitialTimeoutMilliseconds = 100
        fast.stunMaxRetransmissions = 3
        fast.failureIdleTimeoutMilliseconds = 500
        let elapsed = try measureFailure(configuration: fast, bound: 30)
        print("ICE failed after \(Int(elapsed * 1000)) ms (stun-initial-timeout 100 ms, 3 retransmissions, idle-timeout 500 ms)")
    }

    @Test("with libnice's default STUN timers, failure takes longer (SWIFTGATE_SLOW_TESTS=1)",
          .enabled(if: ProcessInfo.processInfo.environment["SWIFTGATE_SLOW_TESTS"] != nil))
    func unreachableCandidateFailsWithDefaultTimers() throws {
        let elapsed = try measureFailure(configuration: loopbackICE, bound: 120)
        print("ICE failed after \(Int(elapsed * 1000)) ms (libnice default STUN timers)")
    }

    private func measureFailure(configuration: ICEConfiguration, bound: Double) throws -> TimeInterval {
        let loop = try MediaLoop(name: "ice-test-fail")
        defer { loop.stop() }
        let peer = ICETestPeer(loop: loop)
        defer { _ = try? peer.withAgent { $0.close() } }
        _ = try peer.createAgent(controlling: true, configuration: configuration)
        let port = closedLoopbackPort()
        let started = Date()
        try peer.withAgent { agent throws(ICEError) in
            try agent.gather()
            try agent.setRemoteCredentials(ufrag: "Zq9x", pwd: "abcdefghijklmnopqrstuv")
            try agent.addRemoteCandidate("candidate:1 1 udp 2015363327 127.0.0.1 \(port) typ host")
            agent.endOfRemoteCandidates()
        }
        #expect(waitUntil(seconds: bound) { peer.snapshot.states.contains(.failed) }, "failed within \(bound) s")
        let failedAt = try #require(peer.snapshot.stateTimes[.failed])
        #expect(!peer.snapshot.states.contains(.connected))
        #expect(try peer.withAgent { $0.state } == .failed)
        return failedAt.timeIntervalSince(started)
    }
}
