import Foundation
import GatewayCore
import Logging
import Synchronization

/// An event handler that only counts what it receives (the "null handler" of the dispatch benchmark).
final class CountingHandler: EventHandler {
    static let package = "swiftgate.benchmark.counting"
    let name = "Counting handler"
    let author = "SwiftGate"
    let handlerDescription = "Counts events; delivers nothing."
    let version = 1
    let versionString = "0.0.1"
    let mask: EventTypeMask
    /// Events received; written only by the dispatcher thread.
    let received = Atomic<Int>(0)

    init(mask: EventTypeMask) { self.mask = mask }

    init?(context: EventHandlerContext) throws { self.mask = .all }

    func incomingEvent(_ event: Event) {
        received.add(1, ordering: .relaxed)
    }

    func handleRequest(_ request: JSONValue) async -> JSONValue { ["received": .int(Int64(received.load(ordering: .relaxed)))] }

    func shutdown() async {}
}

/// Counts evaluations of a payload autoclosure (must stay 0 on the unsubscribed path).
final class EvaluationCounter: @unchecked Sendable {
    // @unchecked Sendable: only the benchmark's single measuring thread touches `count`.
    var count = 0

    /// Counts one evaluation and returns a plugin event carrying `index`.
    func build(_ index: Int) -> GatewayEvent {
        count += 1
        return .plugin(package: "janus.plugin.echotest", data: .int(Int64(index)))
    }
}

/// Keeps `value` alive so the optimizer cannot drop the computation that produced it.
@inline(never)
func blackHole<T>(_ value: T) {
    withExtendedLifetime(value) {}
}

/// A logger that prints warnings and worse (queue overflow reports) to stderr.
func quietLogger() -> Logger {
    var logger = Logger(label: "swiftgate.benchmarks")
    logger.logLevel = .warning
    return logger
}

/// `duration` in nanoseconds as a Double.
func nanoseconds(_ duration: Duration) -> Double {
    let (seconds, attoseconds) = duration.components
    return Double(seconds) * 1e9 + Double(attoseconds) / 1e9
}

/// One run of the dispatch benchmark: `producers` threads notify `events` plugin events in total into a
/// dispatcher with one counting handler; the run ends when every accepted event reached the handler.
struct DispatchRun {
    struct Result {
        var delivered: Int
        var dropped: UInt64
        var elapsed: Duration
        var producerNanosPerEvent: Double
        var eventsPerSecond: Double { Double(delivered) / (nanoseconds(elapsed) / 1e9) }
    }

    struct Timeout: Error, CustomStringConvertible {
        var description: String
    }

    let events: Int
    let producers: Int
    let capacity: Int
    /// Producers wait while the queue is more than ¾ full instead of overflowing it.
    let paced: Bool

    func measure() async throws -> Result {
        let dispatcher = EventDispatcher(emitter: "bench", enabled: true, capacity: capacity, logger: quietLogger())
        let handler = CountingHandler(mask: .all)
        dispatcher.register(handler)
        dispatcher.start()
        let perProducer = events / producers
        let producerNanos = Atomic<Int>(0)
        let done = DispatchGroup()
        let start = ContinuousClock.now
        for producer in 0..<producers {
            done.enter()
            let thread = Thread { [paced, capacity] in
                let began = ContinuousClock.now
                produce(dispatcher, count: perProducer, base: UInt64(producer) << 40, paced: paced, capacity: capacity)
                producerNanos.add(Int(nanoseconds(ContinuousClock.now - began)), ordering: .relaxed)
                done.leave()
            }
            thread.start()
        }
        try await waitUntil(timeout: .seconds(120)) { done.wait(timeout: .now()) == .success }
        let accepted = Int(dispatcher.counters.notified - dispatcher.counters.droppedQueueFull)
        try await waitUntil(timeout: .seconds(120)) { handler.received.load(ordering: .relaxed) >= accepted }
        let elapsed = ContinuousClock.now - start
        let counters = dispatcher.counters
        await dispatcher.shutdown()
        let sent = perProducer * producers
        return Result(
            delivered: handler.received.load(ordering: .relaxed), dropped: counters.droppedQueueFull,
            elapsed: elapsed,
            producerNanosPerEvent: Double(producerNanos.load(ordering: .relaxed)) / Double(sent))
    }

    /// Polls `condition` every millisecond until it holds or `timeout` passes (coarse enough not to
    /// steal CPU from the measured threads; adds at most about 1 ms to a run of a few hundred ms).
    private func waitUntil(timeout: Duration, _ condition: () -> Bool) async throws {
        let deadline = ContinuousClock.now + timeout
        while !condition() {
            guard ContinuousClock.now < deadline else { throw Timeout(description: "run did not finish in \(timeout)") }
            try await Task.sleep(for: .milliseconds(1))
        }
    }
}

/// A producer thread's loop: `count` plugin events with distinct handle ids.
private func produce(_ dispatcher: EventDispatcher, count: Int, base: UInt64, paced: Bool, capacity: Int) {
    let high = capacity - capacity / 4
    for index in 0..<count {
        if paced, index & 255 == 0 { pace(dispatcher, high: high) }
        let handle = base | UInt64(index)
        dispatcher.notify(type: .plugin, session: 1, handle: handle, opaqueID: nil,
            .plugin(package: "janus.plugin.echotest", data: .int(Int64(index))))
    }
}

/// Yields the CPU while the dispatcher's queue holds more than `high` events.
private func pace(_ dispatcher: EventDispatcher, high: Int) {
    var spins = 0
    while dispatcher.counters.queued > high, spins < 1_000_000 {
        sched_yield()
        spins += 1
    }
}
