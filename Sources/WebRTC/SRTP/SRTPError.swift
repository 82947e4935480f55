import CSRTP

/// A libsrtp failure: the `srtp_err_status_t` code and its C name.
///
/// - Note: thrown through typed throws on the hot path, so nothing is boxed per packet.
/// - SeeAlso: libsrtp2 `srtp.h` (`srtp_err_status_t`).
public struct SRTPError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The raw `srtp_err_status_t` value.
    public let status: UInt32

    /// Wraps a libsrtp status.
    init(_ status: srtp_err_status_t) { self.status = status.rawValue }

    /// `srtp_err_status_auth_fail`: the authentication tag did not verify (tampered or wrong key).
    public static let authFail = SRTPError(srtp_err_status_auth_fail)
    /// `srtp_err_status_replay_fail`: the packet index was already seen.
    public static let replayFail = SRTPError(srtp_err_status_replay_fail)
    /// `srtp_err_status_replay_old`: the packet index is older than the replay window.
    public static let replayOld = SRTPError(srtp_err_status_replay_old)
    /// `srtp_err_status_bad_param`: a malformed packet or an unsupported parameter.
    public static let badParam = SRTPError(srtp_err_status_bad_param)

    /// The libsrtp constant name without its prefix, e.g. `auth_fail`.
    public var name: String {
        let names = [
            "ok", "fail", "bad_param", "alloc_fail", "dealloc_fail", "init_fail", "terminus",
            "auth_fail", "cipher_fail", "replay_fail", "replay_old", "algo_fail", "no_such_op",
            "no_ctx", "cant_check", "key_expired", "socket_err", "signal_err", "nonce_bad",
            "read_fail", "write_fail", "parse_err", "encode_err", "semaphore_err", "pfkey_err",
            "bad_mki", "pkt_idx_old", "pkt_idx_adv",
        ]
        return Int(status) < names.count ? names[Int(status)] : "unknown(\(status))"
    }

    /// `srtp_err_status_<name>` (<code>).
    public var description: String { "srtp_err_status_\(name) (\(status))" }
}
