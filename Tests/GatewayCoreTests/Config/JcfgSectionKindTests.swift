import GatewayCore
import Testing

/// A Janus section written as a scalar (`general = 5`) is an error naming the file and line,
/// not a silently ignored option that would drop `admin_secret` and the rest.
@Suite("Jcfg section kinds")
struct JcfgSectionKindTests {
    @Test("general = 5 makes GatewaySettings throw with the line of the setting")
    func scalarSectionIsAnError() throws {
        let file = try JcfgFile.parse(text: "# core\ngeneral = 5\n", name: "janus.jcfg")
        do {
            _ = try GatewaySettings(janusConfig: file)
            Issue.record("expected a ConfigError")
        } catch {
            #expect(error.line == 2)
            #expect(error.description.contains("'general' should be a group"))
        }
    }

    @Test("group(_:) returns nil for an absent section and the group for a present one")
    func presentAndAbsent() throws {
        let file = try JcfgFile.parse(text: "nat: { ice_enforce_list = \"lo\" }\n", name: "janus.jcfg")
        #expect(try file.group("general") == nil)
        #expect(try file.group("nat")?.stringList("ice_enforce_list") == ["lo"])
    }
}
