import Testing
@testable import SDP
import TestSupport

/// parse(serialize(x)) == x for seeded random media sections inside a session.
@Suite struct MediaDescriptionPropertyTests {
    @Test("1000 generated sessions survive serialize → parse unchanged (seed 42)")
    func generatedSessionsRoundTrip() throws {
        var rng = SplitMix64(seed: 42)
        for _ in 0..<1000 {
            var generator = Generator(rng: rng)
            let session = generator.session()
            rng = generator.rng
            let text = session.serialized()
            let parsed = try SessionDescription(parsing: text)
            #expect(parsed == session, "\(text)")
            #expect(parsed.serialized() == text)
        }
    }
}

/// Builds random but canonical values (ones whose serialization parses back to the same value).
private struct Generator {
    var rng: SplitMix64

    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &rng) }
    mutating func pick<T>(_ items: [T]) -> T { items[int(0...items.count - 1)] }
    mutating func maybe<T>(_ make: (inout Generator) -> T) -> T? { Bool.random(using: &rng) ? make(&self) : nil }

    mutating func word(_ alphabet: String = "abcXYZ019-_.+/") -> String {
        let characters = Array(alphabet)
        return String((0..<int(1...12)).map { _ in characters[int(0...characters.count - 1)] })
    }

    mutating func session() -> SessionDescription {
        let origin = SessionOrigin(
            sessionID: UInt64.random(in: 0...UInt64.max, using: &rng), sessionVersion: UInt64(int(0...9)))
        var attributes: [SDPAttribute] = [.group(SDPGroup(semantics: "BUNDLE", mids: (0..<int(0...3)).map { "\($0)" }))]
        attributes.append(.msidSemantic(MSIDSemantic(
            semantic: "WMS", identifiers: [word()], spaceAfterColon: Bool.random(using: &rng))))
        let media = (0..<int(1...3)).map { _ in mediaSection() }
        return SessionDescription(origin: origin, attributes: attributes, media: media)
    }

    mutating func mediaSection() -> MediaDescription {
        let type = pick([MediaType.audio, .video, .application, .other("x-media")])
        let formats = (0..<int(1...5)).map { _ in "\(int(0...127))" }
        let other = maybe { $0.pick([[SDPLine(type: "i", value: "info text")], [SDPLine(type: "b", value: "AS:30")]]) }
        let connection = maybe { _ in ConnectionData(addressType: "IP6", address: "::1") }
        let attributes = (0..<int(0...25)).map { _ in attribute() }
        return MediaDescription(
            type: type, port: UInt16.random(in: 0...UInt16.max, using: &rng), numberOfPorts: maybe { UInt16($0.int(1...4)) },
            proto: pick(["UDP/TLS/RTP/SAVPF", "UDP/DTLS/SCTP", "RTP/AVP"]), formats: formats, connection: connection,
            attributes: attributes, otherLines: other ?? [])
    }

    mutating func attribute() -> SDPAttribute {
        let pt = UInt8(int(0...127))
        switch int(0...19) {
        case 0: return .mid(word())
        case 1: return .direction(pick(MediaDirection.allCases))
        case 2: return .msid(MediaStreamID(streamID: word(), trackID: maybe { $0.word() }))
        case 3: return .ssrc(SSRCAttribute(ssrc: UInt32.random(in: 0...UInt32.max, using: &rng), name: word(),
                                           value: maybe { "\($0.word()) \($0.word())" }))
        case 4: return .ssrcGroup(SSRCGroup(semantics: "FID", ssrcs: (0..<int(1...3)).map { _ in UInt32(int(0...9999)) }))
        case 5: return .extmap(ExtMap(id: UInt16(int(1...255)), direction: maybe { $0.pick(MediaDirection.allCases) },
                                      uri: "urn:" + word(), extensionAttributes: maybe { $0.word() }))
        case 6: return .rtpmap(RTPMap(payloadType: pt, encodingName: word("abcXYZ019-_.+"), clockRate: UInt32(int(8000...96000)),
                                      channels: maybe { UInt16($0.int(1...8)) }))
        case 7: return .fmtp(FormatParameters(payloadType: pt, parameterText: "apt=\(int(0...127));x=\(word())"))
        case 8: return .rtcpFeedback(RTCPFeedback(payloadType: maybe { _ in pt }, type: pick(["nack", "ccm", "goog-remb"]),
                                                  parameter: maybe { $0.pick(["pli", "fir", "a b"]) }))
        case 9: return pick([.rtcpMux, .rtcpRsize, .endOfCandidates, .iceLite, .extmapAllowMixed])
        case 10: return .fingerprint(Fingerprint(hashFunction: pick(["sha-256", "sha-1"]),
                                                 bytes: (0..<int(1...32)).map { _ in UInt8(int(0...255)) }))
        case 11: return .setup(pick(SetupRole.allCases))
        case 12: return .iceUfrag(word())
        case 13: return .icePwd(word())
        case 14: return .iceOptions((0..<int(1...3)).map { _ in word() })
        case 15: return .candidate(candidate())
        case 16: return .sctpPort(UInt16(int(0...65535)))
        case 17: return .maxMessageSize(UInt64.random(in: 0...UInt64.max, using: &rng))
        case 18: return .group(SDPGroup(semantics: "LS", mids: [word()]))
        default: return .other(name: "x-" + word(), value: maybe { " \($0.word()) :\($0.word())" })
        }
    }

    mutating func candidate() -> ICECandidate {
        let extensionNames = ["generation", "network-id", "network-cost", "ufrag", "tcptype"]
        return ICECandidate(
            foundation: word("abcXYZ019+/"), component: UInt16(int(1...256)), transport: pick(["udp", "UDP", "tcp"]),
            priority: UInt32.random(in: 0...UInt32.max, using: &rng),
            address: pick(["127.0.0.1", "::1", "2001:db8::1", "host.local"]), port: UInt16(int(0...65535)),
            kind: pick([.host, .serverReflexive, .peerReflexive, .relay, .other("x-kind")]),
            relatedAddress: maybe { $0.pick(["0.0.0.0", "::"]) }, relatedPort: maybe { UInt16($0.int(0...65535)) },
            extensions: (0..<int(0...3)).map { _ in
                ICECandidate.Extension(name: pick(extensionNames), value: word())
            })
    }
}
