import GatewayCore
import Testing

/// The reference call of API.md, driven without HTTP: every reply checked as exact JSON.
@Suite("Janus API lifecycle")
struct JanusAPILifecycleTests {
    @Test("create, attach, message+offer, long poll, trickle, keepalive, hangup, detach, destroy answer Janus's shapes")
    func fullLifecycle() async throws {
        let h = try APIHarness.make()
        let created = await h.janus(.root, ["janus": "create", "transaction": "t-create"])
        let sid = SessionID(try #require(created["data"]?["id"]?.intValue))
        #expect(created == ["janus": "success", "transaction": "t-create", "data": ["id": sid.jsonInt]])
        #expect(sid >= 1 && sid <= JanusIdentifier.maxSafe)

        let attached = await h.janus(
            .session(sid),
            ["janus": "attach", "plugin": "janus.plugin.apitest", "opaque_id": "ref-0", "transaction": "t-attach"])
        let hid = HandleID(try #require(attached["data"]?["id"]?.intValue))
        #expect(attached == ["janus": "success", "session_id": sid.jsonInt, "transaction": "t-attach", "data": ["id": hid.jsonInt]])

        let offer: JSONValue = ["type": "offer", "sdp": .string(APITestPlugin.sdp)]
        let ack = await h.janus(
            .handle(sid, hid),
            ["janus": "message", "transaction": "t-msg", "body": ["audio": true], "jsep": offer])
        #expect(ack == ["janus": "ack", "session_id": sid.jsonInt, "transaction": "t-msg", "hint": "working"])

        let polled = await h.poll(sid, maxEvents: 1)
        let answer: JSONValue = ["type": "answer", "sdp": .string(APITestPlugin.sdp)]
        #expect(polled == [[
            "janus": "event", "session_id": sid.jsonInt, "transaction": "t-msg", "sender": hid.jsonInt,
            "plugindata": ["plugin": "janus.plugin.apitest", "data": ["result": "ok"]], "jsep": answer,
        ]])

        let trickle = await h.janus(
            .handle(sid, hid),
            ["janus": "trickle", "transaction": "t-trickle",
             "candidate": ["candidate": "candidate:1 1 udp 2130706431 127.0.0.1 45821 typ host", "sdpMid": "0", "sdpMLineIndex": 0]])
        #expect(trickle == ["janus": "ack", "session_id": sid.jsonInt, "transaction": "t-trickle"])
        let completed = await h.janus(.handle(sid, hid), ["janus": "trickle", "transaction": "t-done", "candidate": ["completed": true]])
        #expect(completed == ["janus": "ack", "session_id": sid.jsonInt, "transaction": "t-done"])

        let keepalive = await h.janus(.session(sid), ["janus": "keepalive", "transaction": "t-ka"])
        #expect(keepalive == ["janus": "ack", "session_id": sid.jsonInt, "transaction": "t-ka"])

        let hangup = await h.janus(.handle(sid, hid), ["janus": "hangup", "transaction": "t-hangup"])
        #expect(hangup == ["janus": "success", "session_id": sid.jsonInt, "transaction": "t-hangup"])
        let afterHangup = await h.poll(sid)
        #expect(afterHangup == [
            ["janus": "event", "session_id": sid.jsonInt, "sender": hid.jsonInt,
             "plugindata": ["plugin": "janus.plugin.apitest", "data": ["result": "done"]]],
            ["janus": "hangup", "session_id": sid.jsonInt, "sender": hid.jsonInt, "reason": "Janus API"],
        ])

        let detach = await h.janus(.handle(sid, hid), ["janus": "detach", "transaction": "t-detach"])
        #expect(detach == ["janus": "success", "session_id": sid.jsonInt, "transaction": "t-detach"])
        #expect(await h.poll(sid) == [["janus": "detached", "session_id": sid.jsonInt, "sender": hid.jsonInt]])

        let destroy = await h.janus(.session(sid), ["janus": "destroy", "transaction": "t-destroy"])
        #expect(destroy == ["janus": "success", "session_id": sid.jsonInt, "transaction": "t-destroy"])
        #expect(await h.gateway.longPoll(session: sid, maxEvents: 1, timeout: .milliseconds(10)) == .sessionNotFound)
        #expect(h.plugin.callLog == ["create \(hid)", "message \(hid)", "hangup \(hid)", "destroy \(hid)"])

        let events = await h.recorder.waitUntil { corePayloads($0).count >= 7 }
        #expect(corePayloads(events) == [
            .session(.created(transport: APIHarness.transport.reference)),
            .handle(.attached(plugin: "janus.plugin.apitest", opaqueID: "ref-0")),
            .jsep(owner: .remote, type: "offer", sdp: APITestPlugin.sdp),
            .plugin(package: "janus.plugin.apitest", data: ["seen": ["audio": true]]),
            .jsep(owner: .local, type: "answer", sdp: APITestPlugin.sdp),
            .handle(.detached(plugin: "janus.plugin.apitest", opaqueID: "ref-0")),
            .session(.destroyed),
        ])
        let handleScoped = events.filter { if case .handle = $0.payload { true } else { false } }
        #expect(handleScoped.allSatisfy { $0.sessionID == sid && $0.handleID == hid && $0.opaqueID == "ref-0" })
        await h.close()
    }

    @Test("a synchronous plugin answer is success with sender and plugindata")
    func synchronousAnswer() async throws {
        let h = try APIHarness.make()
        let sid = await h.createSession()
        let hid = await h.attach(sid)
        let reply = await h.janus(.handle(sid, hid), ["janus": "message", "transaction": "t", "body": ["sync": true]])
        #expect(reply == [
            "janus": "success", "session_id": sid.jsonInt, "transaction": "t", "sender": hid.jsonInt,
            "plugindata": ["plugin": "janus.plugin.apitest", "data": ["result": "sync"]],
        ])
        await h.close()
    }

    @Test("create with an explicit id uses it; the same id again is 468")
    func forcedSessionID() async throws {
        let h = try APIHarness.make()
        let first = await h.janus(.root, ["janus": "create", "transaction": "a", "id": 4242])
        #expect(first == ["janus": "success", "transaction": "a", "data": ["id": 4242]])
        let second = await h.janus(.root, ["janus": "create", "transaction": "b", "id": 4242])
        #expect(second == ["janus": "error", "transaction": "b", "error": ["code": 468, "reason": "Session ID already in use"]])
        await h.close()
    }

    @Test("root ping answers pong and info answers server_info with Janus's keys and the request's transaction")
    func pingAndInfo() async throws {
        let h = try APIHarness.make()
        #expect(await h.janus(.root, ["janus": "ping", "transaction": "p"]) == ["janus": "pong", "transaction": "p"])
        let info = await h.janus(.root, ["janus": "info", "transaction": "i"])
        #expect(info["janus"] == "server_info")
        #expect(info["transaction"] == "i")
        #expect(info["name"] == "SwiftGate")
        #expect(info["server-name"] == "TestGate")
        #expect(info["session-timeout"] == 60)
        #expect(info["api_secret"] == false)
        #expect(info["event_handlers"] == true)
        #expect(info["plugins"] == [
            "janus.plugin.apitest": [
                "name": "API test plugin", "author": "SwiftGate tests",
                "description": "Answers messages for the Gateway API tests.", "version_string": "0.0.3", "version": 3,
            ],
        ])
        #expect(info["events"]?["janus.eventhandler.apirecorder"]?["version_string"] == "0.0.1")
        h.gateway.registerTransport(TransportDescriptor(
            package: "janus.transport.test", name: "Test transport", author: "tests", description: "d", version: 1,
            versionString: "0.0.1"))
        let fresh = h.gateway.serverInfo()
        #expect(fresh["transports"]?["janus.transport.test"]?["name"] == "Test transport")
        #expect(fresh["transaction"]?.stringValue?.count == 12)
        #expect(fresh["transaction"] != h.gateway.serverInfo()["transaction"])
        await h.close()
    }

    @Test("start emits core startup with server_info and no transaction; shutdown emits core shutdown with the signal")
    func coreEvents() async throws {
        let h = try APIHarness.make()
        await h.gateway.start()
        let sid = await h.createSession()
        _ = await h.attach(sid)
        await h.gateway.shutdown(signal: 2)
        let events = await h.recorder.waitUntil { $0.contains { $0.payload == .core(.shutdown(signal: 2)) } }
        guard case .core(.startup(let info)) = events.first?.payload else {
            Issue.record("first event is not core startup: \(String(describing: events.first))")
            return
        }
        #expect(info["janus"] == "server_info")
        #expect(info["transaction"] == nil)
        #expect(corePayloads(events).dropFirst() == [
            .session(.created(transport: APIHarness.transport.reference)),
            .handle(.attached(plugin: "janus.plugin.apitest", opaqueID: nil)),
            .session(.destroyed),
            .handle(.detached(plugin: "janus.plugin.apitest", opaqueID: nil)),
            .core(.shutdown(signal: 2)),
        ])
        #expect(h.gateway.sessionCount == 0)
        #expect(await h.janus(.root, ["janus": "create", "transaction": "late"])["error"]?["code"] == 472)
        await h.events.shutdown()
    }

    @Test("destroy emits session destroyed before each handle's detached event and tells the plugin")
    func destroyOrder() async throws {
        let h = try APIHarness.make()
        let sid = await h.createSession()
        let first = await h.attach(sid, opaqueID: "one")
        let second = await h.attach(sid, opaqueID: "two")
        #expect(await h.janus(.session(sid), ["janus": "destroy", "transaction": "d"])["janus"] == "success")
        let events = await h.recorder.waitUntil { corePayloads($0).count >= 7 }
        #expect(corePayloads(events) == [
            .session(.created(transport: APIHarness.transport.reference)),
            .handle(.attached(plugin: "janus.plugin.apitest", opaqueID: "one")),
            .handle(.attached(plugin: "janus.plugin.apitest", opaqueID: "two")),
            .session(.destroyed),
            .handle(.detached(plugin: "janus.plugin.apitest", opaqueID: "one")),
            .handle(.detached(plugin: "janus.plugin.apitest", opaqueID: "two")),
        ])
        #expect(h.plugin.callLog == ["create \(first)", "create \(second)", "destroy \(first)", "destroy \(second)"])
        await h.close()
    }

    @Test("handle ids are unique across sessions and below 2^53")
    func handleIDsUnique() async throws {
        let h = try APIHarness.make()
        var seen = Set<HandleID>()
        for _ in 0..<5 {
            let sid = await h.createSession()
            for _ in 0..<10 { seen.insert(await h.attach(sid)) }
        }
        #expect(seen.count == 50)
        #expect(seen.allSatisfy { $0 >= 1 && $0 <= JanusIdentifier.maxSafe })
        await h.close()
    }

    @Test("a plugin may end its handle: the client gets detached and the plugin destroySession")
    func pluginEndsSession() async throws {
        let h = try APIHarness.make()
        let sid = await h.createSession()
        let hid = await h.attach(sid)
        h.gateway.endSession(PluginHandle(sessionID: sid, handleID: hid, opaqueID: nil))
        #expect(await h.poll(sid) == [["janus": "detached", "session_id": sid.jsonInt, "sender": hid.jsonInt]])
        #expect(h.plugin.callLog == ["create \(hid)", "destroy \(hid)"])
        let gone = await h.janus(.handle(sid, hid), ["janus": "message", "transaction": "m", "body": [:]])
        #expect(gone["error"]?["code"] == 459)
        await h.close()
    }

    @Test("the plugin closing the PeerConnection hangs up with reason Close PC; without one nothing is sent")
    func pluginClosesPeerConnection() async throws {
        let h = try APIHarness.make()
        let sid = await h.createSession()
        let hid = await h.attach(sid)
        let handle = PluginHandle(sessionID: sid, handleID: hid, opaqueID: nil)
        h.gateway.closePeerConnection(handle)
        #expect(await h.poll(sid, timeout: .milliseconds(50)) == [])
        let offer: JSONValue = ["type": "offer", "sdp": .string(APITestPlugin.sdp)]
        _ = await h.janus(.handle(sid, hid), ["janus": "message", "transaction": "m", "body": [:], "jsep": offer])
        _ = await h.poll(sid)
        h.gateway.closePeerConnection(handle)
        let messages = await h.poll(sid)
        #expect(messages.last == ["janus": "hangup", "session_id": sid.jsonInt, "sender": hid.jsonInt, "reason": "Close PC"])
        await h.close()
    }
}
