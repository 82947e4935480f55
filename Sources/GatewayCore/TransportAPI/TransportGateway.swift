import Foundation

/// Where a Janus or Admin API request was addressed, from the URL path
/// (`/janus`, `/janus/<session>`, `/janus/<session>/<handle>`; same under `/admin`).
public enum APIPath: Sendable, Equatable {
    /// The root path: `create`, `info`, Admin `list_sessions`, …
    case root
    /// A session path: `attach`, `keepalive`, `destroy`, Admin `list_handles`.
    case session(SessionID)
    /// A handle path: `message`, `trickle`, `detach`, `hangup`, Admin `handle_info`.
    case handle(SessionID, HandleID)
}

/// Who sent a request, as the transport saw it; used for transport events and session ownership.
public struct TransportRequest: Sendable, Equatable {
    /// The transport instance and connection (`{"transport":"janus.transport.http","id":"…"}` in events).
    public var reference: TransportReference
    /// Peer address, e.g. "127.0.0.1".
    public var remoteIP: String
    /// Peer port.
    public var remotePort: Int
    /// Whether it came in on the Admin API.
    public var isAdmin: Bool

    public init(reference: TransportReference, remoteIP: String, remotePort: Int, isAdmin: Bool) {
        self.reference = reference
        self.remoteIP = remoteIP
        self.remotePort = remotePort
        self.isAdmin = isAdmin
    }
}

/// What a long poll got.
public enum LongPollOutcome: Sendable, Equatable {
    /// Up to `maxEvents` messages for the client, in order; empty when the wait timed out
    /// (the transport then answers `{"janus":"keepalive"}`).
    case events([JSONValue])
    /// No such session (the HTTP transport answers 404 with an empty body, as Janus).
    case sessionNotFound
}

/// Describes a transport for `info` (`transports` member).
public struct TransportDescriptor: Sendable, Equatable {
    public var package: String
    public var name: String
    public var author: String
    public var description: String
    public var version: Int
    public var versionString: String

    public init(package: String, name: String, author: String, description: String, version: Int, versionString: String) {
        self.package = package
        self.name = name
        self.author = author
        self.description = description
        self.version = version
        self.versionString = versionString
    }
}

/// The core as a transport sees it (Janus's transport callbacks): hand it a request body,
/// get the JSON reply; wait for a session's outgoing messages. Transport-agnostic: JSON in,
/// JSON out. Every reply is a complete Janus message (`success`, `ack`, `error`, `server_info`, …).
public protocol TransportGateway: Sendable {
    /// Handles one Janus API request body addressed to `path`.
    /// Bad input never throws: it is answered with Janus's error reply and counted.
    func janusRequest(path: APIPath, body: Data, from: TransportRequest) async -> JSONValue

    /// Handles one Admin API request body addressed to `path`.
    func adminRequest(path: APIPath, body: Data, from: TransportRequest) async -> JSONValue

    /// Waits up to `timeout` for messages queued for `session` (events, `webrtcup`, `timeout`,
    /// `detached`, …) and takes up to `maxEvents` of them. A poll counts as client activity
    /// (keeps the session alive), as in Janus.
    func longPoll(session: SessionID, maxEvents: Int, timeout: Duration) async -> LongPollOutcome

    /// The `server_info` reply (`GET /janus/info`), with a fresh random transaction.
    func serverInfo() -> JSONValue

    /// The event dispatcher, for the transport's own events (type 128).
    var events: EventDispatcher { get }

    /// Lists the transport in `info`.
    func registerTransport(_ descriptor: TransportDescriptor)
}
