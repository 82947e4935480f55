import COpenSSL

/// One preallocated OpenSSL `EVP_CIPHER_CTX`, keyed once at setup; each packet re-initialises it
/// with only a new IV (`EVP_CipherInit_ex(ctx, NULL, NULL, NULL, iv, enc)`), which does not allocate.
///
/// AES-CTR serves AES-CM (RFC 3711 §4.1.1: the 128-bit counter is the IV; a packet is far below
/// 2^16 blocks, so OpenSSL's full-width increment equals SRTP's 16-bit one). AES-GCM serves the
/// AEAD profiles (RFC 7714 §5: 12-byte IV, 16-byte tag).
/// - Important: not thread-safe; owned by one `SRTPSession`.
final class SRTPCipherContext {
    /// Which cipher and key size.
    enum Algorithm {
        case aesCounter, aesGCM
    }

    /// GCM's tag length in bytes (RFC 7714 §14.2).
    static let gcmTagLength = 16

    private let context: OpaquePointer

    /// Creates and keys a context: AES-128 or AES-256 by `key.count` (16 or 32 bytes).
    /// - Throws: `.badParam` for another key length, `.cipherFail` if OpenSSL refuses.
    init(_ algorithm: Algorithm, key: [UInt8]) throws(SRTPError) {
        let cipher: OpaquePointer?
        switch (algorithm, key.count) {
        case (.aesCounter, 16): cipher = EVP_aes_128_ctr()
        case (.aesCounter, 32): cipher = EVP_aes_256_ctr()
        case (.aesGCM, 16): cipher = EVP_aes_128_gcm()
        case (.aesGCM, 32): cipher = EVP_aes_256_gcm()
        default: throw .badParam
        }
        guard let cipher, let context = EVP_CIPHER_CTX_new() else { throw .cipherFail }
        let keyed = key.withUnsafeBufferPointer { EVP_CipherInit_ex(context, cipher, nil, $0.baseAddress, nil, 1) }
        guard keyed == 1 else {
            EVP_CIPHER_CTX_free(context)
            ERR_clear_error()
            throw .cipherFail
        }
        self.context = context
    }

    deinit { EVP_CIPHER_CTX_free(context) }

    /// AES-CTR: XORs the keystream starting at counter block `iv` (16 bytes) over `count` bytes
    /// at `data`, in place (encryption and decryption are the same).
    func applyCounterMode(iv: UnsafeRawPointer, data: UnsafeMutableRawPointer, count: Int) throws(SRTPError) {
        guard EVP_CipherInit_ex(context, nil, nil, nil, iv.assumingMemoryBound(to: UInt8.self), 1) == 1 else {
            throw Self.failure()
        }
        try update(data, count: count)
    }

    /// AES-GCM encryption in place: authenticates `aad` then `aad2` (the AAD in two pieces, as
    /// SRTCP's header and index word are apart) and `data`, encrypts `data`, writes the 16-byte tag
    /// at `tag`. `iv` is 12 bytes.
    func seal(
        iv: UnsafeRawPointer, aad: UnsafeRawPointer, aadCount: Int, aad2: UnsafeRawPointer, aad2Count: Int,
        data: UnsafeMutableRawPointer, count: Int, tag: UnsafeMutableRawPointer
    ) throws(SRTPError) {
        try runGCM(encrypting: true, iv: iv, aad: aad, aadCount: aadCount, aad2: aad2, aad2Count: aad2Count, data: data, count: count)
        var written: Int32 = 0
        guard EVP_CipherFinal_ex(context, data.assumingMemoryBound(to: UInt8.self) + count, &written) == 1,
              EVP_CIPHER_CTX_ctrl(context, EVP_CTRL_GCM_GET_TAG, Int32(Self.gcmTagLength), tag) == 1
        else { throw Self.failure() }
    }

    /// AES-GCM decryption in place: decrypts `data` and verifies the 16-byte `tag` over `aad`,
    /// `aad2` and `data`. On `.authFail` the bytes at `data` are garbage; the caller drops the packet.
    func open(
        iv: UnsafeRawPointer, aad: UnsafeRawPointer, aadCount: Int, aad2: UnsafeRawPointer, aad2Count: Int,
        data: UnsafeMutableRawPointer, count: Int, tag: UnsafeMutableRawPointer
    ) throws(SRTPError) {
        try runGCM(encrypting: false, iv: iv, aad: aad, aadCount: aadCount, aad2: aad2, aad2Count: aad2Count, data: data, count: count)
        guard EVP_CIPHER_CTX_ctrl(context, EVP_CTRL_GCM_SET_TAG, Int32(Self.gcmTagLength), tag) == 1 else {
            throw Self.failure()
        }
        var written: Int32 = 0
        guard EVP_CipherFinal_ex(context, data.assumingMemoryBound(to: UInt8.self) + count, &written) == 1 else {
            ERR_clear_error()
            throw .authFail
        }
    }

    /// The part sealing and opening share: a new IV, the AAD in two pieces, then `data` in place.
    private func runGCM(
        encrypting: Bool, iv: UnsafeRawPointer, aad: UnsafeRawPointer, aadCount: Int, aad2: UnsafeRawPointer,
        aad2Count: Int, data: UnsafeMutableRawPointer, count: Int
    ) throws(SRTPError) {
        guard EVP_CipherInit_ex(context, nil, nil, nil, iv.assumingMemoryBound(to: UInt8.self), encrypting ? 1 : 0) == 1 else {
            throw Self.failure()
        }
        try addAAD(aad, count: aadCount)
        try addAAD(aad2, count: aad2Count)
        try update(data, count: count)
    }

    private func addAAD(_ aad: UnsafeRawPointer, count: Int) throws(SRTPError) {
        guard count > 0 else { return }
        var written: Int32 = 0
        guard EVP_CipherUpdate(context, nil, &written, aad.assumingMemoryBound(to: UInt8.self), Int32(count)) == 1 else {
            throw Self.failure()
        }
    }

    private func update(_ data: UnsafeMutableRawPointer, count: Int) throws(SRTPError) {
        guard count > 0 else { return }
        var written: Int32 = 0
        let bytes = data.assumingMemoryBound(to: UInt8.self)
        guard EVP_CipherUpdate(context, bytes, &written, bytes, Int32(count)) == 1, written == Int32(count) else {
            throw Self.failure()
        }
    }

    /// Empties OpenSSL's per-thread error queue (DTLS on the same thread reads it through
    /// `SSL_get_error`) and returns `.cipherFail`.
    private static func failure() -> SRTPError {
        ERR_clear_error()
        return .cipherFail
    }
}
