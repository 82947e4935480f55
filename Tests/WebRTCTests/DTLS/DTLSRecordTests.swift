import SDP
import TestSupport
import Testing
import WebRTC

@Suite struct DTLSRecordTests {
    /// Feeds one datagram and returns the drop reason.
    @discardableResult
    private func feed(_ transport: DTLSTransport, _ bytes: [UInt8]) -> DTLSError? {
        bytes.withUnsafeBytes { transport.receive($0) }
    }

    @Test func garbageAndTruncatedRecordsMidHandshakeAreCountedAndIgnored() throws {
        let pair = try DTLSLoopback()
        pair.server.start()
        pair.client.start()
        let clientHello = try #require(pair.clientSide.drain().first)
        feed(pair.server, clientHello)
        let serverFlight = pair.serverSide.outbox
        let first = try #require(serverFlight.first)
        var rng = SplitMix64(seed: 7)
        let garbage = [22] + (0..<120).map { _ in UInt8.random(in: 0...255, using: &rng) }
        let bad: [[UInt8]] = [
            garbage,
            Array(first.prefix(first.count / 2)),         // truncated body
            Array(first.prefix(10)),                        // truncated header
            [],                                             // empty
            [23, 0xFE, 0xFD, 0, 0, 0, 0, 0, 0, 0, 9, 0, 1, 0xAA], // epoch-0 application data
        ]
        for datagram in bad {
            #expect(feed(pair.client, datagram)?.code == .malformedRecord)
            #expect(feed(pair.server, datagram)?.code == .malformedRecord)
        }
        #expect(pair.client.counters.badRecords == bad.count)
        #expect(pair.server.counters.badRecords == bad.count)
        #expect(pair.client.state == .connecting && pair.server.state == .connecting)
        #expect(pair.clientSide.outbox.isEmpty) // the client reacted to none of it
        #expect(pair.client.failure == nil && pair.server.failure == nil)
        pair.pump()
        #expect(pair.client.state == .connected)
        #expect(pair.server.state == .connected)
        #expect(pair.client.srtpKeys?.localMasterKey == pair.server.srtpKeys?.remoteMasterKey)
    }

    @Test func everyStrictPrefixOfAClientHelloIsRejected() throws {
        let pair = try DTLSLoopback()
        pair.client.start()
        let clientHello = try #require(pair.clientSide.drain().first)
        let fresh = try DTLSLoopback()
        for length in 0..<clientHello.count {
            #expect(feed(fresh.server, Array(clientHello.prefix(length))) != nil)
        }
        #expect(fresh.server.counters.badRecords == clientHello.count)
        #expect(fresh.server.state == .new)
        #expect(fresh.serverSide.outbox.isEmpty)
        #expect(feed(fresh.server, clientHello) == nil)
        #expect(fresh.server.state == .connecting)
        #expect(!fresh.serverSide.outbox.isEmpty)
    }

    @Test func randomDatagramsNeverTrapOrConnect() throws {
        let pair = try DTLSLoopback()
        var rng = SplitMix64(seed: 2024)
        for _ in 0..<2_000 {
            let length = Int.random(in: 0...300, using: &rng)
            var bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &rng) }
            if !bytes.isEmpty { bytes[0] = UInt8.random(in: 20...63, using: &rng) }
            if bytes.count > 2, Bool.random(using: &rng) { bytes[1] = 0xFE; bytes[2] = 0xFD }
            feed(pair.server, bytes)
        }
        #expect(pair.server.state != .connected)
        #expect(pair.server.srtpKeys == nil)
        #expect(pair.server.counters.datagramsReceived == 2_000)
        #expect(pair.server.counters.badRecords > 1_900)
    }

    @Test func garbageAfterConnectingIsCountedAndChangesNothing() throws {
        let pair = try DTLSLoopback()
        pair.connect()
        let keys = pair.server.srtpKeys
        #expect(feed(pair.server, [20, 0xFE, 0xFD, 0, 1]) != nil)
        #expect(feed(pair.server, [99]) != nil)
        #expect(pair.server.counters.badRecords == 2)
        #expect(pair.server.state == .connected)
        #expect(pair.server.srtpKeys == keys)
    }
}
