import Testing
@testable import SDP

/// Truncated, mutated and garbled answers (Janus 1.1.2's real ones and `JSEPAnswerer`'s answer to our offer)
/// fed through parse + `negotiation(offer:answer:)` + `candidates(in:)`: each either negotiates or throws a
/// typed error (`SDPParseError` or `JSEPError`); nothing traps. Whatever negotiates is consistent with the
/// offer. The damage comes from `SDPMutations`, shared with the answerer's robustness tests.
@Suite struct JSEPOffererRobustnessTests {
    /// An offer and the text of an answer to it.
    struct Pair: Sendable, CustomTestStringConvertible {
        var offer: String
        var answer: String
        var testDescription: String { answer.isEmpty ? "JSEPAnswerer's answer to our offer" : answer }
        
    }

    /// Outcome counts of one batch.
    struct Tally {
        var negotiated = 0
        var parseErrors = 0
        var jsepErrors = 0
        var total: Int { negotiated + parseErrors + jsepErrors }
    }

    static let pairs = [
        Pair(offer: "aiortc-echotest-offer.sdp", answer: "janus-1.1.2-echotest-answer.sdp"),
        Pair(offer: "aiortc-trickle-offer.sdp", answer: "janus-1.1.2-trickle-answer.sdp"),
        Pair(offer: "", answer: ""),
    ]

    /// The offer and the answer text of `pair`; empty names mean our offer and `JSEPAnswerer`'s answer.
    private func load(_ pair: Pair) throws -> (SessionDescription, String) {
        guard !pair.offer.isEmpty else {
            let (offer, answer) = try OffererTestSupport.answered()
            return (offer, answer.sessionDescription.serialized())
        }
        return (try JSEPTestSupport.offer(pair.offer), try Fixture.text(pair.answer))
    }

    /// Parses `text` and negotiates it against `offer`, checking any result, and counts the outcome.
    private func feed(_ text: String, offer: SessionDescription, into tally: inout Tally) {
        let answer: SessionDescription
        do { answer = try SessionDescription(parsing: text) } catch {
            tally.parseErrors += 1
            return
        }
        let candidates = JSEPOfferer.candidates(in: answer)
        #expect(candidates.candidates.count == answer.media.map(\.candidates.count).reduce(0, +))
        do {
            let n = try JSEPOfferer.negotiation(offer: offer, answer: answer)
            #expect(n.media.map(\.mid) == offer.media.compactMap(\.mid))
            #expect(n.acceptedMedia.contains { $0.kind == .audio || $0.kind == .video })
            for media in n.acceptedMedia {
                if let pt = media.payloadType { #expect(offer.media[media.index].payloadTypes.contains(pt)) }
            }
            #expect(n.localSetup != n.peerSetup && [.active, .passive].contains(n.peerSetup))
            tally.negotiated += 1
        } catch {
            tally.jsepErrors += 1
        }
    }

    @Test("every line prefix of the answer: negotiates only when complete enough, never traps", arguments: pairs)
    func linePrefixes(pair: Pair) throws {
        let (offer, text) = try load(pair)
        let texts = SDPMutations.linePrefixes(of: text)
        var tally = Tally()
        for text in texts { feed(text, offer: offer, into: &tally) }
        #expect(tally.negotiated > 0 && tally.parseErrors > 0 && tally.jsepErrors > 0)
        #expect(tally.total == texts.count)
    }

    @Test("500 seeded line-level mutations per answer (drop, duplicate, swap, cut) never trap", arguments: pairs)
    func lineMutations(pair: Pair) throws {
        let (offer, text) = try load(pair)
        let texts = SDPMutations.lineMutations(of: text, seed: 0x0FFE5 &+ UInt64(pair.answer.utf8.count), count: 500)
        var tally = Tally()
        for text in texts { feed(text, offer: offer, into: &tally) }
        #expect(tally.total == 500)
        #expect(tally.negotiated > 0 && tally.jsepErrors > 0 && tally.parseErrors > 0)
    }

    @Test("3000 seeded character-level garblings of the answers never trap")
    func characterGarbage() throws {
        let loaded = try Self.pairs.map(load)
        let texts = SDPMutations.garblings(of: loaded.map(\.1), seed: 0xA115E3, count: 3000)
        var tally = Tally()
        for (round, text) in texts.enumerated() { feed(text, offer: loaded[round % loaded.count].0, into: &tally) }
        #expect(tally.total == 3000)
        #expect(tally.negotiated > 0 && tally.parseErrors > 0)
    }
}
