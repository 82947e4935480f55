import Foundation
import GatewayCore
import Logging
import Synchronization

@testable import HTTPTransport

/// A `TransportGateway` that records what the transport asks and answers from a script:
/// requests are echoed back in a `success` reply naming the API and path; long polls are
/// served from per-session queues (unknown session → `.sessionNotFound`, empty queue → wait
/// for `timeout`, then `.events([])`).
final class FakeGateway: TransportGateway {
    /// One call the transport made.
    struct Call: Equatable {
        enum API: Equatable { case janus, admin }
        var api: API
        var path: APIPath
        var body: Data
        var from: TransportRequest
    }

    /// One long poll the transport made.
    struct Poll: Equatable {
        var session: SessionID
        var maxEvents: Int
        var timeout: Duration
    }

    let events: EventDispatcher
    private let recorded = Mutex<[Call]>([])
    private let polls = Mutex<[Poll]>([])
    private let queues: Mutex<[SessionID: [JSONValue]]>
    private let descriptors = Mutex<[TransportDescriptor]>([])

    init(sessions: [SessionID: [JSONValue]] = [:], events: EventDispatcher? = nil) {
        self.queues = Mutex(sessions)
        self.events = events ?? EventDispatcher(emitter: "test", enabled: false, logger: testLogger)
    }

    var calls: [Call] { recorded.withLock { $0 } }
    var longPolls: [Poll] { polls.withLock { $0 } }
    var registered: [TransportDescriptor] { descriptors.withLock { $0 } }

    func janusRequest(path: APIPath, body: Data, from: TransportRequest) async -> JSONValue {
        recorded.withLock { $0.append(Call(api: .janus, path: path, body: body, from: from)) }
        return Self.reply(api: "janus", path: path, body: body)
    }

    func adminRequest(path: APIPath, body: Data, from: TransportRequest) async -> JSONValue {
        recorded.withLock { $0.append(Call(api: .admin, path: path, body: body, from: from)) }
        return Self.reply(api: "admin", path: path, body: body)
    }

    func longPoll(session: SessionID, maxEvents: Int, timeout: Duration) async -> LongPollOutcome {
        polls.withLock { $0.append(Poll(session: session, maxEvents: maxEvents, timeout: timeout)) }
        let taken: [JSONValue]? = queues.withLock { queues in
            guard let queue = queues[session] else { return nil }
            let count = min(maxEvents, queue.count)
            queues[session] = Array(queue.dropFirst(count))
            return Array(queue.prefix(count))
        }
        guard let taken else { return .sessionNotFound }
        if taken.isEmpty { try? await Task.sleep(for: timeout) }
        return .events(taken)
    }

    func serverInfo() -> JSONValue { ["janus": "server_info", "name": "fake", "transaction": "generated"] }

    func registerTransport(_ descriptor: TransportDescriptor) {
        descriptors.withLock { $0.append(descriptor) }
    }

    /// `{"janus":"success","api":…,"path":…,"request":<the parsed body or its text>}`.
    static func reply(api: String, path: APIPath, body: Data) -> JSONValue {
        let request = (try? JSONValue.parse(body)) ?? .string(String(decoding: body, as: UTF8.self))
        return ["janus": "success", "api": .string(api), "path": .string(describe(path)), "request": request]
    }

    static func describe(_ path: APIPath) -> String {
        switch path {
        case .root: "root"
        case .session(let session): "session \(session)"
        case .handle(let session, let handle): "handle \(session) \(handle)"
        }
    }
}

/// Settings for tests: loopback, ephemeral ports, compact JSON, a short long-poll timeout.
func testSettings(
    longPollTimeout: Duration = .milliseconds(200), maxBodySize: Int = 1 << 20, allowOrigin: String = "*"
) -> HTTPTransportSettings {
    var settings = HTTPTransportSettings()
    settings.port = 0
    settings.adminPort = 0
    settings.adminHTTPEnabled = true
    settings.jsonFormat = .compact
    settings.longPollTimeout = longPollTimeout
    settings.maxBodySize = maxBodySize
    settings.allowOrigin = allowOrigin
    return settings
}

/// A logger that keeps test output quiet: errors only.
let testLogger: Logger = {
    var logger = Logger(label: "test")
    logger.logLevel = .error
    return logger
}()
