/// Admin API introspection: `get_status`, `list_handles`, `handle_info`.
extension Gateway {
    /// `get_status.status`: Janus's keys that apply (`token_auth`, `session_timeout`,
    /// `reclaim_session_timeout`, `log_level`) plus ours: `sessions` (live count) and
    /// `api_errors` (`{"janus":{code:count},"admin":{…},"queue_overflows":N}`).
    func status() -> JSONValue {
        [
            "token_auth": false,
            "session_timeout": .int(Int64(currentSessionTimeout)),
            "reclaim_session_timeout": 0,
            "log_level": .int(Int64(currentLogLevel)),
            "sessions": .int(Int64(registry.count)),
            "api_errors": errorCounters.snapshot.json,
        ]
    }

    /// `list_handles` at a session path: `{"janus":"success","session_id","transaction","handles":[ids]}`.
    /// - Throws: 458 when the session does not exist; 457 for any other request at this path.
    func listHandles(_ request: APIRequest, _ sid: SessionID) throws(JanusError) -> JSONValue {
        let session = try adminSession(sid)
        guard request.verb == "list_handles" else { throw Self.unhandledAtPath(request) }
        return JanusReply.success(
            session: sid, transaction: request.transaction, ["handles": .array(session.handleIDs.map(\.json))])
    }

    /// `handle_info` at a handle path: `{"janus":"success","session_id","transaction","handle_id","info":{…}}`.
    /// `info` holds the session and handle facts, then `plugin_specific` (the plugin's
    /// `querySession`); unless `plugin_only` is true, also `flags`, `queued-messages`, `trickle`.
    /// Times are monotonic µs.
    /// - Throws: 458/459 when the session or handle does not exist; 457 for any other request.
    func handleInfo(_ request: APIRequest, _ sid: SessionID, _ hid: HandleID) throws(JanusError) -> JSONValue {
        let session = try adminSession(sid)
        guard let handle = session.handle(hid) else {
            throw JanusError(JanusError.handleNotFoundCode, "No such handle \(hid) in session \(sid)")
        }
        guard request.verb == "handle_info" else { throw Self.unhandledAtPath(request) }
        let pluginOnly = try request.bool("plugin_only")
        var info: [String: JSONValue] = [
            "session_id": sid.json,
            "session_last_activity": .int(session.lastActivity),
            "session_timeout": .int(Int64(currentSessionTimeout)),
            "handle_id": hid.json,
            "created": .int(handle.createdMicros),
            "current_time": .int(clock.monotonicMicros()),
            "plugin": .string(handle.pluginPackage),
            "plugin_specific": handle.plugin.querySession(handle.pluginHandle),
        ]
        if let transport = session.transport { info["session_transport"] = .string(transport.transport) }
        if let opaque = handle.opaqueID { info["opaque_id"] = .string(opaque) }
        if !pluginOnly {
            info.merge(mediaInfo(handle), uniquingKeysWith: { _, ours in ours })
            let queue = session.queueStatus
            info["queued-messages"] = [
                "queued": .int(Int64(queue.queued)), "capacity": .int(Int64(queue.capacity)),
                "overflow": .int(Int64(queue.overflow)),
            ]
        }
        return JanusReply.success(
            session: sid, transaction: request.transaction, ["handle_id": hid.json, "info": .object(info)])
    }

    /// `flags` (Janus's names for what we track), `sdps` and the trickled candidates of a handle.
    private func mediaInfo(_ handle: GatewayHandle) -> [String: JSONValue] {
        let state = handle.state.withLock { $0 }
        var sdps: [String: JSONValue] = [:]
        if let local = state.negotiation.localSDP { sdps["local"] = .string(local) }
        if let remote = state.negotiation.remoteSDP { sdps["remote"] = .string(remote) }
        let candidates: [JSONValue] = state.remoteCandidates.compactMap { candidate in
            guard case .candidate(let line, _, _) = candidate else { return nil }
            return .string(line)
        }
        let media = handle.pluginHandle.media.withLock { $0 }
        return [
            "webrtc": media?.adminInfo() ?? .null,
            "flags": [
                "webrtcup": .bool(media?.shared.withLock { $0.isUp } ?? false),
                "got-offer": .bool(state.negotiation.gotOffer),
                "got-answer": .bool(state.negotiation.gotAnswer),
                "negotiated": .bool(state.negotiation.negotiated),
                "trickle": .bool(state.trickleSeen),
                "all-trickles": .bool(state.allTricklesReceived || (media?.shared.withLock { $0.remoteGatheringDone } ?? false)),
            ],
            "sdps": .object(sdps),
            "remote-candidates": .array(candidates),
        ]
    }

    private func adminSession(_ sid: SessionID) throws(JanusError) -> GatewaySession {
        guard let session = registry.session(sid) else {
            throw JanusError(JanusError.sessionNotFoundCode, "No such session \(sid)")
        }
        return session
    }
}
