/// An `a=ssrc-group` attribute: SSRCs related by a semantics, e.g. `FID` (RTX) or `SIM` (simulcast).
///
/// Wire: `a=ssrc-group:<semantics> <ssrc-id> ...`, e.g. `a=ssrc-group:FID 3946120681 3688708719`
/// (for FID the first is the media SSRC and the second its retransmission SSRC, RFC 4588 §8.1).
/// - SeeAlso: RFC 5576 §4.2.
public struct SSRCGroup: Hashable, Sendable {
    /// The semantics token, e.g. `FID`.
    public var semantics: String
    /// The SSRCs in order.
    public var ssrcs: [UInt32]

    /// Creates an ssrc group.
    public init(semantics: String, ssrcs: [UInt32]) {
        self.semantics = semantics
        self.ssrcs = ssrcs
    }

    /// Parses the attribute value (after `ssrc-group:`).
    /// - Throws: `SDPParseError` `.badAttribute("ssrc-group")` on a missing semantics or a bad SSRC.
    public init(parsing value: some StringProtocol) throws(SDPParseError) {
        func error() -> SDPParseError { SDPParseError(.badAttribute("ssrc-group"), text: value) }
        let f = Tokens.fields(value)
        guard let first = f.first, Tokens.isWord(first) else { throw error() }
        var ssrcs: [UInt32] = []
        for item in f.dropFirst() {
            guard let ssrc = Tokens.decimal(item, as: UInt32.self) else { throw error() }
            ssrcs.append(ssrc)
        }
        self.init(semantics: String(first), ssrcs: ssrcs)
    }

    /// The attribute value (after `ssrc-group:`).
    public var value: String { ([semantics] + ssrcs.map(String.init)).joined(separator: " ") }
}
