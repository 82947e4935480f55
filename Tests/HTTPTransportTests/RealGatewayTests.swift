import EchoTest
import Foundation
import GatewayCore
import Hummingbird
import HummingbirdTesting
import Testing

@testable import HTTPTransport

@Suite("HTTP transport with the real Gateway and EchoTest")
struct RealGatewayTests {
    @Test("create, attach echotest, message, long poll, detach, destroy over HTTP; then 458 and info", arguments: Mode.allCases)
    func echoTestLifecycle(mode: Mode) async throws {
        let events = EventDispatcher(emitter: "test", enabled: false, logger: testLogger)
        let gateway = Gateway(settings: GatewaySettings(), configsFolder: "/nonexistent", events: events, logger: testLogger)
        gateway.register(plugin: EchoTestPlugin(gateway: gateway, logger: testLogger))
        await gateway.start()
        let transport = HTTPTransport(settings: testSettings(longPollTimeout: .seconds(5)), gateway: gateway, logger: testLogger)
        try await transport.makeApplication(.janus).test(mode.setup) { client in
            func post(_ uri: String, _ body: JSONValue) async throws -> JSONValue {
                let response = try await client.execute(uri: uri, method: .post, body: ByteBuffer(bytes: body.serialized()))
                #expect(response.status == .ok)
                return try json(response)
            }
            let created = try await post("/janus", ["janus": "create", "transaction": "c1"])
            #expect(created["janus"] == "success")
            let session = try #require(created["data"]?["id"]?.intValue)
            let attached = try await post(
                "/janus/\(session)", ["janus": "attach", "plugin": "janus.plugin.echotest", "opaque_id": "o1", "transaction": "a1"])
            #expect(attached["janus"] == "success")
            let handle = try #require(attached["data"]?["id"]?.intValue)
            let acked = try await post("/janus/\(session)/\(handle)", ["janus": "message", "body": ["audio": true], "transaction": "m1"])
            #expect(acked["janus"] == "ack")
            let poll = try await client.execute(uri: "/janus/\(session)?rid=1&maxev=10", method: .get)
            let polled = try json(poll)
            #expect(polled.arrayValue?.first?["janus"] == "event")
            #expect(polled.arrayValue?.first?["transaction"] == "m1")
            #expect(polled.arrayValue?.first?["plugindata"]?["data"]?["result"] == "ok")
            let detached = try await post("/janus/\(session)/\(handle)", ["janus": "detach", "transaction": "d1"])
            #expect(detached["janus"] == "success")
            let destroyed = try await post("/janus/\(session)", ["janus": "destroy", "transaction": "x1"])
            #expect(destroyed["janus"] == "success")
            let again = try await post("/janus/\(session)", ["janus": "destroy", "transaction": "x2"])
            #expect(again["error"]?["code"] == 458)
            let gone = try await client.execute(uri: "/janus/\(session)?maxev=1", method: .get)
            #expect(gone.status == .notFound)
            let info = try json(try await client.execute(uri: "/janus/info", method: .get))
            #expect(info["transports"]?["janus.transport.http"] != nil)
        }
        await gateway.shutdown(signal: nil)
        await events.shutdown()
    }
}
