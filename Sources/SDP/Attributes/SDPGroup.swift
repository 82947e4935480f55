/// An `a=group` attribute: m= sections grouped by a semantics, e.g. `BUNDLE` sharing one transport.
///
/// Wire: `a=group:<semantics> *(SP <mid>)`, e.g. `a=group:BUNDLE 0 1 2`.
/// - SeeAlso: RFC 5888 §5; RFC 9143 (BUNDLE).
public struct SDPGroup: Hashable, Sendable {
    /// The semantics token, e.g. `BUNDLE`, `LS`.
    public var semantics: String
    /// The `mid`s of the grouped sections, in order.
    public var mids: [String]

    /// Creates a group.
    public init(semantics: String, mids: [String]) {
        self.semantics = semantics
        self.mids = mids
    }

    /// Parses the attribute value (after `group:`).
    /// - Throws: `SDPParseError` `.badAttribute("group")` on a missing semantics or empty identifiers.
    public init(parsing value: some StringProtocol) throws(SDPParseError) {
        let f = Tokens.fields(value)
        guard f.allSatisfy(Tokens.isWord) else { throw SDPParseError(.badAttribute("group"), text: value) }
        self.init(semantics: String(f[0]), mids: f.dropFirst().map(String.init))
    }

    /// The attribute value (after `group:`).
    public var value: String { ([semantics] + mids).joined(separator: " ") }
}
