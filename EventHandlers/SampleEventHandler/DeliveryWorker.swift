import Foundation
import GatewayCore
import Logging
import Synchronization

/// What the handler's public face (dispatcher thread, Admin API) and its worker thread share.
final class HandlerCore: Sendable {
    /// Current settings; `tweak` replaces them under the lock, the worker reads a copy per attempt.
    let settings: Mutex<SampleEventHandlerSettings>
    /// `settings.events` as raw bits, readable without the lock by the dispatcher.
    let maskBits: Atomic<UInt32>
    /// Events waiting for the worker.
    let queue: BoundedQueue<Event>
    /// Delivery counters.
    let counters = DeliveryCounters()
    /// Interrupts backoff waits at shutdown.
    let shutdown = ShutdownSignal()
    /// Signalled when the worker thread ends.
    let completion = WorkerCompletion()
    /// The handler's logger.
    let logger: Logger

    init(settings: SampleEventHandlerSettings, logger: Logger) {
        self.settings = Mutex(settings)
        self.maskBits = Atomic(settings.events.rawValue)
        self.queue = BoundedQueue(capacity: settings.queueCapacity)
        self.logger = logger
    }
}

/// The body of the handler's worker thread: takes events off the queue, POSTs them and retries
/// with exponential backoff.
///
/// - Important: runs on its own `Thread` (it blocks on the queue, on curl and in backoff
///   waits), never on Swift concurrency's cooperative pool.
struct DeliveryWorker {
    /// Most events in one grouped POST (sampleevh's limit).
    static let maxBatch = 100
    /// Limit for one POST, as sampleevh's curl timeout.
    static let requestTimeout: Duration = .seconds(10)

    let core: HandlerCore
    let poster: CurlPoster

    /// How long one wait on the empty queue lasts before the worker looks again. Finite on
    /// purpose: `NSCondition.wait(until: .distantFuture)` traps on Linux (swift-corelibs-foundation
    /// overflows converting the date to nanoseconds), so `BoundedQueue.pop()`'s default is unusable.
    static let idleWait: TimeInterval = 5

    /// Delivers until the queue is closed and empty, then signals `core.completion`.
    func run() {
        defer { core.completion.finish() }
        // Bounded: ends when `shutdown()` has closed the queue and it is drained; a closed queue
        // takes no more elements, so "closed and empty" is final.
        while true {
            guard let first = core.queue.pop(until: Date(timeIntervalSinceNow: Self.idleWait)) else {
                if core.queue.isClosed && core.queue.currentCount == 0 { return }
                continue
            }
            let grouped = core.settings.withLock { $0.grouping }
            var events = [first]
            if grouped { events += core.queue.popBatch(limit: Self.maxBatch - 1, until: .distantPast) }
            deliver(events, grouped: grouped)
        }
    }

    /// Sends one batch, retrying as `RetryPolicy` says, and counts how it ended.
    private func deliver(_ events: [Event], grouped: Bool) {
        var retriesDone = 0
        // Bounded: every pass either returns or waits and increments `retriesDone`, and
        // `RetryPolicy.decide` stops retrying once it reaches `max_retransmissions`.
        while true {
            let settings = core.settings.withLock { $0 }
            guard let timeout = timeoutForNextRequest() else {
                return loseAfterDeadline(events)
            }
            let body = PostBody(
                events: events, grouped: grouped, format: settings.json,
                compressionLevel: settings.compress ? settings.compression : nil)
            core.counters.posts.add(1, ordering: .relaxed)
            let outcome = poster.post(
                PostRequest(url: settings.backend, body: body, user: settings.backendUser,
                            password: settings.backendPassword, timeout: timeout))
            switch settings.retryPolicy.decide(outcome, retriesDone: retriesDone) {
            case .delivered:
                core.counters.sent.add(events.count, ordering: .relaxed)
                return
            case .rejected(let status):
                core.counters.addLost(events.count, .rejected)
                core.logger.error("backend \(settings.backend) rejected \(events.count) event(s) with HTTP \(status); not retried, lost")
                return
            case .retriesExhausted:
                core.counters.addLost(events.count, .retriesExhausted)
                core.logger.error(
                    "couldn't deliver \(events.count) event(s) to \(settings.backend) (\(Self.describe(outcome))) after \(retriesDone) retries; lost")
                return
            case .retry(let wait):
                core.logger.warning(
                    "couldn't deliver \(events.count) event(s) to \(settings.backend) (\(Self.describe(outcome))); retry \(retriesDone + 1) in \(wait)")
                guard core.shutdown.wait(until: Date().addingTimeInterval(Self.seconds(wait))) else {
                    return loseAfterDeadline(events)
                }
                retriesDone += 1
                core.counters.retried.add(1, ordering: .relaxed)
            }
        }
    }

    /// The timeout for the next POST: `requestTimeout`, shortened to what is left of the
    /// shutdown grace time; `nil` when that has run out.
    private func timeoutForNextRequest() -> Duration? {
        guard let deadline = core.shutdown.shutdownDeadline else { return Self.requestTimeout }
        let left = deadline.timeIntervalSinceNow
        guard left > 0.001 else { return nil }
        return min(Self.requestTimeout, .milliseconds(Int64(left * 1000)))
    }

    /// Counts `events` and everything still queued as lost at shutdown (the queue is closed by then).
    private func loseAfterDeadline(_ events: [Event]) {
        let rest = core.queue.popBatch(limit: core.queue.capacity, until: .distantPast)
        let count = events.count + rest.count
        core.counters.addLost(count, .shutdown)
        core.logger.error("shutdown grace time over: \(count) event(s) not delivered, lost")
    }

    private static func describe(_ outcome: PostOutcome) -> String {
        switch outcome {
        case .http(let status, let retryAfter):
            retryAfter.map { "HTTP \(status), Retry-After \($0) s" } ?? "HTTP \(status)"
        case .transportError(let code, let message):
            "curl error \(code): \(message)"
        }
    }

    private static func seconds(_ duration: Duration) -> TimeInterval {
        let (seconds, attoseconds) = duration.components
        return TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18
    }
}
