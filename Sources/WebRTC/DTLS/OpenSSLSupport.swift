import COpenSSL

/// Small helpers over OpenSSL 3 (error queue, digests, memory BIOs) shared by the DTLS types.
enum OpenSSLSupport {
    /// Drains this thread's OpenSSL error queue into one line (`ERR_error_string_n` texts joined
    /// by "; "), or `fallback` when the queue is empty.
    static func drainErrors(fallback: String) -> String {
        var texts: [String] = []
        // Bounded: the queue holds at most ERR_NUM_ERRORS (16) entries.
        for _ in 0..<32 {
            let code = ERR_get_error()
            if code == 0 { break }
            var buffer = [CChar](repeating: 0, count: 256)
            ERR_error_string_n(code, &buffer, buffer.count)
            texts.append(buffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) })
        }
        return texts.isEmpty ? fallback : texts.joined(separator: "; ")
    }

    /// The message digest for an RFC 8122 §5 hash function name (case-insensitive):
    /// sha-1, sha-224, sha-256, sha-384, sha-512. `nil` for anything else (md2, md5, unknown).
    static func digest(named hashFunction: String) -> OpaquePointer? {
        switch hashFunction.lowercased() {
        case "sha-1": EVP_sha1()
        case "sha-224": EVP_sha224()
        case "sha-256": EVP_sha256()
        case "sha-384": EVP_sha384()
        case "sha-512": EVP_sha512()
        default: nil
        }
    }

    /// The digest of a certificate's DER encoding (`X509_digest`), or `nil` for an unsupported
    /// hash function name.
    static func certificateDigest(_ x509: OpaquePointer, hashFunction: String) -> [UInt8]? {
        guard let md = digest(named: hashFunction) else { return nil }
        var out = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        guard X509_digest(x509, md, &out, &length) == 1 else { return nil }
        return Array(out[0..<Int(length)])
    }

    /// Runs `write` on a fresh memory BIO and returns what it wrote as text (`nil` if it failed).
    static func withMemoryBIO(_ write: (OpaquePointer) -> Bool) -> String? {
        guard let bio = BIO_new(BIO_s_mem()) else { return nil }
        defer { BIO_free(bio) }
        guard write(bio) else { return nil }
        var data: UnsafeMutablePointer<CChar>?
        // BIO_get_mem_data is a macro for BIO_ctrl(BIO_CTRL_INFO); it returns the length.
        let length = BIO_ctrl(bio, BIO_CTRL_INFO, 0, &data)
        guard length > 0, let data else { return nil }
        return String(decoding: UnsafeRawBufferPointer(start: data, count: length), as: UTF8.self)
    }
}
