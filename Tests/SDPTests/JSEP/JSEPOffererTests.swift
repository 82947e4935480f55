import Testing
@testable import SDP

/// The offer `JSEPOfferer` writes: line for line what the bench sends (RFC 8829 §5.2.1), parsed back by
/// our own parser, answerable by `JSEPAnswerer`, and shaped like Chrome's offer where it matters.
@Suite struct JSEPOffererTests {
    typealias O = OffererTestSupport

    /// The transport lines every m-line carries, after `c=`.
    static let transport = [
        "a=rtcp:9 IN IP4 0.0.0.0", "a=ice-ufrag:bEnC", "a=ice-pwd:benchPasswordBenchPass01",
        "a=ice-options:trickle", "a=fingerprint:" + O.fingerprintText, "a=setup:actpass",
    ]

    @Test("the default offer, line for line: BUNDLE 0 1, opus 111 and VP8 96 + RTX 97, our SSRCs, no candidates")
    func defaultOfferLines() throws {
        let text = try O.offerer().sdp
        let session = ["v=0", "o=- 123456789 2 IN IP4 127.0.0.1", "s=-", "t=0 0", "a=group:BUNDLE 0 1",
                       "a=msid-semantic: WMS bench"]
        let audio = ["m=audio 9 UDP/TLS/RTP/SAVPF 111", "c=IN IP4 0.0.0.0"] + Self.transport + [
            "a=mid:0", "a=extmap:1 urn:ietf:params:rtp-hdrext:sdes:mid", "a=sendrecv", "a=msid:bench bench-audio",
            "a=rtcp-mux", "a=rtpmap:111 opus/48000/2", "a=fmtp:111 minptime=10;useinbandfec=1",
            "a=ssrc:41 cname:bench-cname",
        ]
        let video = ["m=video 9 UDP/TLS/RTP/SAVPF 96 97", "c=IN IP4 0.0.0.0"] + Self.transport + [
            "a=mid:1", "a=extmap:1 urn:ietf:params:rtp-hdrext:sdes:mid", "a=sendrecv", "a=msid:bench bench-video",
            "a=rtcp-mux", "a=rtpmap:96 VP8/90000", "a=rtcp-fb:96 nack", "a=rtcp-fb:96 nack pli",
            "a=rtcp-fb:96 ccm fir", "a=rtcp-fb:96 goog-remb", "a=rtpmap:97 rtx/90000", "a=fmtp:97 apt=96",
            "a=ssrc-group:FID 42 43", "a=ssrc:42 cname:bench-cname", "a=ssrc:43 cname:bench-cname",
        ]
        #expect(text == (session + audio + video).map { $0 + "\r\n" }.joined())
    }

    @Test("our parser reads the offer back to the same value and writes it byte for byte")
    func parsesBack() throws {
        let offerer = try O.offerer()
        let parsed = try SessionDescription(parsing: offerer.sdp)
        #expect(parsed == offerer.offer())
        #expect(parsed.serialized() == offerer.sdp)
        #expect(parsed.media.flatMap(\.candidates).isEmpty)
        #expect(!parsed.media.contains { $0.hasEndOfCandidates })
    }

    @Test("JSEPAnswerer.check accepts our offer")
    func answerable() throws {
        try JSEPAnswerer.check(try O.offerer().offer())
    }

    @Test("BUNDLE, rtcp-mux, setup and ice-options as in Chrome 156's offer; every attribute we write, Chrome writes")
    func likeChrome() throws {
        let chrome = try JSEPTestSupport.offer("chrome-156-offer.sdp")
        let ours = try O.offerer().offer()
        for offer in [chrome, ours] {
            let rtp = offer.media.filter { $0.type == .audio || $0.type == .video }
            let bundle = try #require(offer.groups.first { $0.semantics == "BUNDLE" })
            #expect(rtp.allSatisfy { $0.mid.map(bundle.mids.contains) == true })
            #expect(offer.groups.count == 1)
            #expect(rtp.allSatisfy { $0.isRTCPMux && $0.setup == .actpass && $0.iceOptions == ["trickle"] })
            #expect(rtp.allSatisfy { $0.proto == "UDP/TLS/RTP/SAVPF" && $0.direction == .sendrecv })
            #expect(rtp.allSatisfy { $0.iceUfrag != nil && $0.icePwd != nil && !$0.fingerprints.isEmpty })
            #expect(offer.setup == nil && offer.iceOptions.isEmpty)
        }
        #expect(ours.attributes.map(\.name).allSatisfy(Set(chrome.attributes.map(\.name)).contains))
        for section in ours.media {
            let theirs = try #require(chrome.media.first { $0.type == section.type })
            let names = Set(theirs.attributes.map(\.name))
            #expect(section.attributes.map(\.name).filter { !names.contains($0) } == [])
        }
    }

    @Test("a custom media list: PCMU on static PT 0 alone, then a recvonly VP8 section without msid or ssrc lines")
    func customMedia() throws {
        let pcmu = JSEPOfferMedia(
            kind: .audio, codec: .pcmu, payloadType: 0, ssrc: 7, streamID: "s", trackID: "a", headerExtensions: [])
        let solo = try O.offerer(media: [pcmu]).offer()
        #expect(solo.groups == [SDPGroup(semantics: "BUNDLE", mids: ["0"])])
        #expect(solo.media.count == 1 && solo.media[0].formats == ["0"])
        #expect(solo.media[0].rtpMaps == [RTPMap(payloadType: 0, encodingName: "PCMU", clockRate: 8000)])
        #expect(solo.media[0].extMaps.isEmpty && solo.media[0].ssrcAttributes.map(\.ssrc) == [7])

        var video = JSEPOfferMedia.vp8(ssrc: 8, rtxSSRC: 9, streamID: "s", trackID: "v")
        video.direction = .recvonly
        let offer = try O.offerer(media: [pcmu, video]).offer()
        #expect(offer.groups == [SDPGroup(semantics: "BUNDLE", mids: ["0", "1"])])
        #expect(offer.media[1].direction == .recvonly)
        #expect(offer.media[1].msids.isEmpty && offer.media[1].ssrcAttributes.isEmpty)
        #expect(offer.media[1].ssrcGroups.isEmpty && offer.media[1].payloadTypes == [96, 97])
    }

    @Test("bad local parameters → .badLocalParameters, naming the fault")
    func badLocal() {
        let opus = JSEPOfferMedia.opus(ssrc: 1, streamID: "s", trackID: "a")
        var wrongKind = opus
        wrongKind.kind = .video
        var application = opus
        application.kind = .application
        var rtxWithoutPT = opus
        rtxWithoutPT.rtxSSRC = 2
        var samePT = JSEPOfferMedia.vp8(ssrc: 3, rtxSSRC: 4, streamID: "s", trackID: "v")
        samePT.rtxPayloadType = samePT.payloadType
        var bigPT = opus
        bigPT.payloadType = 128
        let sameSSRC = JSEPOfferMedia.vp8(ssrc: 1, rtxSSRC: 5, streamID: "s", trackID: "v")
        let cases: [(JSEPError?, String)] = [
            (O.localError(ufrag: ""), "ufrag"), (O.localError(pwd: "two words"), "pwd"),
            (O.localError(fingerprints: []), "fingerprint"), (O.localError(cname: ""), "cname"),
            (O.localError(media: []), "no media"), (O.localError(media: [wrongKind]), "m-line 0"),
            (O.localError(media: [application]), "audio or video"), (O.localError(media: [rtxWithoutPT]), "RTX"),
            (O.localError(media: [samePT]), "payload type"), (O.localError(media: [bigPT]), "payload type"),
            (O.localError(media: [opus, sameSSRC]), "SSRC 1"),
        ]
        for (error, word) in cases {
            #expect(error?.kind == .badLocalParameters, "\(word)")
            #expect(error?.message.contains(word) == true, "\(String(describing: error)) should name \(word)")
        }
        #expect(O.localError() == nil)
    }
}
