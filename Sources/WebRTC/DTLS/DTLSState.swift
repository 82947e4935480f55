/// The life of one DTLS association.
///
/// `new` → `connecting` (on `start()` or the first datagram) → `connected` (handshake done, fingerprint
/// checked, SRTP keys exported) → `closed` (close_notify sent or received). Any error → `failed`.
/// - SeeAlso: Janus `janus_dtls_state` / the `dtls` field of webrtc events (type 16, subtype 5).
public enum DTLSState: String, Sendable, Hashable {
    /// Created, handshake not started.
    case new
    /// Handshake in progress.
    case connecting
    /// Handshake finished and the peer's certificate matched its fingerprint.
    case connected
    /// The handshake or the association failed; see `DTLSTransport.failure`.
    case failed
    /// A close_notify alert was sent or received (RFC 5246 §7.2.1).
    case closed

    /// The string Janus puts in the `dtls` field of its DTLS event: `created`, `trying`,
    /// `connected`, `failed`; `nil` for `closed`, for which Janus has no DTLS state (it reports a
    /// hangup with reason "DTLS alert" instead).
    public var janusName: String? {
        switch self {
        case .new: "created"
        case .connecting: "trying"
        case .connected: "connected"
        case .failed: "failed"
        case .closed: nil
        }
    }
}
