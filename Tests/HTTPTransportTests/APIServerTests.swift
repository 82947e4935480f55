import Foundation
import GatewayCore
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

@testable import HTTPTransport

/// Where a test body runs: in process (`.router`) or over a real loopback socket (`.live`).
enum Mode: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case router, live
    var setup: TestingSetup { self == .router ? .router : .live }
    var testDescription: String { rawValue }
}

/// Runs `body` against one API of a transport built on `gateway`.
func withAPI<T: Sendable>(
    _ mode: Mode, _ kind: APIKind = .janus, gateway: FakeGateway, settings: HTTPTransportSettings = testSettings(),
    _ body: @Sendable (any TestClientProtocol) async throws -> T
) async throws -> T {
    let transport = HTTPTransport(settings: settings, gateway: gateway, logger: testLogger)
    return try await transport.makeApplication(kind).test(mode.setup, body)
}

func json(_ response: TestResponse) throws -> JSONValue {
    try JSONValue.parse(Data(response.body.readableBytesView))
}

func buffer(_ text: String) -> ByteBuffer { ByteBuffer(string: text) }

@Suite("HTTP transport: Janus and Admin API over HTTP")
struct APIServerTests {
    @Test("POSTs reach janusRequest with the path's APIPath and the exact body", arguments: Mode.allCases)
    func postRouting(mode: Mode) async throws {
        let gateway = FakeGateway()
        let body = #"{"janus":"attach","plugin":"janus.plugin.echotest","transaction":"t1"}"#
        try await withAPI(mode, gateway: gateway) { client in
            for (uri, label) in [("/janus", "root"), ("/janus/12", "session 12"), ("/janus/12/34", "handle 12 34")] {
                let response = try await client.execute(uri: uri, method: .post, body: buffer(body))
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/json")
                #expect(response.headers[.accessControlAllowOrigin] == "*")
                let reply = try json(response)
                #expect(reply["api"] == "janus")
                #expect(reply["path"] == .string(label))
                #expect(reply["request"]?["plugin"] == "janus.plugin.echotest")
            }
        }
        #expect(gateway.calls.map(\.path) == [.root, .session(12), .handle(12, 34)])
        #expect(gateway.calls.allSatisfy { $0.api == .janus && $0.body == Data(body.utf8) && !$0.from.isAdmin })
    }

    @Test("Admin POSTs reach adminRequest; GET /admin/info becomes a generated info request", arguments: Mode.allCases)
    func adminRouting(mode: Mode) async throws {
        let gateway = FakeGateway()
        try await withAPI(mode, .admin, gateway: gateway) { client in
            for uri in ["/admin", "/admin/5", "/admin/5/6"] {
                let response = try await client.execute(uri: uri, method: .post, body: buffer(#"{"janus":"ping"}"#))
                #expect(try json(response)["api"] == "admin")
            }
            let info = try await client.execute(uri: "/admin/info", method: .get)
            #expect(try json(info)["request"]?["janus"] == "info")
            #expect(try json(info)["request"]?["transaction"]?.stringValue?.count == 12)
        }
        #expect(gateway.calls.map(\.path) == [.root, .session(5), .handle(5, 6), .root])
        #expect(gateway.calls.allSatisfy { $0.api == .admin && $0.from.isAdmin })
    }

    @Test("GET /janus/info answers serverInfo; GET /janus/ping sends a ping to the root", arguments: Mode.allCases)
    func infoAndPing(mode: Mode) async throws {
        let gateway = FakeGateway()
        try await withAPI(mode, gateway: gateway) { client in
            let info = try await client.execute(uri: "/janus/info", method: .get)
            #expect(try json(info)["janus"] == "server_info")
            #expect(info.headers[.contentType] == "application/json")
            let ping = try await client.execute(uri: "/janus/ping", method: .get)
            #expect(try json(ping)["request"]?["janus"] == "ping")
            let postInfo = try await client.execute(uri: "/janus/info", method: .post, body: buffer("{}"))
            #expect(postInfo.status == .badRequest)
        }
        #expect(gateway.calls.map(\.path) == [.root])
    }

    @Test("an idle long poll answers keepalive: an object without maxev, an array with maxev > 1", arguments: Mode.allCases)
    func longPollKeepalive(mode: Mode) async throws {
        let gateway = FakeGateway(sessions: [77: []])
        try await withAPI(mode, gateway: gateway, settings: testSettings(longPollTimeout: .milliseconds(100))) { client in
            let single = try await client.execute(uri: "/janus/77?rid=1", method: .get)
            #expect(single.status == .ok)
            #expect(try json(single) == ["janus": "keepalive"])
            #expect(single.headers[.accessControlAllowOrigin] == "*")
            #expect(single.headers[.contentType] == "application/json")
            let many = try await client.execute(uri: "/janus/77?rid=2&maxev=10", method: .get)
            #expect(try json(many) == [["janus": "keepalive"]])
        }
        #expect(gateway.longPolls == [
            .init(session: 77, maxEvents: 1, timeout: .milliseconds(100)),
            .init(session: 77, maxEvents: 10, timeout: .milliseconds(100)),
        ])
    }

    @Test("a long poll with events answers one object for maxev 1 and an array for maxev > 1", arguments: Mode.allCases)
    func longPollEvents(mode: Mode) async throws {
        let queued: [JSONValue] = [
            ["janus": "event", "session_id": 5, "sender": 1], ["janus": "webrtcup", "session_id": 5, "sender": 1],
            ["janus": "media", "session_id": 5, "sender": 1],
        ]
        let gateway = FakeGateway(sessions: [5: queued])
        try await withAPI(mode, gateway: gateway) { client in
            let first = try await client.execute(uri: "/janus/5?maxev=1", method: .get)
            #expect(try json(first) == queued[0])
            let rest = try await client.execute(uri: "/janus/5?maxev=5", method: .get)
            #expect(try json(rest) == .array(Array(queued[1...])))
        }
    }

    @Test("a long poll for an unknown session is 404 with an empty body", arguments: Mode.allCases)
    func longPollUnknownSession(mode: Mode) async throws {
        try await withAPI(mode, gateway: FakeGateway()) { client in
            let response = try await client.execute(uri: "/janus/123456789?maxev=1", method: .get)
            #expect(response.status == .notFound)
            #expect(response.body.readableBytes == 0)
            #expect(response.headers[.accessControlAllowOrigin] == "*")
        }
    }

    @Test("OPTIONS preflight: 200, empty body, requested method and headers echoed, max age", arguments: Mode.allCases)
    func preflight(mode: Mode) async throws {
        let gateway = FakeGateway()
        try await withAPI(mode, gateway: gateway) { client in
            for uri in ["/janus", "/janus/12", "/janus/12/34"] {
                let headers: HTTPFields = [
                    .origin: "http://127.0.0.1:9000", .accessControlRequestMethod: "POST",
                    .accessControlRequestHeaders: "content-type",
                ]
                let response = try await client.execute(uri: uri, method: .options, headers: headers)
                #expect(response.status == .ok)
                #expect(response.body.readableBytes == 0)
                #expect(response.headers[.accessControlAllowOrigin] == "*")
                #expect(response.headers[.accessControlAllowMethods] == "POST")
                #expect(response.headers[.accessControlAllowHeaders] == "content-type")
                #expect(response.headers[.accessControlMaxAge] == "86400")
            }
        }
        #expect(gateway.calls.isEmpty)
    }

    @Test("a configured allow_origin is sent on every response, with Vary: Origin", arguments: Mode.allCases)
    func configuredOrigin(mode: Mode) async throws {
        let settings = testSettings(allowOrigin: "http://127.0.0.1:9000")
        try await withAPI(mode, gateway: FakeGateway(), settings: settings) { client in
            let post = try await client.execute(uri: "/janus", method: .post, body: buffer("{}"))
            #expect(post.headers[.accessControlAllowOrigin] == "http://127.0.0.1:9000")
            #expect(post.headers[.vary] == "Origin")
            let notFound = try await client.execute(uri: "/janus/1/2/3", method: .post, body: buffer("{}"))
            #expect(notFound.headers[.accessControlAllowOrigin] == "http://127.0.0.1:9000")
        }
    }

    @Test("unsupported methods get error 450 with HTTP 200", arguments: Mode.allCases)
    func unsupportedMethod(mode: Mode) async throws {
        let gateway = FakeGateway()
        try await withAPI(mode, gateway: gateway) { client in
            for method in [HTTPRequest.Method.delete, .put, .patch] {
                let response = try await client.execute(uri: "/janus", method: method, body: buffer("{}"))
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/json")
                #expect(try json(response) == [
                    "janus": "error", "error": ["code": 450, "reason": .string("Unsupported method \(method.rawValue)")],
                ])
            }
        }
        #expect(gateway.calls.isEmpty)
    }

    @Test("malformed ids: POST gets error 457, GET 404; extra segments are 404", arguments: Mode.allCases)
    func badIdentifiers(mode: Mode) async throws {
        let gateway = FakeGateway()
        try await withAPI(mode, gateway: gateway) { client in
            let badSession = try await client.execute(uri: "/janus/abc", method: .post, body: buffer("{}"))
            #expect(badSession.status == .ok)
            #expect(try json(badSession)["error"]?["code"] == 457)
            #expect(try json(badSession)["error"]?["reason"] == "Invalid session id 'abc' in path")
            let zeroHandle = try await client.execute(uri: "/janus/12/0", method: .post, body: buffer("{}"))
            #expect(try json(zeroHandle)["error"]?["reason"] == "Invalid handle id '0' in path")
            let badPoll = try await client.execute(uri: "/janus/abc", method: .get)
            #expect(badPoll.status == .notFound)
            let extra = try await client.execute(uri: "/janus/1/2/3", method: .post, body: buffer("{}"))
            #expect(extra.status == .notFound)
            #expect(extra.body.readableBytes == 0)
            let root = try await client.execute(uri: "/janus", method: .get)
            #expect(root.status == .notFound)
            let handlePoll = try await client.execute(uri: "/janus/12/34", method: .get)
            #expect(handlePoll.status == .found)
            #expect(handlePoll.headers[.location] == "/janus/12")
        }
        #expect(gateway.calls.isEmpty)
    }

    @Test("a body over max_body_size gets 413 with error 450; the server keeps serving", arguments: Mode.allCases)
    func bodyLimit(mode: Mode) async throws {
        let gateway = FakeGateway()
        try await withAPI(mode, gateway: gateway, settings: testSettings(maxBodySize: 64)) { client in
            let exact = String(repeating: " ", count: 62) + "{}"
            let ok = try await client.execute(uri: "/janus", method: .post, body: buffer(exact))
            #expect(ok.status == .ok)
            let tooBig = try await client.execute(uri: "/janus", method: .post, body: buffer(exact + " "))
            #expect(tooBig.status == .contentTooLarge)
            #expect(tooBig.headers[.accessControlAllowOrigin] == "*")
            #expect(try json(tooBig) == [
                "janus": "error", "error": ["code": 450, "reason": "Request body larger than 64 bytes"],
            ])
            let huge = try await client.execute(uri: "/janus/1", method: .post, body: buffer(String(repeating: "x", count: 100_000)))
            #expect(huge.status == .contentTooLarge)
            let after = try await client.execute(uri: "/janus/12", method: .post, body: buffer(#"{"janus":"keepalive"}"#))
            #expect(after.status == .ok)
            #expect(try json(after)["path"] == "session 12")
        }
        #expect(gateway.calls.map(\.path) == [.root, .session(12)])
    }

    @Test("a text/plain POST (janus.js sendBeacon) is forwarded like JSON", arguments: Mode.allCases)
    func textPlainPost(mode: Mode) async throws {
        let gateway = FakeGateway()
        let body = #"{"janus":"destroy","transaction":"beacon"}"#
        try await withAPI(mode, gateway: gateway) { client in
            let response = try await client.execute(
                uri: "/janus/42", method: .post, headers: [.contentType: "text/plain;charset=UTF-8"], body: buffer(body))
            #expect(try json(response)["request"]?["transaction"] == "beacon")
        }
        #expect(gateway.calls.map(\.body) == [Data(body.utf8)])
    }

    @Test("json = indented lays replies out over several lines", arguments: Mode.allCases)
    func indentedJSON(mode: Mode) async throws {
        var settings = testSettings()
        settings.jsonFormat = .indented
        try await withAPI(mode, gateway: FakeGateway(), settings: settings) { client in
            let response = try await client.execute(uri: "/janus/info", method: .get)
            #expect(String(buffer: response.body).contains("\n"))
            #expect(try json(response)["janus"] == "server_info")
        }
    }
}
