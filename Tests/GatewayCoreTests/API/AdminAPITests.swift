import GatewayCore
import Testing

/// The Admin API: secret, and each request with its reply shape and errors.
@Suite("Admin API")
struct AdminAPITests {
    static let secret: JSONValue = "janusoverlord"

    private func make() throws -> APIHarness {
        try APIHarness.make(settings: { $0.adminSecret = "janusoverlord" })
    }

    private func admin(_ h: APIHarness, _ body: [String: JSONValue], at path: APIPath = .root) async -> JSONValue {
        var members = body
        members["admin_secret"] = Self.secret
        return await h.admin(path, .object(members))
    }

    @Test("ping needs no secret; anything else without or with a wrong secret is 403")
    func secret() async throws {
        let h = try make()
        #expect(await h.admin(.root, ["janus": "ping", "transaction": "p"]) == ["janus": "pong", "transaction": "p"])
        let unauthorized: JSONValue = [
            "janus": "error", "transaction": "l",
            "error": ["code": 403, "reason": "Unauthorized request (wrong or missing secret/token)"],
        ]
        #expect(await h.admin(.root, ["janus": "list_sessions", "transaction": "l"]) == unauthorized)
        #expect(await h.admin(.root, ["janus": "list_sessions", "transaction": "l", "admin_secret": "wrong"]) == unauthorized)
        #expect(await admin(h, ["janus": "list_sessions", "transaction": "l"]) == ["janus": "success", "transaction": "l", "sessions": []])
        #expect(h.gateway.errorCounters.snapshot.admin == [403: 2])
        await h.close()
    }

    @Test("info answers server_info with the request's transaction")
    func info() async throws {
        let h = try make()
        let info = await admin(h, ["janus": "info", "transaction": "i"])
        #expect(info["janus"] == "server_info" && info["transaction"] == "i" && info["server-name"] == "TestGate")
        await h.close()
    }

    @Test("get_status reports Janus's status keys and the bad-request counters per code")
    func getStatus() async throws {
        let h = try make()
        _ = await h.janusRaw(.root, "[1]")
        _ = await h.janusRaw(.root, "[2]")
        _ = await h.janus(.session(77), ["janus": "keepalive", "transaction": "k"])
        let status = await admin(h, ["janus": "get_status", "transaction": "s"])
        #expect(status == [
            "janus": "success", "transaction": "s",
            "status": [
                "token_auth": false, "session_timeout": 60, "reclaim_session_timeout": 0, "log_level": 4, "sessions": 0,
                "api_errors": ["janus": ["455": 2, "458": 1], "admin": [:], "queue_overflows": 0],
            ],
        ])
        await h.close()
    }

    @Test("list_sessions, list_handles and handle_info describe live sessions and handles")
    func introspection() async throws {
        let h = try make()
        let sid = await h.createSession()
        let hid = await h.attach(sid, opaqueID: "ref-echotest-0")
        #expect(await admin(h, ["janus": "list_sessions", "transaction": "l"])["sessions"] == [sid.jsonInt])
        let handles = await admin(h, ["janus": "list_handles", "transaction": "h"], at: .session(sid))
        #expect(handles == ["janus": "success", "session_id": sid.jsonInt, "transaction": "h", "handles": [hid.jsonInt]])
        _ = await h.janus(.handle(sid, hid), [
            "janus": "trickle", "transaction": "t",
            "candidates": [["candidate": "candidate:1 1 udp 1 127.0.0.1 9 typ host", "sdpMid": "0"], ["completed": true]],
        ])

        let full = await admin(h, ["janus": "handle_info", "transaction": "i"], at: .handle(sid, hid))
        #expect(full["janus"] == "success" && full["session_id"] == sid.jsonInt && full["handle_id"] == hid.jsonInt)
        let info = try #require(full["info"])
        #expect(info["session_id"] == sid.jsonInt && info["handle_id"] == hid.jsonInt)
        #expect(info["opaque_id"] == "ref-echotest-0")
        #expect(info["plugin"] == "janus.plugin.apitest")
        #expect(info["session_timeout"] == 60)
        #expect(info["session_transport"] == "janus.transport.test")
        #expect(info["plugin_specific"] == ["calls": 1])
        let created = try #require(info["created"]?.intValue)
        let now = try #require(info["current_time"]?.intValue)
        let last = try #require(info["session_last_activity"]?.intValue)
        #expect(created <= now && last <= now && last >= created)
        #expect(info["flags"] == [
            "webrtcup": false, "got-offer": false, "got-answer": false, "negotiated": false, "trickle": true,
            "all-trickles": true,
        ])
        #expect(info["webrtc"] == .null, "no PeerConnection without a media path")
        #expect(info["remote-candidates"] == ["candidate:1 1 udp 1 127.0.0.1 9 typ host"])

        let pluginOnly = await admin(h, ["janus": "handle_info", "plugin_only": true, "transaction": "p"], at: .handle(sid, hid))
        let slim = try #require(pluginOnly["info"]?.objectValue)
        #expect(Set(slim.keys) == [
            "session_id", "session_last_activity", "session_timeout", "session_transport", "handle_id", "opaque_id",
            "created", "current_time", "plugin", "plugin_specific",
        ])
        await h.close()
    }

    @Test("admin requests to an unknown session or handle are 458 and 459")
    func unknownTargets() async throws {
        let h = try make()
        let sid = await h.createSession()
        let noSession = await admin(h, ["janus": "list_handles", "transaction": "x"], at: .session(123_456_789))
        #expect(noSession == [
            "janus": "error", "session_id": 123_456_789, "transaction": "x",
            "error": ["code": 458, "reason": "No such session 123456789"],
        ])
        let noHandle = await admin(h, ["janus": "handle_info", "transaction": "y"], at: .handle(sid, 5))
        #expect(noHandle["error"] == ["code": 459, "reason": .string("No such handle 5 in session \(sid)")])
        let wrongPath = await admin(h, ["janus": "handle_info", "transaction": "z"], at: .session(sid))
        #expect(wrongPath["error"]?["code"] == 457)
        await h.close()
    }

    @Test("set_session_timeout changes the timeout reported by info; a bad value is 456/467")
    func setSessionTimeout() async throws {
        let h = try make()
        #expect(await admin(h, ["janus": "set_session_timeout", "timeout": 120, "transaction": "s"])
            == ["janus": "success", "transaction": "s", "timeout": 120])
        #expect(await admin(h, ["janus": "info", "transaction": "i"])["session-timeout"] == 120)
        #expect(await admin(h, ["janus": "set_session_timeout", "transaction": "s"])["error"]
            == ["code": 456, "reason": "Missing mandatory element (timeout)"])
        #expect(await admin(h, ["janus": "set_session_timeout", "timeout": "x", "transaction": "s"])["error"]
            == ["code": 467, "reason": "Invalid element type (timeout should be a positive integer)"])
        #expect(h.gateway.currentSessionTimeout == 120)
        await h.close()
    }

    @Test("set_log_level applies levels 0…7 through setLogLevel and refuses others")
    func setLogLevel() async throws {
        let h = try make()
        #expect(await admin(h, ["janus": "set_log_level", "level": 7, "transaction": "l"])
            == ["janus": "success", "transaction": "l", "level": 7])
        #expect(await admin(h, ["janus": "set_log_level", "level": 8, "transaction": "l"])["error"]?["code"] == 467)
        #expect(await admin(h, ["janus": "set_log_level", "transaction": "l"])["error"]?["code"] == 456)
        #expect(h.levelBox.levels.withLock { $0 } == [7])
        #expect(h.gateway.currentLogLevel == 7)
        await h.close()
    }

    @Test("query_eventhandler routes the request to the handler, answers its response and rereads masks")
    func queryEventHandler() async throws {
        let h = try make()
        let reply = await admin(h, [
            "janus": "query_eventhandler", "handler": "janus.eventhandler.apirecorder",
            "request": ["request": "mute"], "transaction": "q",
        ])
        #expect(reply == ["janus": "success", "transaction": "q", "response": ["echo": ["request": "mute"]]])
        #expect(!h.events.isEnabled(.session))
        let unknown = await admin(h, ["janus": "query_eventhandler", "handler": "janus.eventhandler.nope", "request": [:], "transaction": "u"])
        #expect(unknown == ["janus": "error", "transaction": "u", "error": ["code": 460, "reason": "Invalid event handler"]])
        let missing = await admin(h, ["janus": "query_eventhandler", "handler": "janus.eventhandler.apirecorder", "transaction": "m"])
        #expect(missing["error"] == ["code": 456, "reason": "Missing mandatory element (request)"])
        await h.close()
    }

    @Test("custom_event emits an external event with schema and data; schema and data are mandatory")
    func customEvent() async throws {
        let h = try make()
        let reply = await admin(h, ["janus": "custom_event", "schema": "ref.probe", "data": ["hello": "world", "n": 1], "transaction": "c"])
        #expect(reply == ["janus": "success", "transaction": "c"])
        let events = await h.recorder.waitUntil { $0.contains { $0.type == .external } }
        #expect(events.last?.payload == .external(schema: "ref.probe", data: ["hello": "world", "n": 1]))
        #expect(await admin(h, ["janus": "custom_event", "data": ["hello": "world"], "transaction": "c"])["error"]
            == ["code": 456, "reason": "Missing mandatory element (schema)"])
        #expect(await admin(h, ["janus": "custom_event", "schema": "s", "data": 3, "transaction": "c"])["error"]
            == ["code": 467, "reason": "Invalid element type (data should be an object)"])
        await h.close()
    }

    @Test("custom_logline needs a line and accepts an optional level")
    func customLogline() async throws {
        let h = try make()
        #expect(await admin(h, ["janus": "custom_logline", "line": "hello from the test", "transaction": "c"])
            == ["janus": "success", "transaction": "c"])
        #expect(await admin(h, ["janus": "custom_logline", "line": "warn", "level": 3, "transaction": "c"])["janus"] == "success")
        #expect(await admin(h, ["janus": "custom_logline", "transaction": "c"])["error"]
            == ["code": 456, "reason": "Missing mandatory element (line)"])
        await h.close()
    }

    @Test("an unknown admin request is 457 and is counted")
    func unknownRequest() async throws {
        let h = try make()
        #expect(await admin(h, ["janus": "frobnicate", "transaction": "f"])
            == ["janus": "error", "transaction": "f", "error": ["code": 457, "reason": "Unhandled request 'frobnicate' at this path"]])
        #expect(h.gateway.errorCounters.snapshot.admin == [457: 1])
        await h.close()
    }
}
