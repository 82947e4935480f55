import Testing
@testable import SDP

/// Answers to real offers from aiortc, Chrome, Firefox and Safari, checked line by line against
/// `ExpectedAnswer` (Tests/Fixtures/sdp/README.md says where each offer came from).
@Suite struct JSEPAnswererFixtureTests {
    typealias S = JSEPTestSupport

    @Test("the offer round-trips: parse → serialize → parse gives the same value", arguments: S.offers)
    func offerRoundTrips(name: String) throws {
        let offer = try S.offer(name)
        #expect(try SessionDescription(parsing: offer.serialized()) == offer)
    }

    @Test("the answer serializes, parses back to the same value, and re-serializes byte for byte",
          arguments: ExpectedAnswer.all)
    func answerParsesBack(expected: ExpectedAnswer) throws {
        let answer = try S.answer(S.offer(expected.fixture)).sessionDescription
        let text = answer.serialized()
        let parsed = try SessionDescription(parsing: text)
        #expect(parsed == answer)
        #expect(parsed.serialized() == text)
    }

    @Test("one BUNDLE group naming exactly the accepted mids; session attributes; o= repeats the offer's ids",
          arguments: ExpectedAnswer.all)
    func sessionLevel(expected: ExpectedAnswer) throws {
        let offer = try S.offer(expected.fixture)
        let answer = try S.answer(offer).sessionDescription
        #expect(answer.groups == [SDPGroup(semantics: "BUNDLE", mids: expected.accepted.map(\.mid))])
        #expect(answer.iceOptions == ["trickle"])
        #expect(answer.attributes.contains(.extmapAllowMixed) == expected.extmapAllowMixed)
        #expect(answer.msidSemantic == MSIDSemantic(semantic: "WMS", identifiers: ["*"], spaceAfterColon: true))
        #expect(answer.origin.sessionID == offer.origin.sessionID)
        #expect(answer.origin.sessionVersion == offer.origin.sessionVersion)
    }

    @Test("m-lines: same count, kinds and mids; accepted port 9 with the chosen PT (+RTX); rejected port 0",
          arguments: ExpectedAnswer.all)
    func mediaLines(expected: ExpectedAnswer) throws {
        let offer = try S.offer(expected.fixture)
        let answer = try S.answer(offer).sessionDescription
        try #require(answer.media.count == expected.sections.count)
        for (index, section) in expected.sections.enumerated() {
            let line = answer.media[index]
            #expect(line.proto == offer.media[index].proto)
            switch section {
            case .accepted(let a):
                #expect(line.type == a.kind)
                #expect(line.mid == a.mid)
                #expect(line.port == 9)
                #expect(line.payloadTypes == [a.pt] + (a.rtx.map { [$0] } ?? []))
            case .rejected(let mid, let kind):
                #expect(line.type == kind)
                #expect(line.mid == mid)
                #expect(line.port == 0)
                #expect(line.formats == Array(offer.media[index].formats.prefix(1)))
                #expect(line.direction == .inactive)
                // Our transport attributes (aiortc refuses a section without them), no media attributes.
                #expect(line.iceUfrag == JSEPTestSupport.local.iceUfrag && line.icePwd == JSEPTestSupport.local.icePwd)
                #expect(line.fingerprints == JSEPTestSupport.local.fingerprints && line.setup == .active)
                #expect(line.extMaps.isEmpty && line.payloadTypes.count <= 1)
            }
        }
    }

    @Test("codec lines: the offer's rtpmap and fmtp verbatim, rtcp-fb for that PT only, RTX apt = PT",
          arguments: ExpectedAnswer.all)
    func codecLines(expected: ExpectedAnswer) throws {
        let offer = try S.offer(expected.fixture)
        let answer = try S.answer(offer).sessionDescription
        for a in expected.accepted {
            let offered = try #require(offer.media.first { $0.mid == a.mid })
            let line = try #require(answer.media.first { $0.mid == a.mid })
            let codecMap = try #require(line.rtpMaps.first)
            #expect(codecMap == offered.rtpMaps.first { $0.payloadType == a.pt })
            #expect(JSEPCodec(name: codecMap.encodingName) == a.codec)
            let fmtps = line.formatParameters
            #expect(fmtps.first { $0.payloadType == a.pt }?.parameterText == a.fmtp)
            #expect(S.feedback(line, pt: a.pt) == a.feedback)
            if let rtx = a.rtx {
                #expect(line.rtpMaps == [codecMap, RTPMap(payloadType: rtx, encodingName: "rtx", clockRate: 90000)])
                #expect(fmtps.first { $0.payloadType == rtx }?.parameterText == "apt=\(a.pt)")
            } else {
                #expect(line.rtpMaps.count == 1)
            }
        }
    }

    @Test("extmaps: only mid, abs-send-time, transport-wide-cc and audio-level, with the offer's ids",
          arguments: ExpectedAnswer.all)
    func extensions(expected: ExpectedAnswer) throws {
        let result = try S.answer(S.offer(expected.fixture))
        for a in expected.accepted {
            let line = try #require(result.sessionDescription.media.first { $0.mid == a.mid })
            #expect(line.extMaps == a.extensions.map { ExtMap(id: $0.id, uri: $0.ext.uri) })
            let negotiated = try #require(result.negotiation.media.first { $0.mid == a.mid })
            #expect(negotiated.extensionIDs == Dictionary(uniqueKeysWithValues: a.extensions.map { ($0.ext, $0.id) }))
        }
    }

    @Test("every accepted m-line: our ufrag/pwd, our fingerprints, a=setup:active, a=rtcp-mux",
          arguments: ExpectedAnswer.all)
    func transportLines(expected: ExpectedAnswer) throws {
        let answer = try S.answer(S.offer(expected.fixture)).sessionDescription
        let local = S.local
        for a in expected.accepted {
            let line = try #require(answer.media.first { $0.mid == a.mid })
            #expect(line.iceUfrag == local.iceUfrag)
            #expect(line.icePwd == local.icePwd)
            #expect(line.fingerprints == local.fingerprints)
            #expect(line.setup == .active)
            #expect(line.isRTCPMux)
            #expect(line.connection == ConnectionData(address: "0.0.0.0"))
        }
    }

    @Test("directions: sendrecv→sendrecv, recvonly→sendonly as offered by the browsers",
          arguments: ExpectedAnswer.all)
    func directions(expected: ExpectedAnswer) throws {
        let offer = try S.offer(expected.fixture)
        let result = try S.answer(offer)
        for a in expected.accepted {
            #expect(offer.media.first { $0.mid == a.mid }?.direction == a.offered)
            #expect(result.sessionDescription.media.first { $0.mid == a.mid }?.direction == a.answered)
            #expect(result.negotiation.media.first { $0.mid == a.mid }?.direction == a.answered)
        }
    }

    @Test("msid and ssrc lines for our tracks; FID group with the video RTX SSRC", arguments: ExpectedAnswer.all)
    func trackLines(expected: ExpectedAnswer) throws {
        let answer = try S.answer(S.offer(expected.fixture)).sessionDescription
        for a in expected.accepted {
            let line = try #require(answer.media.first { $0.mid == a.mid })
            let track = a.kind == .audio ? S.local.audio : S.local.video
            #expect(line.msids == [MediaStreamID(streamID: track.streamID, trackID: track.trackID)])
            var ssrcs = [track.ssrc]
            if a.rtx != nil, let rtx = track.rtxSSRC { ssrcs.append(rtx) }
            #expect(line.ssrcAttributes == ssrcs.map { SSRCAttribute(ssrc: $0, name: "cname", value: "swiftgate") })
            #expect(line.ssrcGroups == (ssrcs.count == 2 ? [SSRCGroup(semantics: "FID", ssrcs: ssrcs)] : []))
        }
    }

    @Test("negotiation: the peer's ICE credentials, fingerprints, setup, codec, PTs and SSRCs",
          arguments: ExpectedAnswer.all)
    func negotiation(expected: ExpectedAnswer) throws {
        let offer = try S.offer(expected.fixture)
        let n = try S.answer(offer).negotiation
        let tagged = try #require(offer.media.first { $0.mid == offer.groups.first?.mids.first })
        #expect(n.peerICEUfrag == tagged.iceUfrag)
        #expect(n.peerICEPwd == tagged.icePwd)
        #expect(n.peerFingerprints == (tagged.fingerprints.isEmpty ? offer.fingerprints : tagged.fingerprints))
        #expect(!n.peerFingerprints.isEmpty)
        #expect(n.peerSetup == .actpass)
        #expect(n.localSetup == .active)
        #expect(n.media.map(\.index) == Array(offer.media.indices))
        #expect(n.acceptedMedia.map(\.mid) == expected.accepted.map(\.mid))
        for a in expected.accepted {
            let m = try #require(n.media.first { $0.mid == a.mid })
            #expect(m.codec == a.codec && m.payloadType == a.pt && m.rtxPayloadType == a.rtx)
            #expect(m.clockRate == a.codec.clockRate)
            #expect(m.formatParameters == a.fmtp)
            #expect(m.rtcpFeedback == a.feedback)
            #expect(m.peerSSRC == a.peerSSRC && m.peerRTXSSRC == a.peerRTXSSRC)
        }
        for case .rejected(let mid, _) in expected.sections {
            let m = try #require(n.media.first { $0.mid == mid })
            #expect(!m.isAccepted && m.codec == nil && m.direction == .inactive)
        }
    }
}
