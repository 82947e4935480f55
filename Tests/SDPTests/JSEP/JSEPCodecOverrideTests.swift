import Testing
@testable import SDP

/// EchoTest's `audiocodec`/`videocodec`: the override wins when offered, else the offer's first codec.
/// H.264: packetization-mode=1 is preferred, and only profiles we accept (Constrained Baseline,
/// Baseline, Main, High, Constrained High; RFC 6184 §8.1 profile-level-id) are chosen.
@Suite struct JSEPCodecOverrideTests {
    typealias S = JSEPTestSupport

    private func negotiated(
        _ offer: SessionDescription, audio: JSEPCodec? = nil, video: JSEPCodec? = nil
    ) throws -> [JSEPNegotiatedMedia] {
        var local = S.local
        local.audioCodec = audio
        local.videoCodec = video
        return try S.answer(offer, local: local).negotiation.acceptedMedia
    }

    private func video(_ offer: SessionDescription, _ codec: JSEPCodec?) throws -> JSEPNegotiatedMedia {
        try #require(try negotiated(offer, video: codec).first { $0.kind == .video })
    }

    @Test("videocodec vp9 picks the offer's first VP9 and its RTX (Chrome 98/99, Firefox 121/125)")
    func vp9() throws {
        let chrome = try video(S.offer("chrome-156-offer.sdp"), .vp9)
        #expect(chrome.codec == .vp9 && chrome.payloadType == 98 && chrome.rtxPayloadType == 99)
        #expect(chrome.formatParameters == "profile-id=0")
        let firefox = try video(S.offer("firefox-121-offer.sdp"), .vp9)
        #expect(firefox.codec == .vp9 && firefox.payloadType == 121 && firefox.rtxPayloadType == 125)
    }

    @Test("videocodec h264 picks the first packetization-mode=1 H.264 with an accepted profile")
    func h264() throws {
        let chrome = try video(S.offer("chrome-156-offer.sdp"), .h264)
        #expect(chrome.payloadType == 102 && chrome.rtxPayloadType == 103)
        #expect(chrome.formatParameters == "level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42001f")
        let firefox = try video(S.offer("firefox-121-offer.sdp"), .h264)
        #expect(firefox.payloadType == 126 && firefox.rtxPayloadType == 127)
        let aiortc = try video(S.offer("aiortc-echotest-offer.sdp"), .h264)
        #expect(aiortc.payloadType == 99 && aiortc.rtxPayloadType == 100)
        let safari = try video(S.offer("safari-kvs-offer.sdp"), .h264)
        #expect(safari.payloadType == 96 && safari.rtxPayloadType == 97)
    }

    @Test("H.264 packetization-mode=1 wins over an earlier mode-0 entry (Firefox 97 listed before 126)")
    func h264PrefersModeOne() throws {
        var offer = try S.offer("firefox-121-offer.sdp")
        offer.media[1].formats = ["97", "98", "126", "127", "120", "124"]
        let chosen = try video(offer, .h264)
        #expect(chosen.payloadType == 126 && chosen.rtxPayloadType == 127)
        #expect(try video(offer, nil).payloadType == 126)
    }

    @Test("H.264 with only mode 0 offered picks the first mode-0 entry with an accepted profile")
    func h264ModeZeroOnly() throws {
        var offer = try S.offer("chrome-156-offer.sdp")
        offer.media[1].formats = ["104", "107", "114", "115", "96", "97"]
        let chosen = try video(offer, .h264)
        #expect(chosen.payloadType == 104 && chosen.rtxPayloadType == 107)
    }

    @Test("H.264 entries whose profile we do not accept are skipped (High 4:4:4 f4001f, malformed, mode 2)")
    func h264SkipsUnacceptedProfiles() throws {
        let offer = try S.offer("chrome-156-offer.sdp")
        let rewrites = [
            "level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=f4001f",
            "level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42zz1f",
            "level-asymmetry-allowed=1;packetization-mode=2;profile-level-id=42001f",
        ]
        for text in rewrites {
            var edited = offer
            edited.media[1].attributes = edited.media[1].attributes.map {
                guard case .fmtp(let f) = $0, f.payloadType == 102 else { return $0 }
                return .fmtp(FormatParameters(payloadType: 102, parameterText: text))
            }
            let chosen = try video(edited, .h264)
            #expect(chosen.payloadType == 108, "\(text)")
            #expect(chosen.rtxPayloadType == 109)
        }
    }

    @Test("an H.264 entry without fmtp counts as Baseline, packetization-mode 0 (RFC 6184 §8.1 defaults)")
    func h264Defaults() throws {
        let text = """
            v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\na=group:BUNDLE v\r\n\
            m=video 9 UDP/TLS/RTP/SAVPF 100 101\r\na=mid:v\r\na=ice-ufrag:abcd\r\na=ice-pwd:0123456789abcdefghijkl\r\n\
            a=fingerprint:sha-256 AA:BB\r\na=setup:actpass\r\na=rtcp-mux\r\na=sendrecv\r\n\
            a=rtpmap:100 H264/90000\r\na=rtpmap:101 H264/90000\r\n\
            a=fmtp:101 packetization-mode=1;profile-level-id=640032\r\n
            """
        let offer = try SessionDescription(parsing: text)
        #expect(try video(offer, .h264).payloadType == 101)
        var modeZero = offer
        modeZero.media[0].formats = ["100"]
        #expect(try video(modeZero, .h264).payloadType == 100)
    }

    @Test("an override the offer lacks falls back to the offer's first supported codec")
    func fallback() throws {
        let aiortc = try video(S.offer("aiortc-echotest-offer.sdp"), .av1)
        #expect(aiortc.codec == .vp8 && aiortc.payloadType == 97)
        let safari = try video(S.offer("safari-kvs-offer.sdp"), .vp9)
        #expect(safari.codec == .h264 && safari.payloadType == 96)
        let firefox = try video(S.offer("firefox-121-offer.sdp"), .av1)
        #expect(firefox.codec == .vp8 && firefox.payloadType == 120)
        let chrome = try video(S.offer("chrome-156-offer.sdp"), .av1)
        #expect(chrome.codec == .av1 && chrome.payloadType == 45 && chrome.rtxPayloadType == 46)
    }

    @Test("audiocodec pcmu/pcma picks static PT 0/8 in every real offer; opus stays the default",
          arguments: S.offers)
    func audioOverrides(name: String) throws {
        let offer = try S.offer(name)
        let pcmu = try #require(try negotiated(offer, audio: .pcmu).first { $0.kind == .audio })
        #expect(pcmu.codec == .pcmu && pcmu.payloadType == 0 && pcmu.clockRate == 8000)
        let pcma = try #require(try negotiated(offer, audio: .pcma).first { $0.kind == .audio })
        #expect(pcma.codec == .pcma && pcma.payloadType == 8)
        let opus = try #require(try negotiated(offer).first { $0.kind == .audio })
        #expect(opus.codec == .opus && opus.clockRate == 48000)
    }

    @Test("PCMU offered by static PT 0 without rtpmap: the answer writes the RFC 3551 rtpmap")
    func staticPayloadType() throws {
        var offer = try S.offer("aiortc-echotest-offer.sdp")
        offer.media[0].formats = ["0", "8"]
        offer.media[0].attributes.removeAll { if case .rtpmap = $0 { true } else { false } }
        let answer = try S.answer(offer).sessionDescription
        #expect(answer.media[0].formats == ["0"])
        #expect(answer.media[0].rtpMaps == [RTPMap(payloadType: 0, encodingName: "PCMU", clockRate: 8000)])
    }
}
