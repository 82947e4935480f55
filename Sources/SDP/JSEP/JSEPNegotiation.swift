/// What an answer agreed with the peer, for the media path: transport parameters and, per m-line,
/// the chosen codec, its payload types, header extension ids and the peer's SSRCs.
///
/// Made by `JSEPAnswerer` (we answered; the peer offered) or by `JSEPOfferer.negotiation(offer:answer:)`
/// (we offered; the peer answered). Either way "peer" is the other side and "local" is ours.
///
/// - SeeAlso: RFC 8829 §5.3; RFC 8842 §5 (setup roles); RFC 8122 (fingerprints).
public struct JSEPNegotiation: Hashable, Sendable {
    /// The peer's `a=ice-ufrag` (of the BUNDLE-tagged section, else the session's).
    public var peerICEUfrag: String
    /// The peer's `a=ice-pwd`.
    public var peerICEPwd: String
    /// Every `a=fingerprint` the peer offered, with its hash function (e.g. sha-256, sha-384, sha-512).
    public var peerFingerprints: [Fingerprint]
    /// The peer's `a=setup`: in an offer normally `actpass` (`actpass` when absent); in an answer `active`
    /// or `passive` (`active` when absent, RFC 4145 §4).
    public var peerSetup: SetupRole
    /// Our DTLS role as `active` (client) or `passive` (server). As answerer: `active`, or `passive` when the
    /// offer says `active`. As offerer: the opposite of the answer's `a=setup`.
    public var localSetup: SetupRole
    /// The `a=ice-options` the peer wrote (e.g. `trickle`).
    public var peerICEOptions: [String]
    /// One entry per m-line of the offer, in order (rejected ones included, with `isAccepted` false).
    public var media: [JSEPNegotiatedMedia]

    /// The accepted m-lines.
    public var acceptedMedia: [JSEPNegotiatedMedia] { media.filter(\.isAccepted) }

    /// Creates a negotiation result.
    public init(
        peerICEUfrag: String, peerICEPwd: String, peerFingerprints: [Fingerprint], peerSetup: SetupRole,
        localSetup: SetupRole, peerICEOptions: [String], media: [JSEPNegotiatedMedia]
    ) {
        self.peerICEUfrag = peerICEUfrag
        self.peerICEPwd = peerICEPwd
        self.peerFingerprints = peerFingerprints
        self.peerSetup = peerSetup
        self.localSetup = localSetup
        self.peerICEOptions = peerICEOptions
        self.media = media
    }
}

/// The outcome for one m-line of the offer.
///
/// - Units: `clockRate` in Hz; payload types 0...127; SSRCs 32-bit; extension ids as in the offer (1...255).
/// - SeeAlso: RFC 8829 §5.3.1; RFC 4588 (RTX `apt`); RFC 8285 (extmap ids).
public struct JSEPNegotiatedMedia: Hashable, Sendable {
    /// The m-line's index in the offer (0-based, the `sdpMLineIndex`).
    public var index: Int
    /// The `a=mid`.
    public var mid: String
    /// The `<media>` type.
    public var kind: MediaType
    /// Whether the answer accepted the section (port 9); false means rejected (port 0).
    public var isAccepted: Bool
    /// Our direction (as answerer: the one in our answer; as offerer: ours narrowed by the answer's);
    /// `inactive` when rejected.
    public var direction: MediaDirection
    /// The chosen codec; nil when rejected.
    public var codec: JSEPCodec?
    /// The chosen payload type (the offer's number); nil when rejected.
    public var payloadType: UInt8?
    /// The chosen codec's clock rate in Hz; nil when rejected.
    public var clockRate: UInt32?
    /// The `a=fmtp` parameter text of the chosen payload type, verbatim, if any.
    public var formatParameters: String?
    /// The RTX payload type whose `apt` is `payloadType`, when RTX is negotiated.
    public var rtxPayloadType: UInt8?
    /// The RTCP feedback kept, e.g. `nack`, `nack pli`, `ccm fir`, `goog-remb`, `transport-cc`.
    public var rtcpFeedback: [String]
    /// The header extension ids kept (the offer's ids).
    public var extensionIDs: [JSEPHeaderExtension: UInt16]
    /// The peer's media SSRC (from `a=ssrc-group:FID` or the first `a=ssrc`), if announced.
    public var peerSSRC: UInt32?
    /// The peer's RTX SSRC (second SSRC of `a=ssrc-group:FID`), if announced.
    public var peerRTXSSRC: UInt32?

    /// Creates a negotiated m-line.
    public init(
        index: Int, mid: String, kind: MediaType, isAccepted: Bool, direction: MediaDirection,
        codec: JSEPCodec? = nil, payloadType: UInt8? = nil, clockRate: UInt32? = nil,
        formatParameters: String? = nil, rtxPayloadType: UInt8? = nil, rtcpFeedback: [String] = [],
        extensionIDs: [JSEPHeaderExtension: UInt16] = [:], peerSSRC: UInt32? = nil, peerRTXSSRC: UInt32? = nil
    ) {
        self.index = index
        self.mid = mid
        self.kind = kind
        self.isAccepted = isAccepted
        self.direction = direction
        self.codec = codec
        self.payloadType = payloadType
        self.clockRate = clockRate
        self.formatParameters = formatParameters
        self.rtxPayloadType = rtxPayloadType
        self.rtcpFeedback = rtcpFeedback
        self.extensionIDs = extensionIDs
        self.peerSSRC = peerSSRC
        self.peerRTXSSRC = peerRTXSSRC
    }
}
