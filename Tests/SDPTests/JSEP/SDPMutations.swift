import TestSupport

/// Seeded damage to SDP text, shared by the answerer and offerer robustness tests: every line prefix,
/// line-level mutations (drop, duplicate, swap, cut) and character-level garbling. Each batch is
/// deterministic for its seed.
enum SDPMutations {
    /// `text` cut after 0, 1, ... all of its CRLF lines (`lines + 1` texts).
    static func linePrefixes(of text: String) -> [String] {
        let lines = text.split(separator: "\r\n", omittingEmptySubsequences: false)
        return (0...lines.count).map { lines.prefix($0).joined(separator: "\r\n") }
    }

    /// `count` copies of `text`, each with 1 to 6 line edits: drop a line, duplicate one elsewhere,
    /// swap two, or cut one short.
    static func lineMutations(of text: String, seed: UInt64, count: Int) -> [String] {
        var rng = SplitMix64(seed: seed)
        let base = text.split(separator: "\r\n").map(String.init)
        var out: [String] = []
        for _ in 0..<count {
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
            out.append(lines.joined(separator: "\r\n"))
        }
        return out
    }

    /// `count` texts taken from `texts` in turn, each with 1 to 12 scalars replaced by separators, digits,
    /// letters, CR, LF, NUL, U+FFFD or é, or removed.
    static func garblings(of texts: [String], seed: UInt64, count: Int) -> [String] {
        var rng = SplitMix64(seed: seed)
        let bases = texts.map { Array($0.unicodeScalars) }
        let alphabet = Array(" :=/*-0179aAzm\r\n\u{0}\u{FFFD}é".unicodeScalars)
        var out: [String] = []
        for round in 0..<count {
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
            out.append(String(text))
        }
        return out
    }
}
