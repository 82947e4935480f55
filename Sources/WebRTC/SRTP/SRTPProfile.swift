/// An SRTP protection profile negotiated through DTLS-SRTP `use_srtp`.
///
/// Wire: the DTLS-SRTP profile identifier (2 bytes in the `use_srtp` extension) and its
/// OpenSSL name (`SRTP_AES128_CM_SHA1_80`, `SRTP_AEAD_AES_128_GCM`, `SRTP_AEAD_AES_256_GCM`).
/// - Units: key and salt lengths are in bytes.
/// - SeeAlso: RFC 5764 §4.1.2 (AES-CM/HMAC-SHA1 profiles), RFC 7714 §14.2 (AEAD profiles).
public enum SRTPProfile: UInt16, Sendable, CaseIterable {
    /// AES-128 counter mode with an 80-bit HMAC-SHA1 tag (RFC 5764 §4.1.2, profile 0x0001).
    case aes128CmHmacSha1_80 = 0x0001
    /// AEAD AES-128-GCM with a 16-byte tag (RFC 7714 §14.2, profile 0x0007).
    case aeadAes128Gcm = 0x0007
    /// AEAD AES-256-GCM with a 16-byte tag (RFC 7714 §14.2, profile 0x0008).
    case aeadAes256Gcm = 0x0008

    /// Our preference order for `use_srtp`: GCM first, as Janus does, then AES-CM.
    public static let preferenceOrder: [SRTPProfile] = [.aeadAes256Gcm, .aeadAes128Gcm, .aes128CmHmacSha1_80]

    /// The DTLS-SRTP profile name as OpenSSL's `SSL_CTX_set_tlsext_use_srtp` spells it.
    public var dtlsName: String {
        switch self {
        case .aes128CmHmacSha1_80: "SRTP_AES128_CM_SHA1_80"
        case .aeadAes128Gcm: "SRTP_AEAD_AES_128_GCM"
        case .aeadAes256Gcm: "SRTP_AEAD_AES_256_GCM"
        }
    }

    /// Master key length in bytes (16, or 32 for AES-256-GCM).
    public var keyLength: Int {
        switch self {
        case .aes128CmHmacSha1_80, .aeadAes128Gcm: 16
        case .aeadAes256Gcm: 32
        }
    }

    /// Master salt length in bytes: 14 for AES-CM (RFC 3711 §8.2), 12 for AEAD (RFC 7714 §8.2).
    public var saltLength: Int {
        switch self {
        case .aes128CmHmacSha1_80: 14
        case .aeadAes128Gcm, .aeadAes256Gcm: 12
        }
    }

    /// Key plus salt: the length of the DTLS-SRTP master key‖salt `SRTPSession` takes, in bytes.
    public var masterLength: Int { keyLength + saltLength }

    /// Creates a profile from its DTLS-SRTP name, or `nil` for a profile we do not support.
    public init?(dtlsName: String) {
        guard let match = SRTPProfile.allCases.first(where: { $0.dtlsName == dtlsName }) else { return nil }
        self = match
    }

    /// A short name for command lines: `gcm256`, `gcm128` or `cm80`.
    public var shortName: String {
        switch self {
        case .aes128CmHmacSha1_80: "cm80"
        case .aeadAes128Gcm: "gcm128"
        case .aeadAes256Gcm: "gcm256"
        }
    }

    /// Creates a profile from its `shortName`, or `nil` for any other text.
    public init?(shortName: String) {
        guard let match = SRTPProfile.allCases.first(where: { $0.shortName == shortName }) else { return nil }
        self = match
    }
}
