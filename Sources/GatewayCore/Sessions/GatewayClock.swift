import Dispatch

/// The gateway's notion of time for session bookkeeping: a monotonic clock in microseconds
/// (Janus's `janus_get_monotonic_time`) and a way to sleep, both injectable so tests can run the
/// session-timeout reaper with a manual clock or short intervals.
public struct GatewayClock: Sendable {
    /// Monotonic time in microseconds (arbitrary origin, never goes back). Used for
    /// `session_last_activity`, `created` and `current_time` in Admin `handle_info`.
    public var monotonicMicros: @Sendable () -> Int64
    /// Suspends the calling task for a duration; throws `CancellationError` when cancelled.
    public var sleep: @Sendable (Duration) async throws -> Void

    /// - Parameters:
    ///   - monotonicMicros: current monotonic time in microseconds.
    ///   - sleep: suspends for the given duration (must honour task cancellation).
    public init(
        monotonicMicros: @escaping @Sendable () -> Int64,
        sleep: @escaping @Sendable (Duration) async throws -> Void
    ) {
        self.monotonicMicros = monotonicMicros
        self.sleep = sleep
    }

    /// The system's monotonic clock (`CLOCK_MONOTONIC` through Dispatch) and `Task.sleep`.
    public static let system = GatewayClock(
        monotonicMicros: { Int64(DispatchTime.now().uptimeNanoseconds / 1_000) },
        sleep: { duration in try await Task.sleep(for: duration) }
    )
}
