import SDP
import WebRTC

/// A delegate that queues what a transport sends and records its state changes.
final class DTLSRecorder: DTLSTransportDelegate {
    var outbox: [[UInt8]] = []
    var states: [DTLSState] = []
    var largestDatagram = 0

    func dtlsTransport(_ transport: DTLSTransport, send datagram: UnsafeRawBufferPointer) {
        outbox.append(Array(datagram))
        largestDatagram = max(largestDatagram, datagram.count)
    }

    func dtlsTransport(_ transport: DTLSTransport, didChangeState state: DTLSState) {
        states.append(state)
    }

    /// Takes everything queued so far.
    func drain() -> [[UInt8]] {
        defer { outbox.removeAll() }
        return outbox
    }
}

/// Shared certificates: generating one per test would work too, this is just faster.
enum DTLSFixtures {
    static let clientCertificate = try! DTLSCertificate.generate(commonName: "client")
    static let serverCertificate = try! DTLSCertificate.generate(commonName: "server")
}

/// Two in-process DTLS transports connected through queues (no sockets).
final class DTLSLoopback {
    let client: DTLSTransport
    let server: DTLSTransport
    let clientSide = DTLSRecorder()
    let serverSide = DTLSRecorder()

    /// Which way a datagram goes.
    enum Direction { case toServer, toClient }

    /// - Parameters: the fingerprints each side expects default to the other's real sha-256 one.
    init(clientContext: DTLSContext? = nil, serverContext: DTLSContext? = nil,
         clientExpects: [Fingerprint]? = nil, serverExpects: [Fingerprint]? = nil) throws {
        let clientContext = try clientContext ?? DTLSContext(certificate: DTLSFixtures.clientCertificate)
        let serverContext = try serverContext ?? DTLSContext(certificate: DTLSFixtures.serverCertificate)
        client = try DTLSTransport(context: clientContext, role: .client,
                                   peerFingerprints: clientExpects ?? serverContext.certificate.fingerprints,
                                   delegate: clientSide)
        server = try DTLSTransport(context: serverContext, role: .server,
                                   peerFingerprints: serverExpects ?? clientContext.certificate.fingerprints,
                                   delegate: serverSide)
    }

    /// Delivers queued datagrams both ways until none are left, at most `rounds` rounds.
    /// `drop` returns true for a datagram to lose instead of delivering.
    /// - Returns: the number of rounds that delivered something.
    @discardableResult
    func pump(rounds: Int = 20, drop: (Direction, [UInt8]) -> Bool = { _, _ in false }) -> Int {
        var busy = 0
        for _ in 0..<rounds {
            let toServer = clientSide.drain(), toClient = serverSide.drain()
            if toServer.isEmpty && toClient.isEmpty { break }
            busy += 1
            for datagram in toServer where !drop(.toServer, datagram) {
                datagram.withUnsafeBytes { _ = server.receive($0) }
            }
            for datagram in toClient where !drop(.toClient, datagram) {
                datagram.withUnsafeBytes { _ = client.receive($0) }
            }
        }
        return busy
    }

    /// Starts both sides and pumps until quiet.
    func connect() {
        server.start()
        client.start()
        pump()
    }
}

extension Fingerprint {
    /// The same fingerprint with its last byte flipped.
    var corrupted: Fingerprint {
        var copy = self
        copy.bytes[copy.bytes.count - 1] ^= 0xFF
        return copy
    }
}
