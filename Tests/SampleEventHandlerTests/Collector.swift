import CompressNIO
import Foundation
import GatewayCore
import Hummingbird
import Logging
import NIOCore
import Synchronization

/// An HTTP backend for the sample handler, in process: a Hummingbird server on 127.0.0.1 with an
/// ephemeral port that records every POST (body, headers, arrival time) and answers from a
/// script (e.g. 503 for the first three POSTs), then 200.
final class Collector: Sendable {
    /// One POST as the collector saw it.
    struct Post: Sendable {
        /// The raw body bytes (gzip when `contentEncoding == "gzip"`).
        var body: [UInt8]
        var contentType: String?
        var contentEncoding: String?
        var authorization: String?
        /// When the request was complete, on the continuous clock.
        var arrival: ContinuousClock.Instant
        /// The status the collector answered.
        var status: Int

        /// The body as JSON, gunzipped first when needed.
        func json() throws -> JSONValue {
            var bytes = body
            if contentEncoding == "gzip" {
                var buffer = ByteBuffer(bytes: body)
                let plain = try buffer.decompress(with: .gzip())
                bytes = Array(plain.readableBytesView)
            }
            return try JSONValue.parse(bytes)
        }
    }

    /// An answer to give instead of 200.
    struct Answer: Sendable {
        var status: Int
        var retryAfter: String?
        /// How long to sit on the request before answering (a slow backend).
        var delay: Duration?
    }

    private let posts = Mutex<[Post]>([])
    private let script = Mutex<[Answer]>([])
    private let task = Mutex<Task<Void, any Error>?>(nil)
    /// The bound port (set once the server runs).
    let port: Int

    /// `http://127.0.0.1:<port>/events`.
    var url: String { "http://127.0.0.1:\(port)/events" }

    private init(port: Int) { self.port = port }

    /// Starts a collector and returns once it listens.
    static func start() async throws -> Collector {
        let box = PortBox()
        let recorder = Recorder()
        let router = Router()
        router.post("/events") { request, _ -> Response in
            let body = try await request.body.collect(upTo: 64 << 20)
            let (answer, response) = recorder.record(request: request, body: Array(body.readableBytesView))
            if let delay = answer?.delay { try await Task.sleep(for: delay) }
            return response
        }
        var logger = Logger(label: "collector")
        logger.logLevel = .critical
        let app = Application(
            router: router,
            configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in box.resume(port: channel.localAddress?.port ?? 0) },
            logger: logger)
        let task = Task { try await app.runService(gracefulShutdownSignals: []) }
        let port = await box.port()
        let collector = Collector(port: port)
        recorder.collector.withLock { $0 = collector }
        collector.task.withLock { $0 = task }
        return collector
    }

    /// Stops the server; its port then refuses connections.
    func stop() async {
        guard let task = task.withLock({ $0 }) else { return }
        task.cancel()
        _ = try? await task.value
    }

    /// Answers the next POSTs with `answers`, in order, before going back to 200.
    func failNext(_ answers: [Answer]) {
        script.withLock { $0.append(contentsOf: answers) }
    }

    /// Every POST so far, in arrival order.
    var received: [Post] { posts.withLock { $0 } }

    /// The events of every POST answered 200, in order (arrays flattened).
    func deliveredEvents() throws -> [JSONValue] {
        try received.filter { $0.status == 200 }.flatMap { post -> [JSONValue] in
            let json = try post.json()
            return json.arrayValue ?? [json]
        }
    }

    fileprivate func record(_ post: Post) -> Int {
        posts.withLock { $0.append(post) }
        return post.status
    }

    fileprivate func nextAnswer() -> Answer {
        script.withLock { $0.isEmpty ? Answer(status: 200) : $0.removeFirst() }
    }
}

/// Routes requests to the collector once it exists (the router is built before it).
private final class Recorder: Sendable {
    let collector = Mutex<Collector?>(nil)

    func record(request: Request, body: [UInt8]) -> (Collector.Answer?, Response) {
        guard let collector = collector.withLock({ $0 }) else { return (nil, Response(status: .serviceUnavailable)) }
        let answer = collector.nextAnswer()
        let post = Collector.Post(
            body: body,
            contentType: request.headers[.contentType],
            contentEncoding: request.headers[.contentEncoding],
            authorization: request.headers[.authorization],
            arrival: .now,
            status: answer.status)
        _ = collector.record(post)
        var headers = HTTPFields()
        if let retryAfter = answer.retryAfter { headers[.retryAfter] = retryAfter }
        return (answer, Response(status: .init(code: answer.status), headers: headers))
    }
}

/// Hands the bound port from `onServerRunning` to `start()`.
private final class PortBox: Sendable {
    private let state = Mutex<(port: Int?, waiter: CheckedContinuation<Int, Never>?)>((nil, nil))

    func resume(port: Int) {
        let waiter = state.withLock { state -> CheckedContinuation<Int, Never>? in
            state.port = port
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume(returning: port)
    }

    func port() async -> Int {
        await withCheckedContinuation { continuation in
            let known = state.withLock { state -> Int? in
                if let port = state.port { return port }
                state.waiter = continuation
                return nil
            }
            if let known { continuation.resume(returning: known) }
        }
    }
}

/// Polls `condition` every 10 ms until it holds or `timeout` passes.
/// - Returns: whether the condition held.
func eventually(timeout: Duration = .seconds(10), _ condition: () async throws -> Bool) async rethrows -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if try await condition() { return true }
        try? await Task.sleep(for: .milliseconds(10))
    }
    return try await condition()
}
