import COpenSSL

/// The `SSL_CTX` shared by every DTLS association of the gateway.
///
/// `DTLS_method()` with DTLS 1.2 as the minimum version; our certificate and key; the `use_srtp`
/// extension offering `profiles` in order (default: AEAD AES-256-GCM, AEAD AES-128-GCM,
/// AES128_CM_SHA1_80, GCM first as Janus does; as the server, OpenSSL picks by *our* order);
/// a peer certificate is required (`SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT`) and the
/// verify callback accepts it only if it matches the peer's SDP fingerprints (RFC 8122 §5);
/// read-ahead on; `SSL_OP_NO_QUERY_MTU` (the MTU is set per association, see `DTLSTransport.mtu`);
/// no session cache and no tickets (no resumption).
/// - Important: `@unchecked Sendable`: the `SSL_CTX` is configured in `init` and never changed, so
///   creating `SSL` objects from it on any thread is safe.
/// - SeeAlso: RFC 6347, RFC 5764 §4.1, RFC 7714 §14.2, RFC 8827 §6.5.
public final class DTLSContext: @unchecked Sendable {
    /// The certificate presented in every handshake.
    public let certificate: DTLSCertificate
    /// The SRTP profiles offered, most preferred first.
    public let profiles: [SRTPProfile]
    /// The first retransmission timeout of a handshake flight, in microseconds; it doubles on each
    /// retransmission up to 60 s (RFC 6347 §4.2.4.1: "an initial timer value of 1 second").
    public let initialRetransmitTimeout: UInt32
    /// The `SSL_CTX*`; owned, freed in `deinit`.
    let ctx: OpaquePointer

    /// Creates the shared context.
    ///
    /// - Parameters:
    ///   - certificate: ours, from `DTLSCertificate.generate()` or PEM files.
    ///   - profiles: SRTP profiles to offer/accept, most preferred first (non-empty); pass
    ///     `[.aes128CmHmacSha1_80]` to force AES-CM.
    ///   - initialRetransmitTimeout: microseconds before the first retransmission (Janus
    ///     `media.dtls_timeout`, default 1 s); must be > 0.
    /// - Throws: `DTLSError.contextSetup` with OpenSSL's error text.
    public init(certificate: DTLSCertificate, profiles: [SRTPProfile] = SRTPProfile.preferenceOrder,
                initialRetransmitTimeout: UInt32 = 1_000_000) throws(DTLSError) {
        guard !profiles.isEmpty else { throw DTLSError(.contextSetup, "no SRTP profile to offer") }
        guard initialRetransmitTimeout > 0 else { throw DTLSError(.contextSetup, "initial retransmit timeout is 0") }
        ERR_clear_error()
        guard let ctx = SSL_CTX_new(DTLS_method()) else { throw Self.setupError("SSL_CTX_new") }
        self.ctx = ctx
        self.certificate = certificate
        self.profiles = profiles
        self.initialRetransmitTimeout = initialRetransmitTimeout
        try configure(profiles: profiles)
    }

    deinit { SSL_CTX_free(ctx) }

    private func configure(profiles: [SRTPProfile]) throws(DTLSError) {
        // SSL_CTX_set_min_proto_version and SSL_CTX_set_read_ahead are SSL_CTX_ctrl macros.
        guard SSL_CTX_ctrl(ctx, SSL_CTRL_SET_MIN_PROTO_VERSION, Int(DTLS1_2_VERSION), nil) == 1 else {
            throw Self.setupError("minimum version DTLS 1.2")
        }
        _ = SSL_CTX_ctrl(ctx, SSL_CTRL_SET_READ_AHEAD, 1, nil)
        _ = SSL_CTX_set_options(ctx, Self.noQueryMTU | Self.noTicket)
        // No resumption: every handshake is a full one, so every peer certificate meets the
        // fingerprint check, and the shared context does not collect sessions.
        _ = SSL_CTX_ctrl(ctx, SSL_CTRL_SET_SESS_CACHE_MODE, Int(SSL_SESS_CACHE_OFF), nil)
        guard SSL_CTX_use_certificate(ctx, certificate.x509) == 1,
              SSL_CTX_use_PrivateKey(ctx, certificate.privateKey) == 1,
              SSL_CTX_check_private_key(ctx) == 1
        else { throw Self.setupError("certificate/key") }
        SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT, DTLSCallbacks.verify)
        SSL_CTX_set_info_callback(ctx, DTLSCallbacks.info)
        // Returns 0 on success, unlike most of OpenSSL.
        let list = profiles.map(\.dtlsName).joined(separator: ":")
        guard SSL_CTX_set_tlsext_use_srtp(ctx, list) == 0 else { throw Self.setupError("use_srtp \(list)") }
    }

    /// `SSL_OP_NO_QUERY_MTU` (`SSL_OP_BIT(12)`, a macro Swift cannot import).
    static let noQueryMTU: UInt64 = 1 << 12
    /// `SSL_OP_NO_TICKET` (`SSL_OP_BIT(14)`): no session tickets.
    static let noTicket: UInt64 = 1 << 14

    private static func setupError(_ step: String) -> DTLSError {
        DTLSError(.contextSetup, "\(step): " + OpenSSLSupport.drainErrors(fallback: "failed"))
    }
}
