import COpenSSL

extension DTLSTransport {
    /// Runs `SSL_do_handshake` after new input; on success checks the peer and exports the keys.
    func advanceHandshake() {
        ERR_clear_error()
        let result = SSL_do_handshake(ssl)
        if result == 1 {
            completeHandshake()
            if state == .connected { readRecords() } // records that came in the same datagram
            return
        }
        let error = SSL_get_error(ssl, result)
        if closeNotifyReceived || error == SSL_ERROR_ZERO_RETURN {
            ERR_clear_error()
            setState(.closed)
        } else if error == SSL_ERROR_WANT_READ, verifyFailure == nil, peerAlert == nil {
            return // waiting for the peer's next flight
        } else {
            fail(verifyFailure ?? peerAlert ?? DTLSError(
                .handshakeFailed, OpenSSLSupport.drainErrors(fallback: "SSL_do_handshake: SSL_get_error \(error)")))
        }
    }

    /// After `SSL_do_handshake` succeeded: fingerprint check again on the final peer certificate
    /// (RFC 8122 §5), negotiated profile, key export (RFC 5764 §4.2), then `.connected`.
    private func completeHandshake() {
        guard let peer = SSL_get1_peer_certificate(ssl) else {
            return failAfterHandshake(DTLSError(.noPeerCertificate, "the peer sent no certificate"))
        }
        defer { X509_free(peer) }
        if let mismatch = FingerprintVerifier.check(peer, against: peerFingerprints) {
            return failAfterHandshake(mismatch)
        }
        guard let selected = SSL_get_selected_srtp_profile(ssl),
              let profile = SRTPProfile(rawValue: UInt16(truncatingIfNeeded: selected.pointee.id))
        else {
            let offered = context.profiles.map(\.dtlsName).joined(separator: ", ")
            return failAfterHandshake(DTLSError(.noSRTPProfile, "no SRTP profile negotiated (offered \(offered))"))
        }
        var material = [UInt8](repeating: 0, count: 2 * profile.masterLength)
        let label = "EXTRACTOR-dtls_srtp"
        guard SSL_export_keying_material(ssl, &material, material.count, label, label.utf8.count, nil, 0, 0) == 1,
              let keys = SRTPKeys(profile: profile, role: role, material: material)
        else {
            return failAfterHandshake(DTLSError(.keyExport, OpenSSLSupport.drainErrors(fallback: "SSL_export_keying_material failed")))
        }
        srtpKeys = keys
        setState(.connected)
    }

    /// OpenSSL thinks the handshake is done but we refuse it: tell the peer, then fail.
    private func failAfterHandshake(_ error: DTLSError) {
        sendCloseNotify()
        fail(error)
    }

    /// Reads records after the handshake: application data (no consumer yet: counted and dropped),
    /// the peer's close_notify (→ `.closed`, answered with ours), retransmitted Finished (OpenSSL
    /// resends its last flight itself). Bounded by a fixed number of records per call.
    func readRecords() {
        var buffer = [UInt8](repeating: 0, count: 2048)
        for _ in 0..<64 {
            ERR_clear_error()
            let count = SSL_read(ssl, &buffer, Int32(buffer.count))
            if count > 0 {
                counters.applicationDataBytesDropped += Int(count)
                continue
            }
            let error = SSL_get_error(ssl, count)
            if error == SSL_ERROR_WANT_READ || error == SSL_ERROR_WANT_WRITE { return }
            if error == SSL_ERROR_ZERO_RETURN || closeNotifyReceived {
                sendCloseNotify()
                setState(.closed)
            } else if let peerAlert {
                fail(peerAlert)
            } else {
                // A record OpenSSL could not use (forged, truncated, replayed) from the peer's address:
                // RFC 6347 §4.1.2.7 says to discard invalid records, not to end the association.
                counters.badRecords += 1
                ERR_clear_error()
            }
            return
        }
    }

    /// `SSL_shutdown`: writes our close_notify alert (once; OpenSSL refuses a second one).
    func sendCloseNotify() {
        ERR_clear_error()
        _ = SSL_shutdown(ssl)
        ERR_clear_error()
    }

    /// Records `error` and moves to `.failed`.
    func fail(_ error: DTLSError) {
        failure = error
        ERR_clear_error()
        setState(.failed)
    }

    /// Moves to `new` and tells the delegate, once per actual change.
    func setState(_ new: DTLSState) {
        guard new != state else { return }
        state = new
        delegate?.dtlsTransport(self, didChangeState: new)
    }

    /// One datagram from the write BIO: count it and hand it to the delegate.
    func emit(_ datagram: UnsafeRawBufferPointer) {
        counters.datagramsSent += 1
        delegate?.dtlsTransport(self, send: datagram)
    }

    /// From the verify callback: `true` if the peer certificate matches its SDP fingerprints.
    func verifyPeer(_ certificate: OpaquePointer) -> Bool {
        if let mismatch = FingerprintVerifier.check(certificate, against: peerFingerprints) {
            verifyFailure = mismatch
            return false
        }
        return true
    }

    /// From the info callback: the peer sent an alert (RFC 5246 §7.2: level 1 warning, 2 fatal).
    func noteAlertReceived(level: Int32, description: Int32) {
        counters.alertsReceived += 1
        if description == 0 { // close_notify
            closeNotifyReceived = true
        } else if level == 2 {
            let text = String(cString: SSL_alert_desc_string_long(level << 8 | description))
            peerAlert = DTLSError(.alertReceived, "fatal alert from the peer: \(text) (\(description))")
        }
    }

    /// From the info callback: we sent an alert.
    func noteAlertSent() { counters.alertsSent += 1 }
}
