import ArgumentParser
import Foundation
import GatewayCore
import Logging

/// `swiftgate-benchmarks`: measurements of the event system (not tests; they print numbers).
///
/// Build and run in release mode, e.g.
/// `swift build -c release --product swiftgate-benchmarks` then
/// `.build/release/swiftgate-benchmarks notify-unsubscribed` or `… dispatch --producers 1,2`.
struct SwiftGateBenchmarks: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "swiftgate-benchmarks",
        abstract: "Measures SwiftGate's event path: notify without subscribers, and notify → dispatcher → handler.",
        subcommands: [NotifyUnsubscribed.self, Dispatch.self]
    )
}

/// Cost of `notify` when no handler subscribes to the type: the fast path (one relaxed atomic load).
struct NotifyUnsubscribed: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notify-unsubscribed",
        abstract: "Nanoseconds per notify() call whose type no handler subscribes to."
    )

    @Option(help: "notify calls per run.")
    var calls: Int = 100_000_000

    @Option(help: "Runs; the best and the median are printed.")
    var runs: Int = 5

    @Flag(help: "Register a handler subscribed to every other type (instead of no handler at all).")
    var withHandler = false

    func run() async throws {
        let dispatcher = EventDispatcher(emitter: "bench", enabled: true, capacity: 1024, logger: quietLogger())
        if withHandler {
            dispatcher.register(CountingHandler(mask: EventTypeMask.all.subtracting(.plugin)))
        }
        dispatcher.start()
        let evaluations = EvaluationCounter()
        var results: [Double] = []
        for _ in 0..<max(1, runs) {
            let start = ContinuousClock.now
            let checksum = notifyLoop(dispatcher, calls: calls, evaluations: evaluations)
            let elapsed = ContinuousClock.now - start
            blackHole(checksum)
            results.append(nanoseconds(elapsed) / Double(calls))
        }
        await dispatcher.shutdown()
        results.sort()
        print("notify-unsubscribed: \(calls) calls × \(results.count) runs, handler registered: \(withHandler)")
        print(String(format: "  best %.2f ns/call, median %.2f ns/call", results[0], results[results.count / 2]))
        print("  payload autoclosure evaluations: \(evaluations.count) (must be 0)")
        print("  events notified: \(dispatcher.counters.notified) (must be 0)")
    }

    /// The measured loop: notify(type: .plugin) with changing ids, so nothing can be hoisted.
    @inline(never)
    func notifyLoop(_ dispatcher: EventDispatcher, calls: Int, evaluations: EvaluationCounter) -> UInt64 {
        var checksum: UInt64 = 0
        for index in 0..<calls {
            let id = UInt64(truncatingIfNeeded: index) &+ 1
            dispatcher.notify(type: .plugin, session: id, handle: id &* 3, evaluations.build(index))
            checksum &+= id
        }
        return checksum
    }
}

/// Throughput from `notify` on producer threads through the dispatcher thread into a counting handler.
struct Dispatch: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dispatch",
        abstract: "Events per second from notify() through the dispatcher thread into a null handler."
    )

    @Option(help: "Events per run (split between the producers).")
    var events: Int = 2_000_000

    @Option(help: "Producer thread counts to run, comma-separated.")
    var producers: String = "1,2"

    @Option(help: "Dispatcher queue capacity.")
    var capacity: Int = 65_536

    @Option(help: "Runs per producer count; the best and the median are printed.")
    var runs: Int = 3

    @Flag(help: "Do not pace producers: let them outrun the dispatcher and count the drops.")
    var unpaced = false

    func run() async throws {
        let counts = producers.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard !counts.isEmpty, counts.allSatisfy({ $0 > 0 }) else {
            throw ValidationError("--producers needs positive integers, e.g. 1,2")
        }
        print("dispatch: \(events) events per run, capacity \(capacity), \(unpaced ? "unpaced" : "paced") producers")
        for count in counts {
            var results: [DispatchRun.Result] = []
            for _ in 0..<max(1, runs) {
                let run = DispatchRun(events: events, producers: count, capacity: capacity, paced: !unpaced)
                results.append(try await run.measure())
            }
            report(producers: count, results)
        }
    }

    private func report(producers: Int, _ results: [DispatchRun.Result]) {
        let rates = results.map(\.eventsPerSecond).sorted()
        let drops = results.map(\.dropped)
        print(
            String(
                format: "  %d producer%@: best %.0f events/s, median %.0f events/s",
                producers, producers == 1 ? "" : "s", rates.last ?? 0, rates[rates.count / 2]))
        print("    delivered per run: \(results.map(\.delivered)), dropped (queue full) per run: \(drops)")
        print(String(format: "    producer thread time per notify(): %.1f ns (median run; summed over producers, includes pacing)", medianNotifyCost(results)))
    }

    private func medianNotifyCost(_ results: [DispatchRun.Result]) -> Double {
        let costs = results.map(\.producerNanosPerEvent).sorted()
        return costs[costs.count / 2]
    }
}

/// Runs `command` through `AsyncParsableCommand`'s async entry point (top-level code would pick the sync one).
func runAsync<Command: AsyncParsableCommand>(_ command: Command.Type) async {
    await command.main()
}

await runAsync(SwiftGateBenchmarks.self)
