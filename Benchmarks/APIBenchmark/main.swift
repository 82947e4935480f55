import ArgumentParser
import CCurl
import Foundation
import JanusClient
import Synchronization

/// `swiftgate-apibench`: Janus API throughput over HTTP on loopback, measured with libcurl.
///
/// Each thread keeps one HTTP/1.1 connection alive and loops create → attach
/// janus.plugin.echotest → detach → destroy, checking every reply is `success`. Prints
/// requests/s, full cycles/s, errors, and per-request latency p50/p99.
struct APIBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "swiftgate-apibench",
        abstract: "Janus API create/attach/detach/destroy throughput over loopback HTTP.")

    @Option(help: "Janus API base URL; the host must be 127.0.0.1, ::1 or localhost.")
    var url: String = "http://127.0.0.1:8088/janus"

    @Option(help: "Client threads, each with its own keep-alive connection (1...64).")
    var threads: Int = 2

    @Option(help: "Seconds to run (1...300).")
    var seconds: Int = 10

    @Option(help: "Plugin to attach.")
    var plugin: String = "janus.plugin.echotest"

    func validate() throws {
        guard (1...64).contains(threads) else { throw ValidationError("--threads must be 1...64") }
        guard (1...300).contains(seconds) else { throw ValidationError("--seconds must be 1...300") }
        guard let parsed = URL(string: url), parsed.scheme == "http" else {
            throw ValidationError("--url must be an http:// URL")
        }
        guard let host = parsed.host, Self.loopbackHosts.contains(host.lowercased()) else {
            throw ValidationError("--url must point to loopback (127.0.0.1, ::1 or localhost), not '\(parsed.host ?? "")'")
        }
    }

    /// Hosts the benchmark may talk to (Foundation gives IPv6 hosts with or without brackets).
    static let loopbackHosts: Set<String> = ["127.0.0.1", "::1", "[::1]", "localhost"]

    func run() throws {
        guard curl_global_init(Int(CURL_GLOBAL_ALL)) == CURLE_OK else { throw ValidationError("curl_global_init failed") }
        defer { curl_global_cleanup() }
        let base = url.hasSuffix("/") ? String(url.dropLast()) : url
        let started = ContinuousClock.now
        let deadline = started + .seconds(seconds)
        let results = Mutex<[ThreadResult]>([])
        let done = DispatchSemaphore(value: 0)
        for index in 0..<threads {
            let runner = JanusCycleRunner(baseURL: base, plugin: plugin, threadIndex: index)
            let thread = Thread {
                let result = runner.run(until: deadline)
                results.withLock { $0.append(result) }
                done.signal()
            }
            thread.name = "apibench-\(index)"
            thread.start()
        }
        for _ in 0..<threads { done.wait() }
        let elapsed = ContinuousClock.now - started
        let all = results.withLock { $0 }
        report(all, elapsed: elapsed)
        // Any failed request makes the run fail, so scripts cannot mistake errors for throughput.
        if all.contains(where: { $0.errors > 0 }) { throw ExitCode(1) }
    }

    private func report(_ results: [ThreadResult], elapsed: Duration) {
        let secondsElapsed = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let requests = results.reduce(0) { $0 + $1.requests }
        let cycles = results.reduce(0) { $0 + $1.cycles }
        let errors = results.reduce(0) { $0 + $1.errors }
        let latencies = results.flatMap(\.latencies).sorted()
        func percentile(_ p: Double) -> Double {
            guard !latencies.isEmpty else { return 0 }
            let index = min(latencies.count - 1, Int((Double(latencies.count) * p).rounded(.up)) - 1)
            return Double(latencies[max(index, 0)]) / 1_000_000
        }
        print("url            \(url)")
        print("threads        \(threads)")
        print("duration       \(String(format: "%.2f", secondsElapsed)) s")
        print("requests       \(requests)")
        print("requests/s     \(String(format: "%.0f", Double(requests) / secondsElapsed))")
        print("cycles         \(cycles)  (create+attach+detach+destroy, all success)")
        print("cycles/s       \(String(format: "%.0f", Double(cycles) / secondsElapsed))")
        print("errors         \(errors)")
        print("latency p50    \(String(format: "%.3f", percentile(0.50))) ms")
        print("latency p99    \(String(format: "%.3f", percentile(0.99))) ms")
        if let first = results.compactMap(\.firstError).first { print("first error    \(first)") }
    }
}

APIBench.main()
