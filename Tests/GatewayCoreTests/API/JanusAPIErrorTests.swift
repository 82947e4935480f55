import Foundation
import GatewayCore
import Testing

/// Every bad request of API.md's error table (and the other checks the core makes) gets Janus's
/// code and reason, is counted, and leaves the session working.
@Suite("Janus API errors")
struct JanusAPIErrorTests {
    /// Where a bad request is sent.
    enum Target: Sendable {
        case root, session, handle, unknownSession, unknownHandle
    }

    /// One bad request and the exact error it must get.
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let target: Target
        let body: String
        let code: Int
        let reason: String
        /// Whether the reply echoes the transaction (envelope errors do not).
        var echoesTransaction = true
        var testDescription: String { "\(name) → \(code)" }
    }

    static let offerSDP = APITestPlugin.sdp.replacingOccurrences(of: "\r\n", with: "\\r\\n")

    static let cases: [Case] = [
        Case(name: "create without transaction", target: .root, body: #"{"janus":"create"}"#, code: 456,
             reason: "Missing mandatory element (transaction)", echoesTransaction: false),
        Case(name: "JSON but not an object", target: .root, body: #"["create"]"#, code: 455,
             reason: "JSON error: not an object", echoesTransaction: false),
        Case(name: "no janus element", target: .root, body: #"{"transaction":"t"}"#, code: 456,
             reason: "Missing mandatory element (janus)", echoesTransaction: false),
        Case(name: "janus not a string", target: .root, body: #"{"janus":42,"transaction":"t"}"#, code: 467,
             reason: "Invalid element type (janus should be a string)", echoesTransaction: false),
        Case(name: "transaction not a string", target: .root, body: #"{"janus":"create","transaction":7}"#, code: 467,
             reason: "Invalid element type (transaction should be a string)", echoesTransaction: false),
        Case(name: "unknown request at root", target: .root, body: #"{"janus":"foo","transaction":"t"}"#, code: 457,
             reason: "Unhandled request 'foo' at this path"),
        Case(name: "create with a negative id", target: .root, body: #"{"janus":"create","transaction":"t","id":-1}"#,
             code: 467, reason: "Invalid element type (id should be a positive integer)"),
        Case(name: "keepalive to an unknown session", target: .unknownSession, body: #"{"janus":"keepalive","transaction":"t"}"#,
             code: 458, reason: "No such session 123456789"),
        Case(name: "attach to an unknown plugin", target: .session,
             body: #"{"janus":"attach","plugin":"janus.plugin.nope","transaction":"t"}"#, code: 460,
             reason: "No such plugin 'janus.plugin.nope'"),
        Case(name: "attach without plugin", target: .session, body: #"{"janus":"attach","transaction":"t"}"#, code: 456,
             reason: "Missing mandatory element (plugin)"),
        Case(name: "attach refused by the plugin", target: .session,
             body: #"{"janus":"attach","plugin":"janus.plugin.apitest","opaque_id":"refuse","transaction":"t"}"#,
             code: 461, reason: "refused by the test plugin"),
        Case(name: "message at the session path", target: .session, body: #"{"janus":"message","body":{},"transaction":"t"}"#,
             code: 457, reason: "Unhandled request 'message' at this path"),
        Case(name: "unknown request at the session path", target: .session, body: #"{"janus":"foo","transaction":"t"}"#,
             code: 453, reason: "Unknown request 'foo'"),
        Case(name: "attach at the handle path", target: .handle,
             body: #"{"janus":"attach","plugin":"janus.plugin.apitest","transaction":"t"}"#, code: 457,
             reason: "Unhandled request 'attach' at this path"),
        Case(name: "message to an unknown handle", target: .unknownHandle, body: #"{"janus":"message","body":{},"transaction":"t"}"#,
             code: 459, reason: "No such handle 999 in session <sid>"),
        Case(name: "message without body", target: .handle, body: #"{"janus":"message","transaction":"t"}"#, code: 456,
             reason: "Missing mandatory element (body)"),
        Case(name: "message body not an object", target: .handle, body: #"{"janus":"message","body":[1],"transaction":"t"}"#,
             code: 467, reason: "Invalid element type (body should be an object)"),
        Case(name: "jsep not an object", target: .handle, body: #"{"janus":"message","body":{},"jsep":"x","transaction":"t"}"#,
             code: 455, reason: "Invalid jsep object"),
        Case(name: "jsep without sdp", target: .handle,
             body: #"{"janus":"message","body":{},"jsep":{"type":"offer"},"transaction":"t"}"#, code: 456,
             reason: "JSEP error: missing mandatory element (sdp)"),
        Case(name: "jsep of unknown type", target: .handle,
             body: #"{"janus":"message","body":{"audio":true},"jsep":{"type":"bogus","sdp":"v=0"},"transaction":"t"}"#,
             code: 464, reason: "JSEP error: unknown message type 'bogus'"),
        Case(name: "offer that is not SDP", target: .handle,
             body: #"{"janus":"message","body":{},"jsep":{"type":"offer","sdp":"this is not sdp"},"transaction":"t"}"#,
             code: 465, reason: "Invalid SDP (doesn't start with v=)"),
        Case(name: "answer 'v=0' when no offer was sent", target: .handle,
             body: #"{"janus":"message","body":{},"jsep":{"type":"answer","sdp":"v=0"},"transaction":"t"}"#,
             code: 465, reason: "Missing mandatory lines (o=, s= or m=)"),
        Case(name: "valid answer when no offer was sent", target: .handle,
             body: #"{"janus":"message","body":{},"jsep":{"type":"answer","sdp":"\#(offerSDP)"},"transaction":"t"}"#,
             code: 469, reason: "Unexpected ANSWER (did we offer?)"),
        Case(name: "plugin throws a Janus error", target: .handle, body: #"{"janus":"message","body":{"fail":true},"transaction":"t"}"#,
             code: 499, reason: "the test plugin failed"),
        Case(name: "plugin throws another error", target: .handle, body: #"{"janus":"message","body":{"crash":true},"transaction":"t"}"#,
             code: 462, reason: "test plugin crashed"),
        Case(name: "plugin answers a non-object", target: .handle, body: #"{"janus":"message","body":{"badsync":true},"transaction":"t"}"#,
             code: 462, reason: "Plugin returned an invalid JSON response"),
        Case(name: "trickle without candidate", target: .handle, body: #"{"janus":"trickle","transaction":"t"}"#, code: 456,
             reason: "Missing mandatory element (candidate|candidates)"),
        Case(name: "trickle with candidate and candidates", target: .handle,
             body: #"{"janus":"trickle","candidate":{"completed":true},"candidates":[],"transaction":"t"}"#, code: 454,
             reason: "Can't have both candidate and candidates"),
        Case(name: "candidates not an array", target: .handle, body: #"{"janus":"trickle","candidates":{},"transaction":"t"}"#,
             code: 467, reason: "Trickle error: invalid element type (candidates should be an array)"),
        Case(name: "candidate without sdpMid and sdpMLineIndex", target: .handle,
             body: #"{"janus":"trickle","candidate":{"candidate":"candidate:1 1 udp 1 127.0.0.1 9 typ host"},"transaction":"t"}"#,
             code: 456, reason: "Trickle error: missing mandatory element (sdpMid or sdpMLineIndex)"),
        Case(name: "candidate with a negative sdpMLineIndex", target: .handle,
             body: #"{"janus":"trickle","candidate":{"candidate":"c","sdpMLineIndex":-1},"transaction":"t"}"#,
             code: 467, reason: "Trickle error: invalid element type (sdpMLineIndex should be a positive integer)"),
        Case(name: "candidate line not a string", target: .handle,
             body: #"{"janus":"trickle","candidates":[{"candidate":5,"sdpMid":"0"}],"transaction":"t"}"#,
             code: 467, reason: "Trickle error: invalid element type (candidate should be a string)"),
        Case(name: "candidate without its line", target: .handle,
             body: #"{"janus":"trickle","candidate":{"sdpMid":"0"},"transaction":"t"}"#,
             code: 456, reason: "Trickle error: missing mandatory element (candidate)"),
    ]

    @Test("bad request gets Janus's code and reason, is counted, and the session keeps working", arguments: cases)
    func badRequest(_ testCase: Case) async throws {
        let h = try APIHarness.make()
        let sid = await h.createSession()
        let hid = await h.attach(sid)
        let path: APIPath = switch testCase.target {
        case .root: .root
        case .session: .session(sid)
        case .handle: .handle(sid, hid)
        case .unknownSession: .session(123_456_789)
        case .unknownHandle: .handle(sid, 999)
        }
        let reply = await h.janusRaw(path, testCase.body)
        var expected: JSONValue = [
            "janus": "error",
            "error": ["code": .int(Int64(testCase.code)), "reason": .string(testCase.reason.replacingOccurrences(of: "<sid>", with: "\(sid)"))],
        ]
        if testCase.echoesTransaction { expected["transaction"] = "t" }
        if let session = path.sessionIDForTest { expected["session_id"] = .int(Int64(session)) }
        #expect(reply == expected)
        #expect(h.gateway.errorCounters.snapshot.janus == [testCase.code: 1])
        let keepalive = await h.janus(.handle(sid, hid), ["janus": "keepalive", "transaction": "k"])
        #expect(keepalive == ["janus": "ack", "session_id": sid.jsonInt, "transaction": "k"])
        await h.close()
    }

    @Test("invalid JSON is 454 with the parser's reason and no ids")
    func invalidJSON() async throws {
        let h = try APIHarness.make()
        let sid = await h.createSession()
        let reply = await h.janusRaw(.session(sid), #"{"janus": "create", "transaction": "#)
        #expect(reply["janus"] == "error")
        #expect(reply["error"]?["code"] == 454)
        let reason = try #require(reply["error"]?["reason"]?.stringValue)
        #expect(reason.hasPrefix("JSON error: ") && reason.count > "JSON error: ".count)
        #expect(reply["session_id"] == nil && reply["transaction"] == nil)
        await h.close()
    }

    @Test("destroying a session twice answers 458 the second time")
    func destroyTwice() async throws {
        let h = try APIHarness.make()
        let created = await h.janus(.root, ["janus": "create", "transaction": "c", "id": 4242])
        #expect(created["data"]?["id"] == 4242)
        #expect(await h.janus(.session(4242), ["janus": "destroy", "transaction": "d1"])["janus"] == "success")
        let again = await h.janus(.session(4242), ["janus": "destroy", "transaction": "d2"])
        #expect(again == ["janus": "error", "session_id": 4242, "transaction": "d2", "error": ["code": 458, "reason": "No such session 4242"]])
        await h.close()
    }

    @Test("a refused jsep changes nothing: no jsep event, no negotiation state, plugin not called")
    func refusedJSEPChangesNothing() async throws {
        let h = try APIHarness.make()
        let sid = await h.createSession()
        let hid = await h.attach(sid)
        _ = await h.janusRaw(.handle(sid, hid), #"{"janus":"message","body":{},"jsep":{"type":"offer","sdp":"v=0"},"transaction":"t"}"#)
        #expect(h.plugin.callLog == ["create \(hid)"])
        let info = await h.admin(.handle(sid, hid), ["janus": "handle_info", "transaction": "i"])
        #expect(info["info"]?["flags"]?["got-offer"] == false)
        await h.close()  // drains the dispatcher: every event notified so far has been delivered
        #expect(corePayloads(h.recorder.events).count >= 2)
        #expect(!h.recorder.events.contains { if case .jsep = $0.payload { true } else { false } })
    }

    @Test("an answer after the plugin offered is accepted and marks the handle negotiated")
    func answerAfterLocalOffer() async throws {
        let h = try APIHarness.make()
        let sid = await h.createSession()
        let hid = await h.attach(sid)
        _ = await h.janus(.handle(sid, hid), ["janus": "message", "transaction": "o", "body": ["offer": true]])
        let pushed = await h.poll(sid)
        #expect(pushed.first?["jsep"]?["type"] == "offer")
        let answer: JSONValue = ["type": "answer", "sdp": .string(APITestPlugin.sdp)]
        let reply = await h.janus(.handle(sid, hid), ["janus": "message", "transaction": "a", "body": [:], "jsep": answer])
        #expect(reply["janus"] == "ack")
        let info = await h.admin(.handle(sid, hid), ["janus": "handle_info", "transaction": "i"])
        #expect(info["info"]?["flags"]?["negotiated"] == true)
        await h.close()
    }

    @Test("with api_secret set, create and session requests need it; info and ping do not")
    func apiSecret() async throws {
        let h = try APIHarness.make(settings: { $0.apiSecret = "s3cret" })
        let unauthorized: JSONValue = ["code": 403, "reason": "Unauthorized request (wrong or missing secret/token)"]
        #expect(await h.janus(.root, ["janus": "create", "transaction": "c"]) == ["janus": "error", "transaction": "c", "error": unauthorized])
        #expect(await h.janus(.root, ["janus": "create", "transaction": "c", "apisecret": "nope"])["error"] == unauthorized)
        #expect(await h.janus(.root, ["janus": "ping", "transaction": "p"]) == ["janus": "pong", "transaction": "p"])
        #expect(await h.janus(.root, ["janus": "info", "transaction": "i"])["api_secret"] == true)
        let created = await h.janus(.root, ["janus": "create", "transaction": "c", "apisecret": "s3cret"])
        let sid = SessionID(try #require(created["data"]?["id"]?.intValue))
        let denied = await h.janus(.session(sid), ["janus": "keepalive", "transaction": "k"])
        #expect(denied == ["janus": "error", "session_id": sid.jsonInt, "transaction": "k", "error": unauthorized])
        let allowed = await h.janus(.session(sid), ["janus": "keepalive", "transaction": "k", "apisecret": "s3cret"])
        #expect(allowed == ["janus": "ack", "session_id": sid.jsonInt, "transaction": "k"])
        #expect(h.gateway.errorCounters.snapshot.janus == [403: 3])
        await h.close()
    }

    @Test("request names match case-insensitively, as Janus's strcasecmp does")
    func caseInsensitiveNames() async throws {
        let h = try APIHarness.make()
        #expect(await h.janus(.root, ["janus": "PING", "transaction": "p"]) == ["janus": "pong", "transaction": "p"])
        await h.close()
    }
}

extension APIPath {
    var sessionIDForTest: SessionID? {
        switch self {
        case .root: nil
        case .session(let sid), .handle(let sid, _): sid
        }
    }
}
