/// An `a=fingerprint` attribute: the hash of the DTLS certificate the peer will present.
///
/// Wire: `a=fingerprint:<hash-func> <hex bytes separated by ':'>`, e.g. `a=fingerprint:sha-256 DB:B9:...`.
/// Several lines may appear (one per hash function). Hex is written uppercase; lowercase is accepted.
/// - SeeAlso: RFC 8122 §5; RFC 8842 §5.
public struct Fingerprint: Hashable, Sendable {
    /// The hash function token as written, e.g. `sha-256` (compare case-insensitively).
    public var hashFunction: String
    /// The digest bytes, e.g. 32 bytes for sha-256.
    public var bytes: [UInt8]

    /// Creates a fingerprint.
    public init(hashFunction: String, bytes: [UInt8]) {
        self.hashFunction = hashFunction
        self.bytes = bytes
    }

    /// Parses the attribute value (after `fingerprint:`).
    /// - Throws: `SDPParseError` `.badAttribute("fingerprint")` on a missing hash function or a digest
    ///   that is not pairs of hex digits separated by `:`.
    public init(parsing value: some StringProtocol) throws(SDPParseError) {
        func error() -> SDPParseError { SDPParseError(.badAttribute("fingerprint"), text: value) }
        let f = Tokens.fields(value)
        guard f.count == 2, Tokens.isWord(f[0]) else { throw error() }
        var bytes: [UInt8] = []
        for pair in f[1].split(separator: ":", omittingEmptySubsequences: false) {
            let digits = Array(pair.utf8)
            guard digits.count == 2, let high = Self.nibble(digits[0]), let low = Self.nibble(digits[1]) else {
                throw error()
            }
            bytes.append(high << 4 | low)
        }
        self.init(hashFunction: String(f[0]), bytes: bytes)
    }

    /// The attribute value (after `fingerprint:`), uppercase hex.
    public var value: String {
        hashFunction + " " + bytes.map(Self.hex).joined(separator: ":")
    }

    private static func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case 0x30...0x39: c - 0x30
        case 0x41...0x46: c - 0x41 + 10
        case 0x61...0x66: c - 0x61 + 10
        default: nil
        }
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits: [Character] = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "A", "B", "C", "D", "E", "F"]
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }
}
