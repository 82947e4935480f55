import Foundation
import Testing
@testable import WebRTC

@Suite("ICE agent under bad input")
struct ICEAgentBadInputTests {
    static let malformed = [
        "", "garbage", "candidate:", "a=candidate:", "candidate:1 1 udp", "a=candidate:1 1 UDP 2015363327 127.0.0.1",
        "candidate:1 1 udp 2015363327 127.0.0.1 5000 typ", "candidate:1 1 udp 2015363327 127.0.0.1 5000 typ host raddr",
        "candidate:1 1 udp 99999999999 127.0.0.1 5000 typ host", "candidate:1 1 udp 1 127.0.0.1 70000 typ host",
        "candidate:1 0 udp 1 127.0.0.1 5000 typ host", "candidate:1 1 udp 1 999.0.0.1 5000 typ host",
        "candidate:1 1 udp 1 1.2.3 5000 typ host", "candidate:1 1 udp 1 ::zz 5000 typ host",
        "candidate:\u{0}\u{1}\u{2} 1 udp 1 127.0.0.1 5000 typ host", "candidate:1 1 udp -5 127.0.0.1 5000 typ host",
        String(repeating: "A", count: 4000),
    ]
    static let unsupported = [
        "candidate:2 1 tcp 1518280447 127.0.0.1 9 typ host tcptype active",
        "candidate:1 2 udp 2015363326 127.0.0.1 5001 typ host",
        "candidate:1 1 udp 2122260223 6f1c6f8a-1b2c-4d5e-8f90-0123456789ab.local 54321 typ host",
        "candidate:1 1 udp 2015363327 127.0.0.1 0 typ host",
        "candidate:1 1 udp 2015363327 127.0.0.1 5000 typ weird",
    ]

    @Test("malformed and unsupported candidates are rejected, counted, and the agents still connect")
    func badCandidatesAreRejectedAndCounted() throws {
        let pair = try ICETestPair()
        defer { pair.shutdown() }
        _ = try pair.a.createAgent(controlling: true)
        let outcome = try pair.a.withAgent { agent in
            var codes: [ICEError.Code] = []
            for text in Self.malformed + Self.unsupported {
                do throws(ICEError) { try agent.addRemoteCandidate(text) } catch { codes.append(error.code) }
            }
            return (codes, agent.counters, agent.state)
        }
        let (codes, counters, state) = outcome
        #expect(codes == Array(repeating: .malformedCandidate, count: Self.malformed.count)
            + Array(repeating: .unsupportedCandidate, count: Self.unsupported.count))
        #expect(counters.malformedRemoteCandidates == Self.malformed.count)
        #expect(counters.unsupportedRemoteCandidates == Self.unsupported.count)
        #expect(counters.remoteCandidatesAdded == 0 && counters.rejectedRemoteCandidates == 0)
        #expect(state == .disconnected)

        // Bad credentials are refused too, and counted.
        let credentialCodes = try pair.a.withAgent { agent in
            var codes: [ICEError.Code] = []
            for (ufrag, pwd) in [("abc", "0123456789012345678901"), ("abcd", "short"), ("ab d", "0123456789012345678901")] {
                do throws(ICEError) { try agent.setRemoteCredentials(ufrag: ufrag, pwd: pwd) } catch { codes.append(error.code) }
            }
            return (codes, agent.counters.invalidRemoteCredentials)
        }
        #expect(credentialCodes.0 == [.invalidCredentials, .invalidCredentials, .invalidCredentials])
        #expect(credentialCodes.1 == 3)

        // The same agent then connects normally.
        let credentialsA = try pair.a.withAgent { ($0.localUfrag, $0.localPwd) }
        let credentialsB = try pair.b.createAgent(controlling: false)
        try pair.a.withAgent { agent throws(ICEError) in try agent.gather() }
        try pair.b.withAgent { agent throws(ICEError) in try agent.setRemoteCredentials(ufrag: credentialsA.0, pwd: credentialsA.1) }
        try pair.a.withAgent { agent throws(ICEError) in try agent.setRemoteCredentials(ufrag: credentialsB.ufrag, pwd: credentialsB.pwd) }
        try pair.b.withAgent { agent throws(ICEError) in try agent.gather() }
        #expect(pair.waitReady())
        pair.a.sendTestDatagrams(count: 20)
        #expect(waitUntil(seconds: 5) { pair.b.snapshot.received.count == 20 })
    }

    @Test("candidate strings are normalised for libnice", arguments: [
        ("a=candidate:1 1 udp 2015363327 127.0.0.1 40596 typ host\r\n", "a=candidate:1 1 UDP 2015363327 127.0.0.1 40596 typ host"),
        ("candidate:842163049 1 udp 1677729535 127.0.0.7 61665 typ srflx raddr 127.0.0.2 rport 61665 generation 0 ufrag Xy1z network-cost 999",
         "a=candidate:842163049 1 UDP 1677729535 127.0.0.7 61665 typ srflx raddr 127.0.0.2 rport 61665"),
        ("  candidate:3 1 UDP 1 ::1 5000 typ host", "a=candidate:3 1 UDP 1 ::1 5000 typ host"),
        ("candidate:4 1 udp 5 127.0.0.1 5000 typ relay raddr 0.0.0.0 rport 0", "a=candidate:4 1 UDP 5 127.0.0.1 5000 typ relay"),
    ])
    func candidateNormalisation(input: String, expected: String) throws {
        #expect(try ICEAgent.libniceLine(for: input) == expected)
    }

    @Test("garbage UDP datagrams to the agent's port do not break the connection")
    func garbageDatagramsDoNotBreakTheConnection() throws {
        let pair = try ICETestPair()
        defer { pair.shutdown() }
        try pair.start()
        #expect(pair.waitReady())
        let port = try #require(pair.b.snapshot.candidates.first.flatMap(candidatePort))
        var random = SystemRandomNumberGenerator()
        let garbage: [[UInt8]] = [
            (0..<64).map { _ in UInt8.random(in: 0x80...0xBF, using: &random) },  // RTP-range first byte
            (0..<64).map { _ in UInt8.random(in: 0...255, using: &random) },
            [0x00, 0x01, 0x00],  // truncated STUN header
            [0x00, 0x01, 0x00, 0x08, 0x21, 0x12, 0xA4, 0x42] + [UInt8](repeating: 7, count: 12),  // STUN, body missing
            [0x00, 0x01, 0x00, 0x00, 0xDE, 0xAD, 0xBE, 0xEF] + [UInt8](repeating: 1, count: 12),  // bad magic cookie
            [0x16, 0xFE, 0xFD, 0x00],  // truncated DTLS record
            [0xFF],
        ]
        #expect(sendRawUDP(garbage, toLoopbackPort: port) == garbage.count)
        // Give libnice time to process them, then check the connection still carries data.
        usleep(200_000)
        pair.a.sendTestDatagrams(count: 50)
        #expect(waitUntil(seconds: 5) { pair.b.snapshot.received.count == 50 })
        let b = pair.b.snapshot
        #expect(!b.states.contains(.failed) && b.states.last == .ready)
        // libnice 0.1.21 drops datagrams from a source that is not the peer: none reached didReceive.
        #expect(b.otherDatagrams.isEmpty, "from a stranger: \(b.otherDatagrams.map(\.count))")

        // The same garbage from the peer itself (through its agent) is delivered, except what libnice
        // consumes as STUN: the RFC 7983 demux upstream must classify and drop it.
        let sentByPeer = try pair.a.withAgent { agent in garbage.filter { datagram in datagram.withUnsafeBytes { agent.send($0) } }.count }
        #expect(sentByPeer == garbage.count)
        usleep(200_000)
        let fromPeer = pair.b.snapshot.otherDatagrams
        print("garbage from the peer delivered to didReceive: \(fromPeer.map { $0.prefix(4).map { String(format: "%02x", $0) }.joined() })")
        // Observed with libnice 0.1.21: every one of them arrives intact and in order, including the
        // truncated STUN headers and the bad-cookie header (libnice consumes only valid STUN).
        #expect(fromPeer == garbage)
        pair.a.sendTestDatagrams(count: 10, firstSequence: 100)
        #expect(waitUntil(seconds: 5) { pair.b.snapshot.received.count == 60 })
        #expect(pair.b.snapshot.states.last == .ready)
    }
}
