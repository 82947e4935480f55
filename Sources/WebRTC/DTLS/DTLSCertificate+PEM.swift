import COpenSSL

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension DTLSCertificate {
    /// Loads a certificate and its private key from PEM files, as Janus does for
    /// janus.jcfg `certificates.cert_pem`, `cert_key` and `cert_pwd`.
    ///
    /// - Parameters:
    ///   - certificatePEMPath: path of the PEM certificate (the first certificate in it is used).
    ///   - keyPEMPath: path of the PEM private key (PKCS#8 or traditional, optionally encrypted).
    ///   - passphrase: the key's passphrase, or `nil` for an unencrypted key (never prompts).
    /// - Throws: `DTLSError.fileNotFound` (names the path), `.certificateLoad`, or `.privateKeyLoad`
    ///   (unparseable, wrong passphrase, or a key that does not belong to the certificate).
    public convenience init(certificatePEMPath: String, keyPEMPath: String, passphrase: String?) throws(DTLSError) {
        let (x509, key) = try Self.load(certificatePEMPath: certificatePEMPath, keyPEMPath: keyPEMPath,
                                        passphrase: passphrase)
        self.init(x509: x509, privateKey: key)
    }

    /// Reads both files and checks they belong together; the caller owns the returned pointers.
    /// (Kept out of the convenience init: Swift 6.3.1 crashes on do/catch there.)
    private static func load(certificatePEMPath: String, keyPEMPath: String,
                             passphrase: String?) throws(DTLSError) -> (OpaquePointer, OpaquePointer) {
        let x509 = try readCertificate(path: certificatePEMPath)
        let key: OpaquePointer
        do {
            key = try readPrivateKey(path: keyPEMPath, passphrase: passphrase)
        } catch {
            X509_free(x509)
            throw error
        }
        guard X509_check_private_key(x509, key) == 1 else {
            ERR_clear_error()
            X509_free(x509)
            EVP_PKEY_free(key)
            throw DTLSError(.privateKeyLoad,
                            "\(keyPEMPath): the private key does not match the certificate \(certificatePEMPath)")
        }
        return (x509, key)
    }

    /// The certificate as PEM text ("-----BEGIN CERTIFICATE-----").
    public var certificatePEM: String {
        OpenSSLSupport.withMemoryBIO { PEM_write_bio_X509($0, x509) == 1 } ?? ""
    }

    /// The private key as PKCS#8 PEM text; encrypted with AES-256-CBC when `passphrase` is given.
    /// - Important: this is secret material; write it only to files the gateway owns.
    public func privateKeyPEM(passphrase: String? = nil) -> String {
        OpenSSLSupport.withMemoryBIO { bio in
            guard let passphrase else {
                return PEM_write_bio_PKCS8PrivateKey(bio, privateKey, nil, nil, 0, nil, nil) == 1
            }
            var bytes = Array(passphrase.utf8CString)
            return PEM_write_bio_PKCS8PrivateKey(bio, privateKey, EVP_aes_256_cbc(), &bytes,
                                                 Int32(bytes.count - 1), nil, nil) == 1
        } ?? ""
    }

    private static func openForReading(_ path: String, what: String) throws(DTLSError) -> OpaquePointer {
        guard access(path, R_OK) == 0 else {
            let reason = String(cString: strerror(errno))
            throw DTLSError(.fileNotFound, "\(what) file \(path): \(reason)")
        }
        ERR_clear_error()
        guard let bio = BIO_new_file(path, "r") else {
            throw DTLSError(.fileNotFound, "\(what) file \(path): " + OpenSSLSupport.drainErrors(fallback: "cannot open"))
        }
        return bio
    }

    private static func readCertificate(path: String) throws(DTLSError) -> OpaquePointer {
        let bio = try openForReading(path, what: "certificate")
        defer { BIO_free(bio) }
        guard let x509 = PEM_read_bio_X509(bio, nil, nil, nil) else {
            throw DTLSError(.certificateLoad, "\(path): " + OpenSSLSupport.drainErrors(fallback: "no PEM certificate"))
        }
        return x509
    }

    private static func readPrivateKey(path: String, passphrase: String?) throws(DTLSError) -> OpaquePointer {
        let bio = try openForReading(path, what: "private key")
        defer { BIO_free(bio) }
        // Always pass our own callback: OpenSSL's default one would prompt on the terminal.
        var bytes = passphrase.map { Array($0.utf8CString) }
        let key = bytes.withOptionalPointer { PEM_read_bio_PrivateKey(bio, nil, passphraseCallback, $0) }
        guard let key else {
            throw DTLSError(.privateKeyLoad, "\(path): " + OpenSSLSupport.drainErrors(fallback: "no PEM private key"))
        }
        return key
    }
}

/// `pem_password_cb`: copies the NUL-terminated passphrase passed as user data; none → 0 (fail).
private let passphraseCallback: @convention(c) (UnsafeMutablePointer<CChar>?, Int32, Int32, UnsafeMutableRawPointer?) -> Int32 = {
    buffer, size, _, userData in
    guard let buffer, let userData else { return 0 }
    let passphrase = userData.assumingMemoryBound(to: CChar.self)
    let length = min(Int(strlen(passphrase)), Int(size))
    buffer.update(from: passphrase, count: length)
    return Int32(length)
}

extension Optional where Wrapped == [CChar] {
    /// Calls `body` with a pointer to the array's bytes, or `nil`.
    fileprivate mutating func withOptionalPointer<R>(_ body: (UnsafeMutableRawPointer?) -> R) -> R {
        guard var array = self else { return body(nil) }
        defer { self = array }
        return array.withUnsafeMutableBytes { body($0.baseAddress) }
    }
}
