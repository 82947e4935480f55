/// What a PeerConnection tells its owner (the gateway's handle). Every call comes on the
/// PeerConnection's media loop thread, synchronously; implementations must not block.
///
/// The two `didReceive` calls are the hot path: one per packet, no allocation expected.
public protocol PeerConnectionDelegate: AnyObject {
    /// We gathered a local ICE candidate (`candidate:` attribute value, e.g.
    /// `candidate:1 1 udp 2015363327 127.0.0.1 40596 typ host`). Trickle it to the client.
    func peerConnection(_ connection: PeerConnection, didGatherLocalCandidate candidate: String)
    /// Local gathering is over (trickle `completed`).
    func peerConnectionDidFinishGathering(_ connection: PeerConnection)
    /// A remote candidate was accepted (from the offer or a trickle), as given.
    func peerConnection(_ connection: PeerConnection, didAddRemoteCandidate candidate: String)
    /// The ICE state changed.
    func peerConnection(_ connection: PeerConnection, didChangeICEState state: ICEState)
    /// ICE nominated a pair (candidate attribute values of both ends).
    func peerConnection(_ connection: PeerConnection, didSelectPair local: String, remote: String)
    /// The DTLS state changed; `retransmissions` counts handshake flights resent so far.
    func peerConnection(_ connection: PeerConnection, didChangeDTLSState state: DTLSState, retransmissions: Int)
    /// DTLS finished and SRTP is keyed: the PeerConnection is up (Janus `webrtcup`).
    func peerConnectionDidConnect(_ connection: PeerConnection)
    /// The PeerConnection failed or the peer closed it; `reason` is Janus's hangup reason
    /// ("ICE failed", "DTLS alert", "DTLS error: …"). The owner should close it.
    func peerConnection(_ connection: PeerConnection, didFailWithReason reason: String)
    /// More than `slowLinkThreshold` packets were lost in the last second on `track`: `uplink` when we
    /// lost what the peer sends, else the peer NACKed what we send (`lost` is the NACKed count then).
    func peerConnection(_ connection: PeerConnection, track: Int, didDetectSlowLink uplink: Bool, lost: Int)
    /// Packets started (`true`) or stopped for a second (`false`) arriving on a track.
    func peerConnection(_ connection: PeerConnection, track: Int, didChangeReceiving receiving: Bool)
    /// Hot path: a decrypted RTP packet of `track` (index into `tracks`); `isRetransmission` for RTX.
    /// The bytes are writable in place and valid only during the call.
    func peerConnection(
        _ connection: PeerConnection, didReceiveRTP packet: UnsafeMutableRawBufferPointer, track: Int,
        isRetransmission: Bool)
    /// Hot path: a decrypted RTCP compound packet (writable, valid only during the call). Reports (SR/RR)
    /// were already taken into the statistics; the owner decides what to do with feedback (PLI, FIR,
    /// NACK, REMB, transport-cc).
    func peerConnection(_ connection: PeerConnection, didReceiveRTCP packet: UnsafeMutableRawBufferPointer)
}
