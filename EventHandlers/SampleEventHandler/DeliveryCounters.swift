import GatewayCore
import Synchronization

/// Why an event never reached the backend; each reason has its own counter.
enum EventLossReason: String, Sendable, CaseIterable {
    /// The handler's queue was full when the event arrived (backend slower than the event rate).
    case queueFull = "queue_full"
    /// The backend kept failing (no answer, 408, 429, 5xx) past `max_retransmissions` retries.
    case retriesExhausted = "retries_exhausted"
    /// The backend answered a final non-2xx status (e.g. 400, 401, 404): not retried.
    case rejected
    /// The gateway was stopping: the event arrived after `shutdown()` began, or could not be
    /// delivered within the shutdown grace time.
    case shutdown
}

/// The sample handler's delivery counters; all are cumulative since start, in events unless
/// said otherwise. Lock-free (`Atomic`), updated by the dispatcher thread and the worker.
final class DeliveryCounters: Sendable {
    /// Events accepted into the handler's queue.
    let queued = Atomic<Int>(0)
    /// Events the backend accepted (2xx).
    let sent = Atomic<Int>(0)
    /// HTTP POST requests issued, first attempts and retries alike (a request, not an event count).
    let posts = Atomic<Int>(0)
    /// Retry attempts (requests re-sent after a failure).
    let retried = Atomic<Int>(0)
    private let lostQueueFull = Atomic<Int>(0)
    private let lostRetriesExhausted = Atomic<Int>(0)
    private let lostRejected = Atomic<Int>(0)
    private let lostShutdown = Atomic<Int>(0)

    init() {}

    /// Adds `count` events lost for `reason`.
    func addLost(_ count: Int, _ reason: EventLossReason) {
        switch reason {
        case .queueFull: lostQueueFull.add(count, ordering: .relaxed)
        case .retriesExhausted: lostRetriesExhausted.add(count, ordering: .relaxed)
        case .rejected: lostRejected.add(count, ordering: .relaxed)
        case .shutdown: lostShutdown.add(count, ordering: .relaxed)
        }
    }

    /// Events lost for `reason` so far.
    func lost(_ reason: EventLossReason) -> Int {
        switch reason {
        case .queueFull: lostQueueFull.load(ordering: .relaxed)
        case .retriesExhausted: lostRetriesExhausted.load(ordering: .relaxed)
        case .rejected: lostRejected.load(ordering: .relaxed)
        case .shutdown: lostShutdown.load(ordering: .relaxed)
        }
    }

    /// The counters as the Admin API `status` answer shows them, plus `in_queue` (events waiting now).
    func json(inQueue: Int) -> [String: JSONValue] {
        var lostObject: [String: JSONValue] = [:]
        for reason in EventLossReason.allCases { lostObject[reason.rawValue] = .int(Int64(lost(reason))) }
        return [
            "queued": .int(Int64(queued.load(ordering: .relaxed))),
            "sent": .int(Int64(sent.load(ordering: .relaxed))),
            "posts": .int(Int64(posts.load(ordering: .relaxed))),
            "retried": .int(Int64(retried.load(ordering: .relaxed))),
            "in_queue": .int(Int64(inQueue)),
            "lost": .object(lostObject),
        ]
    }
}
