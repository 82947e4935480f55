import Synchronization

/// A snapshot of what the HTTP transport has served since it started.
public struct HTTPTransportStatistics: Sendable, Equatable {
    /// Requests received on the Janus API server (long polls and preflights included).
    public var janusRequests: Int
    /// Requests received on the Admin API server.
    public var adminRequests: Int
    /// Requests refused before reaching the gateway: unsupported method, a path that is not an
    /// API path, or a malformed session/handle id.
    public var rejectedRequests: Int
    /// POST bodies refused for exceeding `max_body_size`.
    public var oversizedBodies: Int
    /// GET and HEAD requests for the static files (`html_folder`, `javascript_folder`), found or not.
    public var staticRequests: Int
}

/// Lock-free counters shared by the transport's responders; read them with `snapshot()`.
package final class HTTPTransportCounters: Sendable {
    private let janus = Atomic<Int>(0)
    private let admin = Atomic<Int>(0)
    private let rejected = Atomic<Int>(0)
    private let oversized = Atomic<Int>(0)
    private let staticFiles = Atomic<Int>(0)

    package init() {}

    func countRequest(admin isAdmin: Bool) {
        if isAdmin { admin.add(1, ordering: .relaxed) } else { janus.add(1, ordering: .relaxed) }
    }

    func countBadPath() { rejected.add(1, ordering: .relaxed) }

    func countOversizedBody() { oversized.add(1, ordering: .relaxed) }

    func countStaticRequest() { staticFiles.add(1, ordering: .relaxed) }

    /// The current values.
    package func snapshot() -> HTTPTransportStatistics {
        HTTPTransportStatistics(
            janusRequests: janus.load(ordering: .relaxed), adminRequests: admin.load(ordering: .relaxed),
            rejectedRequests: rejected.load(ordering: .relaxed), oversizedBodies: oversized.load(ordering: .relaxed),
            staticRequests: staticFiles.load(ordering: .relaxed))
    }
}
