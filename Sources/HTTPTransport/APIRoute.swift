import GatewayCore

/// Which API an HTTP server serves: the Janus API (`/janus`) or the Admin API (`/admin`).
public enum APIKind: String, Sendable, Equatable {
    /// The Janus API: sessions, handles, long polls.
    case janus
    /// The Admin API: `admin_secret`-protected monitoring and control requests.
    case admin

    /// `admin_api` in transport events.
    var isAdmin: Bool { self == .admin }
}

/// What one HTTP request asks of the API, decided from its method, path and `maxev` alone
/// (sans-IO: no body, no gateway). The responder carries the route out.
///
/// Decisions follow Janus 1.1.2's `janus.transport.http` where it has one (read for facts):
/// unsupported methods are answered 450 before the path is looked at; a long poll on an
/// unknown or malformed session id is a 404 with an empty body; `GET <base>/<session>/<handle>`
/// is redirected (302) to the session path; `<base>/info` and `<base>/ping` are GET-only.
/// Where Janus silently ignores a malformed id in a POST path (it parses `abc` as 0 and treats the
/// request as if the segment were absent), we answer 457 with a reason naming the segment.
enum APIRoute: Equatable {
    /// `POST`: hand the body to the gateway, addressed to this path.
    case request(APIPath)
    /// `GET <base>/<session>`: wait for up to `maxEvents` messages for the session.
    case longPoll(SessionID, maxEvents: Int)
    /// `GET <base>/info`: the `server_info` reply.
    case info
    /// `GET <base>/ping`: a `ping` request with a generated transaction.
    case ping
    /// `OPTIONS`: a CORS preflight answer (200, empty body).
    case preflight
    /// `302 Found` to `location` (a long poll addressed to a handle path goes to its session).
    case redirect(location: String)
    /// `404 Not Found`, empty body: not an API path, or a long poll without a valid session id.
    case notFound
    /// `400 Bad Request`, empty body: a non-GET request to `<base>/info` or `<base>/ping`.
    case badRequest
    /// A Janus error reply with HTTP 200 (unsupported method, malformed id in the path, …).
    case error(JanusError)
}

/// Maps method + path to an `APIRoute` for one API mounted under a base path.
struct APIRouter: Sendable {
    /// Which API this router serves; the Admin API has no long poll.
    let kind: APIKind
    /// Normalized base path: leading slash, no trailing slash; empty when the API is at `/`.
    let basePath: String

    /// - Parameters:
    ///   - kind: the API served.
    ///   - basePath: `base_path` / `admin_base_path` from the config, e.g. `/janus`; a missing leading
    ///     slash is added and a trailing one removed (`/` mounts the API at the root).
    init(kind: APIKind, basePath: String) {
        self.kind = kind
        var path = basePath.hasPrefix("/") ? basePath : "/" + basePath
        while path.hasSuffix("/") { path.removeLast() }
        self.basePath = path
    }

    /// Methods the API accepts; anything else is answered with error 450.
    static let supportedMethods: Set<String> = ["GET", "POST", "OPTIONS"]

    /// Routes one request.
    /// - Parameters:
    ///   - method: the HTTP method as sent (`GET`, `POST`, `DELETE`, …), matched case-insensitively.
    ///   - path: the URL path without the query string.
    ///   - maxEvents: the raw `maxev` query parameter of a long poll, if present.
    func route(method: String, path: String, maxEvents: String? = nil) -> APIRoute {
        let method = method.uppercased()
        guard Self.supportedMethods.contains(method) else {
            return .error(JanusError(JanusError.transportSpecificCode, "Unsupported method \(method)"))
        }
        guard let segments = segments(of: path) else { return .notFound }
        if method == "OPTIONS" { return .preflight }
        if segments.count == 1, segments[0] == "info" || segments[0] == "ping" {
            return infoOrPing(method: method, segment: segments[0])
        }
        if method == "POST" { return post(segments) }
        return get(segments, maxEvents: maxEvents)
    }

    /// The path segments after the base path (0 to 2 of them), or `nil` when the path is not an API
    /// path: outside the base path, an empty segment in the middle, or more than two segments.
    func segments(of path: String) -> [Substring]? {
        guard path.hasPrefix(basePath) else { return nil }
        let rest = path.dropFirst(basePath.count)
        if rest.isEmpty { return [] }
        guard rest.first == "/" else { return nil }  // "/janusfoo" is not under "/janus"
        var parts = rest.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
        if parts.last?.isEmpty == true { parts.removeLast() }  // one trailing slash is allowed
        guard parts.count <= 2, !parts.contains(where: \.isEmpty) else { return nil }
        return parts
    }

    /// `<base>/info` and `<base>/ping`: GET only. Janus answers a POST to the Admin API's `info`
    /// with error 450 and every other non-GET with an empty 400.
    private func infoOrPing(method: String, segment: Substring) -> APIRoute {
        if method == "GET" { return segment == "info" ? .info : .ping }
        if kind == .admin && segment == "info" {
            return .error(JanusError(JanusError.transportSpecificCode, "Use GET for the info endpoint"))
        }
        return .badRequest
    }

    private func post(_ segments: [Substring]) -> APIRoute {
        switch segments.count {
        case 0:
            return .request(.root)
        case 1:
            guard let session = Self.identifier(segments[0]) else { return .error(Self.invalidID("session", segments[0])) }
            return .request(.session(session))
        default:
            guard let session = Self.identifier(segments[0]) else { return .error(Self.invalidID("session", segments[0])) }
            guard let handle = Self.identifier(segments[1]) else { return .error(Self.invalidID("handle", segments[1])) }
            return .request(.handle(session, handle))
        }
    }

    private func get(_ segments: [Substring], maxEvents: String?) -> APIRoute {
        guard kind == .janus else {
            // The Admin API has no long poll: Janus answers a GET without a body as a request without payload.
            return .error(JanusError(JanusError.invalidJSONCode, "Request payload missing"))
        }
        guard let first = segments.first, let session = Self.identifier(first) else { return .notFound }
        if segments.count == 2 { return .redirect(location: "\(basePath)/\(session)") }
        return .longPoll(session, maxEvents: Self.maxEvents(maxEvents))
    }

    /// A session or handle id from a path segment: decimal digits only, value 1…UInt64.max.
    static func identifier(_ segment: Substring) -> UInt64? {
        guard !segment.isEmpty, segment.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
            let value = UInt64(segment), value > 0
        else { return nil }
        return value
    }

    /// `maxev` as Janus reads it: absent, not a number or below 1 means 1.
    static func maxEvents(_ raw: String?) -> Int {
        guard let raw, let value = Int(raw), value >= 1 else { return 1 }
        return value
    }

    /// 457 for a path segment that is not a positive decimal id.
    static func invalidID(_ what: String, _ segment: Substring) -> JanusError {
        JanusError(JanusError.invalidRequestPathCode, "Invalid \(what) id '\(segment.prefix(64))' in path")
    }
}
