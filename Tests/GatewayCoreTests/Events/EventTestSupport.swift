import Foundation
import GatewayCore
import Logging
import Synchronization

/// An event handler for tests: records every event it gets; its mask can be changed at run time.
final class RecordingHandler: EventHandler {
    static let package = "swiftgate.test.recording"
    let name = "Recording handler"
    let author = "SwiftGate tests"
    let handlerDescription = "Records the events it receives."
    let version = 1
    let versionString = "0.0.1"

    private let currentMask: Mutex<EventTypeMask>
    private let recorded = Mutex<[Event]>([])
    private let shutdownCalls = Atomic<Int>(0)

    init(mask: EventTypeMask) { currentMask = Mutex(mask) }

    init?(context: EventHandlerContext) throws { currentMask = Mutex(.all) }

    var mask: EventTypeMask { currentMask.withLock { $0 } }

    /// Changes the mask (as an Admin API `tweak` would).
    func setMask(_ mask: EventTypeMask) { currentMask.withLock { $0 = mask } }

    func incomingEvent(_ event: Event) { recorded.withLock { $0.append(event) } }

    func handleRequest(_ request: JSONValue) async -> JSONValue { [:] }

    func shutdown() async { shutdownCalls.add(1, ordering: .relaxed) }

    /// Everything received so far, in arrival order.
    var events: [Event] { recorded.withLock { $0 } }
    /// How often `shutdown()` was called.
    var shutdownCount: Int { shutdownCalls.load(ordering: .relaxed) }
}

/// A handler that breaks the "never block" rule on purpose: its first `incomingEvent` blocks the
/// dispatcher thread until `release()`, so tests can fill the dispatcher's queue deterministically.
final class BlockingHandler: EventHandler {
    static let package = "swiftgate.test.blocking"
    let name = "Blocking handler"
    let author = "SwiftGate tests"
    let handlerDescription = "Blocks the dispatcher thread on its first event until released."
    let version = 1
    let versionString = "0.0.1"
    let mask: EventTypeMask = .all

    private let gate = DispatchSemaphore(value: 0)
    private let blockedOnce = Atomic<Bool>(false)
    private let entered = Atomic<Bool>(false)
    private let received = Atomic<Int>(0)

    init() {}
    init?(context: EventHandlerContext) throws {}

    func incomingEvent(_ event: Event) {
        if !blockedOnce.exchange(true, ordering: .relaxed) {
            entered.store(true, ordering: .releasing)
            // Bounded: a test that forgets to release fails instead of hanging.
            _ = gate.wait(timeout: .now() + 30)
        }
        received.add(1, ordering: .relaxed)
    }

    func handleRequest(_ request: JSONValue) async -> JSONValue { [:] }
    func shutdown() async {}

    /// Whether the dispatcher thread is (or was) blocked inside `incomingEvent`.
    var isBlocking: Bool { entered.load(ordering: .acquiring) }
    /// Lets the blocked dispatcher thread go on.
    func release() { gate.signal() }
    /// Events received so far.
    var count: Int { received.load(ordering: .relaxed) }
}

/// Counts how often an event payload was built.
final class EvaluationCounter: Sendable {
    private let value = Atomic<Int>(0)
    var count: Int { value.load(ordering: .relaxed) }

    /// Counts one evaluation and returns `payload`.
    func build(_ payload: GatewayEvent) -> GatewayEvent {
        value.add(1, ordering: .relaxed)
        return payload
    }
}

/// A logger that drops everything (tests assert on counters, not log lines).
func silentLogger() -> Logger {
    Logger(label: "swiftgate.tests.events") { _ in SwiftLogNoOpLogHandler() }
}

/// Polls `condition` every 5 ms until it holds or `timeout` passes (a generous bound, not a timing assertion).
/// - Returns: whether the condition held.
@discardableResult
func eventually(timeout: Duration = .seconds(10), _ condition: () -> Bool) async -> Bool {
    let deadline = ContinuousClock.now + timeout
    while !condition() {
        if ContinuousClock.now >= deadline { return false }
        try? await Task.sleep(for: .milliseconds(5))
    }
    return true
}

/// A plugin event whose `data` carries `index`, to check order.
func numberedPluginEvent(_ index: Int) -> GatewayEvent {
    .plugin(package: "janus.plugin.echotest", data: ["index": .int(Int64(index))])
}

/// The `index` a `numberedPluginEvent` carries.
func index(of event: Event) -> Int? {
    if case .plugin(_, let data) = event.payload, let value = data["index"]?.intValue { return Int(value) }
    return nil
}
