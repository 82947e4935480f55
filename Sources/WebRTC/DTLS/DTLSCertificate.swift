import COpenSSL
import SDP

/// Our DTLS certificate and private key: an ECDSA P-256 self-signed certificate generated at start,
/// or a pair loaded from PEM files (janus.jcfg `certificates.cert_pem`, `cert_key`, `cert_pwd`).
///
/// - Important: `@unchecked Sendable` because it holds `X509*` and `EVP_PKEY*`; both are immutable
///   after `init` and only read afterwards (OpenSSL takes its own reference when an `SSL_CTX` uses them).
/// - SeeAlso: RFC 8827 §6.5 (self-signed certificates for WebRTC), RFC 8122 §5 (fingerprints).
public final class DTLSCertificate: @unchecked Sendable {
    /// The `X509*`; owned, freed in `deinit`.
    let x509: OpaquePointer
    /// The `EVP_PKEY*` private key; owned, freed in `deinit`.
    let privateKey: OpaquePointer

    /// Takes ownership of a certificate and its key.
    init(x509: OpaquePointer, privateKey: OpaquePointer) {
        self.x509 = x509
        self.privateKey = privateKey
    }

    deinit {
        X509_free(x509)
        EVP_PKEY_free(privateKey)
    }

    /// Generates an ECDSA P-256 key and a self-signed X.509 v3 certificate signed with SHA-256:
    /// random 63-bit serial, subject = issuer = `CN=<commonName>`, valid from one day ago for 365 days.
    /// - Throws: `DTLSError.certificateGeneration` with OpenSSL's error text.
    public static func generate(commonName: String = "SwiftGate") throws(DTLSError) -> DTLSCertificate {
        ERR_clear_error()
        let key = try generateKey()
        guard let x509 = X509_new() else {
            EVP_PKEY_free(key)
            throw generationError("X509_new")
        }
        let certificate = DTLSCertificate(x509: x509, privateKey: key)
        var serial: UInt64 = 0
        _ = withUnsafeMutableBytes(of: &serial) { RAND_bytes($0.baseAddress?.assumingMemoryBound(to: UInt8.self), 8) }
        let name = X509_get_subject_name(x509)
        let ok = X509_set_version(x509, 2) == 1 // 2 means v3
            && ASN1_INTEGER_set_uint64(X509_get_serialNumber(x509), serial >> 1) == 1
            && X509_gmtime_adj(X509_getm_notBefore(x509), -86_400) != nil
            && X509_gmtime_adj(X509_getm_notAfter(x509), 365 * 86_400) != nil
            && X509_set_pubkey(x509, key) == 1
            && X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, commonName, -1, -1, 0) == 1
            && X509_set_issuer_name(x509, name) == 1
            && X509_sign(x509, key, EVP_sha256()) > 0
        guard ok else { throw generationError("building the certificate") }
        return certificate
    }

    /// EC P-256 through the EVP_PKEY_CTX path (`EVP_EC_gen` wraps a variadic function).
    private static func generateKey() throws(DTLSError) -> OpaquePointer {
        guard let ctx = EVP_PKEY_CTX_new_id(EVP_PKEY_EC, nil) else { throw generationError("EVP_PKEY_CTX_new_id") }
        defer { EVP_PKEY_CTX_free(ctx) }
        var key: OpaquePointer?
        guard EVP_PKEY_keygen_init(ctx) == 1,
              EVP_PKEY_CTX_set_ec_paramgen_curve_nid(ctx, NID_X9_62_prime256v1) == 1,
              EVP_PKEY_keygen(ctx, &key) == 1, let key
        else { throw generationError("EC P-256 key generation") }
        return key
    }

    private static func generationError(_ step: String) -> DTLSError {
        DTLSError(.certificateGeneration, "\(step): " + OpenSSLSupport.drainErrors(fallback: "failed"))
    }

    /// The digest of the DER certificate for an `a=fingerprint` line: hash function "sha-1",
    /// "sha-224", "sha-256", "sha-384" or "sha-512" (case-insensitive; RFC 8122 §5).
    /// Returns `nil` for an unknown or unsupported hash name. The returned `hashFunction` is lowercase.
    public func fingerprint(hashFunction: String) -> Fingerprint? {
        guard let bytes = OpenSSLSupport.certificateDigest(x509, hashFunction: hashFunction) else { return nil }
        return Fingerprint(hashFunction: hashFunction.lowercased(), bytes: bytes)
    }

    /// The fingerprints for our SDP answer: only sha-256, as Janus sends.
    public var fingerprints: [Fingerprint] { fingerprint(hashFunction: "sha-256").map { [$0] } ?? [] }

    /// The certificate in DER (the bytes fingerprints are computed over).
    public var derEncoded: [UInt8] {
        let length = i2d_X509(x509, nil)
        guard length > 0 else { return [] }
        var der = [UInt8](repeating: 0, count: Int(length))
        der.withUnsafeMutableBufferPointer { buffer in
            var cursor = buffer.baseAddress
            _ = i2d_X509(x509, &cursor)
        }
        return der
    }
}
