import RTP
import SDP

/// Audio or video: which kind of m-line a track belongs to.
public enum MediaKind: String, Sendable, Hashable {
    /// An `m=audio` section.
    case audio
    /// An `m=video` section.
    case video
}

/// One accepted audio or video m-line of a PeerConnection: what the answer negotiated and what went
/// through it. Owned by the PeerConnection and touched only on its media loop.
///
/// Units: byte counts are RTP bytes (header + payload) before SRTP protect / after unprotect;
/// times are microseconds on the loop's monotonic clock; `clockRate` in Hz.
/// - SeeAlso: RFC 3550 §6.4 (what SR/RR report), RFC 4588 (RTX), RFC 4585 (feedback).
public struct MediaTrack: Sendable {
    /// The m-line's index in the SDP (`sdpMLineIndex`).
    public let index: Int
    /// The `a=mid`.
    public let mid: String
    /// Audio or video.
    public let kind: MediaKind
    /// The negotiated codec's name in lower case (`opus`, `vp8`, …).
    public let codecName: String
    /// The codec's RTP clock rate in Hz.
    public let clockRate: UInt32
    /// The negotiated payload type (the offer's number; used both ways).
    public let payloadType: UInt8
    /// The RTX payload type, when negotiated.
    public let rtxPayloadType: UInt8?
    /// The SSRC our answer announces for what we send.
    public let localSSRC: UInt32
    /// Our RTX SSRC, when RTX is negotiated.
    public let localRTXSSRC: UInt32?
    /// The peer's media SSRC: from the offer, else learned from the first packet.
    public internal(set) var peerSSRC: UInt32?
    /// The peer's RTX SSRC, from the offer's `ssrc-group:FID`.
    public internal(set) var peerRTXSSRC: UInt32?
    /// The offer allows `nack pli` for this codec.
    public let supportsPLI: Bool
    /// The offer allows `ccm fir` for this codec.
    public let supportsFIR: Bool

    /// Reception statistics of the peer's media stream (RFC 3550 App. A).
    public internal(set) var receive: ReceiveStatistics
    /// RTP packets and bytes we sent.
    public internal(set) var packetsSent: UInt64 = 0
    /// RTP bytes we sent (header + payload).
    public internal(set) var bytesSent: UInt64 = 0
    /// RTP bytes received, including RTX.
    public internal(set) var bytesReceived: UInt64 = 0
    /// Retransmissions (RTX packets) received.
    public internal(set) var retransmissionsReceived: UInt64 = 0
    /// Generic NACK packets received from the peer for this track.
    public internal(set) var nacksReceived: UInt64 = 0
    /// Generic NACK packets we sent for this track.
    public internal(set) var nacksSent: UInt64 = 0
    /// What the peer's last RR said about what we send: cumulative lost.
    public internal(set) var lostByRemote: Int64 = 0
    /// What the peer's last RR said about what we send: jitter in clock-rate units.
    public internal(set) var jitterRemote: UInt32 = 0
    /// Round-trip time from the peer's last RR on our SR, in microseconds (nil until known).
    public internal(set) var roundTripMicroseconds: UInt64?
    /// When the last packet arrived (monotonic µs), 0 if none yet.
    public internal(set) var lastReceivedMicros: UInt64 = 0
    /// Whether packets are arriving (a packet within the last second).
    public internal(set) var isReceiving = false
    /// RTP timestamp and wall time of the last packet we sent, for SR.
    var lastSentRTPTimestamp: UInt32 = 0
    var lastSentMicros: UInt64 = 0
    /// Loss and NACK counters at the start of the current one-second window (slow-link detection).
    var lostWindowStart: Int64 = 0
    var nackedPacketsWindowStart: UInt64 = 0
    /// Packets the peer asked us to resend (sum of the NACKs' lost sequence numbers).
    public internal(set) var nackedPackets: UInt64 = 0
    /// Byte counters at the start of the current one-second window.
    var bytesReceivedWindowStart: UInt64 = 0
    var bytesSentWindowStart: UInt64 = 0
    /// Bytes received and sent in the last complete one-second window.
    public internal(set) var bytesReceivedLastSecond: UInt64 = 0
    /// Bytes sent in the last complete one-second window.
    public internal(set) var bytesSentLastSecond: UInt64 = 0

    /// Creates a track from one accepted m-line of a negotiation and our SSRCs for it.
    public init(negotiated media: JSEPNegotiatedMedia, localSSRC: UInt32, localRTXSSRC: UInt32?) {
        self.index = media.index
        self.mid = media.mid
        self.kind = media.kind == .video ? .video : .audio
        self.codecName = media.codec?.rawValue ?? "unknown"
        self.clockRate = media.clockRate ?? (media.kind == .video ? 90_000 : 48_000)
        self.payloadType = media.payloadType ?? 0
        self.rtxPayloadType = media.rtxPayloadType
        self.localSSRC = localSSRC
        self.localRTXSSRC = media.rtxPayloadType == nil ? nil : localRTXSSRC
        self.peerSSRC = media.peerSSRC
        self.peerRTXSSRC = media.peerRTXSSRC
        self.supportsPLI = media.rtcpFeedback.contains("nack pli")
        self.supportsFIR = media.rtcpFeedback.contains("ccm fir")
        self.receive = ReceiveStatistics(clockRate: self.clockRate)
    }

    /// Whether an incoming RTP packet with this SSRC and payload type belongs to this track, and whether it
    /// is a retransmission (RTX). Learns the peer SSRC from the first packet when the offer gave none.
    mutating func claims(ssrc: UInt32, payloadType pt: UInt8) -> (matches: Bool, isRTX: Bool) {
        if ssrc == peerSSRC { return (true, false) }
        if ssrc == peerRTXSSRC { return (true, true) }
        if let rtx = rtxPayloadType, pt == rtx {
            if peerRTXSSRC == nil { peerRTXSSRC = ssrc }
            return (peerRTXSSRC == ssrc, true)
        }
        if pt == payloadType, peerSSRC == nil {
            peerSSRC = ssrc
            return (true, false)
        }
        return (false, false)
    }
}
