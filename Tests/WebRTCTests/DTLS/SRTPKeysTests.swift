import Testing
@testable import WebRTC

@Suite struct SRTPKeysTests {
    /// RFC 5764 §4.2: client_write_SRTP_master_key | server_write_SRTP_master_key |
    /// client_write_SRTP_master_salt | server_write_SRTP_master_salt.
    @Test(arguments: SRTPProfile.allCases)
    func exportedMaterialSplitsAsRFC5764Says(profile: SRTPProfile) throws {
        let k = profile.keyLength, s = profile.saltLength
        let material = (0..<2 * (k + s)).map { UInt8($0) }
        let clientKey = Array(material[0..<k]), serverKey = Array(material[k..<2 * k])
        let clientSalt = Array(material[2 * k..<2 * k + s]), serverSalt = Array(material[(2 * k + s)...])
        let client = try #require(SRTPKeys(profile: profile, role: .client, material: material))
        let server = try #require(SRTPKeys(profile: profile, role: .server, material: material))
        #expect(client.localMasterKey == clientKey + clientSalt)
        #expect(client.remoteMasterKey == serverKey + serverSalt)
        #expect(server.localMasterKey == serverKey + serverSalt)
        #expect(server.remoteMasterKey == clientKey + clientSalt)
        #expect(SRTPKeys(profile: profile, role: .client, material: Array(material.dropLast())) == nil)
    }
}
