/// What we put into an answer: our ICE credentials, DTLS fingerprints, sending tracks and preferences.
///
/// - Units: SSRCs are 32-bit RTP synchronization sources; `fingerprints` hold raw digest bytes.
/// - SeeAlso: RFC 8829 §5.3.1 (what an answer's m= sections carry); RFC 8839 §5.4 (ICE credentials:
///   ufrag at least 4 and pwd at least 22 characters); RFC 8122 §5 (fingerprints).
public struct JSEPLocalParameters: Hashable, Sendable {
    /// Our `a=ice-ufrag`.
    public var iceUfrag: String
    /// Our `a=ice-pwd`.
    public var icePwd: String
    /// Our certificate's fingerprints (one per hash function), written in every accepted section.
    public var fingerprints: [Fingerprint]
    /// The RTCP CNAME written in `a=ssrc:<ssrc> cname:<cname>`.
    public var cname: String
    /// Our audio track (SSRC, msid).
    public var audio: JSEPLocalTrack
    /// Our video track (SSRC, RTX SSRC, msid).
    public var video: JSEPLocalTrack
    /// EchoTest's `audiocodec`: the audio codec to pick when the offer has it; nil picks the offer's first.
    public var audioCodec: JSEPCodec?
    /// EchoTest's `videocodec`: the video codec to pick when the offer has it; nil picks the offer's first.
    public var videoCodec: JSEPCodec?
    /// The header extensions we keep when offered; others are dropped from the answer. Without
    /// `.transportWideCC`, `transport-cc` feedback is dropped as well.
    public var headerExtensions: Set<JSEPHeaderExtension>
    /// We run an ICE-lite agent: the answer says `a=ice-lite` at session level (RFC 8839 §5.3).
    public var iceLite = false

    /// Creates local parameters; by default no codec override and every supported header extension.
    public init(
        iceUfrag: String, icePwd: String, fingerprints: [Fingerprint], cname: String,
        audio: JSEPLocalTrack, video: JSEPLocalTrack, audioCodec: JSEPCodec? = nil, videoCodec: JSEPCodec? = nil,
        headerExtensions: Set<JSEPHeaderExtension> = Set(JSEPHeaderExtension.allCases)
    ) {
        self.iceUfrag = iceUfrag
        self.icePwd = icePwd
        self.fingerprints = fingerprints
        self.cname = cname
        self.audio = audio
        self.video = video
        self.audioCodec = audioCodec
        self.videoCodec = videoCodec
        self.headerExtensions = headerExtensions
    }
}

/// One track we send: its SSRCs and `a=msid` ids.
///
/// Wire: `a=msid:<streamID> <trackID>`, `a=ssrc:<ssrc> cname:…`, and for video with RTX
/// `a=ssrc-group:FID <ssrc> <rtxSSRC>` (RFC 4588 §8.1: primary first, then the retransmission SSRC).
/// - SeeAlso: RFC 8830 §2 (msid); RFC 5576 §4 (ssrc, ssrc-group).
public struct JSEPLocalTrack: Hashable, Sendable {
    /// The SSRC of our media stream.
    public var ssrc: UInt32
    /// The SSRC of our retransmission stream; nil means RTX is not negotiated.
    public var rtxSSRC: UInt32?
    /// The msid stream id, e.g. `janus`.
    public var streamID: String
    /// The msid track id, e.g. `janus0`.
    public var trackID: String

    /// Creates a local track.
    public init(ssrc: UInt32, rtxSSRC: UInt32? = nil, streamID: String, trackID: String) {
        self.ssrc = ssrc
        self.rtxSSRC = rtxSSRC
        self.streamID = streamID
        self.trackID = trackID
    }
}
