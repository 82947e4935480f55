import Synchronization

/// A one-shot "the thread has finished" signal that async code can await with a time limit, without
/// blocking a thread of the cooperative pool (the waiter is suspended on a continuation that the
/// finishing thread, or the timeout, resumes).
final class ThreadExitSignal: Sendable {
    private struct State {
        var finished = false
        var nextWaiter: UInt64 = 0
        var waiters: [UInt64: CheckedContinuation<Bool, Never>] = [:]
        /// Waiters whose timeout fired before they were parked: they must not park.
        var expired: Set<UInt64> = []
    }

    private let state = Mutex(State())

    /// Marks the thread finished and resumes every waiter with `true`. Call once, from the thread.
    func signal() {
        let waiters = state.withLock { state in
            state.finished = true
            defer { state.waiters = [:] }
            return state.waiters
        }
        for waiter in waiters.values { waiter.resume(returning: true) }
    }

    /// Waits until `signal()` was called or `timeout` passed.
    /// - Returns: `true` when the thread finished, `false` on timeout.
    func wait(timeout: Duration) async -> Bool {
        let id = state.withLock { state in
            defer { state.nextWaiter += 1 }
            return state.nextWaiter
        }
        let timer = Task { [self] in
            // Cancelled means the wait ended first: nothing to expire.
            guard (try? await Task.sleep(for: timeout)) != nil else { return }
            expire(id)
        }
        defer { timer.cancel() }
        return await withCheckedContinuation { continuation in
            let outcome: Bool? = state.withLock { state in
                if state.finished { return true }
                if state.expired.remove(id) != nil { return false }
                state.waiters[id] = continuation
                return nil
            }
            if let outcome { continuation.resume(returning: outcome) }
        }
    }

    /// The timeout of waiter `id` fired: resume it with `false` if it is still parked.
    private func expire(_ id: UInt64) {
        let waiter: CheckedContinuation<Bool, Never>?? = state.withLock { state in
            if state.finished { return .none }
            if let waiter = state.waiters.removeValue(forKey: id) { return .some(waiter) }
            state.expired.insert(id)
            return .some(nil)
        }
        if case .some(.some(let waiter)) = waiter { waiter.resume(returning: false) }
    }
}
