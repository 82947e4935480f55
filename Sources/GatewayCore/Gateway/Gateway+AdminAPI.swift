import Foundation
import Logging

/// The Admin API (Janus's `/admin`): routing, `admin_secret`, and the requests that change or
/// query the gateway. Session and handle introspection is in `Gateway+AdminInfo.swift`.
extension Gateway {
    /// Handles one Admin API request body addressed to `path` and returns the reply.
    ///
    /// `ping` needs no secret; everything else needs `admin_secret` when one is configured
    /// (403 otherwise). Root: `info`, `get_status`, `list_sessions`, `set_session_timeout`,
    /// `set_log_level`, `query_eventhandler`, `custom_event`, `custom_logline`. Session:
    /// `list_handles`. Handle: `handle_info`. Anything else: 457. Error replies are counted per code.
    public func adminRequest(path: APIPath, body: Data, from: TransportRequest) async -> JSONValue {
        await answer(body, path: path, api: .admin) { request throws(JanusError) in
            if request.verb == "ping", path == .root {
                return JanusReply.message("pong", session: nil, transaction: request.transaction)
            }
            try checkAdminSecret(request)
            switch path {
            case .root:
                return try await adminRootRequest(request)
            case .session(let sid):
                return try listHandles(request, sid)
            case .handle(let sid, let hid):
                return try handleInfo(request, sid, hid)
            }
        }
    }

    private func adminRootRequest(_ request: APIRequest) async throws(JanusError) -> JSONValue {
        let transaction = request.transaction
        switch request.verb {
        case "info":
            return serverInfo(transaction: transaction)
        case "get_status":
            return JanusReply.success(session: nil, transaction: transaction, ["status": status()])
        case "list_sessions":
            let ids = registry.sessions.map(\.id).sorted().map(\.json)
            return JanusReply.success(session: nil, transaction: transaction, ["sessions": .array(ids)])
        case "set_session_timeout":
            let timeout = try request.nonNegativeInteger("timeout", mandatory: true) ?? 0
            guard timeout <= GatewaySettings.sessionTimeouts.upperBound else {
                throw JanusError.invalidElementType(
                    "timeout", expected: "0 (never) to \(GatewaySettings.sessionTimeouts.upperBound) seconds")
            }
            runtime.withLock { $0.sessionTimeout = Int(clamping: timeout) }
            logger.info("session timeout changed", metadata: ["timeout": "\(timeout)"])
            return JanusReply.success(session: nil, transaction: transaction, ["timeout": .int(timeout)])
        case "set_log_level":
            return try setLogLevel(request)
        case "query_eventhandler":
            return try await queryEventHandler(request)
        case "custom_event":
            let schema = try request.string("schema", mandatory: true) ?? ""
            let data = try request.object("data", mandatory: true) ?? [:]
            events.notify(type: .external, .external(schema: schema, data: data))
            return JanusReply.success(session: nil, transaction: transaction)
        case "custom_logline":
            return try customLogline(request)
        default:
            throw Self.unhandledAtPath(request)
        }
    }

    /// `set_log_level`: `level` 0…7 (Janus's levels), applied through `setLogLevel`.
    private func setLogLevel(_ request: APIRequest) throws(JanusError) -> JSONValue {
        let level = try request.nonNegativeInteger("level", mandatory: true) ?? 0
        guard level <= 7 else {
            throw JanusError(JanusError.invalidElementTypeCode, "Invalid element type (level should be between 0 and 7)")
        }
        runtime.withLock { $0.logLevel = Int(level) }
        setLogLevel(Int(level))
        return JanusReply.success(session: nil, transaction: request.transaction, ["level": .int(level)])
    }

    /// `query_eventhandler`: hands `request` to the handler named `handler`, answers its
    /// response, then has the dispatcher reread every handler's mask (the request may change it).
    private func queryEventHandler(_ request: APIRequest) async throws(JanusError) -> JSONValue {
        let package = try request.string("handler", mandatory: true) ?? ""
        let query = try request.object("request", mandatory: true) ?? [:]
        guard let handler = events.handler(package: package) else {
            throw JanusError(JanusError.pluginNotFoundCode, "Invalid event handler")
        }
        let response = await handler.handleRequest(query)
        events.refreshMask()
        return JanusReply.success(session: nil, transaction: request.transaction, ["response": response])
    }

    /// `custom_logline`: writes `line` to the log at Janus `level` (default 4, info).
    private func customLogline(_ request: APIRequest) throws(JanusError) -> JSONValue {
        let line = try request.string("line", mandatory: true) ?? ""
        let level = try request.nonNegativeInteger("level") ?? 4
        guard level <= 7 else {
            throw JanusError(JanusError.invalidElementTypeCode, "Invalid element type (level should be between 0 and 7)")
        }
        if let logLevel = Self.swiftLogLevel(janus: Int(level)) {
            logger.log(level: logLevel, "\(line)", metadata: ["source": "custom_logline"])
        }
        return JanusReply.success(session: nil, transaction: request.transaction)
    }

    /// 403 unless `admin_secret` matches `settings.adminSecret` (when one is set).
    private func checkAdminSecret(_ request: APIRequest) throws(JanusError) {
        guard let secret = settings.adminSecret, !secret.isEmpty else { return }
        guard request.members["admin_secret"]?.stringValue == secret else { throw JanusError.unauthorized }
    }

    /// Janus log levels (0 none, 1 fatal, 2 error, 3 warning, 4 info, 5 verbose, 6 huge, 7 debug)
    /// as swift-log levels; `nil` for 0 (not logged).
    static func swiftLogLevel(janus level: Int) -> Logger.Level? {
        switch level {
        case ...0: nil
        case 1: .critical
        case 2: .error
        case 3: .warning
        case 4: .info
        case 5: .debug
        default: .trace
        }
    }
}
