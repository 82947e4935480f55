/// The Janus JSON form of events, as event handlers send them to their backends.
///
/// Shapes follow Janus 1.1.2's event stream (sampleevh); see `../shared/reference/EVENTS.md`
/// and the `events-*.jsonl` captures beside it.
extension Event {
    /// The event as Janus 1.1.2 emits it to event handlers.
    ///
    /// Envelope keys:
    /// - `emitter` (string), `type` (int, the Janus type bit), `timestamp` (int, µs since the epoch),
    ///   `event` (object, type-specific body): always.
    /// - `subtype` (int): only when > 0 (core: 1 startup, 2 shutdown).
    /// - `session_id` (int): for every type except core (256), external (4) and transport (128),
    ///   when the event has a session.
    /// - `handle_id` (int): for handle, jsep, webrtc, media and plugin events, when the event has a handle.
    /// - `opaque_id` (string): for those same handle-scoped types, only when the client gave one at attach.
    ///
    /// Bodies: session `{"name":"created","transport":{"transport":…,"id":…}}` (no `transport` when
    /// unknown), `{"name":"destroyed"}`, `{"name":"timeout"}`; handle `{"name":"attached"|"detached",
    /// "plugin":…,"opaque_id":…}` (`opaque_id` only when set); external `{"schema":…,"data":…}`;
    /// jsep `{"owner":"remote"|"local","jsep":{"type":…,"sdp":…}}`; plugin `{"plugin":…,"data":…}`;
    /// transport `{"transport":…,"id":…,"data":…}`; core `{"status":"started","info":{…}}` or
    /// `{"status":"shutdown","signum":N}` (`signum` only when a signal caused it).
    ///
    /// Object keys are unordered in `JSONValue`; serialization sorts them (Janus keeps insertion order,
    /// which JSON consumers must not depend on).
    public func janusJSON() -> JSONValue {
        var envelope: [String: JSONValue] = [
            "emitter": .string(emitter),
            "type": .int(Int64(type.rawValue)),
            "timestamp": .int(timestamp),
            "event": payload.janusBody,
        ]
        let subtype = self.subtype
        if subtype > 0 { envelope["subtype"] = .int(Int64(subtype)) }
        let kind = type
        if !Event.sessionlessTypes.contains(kind), let sessionID {
            envelope["session_id"] = .int(Int64(bitPattern: sessionID))
        }
        if Event.handleScopedTypes.contains(kind) {
            if let handleID { envelope["handle_id"] = .int(Int64(bitPattern: handleID)) }
            if let opaqueID { envelope["opaque_id"] = .string(opaqueID) }
        }
        return .object(envelope)
    }

    /// Types whose envelope never carries `session_id` (Janus: core, external, transport).
    static let sessionlessTypes: EventTypeMask = [.core, .external, .transport]
    /// Types whose envelope carries `handle_id` and `opaque_id` (Janus: handle, jsep, webrtc, media, plugin).
    static let handleScopedTypes: EventTypeMask = [.handle, .jsep, .webrtc, .media, .plugin]
}

extension GatewayEvent {
    /// The `event` object of the Janus envelope for this payload (shapes in `Event.janusJSON()`).
    var janusBody: JSONValue {
        switch self {
        case .session(let event): event.janusBody
        case .handle(let event): event.janusBody
        case .external(let schema, let data): .object(["schema": .string(schema), "data": data])
        case .jsep(let owner, let type, let sdp):
            .object([
                "owner": .string(owner.rawValue),
                "jsep": .object(["type": .string(type), "sdp": .string(sdp)]),
            ])
        case .webrtc(let event): event.janusBody
        case .media(let event): event.janusBody
        case .plugin(let package, let data): .object(["plugin": .string(package), "data": data])
        case .transport(let event):
            .object([
                "transport": .string(event.reference.transport),
                "id": .string(event.reference.id),
                "data": event.data,
            ])
        case .core(let event): event.janusBody
        }
    }
}

extension SessionEvent {
    /// `{"name":"created","transport":{…}}`, `{"name":"destroyed"}` or `{"name":"timeout"}`.
    var janusBody: JSONValue {
        switch self {
        case .created(let transport):
            var body: [String: JSONValue] = ["name": "created"]
            if let transport {
                body["transport"] = .object(["transport": .string(transport.transport), "id": .string(transport.id)])
            }
            return .object(body)
        case .destroyed: return .object(["name": "destroyed"])
        case .timeout: return .object(["name": "timeout"])
        }
    }
}

extension HandleEvent {
    /// `{"name":"attached"|"detached","plugin":…,"opaque_id":…}`, `opaque_id` only when set.
    var janusBody: JSONValue {
        let name: String
        let plugin: String
        let opaqueID: String?
        switch self {
        case .attached(let p, let o): (name, plugin, opaqueID) = ("attached", p, o)
        case .detached(let p, let o): (name, plugin, opaqueID) = ("detached", p, o)
        }
        var body: [String: JSONValue] = ["name": .string(name), "plugin": .string(plugin)]
        if let opaqueID { body["opaque_id"] = .string(opaqueID) }
        return .object(body)
    }
}

extension CoreEvent {
    /// `{"status":"started","info":{…}}` or `{"status":"shutdown","signum":N}` (`signum` only when set).
    var janusBody: JSONValue {
        switch self {
        case .startup(let info): return .object(["status": "started", "info": info])
        case .shutdown(let signal):
            var body: [String: JSONValue] = ["status": "shutdown"]
            if let signal { body["signum"] = .int(Int64(signal)) }
            return .object(body)
        }
    }
}
