import Synchronization

/// A snapshot of an `EventDispatcher`'s counters, for the Admin API and benchmarks.
///
/// Each counter is read atomically but not all at the same instant, so the identity
/// `notified == dispatched + droppedQueueFull + droppedClosed + queued` holds exactly only when
/// no `notify` runs concurrently.
public struct EventDispatcherCounters: Sendable, Equatable {
    /// Events built by `notify` (a handler subscribed to their type) since start, accepted or not.
    public var notified: UInt64
    /// Events the dispatcher thread took off the queue and offered to the handlers (counted once per
    /// event, however many handlers received it).
    public var dispatched: UInt64
    /// Events refused because the queue held `capacity` events (lost; logged at most once per second).
    public var droppedQueueFull: UInt64
    /// Events refused because `shutdown()` had already closed the queue (lost).
    public var droppedClosed: UInt64
    /// Events waiting in the queue when the snapshot was taken.
    public var queued: Int
    /// The queue's capacity.
    public var capacity: Int

    /// Creates a snapshot from its values (tests and benchmarks compare with it).
    public init(
        notified: UInt64, dispatched: UInt64, droppedQueueFull: UInt64, droppedClosed: UInt64, queued: Int,
        capacity: Int
    ) {
        self.notified = notified
        self.dispatched = dispatched
        self.droppedQueueFull = droppedQueueFull
        self.droppedClosed = droppedClosed
        self.queued = queued
        self.capacity = capacity
    }

    /// The counters as a JSON object with snake_case keys, all integers:
    /// `{"notified":…,"dispatched":…,"dropped_queue_full":…,"dropped_closed":…,"queued":…,"capacity":…}`.
    public var statusJSON: JSONValue {
        .object([
            "notified": .int(Int64(clamping: notified)),
            "dispatched": .int(Int64(clamping: dispatched)),
            "dropped_queue_full": .int(Int64(clamping: droppedQueueFull)),
            "dropped_closed": .int(Int64(clamping: droppedClosed)),
            "queued": .int(Int64(queued)),
            "capacity": .int(Int64(capacity)),
        ])
    }
}

/// The dispatcher's live counters. Producers touch `notified` and the drop counters, the dispatcher
/// thread `dispatched`; all relaxed (they are statistics, not synchronization).
final class DispatcherStatistics: Sendable {
    let notified = Atomic<UInt64>(0)
    let dispatched = Atomic<UInt64>(0)
    let droppedQueueFull = Atomic<UInt64>(0)
    let droppedClosed = Atomic<UInt64>(0)

    func snapshot(queued: Int, capacity: Int) -> EventDispatcherCounters {
        EventDispatcherCounters(
            notified: notified.load(ordering: .relaxed), dispatched: dispatched.load(ordering: .relaxed),
            droppedQueueFull: droppedQueueFull.load(ordering: .relaxed),
            droppedClosed: droppedClosed.load(ordering: .relaxed), queued: queued, capacity: capacity)
    }
}
