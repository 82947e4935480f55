import Testing
@testable import SDP
import TestSupport

/// Bad documents throw an `SDPParseError` naming the fault and line, and no input traps.
@Suite struct SessionDescriptionErrorTests {
    static let minimal = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 0\r\n"

    private func error(_ text: String) -> SDPParseError? {
        do {
            _ = try SessionDescription(parsing: text)
            return nil
        } catch { return error }
    }

    @Test("a minimal document parses and round-trips")
    func minimalParses() throws {
        let sdp = try SessionDescription(parsing: Self.minimal)
        #expect(sdp.media.count == 1)
        #expect(sdp.serialized() == Self.minimal)
    }

    @Test("LF, mixed and missing final line endings parse; output is always CRLF")
    func lineEndings() throws {
        let lf = Self.minimal.replacing("\r\n", with: "\n")
        let mixed = "v=0\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\nt=0 0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 0"
        for text in [lf, mixed, String(Self.minimal.dropLast()) /* "\r\n" is one Character */] {
            #expect(try SessionDescription(parsing: text).serialized() == Self.minimal)
        }
    }

    @Test("empty input throws .empty")
    func emptyInput() {
        #expect(error("")?.kind == .empty)
        #expect(error("\r\n")?.kind == .malformedLine)
    }

    @Test("a document not starting with v= throws .missingVersion on line 1")
    func missingVersion() {
        let e = error("o=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\n")
        #expect(e?.kind == .missingVersion)
        #expect(e?.line == 1)
        #expect(error("v=1\r\n")?.kind == .unsupportedVersion)
    }

    @Test("missing o=, s=, t= and m= lines are named, with the line where they were expected")
    func missingLines() {
        #expect(error("v=0\r\ns=-\r\n") == SDPParseError(.missingOrigin, line: 2, text: "s=-"))
        #expect(error("v=0\r\n") == SDPParseError(.missingOrigin, line: 2, text: ""))
        #expect(error("v=0\r\no=- 1 2 IN IP4 ::1\r\nt=0 0\r\n")?.kind == .missingSessionName)
        #expect(error("v=0\r\no=- 1 2 IN IP4 ::1\r\ns=-\r\nm=audio 9 RTP/AVP 0\r\n")?.kind == .missingTiming)
        let noMedia = error("v=0\r\no=- 1 2 IN IP4 ::1\r\ns=-\r\nt=0 0\r\na=ice-lite\r\n")
        #expect(noMedia?.kind == .missingMedia)
        #expect(noMedia?.line == 6)
    }

    @Test("bad o=, t=, c= and m= lines throw their kind with the line number")
    func badFields() {
        #expect(error("v=0\r\no=- x 2 IN IP4 ::1\r\n") == SDPParseError(.badOrigin, line: 2, text: "o=- x 2 IN IP4 ::1"))
        #expect(error("v=0\r\no=- 1 2 IN IP4\r\n")?.kind == .badOrigin)
        #expect(error("v=0\r\no=- 1 2 IN IP4 ::1\r\ns=-\r\nt=0\r\n")?.kind == .badTiming)
        let badM = error(Self.minimal.replacing("m=audio 9", with: "m=audio x"))
        #expect(badM?.kind == .badMediaLine)
        #expect(badM?.line == 5)
        #expect(badM?.text == "m=audio x UDP/TLS/RTP/SAVPF 0")
        #expect(error(Self.minimal.replacing("SAVPF 0", with: "SAVPF"))?.kind == .badMediaLine)
        #expect(error(Self.minimal + "c=IN IP4\r\n")?.kind == .badConnection)
        #expect(error(Self.minimal + "c=IN IP4 ::1\r\nc=IN IP4 ::1\r\n")?.kind == .badConnection)
    }

    @Test("a bad candidate and a bad known attribute name the line")
    func badAttributes() {
        let candidate = error(Self.minimal + "a=candidate:1 1 udp 5 127.0.0.1 99999 typ host\r\n")
        #expect(candidate?.kind == .badCandidate("port"))
        #expect(candidate?.line == 6)
        #expect(error(Self.minimal + "a=rtpmap:96 opus\r\n")?.kind == .badAttribute("rtpmap"))
        #expect(error(Self.minimal + "a=setup:sometimes\r\n")?.kind == .badAttribute("setup"))
        #expect(error(Self.minimal + "a=fingerprint:sha-256 AB:C\r\n")?.kind == .badAttribute("fingerprint"))
        #expect(error(Self.minimal + "a=sctp-port:-1\r\n")?.kind == .badAttribute("sctp-port"))
        #expect(error(Self.minimal + "a=extmap:1/sideways urn:x\r\n")?.kind == .badAttribute("extmap"))
        #expect(error(Self.minimal + "a=ssrc:4294967296 cname:x\r\n")?.kind == .badAttribute("ssrc"))
    }

    @Test("lines that are not <letter>=<value> throw .malformedLine; a second v= too")
    func malformedLines() {
        #expect(error(Self.minimal + "garbage\r\n")?.kind == .malformedLine)
        #expect(error(Self.minimal + "=x\r\n")?.kind == .malformedLine)
        #expect(error(Self.minimal + "\r\na=x\r\n") == SDPParseError(.malformedLine, line: 6, text: ""))
        #expect(error(Self.minimal + Self.minimal)?.kind == .malformedLine)
    }

    @Test("unknown attributes and lines are kept verbatim")
    func unknownKeptVerbatim() throws {
        let extra = "b=AS:30\r\na=x-custom: spaced  value\r\na=flag\r\na=rtcp-mux:odd\r\na=fmtp:webrtc-datachannel x=1\r\n"
        let sdp = try SessionDescription(parsing: Self.minimal + extra)
        #expect(sdp.serialized() == Self.minimal + extra)
        #expect(sdp.media[0].otherLines == [SDPLine(type: "b", value: "AS:30")])
        #expect(sdp.media[0].attributes == [
            .other(name: "x-custom", value: " spaced  value"), .other(name: "flag", value: nil),
            .other(name: "rtcp-mux", value: "odd"), .other(name: "fmtp", value: "webrtc-datachannel x=1"),
        ])
    }

    @Test("every line prefix of every fixture parses or throws, never traps", arguments: Fixture.names)
    func everyLinePrefix(name: String) throws {
        let lines = try Fixture.text(name).split(separator: "\r\n", omittingEmptySubsequences: false)
        var parsed = 0
        for count in 0...lines.count {
            let prefix = lines.prefix(count).joined(separator: "\r\n")
            if (try? SessionDescription(parsing: prefix)) != nil { parsed += 1 }
        }
        let firstMedia = try #require(lines.firstIndex { $0.hasPrefix("m=") })
        // Prefixes with at least the first m= line parse; shorter ones throw.
        #expect(parsed == lines.count + 1 - (firstMedia + 1))
    }

    @Test("every character prefix of the aiortc offer parses or throws")
    func everyCharacterPrefix() throws {
        let text = try Fixture.text("aiortc-trickle-offer.sdp")
        var thrown = 0
        for end in text.indices {
            do { _ = try SessionDescription(parsing: text[..<end]) } catch { thrown += 1 }
        }
        #expect(thrown > 0)
    }

    @Test("5000 seeded garbage and mutated documents never trap")
    func garbageNeverTraps() throws {
        var rng = SplitMix64(seed: 0x5D9)
        let base = Array(try Fixture.text("chrome-156-offer.sdp").unicodeScalars)
        let alphabet = Array("v=0 oacmst:/\r\n-*19aZ\u{0}\u{FFFD}é".unicodeScalars)
        var parsed = 0
        for round in 0..<5000 {
            var scalars = round % 2 == 0 ? base : []
            let edits = Int.random(in: 1...40, using: &rng)
            for _ in 0..<edits {
                let scalar = alphabet.randomElement(using: &rng)!
                if scalars.isEmpty || Bool.random(using: &rng) {
                    scalars.insert(scalar, at: Int.random(in: 0...scalars.count, using: &rng))
                } else {
                    scalars[Int.random(in: 0..<scalars.count, using: &rng)] = scalar
                }
            }
            var text = ""
            text.unicodeScalars.append(contentsOf: scalars)
            if (try? SessionDescription(parsing: text)) != nil { parsed += 1 }
        }
        #expect(parsed < 5000)
    }
}
