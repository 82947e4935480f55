/// Why an SDP document, line or attribute value was rejected.
///
/// Wire: carries the 1-based line number (when the error came from a whole document), the kind of fault,
/// and the offending line's text (cut to 120 characters) so logs can show what arrived.
/// - SeeAlso: RFC 8866 §5 (field order and syntax), RFC 8839 §5.1 (candidate grammar).
public struct SDPParseError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kind of fault found.
    public enum Kind: Hashable, Sendable {
        /// The input has no lines at all.
        case empty
        /// The first line is not `v=` (RFC 8866 §5.1: the first field is the protocol version).
        case missingVersion
        /// `v=` holds something other than `0`.
        case unsupportedVersion
        /// A line is not `<letter>=<value>` (RFC 8866 §5: `<type>=<value>`, type is one letter).
        case malformedLine
        /// The `o=` line is missing or out of place (it must be the second line).
        case missingOrigin
        /// The `o=` line does not have six fields with numeric session id and version.
        case badOrigin
        /// The `s=` line is missing or out of place (it must be the third line).
        case missingSessionName
        /// No `t=` line before the first `m=` line.
        case missingTiming
        /// `t=` is not two decimal numbers.
        case badTiming
        /// The document has no `m=` line (a WebRTC offer or answer always has one).
        case missingMedia
        /// The `m=` line is not `<media> <port>[/<count>] <proto> <fmt> ...`.
        case badMediaLine
        /// A `c=` line is not `<nettype> <addrtype> <address>`, or a section has two.
        case badConnection
        /// A known attribute has a value that does not follow its grammar; the payload names it.
        case badAttribute(String)
        /// An `a=candidate` value does not follow RFC 8839 §5.1; the payload says which part.
        case badCandidate(String)
    }

    /// The kind of fault.
    public var kind: Kind
    /// The 1-based line number in the document, or `nil` when a single value was parsed on its own.
    public var line: Int?
    /// The offending line or value, cut to 120 characters.
    public var text: String

    /// Creates an error of `kind` about `text`, optionally at a 1-based `line`.
    public init(_ kind: Kind, line: Int? = nil, text: some StringProtocol) {
        self.kind = kind
        self.line = line
        self.text = String(text.prefix(120))
    }

    /// Creates an error of `kind` with no text, optionally at a 1-based `line`.
    public init(_ kind: Kind, line: Int? = nil) {
        self.init(kind, line: line, text: "")
    }

    /// "line 7: bad m= line: `m=audio x`" style message.
    public var description: String {
        let place = line.map { "line \($0): " } ?? ""
        return "\(place)\(kind) in `\(text)`"
    }

    /// The same error located at `line` with the whole line's `text` (used by the document parser).
    func located(at line: Int, text: some StringProtocol) -> SDPParseError {
        SDPParseError(kind, line: line, text: text)
    }
}
