import Dispatch
import Foundation
import Synchronization

/// Turns the first SIGINT or SIGTERM into one graceful shutdown, passing the signal number on
/// (the core `shutdown` event reports it as `signum`). A second signal exits at once.
final class ShutdownSignals {
    private let sources: [any DispatchSourceSignal]

    /// Installs the handlers; `onSignal` runs once, in a Task, with the first signal caught.
    init(signals: [Int32], onSignal: @escaping @Sendable (Int32) async -> Void) {
        let fired = Fired()
        sources = signals.map { signum in
            signal(signum, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signum, queue: .global())
            source.setEventHandler {
                if fired.first() {
                    Task { await onSignal(signum) }
                } else {
                    exit(128 + signum)
                }
            }
            source.resume()
            return source
        }
    }

    /// Removes the handlers.
    func cancel() { sources.forEach { $0.cancel() } }
}

/// Remembers whether a signal already arrived.
private final class Fired: Sendable {
    private let flag = Mutex(false)
    /// `true` the first time only.
    func first() -> Bool { flag.withLock { old in defer { old = true }; return !old } }
}
