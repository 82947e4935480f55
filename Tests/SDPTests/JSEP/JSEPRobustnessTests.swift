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
        let lines = try Fixture.text(name).split(separator: "\r\n", omittingEmptySubsequences: false)
        var tally = Tally()
        for count in 0...lines.count {
            feed(lines.prefix(count).joined(separator: "\r\n"), into: &tally)
        }
        #expect(tally.answered > 0 && tally.parseErrors > 0 && tally.jsepErrors > 0)
        #expect(tally.answered + tally.parseErrors + tally.jsepErrors == lines.count + 1)
    }

    @Test("400 seeded line-level mutations per real offer (drop, duplicate, swap, cut) never trap",
          arguments: S.offers)
    func lineMutations(name: String) throws {
        var rng = SplitMix64(seed: 0x15E9 &+ UInt64(name.utf8.count))
        let base = try Fixture.text(name).split(separator: "\r\n").map(String.init)
        var tally = Tally()
        for _ in 0..<400 {
            var lines = base
            for _ in 0..<Int.random(in: 1...6, using: &rng) {
                let i = Int.random(in: 0..<lines.count, using: &rng)
                switch Int.random(in: 0..<4, using: &rng) {
                case 0 where lines.count > 1: lines.remove(at: i)
                case 1: lines.insert(lines[i], at: Int.random(in: 0...lines.count, using: &rng))
                case 2: lines.swapAt(i, Int.random(in: 0..<lines.count, using: &rng))
                default: lines[i] = String(lines[i].prefix(Int.random(in: 0...lines[i].count, using: &rng)))
                }
            }
            feed(lines.joined(separator: "\r\n"), into: &tally)
        }
        #expect(tally.answered + tally.parseErrors + tally.jsepErrors == 400)
        #expect(tally.answered > 0 && tally.jsepErrors + tally.parseErrors > 0)
    }

    @Test("3000 seeded character-level garblings of the real offers never trap")
    func characterGarbage() throws {
        var rng = SplitMix64(seed: 0xBADC0DE)
        let bases = try S.offers.map { Array(try Fixture.text($0).unicodeScalars) }
        let alphabet = Array(" :=/*-0179aAzm\r\n\u{0}\u{FFFD}é".unicodeScalars)
        var tally = Tally()
        for round in 0..<3000 {
            var scalars = bases[round % bases.count]
            for _ in 0..<Int.random(in: 1...12, using: &rng) {
                let at = Int.random(in: 0..<scalars.count, using: &rng)
                if Bool.random(using: &rng) {
                    scalars[at] = alphabet[Int.random(in: 0..<alphabet.count, using: &rng)]
                } else {
                    scalars.remove(at: at)
                }
            }
            var text = String.UnicodeScalarView()
            text.append(contentsOf: scalars)
            feed(String(text), into: &tally)
        }
        #expect(tally.answered + tally.parseErrors + tally.jsepErrors == 3000)
        #expect(tally.answered > 0 && tally.parseErrors > 0)
    }
}
