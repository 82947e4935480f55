import Testing
import WebRTC

@Suite("SRTPProfile names")
struct SRTPProfileNameTests {
    @Test("every profile's short name and DTLS name lead back to it; other text gives nil")
    func roundTrip() {
        for profile in SRTPProfile.allCases {
            #expect(SRTPProfile(shortName: profile.shortName) == profile)
            #expect(SRTPProfile(dtlsName: profile.dtlsName) == profile)
        }
        #expect(SRTPProfile.allCases.map(\.shortName).sorted() == ["cm80", "gcm128", "gcm256"])
        #expect(SRTPProfile(shortName: "GCM256") == nil)
        #expect(SRTPProfile(shortName: "") == nil)
    }

    @Test("the loopback-only ICE configuration gathers on lo alone, IPv4, full ICE")
    func loopbackOnly() {
        let ice = ICEConfiguration.loopbackOnly
        #expect(ice.enforceList == ["lo"] && ice.ignoreList.isEmpty)
        #expect(!ice.ipv6 && !ice.liteMode && ice.portRange == nil)
    }
}
