import Foundation
import GatewayCore
import Testing

@testable import EchoTest

@Suite("EchoTest plugin, message side")
struct EchoTestPluginTests {
    let ok: JSONValue = ["echotest": "event", "result": "ok"]

    func makeHandle(_ id: HandleID = 7) -> PluginHandle { PluginHandle(sessionID: 1, handleID: id, opaqueID: "o") }

    /// Sends `bodies` in order on one handle, drains the queue, returns the gateway and plugin.
    func run(
        _ bodies: [JSONValue], jsep: JSONValue? = nil, gateway: FakePluginGateway = FakePluginGateway(),
        notifyEvents: Bool = true
    ) async throws -> (FakePluginGateway, EchoTestPlugin, PluginHandle) {
        let plugin = EchoTestPlugin(gateway: gateway, notifyEvents: notifyEvents)
        let handle = makeHandle()
        try plugin.createSession(handle)
        for (index, body) in bodies.enumerated() {
            let result = try plugin.handleMessage(handle, transaction: "t\(index)", body: body, jsep: jsep)
            #expect(result == .okWait(hint: nil))
        }
        await plugin.shutdown()
        return (gateway, plugin, handle)
    }

    @Test func audioVideoAndBitrateAreAppliedAndAnsweredOK() async throws {
        let (gateway, plugin, handle) = try await run([["audio": false], ["video": false], ["bitrate": 128_000]])
        #expect(gateway.pushes.map(\.body) == [ok, ok, ok])
        #expect(gateway.pushes.map(\.transaction) == ["t0", "t1", "t2"])
        #expect(gateway.pushes.allSatisfy { $0.plugin == "janus.plugin.echotest" && $0.jsep == nil && $0.handle == 7 })
        let info = plugin.querySession(handle)
        #expect(info["audio_active"] == false)
        #expect(info["video_active"] == false)
        #expect(info["bitrate"] == 128_000)
        #expect(plugin.counters.succeeded == 3)
    }

    @Test func eachMessageNotifiesThePluginEventWithCurrentSettings() async throws {
        let (gateway, _, _) = try await run([["audio": false], ["bitrate": 256_000, "video": false]])
        #expect(gateway.notifications.map(\.data) == [
            ["audio_active": false, "video_active": true, "bitrate": 0],
            ["audio_active": false, "video_active": false, "bitrate": 256_000],
        ])
        #expect(gateway.notifications.allSatisfy { $0.plugin == "janus.plugin.echotest" && $0.handle == 7 })
    }

    @Test func codecsAreKeptForTheMediaPathAndShownByQuery() async throws {
        let (_, plugin, handle) = try await run([["audiocodec": "opus", "videocodec": "vp8"]])
        let info = plugin.querySession(handle)
        #expect(info["audio_codec"] == "opus")
        #expect(info["video_codec"] == "vp8")
        #expect(info["hangingup"] == 0)
        #expect(info["destroyed"] == 0)
    }

    static let wrongTypes: [(JSONValue, String)] = [
        (["audio": "yes"], "Invalid element type (audio should be a boolean)"),
        (["video": 1], "Invalid element type (video should be a boolean)"),
        (["bitrate": "128000"], "Invalid element type (bitrate should be a positive integer)"),
        (["bitrate": -1], "Invalid element type (bitrate should be a positive integer)"),
        (["bitrate": 1.5], "Invalid element type (bitrate should be a positive integer)"),
        (["audiocodec": 5], "Invalid element type (audiocodec should be a string)"),
        (["videocodec": ["vp8"]], "Invalid element type (videocodec should be a string)"),
    ]

    @Test(arguments: wrongTypes)
    func wrongTypesAnswer413AndChangeNothing(body: JSONValue, reason: String) async throws {
        let (gateway, plugin, handle) = try await run([body])
        #expect(gateway.pushes.map(\.body) == [["echotest": "event", "error_code": 413, "error": .string(reason)]])
        #expect(gateway.pushes.first?.transaction == "t0")
        #expect(gateway.notifications.isEmpty)
        #expect(plugin.querySession(handle) == ["audio_active": true, "video_active": true, "bitrate": 0, "hangingup": 0, "destroyed": 0])
        #expect(plugin.counters.rejected == 1)
    }

    @Test func oneBadElementRejectsTheWholeMessage() async throws {
        let (gateway, plugin, handle) = try await run([["audio": false, "video": "no"]])
        #expect(gateway.pushes.first?.body["error_code"] == 413)
        #expect(plugin.querySession(handle)["audio_active"] == true)
    }

    @Test func messageWithNothingSupportedAnswers413() async throws {
        let (gateway, _, _) = try await run([["record": true]])
        #expect(gateway.pushes.first?.body["error_code"] == 413)
    }

    @Test(arguments: [JSONValue("audio"), [true], 5, .null])
    func nonObjectBodyIsRefusedSynchronously(body: JSONValue) async throws {
        let gateway = FakePluginGateway()
        let plugin = EchoTestPlugin(gateway: gateway)
        let handle = makeHandle()
        try plugin.createSession(handle)
        let error = #expect(throws: JanusError.self) {
            try plugin.handleMessage(handle, transaction: "t", body: body, jsep: nil)
        }
        #expect(error?.code == 412)
        await plugin.shutdown()
        #expect(gateway.pushes.isEmpty)
        #expect(plugin.counters.rejected == 1)
    }

    @Test func eventsDisabledInConfigEmitNoPluginEvents() async throws {
        let (gateway, _, _) = try await run([["audio": false]], notifyEvents: false)
        #expect(gateway.pushes.map(\.body) == [ok])
        #expect(gateway.notifications.isEmpty)
    }

    @Test func noSubscriberMeansNoPluginEvents() async throws {
        let (gateway, _, _) = try await run([["audio": false]], gateway: FakePluginGateway(eventsEnabled: false))
        #expect(gateway.pushes.map(\.body) == [ok])
        #expect(gateway.notifications.isEmpty)
    }

    /// The fake gateway has no media path (`answerOffer`'s default throws 465): the plugin reports the
    /// core's reason as its error 414, pushes no JSEP, and still applies the body.
    @Test func offerTheCoreCannotAnswerIsAnErrorButBodyApplies() async throws {
        let offer: JSONValue = ["type": "offer", "sdp": "v=0\r\n"]
        let (gateway, plugin, handle) = try await run([["audio": true, "video": false]], jsep: offer)
        let push = try #require(gateway.pushes.first)
        #expect(gateway.pushes.count == 1)
        #expect(push.body["error_code"] == 414)
        #expect(push.body["error"]?.stringValue?.contains("no media path") == true)
        #expect(push.jsep == nil)
        #expect(plugin.querySession(handle)["video_active"] == false)
        #expect(gateway.notifications.count == 1)
    }

    @Test func hangupPushesDoneAndResetsSettings() async throws {
        let (gateway, plugin, handle) = try await run([["audio": false, "bitrate": 64_000, "videocodec": "h264"]])
        plugin.hangupMedia(handle)
        #expect(gateway.pushes.last == .init(
            handle: 7, plugin: "janus.plugin.echotest", transaction: nil,
            body: ["echotest": "event", "result": "done"], jsep: nil))
        #expect(plugin.querySession(handle) == ["audio_active": true, "video_active": true, "bitrate": 0, "hangingup": 0, "destroyed": 0])
    }

    @Test func unknownHandleIsRefused() async throws {
        let gateway = FakePluginGateway()
        let plugin = EchoTestPlugin(gateway: gateway)
        let stranger = makeHandle(99)
        let error = #expect(throws: JanusError.self) {
            try plugin.handleMessage(stranger, transaction: "t", body: ["audio": true], jsep: nil)
        }
        #expect(error?.code == JanusError.pluginMessageCode)
        plugin.hangupMedia(stranger)
        #expect(plugin.querySession(stranger) == [:])
        await plugin.shutdown()
        #expect(gateway.pushes.isEmpty)
    }

    @Test func destroyedHandleDropsItsQueuedMessagesAndState() async throws {
        let gateway = FakePluginGateway()
        let plugin = EchoTestPlugin(gateway: gateway)
        let handle = makeHandle()
        try plugin.createSession(handle)
        _ = try plugin.handleMessage(handle, transaction: "t", body: ["audio": false], jsep: nil)
        plugin.destroySession(handle)
        await plugin.shutdown()
        #expect(plugin.querySession(handle) == [:])
        #expect(gateway.pushes.count + plugin.counters.dropped == 1)
        plugin.hangupMedia(handle)
        #expect(gateway.pushes.count <= 1)
    }

    @Test func pushToAGoneHandleIsCountedNotFatal() async throws {
        let (_, plugin, _) = try await run([["audio": false]], gateway: FakePluginGateway(goneHandles: [7]))
        #expect(plugin.counters.pushFailures == 1)
    }

    @Test func afterShutdownMessagesAndAttachesAreRefused() async throws {
        let plugin = EchoTestPlugin(gateway: FakePluginGateway())
        let handle = makeHandle()
        try plugin.createSession(handle)
        await plugin.shutdown()
        #expect(throws: JanusError.self) { try plugin.handleMessage(handle, transaction: "t", body: ["audio": true], jsep: nil) }
        #expect(throws: JanusError.self) { try plugin.createSession(self.makeHandle(8)) }
    }

    @Test func messagesOfManyHandlesAreAllAnsweredInOrderPerHandle() async throws {
        let gateway = FakePluginGateway()
        let plugin = EchoTestPlugin(gateway: gateway)
        let handles = (1...20).map { makeHandle(HandleID($0)) }
        for handle in handles { try plugin.createSession(handle) }
        await withTaskGroup(of: Void.self) { group in
            for handle in handles {
                group.addTask {
                    for index in 0..<10 {
                        _ = try? plugin.handleMessage(handle, transaction: "\(index)", body: ["bitrate": .int(Int64(index))], jsep: nil)
                    }
                }
            }
        }
        await plugin.shutdown()
        #expect(gateway.pushes.count == 200)
        for handle in handles {
            #expect(gateway.pushes.filter { $0.handle == handle.handleID }.map(\.transaction) == (0..<10).map { "\($0)" })
            #expect(plugin.querySession(handle)["bitrate"] == 9)
        }
    }
}

@Suite("EchoTest configuration")
struct EchoTestConfigTests {
    func folder(with text: String?) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("echotest-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        if let text {
            try text.write(to: folder.appendingPathComponent("janus.plugin.echotest.jcfg"), atomically: true, encoding: .utf8)
        }
        return folder
    }

    func notificationsAfterOneMessage(configText: String?) async throws -> Int {
        let folder = try folder(with: configText)
        defer { try? FileManager.default.removeItem(at: folder) }
        let gateway = FakePluginGateway()
        let plugin = try EchoTestPlugin(configsFolder: folder.path, gateway: gateway)
        let handle = PluginHandle(sessionID: 1, handleID: 2, opaqueID: nil)
        try plugin.createSession(handle)
        _ = try plugin.handleMessage(handle, transaction: "t", body: ["audio": false], jsep: nil)
        await plugin.shutdown()
        return gateway.notifications.count
    }

    @Test func eventsDefaultToOnWithoutAFile() async throws {
        #expect(try await notificationsAfterOneMessage(configText: nil) == 1)
    }

    @Test func eventsFalseInTheFileTurnsPluginEventsOff() async throws {
        #expect(try await notificationsAfterOneMessage(configText: "general: { events = false }") == 0)
        #expect(try await notificationsAfterOneMessage(configText: "general: { events = \"no\" }") == 0)
        #expect(try await notificationsAfterOneMessage(configText: "general: { events = true }") == 1)
    }

    @Test func malformedFileIsAnError() throws {
        let folder = try folder(with: "general: { events = }")
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(throws: ConfigError.self) { try EchoTestPlugin(configsFolder: folder.path, gateway: FakePluginGateway()) }
    }
}
