/// Why a DTLS certificate, context or association failed, or why a received datagram was dropped.
///
/// A struct wrapping a `Code` so new failure kinds can be added without breaking callers; `message`
/// is human-readable and, for OpenSSL failures, carries the `ERR_error_string_n` text.
/// - SeeAlso: RFC 6347 (DTLS 1.2), RFC 5764 (DTLS-SRTP), RFC 8122 §5 (fingerprints).
public struct DTLSError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kind of failure.
    public enum Code: String, Sendable, Equatable {
        /// Generating the key pair or self-signed certificate failed.
        case certificateGeneration
        /// A certificate or key file does not exist or cannot be read.
        case fileNotFound
        /// A certificate PEM file could not be parsed.
        case certificateLoad
        /// A private key PEM file could not be parsed or decrypted (wrong passphrase), or does not
        /// belong to the certificate.
        case privateKeyLoad
        /// Creating or configuring the `SSL_CTX` or `SSL` object failed.
        case contextSetup
        /// The peer certificate does not match an `a=fingerprint` line (RFC 8122 §5).
        case fingerprintMismatch
        /// None of the peer's `a=fingerprint` lines uses a hash function we support.
        case noSupportedFingerprint
        /// The handshake finished without a peer certificate.
        case noPeerCertificate
        /// The peer sent a fatal alert (RFC 5246 §7.2).
        case alertReceived
        /// OpenSSL reported a handshake error (the text is in `message`).
        case handshakeFailed
        /// The peer did not negotiate any SRTP profile we offered (RFC 5764 §4.1.1).
        case noSRTPProfile
        /// `SSL_export_keying_material` failed (RFC 5764 §4.2).
        case keyExport
        /// A received datagram is not a well-formed sequence of DTLS records (RFC 6347 §4.1).
        case malformedRecord
    }

    /// The kind of failure.
    public let code: Code
    /// What happened, in words (includes OpenSSL's error text where there is one).
    public let message: String
    /// For `.fingerprintMismatch`: the hash functions of the peer's lines that did not match.
    public let mismatchedHashFunctions: [String]
    /// For fingerprint failures: the supported hash functions that were checked.
    public let checkedHashFunctions: [String]

    /// Creates an error.
    public init(_ code: Code, _ message: String, mismatched: [String] = [], checked: [String] = []) {
        self.code = code
        self.message = message
        self.mismatchedHashFunctions = mismatched
        self.checkedHashFunctions = checked
    }

    /// `<code>: <message>`.
    public var description: String { "\(code.rawValue): \(message)" }
}
