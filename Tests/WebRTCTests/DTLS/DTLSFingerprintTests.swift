import SDP
import Testing
import WebRTC

@Suite struct DTLSFingerprintTests {
    private let server = DTLSFixtures.serverCertificate
    private let client = DTLSFixtures.clientCertificate

    private func lines(_ certificate: DTLSCertificate, _ names: [String]) -> [Fingerprint] {
        names.compactMap { certificate.fingerprint(hashFunction: $0) }
    }

    @Test func wrongServerFingerprintFailsTheClientAndAlertsTheServer() throws {
        let pair = try DTLSLoopback(clientExpects: server.fingerprints.map(\.corrupted))
        pair.connect()
        #expect(pair.client.state == .failed)
        #expect(pair.client.failure?.code == .fingerprintMismatch)
        #expect(pair.client.failure?.mismatchedHashFunctions == ["sha-256"])
        #expect(pair.client.failure?.message.contains("sha-256") == true)
        #expect(pair.client.srtpKeys == nil)
        #expect(pair.server.state == .failed)
        #expect(pair.server.failure?.code == .alertReceived)
        #expect(pair.server.srtpKeys == nil)
        #expect(pair.client.counters.alertsSent == 1)
    }

    @Test func wrongClientFingerprintFailsTheServerBeforeItsFinished() throws {
        let pair = try DTLSLoopback(serverExpects: client.fingerprints.map(\.corrupted))
        pair.connect()
        #expect(pair.server.state == .failed)
        #expect(pair.server.failure?.code == .fingerprintMismatch)
        #expect(pair.server.srtpKeys == nil)
        #expect(pair.client.state == .failed)
        #expect(pair.client.srtpKeys == nil)
    }

    @Test func threeCorrectLinesLikeAiortcConnect() throws {
        let pair = try DTLSLoopback(clientExpects: lines(server, ["sha-256", "sha-384", "sha-512"]),
                                    serverExpects: lines(client, ["sha-256", "sha-384", "sha-512"]))
        pair.connect()
        #expect(pair.client.state == .connected)
        #expect(pair.server.state == .connected)
    }

    @Test(arguments: [0, 1, 2])
    func oneWrongLineAmongThreeFails(wrongIndex: Int) throws {
        let names = ["sha-256", "sha-384", "sha-512"]
        var expected = lines(server, names)
        expected[wrongIndex] = expected[wrongIndex].corrupted
        let pair = try DTLSLoopback(clientExpects: expected)
        pair.connect()
        #expect(pair.client.state == .failed)
        #expect(pair.client.failure?.mismatchedHashFunctions == [names[wrongIndex]])
        #expect(pair.client.failure?.checkedHashFunctions == names)
        #expect(pair.client.srtpKeys == nil)
    }

    @Test func hashNamesAreCaseInsensitiveAndUnknownOnesAreSkipped() throws {
        var upper = try #require(server.fingerprint(hashFunction: "sha-256"))
        upper.hashFunction = "SHA-256"
        let md5 = Fingerprint(hashFunction: "md5", bytes: [UInt8](repeating: 0xAB, count: 16))
        let pair = try DTLSLoopback(clientExpects: [md5, upper])
        pair.connect()
        #expect(pair.client.state == .connected)
    }

    @Test func onlyUnsupportedHashFunctionsFail() throws {
        let md5 = Fingerprint(hashFunction: "md5", bytes: [UInt8](repeating: 0xAB, count: 16))
        let pair = try DTLSLoopback(clientExpects: [md5])
        pair.connect()
        #expect(pair.client.state == .failed)
        #expect(pair.client.failure?.code == .noSupportedFingerprint)
        #expect(pair.client.srtpKeys == nil)
    }

    @Test func noFingerprintLinesFail() throws {
        let pair = try DTLSLoopback(serverExpects: [])
        pair.connect()
        #expect(pair.server.failure?.code == .noSupportedFingerprint)
        #expect(pair.server.srtpKeys == nil)
    }
}
