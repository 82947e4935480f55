import Foundation
import Logging
import Synchronization
import Testing

@testable import GatewayCore

@Suite("Gateway settings from janus.jcfg")
struct GatewaySettingsTests {
    @Test func emptyFileGivesDefaults() throws {
        let settings = try GatewaySettings(janusConfig: JcfgFile.parse(text: "", name: "janus.jcfg"))
        #expect(settings == GatewaySettings())
        #expect(settings.sessionTimeout == 60)
        #expect(settings.debugLevel == 4)
        #expect(settings.eventsBroadcast == false)
    }

    @Test func janusFolderLoadsWithJanusOptionNames() throws {
        let fixture = try JanusFolderFixture()
        defer { fixture.remove() }
        let loaded = try LoadedConfiguration.load(configsFolder: fixture.folder.path)
        let settings = loaded.settings
        #expect(settings.serverName == "FixtureJanus")
        #expect(settings.sessionTimeout == 120)
        #expect(settings.apiSecret == "apirocks")
        #expect(settings.adminSecret == "janusoverlord")
        #expect(settings.debugLevel == 5)
        #expect(settings.eventsBroadcast == true)
        #expect(settings.statsPeriod == 10)
        #expect(settings.disabledEventHandlers == ["libjanus_rabbitmqevh.so", "libjanus_mqttevh.so"])
        #expect(settings.disabledPlugins == ["libjanus_voicemail.so", "libjanus_recordplay.so"])
        #expect(settings.iceEnforceList == ["lo", "eth0"])
        #expect(settings.iceIgnoreList == ["vmnet"])
        #expect(loaded.configsFolder == fixture.folder.path)
        #expect(loaded.janusFile.path == fixture.folder.path + "/janus.jcfg")
    }

    @Test func optionsSwiftGateDoesNotImplementAreReportedUnused() throws {
        let fixture = try JanusFolderFixture()
        defer { fixture.remove() }
        let unused = try LoadedConfiguration.load(configsFolder: fixture.folder.path).janusFile.unusedOptions()
        for option in [
            "general.configs_folder", "general.debug_timestamps", "general.candidates_timeout",
            "general.protected_folders", "certificates.dtls_accept_selfsigned",
            "media.dtls_mtu", "nat.nat_1_1_mapping", "nat.ice_tcp",
            "transports.disable", "loggers.disable",
        ] {
            #expect(unused.contains(option), "\(option) should be reported unused")
        }
        for option in [
            "general.server_name", "general.session_timeout", "general.api_secret", "general.admin_secret",
            "general.debug_level", "events.broadcast", "events.stats_period", "events.disable",
            "plugins.disable", "nat.ice_enforce_list", "nat.ice_ignore_list", "certificates.cert_pem",
            "media.rtp_port_range",
        ] {
            #expect(!unused.contains(option), "\(option) is implemented and should count as used")
        }
        #expect(unused.first == "general.configs_folder")
    }

    @Test func malformedJanusFileNamesFileAndLine() throws {
        let fixture = try JanusFolderFixture(janusJcfg: "general: {\n  debug_level = 4\n  server_name \"x\"\n}\n")
        defer { fixture.remove() }
        let error = #expect(throws: ConfigError.self) { try LoadedConfiguration.load(configsFolder: fixture.folder.path) }
        #expect(error?.kind == .syntax)
        #expect(error?.line == 3)
        #expect(error?.description == "\(fixture.folder.path)/janus.jcfg:3: syntax error")
    }

    @Test func missingJanusFileIsNotFound() {
        let error = #expect(throws: ConfigError.self) {
            try LoadedConfiguration.load(configsFolder: "/nonexistent-swiftgate-conf")
        }
        #expect(error?.kind == .notFound)
        #expect(error?.file == "/nonexistent-swiftgate-conf/janus.jcfg")
    }

    @Test func explicitConfigPathWinsOverTheFolder() throws {
        let fixture = try JanusFolderFixture()
        defer { fixture.remove() }
        let other = fixture.folder.appendingPathComponent("other.jcfg").path
        try "general: { server_name = \"Other\" }\n".write(toFile: other, atomically: true, encoding: .utf8)
        let loaded = try LoadedConfiguration.load(configsFolder: fixture.folder.path, janusConfigPath: other)
        #expect(loaded.settings.serverName == "Other")
        #expect(loaded.configsFolder == fixture.folder.path)
    }

    @Test(arguments: [
        ("general: { debug_level = 9 }", 1, "general.debug_level"),
        ("general: {\n session_timeout = -1 }", 2, "general.session_timeout"),
        ("events: { stats_period = -5 }", 1, "events.stats_period"),
        ("events: {\n\n broadcast = \"sometimes\" }", 3, "events.broadcast"),
        ("general: { session_timeout = \"soon\" }", 1, "general.session_timeout"),
    ])
    func badValuesThrowWithLineAndOption(text: String, line: Int, option: String) throws {
        let file = try JcfgFile.parse(text: text, name: "janus.jcfg")
        let error = #expect(throws: ConfigError.self) { try GatewaySettings(janusConfig: file) }
        #expect(error?.kind == .invalidValue)
        #expect(error?.line == line)
        #expect(error?.message.contains(option) == true)
    }

    @Test func disableListsMatchPackagesLibraryNamesAndStar() {
        var settings = GatewaySettings()
        settings.disabledPlugins = ["libjanus_echotest.so"]
        settings.disabledEventHandlers = ["janus.eventhandler.sampleevh"]
        #expect(settings.isPluginDisabled("janus.plugin.echotest"))
        #expect(!settings.isPluginDisabled("janus.plugin.videoroom"))
        #expect(settings.isEventHandlerDisabled("janus.eventhandler.sampleevh"))
        #expect(!settings.isEventHandlerDisabled("janus.eventhandler.wsevh"))
        settings.disabledPlugins = ["*"]
        #expect(settings.isPluginDisabled("janus.plugin.videoroom"))
    }

    @Test func commandLineOverridesWinOverTheFile() throws {
        let file = try JcfgFile.parse(
            text: "general: { session_timeout = 30, debug_level = 3, server_name = \"File\", api_secret = \"f\" }\n"
                + "nat: { ice_enforce_list = \"eth0\" }\nevents: { broadcast = false }",
            name: "janus.jcfg")
        var settings = try GatewaySettings(janusConfig: file)
        var overrides = GatewaySettingsOverrides()
        overrides.apply(to: &settings)
        #expect(settings == (try GatewaySettings(janusConfig: file)))
        overrides.enableEventHandlers = true
        overrides.debugLevel = 7
        overrides.sessionTimeout = 0
        overrides.serverName = "Cli"
        overrides.iceEnforceList = "lo, ,eth1"
        overrides.iceIgnoreList = "vmnet"
        overrides.apiSecret = "cli"
        overrides.apply(to: &settings)
        #expect(settings.eventsBroadcast)
        #expect(settings.debugLevel == 7)
        #expect(settings.sessionTimeout == 0)
        #expect(settings.serverName == "Cli")
        #expect(settings.iceEnforceList == ["lo", "eth1"])
        #expect(settings.iceIgnoreList == ["vmnet"])
        #expect(settings.apiSecret == "cli")
    }

    @Test func ignoredOptionsAreLoggedOncePerFileInOneLine() throws {
        let recorder = LogRecorder()
        let logger = Logger(label: "test") { _ in recorder }
        let janus = try JcfgFile.parse(text: "general: { debug_level = 4, log_prefix = \"x\" }\nmedia: { dtls_mtu = 1200 }", name: "a.jcfg")
        _ = try GatewaySettings(janusConfig: janus)
        let clean = try JcfgFile.parse(text: "general: { debug_level = 4 }", name: "b.jcfg")
        _ = try GatewaySettings(janusConfig: clean)
        logIgnoredOptions([janus, clean], logger: logger)
        logIgnoredOptions([janus, clean], logger: logger)
        #expect(recorder.lines == ["a.jcfg: ignoring options SwiftGate does not implement: general.log_prefix, media.dtls_mtu"])
    }
}

/// A swift-log handler that keeps every message, for assertions.
final class LogRecorder: LogHandler, Sendable {
    private let storage = Mutex<[String]>([])
    var lines: [String] { storage.withLock { $0 } }

    func log(event: LogEvent) { storage.withLock { $0.append("\(event.message)") } }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { nil }
        set {}
    }
    var metadata: Logger.Metadata {
        get { [:] }
        set {}
    }
    var logLevel: Logger.Level {
        get { .trace }
        set {}
    }
}

@Suite("Media path settings from janus.jcfg")
struct MediaPathSettingsTests {
    @Test func mediaOptionsAreRead() throws {
        let file = try JcfgFile.parse(text: """
            general: { event_loops = 2 }
            nat: { ice_lite = true, full_trickle = true }
            media: { ipv6 = true, rtp_port_range = "20000-40000" }
            certificates: { cert_pem = "/c.pem", cert_key = "/k.pem", cert_pwd = "pw" }
            """, name: "m.jcfg")
        let settings = try GatewaySettings(janusConfig: file)
        #expect(settings.eventLoops == 2 && settings.iceLite && settings.fullTrickle && settings.ipv6)
        #expect(settings.rtpPortRange == 20000...40000)
        #expect(settings.certificatePEM == "/c.pem" && settings.certificateKeyPEM == "/k.pem")
        #expect(settings.certificatePassphrase == "pw")
    }

    @Test func srtpProfilesDefaultToGCMFirst() throws {
        let settings = try GatewaySettings(janusConfig: try JcfgFile.parse(text: "media: { }", name: "m.jcfg"))
        #expect(settings.srtpProfiles == [.aeadAes256Gcm, .aeadAes128Gcm, .aes128CmHmacSha1_80])
    }

    @Test func srtpProfilesKeepTheirOrderAndTakeShortOrDTLSNames() throws {
        let file = try JcfgFile.parse(
            text: "media: { srtp_profiles = \"cm80, SRTP_AEAD_AES_128_GCM\" }", name: "m.jcfg")
        let settings = try GatewaySettings(janusConfig: file)
        #expect(settings.srtpProfiles == [.aes128CmHmacSha1_80, .aeadAes128Gcm])
        #expect(!file.unusedOptions().contains("media.srtp_profiles"))
    }

    @Test(arguments: [
        "media: { rtp_port_range = \"40000-20000\" }", "media: { rtp_port_range = \"x\" }",
        "general: { event_loops = 65 }", "certificates: { cert_pem = \"/c.pem\" }",
        "media: { srtp_profiles = \"gcm256, rot13\" }", "media: { srtp_profiles = \"\" }",
        "media: { srtp_profiles = \"cm80, cm80\" }", "media: { srtp_profiles = \"AES_CM_128_HMAC_SHA1_32\" }",
        "media: { srtp_profiles = { } }", "nat: { ice_enforce_list = { } }", "nat: { ice_enforce_list = ( \"lo\", { } ) }",
        "events: { disable = { } }",
    ])
    func badMediaOptionsAreErrorsNamingTheOption(text: String) throws {
        let file = try JcfgFile.parse(text: text, name: "bad.jcfg")
        #expect(throws: ConfigError.self) { try GatewaySettings(janusConfig: file) }
    }
}
