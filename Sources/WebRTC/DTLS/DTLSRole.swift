import SDP

/// Which side of the DTLS handshake we play.
///
/// RFC 5763 §5: "The endpoint that is the offerer MUST use the setup attribute value of
/// setup:actpass"; the answerer then chooses `active` (it becomes the DTLS client) or `passive`
/// (the DTLS server). Janus answers `a=setup:active`.
public enum DTLSRole: Sendable, Hashable {
    /// Sends the ClientHello: our SDP says `a=setup:active`.
    case client
    /// Waits for the ClientHello: our SDP says `a=setup:passive`.
    case server

    /// Maps our own `a=setup` value to a role: `active` → client, `passive` → server,
    /// `nil` for `actpass`/`holdconn` (not a decided role).
    public init?(localSetup: SetupRole) {
        switch localSetup {
        case .active: self = .client
        case .passive: self = .server
        case .actpass, .holdconn: return nil
        }
    }

    /// The `a=setup` value that announces this role in our SDP.
    public var localSetup: SetupRole { self == .client ? .active : .passive }
}
