// The document parser: splits lines, checks the v= o= s= t= order, and routes lines to sections.
extension SessionDescription {
    /// Parses an SDP document. A missing line is reported at the line number where it was expected
    /// (one past the end when the document stops early), with that line's text or "". Lines may end in CRLF or LF; a final line ending is optional.
    /// - Throws: `SDPParseError` with the 1-based line number: `.empty`, `.missingVersion`,
    ///   `.unsupportedVersion`, `.malformedLine`, `.missingOrigin`, `.badOrigin`, `.missingSessionName`,
    ///   `.missingTiming`, `.badTiming`, `.badConnection`, `.badMediaLine`, `.badAttribute`,
    ///   `.badCandidate`, or `.missingMedia` (a document without `m=` has no use in WebRTC).
    /// - SeeAlso: RFC 8866 §5 (order of fields), §9 (grammar).
    public init(parsing text: some StringProtocol) throws(SDPParseError) {
        let lines = Self.splitLines(String(text))
        guard !lines.isEmpty else { throw SDPParseError(.empty) }
        var typed: [(type: Character, value: Substring)] = []
        for (index, line) in lines.enumerated() {
            guard let entry = Self.typeAndValue(line) else {
                throw SDPParseError(.malformedLine, line: index + 1, text: line)
            }
            typed.append(entry)
        }
        try self.init(typedLines: typed, lines: lines)
    }

    private init(typedLines typed: [(type: Character, value: Substring)], lines: [Substring]) throws(SDPParseError) {
        func fail(_ kind: SDPParseError.Kind, _ index: Int) -> SDPParseError {
            SDPParseError(kind, line: index + 1, text: index < lines.count ? lines[index] : "")
        }
        guard typed[0].type == "v" else { throw fail(.missingVersion, 0) }
        guard typed[0].value == "0" else { throw fail(.unsupportedVersion, 0) }
        guard typed.count > 1, typed[1].type == "o" else { throw fail(.missingOrigin, 1) }
        do {
            self.init(origin: try SessionOrigin(parsing: typed[1].value))
        } catch { throw error.located(at: 2, text: lines[1]) }
        guard typed.count > 2, typed[2].type == "s" else { throw fail(.missingSessionName, 2) }
        sessionName = String(typed[2].value)
        var index = 3
        var sawTiming = false
        while index < typed.count, typed[index].type != "m" {
            do {
                try addSessionLine(typed[index], sawTiming: &sawTiming)
            } catch { throw error.located(at: index + 1, text: lines[index]) }
            index += 1
        }
        guard sawTiming else { throw fail(.missingTiming, index) }
        guard index < typed.count else { throw fail(.missingMedia, typed.count) }
        while index < typed.count {
            do {
                if typed[index].type == "m" {
                    media.append(try MediaDescription(parsingMediaLine: typed[index].value))
                } else {
                    try media[media.count - 1].addLine(typed[index])
                }
            } catch { throw error.located(at: index + 1, text: lines[index]) }
            index += 1
        }
    }

    private mutating func addSessionLine(
        _ line: (type: Character, value: Substring), sawTiming: inout Bool
    ) throws(SDPParseError) {
        switch line.type {
        case "t" where !sawTiming:
            timing = try SessionTiming(parsing: line.value)
            sawTiming = true
        case "c":
            guard connection == nil else { throw SDPParseError(.badConnection) }
            connection = try ConnectionData(parsing: line.value)
        case "a":
            attributes.append(try SDPAttribute(parsing: line.value))
        case "v", "o", "s":
            throw SDPParseError(.malformedLine)
        default:
            otherLines.append(SDPLine(type: line.type, value: String(line.value)))
        }
    }

    /// Splits on LF, drops one trailing CR per line, and drops the empty piece after a final line ending.
    /// Works on UTF-8 bytes because `"\r\n"` is a single `Character`; LF and CR are ASCII, so every cut
    /// is on a scalar boundary.
    static func splitLines(_ text: String) -> [Substring] {
        let whole = Substring(text)
        let bytes = whole.utf8
        var pieces: [Substring] = []
        var start = bytes.startIndex
        var i = bytes.startIndex
        func cut(_ end: String.Index) {
            var last = end
            if last > start, bytes[bytes.index(before: last)] == 0x0D { last = bytes.index(before: last) }
            pieces.append(whole[start..<last])
        }
        while i != bytes.endIndex {
            if bytes[i] == 0x0A {
                cut(i)
                start = bytes.index(after: i)
            }
            i = bytes.index(after: i)
        }
        if start != bytes.endIndex { cut(bytes.endIndex) }
        return pieces
    }

    /// `<letter>=<value>` → (letter, value); nil when the line is not of that shape.
    static func typeAndValue(_ line: Substring) -> (type: Character, value: Substring)? {
        let bytes = line.utf8
        var iterator = bytes.makeIterator()
        guard let letter = iterator.next(), iterator.next() == 0x3D,
              (0x41...0x5A).contains(letter) || (0x61...0x7A).contains(letter)
        else { return nil }
        let valueStart = bytes.index(bytes.startIndex, offsetBy: 2)
        return (Character(Unicode.Scalar(letter)), line[valueStart...])
    }
}

extension MediaDescription {
    /// Adds one non-`m=` line of this section.
    mutating func addLine(_ line: (type: Character, value: Substring)) throws(SDPParseError) {
        switch line.type {
        case "c":
            guard connection == nil else { throw SDPParseError(.badConnection) }
            connection = try ConnectionData(parsing: line.value)
        case "a":
            attributes.append(try SDPAttribute(parsing: line.value))
        case "v", "o", "s", "t":
            throw SDPParseError(.malformedLine)
        default:
            otherLines.append(SDPLine(type: line.type, value: String(line.value)))
        }
    }
}
