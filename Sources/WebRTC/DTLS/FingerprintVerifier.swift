import COpenSSL
import SDP

/// Checks a peer certificate against the `a=fingerprint` lines of its SDP.
///
/// RFC 8122 §5: "each certificate used [must match] one fingerprint out of that set. If a
/// certificate does not match any such fingerprint, the endpoint MUST NOT establish the TLS
/// connection." RFC 8827 §6.5 makes the check mandatory for WebRTC. We check every hash function
/// we support (aiortc sends sha-256, sha-384 and sha-512 together): for each one, the certificate
/// must match one of the lines using it; lines with other hash functions are skipped; at least one
/// hash function must be supported.
enum FingerprintVerifier {
    /// `nil` when the certificate passes, else a `.fingerprintMismatch` or
    /// `.noSupportedFingerprint` error naming the hash functions checked.
    static func check(_ x509: OpaquePointer, against lines: [Fingerprint]) -> DTLSError? {
        var checked: [String] = []
        var mismatched: [String] = []
        for line in lines {
            let name = line.hashFunction.lowercased()
            guard !checked.contains(name), OpenSSLSupport.digest(named: name) != nil else { continue }
            checked.append(name)
            let digest = OpenSSLSupport.certificateDigest(x509, hashFunction: name)
            let candidates = lines.filter { $0.hashFunction.lowercased() == name }
            if digest == nil || !candidates.contains(where: { $0.bytes == digest }) {
                mismatched.append(name)
            }
        }
        let offered = lines.map(\.hashFunction)
        guard !checked.isEmpty else {
            return DTLSError(.noSupportedFingerprint,
                             "no a=fingerprint line with a supported hash function (offered: \(list(offered)))")
        }
        guard mismatched.isEmpty else {
            return DTLSError(.fingerprintMismatch,
                             "peer certificate does not match a=fingerprint \(list(mismatched)) (checked: \(list(checked)))",
                             mismatched: mismatched, checked: checked)
        }
        return nil
    }

    private static func list(_ names: [String]) -> String {
        names.isEmpty ? "none" : names.joined(separator: ", ")
    }
}
