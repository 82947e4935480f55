import Foundation
import GatewayCore
import Testing

/// Snapshot tests of `Event.janusJSON()` against the event stream captured from Janus 1.1.2
/// (`Tests/Fixtures/janus-1.1.2/events-*.jsonl`): for each captured event of a type we emit, build the
/// equivalent `Event` and compare the JSON.
@Suite("Event Janus JSON")
struct EventJSONTests {
    static let captures = ["events-echotest.jsonl", "events-session-timeout.jsonl", "events-api-probe.jsonl"]

    /// `Tests/Fixtures/janus-1.1.2`, found from this file's path.
    static let referenceFolder: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Events
        .deletingLastPathComponent()  // GatewayCoreTests
        .deletingLastPathComponent()  // Tests
        .appendingPathComponent("Fixtures/janus-1.1.2")

    static func capturedEvents(_ file: String) throws -> [JSONValue] {
        let text = try String(contentsOf: referenceFolder.appendingPathComponent(file), encoding: .utf8)
        return try text.split(separator: "\n").filter { !$0.isEmpty }.map { try JSONValue.parse(Data($0.utf8)) }
    }

    @Test("every captured event of a type we emit serializes to the same JSON", arguments: captures)
    func matchesCapture(file: String) throws {
        let captured = try Self.capturedEvents(file)
        var compared = 0
        for original in captured {
            guard let event = try CapturedEvent.equivalent(of: original) else { continue }
            let ours = event.janusJSON()
            let context = "type \(original["type"] ?? .null) in \(file)"
            #expect(ours.objectValue.map { Set($0.keys) } == original.objectValue.map { Set($0.keys) }, "\(context)")
            #expect(ours["event"]?.objectValue.map { Set($0.keys) } == original["event"]?.objectValue.map { Set($0.keys) })
            #expect(sameTypes(ours, original), "\(context)")
            #expect(Self.withoutLinkQuality(ours) == Self.withoutLinkQuality(original), "\(context)")
            compared += 1
        }
        // Every capture holds core, session and transport events at least.
        #expect(compared >= 5)
    }

    /// Janus's four link-quality numbers of a stats event come from its own running estimate, which we do
    /// not reproduce (ours: 100 minus the loss percentage); they are checked for range, then left out.
    static func withoutLinkQuality(_ json: JSONValue) -> JSONValue {
        guard json["type"] == 32, json["subtype"] == 3, case .object(var envelope) = json,
              case .object(var body)? = envelope["event"] else { return json }
        for key in ["in-link-quality", "in-media-link-quality", "out-link-quality", "out-media-link-quality"] {
            guard let value = body[key]?.intValue, (0...100).contains(value) else { return json }
            body[key] = nil
        }
        envelope["event"] = .object(body)
        return .object(envelope)
    }

    @Test("the captures cover every type we emit")
    func capturesCoverEveryType() throws {
        let types = try Self.captures.flatMap(Self.capturedEvents).compactMap { $0["type"]?.intValue }
        #expect(Set(types).isSuperset(of: [1, 2, 4, 8, 16, 32, 64, 128, 256]))
    }

    @Test("core, external and transport events never carry session_id, handle_id or opaque_id")
    func sessionlessTypesOmitIDs() {
        let payloads: [GatewayEvent] = [
            .core(.shutdown(signal: nil)), .external(schema: "s", data: [:]),
            .transport(TransportEvent(reference: TransportReference(transport: "t", id: "1"), data: [:])),
        ]
        for payload in payloads {
            let json = Event(emitter: "E", timestamp: 1, sessionID: 5, handleID: 6, opaqueID: "o", payload: payload)
                .janusJSON()
            #expect(json["session_id"] == nil && json["handle_id"] == nil && json["opaque_id"] == nil)
        }
    }

    @Test("a session event carries session_id but no handle_id or opaque_id")
    func sessionEventIDs() {
        let json = Event(emitter: "E", timestamp: 1, sessionID: 5, handleID: 6, opaqueID: "o", payload: .session(.destroyed))
            .janusJSON()
        #expect(json["session_id"] == 5 && json["handle_id"] == nil && json["opaque_id"] == nil)
        #expect(json["event"] == ["name": "destroyed"])
    }

    @Test("optional members are omitted when unset: subtype 0, opaque_id, transport, signum")
    func optionalMembersOmitted() {
        let attached = Event(
            emitter: "E", timestamp: 1, sessionID: 5, handleID: 6, opaqueID: nil,
            payload: .handle(.attached(plugin: "janus.plugin.echotest", opaqueID: nil))
        ).janusJSON()
        #expect(attached["subtype"] == nil && attached["opaque_id"] == nil)
        #expect(attached["event"] == ["name": "attached", "plugin": "janus.plugin.echotest"])
        let created = Event(
            emitter: "E", timestamp: 1, sessionID: 5, handleID: nil, opaqueID: nil,
            payload: .session(.created(transport: nil))
        ).janusJSON()
        #expect(created["event"] == ["name": "created"])
        let shutdown = Event(
            emitter: "E", timestamp: 1, sessionID: nil, handleID: nil, opaqueID: nil, payload: .core(.shutdown(signal: nil))
        ).janusJSON()
        #expect(shutdown["event"] == ["status": "shutdown"])
        #expect(shutdown["subtype"] == 2)
    }

    @Test("a 53-bit id stays an exact integer")
    func largeIDsExact() {
        let id = JanusIdentifier.maxSafe
        let json = Event(emitter: "E", timestamp: 1, sessionID: id, handleID: id, opaqueID: nil, payload: .jsep(owner: .local, type: "answer", sdp: "v=0"))
            .janusJSON()
        #expect(json["session_id"] == .int(Int64(id)) && json["handle_id"] == .int(Int64(id)))
    }

    /// Whether `a` and `b` have the same JSON type at every path of `a`.
    private func sameTypes(_ a: JSONValue, _ b: JSONValue) -> Bool {
        guard a.typeName == b.typeName else { return false }
        if let members = a.objectValue {
            return members.allSatisfy { key, value in b[key].map { sameTypes(value, $0) } ?? false }
        }
        return true
    }
}

/// Builds the `Event` that should produce a captured Janus event (only for types we emit).
enum CapturedEvent {
    struct Unexpected: Error, CustomStringConvertible {
        var description: String
    }

    /// - Returns: `nil` for events SwiftGate does not emit (stats of a data channel m-line).
    /// - Throws: `Unexpected` when the capture lacks a member the type must have.
    static func equivalent(of captured: JSONValue) throws -> Event? {
        guard let type = captured["type"]?.intValue, let body = captured["event"] else {
            throw Unexpected(description: "no type or event: \(captured)")
        }
        guard let payload = try payload(type: type, subtype: captured["subtype"]?.intValue ?? 0, body: body) else {
            return nil
        }
        return Event(
            emitter: try string(captured["emitter"]),
            timestamp: captured["timestamp"]?.intValue ?? -1,
            sessionID: captured["session_id"]?.intValue.map { UInt64($0) },
            handleID: captured["handle_id"]?.intValue.map { UInt64($0) },
            opaqueID: captured["opaque_id"]?.stringValue,
            payload: payload)
    }

    private static func payload(type: Int64, subtype: Int64, body: JSONValue) throws -> GatewayEvent? {
        switch type {
        case 1: return .session(try session(body))
        case 2:
            let plugin = try string(body["plugin"])
            let opaqueID = body["opaque_id"]?.stringValue
            let name = try string(body["name"])
            return .handle(name == "attached" ? .attached(plugin: plugin, opaqueID: opaqueID) : .detached(plugin: plugin, opaqueID: opaqueID))
        case 4: return .external(schema: try string(body["schema"]), data: body["data"] ?? .null)
        case 8:
            let owner = try JSEPOwner(rawValue: string(body["owner"])) ?? .remote
            return .jsep(owner: owner, type: try string(body["jsep"]?["type"]), sdp: try string(body["jsep"]?["sdp"]))
        case 16: return .webrtc(try MediaPathCapture.webrtc(subtype: subtype, body: body))
        case 32: return try MediaPathCapture.media(subtype: subtype, body: body).map(GatewayEvent.media)
        case 64: return .plugin(package: try string(body["plugin"]), data: body["data"] ?? .null)
        case 128:
            let reference = TransportReference(transport: try string(body["transport"]), id: try string(body["id"]))
            return .transport(TransportEvent(reference: reference, data: body["data"] ?? .null))
        case 256:
            if subtype == 1 { return .core(.startup(info: body["info"] ?? .null)) }
            return .core(.shutdown(signal: body["signum"]?.intValue.map { Int32($0) }))
        default: return nil
        }
    }

    private static func session(_ body: JSONValue) throws -> SessionEvent {
        switch try string(body["name"]) {
        case "created":
            let transport = try body["transport"].map {
                TransportReference(transport: try string($0["transport"]), id: try string($0["id"]))
            }
            return .created(transport: transport)
        case "destroyed": return .destroyed
        case "timeout": return .timeout
        case let other: throw Unexpected(description: "session event \(other)")
        }
    }

    static func string(_ value: JSONValue?) throws -> String {
        guard let string = value?.stringValue else { throw Unexpected(description: "expected a string, got \(String(describing: value))") }
        return string
    }
}
