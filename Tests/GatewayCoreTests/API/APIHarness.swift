import Foundation
import GatewayCore
import Logging
import Synchronization

/// A monotonic clock the test moves by hand; sleeping still uses real (short) time.
final class ManualMonotonicClock: Sendable {
    private let now = Mutex<Int64>(1_000_000)

    /// Moves the clock forward.
    func advance(seconds: Double) { now.withLock { $0 += Int64(seconds * 1_000_000) } }

    var gatewayClock: GatewayClock {
        GatewayClock(monotonicMicros: { self.now.withLock { $0 } }, sleep: { try await Task.sleep(for: $0) })
    }
}

/// A gateway wired to the test plugin and a recording event handler, driven without HTTP.
struct APIHarness {
    let gateway: Gateway
    let plugin: APITestPlugin
    let recorder: APIEventRecorder
    let events: EventDispatcher
    let levelBox: LevelBox

    static let transport = TransportRequest(
        reference: TransportReference(transport: "janus.transport.test", id: "42"),
        remoteIP: "127.0.0.1", remotePort: 50_000, isAdmin: false)

    /// - Parameters: see `Gateway.init`; events are broadcast and the recorder subscribes to all.
    static func make(
        settings customize: (inout GatewaySettings) -> Void = { _ in },
        clock: GatewayClock = .system, reaperInterval: Duration = .seconds(1), queueCapacity: Int = 1_000
    ) throws -> APIHarness {
        var settings = GatewaySettings()
        settings.serverName = "TestGate"
        settings.eventsBroadcast = true
        customize(&settings)
        let logger = Logger(label: "test.gateway")
        let events = EventDispatcher(emitter: settings.serverName, enabled: true, logger: logger)
        let recorder = APIEventRecorder()
        events.register(recorder)
        events.start()
        let box = LevelBox()
        let gateway = Gateway(
            settings: settings, configsFolder: "/nonexistent", events: events, logger: logger,
            setLogLevel: { level in box.levels.withLock { $0.append(level) } },
            clock: clock, reaperInterval: reaperInterval, sessionQueueCapacity: queueCapacity)
        let plugin = try APITestPlugin(configsFolder: "/nonexistent", gateway: gateway)
        gateway.register(plugin: plugin)
        return APIHarness(gateway: gateway, plugin: plugin, recorder: recorder, events: events, levelBox: box)
    }

    /// Sends a Janus API request object.
    func janus(_ path: APIPath, _ body: JSONValue) async -> JSONValue {
        await gateway.janusRequest(path: path, body: body.serialized(), from: Self.transport)
    }

    /// Sends a Janus API request as raw text.
    func janusRaw(_ path: APIPath, _ text: String) async -> JSONValue {
        await gateway.janusRequest(path: path, body: Data(text.utf8), from: Self.transport)
    }

    /// Sends an Admin API request object.
    func admin(_ path: APIPath, _ body: JSONValue) async -> JSONValue {
        await gateway.adminRequest(path: path, body: body.serialized(), from: Self.transport)
    }

    /// Creates a session and returns its id (0 when the reply had none, which fails the caller's checks).
    func createSession() async -> SessionID {
        let reply = await janus(.root, ["janus": "create", "transaction": "create"])
        return SessionID(reply["data"]?["id"]?.intValue ?? 0)
    }

    /// Attaches the test plugin and returns the handle id.
    func attach(_ session: SessionID, opaqueID: String? = nil) async -> HandleID {
        var body: JSONValue = ["janus": "attach", "plugin": .string(APITestPlugin.package), "transaction": "attach"]
        if let opaqueID { body["opaque_id"] = .string(opaqueID) }
        let reply = await janus(.session(session), body)
        return HandleID(reply["data"]?["id"]?.intValue ?? 0)
    }

    /// Long-polls with a short timeout.
    func poll(_ session: SessionID, maxEvents: Int = 10, timeout: Duration = .seconds(2)) async -> [JSONValue] {
        guard case .events(let messages) = await gateway.longPoll(session: session, maxEvents: maxEvents, timeout: timeout) else {
            return []
        }
        return messages
    }

    /// Shuts the gateway, then the dispatcher, down.
    func close() async {
        await gateway.shutdown(signal: nil)
        await events.shutdown()
    }
}

/// Collects `setLogLevel` calls.
final class LevelBox: Sendable {
    let levels = Mutex<[Int]>([])
}

extension SessionID {
    /// The id as a JSON integer.
    var jsonInt: JSONValue { .int(Int64(self)) }
}

/// Non-transport events, for order assertions (transport events come from transports, not from the core).
func corePayloads(_ events: [Event]) -> [GatewayEvent] {
    events.map(\.payload).filter { if case .transport = $0 { false } else { true } }
}
