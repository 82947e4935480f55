import Foundation

extension APIPath {
    /// The session id in the path, if any.
    var sessionID: SessionID? {
        switch self {
        case .root: nil
        case .session(let session), .handle(let session, _): session
        }
    }
}

/// The Janus API: request envelope, routing by path, and the root and session requests.
/// Handle requests are in `Gateway+HandleRequests.swift`.
extension Gateway {
    /// Handles one Janus API request body addressed to `path` and returns the reply.
    ///
    /// Root: `info`, `ping`, `create`. Session: `attach`, `keepalive`, `destroy`. Handle:
    /// `message`, `trickle`, `hangup`, `detach` (and `keepalive`). A request known at another
    /// path gets 457 "Unhandled request 'x' at this path"; an unknown one 457 at the root and
    /// 453 "Unknown request 'x'" elsewhere, as Janus answers. Every error reply is counted per code.
    public func janusRequest(path: APIPath, body: Data, from: TransportRequest) async -> JSONValue {
        await answer(body, path: path, api: .janus) { request throws(JanusError) in
            try route(request, path: path, from: from)
        }
    }

    /// Which API a request came in on, for the error counters and the log.
    enum APIKind: String {
        case janus = "Janus API"
        case admin = "Admin API"
    }

    /// Decodes the request envelope, runs `handle`, and turns a thrown `JanusError` into Janus's
    /// error reply, counted per code. An unparsable body gets no `session_id` and an envelope
    /// error no `transaction` in the reply, as Janus answers.
    func answer(
        _ body: Data, path: APIPath, api: APIKind,
        handle: (APIRequest) async throws(JanusError) -> JSONValue
    ) async -> JSONValue {
        var members: [String: JSONValue]?
        var transaction: String?
        do {
            members = try APIRequest.decodeObject(body)
            let request = try APIRequest(members: members ?? [:])
            transaction = request.transaction
            return try await handle(request)
        } catch {
            switch api {
            case .janus: errorCounters.recordJanus(error.code)
            case .admin: errorCounters.recordAdmin(error.code)
            }
            logger.debug("\(api.rawValue) request refused", metadata: ["code": "\(error.code)", "reason": "\(error.reason)"])
            return JanusReply.error(error, session: members == nil ? nil : path.sessionID, transaction: transaction)
        }
    }

    private func route(_ request: APIRequest, path: APIPath, from: TransportRequest) throws(JanusError) -> JSONValue {
        switch path {
        case .root:
            return try rootRequest(request, from: from)
        case .session(let sid):
            let session = try authorizedSession(request, sid)
            return try sessionRequest(request, session)
        case .handle(let sid, let hid):
            let session = try authorizedSession(request, sid)
            guard let handle = session.handle(hid) else {
                throw JanusError(JanusError.handleNotFoundCode, "No such handle \(hid) in session \(sid)")
            }
            return try handleRequest(request, session, handle)
        }
    }

    private func rootRequest(_ request: APIRequest, from: TransportRequest) throws(JanusError) -> JSONValue {
        switch request.verb {
        case "info":
            return serverInfo(transaction: request.transaction)
        case "ping":
            return JanusReply.message("pong", session: nil, transaction: request.transaction)
        case "create":
            return try create(request, from: from)
        default:
            throw Self.unhandledAtPath(request)
        }
    }

    private func create(_ request: APIRequest, from: TransportRequest) throws(JanusError) -> JSONValue {
        guard runtime.withLock({ $0.acceptingSessions }) else {
            throw JanusError(JanusError.notAcceptingSessionsCode, "Not accepting new sessions")
        }
        try checkAPISecret(request)
        let forced = try request.nonNegativeInteger("id").flatMap { $0 == 0 ? nil : SessionID($0) }
        let now = clock.monotonicMicros()
        let session = try registry.insert(forcedID: forced) { id in
            GatewaySession(id: id, transport: from.reference, nowMicros: now, queueCapacity: sessionQueueCapacity)
        }
        events.notify(type: .session, session: session.id, .session(.created(transport: from.reference)))
        logger.debug("session created", metadata: ["session_id": "\(session.id)"])
        return JanusReply.success(session: nil, transaction: request.transaction, ["data": ["id": session.id.json]])
    }

    /// Checks `apisecret`, finds the session and records the request as activity.
    /// - Throws: 403 (wrong or missing secret), 458 "No such session N".
    private func authorizedSession(_ request: APIRequest, _ sid: SessionID) throws(JanusError) -> GatewaySession {
        try checkAPISecret(request)
        guard let session = registry.session(sid) else {
            throw JanusError(JanusError.sessionNotFoundCode, "No such session \(sid)")
        }
        session.touch(clock.monotonicMicros())
        return session
    }

    private func sessionRequest(_ request: APIRequest, _ session: GatewaySession) throws(JanusError) -> JSONValue {
        switch request.verb {
        case "keepalive":
            return JanusReply.ack(session: session.id, transaction: request.transaction)
        case "attach":
            return try attach(request, session)
        case "destroy":
            guard let removed = registry.remove(session.id) else {
                throw JanusError(JanusError.sessionNotFoundCode, "No such session \(session.id)")
            }
            endSession(removed, cause: .destroyed)
            return JanusReply.success(session: session.id, transaction: request.transaction)
        case "message", "trickle", "hangup", "detach":
            throw Self.unhandledAtPath(request)
        default:
            throw Self.unknownRequest(request)
        }
    }

    private func attach(_ request: APIRequest, _ session: GatewaySession) throws(JanusError) -> JSONValue {
        let package = try request.string("plugin", mandatory: true) ?? ""
        let opaqueID = try request.string("opaque_id")
        guard let plugin = plugin(package: package) else {
            throw JanusError(JanusError.pluginNotFoundCode, "No such plugin '\(package)'")
        }
        let handle = GatewayHandle(
            id: registry.reserveHandleID(), sessionID: session.id, plugin: plugin, opaqueID: opaqueID,
            createdMicros: clock.monotonicMicros())
        guard session.addHandle(handle) else {
            registry.releaseHandleID(handle.id)
            throw JanusError(JanusError.sessionNotFoundCode, "No such session \(session.id)")
        }
        do {
            try plugin.createSession(handle.pluginHandle)
        } catch {
            _ = session.removeHandle(handle.id)
            registry.releaseHandleID(handle.id)
            let reason = (error as? JanusError)?.reason ?? "Couldn't attach to plugin: \(error)"
            throw JanusError(JanusError.pluginAttachCode, reason)
        }
        events.notify(
            type: .handle, session: session.id, handle: handle.id, opaqueID: opaqueID,
            .handle(.attached(plugin: package, opaqueID: opaqueID)))
        logger.debug("handle attached", metadata: ["session_id": "\(session.id)", "handle_id": "\(handle.id)", "plugin": "\(package)"])
        return JanusReply.success(session: session.id, transaction: request.transaction, ["data": ["id": handle.id.json]])
    }

    /// 403 unless `apisecret` matches `settings.apiSecret` (when one is set).
    private func checkAPISecret(_ request: APIRequest) throws(JanusError) {
        guard let secret = settings.apiSecret, !secret.isEmpty else { return }
        guard request.members["apisecret"]?.stringValue == secret else { throw JanusError.unauthorized }
    }

    /// 457 "Unhandled request 'x' at this path".
    static func unhandledAtPath(_ request: APIRequest) -> JanusError {
        JanusError(JanusError.invalidRequestPathCode, "Unhandled request '\(request.name)' at this path")
    }

    /// 453 "Unknown request 'x'".
    static func unknownRequest(_ request: APIRequest) -> JanusError {
        JanusError(JanusError.unknownRequestCode, "Unknown request '\(request.name)'")
    }
}
