/// Long polls: how a transport collects the messages queued for a session's client.
extension Gateway {
    /// Waits up to `timeout` for messages queued for `session` and takes up to `maxEvents`
    /// (at least 1) of them, in order. The poll counts as client activity, as in Janus (the HTTP
    /// transport passes each long-poll GET to the core as a keepalive).
    /// - Returns: `.sessionNotFound` when no such session is live; `.events([])` when the wait
    ///   timed out, the task was cancelled, or the session ended with nothing left to deliver.
    public func longPoll(session: SessionID, maxEvents: Int, timeout: Duration) async -> LongPollOutcome {
        guard let record = registry.session(session) else { return .sessionNotFound }
        record.touch(clock.monotonicMicros())
        return .events(await record.waitForMessages(maxEvents: maxEvents, timeout: timeout, clock: clock))
    }
}
