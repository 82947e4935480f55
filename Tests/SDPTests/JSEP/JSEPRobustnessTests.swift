import Testing
@testable import SDP

/// Truncated, shuffled and garbled offers fed through parse + answer: each either parses and answers,
/// or throws a typed error (`SDPParseError` or `JSEPError`); nothing traps. Whatever answers is
/// well formed: it parses back, and its BUNDLE group lists exactly the accepted m-lines.
@Suite struct JSEPRobustnessTests {
    typealias S = JSEPTestSupport

    /// Outcome counts of one batch.
    struct Tally {
        var answered = 0
        var parseErrors = 0
        var jsepErrors = 0
    }

    /// Parses and answers `text`, checking any answer, and counts the outcome.
    private func feed(_ text: String, into tally: inout Tally) {
        let offer: SessionDescription
        do { offer = try SessionDescription(parsing: text) } catch {
            tally.parseErrors += 1
            return
        }
        do {
            let answer = try JSEPAnswerer(local: S.local).answer(to: offer)
            let description = answer.sessionDescription
            #expect((try? SessionDescription(parsing: description.serialized())) == description)
            #expect(description.groups.first?.mids == description.media.filter { $0.port != 0 }.compactMap(\.mid))
            #expect(description.media.count == offer.media.count)
            tally.answered += 1
        } catch {
            tally.jsepErrors += 1
        }
    }

    @Test("every line prefix of every real offer: answers once audio or video is complete enough, never traps",
          arguments: S.offers)
    func linePrefixes(name: String) throws {
        let texts = SDPMutations.linePrefixes(of: try Fixture.text(name))
        var tally = Tally()
        for text in texts { feed(text, into: &tally) }
        #expect(tally.answered > 0 && tally.parseErrors > 0 && tally.jsepErrors > 0)
        #expect(tally.answered + tally.parseErrors + tally.jsepErrors == texts.count)
    }

    @Test("400 seeded line-level mutations per real offer (drop, duplicate, swap, cut) never trap",
          arguments: S.offers)
    func lineMutations(name: String) throws {
        let texts = SDPMutations.lineMutations(
            of: try Fixture.text(name), seed: 0x15E9 &+ UInt64(name.utf8.count), count: 400)
        var tally = Tally()
        for text in texts { feed(text, into: &tally) }
        #expect(tally.answered + tally.parseErrors + tally.jsepErrors == 400)
        #expect(tally.answered > 0 && tally.jsepErrors + tally.parseErrors > 0)
    }

    @Test("3000 seeded character-level garblings of the real offers never trap")
    func characterGarbage() throws {
        let texts = SDPMutations.garblings(of: try S.offers.map(Fixture.text), seed: 0xBADC0DE, count: 3000)
        var tally = Tally()
        for text in texts { feed(text, into: &tally) }
        #expect(tally.answered + tally.parseErrors + tally.jsepErrors == 3000)
        #expect(tally.answered > 0 && tally.parseErrors > 0)
    }
}
