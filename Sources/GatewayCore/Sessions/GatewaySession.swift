import Synchronization

/// A Janus session as the core keeps it: its handles, its last activity and the bounded queue
/// of messages for its client, which long polls drain.
///
/// All mutable state sits behind one lock per session (no lock is shared with the media path or
/// with other sessions). Long-poll waiters park on continuations stored in that state and are
/// resumed outside the lock.
final class GatewaySession: Sendable {
    /// The session id.
    let id: SessionID
    /// The transport instance that created it (for `session_transport` and the created event).
    let transport: TransportReference?
    /// Mutable state; see `SessionState`.
    let state: Mutex<SessionState>

    init(id: SessionID, transport: TransportReference?, nowMicros: Int64, queueCapacity: Int) {
        self.id = id
        self.transport = transport
        self.state = Mutex(SessionState(lastActivity: nowMicros, queue: OutgoingQueue(capacity: queueCapacity)))
    }

    /// Records client activity at `nowMicros` (monotonic µs).
    func touch(_ nowMicros: Int64) { state.withLock { $0.lastActivity = max($0.lastActivity, nowMicros) } }

    /// Last client activity, monotonic µs.
    var lastActivity: Int64 { state.withLock { $0.lastActivity } }

    /// The handle with `handleID`, if attached.
    func handle(_ handleID: HandleID) -> GatewayHandle? { state.withLock { $0.handles[handleID] } }

    /// Handle ids in attach order.
    var handleIDs: [HandleID] { state.withLock { $0.handleOrder } }

    /// Adds a handle. - Returns: `false` when the session is already closed.
    func addHandle(_ handle: GatewayHandle) -> Bool {
        state.withLock { state in
            guard !state.closed else { return false }
            state.handles[handle.id] = handle
            state.handleOrder.append(handle.id)
            return true
        }
    }

    /// Removes a handle. - Returns: it, or `nil` when it was not attached (already detached).
    func removeHandle(_ handleID: HandleID) -> GatewayHandle? {
        state.withLock { state in
            guard let handle = state.handles.removeValue(forKey: handleID) else { return nil }
            state.handleOrder.removeAll { $0 == handleID }
            return handle
        }
    }

    /// Queues a message for the client and wakes any waiting long poll.
    func enqueue(_ message: JSONValue) -> EnqueueResult {
        let (result, waiters) = state.withLock { state -> (EnqueueResult, [CheckedContinuation<Void, Never>]) in
            guard !state.closed else { return (.closed, []) }
            guard state.queue.append(message) else { return (.overflow(total: state.queue.overflowCount), []) }
            return (.queued, state.takeWaiters())
        }
        for waiter in waiters { waiter.resume() }
        return result
    }

    /// Closes the session: queues `finalMessage` (e.g. `timeout`) unless `dropQueued`, refuses
    /// further messages and handles, and wakes every long poll (they drain what is left).
    /// - Returns: the handles that were attached, in attach order, now removed.
    func close(finalMessage: JSONValue?, dropQueued: Bool) -> [GatewayHandle] {
        let (handles, waiters) = state.withLock { state -> ([GatewayHandle], [CheckedContinuation<Void, Never>]) in
            if dropQueued {
                state.queue.removeAll()
            } else if let finalMessage {
                _ = state.queue.append(finalMessage)
            }
            state.closed = true
            let handles = state.handleOrder.compactMap { state.handles[$0] }
            state.handles.removeAll()
            state.handleOrder.removeAll()
            return (handles, state.takeWaiters())
        }
        for waiter in waiters { waiter.resume() }
        return handles
    }

    /// Messages waiting and messages refused so far.
    var queueStatus: (queued: Int, overflow: Int, capacity: Int) {
        state.withLock { ($0.queue.count, $0.queue.overflowCount, $0.queue.capacity) }
    }
}

/// What `GatewaySession.enqueue` did with a message.
enum EnqueueResult: Equatable {
    /// Queued for the client.
    case queued
    /// Refused: the queue is full; `total` messages refused so far in this session.
    case overflow(total: Int)
    /// Refused: the session is closed.
    case closed
}

/// The mutable part of a session.
struct SessionState: Sendable {
    /// Last client request or poll, monotonic µs.
    var lastActivity: Int64
    /// Attached handles by id.
    var handles: [HandleID: GatewayHandle] = [:]
    /// Handle ids in attach order (for `list_handles` and detach order).
    var handleOrder: [HandleID] = []
    /// Messages for the client.
    var queue: OutgoingQueue
    /// Parked long polls by waiter id.
    var waiters: [UInt64: CheckedContinuation<Void, Never>] = [:]
    /// Waiter ids handed out and not yet finished.
    var pendingWaiters: Set<UInt64> = []
    /// Pending waiters woken before they parked (their timer or cancellation fired first).
    var firedWaiters: Set<UInt64> = []
    /// Last waiter id handed out.
    var lastWaiterID: UInt64 = 0
    /// Destroyed, timed out or shut down: no more messages or handles.
    var closed = false

    init(lastActivity: Int64, queue: OutgoingQueue) {
        self.lastActivity = lastActivity
        self.queue = queue
    }

    /// Removes and returns every parked waiter (to resume outside the lock).
    mutating func takeWaiters() -> [CheckedContinuation<Void, Never>] {
        guard !waiters.isEmpty else { return [] }
        let parked = Array(waiters.values)
        waiters.removeAll()
        return parked
    }
}
