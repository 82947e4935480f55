/// What plugins may ask of the core (Janus's `janus_callbacks`).
extension Gateway {
    /// Queues `{"janus":"event","session_id","sender":<handle>,"transaction"?,
    /// "plugindata":{"plugin","data":body},"jsep"?}` for the handle's client. A `jsep` is
    /// validated, recorded on the handle and emitted as a `jsep` local event.
    /// - Throws: 458/459 when the session or handle is gone; 455/456/464/465/467 for a bad `jsep`.
    public func pushEvent(
        _ handle: PluginHandle, plugin: String, transaction: String?, body: JSONValue, jsep: JSONValue?
    ) throws(JanusError) {
        let (session, record) = try lookUp(handle)
        var message: [String: JSONValue] = [
            "janus": "event", "session_id": session.id.json, "sender": record.id.json,
            "plugindata": ["plugin": .string(plugin), "data": body],
        ]
        if let transaction { message["transaction"] = .string(transaction) }
        if let jsep {
            let validated = try JSEP.validate(jsep)
            record.state.withLock { $0.negotiation.sendLocal(validated) }
            events.notify(
                type: .jsep, session: session.id, handle: record.id, opaqueID: record.opaqueID,
                .jsep(owner: .local, type: validated.type.rawValue, sdp: validated.sdp))
            message["jsep"] = jsep
        }
        deliver(.object(message), to: session)
    }

    /// Closes the handle's PeerConnection: the plugin's `hangupMedia` and a client `hangup`
    /// with reason "Close PC" (Janus's). Nothing happens when there is none or the handle is gone.
    public func closePeerConnection(_ handle: PluginHandle) {
        guard let (session, record) = try? lookUp(handle) else { return }
        hangUp(record, of: session, reason: "Close PC")
    }

    /// Detaches the handle as if its client had asked (client gets `detached`).
    public func endSession(_ handle: PluginHandle) {
        guard let (session, record) = try? lookUp(handle) else { return }
        detach(record, of: session)
    }

    /// Whether any event handler subscribes to plugin events (type 64).
    public func eventsEnabled() -> Bool {
        events.isEnabled(.plugin)
    }

    /// Emits a plugin event (type 64) with the handle's session, handle and opaque ids.
    /// `data` is evaluated only when some handler subscribes.
    public func notifyEvent(plugin: String, handle: PluginHandle?, data: @autoclosure () -> JSONValue) {
        events.notify(
            type: .plugin, session: handle?.sessionID, handle: handle?.handleID, opaqueID: handle?.opaqueID,
            .plugin(package: plugin, data: data()))
    }

    /// The live session and handle behind a plugin's handle.
    /// - Throws: 458 or 459 when either is gone.
    private func lookUp(_ handle: PluginHandle) throws(JanusError) -> (GatewaySession, GatewayHandle) {
        guard let session = registry.session(handle.sessionID) else {
            throw JanusError(JanusError.sessionNotFoundCode, "No such session \(handle.sessionID)")
        }
        guard let record = session.handle(handle.handleID) else {
            throw JanusError(
                JanusError.handleNotFoundCode, "No such handle \(handle.handleID) in session \(handle.sessionID)")
        }
        return (session, record)
    }
}
