import Foundation
import GatewayCore
import HummingbirdTesting
import Logging
import Synchronization
import Testing

@testable import HTTPTransport

/// An event handler that keeps every event it is given.
final class RecordingHandler: EventHandler {
    static let package = "test.eventhandler.recording"
    let name = "recording"
    let author = "tests"
    let handlerDescription = "keeps events for assertions"
    let version = 1
    let versionString = "1"
    let mask: EventTypeMask
    private let received = Mutex<[Event]>([])

    init(mask: EventTypeMask) { self.mask = mask }
    init?(context: EventHandlerContext) throws { self.mask = .all }

    var events: [Event] { received.withLock { $0 } }
    func incomingEvent(_ event: Event) { received.withLock { $0.append(event) } }
    func handleRequest(_ request: JSONValue) async -> JSONValue { [:] }
    func shutdown() async {}

    /// Waits (polling every 10 ms, at most `limit`) until at least `count` events arrived.
    func waitForEvents(_ count: Int, limit: Duration = .seconds(5)) async -> [Event] {
        let clock = ContinuousClock()
        let deadline = clock.now + limit
        while events.count < count, clock.now < deadline { try? await Task.sleep(for: .milliseconds(10)) }
        return events
    }
}

@Suite("HTTP transport: transport events")
struct TransportEventTests {
    @Test("every request emits a transport event with admin_api, ip and port; the gateway sees the same reference")
    func eventsPerRequest() async throws {
        let handler = RecordingHandler(mask: .transport)
        let dispatcher = EventDispatcher(emitter: "test", enabled: true, logger: testLogger)
        dispatcher.register(handler)
        dispatcher.start()
        let gateway = FakeGateway(sessions: [9: [["janus": "event"]]], events: dispatcher)
        try await withAPI(.live, gateway: gateway) { client in
            _ = try await client.execute(uri: "/janus", method: .post, body: buffer("{}"))
            _ = try await client.execute(uri: "/janus/9", method: .get)
            _ = try await client.execute(uri: "/janus", method: .options)
        }
        try await withAPI(.live, .admin, gateway: gateway) { client in
            _ = try await client.execute(uri: "/admin", method: .post, body: buffer("{}"))
        }
        let events = await handler.waitForEvents(4)
        await dispatcher.shutdown()

        #expect(events.count == 4)
        let bodies = events.compactMap { event -> TransportEvent? in
            if case .transport(let body) = event.payload { body } else { nil }
        }
        #expect(bodies.count == 4)
        #expect(bodies.map { $0.data["admin_api"] } == [false, false, false, true])
        for body in bodies {
            #expect(body.reference.transport == "janus.transport.http")
            #expect(UInt64(body.reference.id) != nil)
            #expect(body.data["event"] == "request")
            #expect(body.data["ip"] == "127.0.0.1")
            #expect((body.data["port"]?.intValue ?? 0) > 0)
        }
        // One keep-alive connection per server: the Janus API requests share one connection id.
        #expect(Set(bodies.prefix(3).map(\.reference.id)).count == 1)
        let calls = gateway.calls
        #expect(calls.count == 2)
        #expect(calls[0].from.reference == bodies[0].reference)
        #expect(calls[0].from.remoteIP == "127.0.0.1")
        #expect(Int64(calls[0].from.remotePort) == bodies[0].data["port"]?.intValue)
        #expect(calls[1].from.reference == bodies[3].reference)
        #expect(calls[1].from.isAdmin)
    }

    @Test("with no subscriber no transport event is built and requests are still served")
    func noSubscriber() async throws {
        let handler = RecordingHandler(mask: .session)
        let dispatcher = EventDispatcher(emitter: "test", enabled: true, logger: testLogger)
        dispatcher.register(handler)
        dispatcher.start()
        let gateway = FakeGateway(events: dispatcher)
        try await withAPI(.router, gateway: gateway) { client in
            let response = try await client.execute(uri: "/janus", method: .post, body: buffer("{}"))
            #expect(response.status == .ok)
        }
        await dispatcher.shutdown()
        #expect(handler.events.isEmpty)
        #expect(gateway.calls.count == 1)
    }
}
