/// How sessions and handles end, and how messages reach a session's client.
extension Gateway {
    /// Why a session ends; decides the client message and the session event.
    enum SessionEnd {
        /// Client `destroy`: event `destroyed`.
        case destroyed
        /// Idle past `session_timeout`: client gets `timeout`, event `timeout`.
        case timeout
        /// Gateway shutdown: queued messages dropped, event `destroyed`.
        case shutdown
    }

    /// Ends a session already removed from the registry: closes its queue (queueing `timeout`
    /// for a timeout), emits the session event, then detaches every handle (plugins told, one
    /// `detached` event each, after the session event as Janus orders them).
    func endSession(_ session: GatewaySession, cause: SessionEnd) {
        let sid = session.id
        let finalMessage: JSONValue? = cause == .timeout ? ["janus": "timeout", "session_id": sid.json] : nil
        let handles = session.close(finalMessage: finalMessage, dropQueued: cause == .shutdown)
        switch cause {
        case .destroyed, .shutdown: events.notify(type: .session, session: sid, .session(.destroyed))
        case .timeout: events.notify(type: .session, session: sid, .session(.timeout))
        }
        for handle in handles {
            finishDetach(handle, of: session, notifyClient: false)
        }
        logger.debug("session ended", metadata: ["session_id": "\(sid)", "cause": "\(cause)", "handles": "\(handles.count)"])
    }

    /// Detaches one handle at the client's or the plugin's request.
    /// - Returns: `false` when the handle was already gone.
    @discardableResult
    func detach(_ handle: GatewayHandle, of session: GatewaySession) -> Bool {
        guard session.removeHandle(handle.id) != nil else { return false }
        finishDetach(handle, of: session, notifyClient: true)
        return true
    }

    /// The rest of a detach, once the handle is out of its session: hang up its PeerConnection,
    /// tell the plugin, free the id, tell the client (`detached`) and emit the `detached` event.
    func finishDetach(_ handle: GatewayHandle, of session: GatewaySession, notifyClient: Bool) {
        closeMedia(handle, reason: "Detach")
        if handle.resetMedia() {
            handle.plugin.hangupMedia(handle.pluginHandle)
            if notifyClient { deliver(hangupMessage(handle, reason: "Detach"), to: session) }
        }
        handle.plugin.destroySession(handle.pluginHandle)
        registry.releaseHandleID(handle.id)
        if notifyClient {
            deliver(["janus": "detached", "session_id": session.id.json, "sender": handle.id.json], to: session)
        }
        events.notify(
            type: .handle, session: session.id, handle: handle.id, opaqueID: handle.opaqueID,
            .handle(.detached(plugin: handle.pluginPackage, opaqueID: handle.opaqueID)))
        logger.debug("handle detached", metadata: ["session_id": "\(session.id)", "handle_id": "\(handle.id)"])
    }

    /// Closes the handle's PeerConnection, if it had one: the plugin's `hangupMedia`, then the
    /// client's `hangup` message with `reason`. Without a PeerConnection nothing happens.
    func hangUp(_ handle: GatewayHandle, of session: GatewaySession, reason: String) {
        closeMedia(handle, reason: reason)
        guard handle.resetMedia() else { return }
        handle.plugin.hangupMedia(handle.pluginHandle)
        deliver(hangupMessage(handle, reason: reason), to: session)
    }

    /// Queues a message for the session's client; a full queue refuses it, which is counted and
    /// logged (at the 1st, 2nd, 4th, 8th… refusal of the session, so a stuck client cannot flood the log).
    func deliver(_ message: JSONValue, to session: GatewaySession) {
        switch session.enqueue(message) {
        case .queued, .closed:
            return
        case .overflow(let total):
            errorCounters.recordQueueOverflow()
            if total & (total - 1) == 0 {
                logger.warning(
                    "session queue full: message for the client dropped",
                    metadata: ["session_id": "\(session.id)", "dropped": "\(total)", "capacity": "\(sessionQueueCapacity)"])
            }
        }
    }

    /// Reaps every session idle for `session_timeout` seconds or more (none when it is 0):
    /// the client gets `{"janus":"timeout","session_id":N}`, handlers a session `timeout` event
    /// followed by one handle `detached` event per handle. Called by the reaper on each tick.
    public func reapIdleSessions() {
        let timeout = currentSessionTimeout
        guard timeout > 0 else { return }
        let now = clock.monotonicMicros()
        // Settings cap the timeout at a year; saturate anyway so no value can trap here.
        let (product, overflow) = Int64(clamping: timeout).multipliedReportingOverflow(by: 1_000_000)
        let limit = overflow ? Int64.max : product
        for session in registry.sessions where now - session.lastActivity >= limit {
            guard let removed = registry.remove(session.id) else { continue }
            logger.info("session timed out", metadata: ["session_id": "\(removed.id)", "timeout": "\(timeout)"])
            endSession(removed, cause: .timeout)
        }
    }

    private func hangupMessage(_ handle: GatewayHandle, reason: String) -> JSONValue {
        ["janus": "hangup", "session_id": handle.sessionID.json, "sender": handle.id.json, "reason": .string(reason)]
    }
}
