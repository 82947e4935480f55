import Testing
@testable import SDP

/// `ICECandidate` follows RFC 8839 §5.1 on odd-but-valid inputs and rejects broken ones by field.
@Suite struct ICECandidateTests {
    @Test("IPv6 host candidate with generation and ufrag round-trips", arguments: [
        "candidate:1731818145 1 udp 2122267903 ::1 38058 typ host generation 0 network-id 4 network-cost 50",
        "candidate:3 1 UDP 2122252543 fe80::1%eth0 61234 typ host",
        "candidate:a+b/c 2 udp 1 2001:db8::7 1 typ host ufrag x9Yz generation 12",
    ])
    func oddButValidRoundTrips(text: String) throws {
        let candidate = try ICECandidate(parsing: text)
        #expect(candidate.description == text)
        #expect(try ICECandidate(parsing: candidate.attributeValue) == candidate)
    }

    @Test("server-reflexive candidate carries raddr and rport")
    func relatedAddress() throws {
        let c = try ICECandidate(parsing: "a=candidate:842163049 1 udp 1677729535 203.0.113.7 50000 typ srflx raddr 10.0.0.2 rport 50001 generation 0")
        #expect(c.kind == .serverReflexive)
        #expect(c.relatedAddress == "10.0.0.2")
        #expect(c.relatedPort == 50001)
        #expect(c.generation == 0)
        #expect(c.extensions == [ICECandidate.Extension(name: "generation", value: "0")])
        #expect(c.attributeValue == "842163049 1 udp 1677729535 203.0.113.7 50000 typ srflx raddr 10.0.0.2 rport 50001 generation 0")
    }

    @Test("TCP candidate exposes tcptype; relay and mDNS addresses are kept")
    func tcpAndRelay() throws {
        let tcp = try ICECandidate(parsing: "candidate:2 1 tcp 1518280447 ::1 9 typ host tcptype passive")
        #expect(tcp.tcpType == "passive")
        #expect(tcp.transport == "tcp")
        let relay = try ICECandidate(parsing: "candidate:5 1 udp 41885439 198.51.100.1 3478 typ relay raddr 0.0.0.0 rport 0")
        #expect(relay.kind == .relay)
        let mdns = try ICECandidate(parsing: "candidate:6 1 udp 2113937151 3f1e0a52-4c1d.local 54400 typ host")
        #expect(mdns.address == "3f1e0a52-4c1d.local")
        let unknownType = try ICECandidate(parsing: "candidate:7 1 udp 1 127.0.0.1 1 typ future")
        #expect(unknownType.kind == .other("future"))
        #expect(unknownType.description.hasSuffix("typ future"))
    }

    @Test("broken candidates name the field that is wrong", arguments: [
        ("candidate:1 1 udp 1 127.0.0.1 1 typ", "fewer than 8 fields"),
        ("candidate:a-b 1 udp 1 127.0.0.1 1 typ host", "foundation"),
        ("candidate:123456789012345678901234567890123 1 udp 1 127.0.0.1 1 typ host", "foundation"),
        ("candidate:1 0 udp 1 127.0.0.1 1 typ host", "component"),
        ("candidate:1 257 udp 1 127.0.0.1 1 typ host", "component"),
        ("candidate:1 1 udp 4294967296 127.0.0.1 1 typ host", "priority"),
        ("candidate:1 1 udp +1 127.0.0.1 1 typ host", "priority"),
        ("candidate:1 1 udp 1 127.0.0.1 65536 typ host", "port"),
        ("candidate:1 1 udp 1 127.0.0.1 1 type host", "typ"),
        ("candidate:1 1 udp 1 127.0.0.1 1 typ host generation", "extension without a value"),
        ("candidate:1 1 udp 1 127.0.0.1 1 typ srflx raddr 1.2.3.4 rport x", "rport"),
        ("candidate:1 1 udp 1  127.0.0.1 1 typ host", "address"),
    ])
    func brokenCandidates(text: String, part: String) {
        #expect(throws: SDPParseError(.badCandidate(part), text: text)) {
            try ICECandidate(parsing: text)
        }
    }
}
