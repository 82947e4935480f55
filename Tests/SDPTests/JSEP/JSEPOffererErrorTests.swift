import Testing
@testable import SDP

/// Answers that do not fit the offer (RFC 3264 §6, RFC 8829 §5.3, RFC 5763 §5) give the matching
/// `JSEPError.Kind`, naming the answer's m-line where one is at fault. Each starts from `JSEPAnswerer`'s
/// valid answer to our offer and breaks one thing.
@Suite struct JSEPOffererErrorTests {
    typealias O = OffererTestSupport

    private func expect(
        _ kind: JSEPError.Kind, _ words: [String] = [], sourceLocation: SourceLocation = #_sourceLocation,
        editing edit: (inout SessionDescription) -> Void
    ) throws {
        let e = try O.error(editing: edit)
        #expect(e?.kind == kind, "\(String(describing: e))", sourceLocation: sourceLocation)
        for word in words {
            #expect(e?.message.contains(word) == true, "\(String(describing: e)) lacks \(word)",
                    sourceLocation: sourceLocation)
        }
    }

    @Test("the unedited answer negotiates (every case below breaks exactly one thing)")
    func baseline() throws {
        #expect(try O.error { _ in } == nil)
    }

    @Test("fewer or more m-lines than offered → .mediaCountMismatch")
    func mediaCount() throws {
        try expect(.mediaCountMismatch, ["1 m-line", "offer has 2"]) { $0.media.removeLast() }
        try expect(.mediaCountMismatch, ["3 m-lines"]) { $0.media.append($0.media[1]) }
        try expect(.mediaCountMismatch) { $0.media = [] }
    }

    @Test("an answer mid that differs from the offer's at the same index → .midMismatch")
    func mid() throws {
        try expect(.midMismatch, ["m-line 1 (video, mid x)", "offer's mid 1"]) { answer in
            answer.media[1].attributes = answer.media[1].attributes.map { if case .mid = $0 { .mid("x") } else { $0 } }
        }
        try expect(.midMismatch, ["m-line 0"]) { $0.media.swapAt(0, 1) }
    }

    @Test("an answer m-line of another media type → .mediaKindMismatch")
    func kind() throws {
        try expect(.mediaKindMismatch, ["m-line 0 (video, mid 0)", "offer's audio"]) { $0.media[0].type = .video }
    }

    @Test("an accepted answer m-line without a=mid → .missingMid")
    func missingMid() throws {
        try expect(.missingMid, ["m-line 1 (video)"]) { answer in
            answer.media[1].attributes.removeAll { if case .mid = $0 { true } else { false } }
        }
    }

    @Test("a payload type the offer did not contain, or an offered one mapped to another codec → .unofferedPayloadType")
    func unofferedPayloadType() throws {
        try expect(.unofferedPayloadType, ["m-line 1 (video, mid 1)", "100"]) { $0.media[1].formats.append("100") }
        try expect(.unofferedPayloadType, ["96", "VP9", "VP8"]) { answer in
            answer.media[1].attributes = answer.media[1].attributes.map {
                if case .rtpmap(let map) = $0, map.payloadType == 96 {
                    .rtpmap(RTPMap(payloadType: 96, encodingName: "VP9", clockRate: 90000))
                } else { $0 }
            }
        }
    }

    @Test("a=setup:actpass or holdconn in an answer → .invalidAnswerSetup")
    func setup() throws {
        for role in [SetupRole.actpass, .holdconn] {
            try expect(.invalidAnswerSetup, ["m-line 0 (audio, mid 0)", role.rawValue]) { answer in
                for i in answer.media.indices {
                    answer.media[i].attributes = answer.media[i].attributes.map {
                        if case .setup = $0 { .setup(role) } else { $0 }
                    }
                }
            }
        }
    }

    @Test("no BUNDLE group, or one that leaves out an accepted m-line → .missingBundle")
    func bundle() throws {
        try expect(.missingBundle, ["no a=group:BUNDLE"]) { answer in
            answer.attributes.removeAll { if case .group = $0 { true } else { false } }
        }
        try expect(.missingBundle, ["m-line 1 (video, mid 1)"]) { answer in
            answer.attributes = answer.attributes.map {
                if case .group = $0 { .group(SDPGroup(semantics: "BUNDLE", mids: ["0"])) } else { $0 }
            }
        }
    }

    @Test("an accepted audio/video m-line without a=rtcp-mux → .missingRTCPMux")
    func rtcpMux() throws {
        try expect(.missingRTCPMux, ["m-line 1 (video, mid 1)"]) { $0.media[1].attributes.removeAll { $0 == .rtcpMux } }
    }

    @Test("no ICE credentials or no fingerprint in section or session → .missingICECredentials / .missingFingerprint")
    func transport() throws {
        for name in ["ice-ufrag", "ice-pwd"] {
            try expect(.missingICECredentials, ["m-line 0 (audio, mid 0)"]) { answer in
                answer = JSEPTestSupport.removing(answer) { $0.name == name }
            }
        }
        try expect(.missingFingerprint, ["m-line 0 (audio, mid 0)"]) { answer in
            answer = JSEPTestSupport.removing(answer) { $0.name == "fingerprint" }
        }
    }

    @Test("an accepted m-line whose formats name no codec we support (only RTX, or G722) → .unsupportedCodec")
    func unsupportedCodec() throws {
        try expect(.unsupportedCodec, ["m-line 1 (video, mid 1)"]) { $0.media[1].formats = ["97"] }
        let offer = try JSEPTestSupport.offer("aiortc-echotest-offer.sdp")
        var answer = try SessionDescription(parsing: Fixture.text("janus-1.1.2-echotest-answer.sdp"))
        answer.media[0].formats = ["9"]
        let e = O.error(offer: offer, answer: answer)
        #expect(e?.kind == .unsupportedCodec)
        #expect(e?.message.contains("m-line 0 (audio, mid 0)") == true, "\(String(describing: e))")
    }

    @Test("an answer rejecting every m-line → .noAcceptableMedia; an offer with no m-line → .noMedia")
    func nothingAccepted() throws {
        try expect(.noAcceptableMedia) { answer in
            for i in answer.media.indices { answer.media[i].port = 0 }
        }
        let empty = SessionDescription(origin: SessionOrigin(sessionID: 1, sessionVersion: 1))
        #expect(O.error(offer: empty, answer: empty)?.kind == .noMedia)
    }

    @Test("the new kinds' messages name what was wrong (description is the message)")
    func messages() throws {
        let e = try #require(try O.error { $0.media.removeLast() })
        #expect(e.description == e.message)
        #expect(e.message.hasPrefix("the answer has 1 m-line"))
    }
}
