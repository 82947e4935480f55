import Foundation
import GatewayCore
import Hummingbird
import Logging
import NIOCore

/// Answers the HTTP requests of one API (Janus or Admin): routes them with `APIRouter`, hands
/// bodies to the gateway, waits on long polls, and writes every reply with CORS headers.
///
/// Every API request, whatever its outcome, first emits a transport event (type 128) through the
/// gateway's dispatcher, as Janus's HTTP transport does. GET and HEAD outside the API's base path go
/// to `StaticFiles` when a folder is configured (no transport event; 404 when no file matches).
package struct APIResponder: HTTPResponder {
    package typealias Context = HTTPTransportRequestContext

    let router: APIRouter
    /// The demo pages and JavaScript libraries beside the Janus API; `nil` on the Admin API and when
    /// no folder is configured.
    let staticFiles: StaticFiles?
    let gateway: any TransportGateway
    let settings: HTTPTransportSettings
    let counters: HTTPTransportCounters
    let logger: Logger

    package init(
        kind: APIKind, gateway: any TransportGateway, settings: HTTPTransportSettings,
        counters: HTTPTransportCounters, logger: Logger
    ) {
        let basePath = kind == .janus ? settings.basePath : settings.adminBasePath
        self.router = APIRouter(kind: kind, basePath: basePath)
        self.staticFiles = kind == .janus ? StaticFiles(settings: settings, logger: logger) : nil
        self.gateway = gateway
        self.settings = settings
        self.counters = counters
        self.logger = logger
    }

    package func respond(to request: Request, context: Context) async throws -> Response {
        if let staticFiles, StaticFiles.wants(request, router: router) {
            counters.countStaticRequest()
            return try await staticFiles.serve(request, context: context)
        }
        let from = transportRequest(context)
        counters.countRequest(admin: router.kind.isAdmin)
        gateway.events.notify(type: .transport, .transport(Self.requestEvent(from, context: context)))
        let route = router.route(
            method: request.method.rawValue, path: request.uri.path,
            maxEvents: request.uri.queryParameters.get("maxev"))
        var response = try await carryOut(route, request: request, from: from)
        addCORSHeaders(to: &response, request: request, preflight: route == .preflight)
        return response
    }

    /// The `TransportRequest` the gateway gets: same reference, IP and port as the transport event.
    func transportRequest(_ context: Context) -> TransportRequest {
        TransportRequest(
            reference: TransportReference(transport: HTTPTransport.package, id: String(context.connectionID)),
            remoteIP: context.remoteIP ?? "", remotePort: context.remotePort ?? 0, isAdmin: router.kind.isAdmin)
    }

    /// Body of the type-128 event: `{"event":"request","admin_api":…,"ip":…,"port":…}`
    /// (`ip`/`port` only when the peer address is known, as Janus).
    static func requestEvent(_ from: TransportRequest, context: Context) -> TransportEvent {
        var data: [String: JSONValue] = ["event": "request", "admin_api": .bool(from.isAdmin)]
        if let ip = context.remoteIP { data["ip"] = .string(ip) }
        if let port = context.remotePort { data["port"] = .int(Int64(port)) }
        return TransportEvent(reference: from.reference, data: .object(data))
    }

    private func carryOut(_ route: APIRoute, request: Request, from: TransportRequest) async throws -> Response {
        switch route {
        case .request(let path):
            return try await forward(request, path: path, from: from)
        case .longPoll(let session, let maxEvents):
            return await longPoll(session: session, maxEvents: maxEvents)
        case .info:
            if router.kind == .janus { return json(gateway.serverInfo()) }
            return json(await gateway.adminRequest(path: .root, body: Self.generated("info"), from: from))
        case .ping:
            let body = Self.generated("ping")
            if router.kind == .janus { return json(await gateway.janusRequest(path: .root, body: body, from: from)) }
            return json(await gateway.adminRequest(path: .root, body: body, from: from))
        case .preflight:
            return Response(status: .ok)
        case .redirect(let location):
            return Response(status: .found, headers: [.location: location])
        case .notFound:
            counters.countBadPath()
            return Response(status: .notFound)
        case .badRequest:
            counters.countBadPath()
            return Response(status: .badRequest)
        case .error(let error):
            counters.countBadPath()
            logger.debug("HTTP request refused", metadata: ["code": "\(error.code)", "reason": "\(error.reason)"])
            return json(Self.errorReply(error))
        }
    }

    /// Collects a POST body (any Content-Type; janus.js's `sendBeacon` sends `text/plain`) and
    /// forwards it. A body over `maxBodySize` is answered `413 Content Too Large` with a Janus error
    /// reply (code 450) as the body, and the connection keeps serving.
    private func forward(_ request: Request, path: APIPath, from: TransportRequest) async throws -> Response {
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: settings.maxBodySize)
        } catch is NIOTooManyBytesError {
            counters.countOversizedBody()
            let reason = "Request body larger than \(settings.maxBodySize) bytes"
            logger.debug("HTTP request body too large", metadata: ["limit": "\(settings.maxBodySize)"])
            return json(Self.errorReply(JanusError(JanusError.transportSpecificCode, reason)), status: .contentTooLarge)
        }
        let data = Data(body.readableBytesView)
        let reply =
            switch router.kind {
            case .janus: await gateway.janusRequest(path: path, body: data, from: from)
            case .admin: await gateway.adminRequest(path: path, body: data, from: from)
            }
        return json(reply)
    }

    /// One long poll: keepalive when nothing came within the timeout, one object for `maxev` 1,
    /// an array for `maxev` > 1, 404 with an empty body for an unknown session (as Janus).
    private func longPoll(session: SessionID, maxEvents: Int) async -> Response {
        let outcome = await gateway.longPoll(session: session, maxEvents: maxEvents, timeout: settings.longPollTimeout)
        switch outcome {
        case .sessionNotFound:
            return Response(status: .notFound)
        case .events(let events):
            return json(Self.longPollBody(events, maxEvents: maxEvents))
        }
    }

    /// The long-poll reply body for `events` (possibly empty) under `maxev`.
    static func longPollBody(_ events: [JSONValue], maxEvents: Int) -> JSONValue {
        let keepalive: JSONValue = ["janus": "keepalive"]
        if maxEvents > 1 { return .array(events.isEmpty ? [keepalive] : events) }
        return events.first ?? keepalive
    }

    /// `{"janus":"error","error":{"code":…,"reason":…}}` for an error found before the gateway saw
    /// the request (no transaction is known then, as in Janus's own transport errors).
    static func errorReply(_ error: JanusError) -> JSONValue {
        ["janus": "error", "error": error.errorObject]
    }

    /// A request body the transport makes up, as Janus does for `GET …/info` and `GET …/ping`:
    /// `{"janus":<verb>,"transaction":<12 random characters>}`.
    static func generated(_ verb: String) -> Data {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        let transaction = String((0..<12).map { _ in alphabet.randomElement()! })
        let body: JSONValue = ["janus": .string(verb), "transaction": .string(transaction)]
        return body.serialized(.compact)
    }

    private func json(_ value: JSONValue, status: HTTPResponse.Status = .ok) -> Response {
        let data = value.serialized(settings.jsonFormat)
        return Response(
            status: status, headers: [.contentType: "application/json"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// `Access-Control-Allow-Origin` on every response; on a preflight also the requested methods
    /// and headers echoed back and a max age. A configured origin other than `*` adds `Vary: Origin`.
    private func addCORSHeaders(to response: inout Response, request: Request, preflight: Bool) {
        response.headers[.accessControlAllowOrigin] = settings.allowOrigin
        if settings.allowOrigin != "*" { response.headers[.vary] = "Origin" }
        guard preflight else { return }
        if let methods = request.headers[.accessControlRequestMethod] {
            response.headers[.accessControlAllowMethods] = methods
        }
        if let headers = request.headers[.accessControlRequestHeaders] {
            response.headers[.accessControlAllowHeaders] = headers
        }
        response.headers[.accessControlMaxAge] = String(Self.preflightMaxAge)
    }

    /// Seconds a browser may cache a preflight answer (`Access-Control-Max-Age`): one day.
    static let preflightMaxAge = 86_400
}
