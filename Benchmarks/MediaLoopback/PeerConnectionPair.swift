import Dispatch
import Foundation
import SDP
import Synchronization
import WebRTC

/// Two PeerConnections in one process over real loopback ICE: `gateway` answers (controlled ICE, DTLS
/// client, as SwiftGate does) and echoes every RTP packet it receives; `peer` offers (controlling ICE,
/// DTLS server) and counts what comes back. Each lives on its own media loop.
public final class PeerConnectionPair: @unchecked Sendable {
    /// The gateway side's media loop.
    public let gatewayLoop: MediaLoop
    /// The peer side's media loop.
    public let peerLoop: MediaLoop
    /// The answering side: controlled ICE, DTLS client, echoes every RTP packet.
    public let gatewaySide: LoopbackSide
    /// The offering side: controlling ICE, DTLS server; counts what comes back.
    public let peerSide: LoopbackSide

    /// ICE on 127.0.0.1 only (`lo`), no STUN.
    public static let ice = ICEConfiguration.loopbackOnly
    /// Monotonic microseconds.
    public static let clock: @Sendable () -> UInt64 = { DispatchTime.now().uptimeNanoseconds / 1_000 }

    /// SSRCs: the peer sends audio 0x1111 and video 0x2222 (RTX 0x2223); the gateway answers 0xA1, 0xB1 (RTX 0xB2).
    public static let peerSSRCs: [MediaKind: (UInt32, UInt32?)] = [.audio: (0x1111, nil), .video: (0x2222, 0x2223)]
    /// The SSRCs the gateway side announces.
    public static let gatewaySSRCs: [MediaKind: (UInt32, UInt32?)] = [.audio: (0xA1, nil), .video: (0xB1, 0xB2)]

    /// - Parameters:
    ///   - peerFingerprintOverride: what the gateway side expects of the peer's certificate (a wrong one fails DTLS).
    ///   - profiles: the SRTP profiles the gateway side offers in DTLS (default: GCM-256, GCM-128, CM-80).
    ///   - slowLinkThreshold: the gateway side's slow-link threshold (packets per second; 0 = off).
    public init(
        peerFingerprintOverride: [Fingerprint]? = nil, profiles: [SRTPProfile]? = nil, slowLinkThreshold: Int = 0
    ) throws {
        gatewayLoop = try MediaLoop(name: "test-gateway")
        peerLoop = try MediaLoop(name: "test-peer")
        gatewaySide = LoopbackSide(loop: gatewayLoop, echo: true)
        peerSide = LoopbackSide(loop: peerLoop, echo: false)
        gatewaySide.other = peerSide
        peerSide.other = gatewaySide
        let gatewayCertificate = try DTLSCertificate.generate()
        let peerCertificate = try DTLSCertificate.generate()
        let gatewayContext = try profiles.map { try DTLSContext(certificate: gatewayCertificate, profiles: $0) }
            ?? DTLSContext(certificate: gatewayCertificate)
        try gatewaySide.create(context: gatewayContext, controlling: false, slowLinkThreshold: slowLinkThreshold)
        try peerSide.create(context: try DTLSContext(certificate: peerCertificate), controlling: true)
        let gatewayCredentials = gatewaySide.credentials()
        let peerCredentials = peerSide.credentials()
        try gatewaySide.configure(
            negotiation: Self.negotiation(
                remote: peerCredentials, fingerprints: peerFingerprintOverride ?? peerCertificate.fingerprints,
                localSetup: .active, remoteSSRCs: Self.peerSSRCs),
            ssrcs: Self.gatewaySSRCs)
        try peerSide.configure(
            negotiation: Self.negotiation(
                remote: gatewayCredentials, fingerprints: gatewayCertificate.fingerprints, localSetup: .passive,
                remoteSSRCs: Self.gatewaySSRCs),
            ssrcs: Self.peerSSRCs)
        try gatewaySide.start()
        try peerSide.start()
    }

    /// Closes both PeerConnections and stops both loops.
    public func stop() {
        gatewaySide.close()
        peerSide.close()
        gatewayLoop.stop()
        peerLoop.stop()
    }

    /// An audio (opus, PT 111) and a video (VP8, PT 96, RTX 97) m-line, as an answer would negotiate them.
    public static func negotiation(
        remote: (String, String), fingerprints: [Fingerprint], localSetup: SetupRole,
        remoteSSRCs: [MediaKind: (UInt32, UInt32?)]
    ) -> JSEPNegotiation {
        JSEPNegotiation(
            peerICEUfrag: remote.0, peerICEPwd: remote.1, peerFingerprints: fingerprints, peerSetup: .actpass,
            localSetup: localSetup, peerICEOptions: ["trickle"],
            media: [
                JSEPNegotiatedMedia(
                    index: 0, mid: "0", kind: .audio, isAccepted: true, direction: .sendrecv, codec: .opus,
                    payloadType: 111, clockRate: 48_000, rtcpFeedback: [], peerSSRC: remoteSSRCs[.audio]?.0),
                JSEPNegotiatedMedia(
                    index: 1, mid: "1", kind: .video, isAccepted: true, direction: .sendrecv, codec: .vp8,
                    payloadType: 96, clockRate: 90_000, rtxPayloadType: 97, rtcpFeedback: ["nack", "nack pli"],
                    peerSSRC: remoteSSRCs[.video]?.0, peerRTXSSRC: remoteSSRCs[.video]?.1),
            ])
    }

    /// Builds an RTP packet (V=2) of `size` bytes.
    public static func rtpPacket(payloadType: UInt8, sequence: UInt16, timestamp: UInt32, ssrc: UInt32, size: Int) -> [UInt8] {
        var packet = [UInt8](repeating: 0xAB, count: size)
        packet[0] = 0x80
        packet[1] = payloadType
        packet[2] = UInt8(sequence >> 8)
        packet[3] = UInt8(sequence & 0xFF)
        withUnsafeBytes(of: timestamp.bigEndian) { packet.replaceSubrange(4..<8, with: $0) }
        withUnsafeBytes(of: ssrc.bigEndian) { packet.replaceSubrange(8..<12, with: $0) }
        return packet
    }

    /// Waits (bounded) for `condition`, polling every 10 ms.
    public static func wait(seconds: Double, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition() { return true }
            Thread.sleep(forTimeInterval: 0.01)
        }
        return condition()
    }
}
