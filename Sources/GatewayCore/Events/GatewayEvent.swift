/// What happened, typed until the edge: one case per Janus event type, carrying the body
/// fields of that type. The Janus JSON envelope is produced by `Event.janusJSON()`.
///
/// - SeeAlso: `../shared/reference/EVENTS.md` for each type's body keys as Janus 1.1.2 sends them.
public enum GatewayEvent: Sendable, Equatable {
    /// Type 1: a session was created, destroyed or timed out.
    case session(SessionEvent)
    /// Type 2: a handle was attached to or detached from a plugin.
    case handle(HandleEvent)
    /// Type 4: an external event (Admin API `custom_event`): `schema` and free-form `data`.
    case external(schema: String, data: JSONValue)
    /// Type 8: a JSEP offer or answer, from the peer (`remote`) or from us (`local`).
    case jsep(owner: JSEPOwner, type: String, sdp: String)
    /// Type 16: ICE, DTLS and PeerConnection state of a handle.
    case webrtc(WebRTCEvent)
    /// Type 32: media state, slow link and statistics of a handle's m-line.
    case media(MediaEvent)
    /// Type 64: a plugin's own event: its package name and free-form `data`.
    case plugin(package: String, data: JSONValue)
    /// Type 128: a transport's event (for HTTP: one per request received).
    case transport(TransportEvent)
    /// Type 256: the core started or is shutting down.
    case core(CoreEvent)

    /// The Janus type bit of this event.
    public var type: EventTypeMask {
        switch self {
        case .session: .session
        case .handle: .handle
        case .external: .external
        case .jsep: .jsep
        case .webrtc: .webrtc
        case .media: .media
        case .plugin: .plugin
        case .transport: .transport
        case .core: .core
        }
    }

    /// The Janus subtype, 0 when the type has none (then the envelope omits `subtype`).
    public var subtype: Int {
        switch self {
        case .core(.startup): 1
        case .core(.shutdown): 2
        case .webrtc(let event): event.subtype
        case .media(let event): event.subtype
        default: 0
        }
    }
}

/// Session lifecycle (type 1). Body: `{"name":"created"|"destroyed"|"timeout", "transport":…}`.
public enum SessionEvent: Sendable, Equatable {
    /// `create` succeeded; `transport` names the transport instance that created it.
    case created(transport: TransportReference?)
    /// `destroy` succeeded, or the gateway destroyed it on shutdown.
    case destroyed
    /// `session_timeout` expired with no request from the client.
    case timeout
}

/// Handle lifecycle (type 2). Body: `{"name":"attached"|"detached","plugin":…,"opaque_id":…}`.
public enum HandleEvent: Sendable, Equatable {
    /// `attach` succeeded.
    case attached(plugin: String, opaqueID: String?)
    /// `detach`, session destroy or timeout removed the handle.
    case detached(plugin: String, opaqueID: String?)
}

/// Which side a JSEP belongs to, as Janus's jsep event `owner` says it.
public enum JSEPOwner: String, Sendable, Equatable {
    /// Received from the peer.
    case remote
    /// Produced by us.
    case local
}

/// A transport instance as events name it: its package and an opaque per-connection id string.
public struct TransportReference: Sendable, Equatable {
    /// Transport package, e.g. `janus.transport.http`.
    public var transport: String
    /// Opaque id of the connection or request that created the session, as a decimal string.
    public var id: String

    /// A reference to connection `id` of transport package `transport`.
    public init(transport: String, id: String) {
        self.transport = transport
        self.id = id
    }
}

/// A transport event (type 128). Body: `{"transport":…,"id":…,"data":{…}}`.
public struct TransportEvent: Sendable, Equatable {
    /// Which transport instance emitted it.
    public var reference: TransportReference
    /// Transport-specific data; for an HTTP request:
    /// `{"event":"request","admin_api":false,"ip":"127.0.0.1","port":42112}`.
    public var data: JSONValue

    /// An event of transport instance `reference` carrying `data`.
    public init(reference: TransportReference, data: JSONValue) {
        self.reference = reference
        self.data = data
    }
}

/// Core lifecycle (type 256).
public enum CoreEvent: Sendable, Equatable {
    /// Body `{"status":"started","info":{…server_info…}}`.
    case startup(info: JSONValue)
    /// Body `{"status":"shutdown","signum":N}`; `signum` is omitted when no signal caused it.
    case shutdown(signal: Int32?)
}
