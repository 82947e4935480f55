/// The Janus API requests addressed to a handle: `message`, `trickle`, `hangup`, `detach`.
extension Gateway {
    func handleRequest(_ request: APIRequest, _ session: GatewaySession, _ handle: GatewayHandle) throws(JanusError) -> JSONValue {
        switch request.verb {
        case "keepalive":
            return JanusReply.ack(session: session.id, transaction: request.transaction)
        case "message":
            return try message(request, session, handle)
        case "trickle":
            return try trickle(request, session, handle)
        case "hangup":
            hangUp(handle, of: session, reason: "Janus API")
            return JanusReply.success(session: session.id, transaction: request.transaction)
        case "detach":
            guard detach(handle, of: session) else {
                throw JanusError(JanusError.handleNotFoundCode, "No such handle \(handle.id) in session \(session.id)")
            }
            return JanusReply.success(session: session.id, transaction: request.transaction)
        case "attach", "destroy":
            throw Self.unhandledAtPath(request)
        default:
            throw Self.unknownRequest(request)
        }
    }

    /// `message`: `body` (object, mandatory) and optional `jsep`, handed to the plugin.
    /// A valid JSEP is recorded on the handle and emitted as a `jsep` remote event first.
    /// - Returns: `success` with `plugindata` for a synchronous plugin answer, else `ack` (+ `hint`).
    /// - Throws: 456/467 for `body`; 455/456/464/465/467 for `jsep`; 469 for an answer we did not
    ///   ask for; the plugin's own `JanusError`, or 462 for any other plugin failure.
    private func message(_ request: APIRequest, _ session: GatewaySession, _ handle: GatewayHandle) throws(JanusError) -> JSONValue {
        guard let body = try request.object("body", mandatory: true) else { throw JanusError.missingElement("body") }
        var jsep: JSEP?
        if let raw = request.members["jsep"] {
            let validated = try JSEP.validate(raw)
            let prepared = try prepareMedia(for: validated, session, handle)
            try handle.state.withLock { (state: inout HandleState) throws(JanusError) in
                try state.negotiation.receiveRemote(validated)
            }
            events.notify(
                type: .jsep, session: session.id, handle: handle.id, opaqueID: handle.opaqueID,
                .jsep(owner: .remote, type: validated.type.rawValue, sdp: validated.sdp))
            jsep = validated
            if let prepared { handle.pluginHandle.media.withLock { $0 = prepared } }
        }
        let result: PluginResult
        do {
            result = try handle.plugin.handleMessage(
                handle.pluginHandle, transaction: request.transaction, body: body, jsep: jsep?.json)
        } catch let error as JanusError {
            throw error
        } catch {
            throw JanusError(JanusError.pluginMessageCode, "\(error)")
        }
        switch result {
        case .ok(let data):
            guard data.objectValue != nil else {
                throw JanusError(JanusError.pluginMessageCode, "Plugin returned an invalid JSON response")
            }
            return JanusReply.success(
                session: session.id, transaction: request.transaction,
                ["sender": handle.id.json, "plugindata": ["plugin": .string(handle.pluginPackage), "data": data]])
        case .okWait(let hint):
            return JanusReply.ack(session: session.id, transaction: request.transaction, hint: hint)
        }
    }

    /// `trickle`: one `candidate` object or a `candidates` array, stored on the handle for the
    /// ICE agent; `{"completed":true}` marks the end of candidates.
    /// - Throws: see `TrickleCandidate.parseRequest`; nothing is stored when any element is bad.
    private func trickle(_ request: APIRequest, _ session: GatewaySession, _ handle: GatewayHandle) throws(JanusError) -> JSONValue {
        let candidates = try TrickleCandidate.parseRequest(
            candidate: request.members["candidate"], candidates: request.members["candidates"])
        let refused = handle.addRemoteCandidates(candidates)
        handle.pluginHandle.media.withLock { $0 }?.addRemoteCandidates(candidates)
        if refused > 0 {
            logger.warning(
                "too many trickled candidates; extra ones ignored",
                metadata: ["session_id": "\(session.id)", "handle_id": "\(handle.id)", "ignored": "\(refused)"])
        }
        return JanusReply.ack(session: session.id, transaction: request.transaction)
    }
}
