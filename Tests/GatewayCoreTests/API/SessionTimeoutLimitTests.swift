import GatewayCore
import Testing

/// `session_timeout` has an upper bound (one year) wherever it is set, and no value can make the
/// reaper's microsecond arithmetic trap (a fresh-user trial crashed the gateway with
/// `set_session_timeout` 99999999999999999).
@Suite("Session timeout limits")
struct SessionTimeoutLimitTests {
    @Test("set_session_timeout above one year is 467 and leaves the timeout unchanged")
    func adminRefusesHugeTimeout() async throws {
        let h = try APIHarness.make(settings: { $0.adminSecret = "s" })
        for huge: Int64 in [31_536_001, 9_223_372_036_855, 99_999_999_999_999_999] {
            let reply = await h.admin(
                .root, ["janus": "set_session_timeout", "timeout": .int(huge), "transaction": "t", "admin_secret": "s"])
            #expect(reply["error"]?["code"] == 467)
        }
        #expect(h.gateway.currentSessionTimeout == 60)
        let ok = await h.admin(
            .root, ["janus": "set_session_timeout", "timeout": 31_536_000, "transaction": "t", "admin_secret": "s"])
        #expect(ok["janus"] == "success")
        h.gateway.reapIdleSessions()
        #expect(h.gateway.currentSessionTimeout == 31_536_000)
        await h.close()
    }

    @Test("a gateway built with an absurd timeout reaps without trapping")
    func reaperSaturates() async throws {
        let h = try APIHarness.make(settings: { $0.sessionTimeout = Int.max })
        let session = await h.createSession()
        h.gateway.reapIdleSessions()
        #expect(await h.janus(.session(session), ["janus": "keepalive", "transaction": "k"])["janus"] == "ack")
        await h.close()
    }

    @Test("janus.jcfg session_timeout above one year is a configuration error naming the line")
    func configRefusesHugeTimeout() throws {
        let file = try JcfgFile.parse(text: "general: {\n  session_timeout = 40000000\n}\n", name: "janus.jcfg")
        #expect(throws: ConfigError.self) { try GatewaySettings(janusConfig: file) }
        do {
            _ = try GatewaySettings(janusConfig: file)
        } catch {
            #expect(error.line == 2)
        }
    }
}
