import CHMACSHA1
import COpenSSL

/// The per-packet cryptography of one profile for one of SRTP or SRTCP: its session keys, one
/// keyed cipher context and, for AES-CM, the keyed HMAC-SHA1. Knows nothing of streams, indices
/// or replay; `SRTPSession` supplies the SSRC and index. No allocation per packet.
///
/// - Important: not thread-safe; owned by one `SRTPSession`.
/// - SeeAlso: RFC 3711 §4.1.1 (AES-CM IV), §4.2 (HMAC-SHA1 over packet‖ROC), §3.4 (SRTCP);
///   RFC 7714 §8.1, §9.1 (GCM IVs), §8.2, §9.2, §10 (AAD).
final class SRTPTransform {
    /// True for the AEAD (GCM) profiles.
    let isAEAD: Bool
    /// The tag length in bytes: 10 (HMAC-SHA1-80) or 16 (GCM).
    let tagLength: Int
    private let cipher: SRTPCipherContext
    /// AES-CM: the 112-bit session salt × 2^16. GCM: the 96-bit salt in the low bits.
    private let salt: UInt128
    private let hmac: OpaquePointer?
    /// 64 bytes of scratch allocated once: IV at 0 (16 bytes, big-endian), ROC at 16, digest at 32.
    private let scratch: UnsafeMutableRawPointer

    /// Keys a transform. - Throws: `.badParam` for key lengths the profile does not use,
    /// `.cipherFail` if OpenSSL fails.
    init(profile: SRTPProfile, keys: SRTPSessionKeys.Keys) throws(SRTPError) {
        isAEAD = profile != .aes128CmHmacSha1_80
        guard keys.encryption.count == profile.keyLength, keys.salt.count == profile.saltLength else { throw .badParam }
        cipher = try SRTPCipherContext(isAEAD ? .aesGCM : .aesCounter, key: keys.encryption)
        let saltValue = keys.salt.reduce(UInt128(0)) { $0 << 8 | UInt128($1) }
        if isAEAD {
            tagLength = SRTPCipherContext.gcmTagLength
            salt = saltValue
            hmac = nil
        } else {
            tagLength = 10
            salt = saltValue << 16
            guard keys.authentication.count == 20,
                  let keyed = keys.authentication.withUnsafeBufferPointer({ sg_hmac_sha1_new($0.baseAddress, 20) })
            else { throw .cipherFail }
            hmac = keyed
        }
        scratch = .allocate(byteCount: 64, alignment: 16)
    }

    deinit {
        sg_hmac_sha1_free(hmac)
        scratch.initializeMemory(as: UInt8.self, repeating: 0, count: 64)
        scratch.deallocate()
    }

    /// Writes the IV for (`ssrc`, `index`) at `scratch` and returns where it starts (GCM: byte 4).
    /// AES-CM: (k_s × 2^16) XOR (SSRC × 2^64) XOR (i × 2^16). GCM: 00 00‖SSRC‖index XOR salt.
    private func iv(ssrc: UInt32, index: UInt64) -> UnsafeRawPointer {
        let value = isAEAD
            ? salt ^ UInt128(ssrc) << 48 ^ UInt128(index)
            : salt ^ UInt128(ssrc) << 64 ^ UInt128(index) << 16
        scratch.storeBytes(of: value.bigEndian, as: UInt128.self)
        return UnsafeRawPointer(scratch) + (isAEAD ? 4 : 0)
    }

    /// HMAC-SHA1 of `count` bytes at `data` followed by `suffix` (4 bytes at scratch + 16, or none);
    /// the 20-byte digest lands at scratch + 32.
    private func digest(_ data: UnsafeRawPointer, count: Int, withROC: Bool) -> UnsafeRawPointer {
        let bytes = scratch.assumingMemoryBound(to: UInt8.self)
        sg_hmac_sha1_compute(hmac, data.assumingMemoryBound(to: UInt8.self), count, bytes + 16, withROC ? 4 : 0, bytes + 32)
        return UnsafeRawPointer(scratch) + 32
    }

    /// Protects RTP at `packet` in place: encrypts after `headerLength`, appends the tag.
    /// - Returns: the SRTP length, `length + tagLength`.
    func protectRTP(_ packet: UnsafeMutableRawPointer, length: Int, headerLength: Int, ssrc: UInt32, index: UInt64) throws(SRTPError) -> Int {
        let iv = iv(ssrc: ssrc, index: index)
        if isAEAD {
            try cipher.seal(iv: iv, aad: packet, aadCount: headerLength, aad2: packet, aad2Count: 0,
                            data: packet + headerLength, count: length - headerLength, tag: packet + length)
        } else {
            try cipher.applyCounterMode(iv: iv, data: packet + headerLength, count: length - headerLength)
            scratch.storeBytes(of: UInt32(truncatingIfNeeded: index >> 16).bigEndian, toByteOffset: 16, as: UInt32.self)
            (packet + length).copyMemory(from: digest(packet, count: length, withROC: true), byteCount: tagLength)
        }
        return length + tagLength
    }

    /// Verifies and decrypts SRTP at `packet` in place (`length` includes the tag).
    /// - Returns: the RTP length. - Throws: `.authFail`, `.cipherFail`.
    func unprotectRTP(_ packet: UnsafeMutableRawPointer, length: Int, headerLength: Int, ssrc: UInt32, index: UInt64) throws(SRTPError) -> Int {
        let plainLength = length - tagLength
        let iv = iv(ssrc: ssrc, index: index)
        if isAEAD {
            try cipher.open(iv: iv, aad: packet, aadCount: headerLength, aad2: packet, aad2Count: 0,
                            data: packet + headerLength, count: plainLength - headerLength, tag: packet + plainLength)
        } else {
            scratch.storeBytes(of: UInt32(truncatingIfNeeded: index >> 16).bigEndian, toByteOffset: 16, as: UInt32.self)
            guard CRYPTO_memcmp(digest(packet, count: plainLength, withROC: true), packet + plainLength, tagLength) == 0 else {
                throw .authFail
            }
            // `iv` was written before the digest and scratch[0..<16] is untouched by it.
            try cipher.applyCounterMode(iv: iv, data: packet + headerLength, count: plainLength - headerLength)
        }
        return plainLength
    }

    /// Bytes SRTCP adds: the E‖index word and the tag.
    var rtcpOverhead: Int { tagLength + 4 }

    /// Where the E‖index word of an SRTCP packet of `length` bytes starts: after the tag for GCM
    /// (RFC 7714 §9.1), before it for AES-CM (RFC 3711 §3.4).
    func rtcpIndexOffset(length: Int) -> Int { isAEAD ? length - 4 : length - rtcpOverhead }

    /// Protects RTCP at `packet` in place with SRTCP `index` and E = 1 (encrypted).
    /// - Returns: the SRTCP length, `length + rtcpOverhead`.
    func protectRTCP(_ packet: UnsafeMutableRawPointer, length: Int, ssrc: UInt32, index: UInt32) throws(SRTPError) -> Int {
        let total = length + rtcpOverhead
        let wordOffset = rtcpIndexOffset(length: total)
        packet.storeBytes(of: (0x8000_0000 | index).bigEndian, toByteOffset: wordOffset, as: UInt32.self)
        let iv = iv(ssrc: ssrc, index: UInt64(index))
        if isAEAD {
            try cipher.seal(iv: iv, aad: packet, aadCount: 8, aad2: packet + wordOffset, aad2Count: 4,
                            data: packet + 8, count: length - 8, tag: packet + length)
        } else {
            try cipher.applyCounterMode(iv: iv, data: packet + 8, count: length - 8)
            (packet + length + 4).copyMemory(from: digest(packet, count: length + 4, withROC: false), byteCount: tagLength)
        }
        return total
    }

    /// Verifies and, when `encrypted` (the E flag), decrypts SRTCP in place; `length` includes the
    /// index word and tag. With E = 0 GCM authenticates the whole packet as AAD (RFC 7714 §10).
    /// - Returns: the RTCP length. - Throws: `.authFail`, `.cipherFail`.
    func unprotectRTCP(_ packet: UnsafeMutableRawPointer, length: Int, ssrc: UInt32, index: UInt32, encrypted: Bool) throws(SRTPError) -> Int {
        let plainLength = length - rtcpOverhead
        let wordOffset = rtcpIndexOffset(length: length)
        let iv = iv(ssrc: ssrc, index: UInt64(index))
        if isAEAD {
            let clear = encrypted ? 8 : plainLength
            try cipher.open(iv: iv, aad: packet, aadCount: clear, aad2: packet + wordOffset, aad2Count: 4,
                            data: packet + clear, count: plainLength - clear, tag: packet + plainLength)
        } else {
            guard CRYPTO_memcmp(digest(packet, count: plainLength + 4, withROC: false), packet + plainLength + 4, tagLength) == 0 else {
                throw .authFail
            }
            if encrypted { try cipher.applyCounterMode(iv: iv, data: packet + 8, count: plainLength - 8) }
        }
        return plainLength
    }
}
