import Foundation
import GatewayCore
import Testing

@testable import HTTPTransport

@Suite("HTTPTransportSettings from janus.transport.http.jcfg")
struct HTTPTransportSettingsTests {
    @Test("an empty file gives Janus's defaults bound to loopback")
    func defaults() throws {
        let settings = try HTTPTransportSettings(file: JcfgFile.parse(text: "", name: "empty.jcfg"))
        #expect(settings == HTTPTransportSettings())
        #expect(settings.basePath == "/janus")
        #expect(settings.port == 8088)
        #expect(settings.bindAddress == "127.0.0.1")
        #expect(settings.httpEnabled)
        #expect(settings.jsonFormat == .indented)
        #expect(settings.adminBasePath == "/admin")
        #expect(settings.adminPort == 7088)
        #expect(!settings.adminHTTPEnabled)
        #expect(settings.allowOrigin == "*")
        #expect(settings.maxBodySize == 1_048_576)
        #expect(settings.longPollTimeout == .seconds(30))
    }

    @Test("Janus option names are read; https options stay unused")
    func janusOptions() throws {
        let text = """
            general: {
                json = "compact"
                base_path = "/gw"
                http = true
                port = 18088
                ip = "127.0.0.2"
                https = false
                secure_port = 8089
                max_body_size = 4096
            }
            admin: {
                admin_base_path = "/adm"
                admin_http = "yes"
                admin_port = "17088"
                admin_interface = "lo"
            }
            cors: {
                allow_origin = "http://127.0.0.1:9000"
            }
            """
        let file = try JcfgFile.parse(text: text, name: "janus.transport.http.jcfg")
        let settings = try HTTPTransportSettings(file: file)
        #expect(settings.jsonFormat == .compact)
        #expect(settings.basePath == "/gw")
        #expect(settings.port == 18088)
        #expect(settings.bindAddress == "127.0.0.2")
        #expect(settings.maxBodySize == 4096)
        #expect(settings.adminBasePath == "/adm")
        #expect(settings.adminHTTPEnabled)
        #expect(settings.adminPort == 17088)
        #expect(settings.adminBindAddress == "127.0.0.1")
        #expect(settings.allowOrigin == "http://127.0.0.1:9000")
        #expect(file.unusedOptions() == ["general.https", "general.secure_port"])
    }

    @Test("ip wins over interface; interface lo resolves to 127.0.0.1")
    func interfaceResolution() throws {
        #expect(NetworkInterface.ipv4Address(of: "lo") == "127.0.0.1")
        #expect(NetworkInterface.ipv4Address(of: "no-such-if0") == nil)
        let both = try JcfgFile.parse(text: #"general: { ip = "127.0.0.3", interface = "lo" }"#, name: "t.jcfg")
        #expect(try HTTPTransportSettings(file: both).bindAddress == "127.0.0.3")
        #expect(both.unusedOptions().isEmpty)
        let iface = try JcfgFile.parse(text: #"general: { interface = "lo" }"#, name: "t.jcfg")
        #expect(try HTTPTransportSettings(file: iface).bindAddress == "127.0.0.1")
    }

    struct Bad: Sendable, CustomTestStringConvertible {
        var text: String
        var message: String
        var testDescription: String { text }
    }

    static let badFiles: [Bad] = [
        Bad(text: #"general: { json = "pretty" }"#, message: "option 'general.json' should be indented, plain or compact"),
        Bad(text: #"general: { port = 70000 }"#, message: "option 'general.port' should be a TCP port"),
        Bad(text: #"general: { port = "eighty" }"#, message: "option 'general.port' should be an integer"),
        Bad(text: #"general: { http = "maybe" }"#, message: "option 'general.http' should be a boolean"),
        Bad(text: #"general: { max_body_size = 0 }"#, message: "option 'general.max_body_size' should be at least 1"),
        Bad(text: #"admin: { admin_interface = "no-such-if0" }"#, message: "option 'admin.admin_interface' names no interface"),
    ]

    @Test("invalid values throw a ConfigError naming the file, option and line", arguments: badFiles)
    func invalidValues(_ bad: Bad) throws {
        let file = try JcfgFile.parse(text: bad.text, name: "janus.transport.http.jcfg")
        #expect {
            try HTTPTransportSettings(file: file)
        } throws: { error in
            guard let error = error as? ConfigError else { return false }
            return error.kind == .invalidValue && error.file == "janus.transport.http.jcfg"
                && error.message.hasPrefix(bad.message) && error.line == 1
        }
    }

    @Test("load(configsFolder:) gives defaults without a file and reads one when present")
    func loadFromFolder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("httpcfg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try HTTPTransportSettings.load(configsFolder: folder.path) == HTTPTransportSettings())
        try #"general: { port = 18089 }"#.write(
            to: folder.appendingPathComponent(HTTPTransportSettings.fileName), atomically: true, encoding: .utf8)
        #expect(try HTTPTransportSettings.load(configsFolder: folder.path).port == 18089)
    }
}
