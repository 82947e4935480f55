import Foundation
import Testing

@testable import GatewayCore

@Suite("Jcfg reader")
struct JcfgFileTests {
    static let sample = """
        # a comment
        general: {
            server_name = "TestBox"     # trailing comment
            session_timeout = 45
            debug_level = "5"
            admin_secret = "s3cret"
            big = 123456789012L         # libconfig 1.5 needs the L for 64-bit values
            ratio = 0.5
            whole = 3.0
        }
        events: {
            broadcast = true
            yes_word = "yes"
            no_word = "No"
            one = 1
            zero = "0"
            maybe = "perhaps"
            two = 2
        }
        nat: {
            ice_enforce_list = "eth0, lo ,, 192.168."
            ice_ignore_list = ["vmnet", " tun0 "]
            single = 7
        }
        outer: {
            inner: {
                deep = "x"
            }
            flat = 1
        }
        """

    func sampleFile() throws -> JcfgFile { try JcfgFile.parse(text: Self.sample, name: "sample.jcfg") }

    @Test func groupsAreListedInFileOrderAndLookedUpByName() throws {
        let file = try sampleFile()
        #expect(file.groupNames == ["general", "events", "nat", "outer"])
        #expect(file["general"]?.name == "general")
        #expect(file["general"]?.keys.first == "server_name")
        #expect(file["nope"] == nil)
        #expect(file.path == "sample.jcfg")
    }

    @Test func stringsAreReadAndScalarsRenderedAsText() throws {
        let general = try #require(try sampleFile()["general"])
        #expect(general.string("server_name") == "TestBox")
        #expect(general.string("session_timeout") == "45")
        #expect(general.string("missing") == nil)
        #expect(try sampleFile()["events"]?.string("broadcast") == "true")
    }

    @Test func integersAcceptNumbersAndNumericStrings() throws {
        let general = try #require(try sampleFile()["general"])
        #expect(try general.int("session_timeout") == 45)
        #expect(try general.int("debug_level") == 5)
        #expect(try general.int("big") == 123_456_789_012)
        #expect(try general.int("whole") == 3)
        #expect(try general.int("missing") == nil)
    }

    @Test func integerOfWrongKindThrowsWithFileLineAndOption() throws {
        let general = try #require(try sampleFile()["general"])
        let error = #expect(throws: ConfigError.self) { try general.int("server_name") }
        #expect(error?.kind == .invalidValue)
        #expect(error?.line == 3)
        #expect(error?.description.hasPrefix("sample.jcfg:3: ") == true)
        #expect(error?.message.contains("general.server_name") == true)
        #expect(throws: ConfigError.self) { try general.int("ratio") }
    }

    @Test func booleansAcceptJanusSpellings() throws {
        let events = try #require(try sampleFile()["events"])
        #expect(try events.bool("broadcast") == true)
        #expect(try events.bool("yes_word") == true)
        #expect(try events.bool("no_word") == false)
        #expect(try events.bool("one") == true)
        #expect(try events.bool("zero") == false)
        #expect(try events.bool("missing") == nil)
        let error = #expect(throws: ConfigError.self) { try events.bool("maybe") }
        #expect(error?.line == 17)
        #expect(throws: ConfigError.self) { try events.bool("two") }
    }

    @Test func listsComeFromCommaStringsArraysAndScalars() throws {
        let nat = try #require(try sampleFile()["nat"])
        #expect(try nat.stringList("ice_enforce_list") == ["eth0", "lo", "192.168."])
        #expect(try nat.stringList("ice_ignore_list") == ["vmnet", "tun0"])
        #expect(try nat.stringList("single") == ["7"])
        #expect(try nat.stringList("missing") == nil)
        #expect(nat.string("ice_ignore_list") == nil)
    }

    @Test func nestedGroupsAreReachableAndNotScalars() throws {
        let outer = try #require(try sampleFile()["outer"])
        #expect(outer.has("inner"))
        #expect(outer.string("inner") == nil)
        #expect(outer.group("inner")?.string("deep") == "x")
        #expect(outer.group("flat") == nil)
    }

    @Test func unusedOptionsListWhatNoAccessorRead() throws {
        let file = try JcfgFile.parse(
            text: "general: { a = 1; b = \"x\" }\nmedia: { rtp_port_range = \"20000-40000\" }\nouter: { inner: { deep = 1 } }\n",
            name: "u.jcfg")
        #expect(file.unusedOptions() == ["general.a", "general.b", "media.rtp_port_range", "outer.inner.deep"])
        _ = try file["general"]?.int("a")
        #expect(file["general"]?.has("b") == true)
        _ = file["outer"]?.group("inner")?.string("deep")
        #expect(file.unusedOptions() == ["general.b", "media.rtp_port_range"])
    }

    @Test func unusedOptionsAreTrackedAcrossThreads() async throws {
        let keys = (0..<200).map { "k\($0)" }
        let text = "g: {\n" + keys.map { "  \($0) = 1" }.joined(separator: "\n") + "\n}\n"
        let file = try JcfgFile.parse(text: text, name: "many.jcfg")
        await withTaskGroup(of: Void.self) { group in
            for key in keys { group.addTask { _ = file["g"]?.string(key) } }
        }
        #expect(file.unusedOptions().isEmpty)
    }

    @Test func syntaxErrorGivesOneLineWithFileAndLine() {
        let text = "general: {\n  a = 1\n  b = = 2\n}\n"
        let error = #expect(throws: ConfigError.self) { try JcfgFile.parse(text: text, name: "conf/janus.jcfg") }
        #expect(error?.kind == .syntax)
        #expect(error?.line == 3)
        #expect(error?.description == "conf/janus.jcfg:3: syntax error")
    }

    @Test func missingFileIsNotFound() {
        let error = #expect(throws: ConfigError.self) { try JcfgFile.load(path: "/nonexistent/dir/janus.jcfg") }
        #expect(error?.kind == .notFound)
        #expect(error?.file == "/nonexistent/dir/janus.jcfg")
    }

    @Test func fileOnDiskLoadsAndSyntaxErrorNamesThePath() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jcfg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let good = folder.appendingPathComponent("good.jcfg").path
        try "general: { session_timeout = 30 }\n".write(toFile: good, atomically: true, encoding: .utf8)
        #expect(try JcfgFile.load(path: good)["general"]?.int("session_timeout") == 30)
        let bad = folder.appendingPathComponent("bad.jcfg").path
        try "general: {\n\n  x = \"unterminated\n}\n".write(toFile: bad, atomically: true, encoding: .utf8)
        let error = #expect(throws: ConfigError.self) { try JcfgFile.load(path: bad) }
        #expect(error?.kind == .syntax)
        #expect(error?.file == bad)
        #expect(error?.line != nil)
    }
}
