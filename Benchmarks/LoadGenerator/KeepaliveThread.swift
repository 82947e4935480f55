import Foundation
import JanusClient
import Synchronization

/// Keeps the load's Janus sessions alive while nothing long-polls them: a `keepalive` for each,
/// every 15 seconds (Janus reaps a session after 60 s of silence), on a thread of its own.
final class KeepaliveThread: Sendable {
    private struct State {
        var sessions: [UInt64] = []
        var stopped = false
    }
    private let state = Mutex(State())
    private let done = DispatchSemaphore(value: 0)

    /// Starts the thread; it sends nothing until `sessions` is set.
    init(url: String, interval: TimeInterval = 15) {
        Thread.detachNewThread { [self] in
            defer { done.signal() }
            guard let api = try? JanusAPI(baseURL: url) else { return }
            var next = Date().addingTimeInterval(interval)
            while true {
                Thread.sleep(forTimeInterval: 0.2)
                let (sessions, stopped) = state.withLock { ($0.sessions, $0.stopped) }
                if stopped { return }
                guard Date() >= next else { continue }
                next = Date().addingTimeInterval(interval)
                for session in sessions { try? api.keepalive(session: session) }
            }
        }
    }

    /// The sessions to keep alive.
    var sessions: [UInt64] {
        get { state.withLock { $0.sessions } }
        set { state.withLock { $0.sessions = newValue } }
    }

    /// Stops the thread and waits for it (at most 5 s).
    func stop() {
        state.withLock { $0.stopped = true }
        _ = done.wait(timeout: .now() + 5)
    }
}
