/// One event as handlers receive it: the typed payload plus the envelope fields Janus puts
/// around every event.
///
/// Value type: each handler gets its own copy for free, where Janus deep-copies JSON per handler.
public struct Event: Sendable, Equatable {
    /// `general.server_name` of the gateway that emitted it (Janus: `emitter`).
    public var emitter: String
    /// Wall-clock time of the event, microseconds since the Unix epoch (Janus: `timestamp`).
    public var timestamp: Int64
    /// Session the event belongs to, if any.
    public var sessionID: SessionID?
    /// Handle the event belongs to, if any.
    public var handleID: HandleID?
    /// `opaque_id` the client gave when attaching the handle, if any.
    public var opaqueID: String?
    /// What happened.
    public var payload: GatewayEvent

    public init(
        emitter: String, timestamp: Int64, sessionID: SessionID?, handleID: HandleID?, opaqueID: String?,
        payload: GatewayEvent
    ) {
        self.emitter = emitter
        self.timestamp = timestamp
        self.sessionID = sessionID
        self.handleID = handleID
        self.opaqueID = opaqueID
        self.payload = payload
    }

    /// The Janus type bit (`type` on the wire).
    public var type: EventTypeMask { payload.type }
    /// The Janus subtype (`subtype` on the wire, omitted when 0).
    public var subtype: Int { payload.subtype }
}
