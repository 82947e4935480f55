import Foundation
import GatewayCore
import Testing

@testable import SampleEventHandler

@Suite("Settings from janus.eventhandler.sampleevh.jcfg")
struct SettingsTests {
    private func decode(_ text: String) throws -> SampleEventHandlerSettings? {
        let file = try JcfgFile.parse(text: text, name: "sampleevh.jcfg")
        return try SampleEventHandlerSettings.decode(file, path: "sampleevh.jcfg", logger: quietLogger)
    }

    @Test("every option is read with Janus's names")
    func allOptions() throws {
        let settings = try decode("""
            general: {
                enabled = true
                events = "sessions, handles,plugins"
                grouping = false
                json = "plain"
                backend = "http://127.0.0.1:8080/events"
                backend_user = "alice"
                backend_pwd = "secret"
                max_retransmissions = 3
                retransmissions_backoff = 250
                compress = true
                compression = 9
                queue_capacity = 50
            }
            """)
        var expected = SampleEventHandlerSettings(backend: "http://127.0.0.1:8080/events")
        expected.events = [.session, .handle, .plugin]
        expected.grouping = false
        expected.json = .plain
        expected.backendUser = "alice"
        expected.backendPassword = "secret"
        expected.maxRetransmissions = 3
        expected.retransmissionsBackoff = 250
        expected.compress = true
        expected.compression = 9
        expected.queueCapacity = 50
        #expect(settings == expected)
    }

    @Test("defaults are Janus's: all events, grouping, indented, 5 retries, 100 ms, no gzip, level 6")
    func defaults() throws {
        let settings = try #require(try decode("general: { enabled = true\n backend = \"https://collector.example/e\" }"))
        #expect(settings.events == .all)
        #expect(settings.grouping)
        #expect(settings.json == .indented)
        #expect(settings.maxRetransmissions == 5)
        #expect(settings.retransmissionsBackoff == 100)
        #expect(!settings.compress)
        #expect(settings.compression == 6)
        #expect(settings.backendUser == nil)
    }

    @Test("enabled = false, or no enabled at all, means the handler is not loaded")
    func disabled() throws {
        #expect(try decode("general: { enabled = false\n backend = \"http://h/e\" }") == nil)
        #expect(try decode("general: { backend = \"http://h/e\" }") == nil)
        #expect(try decode("other: { enabled = true }") == nil)
    }

    @Test("a missing or non-HTTP backend is an error naming the option")
    func badBackend() throws {
        let missing = #expect(throws: ConfigError.self) { try decode("general: { enabled = true }") }
        #expect(missing?.message.contains("general.backend") == true)
        let ftp = #expect(throws: ConfigError.self) { try decode("general: { enabled = true\n backend = \"ftp://h/e\" }") }
        #expect(ftp?.message.contains("ftp://h/e") == true)
    }

    @Test("an unknown events label is an error naming it")
    func badEvents() throws {
        let error = #expect(throws: ConfigError.self) {
            try decode("general: { enabled = true\n backend = \"http://h/e\"\n events = \"sessions,bogus\" }")
        }
        #expect(error?.message.contains("bogus") == true)
    }

    @Test("values Janus tolerates fall back to the defaults")
    func tolerated() throws {
        let settings = try #require(try decode("""
            general: { enabled = true; backend = "http://h/e"; json = "fancy"; compression = 12;
                       max_retransmissions = -1; retransmissions_backoff = 0 }
            """))
        #expect(settings.json == .indented)
        #expect(settings.compression == 6)
        #expect(settings.maxRetransmissions == 5)
        #expect(settings.retransmissionsBackoff == 100)
    }

    @Test("a boolean option with a non-boolean value is an error")
    func badBoolean() {
        #expect(throws: ConfigError.self) { try decode("general: { enabled = true; backend = \"http://h/e\"; grouping = \"maybe\" }") }
    }

    @Test("a missing file means the handler is not loaded")
    func missingFile() throws {
        let folder = try configsFolder(with: nil)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try SampleEventHandlerSettings.load(configsFolder: folder.path, logger: quietLogger) == nil)
        #expect(try SampleEventHandler(context: .init(configsFolder: folder.path, logger: quietLogger)) == nil)
    }

    @Test("init(context:) builds the handler from the configs folder")
    func fromContext() async throws {
        let folder = try configsFolder(with: "general: { enabled = true; backend = \"http://127.0.0.1:9/e\"; events = \"core\" }")
        defer { try? FileManager.default.removeItem(at: folder) }
        let handler = try #require(try SampleEventHandler(context: .init(configsFolder: folder.path, logger: quietLogger)))
        #expect(handler.mask == .core)
        await handler.shutdown()
    }

    @Test("a malformed file is an error with the line")
    func malformed() throws {
        let folder = try configsFolder(with: "general: {\n enabled = true\n backend = \n}")
        defer { try? FileManager.default.removeItem(at: folder) }
        let error = #expect(throws: ConfigError.self) {
            try SampleEventHandlerSettings.load(configsFolder: folder.path, logger: quietLogger)
        }
        #expect(error?.line != nil)
    }
}

@Suite("Admin API tweak validation")
struct SettingsTweakTests {
    @Test("a tweak with every member applies each of them")
    func everyMember() throws {
        let tweak = try SettingsTweak(request: [
            "request": "tweak", "events": "media,webrtc", "grouping": false, "compress": true, "compression": 1,
            "json": "compact", "backend": "https://b.example/x", "backend_user": "u", "backend_pwd": "p",
            "max_retransmissions": 0, "retransmissions_backoff": 10,
        ])
        var settings = SampleEventHandlerSettings(backend: "http://a/e")
        tweak.apply(to: &settings)
        #expect(settings.events == [.media, .webrtc])
        #expect(!settings.grouping)
        #expect(settings.compress)
        #expect(settings.compression == 1)
        #expect(settings.json == .compact)
        #expect(settings.backend == "https://b.example/x")
        #expect(settings.backendUser == "u")
        #expect(settings.backendPassword == "p")
        #expect(settings.maxRetransmissions == 0)
        #expect(settings.retransmissionsBackoff == 10)
    }

    @Test("an empty tweak changes nothing; empty credentials remove them")
    func emptyTweak() throws {
        var settings = SampleEventHandlerSettings(backend: "http://a/e")
        settings.backendUser = "u"
        let before = settings
        try SettingsTweak(request: ["request": "tweak"]).apply(to: &settings)
        #expect(settings == before)
        try SettingsTweak(request: ["backend_user": "", "backend_pwd": ""]).apply(to: &settings)
        #expect(settings.backendUser == nil && settings.backendPassword == nil)
    }

    @Test(
        "bad member types and values are refused with 413 naming the member",
        arguments: [
            ("grouping", JSONValue.string("yes")), ("compress", 1), ("compression", 10), ("compression", "6"),
            ("events", "sessions,nope"), ("events", 3), ("json", "pretty"), ("backend", "ftp://x/y"),
            ("backend", "not a url"), ("backend_user", 5), ("max_retransmissions", -1),
            ("retransmissions_backoff", 0), ("retransmissions_backoff", 1.5),
        ] as [(String, JSONValue)])
    func badMembers(key: String, value: JSONValue) {
        let error = #expect(throws: HandlerRequestError.self) { try SettingsTweak(request: [key: value]) }
        #expect(error?.code == 413)
        #expect(error?.message.contains(key) == true)
    }
}
