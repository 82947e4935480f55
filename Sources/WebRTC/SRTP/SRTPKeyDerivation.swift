/// SRTP session keys, derived from a master key and salt with the AES-CM PRF (RFC 3711 §4.3),
/// once per session (key_derivation_rate 0, so r = 0 and the index plays no part).
///
/// The PRF is AES-CM keyed with the master key, run from IV = x × 2^16 where
/// x = (label × 2^48) XOR master_salt (the salt right-aligned in 112 bits). AES-256-GCM uses the
/// AES-256-CM PRF (RFC 7714 §11, RFC 6188 §3); the AEAD profiles' 96-bit master salt is padded
/// with two zero bytes on the right to 112 bits, as libsrtp does.
struct SRTPSessionKeys: Sendable {
    /// The six labels of RFC 3711 §4.3.1 / §4.3.2.
    enum Label: UInt8 {
        case rtpEncryption = 0x00, rtpAuthentication = 0x01, rtpSalt = 0x02
        case rtcpEncryption = 0x03, rtcpAuthentication = 0x04, rtcpSalt = 0x05
    }

    /// Keys for one of RTP or RTCP.
    struct Keys: Sendable {
        /// The cipher key: 16 or 32 bytes.
        var encryption: [UInt8]
        /// The session salt: 14 bytes (AES-CM) or 12 (AEAD).
        var salt: [UInt8]
        /// The HMAC-SHA1 key (20 bytes, RFC 3711 §8.2), empty for the AEAD profiles.
        var authentication: [UInt8]
    }

    var rtp: Keys
    var rtcp: Keys

    /// Session keys given directly (RFC 7714 §16/§17 vectors are stated this way).
    init(rtp: Keys, rtcp: Keys) {
        self.rtp = rtp
        self.rtcp = rtcp
    }

    /// Derives all six keys for `profile` from `masterKey` (key‖salt, `profile.masterLength` bytes).
    /// - Throws: `.badParam` for a wrong length, `.cipherFail` if OpenSSL fails.
    init(profile: SRTPProfile, masterKey: [UInt8]) throws(SRTPError) {
        guard masterKey.count == profile.masterLength else { throw .badParam }
        let key = Array(masterKey[..<profile.keyLength])
        let salt = Array(masterKey[profile.keyLength...])
        let authLength = profile == .aes128CmHmacSha1_80 ? 20 : 0
        // One PRF context keyed with the master key serves all six labels.
        let prf = try SRTPCipherContext(.aesCounter, key: key)
        func keys(_ encryption: Label, _ authentication: Label, _ saltLabel: Label) throws(SRTPError) -> Keys {
            Keys(
                encryption: try Self.derive(prf, masterSalt: salt, label: encryption, length: profile.keyLength),
                salt: try Self.derive(prf, masterSalt: salt, label: saltLabel, length: profile.saltLength),
                authentication: try Self.derive(prf, masterSalt: salt, label: authentication, length: authLength))
        }
        rtp = try keys(.rtpEncryption, .rtpAuthentication, .rtpSalt)
        rtcp = try keys(.rtcpEncryption, .rtcpAuthentication, .rtcpSalt)
    }

    /// The AES-CM PRF output for one label: `length` bytes of keystream from IV = x‖0x0000.
    /// - Parameters:
    ///   - masterKey: 16 or 32 bytes (AES-128-CM or AES-256-CM PRF).
    ///   - masterSalt: up to 14 bytes, padded on the right with zeros to 14.
    static func derive(masterKey: [UInt8], masterSalt: [UInt8], label: Label, length: Int) throws(SRTPError) -> [UInt8] {
        try derive(SRTPCipherContext(.aesCounter, key: masterKey), masterSalt: masterSalt, label: label, length: length)
    }

    /// The same with a PRF context already keyed with the master key.
    private static func derive(
        _ prf: SRTPCipherContext, masterSalt: [UInt8], label: Label, length: Int
    ) throws(SRTPError) -> [UInt8] {
        guard length > 0 else { return [] }
        guard masterSalt.count <= 14 else { throw .badParam }
        // label × 2^48 within the 112-bit x is byte 7 of 14.
        // Setup only: scratch for the counter block (16 bytes) and the output.
        let scratch = UnsafeMutableRawPointer.allocate(byteCount: 16 + length, alignment: 16)
        defer {
            scratch.initializeMemory(as: UInt8.self, repeating: 0, count: 16 + length)
            scratch.deallocate()
        }
        scratch.initializeMemory(as: UInt8.self, repeating: 0, count: 16 + length)
        scratch.copyMemory(from: masterSalt, byteCount: masterSalt.count)
        scratch.storeBytes(of: scratch.load(fromByteOffset: 7, as: UInt8.self) ^ label.rawValue, toByteOffset: 7, as: UInt8.self)
        try prf.applyCounterMode(iv: scratch, data: scratch + 16, count: length)
        return [UInt8](UnsafeRawBufferPointer(start: scratch + 16, count: length))
    }
}
