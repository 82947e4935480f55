import Testing
@testable import SDP

/// Real offers and answers (see Tests/Fixtures/sdp/README.md) parse, expose their fields, and round-trip.
@Suite struct SessionDescriptionFixtureTests {
    @Test("every fixture serializes back to the same bytes", arguments: Fixture.names)
    func roundTripIsByteExact(name: String) throws {
        let text = try Fixture.text(name)
        let parsed = try SessionDescription(parsing: text)
        #expect(parsed.serialized() == text)
        #expect(try SessionDescription(parsing: parsed.serialized()) == parsed)
    }

    @Test("every fixture with LF line endings parses to the same value", arguments: Fixture.names)
    func lineFeedInputParsesTheSame(name: String) throws {
        let text = try Fixture.text(name)
        let lf = text.replacing("\r\n", with: "\n")
        #expect(lf != text)
        #expect(try SessionDescription(parsing: lf) == SessionDescription(parsing: text))
    }

    @Test("aiortc offer: session fields, BUNDLE, msid-semantic")
    func aiortcSessionFields() throws {
        let sdp = try SessionDescription(parsing: Fixture.text("aiortc-echotest-offer.sdp"))
        #expect(sdp.version == 0)
        #expect(sdp.origin == SessionOrigin(username: "-", sessionID: 4_005_053_012, sessionVersion: 4_005_053_012,
                                            unicastAddress: "0.0.0.0"))
        #expect(sdp.sessionName == "-")
        #expect(sdp.timing == SessionTiming(start: 0, stop: 0))
        #expect(sdp.groups == [SDPGroup(semantics: "BUNDLE", mids: ["0", "1", "2"])])
        #expect(sdp.msidSemantic == MSIDSemantic(semantic: "WMS", identifiers: ["*"], spaceAfterColon: false))
        #expect(sdp.media.map(\.type) == [.audio, .video, .application])
        #expect(sdp.media.map(\.mid) == ["0", "1", "2"])
    }

    @Test("aiortc offer: audio section codecs, extmap, ssrc, candidate, three fingerprints")
    func aiortcAudioSection() throws {
        let audio = try SessionDescription(parsing: Fixture.text("aiortc-echotest-offer.sdp")).media[0]
        #expect(audio.port == 48931)
        #expect(audio.proto == "UDP/TLS/RTP/SAVPF")
        #expect(audio.payloadTypes == [96, 9, 0, 8])
        #expect(audio.connection == ConnectionData(address: "127.0.0.1"))
        #expect(audio.direction == .sendrecv)
        #expect(audio.extMaps == [
            ExtMap(id: 1, uri: "urn:ietf:params:rtp-hdrext:sdes:mid"),
            ExtMap(id: 2, uri: "urn:ietf:params:rtp-hdrext:ssrc-audio-level"),
        ])
        #expect(audio.msids == [MediaStreamID(streamID: "e143272a-91cf-4da8-aa08-fbb7cc6104b9",
                                              trackID: "89950cc9-5ac1-43cc-aa31-9c84ee5ee103")])
        #expect(audio.attributes.contains(.other(name: "rtcp", value: "9 IN IP4 0.0.0.0")))
        #expect(audio.isRTCPMux)
        #expect(audio.ssrcAttributes == [SSRCAttribute(ssrc: 523_462_759, name: "cname",
                                                       value: "295be56a-65ea-4059-993e-9fe6f4282c0c")])
        #expect(audio.rtpMaps.first == RTPMap(payloadType: 96, encodingName: "opus", clockRate: 48000, channels: 2))
        #expect(audio.rtpMaps.map(\.encodingName) == ["opus", "G722", "PCMU", "PCMA"])
        #expect(audio.candidates == [ICECandidate(
            foundation: "16572de626da4e5384a0ce2d0d93678a", component: 1, transport: "udp", priority: 2_130_706_431,
            address: "127.0.0.1", port: 48931, kind: .host)])
        #expect(audio.hasEndOfCandidates)
        #expect(audio.iceUfrag == "HPLx")
        #expect(audio.icePwd == "u2OwzmfiXCwpWzQtIS4Cqu")
        #expect(audio.fingerprints.map(\.hashFunction) == ["sha-256", "sha-384", "sha-512"])
        #expect(audio.fingerprints.map(\.bytes.count) == [32, 48, 64])
        #expect(audio.fingerprints[0].bytes.prefix(4) == [0xDB, 0xB9, 0xB5, 0x2B])
        #expect(audio.setup == .actpass)
    }

    @Test("aiortc offer: video FID group, rtcp-fb, fmtp; data channel sctp-port and max-message-size")
    func aiortcVideoAndData() throws {
        let sdp = try SessionDescription(parsing: Fixture.text("aiortc-echotest-offer.sdp"))
        let video = sdp.media[1]
        #expect(video.ssrcGroups == [SSRCGroup(semantics: "FID", ssrcs: [3_946_120_681, 3_688_708_719])])
        #expect(video.rtcpFeedback.prefix(3) == [
            RTCPFeedback(payloadType: 97, type: "nack"),
            RTCPFeedback(payloadType: 97, type: "nack", parameter: "pli"),
            RTCPFeedback(payloadType: 97, type: "goog-remb"),
        ])
        let h264 = try #require(video.formatParameters.first { $0.payloadType == 99 })
        #expect(h264.parameter("profile-level-id") == "42001f")
        #expect(h264.parameter("packetization-mode") == "1")
        #expect(video.formatParameters.first { $0.payloadType == 98 }?.parameter("apt") == "97")
        let data = sdp.media[2]
        #expect(data.formats == ["webrtc-datachannel"])
        #expect(data.proto == "UDP/DTLS/SCTP")
        #expect(data.sctpPort == 5000)
        #expect(data.maxMessageSize == 262_144)
        #expect(data.payloadTypes.isEmpty)
    }

    @Test("Janus answer: session-level ice-options and fingerprint, spaced msid-semantic, setup active")
    func janusAnswer() throws {
        let sdp = try SessionDescription(parsing: Fixture.text("janus-1.1.2-echotest-answer.sdp"))
        #expect(sdp.origin.unicastAddress == "127.0.0.1")
        #expect(sdp.iceOptions == ["trickle"])
        #expect(sdp.fingerprints.count == 1)
        #expect(sdp.fingerprints.first?.bytes.first == 0xE7)
        #expect(sdp.attributes.contains(.extmapAllowMixed))
        #expect(sdp.msidSemantic == MSIDSemantic(semantic: "WMS", identifiers: ["*"], spaceAfterColon: true))
        #expect(sdp.media.map(\.port) == [9, 9, 9])
        #expect(sdp.media.map(\.setup) == [.active, .active, .active])
        #expect(sdp.media[0].msids == [MediaStreamID(streamID: "janus", trackID: "janus0")])
        #expect(sdp.media[1].payloadTypes == [97, 98])
        #expect(sdp.media[1].rtcpFeedback.first == RTCPFeedback(payloadType: 97, type: "ccm", parameter: "fir"))
        #expect(sdp.media[1].rtcpFeedback.last == RTCPFeedback(payloadType: 97, type: "transport-cc"))
        #expect(sdp.media[2].direction == .sendrecv)
        let candidate = try #require(sdp.media[0].candidates.first)
        #expect(candidate.description == "candidate:1 1 udp 2015363327 127.0.0.1 20446 typ host")
    }

    @Test("Chrome 156 offer: 23 video formats, loopback IPv4/IPv6 UDP and TCP candidates, rtcp-rsize")
    func chromeOffer() throws {
        let sdp = try SessionDescription(parsing: Fixture.text("chrome-156-offer.sdp"))
        #expect(sdp.origin.sessionID == 7_551_548_181_244_505_973)
        #expect(sdp.origin.sessionVersion == 2)
        #expect(sdp.msidSemantic?.spaceAfterColon == true)
        #expect(sdp.media.map(\.type) == [.audio, .video, .application])
        let audio = sdp.media[0], video = sdp.media[1]
        #expect(video.formats.count == 23)
        #expect(audio.isRTCPReducedSize && video.isRTCPReducedSize)
        #expect(audio.iceOptions == ["trickle"])
        #expect(audio.candidates.count == 4)
        #expect(sdp.media.map { $0.candidates.count } == [4, 4, 4])
        let v6 = try #require(audio.candidates.first { $0.address == "::1" && $0.transport == "udp" })
        #expect(v6.generation == 0)
        #expect(v6.extensionValue("network-cost") == "50")
        let tcp = try #require(audio.candidates.first { $0.transport == "tcp" })
        #expect(tcp.tcpType == "active")
        #expect(tcp.port == 9)
        #expect(audio.ssrcAttributes.last?.name == "msid")
        #expect(audio.ssrcAttributes.last?.value?.contains(" ") == true)
        let red = try #require(audio.formatParameters.first { $0.payloadType == 63 })
        #expect(red.parameters.map(\.name) == ["111/111"])
        #expect(red.parameters.first?.value == nil)
        #expect(video.extMaps.first == ExtMap(id: 14, uri: "urn:ietf:params:rtp-hdrext:toffset"))
        #expect(video.rtpMaps.first { $0.payloadType == 45 }?.encodingName == "AV1")
        #expect(audio.hasEndOfCandidates == false)
    }
}
