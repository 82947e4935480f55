import SDP
import WebRTC

/// One EchoTest PeerConnection of the load generator, in the offering role (controlling ICE; DTLS
/// role from the answer's `a=setup`). Lives on its `LoopDriver`'s loop: every method and the
/// delegate callbacks run there; other threads read its state with `MediaLoop.sync`.
final class BenchPeer: @unchecked Sendable, PeerConnectionDelegate {
    let index: UInt32
    let driver: LoopDriver
    var connection: PeerConnection?
    private(set) var media: SyntheticMedia?
    /// Local candidates gathered so far (`candidate:` values), to trickle to the gateway.
    private(set) var gathered: [String] = []
    private(set) var gatheringDone = false
    private(set) var connectedAt: UInt64?
    /// The SRTP profile DTLS negotiated (its DTLS name), once connected.
    private(set) var srtpProfile: String?
    private(set) var failure: String?
    private var tracks: (audio: Int?, video: Int?) = (nil, nil)

    init(index: UInt32, driver: LoopDriver) {
        self.index = index
        self.driver = driver
    }

    /// Starts sending `load` once the PeerConnection is configured (on the loop).
    func prepare(load: MediaLoad, audioSSRC: UInt32, videoSSRC: UInt32) {
        media = SyntheticMedia(load: load, peer: index, audioSSRC: audioSSRC, videoSSRC: videoSSRC)
        tracks = (connection?.trackIndex(of: .audio), connection?.trackIndex(of: .video))
    }

    /// Begins the synthetic streams and joins the driver's timer (on the loop).
    func startSending() {
        media?.start(at: LoopDriver.now())
        driver.add(self)
    }

    /// Sends what is due (the driver's timer, on the loop).
    func sendDue(now: UInt64) {
        guard let connection, let media, failure == nil else { return }
        let tracks = self.tracks
        let sent = media.sendDue(now: now) { packet, kind in
            guard let track = kind == .audio ? tracks.audio : tracks.video else { return false }
            return connection.sendRTP(packet, track: track)
        }
        driver.recordSent(sent, now: now)
    }

    func close() {
        connection?.close()
        connection = nil
    }

    // MARK: PeerConnectionDelegate (on the loop)

    func peerConnection(_ connection: PeerConnection, didGatherLocalCandidate candidate: String) {
        gathered.append(candidate)
    }
    func peerConnectionDidFinishGathering(_ connection: PeerConnection) { gatheringDone = true }
    func peerConnection(_ connection: PeerConnection, didAddRemoteCandidate candidate: String) {}
    func peerConnection(_ connection: PeerConnection, didChangeICEState state: ICEState) {}
    func peerConnection(_ connection: PeerConnection, didSelectPair local: String, remote: String) {}
    func peerConnection(_ connection: PeerConnection, didChangeDTLSState state: DTLSState, retransmissions: Int) {}
    func peerConnectionDidConnect(_ connection: PeerConnection) {
        connectedAt = LoopDriver.now()
        srtpProfile = connection.srtpProfile?.dtlsName
    }
    func peerConnection(_ connection: PeerConnection, didFailWithReason reason: String) { failure = reason }
    func peerConnection(_ connection: PeerConnection, track: Int, didDetectSlowLink uplink: Bool, lost: Int) {}
    func peerConnection(_ connection: PeerConnection, track: Int, didChangeReceiving receiving: Bool) {}
    func peerConnection(_ connection: PeerConnection, didReceiveRTCP packet: UnsafeMutableRawBufferPointer) {}

    func peerConnection(
        _ connection: PeerConnection, didReceiveRTP packet: UnsafeMutableRawBufferPointer, track: Int,
        isRetransmission: Bool
    ) {
        guard let stamp = EchoStamp.read(UnsafeRawBufferPointer(packet)), stamp.peer == index else { return }
        driver.recordEcho(sent: stamp.sentNanoseconds, now: LoopDriver.now())
    }
}
