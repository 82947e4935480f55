import Foundation
import Synchronization

/// The shutdown signal the delivery worker waits on between retries.
///
/// A retry's backoff is a timed wait on a condition, not a sleep, so `begin(deadline:)`
/// interrupts it at once: the worker then gives up a retry that would end after the
/// shutdown deadline.
final class ShutdownSignal: @unchecked Sendable {
    // @unchecked Sendable: `deadline` is read and written only with `condition` locked.
    private let condition = NSCondition()
    private var deadline: Date?

    /// Starts the shutdown: work must be done by `deadline`. Later calls keep the first deadline.
    func begin(deadline: Date) {
        condition.lock()
        if self.deadline == nil { self.deadline = deadline }
        condition.unlock()
        condition.broadcast()
    }

    /// The shutdown deadline, `nil` while running normally.
    var shutdownDeadline: Date? {
        condition.lock()
        defer { condition.unlock() }
        return deadline
    }

    /// Whether a shutdown is under way and its deadline has passed.
    var deadlinePassed: Bool {
        condition.lock()
        defer { condition.unlock() }
        guard let deadline else { return false }
        return deadline <= Date()
    }

    /// Waits until `wake`.
    /// - Returns: `false` as soon as a shutdown is under way whose deadline comes before `wake`
    ///   (the wait is abandoned), `true` when `wake` was reached.
    func wait(until wake: Date) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        // Bounded: every pass either returns or waits until `wake`, which passes in finite time.
        while true {
            if let deadline, deadline < wake { return false }
            if Date() >= wake { return true }
            _ = condition.wait(until: wake)
        }
    }
}

/// Lets `async` code wait for the worker thread to finish without blocking a thread of the
/// cooperative pool: the waiters are continuations resumed by the worker's last act.
final class WorkerCompletion: Sendable {
    private enum State {
        case running([CheckedContinuation<Void, Never>])
        case finished
    }

    private let state = Mutex<State>(.running([]))

    /// Called by the worker thread as it ends; resumes every waiter.
    func finish() {
        let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            guard case .running(let waiters) = state else { return [] }
            state = .finished
            return waiters
        }
        for waiter in waiters { waiter.resume() }
    }

    /// Whether the worker has ended.
    var isFinished: Bool {
        state.withLock { if case .finished = $0 { true } else { false } }
    }

    /// Returns once the worker has ended.
    func wait() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let finished = state.withLock { state -> Bool in
                guard case .running(var waiters) = state else { return true }
                waiters.append(continuation)
                state = .running(waiters)
                return false
            }
            if finished { continuation.resume() }
        }
    }
}
