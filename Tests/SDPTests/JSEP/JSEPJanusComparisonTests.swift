import Testing
@testable import SDP

/// Our answers to the two aiortc offers next to Janus 1.1.2's real answers to the same offers
/// (`janus-1.1.2-*-answer.sdp`, taken from shared/reference/api-transcript-*.jsonl).
///
/// Same: the accepted audio and video m-lines, their mids, codecs and payload types (RTX included),
/// directions, `a=setup:active`, `a=rtcp-mux`, and the offered extmaps both sides support.
/// Different, by design, and asserted as ours:
/// - the data channel: Janus accepts `m=application` (port 9, in BUNDLE); we reject it (port 0).
/// - extmaps: our set is mid, abs-send-time, transport-wide-cc, audio-level; Janus 1.1.2 did not answer
///   the offered abs-send-time (video id 3), we do.
/// - rtcp-fb: we answer only the offered types; Janus added `ccm fir` and `transport-cc`, not offered.
@Suite struct JSEPJanusComparisonTests {
    typealias S = JSEPTestSupport

    static let pairs = [
        ("aiortc-echotest-offer.sdp", "janus-1.1.2-echotest-answer.sdp"),
        ("aiortc-trickle-offer.sdp", "janus-1.1.2-trickle-answer.sdp"),
    ]

    private func both(_ pair: (String, String)) throws -> (ours: SessionDescription, janus: SessionDescription) {
        let ours = try S.answer(S.offer(pair.0)).sessionDescription
        return (ours, try SessionDescription(parsing: Fixture.text(pair.1)))
    }

    @Test("same audio/video m-lines: kinds, mids, port 9, payload types, rtpmaps, RTX apt, direction",
          arguments: pairs)
    func sameMediaLines(pair: (String, String)) throws {
        let (ours, janus) = try both(pair)
        try #require(ours.media.count == janus.media.count)
        for (o, j) in zip(ours.media, janus.media) where o.type == .audio || o.type == .video {
            #expect(o.type == j.type && o.mid == j.mid)
            #expect(o.port == j.port)
            #expect(o.formats == j.formats)
            #expect(o.rtpMaps == j.rtpMaps)
            #expect(o.formatParameters == j.formatParameters)
            #expect(o.direction == j.direction)
            #expect(o.setup == j.setup && o.setup == .active)
            #expect(o.isRTCPMux && j.isRTCPMux)
            #expect(o.ssrcGroups.map(\.semantics) == j.ssrcGroups.map(\.semantics))
            #expect(o.msids.count == j.msids.count)
        }
    }

    @Test("extmaps: ours = Janus's plus abs-send-time, which our supported set keeps", arguments: pairs)
    func extmaps(pair: (String, String)) throws {
        let (ours, janus) = try both(pair)
        #expect(ours.media[0].extMaps == janus.media[0].extMaps)
        #expect(janus.media[1].extMaps == [ExtMap(id: 1, uri: JSEPHeaderExtension.mid.uri)])
        #expect(ours.media[1].extMaps == [
            ExtMap(id: 1, uri: JSEPHeaderExtension.mid.uri), ExtMap(id: 3, uri: JSEPHeaderExtension.absSendTime.uri),
        ])
    }

    @Test("rtcp-fb: ours are the offered ones, all of which Janus also answered", arguments: pairs)
    func feedback(pair: (String, String)) throws {
        let (ours, janus) = try both(pair)
        let offered = try S.offer(pair.0).media[1].rtcpFeedback.filter { $0.payloadType == 97 }
        #expect(ours.media[1].rtcpFeedback == offered)
        #expect(Set(ours.media[1].rtcpFeedback).isSubset(of: Set(janus.media[1].rtcpFeedback)))
        #expect(Set(janus.media[1].rtcpFeedback).subtracting(ours.media[1].rtcpFeedback).map(\.type).sorted()
            == ["ccm", "transport-cc"])
    }

    @Test("data channel: Janus accepts it (port 9, bundled); we reject it (port 0, not bundled)", arguments: pairs)
    func dataChannel(pair: (String, String)) throws {
        let (ours, janus) = try both(pair)
        #expect(janus.media[2].type == .application && janus.media[2].port == 9)
        #expect(janus.groups.first?.mids == ["0", "1", "2"])
        #expect(ours.media[2].type == .application && ours.media[2].port == 0)
        #expect(ours.groups.first?.mids == ["0", "1"])
    }
}
