/// The `a=setup` attribute: which side opens the DTLS (or TCP) connection.
///
/// RFC 5763 §5: "The endpoint that is the offerer MUST use the setup attribute value of setup:actpass";
/// the answerer picks `active` (it is the DTLS client) or `passive`.
/// - SeeAlso: RFC 4145 §4; RFC 8842 §5.
public enum SetupRole: String, Hashable, Sendable, CaseIterable {
    /// Opens the connection (DTLS client).
    case active
    /// Waits for the connection (DTLS server).
    case passive
    /// Either; what an offer says.
    case actpass
    /// Neither, for now.
    case holdconn
}
