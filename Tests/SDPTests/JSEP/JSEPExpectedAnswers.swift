import Testing
@testable import SDP

/// What the answer to one real offer must say, m-line by m-line (read off the fixture by hand).
struct ExpectedAnswer: Sendable, CustomTestStringConvertible {
    /// One m-line of the answer.
    enum Section: Sendable {
        case accepted(Accepted)
        case rejected(mid: String, kind: MediaType)
    }

    /// An accepted audio or video m-line.
    struct Accepted: Sendable {
        var mid: String
        var kind: MediaType
        var offered: MediaDirection
        var answered: MediaDirection
        var codec: JSEPCodec
        var pt: UInt8
        var rtx: UInt8?
        var fmtp: String?
        var feedback: [String]
        var extensions: [(id: UInt16, ext: JSEPHeaderExtension)]
        var peerSSRC: UInt32?
        var peerRTXSSRC: UInt32?
    }

    var fixture: String
    var extmapAllowMixed: Bool
    var sections: [Section]

    var testDescription: String { fixture }

    var accepted: [Accepted] {
        sections.compactMap { if case .accepted(let a) = $0 { a } else { nil } }
    }
}

extension ExpectedAnswer {
    static let vp8AiortcFeedback = ["nack", "nack pli", "goog-remb"]
    static let libwebrtcFeedback = ["goog-remb", "transport-cc", "ccm fir", "nack", "nack pli"]
    static let firefoxFeedback = ["nack", "nack pli", "ccm fir", "goog-remb", "transport-cc"]

    static func aiortc(_ fixture: String, audio: UInt32, video: (UInt32, UInt32)) -> ExpectedAnswer {
        ExpectedAnswer(fixture: fixture, extmapAllowMixed: false, sections: [
            .accepted(Accepted(
                mid: "0", kind: .audio, offered: .sendrecv, answered: .sendrecv, codec: .opus, pt: 96, rtx: nil,
                fmtp: nil, feedback: [], extensions: [(1, .mid), (2, .audioLevel)], peerSSRC: audio, peerRTXSSRC: nil)),
            .accepted(Accepted(
                mid: "1", kind: .video, offered: .sendrecv, answered: .sendrecv, codec: .vp8, pt: 97, rtx: 98,
                fmtp: nil, feedback: vp8AiortcFeedback, extensions: [(1, .mid), (3, .absSendTime)],
                peerSSRC: video.0, peerRTXSSRC: video.1)),
            .rejected(mid: "2", kind: .application),
        ])
    }

    static let chrome = ExpectedAnswer(fixture: "chrome-156-offer.sdp", extmapAllowMixed: true, sections: [
        .accepted(Accepted(
            mid: "0", kind: .audio, offered: .sendrecv, answered: .sendrecv, codec: .opus, pt: 111, rtx: nil,
            fmtp: "minptime=10;useinbandfec=1", feedback: ["transport-cc"],
            extensions: [(1, .audioLevel), (2, .absSendTime), (3, .transportWideCC), (4, .mid)],
            peerSSRC: 846_153_383, peerRTXSSRC: nil)),
        .accepted(Accepted(
            mid: "1", kind: .video, offered: .sendrecv, answered: .sendrecv, codec: .vp8, pt: 96, rtx: 97,
            fmtp: nil, feedback: libwebrtcFeedback, extensions: [(2, .absSendTime), (3, .transportWideCC), (4, .mid)],
            peerSSRC: 1_557_047_476, peerRTXSSRC: 3_509_610_301)),
        .rejected(mid: "2", kind: .application),
    ])

    static let firefox121 = ExpectedAnswer(fixture: "firefox-121-offer.sdp", extmapAllowMixed: false, sections: [
        .accepted(Accepted(
            mid: "0", kind: .audio, offered: .sendrecv, answered: .sendrecv, codec: .opus, pt: 109, rtx: nil,
            fmtp: "maxplaybackrate=48000;stereo=1;useinbandfec=1", feedback: [],
            extensions: [(1, .audioLevel), (3, .mid)], peerSSRC: 3_772_375_965, peerRTXSSRC: nil)),
        .accepted(Accepted(
            mid: "1", kind: .video, offered: .sendrecv, answered: .sendrecv, codec: .vp8, pt: 120, rtx: 124,
            fmtp: "max-fs=12288;max-fr=60", feedback: firefoxFeedback,
            extensions: [(3, .mid), (4, .absSendTime), (7, .transportWideCC)],
            peerSSRC: 7_463_831, peerRTXSSRC: 2_513_307_155)),
    ])

    /// Captured here from Debian 12's firefox-esr 153 (see the fixtures README).
    static let firefoxESR153 = ExpectedAnswer(fixture: "firefox-esr-153-offer.sdp", extmapAllowMixed: true, sections: [
        .accepted(Accepted(
            mid: "0", kind: .audio, offered: .sendrecv, answered: .sendrecv, codec: .opus, pt: 109, rtx: nil,
            fmtp: "maxplaybackrate=48000;stereo=1;useinbandfec=1", feedback: ["transport-cc"],
            extensions: [(1, .audioLevel), (3, .mid), (7, .transportWideCC)], peerSSRC: 1_617_310_435, peerRTXSSRC: nil)),
        .accepted(Accepted(
            mid: "1", kind: .video, offered: .sendrecv, answered: .sendrecv, codec: .vp8, pt: 120, rtx: 124,
            fmtp: "max-fs=12288;max-fr=60", feedback: firefoxFeedback,
            extensions: [(3, .mid), (4, .absSendTime), (7, .transportWideCC)],
            peerSSRC: 1_283_496_200, peerRTXSSRC: 1_772_885_899)),
        .rejected(mid: "2", kind: .application),
    ])

    static let firefoxRecvonly = ExpectedAnswer(
        fixture: "firefox-sipsorcery-offer.sdp", extmapAllowMixed: false, sections: [
            .accepted(Accepted(
                mid: "0", kind: .audio, offered: .recvonly, answered: .sendonly, codec: .opus, pt: 109, rtx: nil,
                fmtp: "maxplaybackrate=48000;stereo=1;useinbandfec=1", feedback: [],
                extensions: [(1, .audioLevel), (3, .mid)], peerSSRC: 3_465_053_168, peerRTXSSRC: nil)),
            .accepted(Accepted(
                mid: "1", kind: .video, offered: .recvonly, answered: .sendonly, codec: .vp8, pt: 120, rtx: 124,
                fmtp: "max-fs=12288;max-fr=60", feedback: firefoxFeedback,
                extensions: [(3, .mid), (4, .absSendTime), (7, .transportWideCC)],
                peerSSRC: 146_552_387, peerRTXSSRC: nil)),
            .rejected(mid: "2", kind: .application),
        ])

    /// Safari lists H.264 (High, 640c1f) first, so that is what the answer picks with no override.
    static let safari = ExpectedAnswer(fixture: "safari-kvs-offer.sdp", extmapAllowMixed: false, sections: [
        .accepted(Accepted(
            mid: "0", kind: .video, offered: .recvonly, answered: .sendonly, codec: .h264, pt: 96, rtx: 97,
            fmtp: "level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=640c1f",
            feedback: libwebrtcFeedback, extensions: [(2, .absSendTime), (3, .transportWideCC), (4, .mid)],
            peerSSRC: nil, peerRTXSSRC: nil)),
        .accepted(Accepted(
            mid: "1", kind: .audio, offered: .sendrecv, answered: .sendrecv, codec: .opus, pt: 111, rtx: nil,
            fmtp: "minptime=10;useinbandfec=1", feedback: ["transport-cc"],
            extensions: [(1, .audioLevel), (2, .absSendTime), (3, .transportWideCC), (4, .mid)],
            peerSSRC: 2_805_193_976, peerRTXSSRC: nil)),
        .rejected(mid: "2", kind: .application),
    ])

    static let all: [ExpectedAnswer] = [
        aiortc("aiortc-echotest-offer.sdp", audio: 523_462_759, video: (3_946_120_681, 3_688_708_719)),
        aiortc("aiortc-trickle-offer.sdp", audio: 3_841_044_329, video: (1_908_898_150, 2_825_353_707)),
        chrome, firefox121, firefoxESR153, firefoxRecvonly, safari,
    ]
}
