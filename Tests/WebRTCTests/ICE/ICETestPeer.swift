import Foundation
import Synchronization
@testable import WebRTC

/// One side of a loopback ICE test: owns an `ICEAgent` on its loop, records every delegate call,
/// and trickles its candidates (and end-of-candidates) to `peer`.
// @unchecked Sendable: `agent` is only touched on `loop`'s thread; everything else is in a Mutex.
final class ICETestPeer: ICEAgentDelegate, @unchecked Sendable {
    struct Record {
        var candidates: [String] = []
        var gatheringDone = false
        var states: [ICEState] = []
        var stateTimes: [ICEState: Date] = [:]
        var selectedPairs: [(local: String, remote: String)] = []
        /// Sequences of received test datagrams (0x80 0xAA marker).
        var received: Set<UInt16> = []
        /// Every other datagram the delegate got, verbatim.
        var otherDatagrams: [[UInt8]] = []
        var callbacks = 0
        var wrongThreadCallbacks = 0
        var trickleErrors: [ICEError] = []
    }

    let loop: MediaLoop
    let record = Mutex(Record())
    weak var peer: ICETestPeer?
    /// Only read or written on `loop`'s thread.
    var agent: ICEAgent?

    init(loop: MediaLoop) { self.loop = loop }

    var snapshot: Record { record.withLock { $0 } }

    /// Creates the agent on the loop; returns its local credentials.
    func createAgent(controlling: Bool, configuration: ICEConfiguration = loopbackICE) throws -> (ufrag: String, pwd: String) {
        try onLoop(loop) { () throws(ICEError) -> (String, String) in
            let agent = try ICEAgent(loop: self.loop, configuration: configuration, controlling: controlling, delegate: self)
            self.agent = agent
            return (agent.localUfrag, agent.localPwd)
        }
    }

    /// Runs `body` with the agent on the loop and waits for it.
    func withAgent<T: Sendable>(_ body: @escaping @Sendable (ICEAgent) throws(ICEError) -> T) throws -> T {
        try onLoop(loop) { () throws(ICEError) -> T in
            guard let agent = self.agent else { throw ICEError(.closed, "no agent") }
            return try body(agent)
        }
    }

    /// Sends `count` test datagrams, one per millisecond, from a repeating loop timer.
    func sendTestDatagrams(count: Int, firstSequence: UInt16 = 0) {
        loop.invoke {
            var next = 0
            _ = self.loop.schedule(afterMicroseconds: 1_000, repeating: true) {
                guard next < count, let agent = self.agent else { return false }
                let datagram = testDatagram(firstSequence &+ UInt16(next))
                _ = datagram.withUnsafeBytes { agent.send($0) }
                next += 1
                return next < count
            }
        }
    }

    private func note(_ update: (inout Record) -> Void) {
        let onLoop = loop.isCurrentThread
        record.withLock {
            $0.callbacks += 1
            if !onLoop { $0.wrongThreadCallbacks += 1 }
            update(&$0)
        }
    }

    func iceAgent(_ agent: ICEAgent, didGatherLocalCandidate candidate: String) {
        note { $0.candidates.append(candidate) }
        guard let peer else { return }
        peer.loop.invoke {
            do throws(ICEError) { try peer.agent?.addRemoteCandidate(candidate) } catch {
                peer.record.withLock { $0.trickleErrors.append(error) }
            }
        }
    }

    func iceAgentDidFinishGathering(_ agent: ICEAgent) {
        note { $0.gatheringDone = true }
        guard let peer else { return }
        peer.loop.invoke { peer.agent?.endOfRemoteCandidates() }
    }

    func iceAgent(_ agent: ICEAgent, didChangeState state: ICEState) {
        note {
            $0.states.append(state)
            if $0.stateTimes[state] == nil { $0.stateTimes[state] = Date() }
        }
    }

    func iceAgent(_ agent: ICEAgent, didSelectPair local: String, remote: String) {
        note { $0.selectedPairs.append((local, remote)) }
    }

    func iceAgent(_ agent: ICEAgent, didReceive buffer: UnsafeMutableRawBufferPointer) {
        if buffer.count >= 4, buffer[0] == 0x80, buffer[1] == 0xAA {
            let sequence = UInt16(buffer[2]) << 8 | UInt16(buffer[3])
            note { _ = $0.received.insert(sequence) }
        } else {
            let bytes = [UInt8](buffer)
            note { $0.otherDatagrams.append(bytes) }
        }
    }
}

/// Two connected-or-connecting peers on two loops, A controlling and B controlled.
struct ICETestPair {
    let loopA: MediaLoop
    let loopB: MediaLoop
    let a: ICETestPeer
    let b: ICETestPeer

    init() throws {
        loopA = try MediaLoop(name: "ice-test-a")
        loopB = try MediaLoop(name: "ice-test-b")
        a = ICETestPeer(loop: loopA)
        b = ICETestPeer(loop: loopB)
        a.peer = b
        b.peer = a
    }

    /// Creates both agents, gathers A first (so its candidates reach B before B knows A's
    /// credentials: the trickle case), then exchanges credentials and gathers B.
    func start() throws {
        let credentialsA = try a.createAgent(controlling: true)
        let credentialsB = try b.createAgent(controlling: false)
        try a.withAgent { agent throws(ICEError) in try agent.gather() }
        try b.withAgent { agent throws(ICEError) in try agent.setRemoteCredentials(ufrag: credentialsA.ufrag, pwd: credentialsA.pwd) }
        try a.withAgent { agent throws(ICEError) in try agent.setRemoteCredentials(ufrag: credentialsB.ufrag, pwd: credentialsB.pwd) }
        try b.withAgent { agent throws(ICEError) in try agent.gather() }
    }

    /// Both sides reported `ready`, waiting at most `seconds`.
    func waitReady(seconds: Double = 10) -> Bool {
        waitUntil(seconds: seconds) { a.snapshot.states.contains(.ready) && b.snapshot.states.contains(.ready) }
    }

    /// Closes both agents (if any) and stops both loops.
    func shutdown() {
        _ = try? a.withAgent { agent in agent.close() }
        _ = try? b.withAgent { agent in agent.close() }
        loopA.stop()
        loopB.stop()
    }
}
