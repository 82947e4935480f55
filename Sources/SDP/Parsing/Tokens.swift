/// Small lexical helpers shared by the parsers: strict decimal numbers and single-space token splits.
enum Tokens {
    /// Parses 1 or more ASCII digits into `T`; nil on sign, other characters, empty input or overflow.
    /// (`Int("+5")` accepts a sign, which SDP's `1*DIGIT` grammar does not.)
    static func decimal<T: FixedWidthInteger>(_ text: some StringProtocol, as: T.Type = T.self) -> T? {
        var value: T = 0
        var sawDigit = false
        for byte in text.utf8 {
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            let (times, o1) = value.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times.addingReportingOverflow(T(byte - 0x30))
            if o1 || o2 { return nil }
            value = sum
            sawDigit = true
        }
        return sawDigit ? value : nil
    }

    /// Splits on single spaces, keeping empty tokens (so doubled spaces are visible as errors).
    /// Works on UTF-8 bytes: a space is ASCII, so every cut is on a scalar boundary.
    static func fields(_ text: some StringProtocol) -> [Substring] {
        let s = Substring(text)
        var out: [Substring] = []
        var start = s.startIndex
        var i = s.utf8.startIndex
        while i != s.utf8.endIndex {
            if s.utf8[i] == 0x20 {
                out.append(s[start..<i])
                start = s.utf8.index(after: i)
            }
            i = s.utf8.index(after: i)
        }
        out.append(s[start..<s.endIndex])
        return out
    }

    /// Splits `text` at the first ASCII `separator`: (`before`, `after`), or (`text`, nil) if absent.
    static func splitOnce(_ text: Substring, _ separator: Unicode.Scalar) -> (Substring, Substring?) {
        precondition(separator.isASCII, "only ASCII separators cut on scalar boundaries")
        guard let index = text.utf8.firstIndex(of: UInt8(separator.value)) else { return (text, nil) }
        return (text[..<index], text[text.utf8.index(after: index)...])
    }

    /// True when `text` is non-empty and free of spaces, tabs, CR and LF (an SDP `token`-ish word).
    static func isWord(_ text: some StringProtocol) -> Bool {
        !text.isEmpty && !text.utf8.contains { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D || $0 == 0x0A }
    }
}
