/// A codec the answerer can choose, named as EchoTest's `audiocodec`/`videocodec` values are.
///
/// Wire: the `rtpmap` encoding name (`opus`, `PCMU`, `PCMA`, `VP8`, `VP9`, `H264`, `AV1`), compared
/// case-insensitively; PCMU and PCMA may be offered by static payload type (0 and 8) without `rtpmap`.
/// - Units: `clockRate` in Hz.
/// - SeeAlso: RFC 7587 (opus), RFC 3551 §6 (PCMU/PCMA, static types), RFC 7741 (VP8),
///   RFC 9628 (VP9), RFC 6184 (H.264), AV1 RTP specification (AOMedia).
public enum JSEPCodec: String, Hashable, Sendable, CaseIterable {
    /// Opus, 48 kHz, two channels on the wire.
    case opus
    /// G.711 µ-law, 8 kHz, static payload type 0.
    case pcmu
    /// G.711 A-law, 8 kHz, static payload type 8.
    case pcma
    /// VP8, 90 kHz.
    case vp8
    /// VP9, 90 kHz.
    case vp9
    /// H.264, 90 kHz.
    case h264
    /// AV1, 90 kHz.
    case av1

    /// Maps an EchoTest-style name (`"opus"`, `"h264"`, any case) to a codec; nil when unknown.
    public init?(name: some StringProtocol) {
        self.init(rawValue: name.lowercased())
    }

    /// The `rtpmap` encoding name as browsers write it.
    public var encodingName: String {
        switch self {
        case .opus: "opus"
        case .pcmu: "PCMU"
        case .pcma: "PCMA"
        case .vp8: "VP8"
        case .vp9: "VP9"
        case .h264: "H264"
        case .av1: "AV1"
        }
    }

    /// `.audio` or `.video`.
    public var mediaType: MediaType {
        switch self {
        case .opus, .pcmu, .pcma: .audio
        case .vp8, .vp9, .h264, .av1: .video
        }
    }

    /// The RTP clock rate in Hz.
    public var clockRate: UInt32 {
        switch self {
        case .opus: 48000
        case .pcmu, .pcma: 8000
        case .vp8, .vp9, .h264, .av1: 90000
        }
    }

    /// The codec an `rtpmap` names, if it is one of ours with the right clock rate.
    init?(rtpMap: RTPMap) {
        guard let codec = Self.allCases.first(where: {
            $0.encodingName.lowercased() == rtpMap.encodingName.lowercased()
        }), codec.clockRate == rtpMap.clockRate else { return nil }
        self = codec
    }

    /// The codec of a static audio payload type offered without `rtpmap` (RFC 3551 §6).
    init?(staticPayloadType pt: UInt8) {
        switch pt {
        case 0: self = .pcmu
        case 8: self = .pcma
        default: return nil
        }
    }
}
