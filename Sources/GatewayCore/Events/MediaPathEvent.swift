/// A webrtc event (Janus type 16): ICE, DTLS and PeerConnection state of one handle.
///
/// Bodies, as Janus 1.1.2 sends them (`../shared/reference/events-echotest.jsonl`); `stream_id` and
/// `component_id` are always 1 (one BUNDLEd, rtcp-muxed transport):
/// - subtype 1 `{"ice":"gathering"|"connecting"|"connected"|"ready"|"failed","stream_id":1,"component_id":1}`
/// - subtype 2 `{"local-candidate":"1 1 udp 2015363327 127.0.0.1 20446 typ host",…}` (no `candidate:` prefix)
/// - subtype 3 `{"remote-candidate":"…",…}`
/// - subtype 4 `{"selected-pair":"127.0.0.1:20446 [host,udp] <-> 127.0.0.1:48931 [host,udp]",
///   "candidates":{"local":{…},"remote":{…}},…}` (each side: `address`, `port`, `type`, `transport`, `family`)
/// - subtype 5 `{"dtls":"trying"|"connected"|"failed"|"closed","retransmissions":N,…}`
/// - subtype 6 `{"connection":"webrtcup"}` or `{"connection":"hangup","reason":"…"}`
public enum WebRTCEvent: Sendable, Equatable {
    /// Subtype 1: the ICE agent's state, by its Janus name.
    case iceState(String)
    /// Subtype 2: a local candidate we gathered (SDP attribute value without `candidate:`).
    case localCandidate(String)
    /// Subtype 3: a remote candidate from the offer or a trickle (without `candidate:`).
    case remoteCandidate(String)
    /// Subtype 4: the nominated pair.
    case selectedPair(local: CandidateSummary, remote: CandidateSummary)
    /// Subtype 5: the DTLS state, by its Janus name, and how many handshake flights were resent.
    case dtlsState(String, retransmissions: Int)
    /// Subtype 6: the PeerConnection came up (DTLS done, SRTP keyed).
    case peerConnectionUp
    /// Subtype 6: the PeerConnection went away, with Janus's reason ("Janus API", "DTLS alert", "ICE failed", …).
    case hangup(reason: String)

    /// The Janus subtype.
    public var subtype: Int {
        switch self {
        case .iceState: 1
        case .localCandidate: 2
        case .remoteCandidate: 3
        case .selectedPair: 4
        case .dtlsState: 5
        case .peerConnectionUp, .hangup: 6
        }
    }
}

/// One end of a selected candidate pair, for the webrtc selected-pair event.
public struct CandidateSummary: Sendable, Equatable {
    /// IP address, e.g. `127.0.0.1`.
    public var address: String
    /// UDP port.
    public var port: Int
    /// Candidate type: `host`, `srflx`, `prflx` or `relay`.
    public var type: String
    /// Transport, `udp`.
    public var transport: String

    /// Creates a summary.
    public init(address: String, port: Int, type: String, transport: String = "udp") {
        self.address = address
        self.port = port
        self.type = type
        self.transport = transport
    }

    /// `127.0.0.1:20446 [host,udp]`, as in Janus's `selected-pair` string.
    public var pairText: String { "\(address):\(port) [\(type),\(transport)]" }

    /// 4 for IPv4, 6 for IPv6.
    public var family: Int { address.contains(":") ? 6 : 4 }
}

/// A media event (Janus type 32) of one m-line of a handle.
///
/// Bodies: subtype 1 `{"media":"audio","mid":"0","receiving":true}`; subtype 2
/// `{"media":"video","mid":"1","slow_link":"uplink"|"downlink","lost_lastsec":N}`; subtype 3 the
/// statistics object of `MediaStatistics`.
public enum MediaEvent: Sendable, Equatable {
    /// Subtype 1: packets started (true) or stopped (false, none for a second) arriving on the m-line.
    case state(media: String, mid: String, receiving: Bool)
    /// Subtype 2: many NACKs in the last second; `uplink` when they are ours (we lose packets from the peer).
    case slowLink(media: String, mid: String, uplink: Bool, lostLastSecond: Int)
    /// Subtype 3: periodic statistics, every `stats_period` seconds and once at hangup.
    case stats(MediaStatistics)

    /// The Janus subtype.
    public var subtype: Int {
        switch self {
        case .state: 1
        case .slowLink: 2
        case .stats: 3
        }
    }
}

/// Statistics of one m-line, as Janus's media stats event (subtype 3) lists them.
///
/// Units: `rttMilliseconds` in ms (from RTCP SR/RR, RFC 3550 §6.4.1); jitter in milliseconds;
/// `lost` packets we did not receive; `lostByRemote` packets the peer says it lost (its RR);
/// bytes count RTP payload plus header, before SRTP; `*LastSecond` in bytes over the last second.
public struct MediaStatistics: Sendable, Equatable {
    /// The m-line's `a=mid`.
    public var mid: String
    /// The m-line's index in the SDP (0-based).
    public var mindex: Int
    /// `audio` or `video`.
    public var media: String
    /// Codec name in lower case, e.g. `opus`, `vp8`.
    public var codec: String
    /// Clock rate in Hz.
    public var base: Int
    /// Round-trip time in ms from the peer's last RR (LSR/DLSR), 0 until known.
    public var rttMilliseconds = 0
    /// Packets we expected from the peer but did not receive (RFC 3550 cumulative lost).
    public var lost = 0
    /// Packets the peer reports lost of what we sent (its RR's cumulative lost).
    public var lostByRemote = 0
    /// Interarrival jitter of what we receive, in ms.
    public var jitterLocal = 0
    /// Interarrival jitter the peer reports for what we send, in ms.
    public var jitterRemote = 0
    /// RTP packets received from the peer.
    public var packetsReceived = 0
    /// RTP packets sent to the peer.
    public var packetsSent = 0
    /// RTP bytes received (header + payload, after SRTP unprotect).
    public var bytesReceived = 0
    /// RTP bytes sent (header + payload, before SRTP protect).
    public var bytesSent = 0
    /// RTP bytes received in the last second.
    public var bytesReceivedLastSecond = 0
    /// RTP bytes sent in the last second.
    public var bytesSentLastSecond = 0
    /// Generic NACK packets received from the peer (RFC 4585).
    public var nacksReceived = 0
    /// Generic NACK packets sent to the peer.
    public var nacksSent = 0
    /// Retransmitted (RTX) packets received.
    public var retransmissionsReceived = 0

    /// Creates statistics for an m-line with every counter at zero.
    public init(mid: String, mindex: Int, media: String, codec: String, base: Int) {
        self.mid = mid
        self.mindex = mindex
        self.media = media
        self.codec = codec
        self.base = base
    }
}
