import Foundation
import Testing

@testable import GatewayCore

/// The `conf/` folder shipped with SwiftGate: parses, decodes, and stays on loopback.
@Suite("Shipped conf/")
struct ShippedConfTests {
    static let confFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("conf").path

    static let files = [
        "janus.jcfg", "janus.transport.http.jcfg", "janus.plugin.echotest.jcfg", "janus.eventhandler.sampleevh.jcfg",
    ]

    @Test(arguments: files)
    func everyFileParsesAndNamesNoNonLoopbackAddress(name: String) throws {
        let path = Self.confFolder + "/" + name
        _ = try JcfgFile.load(path: path)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(!text.contains("0.0.0.0"))
        let addresses = text.matches(of: /\d+\.\d+\.\d+\.\d+/).map { String($0.output) }
        #expect(addresses.allSatisfy { $0.hasPrefix("127.") }, "non-loopback address in \(name): \(addresses)")
    }

    @Test func coreFileGivesLoopbackSafeSettingsAndUsesEveryOption() throws {
        let loaded = try LoadedConfiguration.load(configsFolder: Self.confFolder)
        #expect(loaded.settings.adminSecret == "janusoverlord")
        #expect(loaded.settings.iceEnforceList == ["lo"])
        #expect(loaded.settings.eventsBroadcast)
        #expect(loaded.settings.statsPeriod == 5)
        #expect(loaded.settings.sessionTimeout == 60)
        #expect(loaded.janusFile.unusedOptions().isEmpty)
        #expect(loaded.janusFile["nat"]?.keys == ["ice_enforce_list"])
    }

    @Test func transportAndHandlerFilesUseJanusOptionNames() throws {
        let http = try JcfgFile.load(path: Self.confFolder + "/janus.transport.http.jcfg")
        #expect(http["general"]?.string("ip") == "127.0.0.1")
        #expect(try http["general"]?.int("port") == 8088)
        #expect(http["general"]?.string("base_path") == "/janus")
        #expect(try http["admin"]?.bool("admin_http") == true)
        #expect(try http["admin"]?.int("admin_port") == 7088)
        #expect(http["admin"]?.string("admin_ip") == "127.0.0.1")
        #expect(http["admin"]?.string("admin_base_path") == "/admin")
        let evh = try JcfgFile.load(path: Self.confFolder + "/janus.eventhandler.sampleevh.jcfg")
        let general = try #require(evh["general"])
        #expect(try general.bool("enabled") == false)
        #expect(general.string("backend") == "http://127.0.0.1:7777/events")
        #expect(general.string("events") == "all")
        #expect(try general.bool("grouping") == true)
        #expect(general.string("json") == "indented")
        #expect(try general.int("max_retransmissions") == 5)
        #expect(try general.int("retransmissions_backoff") == 100)
        #expect(try general.bool("compress") == false)
        let echotest = try JcfgFile.load(path: Self.confFolder + "/janus.plugin.echotest.jcfg")
        #expect(try echotest["general"]?.bool("events") == true)
    }
}
