import GatewayCore
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import Synchronization

/// `janus.transport.http`: the Janus API and, when `admin_http` is on, the Admin API over HTTP,
/// each a Hummingbird `Application` on its own port.
///
/// A swift-service-lifecycle `Service`: add it to the executable's `ServiceGroup`; `run()` serves
/// until graceful shutdown or cancellation. After start, `janusAPIPort()` / `adminAPIPort()` give
/// the bound ports (useful with port 0).
///
/// Routes under `base_path` (same shape under `admin_base_path`, calling `adminRequest`):
/// - `POST <base>`, `POST <base>/<session>`, `POST <base>/<session>/<handle>` → `janusRequest`
/// - `GET <base>/info` → `serverInfo()`; `GET <base>/ping` → a generated `ping` request
/// - `GET <base>/<session>?maxev=N` → `longPoll` (keepalive after `longPollTimeout`; one object for
///   `maxev` absent or 1, an array for more; 404 with an empty body for an unknown session)
/// - `OPTIONS` anywhere under the base path → CORS preflight (200, empty body)
/// - any other method → 200 `{"janus":"error","error":{"code":450,"reason":"Unsupported method X"}}`
/// - a malformed id in a POST path → error 457; more than two segments → 404.
/// Every request emits a transport event (type 128) with `admin_api`, `ip` and `port`.
/// - SeeAlso: Janus docs, "The Janus API" (plain HTTP), and `../shared/reference/API.md`.
public final class HTTPTransport: Service, Sendable {
    /// The transport package name, as transport events and `info` show it.
    public static let package = "janus.transport.http"

    /// How the transport lists itself in `info` (`transports` member).
    public static let descriptor = TransportDescriptor(
        package: package, name: "SwiftGate HTTP transport", author: "SwiftGate",
        description: "Janus API and Admin API over HTTP/1.1 (Hummingbird), with long polling and CORS",
        version: 1, versionString: "0.1.0")

    /// The settings the servers run with.
    public let settings: HTTPTransportSettings
    private let gateway: any TransportGateway
    private let logger: Logger
    private let counters = HTTPTransportCounters()
    private let janusPort = BoundPort()
    private let adminPort = BoundPort()

    /// Creates the transport and registers its descriptor with the gateway (for `info`).
    /// Nothing listens until `run()`.
    public init(settings: HTTPTransportSettings, gateway: any TransportGateway, logger: Logger) {
        self.settings = settings
        self.gateway = gateway
        self.logger = logger
        gateway.registerTransport(Self.descriptor)
    }

    /// Serves the enabled APIs until graceful shutdown or cancellation.
    /// - Throws: `HTTPTransportError` when neither API is enabled; the bind error when a port is taken.
    public func run() async throws {
        var services: [any Service] = []
        if settings.httpEnabled { services.append(makeApplication(.janus)) } else { janusPort.resolve(nil) }
        if settings.adminHTTPEnabled { services.append(makeApplication(.admin)) } else { adminPort.resolve(nil) }
        defer {
            // A server that failed to bind never called back: release anyone waiting for its port.
            janusPort.resolve(nil)
            adminPort.resolve(nil)
        }
        guard !services.isEmpty else { throw HTTPTransportError.noServerEnabled }
        let group = ServiceGroup(configuration: .init(services: services, logger: logger))
        try await group.run()
    }

    /// The Janus API server's bound TCP port once it listens; `nil` when it is disabled or failed to
    /// start. Waits until `run()` has started it.
    public func janusAPIPort() async -> Int? { await janusPort.value() }

    /// The Admin API server's bound TCP port once it listens; `nil` when disabled or failed to start.
    public func adminAPIPort() async -> Int? { await adminPort.value() }

    /// Requests served and refused so far.
    public var statistics: HTTPTransportStatistics { counters.snapshot() }

    /// The Hummingbird application serving one API with these settings (`run()` runs them; tests may
    /// drive one directly with HummingbirdTesting).
    package func makeApplication(_ kind: APIKind) -> Application<APIResponder> {
        let host = kind == .janus ? settings.bindAddress : settings.adminBindAddress
        let port = kind == .janus ? settings.port : settings.adminPort
        let box = kind == .janus ? janusPort : adminPort
        var appLogger = logger
        appLogger[metadataKey: "api"] = "\(kind.rawValue)"
        let responder = APIResponder(
            kind: kind, gateway: gateway, settings: settings, counters: counters, logger: appLogger)
        let logger = appLogger
        return Application(
            responder: responder,
            configuration: .init(address: .hostname(host, port: port)),
            onServerRunning: { channel in
                let bound = channel.localAddress?.port
                logger.info("HTTP server listening", metadata: ["address": "\(host)", "port": "\(bound ?? -1)"])
                box.resolve(bound)
            },
            logger: appLogger)
    }
}

/// Why the HTTP transport could not run.
public enum HTTPTransportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Both `general.http` and `admin.admin_http` are off: there is nothing to serve.
    case noServerEnabled

    /// One line naming the transport and the problem.
    public var description: String {
        switch self {
        case .noServerEnabled: "janus.transport.http: neither http nor admin_http is enabled"
        }
    }
}

/// A port that becomes known once, awaited by any number of callers.
final class BoundPort: Sendable {
    private enum State {
        case pending([CheckedContinuation<Int?, Never>])
        case resolved(Int?)
    }

    private let state = Mutex(State.pending([]))

    /// Sets the value (the first call wins) and wakes every waiter.
    func resolve(_ port: Int?) {
        let waiters: [CheckedContinuation<Int?, Never>] = state.withLock { state in
            guard case .pending(let waiters) = state else { return [] }
            state = .resolved(port)
            return waiters
        }
        for waiter in waiters { waiter.resume(returning: port) }
    }

    /// The value, waiting for `resolve` if it has not happened yet.
    func value() async -> Int? {
        await withCheckedContinuation { continuation in
            let known: Int?? = state.withLock { state in
                switch state {
                case .resolved(let port):
                    return .some(port)
                case .pending(var waiters):
                    waiters.append(continuation)
                    state = .pending(waiters)
                    return .none
                }
            }
            if let known { continuation.resume(returning: known) }
        }
    }
}
