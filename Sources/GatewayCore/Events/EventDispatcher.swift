import Foundation
import Logging
import Synchronization

/// Fans events out to event handlers: Janus's `janus_events_notify_handlers` plus its events thread.
///
/// Threads:
/// - `notify(…)` may be called from any thread (media loops, NIO event loops, tasks). It reads one
///   atomic mask with relaxed ordering and returns at once when no handler subscribes to the type:
///   then the payload autoclosure is not evaluated and nothing is allocated. Otherwise it builds the
///   `Event` and offers it to a bounded queue. It never blocks on the dispatcher and never does I/O:
///   a full queue refuses the event, which is counted in `counters.droppedQueueFull`; the dispatcher
///   thread logs the count at most once per second.
/// - One dispatcher thread (a Foundation `Thread` named `swiftgate-events`, started by `start()`, never
///   a task on the cooperative pool) pops batches of events and, for each, calls `incomingEvent` of every
///   handler whose mask contains the event's type. Each handler's `mask` is read once per batch, so a
///   handler that narrows its mask stops getting the removed types from the next batch on.
/// - Events from one producer thread reach each handler in the order they were notified.
/// - `shutdown()` closes the queue, lets the thread hand everything already queued to the handlers,
///   joins it (waiting at most `joinTimeout`, without blocking a cooperative thread), then awaits each
///   handler's `shutdown()`.
///
/// The union mask is `0` when `[events] broadcast` is off (`enabled == false`) or no handler is
/// registered; it is recomputed by `register(_:)` and `refreshMask()` (call it after an Admin API
/// request may have changed a handler's mask).
/// - SeeAlso: Janus `src/events.c` (behaviour only); `../shared/DESIGN.md` "Threads and the hot path".
public final class EventDispatcher: Sendable {
    /// `general.server_name`, copied into each event's `emitter`.
    public let emitter: String
    /// Whether events are broadcast at all (`[events] broadcast` and `-e`); when `false` the mask stays 0.
    public let enabled: Bool
    /// Most events waiting for the dispatcher thread; more are refused and counted.
    public let capacity: Int
    /// Longest `shutdown()` waits for the dispatcher thread to finish handing out queued events.
    public static let joinTimeout: Duration = .seconds(5)
    /// Most events the dispatcher thread takes off the queue per lock acquisition.
    static let batchLimit = 512

    private let mask = Atomic<UInt32>(0)
    private let registered = Mutex<[any EventHandler]>([])
    private let queue: BoundedQueue<Event>
    private let stats = DispatcherStatistics()
    private let lifecycle = Mutex<Lifecycle>(.idle)
    private let threadExit = ThreadExitSignal()
    private let logger: Logger

    private enum Lifecycle {
        /// `start()` not called yet.
        case idle
        /// The dispatcher thread runs.
        case running
        /// `shutdown()` began; the thread (if any) is draining the closed queue.
        case stopping
    }

    /// Creates a dispatcher; no thread runs until `start()`.
    /// - Parameters:
    ///   - emitter: `general.server_name` (Janus default `MyJanusInstance`), the `emitter` of each event.
    ///   - enabled: `[events] broadcast` (and `-e`); when `false`, `notify` never builds an event.
    ///   - capacity: most events queued for the dispatcher thread; at least 1.
    ///   - logger: where queue overflow and lifecycle messages go.
    public init(emitter: String, enabled: Bool, capacity: Int = 65_536, logger: Logger) {
        self.emitter = emitter
        self.enabled = enabled
        self.capacity = capacity
        self.queue = BoundedQueue(capacity: capacity)
        self.logger = logger
    }

    /// Adds a handler and recomputes the union mask from every handler's current `mask`.
    /// Handlers registered after `start()` get events notified from then on.
    public func register(_ handler: any EventHandler) {
        registered.withLock { $0.append(handler) }
        refreshMask()
    }

    /// Every registered handler, in registration order.
    public var handlers: [any EventHandler] { registered.withLock { $0 } }

    /// The registered handler whose `package` is `package` (e.g. `janus.eventhandler.sampleevh`), if any.
    public func handler(package: String) -> (any EventHandler)? {
        handlers.first { type(of: $0).package == package }
    }

    /// Starts the dispatcher thread. Later calls, and calls after `shutdown()`, do nothing.
    public func start() {
        let shouldStart = lifecycle.withLock { state -> Bool in
            guard case .idle = state else { return false }
            state = .running
            return true
        }
        if shouldStart { launchThread() }
    }

    /// Rereads every handler's `mask` and stores their union (0 when broadcast is off) as the
    /// fast-path mask `notify` checks. Call after a handler's mask may have changed.
    public func refreshMask() {
        let union: UInt32 =
            enabled ? registered.withLock { $0.reduce(0) { $0 | $1.mask.rawValue } } : 0
        mask.store(union, ordering: .relaxed)
    }

    /// Whether some handler subscribes to `type` now (one relaxed atomic load). Callers can test it
    /// before preparing expensive event data; `notify` tests it itself.
    @inline(__always) public func isEnabled(_ type: EventTypeMask) -> Bool {
        mask.load(ordering: .relaxed) & type.rawValue != 0
    }

    /// Emits an event, from any thread, without blocking.
    ///
    /// When no handler subscribes to `type`, returns after one relaxed atomic load: `payload` is not
    /// evaluated. Otherwise stamps the event with the wall clock (µs since the Unix epoch) and queues it
    /// for the dispatcher thread; a full or closed queue refuses it and it is counted (see `counters`).
    /// - Parameters:
    ///   - type: the Janus type bit of `payload` (the mask test runs before `payload` is built).
    ///   - session: the session id (`session_id` on the wire), when the event belongs to one.
    ///   - handle: the handle id (`handle_id`), when the event belongs to one.
    ///   - opaqueID: the handle's `opaque_id`, when the client gave one.
    ///   - payload: what happened; evaluated only when someone subscribes to `type`.
    public func notify(
        type: EventTypeMask, session: SessionID? = nil, handle: HandleID? = nil, opaqueID: String? = nil,
        _ payload: @autoclosure () -> GatewayEvent
    ) {
        guard mask.load(ordering: .relaxed) & type.rawValue != 0 else { return }
        enqueue(type: type, session: session, handle: handle, opaqueID: opaqueID, payload: payload())
    }

    /// A snapshot of the dispatcher's counters (each read atomically; together only roughly consistent).
    public var counters: EventDispatcherCounters {
        stats.snapshot(queued: queue.currentCount, capacity: capacity)
    }

    /// The dispatcher's state for the Admin API: `counters.statusJSON` plus `broadcast` (bool),
    /// `mask` (config labels, e.g. `"sessions,handles"`) and `handlers` (array of package names).
    public var statusJSON: JSONValue {
        var status = counters.statusJSON
        status["broadcast"] = .bool(enabled)
        status["mask"] = .string(EventTypeMask(rawValue: mask.load(ordering: .relaxed)).configValue)
        status["handlers"] = .array(handlers.map { .string(type(of: $0).package) })
        return status
    }

    /// Stops: refuses new events, lets the dispatcher thread hand everything already queued to the
    /// handlers, waits for the thread (at most `joinTimeout`), then awaits each handler's `shutdown()`
    /// in registration order. Safe to call more than once; later calls wait for the thread again.
    public func shutdown() async {
        queue.close()
        let mustLaunch = lifecycle.withLock { state -> Bool in
            defer { state = .stopping }
            if case .idle = state { return true }
            return false
        }
        // Never started: launch the thread anyway so events queued before `start()` still reach handlers.
        if mustLaunch { launchThread() }
        if await !threadExit.wait(timeout: Self.joinTimeout) {
            logger.error(
                "event dispatcher thread did not finish within \(Self.joinTimeout); \(queue.currentCount) events left"
            )
        }
        mask.store(0, ordering: .relaxed)
        for handler in handlers { await handler.shutdown() }
    }

    // MARK: - Producer side

    /// The slow path of `notify`: build, stamp and queue the event, counting a refusal.
    private func enqueue(
        type: EventTypeMask, session: SessionID?, handle: HandleID?, opaqueID: String?, payload: GatewayEvent
    ) {
        assert(type == payload.type, "notify(type:) must match the payload's type")
        let event = Event(
            emitter: emitter, timestamp: wallClockMicroseconds(), sessionID: session, handleID: handle,
            opaqueID: opaqueID, payload: payload)
        stats.notified.add(1, ordering: .relaxed)
        if !queue.push(event) {
            if queue.isClosed {
                stats.droppedClosed.add(1, ordering: .relaxed)
            } else {
                stats.droppedQueueFull.add(1, ordering: .relaxed)
            }
        }
    }

    // MARK: - Dispatcher thread

    private func launchThread() {
        let thread = Thread { [self] in
            runDispatchLoop()
            threadExit.signal()
        }
        thread.name = "swiftgate-events"
        thread.start()
    }

    /// Body of the dispatcher thread: pop batches until the queue is closed and empty.
    private func runDispatchLoop() {
        var batch: [Event] = []
        batch.reserveCapacity(Self.batchLimit)
        var overflowLog = OverflowLogState()
        while true {
            // Wake at least once a second so queue overflow is reported even when idle.
            let more = queue.popBatch(into: &batch, limit: Self.batchLimit, until: Date(timeIntervalSinceNow: 1))
            if !batch.isEmpty { deliver(batch) }
            batch.removeAll(keepingCapacity: true)
            reportOverflow(&overflowLog)
            if !more { break }
        }
        reportOverflow(&overflowLog, force: true)
    }

    /// Hands each event of `batch` to every handler whose mask (read once for this batch) contains its type.
    private func deliver(_ batch: [Event]) {
        let targets = registered.withLock { $0 }.map { (handler: $0, mask: $0.mask.rawValue) }
        for event in batch {
            let bit = event.payload.type.rawValue
            for target in targets where target.mask & bit != 0 {
                target.handler.incomingEvent(event)
            }
        }
        stats.dispatched.add(UInt64(batch.count), ordering: .relaxed)
    }

    /// Last overflow count the dispatcher thread logged, and when.
    private struct OverflowLogState {
        var reported: UInt64 = 0
        var at: ContinuousClock.Instant?
    }

    /// Logs new queue overflows at most once per second (and once more at exit), never per event.
    private func reportOverflow(_ state: inout OverflowLogState, force: Bool = false) {
        let dropped = stats.droppedQueueFull.load(ordering: .relaxed)
        guard dropped > state.reported else { return }
        let now = ContinuousClock.now
        if !force, let last = state.at, now - last < .seconds(1) { return }
        logger.warning(
            "event queue full: dropped events",
            metadata: [
                "dropped_since_last_report": "\(dropped - state.reported)", "dropped_total": "\(dropped)",
                "capacity": "\(capacity)",
            ])
        state = OverflowLogState(reported: dropped, at: now)
    }
}

/// Wall-clock time in microseconds since the Unix epoch (`clock_gettime(CLOCK_REALTIME)`), the unit of
/// Janus's event `timestamp`.
func wallClockMicroseconds() -> Int64 {
    var now = timespec()
    clock_gettime(CLOCK_REALTIME, &now)
    return Int64(now.tv_sec) * 1_000_000 + Int64(now.tv_nsec) / 1_000
}
