import Foundation

/// A Janus API request that failed: an `error` reply (with its Janus error code), an HTTP status
/// other than 200, a body that is not a JSON object, or a transport failure (no code).
public struct JanusAPIError: Error, CustomStringConvertible, Sendable {
    /// The Janus error code (`error.code`), or `nil` when the failure was not a Janus error reply.
    public let code: Int?
    /// What went wrong, in words.
    public let reason: String

    /// `Janus error <code>: <reason>`, or the reason alone.
    public var description: String { code.map { "Janus error \($0): \(reason)" } ?? reason }
}

/// A blocking client of the Janus HTTP API (create, attach, message, trickle, long poll,
/// keepalive, hangup, detach, destroy) for benchmarks: one libcurl handle, kept alive, so one
/// instance per thread. Works against any Janus-API server (SwiftGate or Janus itself).
/// - SeeAlso: Janus docs, "The Janus API" (plain HTTP).
public final class JanusAPI {
    /// The Janus API's base URL, e.g. `http://127.0.0.1:8088/janus`.
    public let baseURL: String
    private let curl: CurlClient
    private var nextTransaction = 0
    private let transactionPrefix = String(UInt32.random(in: 0...UInt32.max), radix: 36)

    /// - Throws: `JanusAPIError` when libcurl cannot make a handle.
    public init(baseURL: String) throws {
        guard let curl = CurlClient() else { throw JanusAPIError(code: nil, reason: "libcurl could not make a handle") }
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.curl = curl
    }

    /// `create`: a new session's id.
    public func createSession() throws -> UInt64 {
        try id(in: request("", ["janus": "create"]))
    }

    /// `attach` to `plugin` (e.g. `janus.plugin.echotest`): the new handle's id.
    public func attach(session: UInt64, plugin: String) throws -> UInt64 {
        try id(in: request("/\(session)", ["janus": "attach", "plugin": plugin]))
    }

    /// `message` with `body` and an optional JSEP (`["type": "offer", "sdp": …]`): the reply, `ack`
    /// (the plugin answers later as an event on the long poll) or `success` (answered at once).
    public func message(session: UInt64, handle: UInt64, body: [String: Any], jsep: [String: Any]? = nil) throws -> [String: Any] {
        var request: [String: Any] = ["janus": "message", "body": body]
        if let jsep { request["jsep"] = jsep }
        return try self.request("/\(session)/\(handle)", request)
    }

    /// `trickle` one candidate (`["candidate": …, "sdpMid": …, "sdpMLineIndex": …]`), or
    /// `["completed": true]` when gathering is done.
    public func trickle(session: UInt64, handle: UInt64, candidate: [String: Any]) throws {
        _ = try request("/\(session)/\(handle)", ["janus": "trickle", "candidate": candidate])
    }

    /// `hangup` the handle's PeerConnection.
    public func hangup(session: UInt64, handle: UInt64) throws {
        _ = try request("/\(session)/\(handle)", ["janus": "hangup"])
    }

    /// `detach` the handle.
    public func detach(session: UInt64, handle: UInt64) throws {
        _ = try request("/\(session)/\(handle)", ["janus": "detach"])
    }

    /// `keepalive` the session.
    public func keepalive(session: UInt64) throws {
        _ = try request("/\(session)", ["janus": "keepalive"])
    }

    /// `destroy` the session.
    public func destroy(session: UInt64) throws {
        _ = try request("/\(session)", ["janus": "destroy"])
    }

    /// One long poll (`GET <base>/<session>?maxev=N`): the events it returned (a keepalive is
    /// returned as such). Waits at most `timeoutMilliseconds` (Janus answers a keepalive after 30 s).
    public func poll(session: UInt64, maxEvents: Int = 10, timeoutMilliseconds: Int = 35_000) throws -> [[String: Any]] {
        let url = "\(baseURL)/\(session)?maxev=\(maxEvents)&rid=\(Int(Date().timeIntervalSince1970 * 1000))"
        let body = try check(curl.get(url, timeoutMilliseconds: timeoutMilliseconds))
        let value = try JSONSerialization.jsonObject(with: Data(body))
        if let list = value as? [[String: Any]] { return list }
        if let one = value as? [String: Any] { return [one] }
        throw JanusAPIError(code: nil, reason: "long poll reply is not JSON events")
    }

    /// Long-polls until an event for `handle` satisfies `matches`, at most `timeoutSeconds`.
    /// - Throws: `JanusAPIError` on a failed poll, or when the time runs out.
    public func waitForEvent(
        session: UInt64, handle: UInt64, timeoutSeconds: Double, where matches: ([String: Any]) -> Bool
    ) throws -> [String: Any] {
        let deadline = Date().addingTimeInterval(timeoutSeconds)
        while Date() < deadline {
            let left = Int(max(0.1, deadline.timeIntervalSinceNow) * 1000)
            for event in try poll(session: session, timeoutMilliseconds: min(left + 1000, 35_000))
            where (event["sender"] as? NSNumber)?.uint64Value == handle && matches(event) {
                return event
            }
        }
        throw JanusAPIError(code: nil, reason: "no matching event within \(timeoutSeconds) s")
    }

    /// POSTs `body` (plus a transaction) to `<base><path>`: the reply object.
    /// - Throws: `JanusAPIError` for an `error` reply, a non-200 status, or a transport failure.
    public func request(_ path: String, _ body: [String: Any]) throws -> [String: Any] {
        var body = body
        nextTransaction += 1
        body["transaction"] = "\(transactionPrefix)-\(nextTransaction)"
        let text = String(decoding: try JSONSerialization.data(withJSONObject: body), as: UTF8.self)
        let bytes = try check(curl.post(baseURL + path, body: text))
        guard let reply = (try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String: Any] else {
            throw JanusAPIError(code: nil, reason: "reply to \(body["janus"] ?? "?") is not a JSON object")
        }
        if let error = reply["error"] as? [String: Any] {
            throw JanusAPIError(code: (error["code"] as? NSNumber)?.intValue, reason: error["reason"] as? String ?? "")
        }
        return reply
    }

    private func check(_ outcome: CurlClient.Outcome) throws -> [UInt8] {
        switch outcome {
        case .failed(let reason): throw JanusAPIError(code: nil, reason: reason)
        case .response(let status, let body):
            guard status == 200 else { throw JanusAPIError(code: nil, reason: "HTTP status \(status)") }
            return body
        }
    }

    private func id(in reply: [String: Any]) throws -> UInt64 {
        guard let data = reply["data"] as? [String: Any], let id = (data["id"] as? NSNumber)?.uint64Value else {
            throw JanusAPIError(code: nil, reason: "reply has no data.id")
        }
        return id
    }
}
