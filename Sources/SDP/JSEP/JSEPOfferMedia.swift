/// One `m=` line `JSEPOfferer` offers: the codec with its payload type, parameters and feedback, RTX,
/// our SSRCs, msid ids and header extensions.
///
/// Wire (video with RTX, as browsers write it):
/// `m=video 9 UDP/TLS/RTP/SAVPF 96 97`, `a=rtpmap:96 VP8/90000`, `a=rtcp-fb:96 nack`, `a=rtpmap:97 rtx/90000`,
/// `a=fmtp:97 apt=96`, `a=ssrc-group:FID <ssrc> <rtxSSRC>`, `a=ssrc:<ssrc> cname:<cname>`.
/// - Units: `clockRate` in Hz; `channels` is the audio channel count written after the clock rate; payload
///   types 0...127; SSRCs are 32-bit RTP synchronization sources; extmap ids 1...14 (one-byte headers).
/// - SeeAlso: RFC 8866 §6.6 (rtpmap), §6.15 (fmtp); RFC 4585 §4.2 (rtcp-fb); RFC 4588 §8 (RTX, `apt`, FID);
///   RFC 5576 §4 (ssrc, ssrc-group); RFC 8830 §2 (msid); RFC 8285 §8 (extmap).
public struct JSEPOfferMedia: Hashable, Sendable {
    /// `.audio` or `.video`; must match `codec.mediaType`.
    public var kind: MediaType
    /// The codec, written as its `rtpmap` encoding name.
    public var codec: JSEPCodec
    /// The codec's payload type.
    public var payloadType: UInt8
    /// The RTP clock rate in Hz.
    public var clockRate: UInt32
    /// The `rtpmap` encoding parameters (audio channels), e.g. 2 for opus; nil writes none.
    public var channels: UInt16?
    /// The `a=fmtp` parameter text for `payloadType`, e.g. `minptime=10;useinbandfec=1`; nil writes none.
    public var formatParameters: String?
    /// The RTCP feedback offered for `payloadType`, each `type[ parameter]`, e.g. `nack`, `nack pli`, `ccm fir`.
    public var rtcpFeedback: [String]
    /// The RTX payload type (`rtx/<clockRate>` with `apt=<payloadType>`); nil offers no RTX.
    public var rtxPayloadType: UInt8?
    /// The SSRC we send media with.
    public var ssrc: UInt32
    /// The SSRC we retransmit with (written with `a=ssrc-group:FID`); needs `rtxPayloadType`.
    public var rtxSSRC: UInt32?
    /// The msid stream id.
    public var streamID: String
    /// The msid track id.
    public var trackID: String
    /// The header extensions offered, in order (id and URI).
    public var headerExtensions: [ExtMap]
    /// Our direction; `recvonly` and `inactive` write no msid and no ssrc lines (we send nothing).
    public var direction: MediaDirection

    /// `a=extmap:1 urn:ietf:params:rtp-hdrext:sdes:mid`, which Chrome and aiortc offer in every m-line.
    public static let midExtension = ExtMap(id: 1, uri: JSEPHeaderExtension.mid.uri)

    /// Creates an offered m-line; `clockRate` nil means the codec's (`JSEPCodec.clockRate`).
    public init(
        kind: MediaType, codec: JSEPCodec, payloadType: UInt8, clockRate: UInt32? = nil, channels: UInt16? = nil,
        formatParameters: String? = nil, rtcpFeedback: [String] = [], rtxPayloadType: UInt8? = nil, ssrc: UInt32,
        rtxSSRC: UInt32? = nil, streamID: String, trackID: String, headerExtensions: [ExtMap] = [midExtension],
        direction: MediaDirection = .sendrecv
    ) {
        self.kind = kind
        self.codec = codec
        self.payloadType = payloadType
        self.clockRate = clockRate ?? codec.clockRate
        self.channels = channels
        self.formatParameters = formatParameters
        self.rtcpFeedback = rtcpFeedback
        self.rtxPayloadType = rtxPayloadType
        self.ssrc = ssrc
        self.rtxSSRC = rtxSSRC
        self.streamID = streamID
        self.trackID = trackID
        self.headerExtensions = headerExtensions
        self.direction = direction
    }

    /// Opus as Chrome offers it: PT 111, `opus/48000/2`, `minptime=10;useinbandfec=1` (RFC 7587 §7).
    public static func opus(ssrc: UInt32, streamID: String, trackID: String) -> JSEPOfferMedia {
        JSEPOfferMedia(
            kind: .audio, codec: .opus, payloadType: 111, channels: 2, formatParameters: "minptime=10;useinbandfec=1",
            ssrc: ssrc, streamID: streamID, trackID: trackID)
    }

    /// VP8 as Chrome offers it: PT 96, `VP8/90000`, RTX PT 97 (`apt=96`), feedback `nack`, `nack pli`,
    /// `ccm fir`, `goog-remb` (RFC 7741; RFC 4585; RFC 5104 §7.1).
    public static func vp8(ssrc: UInt32, rtxSSRC: UInt32, streamID: String, trackID: String) -> JSEPOfferMedia {
        JSEPOfferMedia(
            kind: .video, codec: .vp8, payloadType: 96, rtcpFeedback: ["nack", "nack pli", "ccm fir", "goog-remb"],
            rtxPayloadType: 97, ssrc: ssrc, rtxSSRC: rtxSSRC, streamID: streamID, trackID: trackID)
    }

    /// The EchoTest call: `opus` (mid 0) then `vp8` (mid 1) in one stream, track ids `<streamID>-audio` and
    /// `<streamID>-video`.
    public static func opusAndVP8(
        audioSSRC: UInt32, videoSSRC: UInt32, videoRTXSSRC: UInt32, streamID: String
    ) -> [JSEPOfferMedia] {
        [
            opus(ssrc: audioSSRC, streamID: streamID, trackID: streamID + "-audio"),
            vp8(ssrc: videoSSRC, rtxSSRC: videoRTXSSRC, streamID: streamID, trackID: streamID + "-video"),
        ]
    }

    /// Whether we send on this m-line (and so write msid and ssrc lines).
    var sends: Bool { direction == .sendrecv || direction == .sendonly }
}
