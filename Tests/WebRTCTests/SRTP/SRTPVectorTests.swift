import Testing
@testable import WebRTC

/// Published test vectors: RFC 3711 Appendix B.2 and B.3, RFC 6188 §7.2, RFC 7714 §16 and §17.
@Suite struct SRTPVectorTests {
    // MARK: Key derivation

    @Test func rfc3711AppendixB3KeyDerivation() throws {
        let key = hexBytes("E1F97A0D3E018BE0D64FA32C06DE4139")
        let salt = hexBytes("0EC675AD498AFEEBB6960B3AABE6")
        #expect(try SRTPSessionKeys.derive(masterKey: key, masterSalt: salt, label: .rtpEncryption, length: 16)
            == hexBytes("C61E7A93744F39EE10734AFE3FF7A087"))
        #expect(try SRTPSessionKeys.derive(masterKey: key, masterSalt: salt, label: .rtpSalt, length: 14)
            == hexBytes("30CBBC08863D8C85D49DB34A9AE1"))
        // The appendix prints 94 bytes of the authentication PRF; HMAC-SHA1 uses the first 20.
        #expect(try SRTPSessionKeys.derive(masterKey: key, masterSalt: salt, label: .rtpAuthentication, length: 94)
            == hexBytes("""
                CEBE321F6FF7716B6FD4AB49AF256A15 6D38BAA48F0A0ACF3C34E2359E6CDBCE
                E049646C43D9327AD175578EF7227098 6371C10C9A369AC2F94A8C5FBCDDDC25
                6D6E919A48B610EF17C2041E47403576 6B68642C59BBFC2F34DB60DBDFB2
                """))
        let keys = try SRTPSessionKeys(profile: .aes128CmHmacSha1_80, masterKey: key + salt)
        #expect(keys.rtp.encryption == hexBytes("C61E7A93744F39EE10734AFE3FF7A087"))
        #expect(keys.rtp.salt == hexBytes("30CBBC08863D8C85D49DB34A9AE1"))
        #expect(keys.rtp.authentication == hexBytes("CEBE321F6FF7716B6FD4AB49AF256A156D38BAA4"))
        #expect(keys.rtcp.encryption != keys.rtp.encryption)   // labels 3..5 differ from 0..2
    }

    @Test func rfc6188AES256KeyDerivation() throws {
        let key = hexBytes("f0f04914b513f2763a1b1fa130f10e2998f6f6e43e4309d1e622a0e332b9f1b6")
        let salt = hexBytes("3b04803de51ee7c96423ab5b78d2")
        #expect(try SRTPSessionKeys.derive(masterKey: key, masterSalt: salt, label: .rtpEncryption, length: 32)
            == hexBytes("5ba1064e30ec51613cad926c5a28ef731ec7fb397f70a960653caf06554cd8c4"))
        #expect(try SRTPSessionKeys.derive(masterKey: key, masterSalt: salt, label: .rtpSalt, length: 14)
            == hexBytes("fa31791685ca444a9e07c6c64e93"))
        #expect(try SRTPSessionKeys.derive(masterKey: key, masterSalt: salt, label: .rtpAuthentication, length: 20)
            == hexBytes("fd9c32d39ed5fbb5a9dc96b30818454d1313dc05"))
    }

    // MARK: AES-CM keystream

    /// RFC 3711 B.2: session key 2B7E…, salt F0F1…FD, SSRC 0, index 0. Encrypting zeros through
    /// RTP protect yields the keystream; the segment is 65,282 blocks (1,044,512 bytes).
    @Test func rfc3711AppendixB2KeystreamThroughRTPProtect() throws {
        let keys = SRTPSessionKeys.Keys(
            encryption: hexBytes("2B7E151628AED2A6ABF7158809CF4F3C"),
            salt: hexBytes("F0F1F2F3F4F5F6F7F8F9FAFBFCFD"), authentication: [UInt8](repeating: 0, count: 20))
        let transform = try SRTPTransform(profile: .aes128CmHmacSha1_80, keys: keys)
        let header: [UInt8] = [0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]   // V=2, SEQ 0, SSRC 0
        let segment = 1_044_512
        var buffer = header + [UInt8](repeating: 0, count: segment + SRTPSession.trailerRoom)
        let length = try buffer.withUnsafeMutableBytes { (bytes) throws(SRTPError) -> Int in
            try transform.protectRTP(bytes.baseAddress!, length: 12 + segment, headerLength: 12, ssrc: 0, index: 0)
        }
        #expect(length == 12 + segment + 10)
        let keystream = buffer[12..<12 + segment]
        #expect(Array(keystream.prefix(48)) == hexBytes("""
            E03EAD0935C95E80E166B16DD92B4EB4 D23513162B02D0F72A43A2FE4A5F97AB 41E95B3BB0A2E8DD477901E4FCA894C0
            """))
        #expect(Array(keystream.suffix(48)) == hexBytes("""
            EC8CDF7398607CB0F2D21675EA9EA1E4 362B7C3C6773516318A077D7FC5073AE 6A2CC3787889374FBEB4C81B17BA6C44
            """))
    }

    // MARK: AEAD (RFC 7714)

    private static let key128 = hexBytes("000102030405060708090a0b0c0d0e0f")
    private static let key256 = hexBytes("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f")
    private static let salt = hexBytes("517569642070726f2071756f")   // "Quid pro quo"

    /// §16: header 8040f17b 8041f8d3 5501a0b2 (SEQ 0xf17b, SSRC 0x5501a0b2, ROC 0) and
    /// "Gallia est omnis divisa in partes tres".
    private static let rtp = hexBytes("""
        8040f17b 8041f8d3 5501a0b2
        47616c6c 69612065 7374206f 6d6e6973 20646976 69736120 696e2070 61727465 73207472 6573
        """)

    /// §17: an SR from SSRC "Mars" (the packet §17.1 to §17.4 encrypt).
    private static let rtcp = hexBytes("""
        81c8000d 4d617273 4e545031 4e545032 52545020 0000042a 0000e930 4c756e61
        deadbeef deadbeef deadbeef deadbeef deadbeef
        """)

    private func session(_ profile: SRTPProfile, _ direction: SRTPSession.Direction) throws -> SRTPSession {
        let keys = SRTPSessionKeys.Keys(
            encryption: profile == .aeadAes256Gcm ? Self.key256 : Self.key128, salt: Self.salt, authentication: [])
        return try SRTPSession(profile: profile, direction: direction, keys: SRTPSessionKeys(rtp: keys, rtcp: keys))
    }

    @Test(arguments: [
        (SRTPProfile.aeadAes128Gcm, """
            8040f17b8041f8d35501a0b2 f24de3a3fb34de6cacba861c9d7e4bcabe633bd50d294e6f42a5f47a51c7d19b36de3adf8833
            899d7f27beb16a9152cf765ee4390cce
            """),
        (SRTPProfile.aeadAes256Gcm, """
            8040f17b8041f8d35501a0b2 32b1de78a822fe12ef9f78fa332e33aab18012389a58e2f3b50b2a0276ffae0f1ba63799b87b
            7aa3db36dfffd6b0f9bb7878d7a76c13
            """),
    ])
    func rfc7714Section16RTP(profile: SRTPProfile, expectedHex: String) throws {
        let expected = hexBytes(expectedHex)
        let sender = try session(profile, .outbound)
        #expect(transformed(Self.rtp, sender.protectRTP) == .success(expected))
        let receiver = try session(profile, .inbound)
        #expect(transformed(expected, receiver.unprotectRTP) == .success(Self.rtp))
    }

    @Test(arguments: [
        (SRTPProfile.aeadAes128Gcm, """
            81c8000d4d617273 63e94885dcdab67ca727d7662f6b7e997ff5c0f76c06f32dc676a5f1730d6fda4ce09b4686303ded0bb9275b
            c84aa45896cf4d2fc5abf87245d9eade 800005d4
            """),
        (SRTPProfile.aeadAes256Gcm, """
            81c8000d4d617273 d50ae4d1f5ce5d304ba297e47d470c282c3ece5dbffe0a50a2eaa5c1110555be8415f658c61de0476f1b6fad
            1d1eb30c4446839f57ff6f6cb26ac3be 800005d4
            """),
    ])
    func rfc7714Section17RTCP(profile: SRTPProfile, expectedHex: String) throws {
        let expected = hexBytes(expectedHex)
        let sender = try session(profile, .outbound)
        // The vectors use SRTCP index 0x5d4; a session counts from 1, so call the transform with it.
        let protected = transformed(Self.rtcp) { (buffer, length) throws(SRTPError) -> Int in
            try sender.rtcpTransform.protectRTCP(buffer.baseAddress!, length: length, ssrc: 0x4d61_7273, index: 0x5d4)
        }
        #expect(protected == .success(expected))
        let receiver = try session(profile, .inbound)
        #expect(transformed(expected, receiver.unprotectRTCP) == .success(Self.rtcp))
        #expect(transformed(expected, receiver.unprotectRTCP) == .failure(.replayFail))
    }

    /// §17.3: E = 0, so the whole packet and the index word are AAD and only the tag is added.
    @Test func rfc7714Section17AuthenticatedOnlyRTCP() throws {
        let tagged = Self.rtcp + hexBytes("841dd9683dd78ec92ae58790125f62b3 000005d4")
        let receiver = try session(.aeadAes128Gcm, .inbound)
        #expect(transformed(tagged, receiver.unprotectRTCP) == .success(Self.rtcp))
        var tampered = tagged
        tampered[20] ^= 0x01
        let other = try session(.aeadAes128Gcm, .inbound)
        #expect(transformed(tampered, other.unprotectRTCP) == .failure(.authFail))
    }
}
