import Foundation
import JanusClient

/// What one benchmark thread measured.
struct ThreadResult: Sendable {
    /// Requests sent (successful or not).
    var requests = 0
    /// create → attach → detach → destroy cycles where all four replies were `success`.
    var cycles = 0
    /// Requests that failed: transport error, HTTP status other than 200, or a reply not `success`.
    var errors = 0
    /// Latency of each request, nanoseconds, in the order sent.
    var latencies: [Int64] = []
    /// The first error seen, for the report.
    var firstError: String?
}

/// Runs Janus API cycles on one keep-alive connection until `deadline`:
/// `create` → `attach` janus.plugin.echotest → `detach` → `destroy`, checking every reply.
struct JanusCycleRunner {
    let baseURL: String
    let plugin: String
    let threadIndex: Int

    func run(until deadline: ContinuousClock.Instant) -> ThreadResult {
        var result = ThreadResult()
        result.latencies.reserveCapacity(100_000)
        guard let client = CurlClient() else {
            result.errors = 1
            result.firstError = "curl_easy_init failed"
            return result
        }
        var transaction = 0
        while ContinuousClock.now < deadline {
            if cycle(client, &transaction, &result) { result.cycles += 1 }
        }
        return result
    }

    /// One cycle; `true` when all four replies were `success`. A session that was created is
    /// always destroyed, even when attach or detach failed.
    private func cycle(_ client: CurlClient, _ transaction: inout Int, _ result: inout ThreadResult) -> Bool {
        func send(_ url: String, _ verb: String, _ extra: String = "") -> [String: Any]? {
            transaction += 1
            let body = #"{"janus":"\#(verb)","transaction":"t\#(threadIndex)-\#(transaction)"\#(extra)}"#
            return request(client, url, body, &result)
        }
        guard let created = send(baseURL, "create"), let session = Self.id(created) else { return false }
        let sessionURL = "\(baseURL)/\(session)"
        var ok = false
        if let attached = send(sessionURL, "attach", #","plugin":"\#(plugin)""#), let handle = Self.id(attached) {
            ok = send("\(sessionURL)/\(handle)", "detach") != nil
        }
        let destroyed = send(sessionURL, "destroy") != nil
        return ok && destroyed
    }

    /// Sends one request, records its latency, and returns the reply object when it is a
    /// `success`; anything else is counted as an error.
    private func request(_ client: CurlClient, _ url: String, _ body: String, _ result: inout ThreadResult) -> [String: Any]? {
        let start = ContinuousClock.now
        let outcome = client.post(url, body: body)
        let elapsed = ContinuousClock.now - start
        result.requests += 1
        result.latencies.append(elapsed.components.seconds * 1_000_000_000 + elapsed.components.attoseconds / 1_000_000_000)
        let problem: String
        switch outcome {
        case .failed(let message):
            problem = "curl: \(message)"
        case .response(let status, let bytes):
            let reply = (try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String: Any]
            if status == 200, let reply, reply["janus"] as? String == "success" { return reply }
            problem = "HTTP \(status): \(String(decoding: bytes.prefix(200), as: UTF8.self))"
        }
        result.errors += 1
        if result.firstError == nil { result.firstError = problem }
        return nil
    }

    /// `data.id` of a `success` reply (session or handle id).
    static func id(_ reply: [String: Any]) -> UInt64? {
        guard let data = reply["data"] as? [String: Any], let number = data["id"] as? NSNumber else { return nil }
        return number.uint64Value
    }
}
