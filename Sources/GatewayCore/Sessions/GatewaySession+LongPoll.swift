/// Long-poll waiting: take up to `maxEvents` queued messages, parking until one arrives, the
/// session closes, the timeout passes or the task is cancelled.
extension GatewaySession {
    private enum PollStep {
        case ready([JSONValue])
        case park(UInt64)
    }

    /// Takes up to `maxEvents` (at least 1) messages, waiting up to `timeout` for the first.
    /// - Returns: the messages in queue order; empty when the wait timed out, the task was
    ///   cancelled, or the session closed with nothing left for the client.
    func waitForMessages(maxEvents: Int, timeout: Duration, clock: GatewayClock) async -> [JSONValue] {
        let limit = max(1, maxEvents)
        let deadline = clock.monotonicMicros() + timeout.wholeMicroseconds
        // Each pass either returns or parks once; a wake-up with nothing left (another poll took
        // the messages) parks again until the deadline. Bounded by the deadline.
        while !Task.isCancelled {
            let step = state.withLock { state -> PollStep in
                if !state.queue.isEmpty { return .ready(state.queue.take(upTo: limit)) }
                if state.closed { return .ready([]) }
                state.lastWaiterID &+= 1
                state.pendingWaiters.insert(state.lastWaiterID)
                return .park(state.lastWaiterID)
            }
            let waiterID: UInt64
            switch step {
            case .ready(let messages): return messages
            case .park(let id): waiterID = id
            }
            let remaining = deadline - clock.monotonicMicros()
            guard remaining > 0 else {
                finishWaiter(waiterID)
                return []
            }
            await park(waiterID, forMicros: remaining, clock: clock)
            finishWaiter(waiterID)
        }
        return []
    }

    /// Parks the current task until `wake(waiterID)` (a message, close, the timer or cancellation).
    private func park(_ waiterID: UInt64, forMicros micros: Int64, clock: GatewayClock) async {
        let timer = Task { [weak self] in
            do { try await clock.sleep(.microseconds(micros)) } catch { return }
            self?.wake(waiterID)
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow = state.withLock { state -> Bool in
                    if !state.queue.isEmpty || state.closed || state.firedWaiters.contains(waiterID) { return true }
                    state.waiters[waiterID] = continuation
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            self.wake(waiterID)
        }
        timer.cancel()
    }

    /// Resumes one parked waiter, or marks it fired when it has not parked yet.
    private func wake(_ waiterID: UInt64) {
        let continuation = state.withLock { state -> CheckedContinuation<Void, Never>? in
            guard state.pendingWaiters.contains(waiterID) else { return nil }
            guard let parked = state.waiters.removeValue(forKey: waiterID) else {
                state.firedWaiters.insert(waiterID)
                return nil
            }
            return parked
        }
        continuation?.resume()
    }

    private func finishWaiter(_ waiterID: UInt64) {
        state.withLock { state in
            state.pendingWaiters.remove(waiterID)
            state.firedWaiters.remove(waiterID)
        }
    }
}

extension Duration {
    /// The duration in whole microseconds (rounded down; negative durations give ≤ 0).
    var wholeMicroseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1_000_000 + attoseconds / 1_000_000_000_000
    }
}
