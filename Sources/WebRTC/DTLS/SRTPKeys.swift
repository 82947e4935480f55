/// The SRTP master keys exported from a finished DTLS-SRTP handshake.
///
/// Wire: `SSL_export_keying_material` with label "EXTRACTOR-dtls_srtp", no context, length
/// 2 × (key + salt), laid out as client key | server key | client salt | server salt
/// (RFC 5764 §4.2). Each property here is key‖salt for one direction, the form `SRTPSession` takes.
/// - Units: bytes; `profile.masterLength` bytes each.
public struct SRTPKeys: Sendable, Equatable {
    /// The negotiated protection profile (RFC 5764 §4.1.2, RFC 7714 §14.2).
    public var profile: SRTPProfile
    /// Key‖salt we protect our outgoing SRTP/SRTCP with.
    public var localMasterKey: [UInt8]
    /// Key‖salt the peer protects its packets with; we unprotect with it.
    public var remoteMasterKey: [UInt8]

    /// Creates a key set.
    public init(profile: SRTPProfile, localMasterKey: [UInt8], remoteMasterKey: [UInt8]) {
        self.profile = profile
        self.localMasterKey = localMasterKey
        self.remoteMasterKey = remoteMasterKey
    }

    /// Splits exported keying material for `role` (RFC 5764 §4.2); `nil` if its length is not
    /// exactly 2 × `profile.masterLength`.
    init?(profile: SRTPProfile, role: DTLSRole, material: [UInt8]) {
        let k = profile.keyLength, s = profile.saltLength
        guard material.count == 2 * (k + s) else { return nil }
        let client = Array(material[0..<k]) + Array(material[2 * k..<2 * k + s])
        let server = Array(material[k..<2 * k]) + Array(material[2 * k + s..<2 * k + 2 * s])
        self.init(profile: profile,
                  localMasterKey: role == .client ? client : server,
                  remoteMasterKey: role == .client ? server : client)
    }
}
