import Synchronization

/// Every live session by id, and every handle id in use (handle ids are unique gateway-wide).
///
/// One short lock for lookups, inserts and removals; per-session state has its own lock
/// (`GatewaySession.state`). Never held while calling a plugin.
final class SessionRegistry: Sendable {
    private struct State {
        var sessions: [SessionID: GatewaySession] = [:]
        var handleIDs: Set<HandleID> = []
    }

    private let state = Mutex(State())

    init() {}

    /// Adds a session with `forcedID`, or with a fresh random id when `nil`.
    /// - Parameter make: builds the session for the chosen id (called with the lock held: keep it trivial).
    /// - Throws: `JanusError` 468 "Session ID already in use" when `forcedID` is taken.
    func insert(forcedID: SessionID?, make: (SessionID) -> GatewaySession) throws(JanusError) -> GatewaySession {
        let session = state.withLock { state -> GatewaySession? in
            var id = forcedID ?? JanusIdentifier.random()
            if forcedID != nil {
                guard state.sessions[id] == nil else { return nil }
            } else {
                // 2^53 ids: a collision is rare; each retry draws a new random id.
                while state.sessions[id] != nil { id = JanusIdentifier.random() }
            }
            let session = make(id)
            state.sessions[id] = session
            return session
        }
        guard let session else {
            throw JanusError(JanusError.sessionConflictCode, "Session ID already in use")
        }
        return session
    }

    /// The live session with `id`.
    func session(_ id: SessionID) -> GatewaySession? { state.withLock { $0.sessions[id] } }

    /// Removes the session with `id`. - Returns: it, or `nil` when it was already gone.
    func remove(_ id: SessionID) -> GatewaySession? { state.withLock { $0.sessions.removeValue(forKey: id) } }

    /// Removes and returns every session (shutdown).
    func removeAll() -> [GatewaySession] {
        state.withLock { state in
            let all = Array(state.sessions.values)
            state.sessions.removeAll()
            return all
        }
    }

    /// Every live session.
    var sessions: [GatewaySession] { state.withLock { Array($0.sessions.values) } }

    /// Number of live sessions.
    var count: Int { state.withLock { $0.sessions.count } }

    /// Reserves a fresh random handle id not used by any live handle.
    func reserveHandleID() -> HandleID {
        state.withLock { state in
            var id = JanusIdentifier.random()
            while state.handleIDs.contains(id) { id = JanusIdentifier.random() }
            state.handleIDs.insert(id)
            return id
        }
    }

    /// Frees a handle id after its handle was detached.
    func releaseHandleID(_ id: HandleID) { _ = state.withLock { $0.handleIDs.remove(id) } }
}
