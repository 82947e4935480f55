import Foundation
import SDP
import Testing
import WebRTC

@Suite struct DTLSHandshakeTests {
    @Test func handshakeConnectsBothSidesWithMirroredAES256GCMKeys() throws {
        let pair = try DTLSLoopback()
        pair.connect()
        #expect(pair.client.state == .connected)
        #expect(pair.server.state == .connected)
        #expect(pair.clientSide.states == [.connecting, .connected])
        #expect(pair.serverSide.states == [.connecting, .connected])
        let clientKeys = try #require(pair.client.srtpKeys)
        let serverKeys = try #require(pair.server.srtpKeys)
        #expect(clientKeys.profile == .aeadAes256Gcm)
        #expect(serverKeys.profile == .aeadAes256Gcm)
        #expect(clientKeys.localMasterKey.count == 44)
        #expect(clientKeys.localMasterKey == serverKeys.remoteMasterKey)
        #expect(clientKeys.remoteMasterKey == serverKeys.localMasterKey)
        #expect(clientKeys.localMasterKey != clientKeys.remoteMasterKey)
        #expect(pair.client.failure == nil && pair.server.failure == nil)
        #expect(pair.clientSide.largestDatagram <= DTLSTransport.mtu)
        #expect(pair.serverSide.largestDatagram <= DTLSTransport.mtu)
        #expect(pair.client.retransmitDeadline == nil)
    }

    @Test(arguments: [[SRTPProfile.aes128CmHmacSha1_80], [.aeadAes128Gcm, .aes128CmHmacSha1_80]])
    func restrictedClientProfilesAreNegotiated(profiles: [SRTPProfile]) throws {
        let clientContext = try DTLSContext(certificate: DTLSFixtures.clientCertificate, profiles: profiles)
        let pair = try DTLSLoopback(clientContext: clientContext)
        pair.connect()
        #expect(pair.client.srtpKeys?.profile == profiles[0])
        #expect(pair.server.srtpKeys?.profile == profiles[0])
        #expect(pair.client.srtpKeys?.localMasterKey.count == profiles[0].masterLength)
    }

    @Test(arguments: SRTPProfile.allCases)
    func exportedKeysDriveSRTPBothWays(profile: SRTPProfile) throws {
        let serverContext = try DTLSContext(certificate: DTLSFixtures.serverCertificate, profiles: [profile])
        let pair = try DTLSLoopback(serverContext: serverContext)
        pair.connect()
        let clientKeys = try #require(pair.client.srtpKeys)
        let serverKeys = try #require(pair.server.srtpKeys)
        #expect(clientKeys.profile == profile)
        for (from, to) in [(clientKeys, serverKeys), (serverKeys, clientKeys)] {
            let sender = try SRTPSession(profile: profile, direction: .outbound, masterKey: from.localMasterKey)
            let receiver = try SRTPSession(profile: profile, direction: .inbound, masterKey: to.remoteMasterKey)
            var (buffer, length) = makeRTPBuffer(sequence: 42)
            let original = Array(buffer[..<length])
            let sealed = try buffer.withUnsafeMutableBytes { try sender.protectRTP($0, length: length) }
            #expect(Array(buffer[..<sealed]) != original)
            let opened = try buffer.withUnsafeMutableBytes { try receiver.unprotectRTP($0, length: sealed) }
            #expect(Array(buffer[..<opened]) == original)
        }
    }

    @Test func noCommonSRTPProfileFailsBothSidesWithoutKeys() throws {
        let clientContext = try DTLSContext(certificate: DTLSFixtures.clientCertificate, profiles: [.aes128CmHmacSha1_80])
        let serverContext = try DTLSContext(certificate: DTLSFixtures.serverCertificate, profiles: [.aeadAes256Gcm])
        let pair = try DTLSLoopback(clientContext: clientContext, serverContext: serverContext)
        pair.connect()
        #expect(pair.client.state == .failed)
        #expect(pair.server.state == .failed)
        #expect(pair.client.failure?.code == .noSRTPProfile)
        #expect(pair.server.failure?.code == .noSRTPProfile)
        #expect(pair.client.srtpKeys == nil && pair.server.srtpKeys == nil)
    }

    @Test func lostClientHelloIsRetransmittedByTheTimer() throws {
        let clientContext = try DTLSContext(certificate: DTLSFixtures.clientCertificate, initialRetransmitTimeout: 20_000)
        let pair = try DTLSLoopback(clientContext: clientContext)
        pair.server.start()
        pair.client.start()
        #expect(pair.clientSide.drain().count == 1) // the ClientHello, lost
        let deadline = try #require(pair.client.retransmitDeadline)
        #expect(deadline > 0 && deadline <= 20_000)
        for _ in 0..<50 where pair.client.counters.retransmissions == 0 {
            usleep(UInt32(max(pair.client.retransmitDeadline ?? 0, 1_000)))
            pair.client.handleTimeout()
        }
        #expect(pair.client.counters.retransmissions == 1)
        #expect(pair.clientSide.outbox.count == 1)
        #expect(pair.client.state == .connecting)
        pair.pump()
        #expect(pair.client.state == .connected)
        #expect(pair.server.state == .connected)
        #expect(pair.client.srtpKeys?.localMasterKey == pair.server.srtpKeys?.remoteMasterKey)
    }

    @Test func handleTimeoutBeforeTheDeadlineSendsNothing() throws {
        let pair = try DTLSLoopback()
        pair.client.start()
        _ = pair.clientSide.drain()
        pair.client.handleTimeout()
        #expect(pair.clientSide.outbox.isEmpty)
        #expect(pair.client.counters.retransmissions == 0)
        #expect(pair.server.retransmitDeadline == nil)
    }

    @Test func closeSendsOneCloseNotifyAndThePeerCloses() throws {
        let pair = try DTLSLoopback()
        pair.connect()
        try #require(pair.client.state == .connected)
        pair.client.close()
        pair.client.close()
        #expect(pair.client.state == .closed)
        #expect(pair.clientSide.outbox.count == 1)
        #expect(pair.clientSide.outbox.first?.first == 21) // an alert record
        #expect(pair.client.counters.alertsSent == 1)
        pair.pump()
        #expect(pair.server.state == .closed)
        #expect(pair.serverSide.states == [.connecting, .connected, .closed])
        #expect(pair.server.counters.alertsReceived == 1)
        #expect(pair.server.failure == nil)
        #expect(pair.client.counters.ignoredDatagrams == 1) // the server's answering close_notify
    }

    @Test func closeDuringTheHandshakeSendsNothing() throws {
        let pair = try DTLSLoopback()
        pair.client.start()
        _ = pair.clientSide.drain()
        pair.client.close()
        #expect(pair.client.state == .closed)
        #expect(pair.clientSide.outbox.isEmpty)
        #expect(pair.client.retransmitDeadline == nil)
    }

    @Test func janusNamesMatchTheEventStrings() {
        #expect(DTLSState.new.janusName == "created")
        #expect(DTLSState.connecting.janusName == "trying")
        #expect(DTLSState.connected.janusName == "connected")
        #expect(DTLSState.failed.janusName == "failed")
        #expect(DTLSState.closed.janusName == nil)
        #expect(DTLSRole(localSetup: .active) == .client)
        #expect(DTLSRole(localSetup: .passive) == .server)
        #expect(DTLSRole(localSetup: .actpass) == nil)
    }
}
