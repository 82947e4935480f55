import COpenSSL

/// The `@convention(c)` callbacks OpenSSL calls during `SSL_do_handshake`/`SSL_read`.
///
/// None captures context: each finds its `DTLSTransport` through ex-data index 0 of the `SSL`
/// (`SSL_set_app_data`), set unretained by the transport, which outlives its `SSL`. They run
/// synchronously inside the transport's own OpenSSL calls, so on the transport's thread.
enum DTLSCallbacks {
    /// The transport whose `SSL` this is (ex-data index 0), if one is attached.
    static func transport(of ssl: OpaquePointer?) -> DTLSTransport? {
        guard let ssl, let raw = SSL_get_ex_data(ssl, 0) else { return nil }
        return Unmanaged<DTLSTransport>.fromOpaque(raw).takeUnretainedValue()
    }

    /// `SSL_verify_cb`: accepts the self-signed peer certificate (depth 0) only if it matches the
    /// peer's SDP fingerprints; a mismatch fails the handshake with a bad_certificate alert.
    static let verify: @convention(c) (Int32, OpaquePointer?) -> Int32 = { _, store in
        guard let store, X509_STORE_CTX_get_error_depth(store) == 0 else { return 1 }
        let raw = X509_STORE_CTX_get_ex_data(store, SSL_get_ex_data_X509_STORE_CTX_idx())
        guard let raw, let transport = DTLSCallbacks.transport(of: OpaquePointer(raw)),
              let certificate = X509_STORE_CTX_get_current_cert(store)
        else { return 0 }
        return transport.verifyPeer(certificate) ? 1 : 0
    }

    /// `SSL_CTX_set_info_callback`: counts alerts each way and records what the peer sent.
    static let info: @convention(c) (OpaquePointer?, Int32, Int32) -> Void = { ssl, whereBits, value in
        guard whereBits & SSL_CB_ALERT != 0, let transport = DTLSCallbacks.transport(of: ssl) else { return }
        if whereBits & SSL_CB_READ != 0 {
            transport.noteAlertReceived(level: value >> 8, description: value & 0xFF)
        } else {
            transport.noteAlertSent()
        }
    }

    /// `DTLS_timer_cb`: the first timeout is the context's initial value, then it doubles, capped at
    /// 60 s (RFC 6347 §4.2.4.1). Units: microseconds.
    static let timer: @convention(c) (OpaquePointer?, UInt32) -> UInt32 = { ssl, previous in
        if previous == 0 { return DTLSCallbacks.transport(of: ssl)?.context.initialRetransmitTimeout ?? 1_000_000 }
        return min(previous.multipliedReportingOverflow(by: 2).partialValue, 60_000_000)
    }
}
