import GatewayCore

/// An error answer to an Admin API `query_eventhandler` request:
/// `{"error_code":N,"error":"…"}`, with sampleevh's codes (411 unknown request, 412 missing
/// element, 413 invalid element).
struct HandlerRequestError: Error, Equatable {
    /// The request names no known verb.
    static let invalidRequest = 411
    /// A mandatory element is absent.
    static let missingElement = 412
    /// An element has the wrong JSON type or an unusable value.
    static let invalidElement = 413

    /// One of the codes above.
    var code: Int
    /// What is wrong, naming the element.
    var message: String

    /// The `response` object of the Admin API reply.
    var response: JSONValue {
        .object(["error_code": .int(Int64(code)), "error": .string(message)])
    }
}

/// A validated `tweak` request: each field is `nil` when the request leaves that setting alone.
///
/// Accepted members, as sampleevh's tweak (plus `json`): `events` (string), `grouping`,
/// `compress` (booleans), `compression` (integer 0–9), `json` (`indented`/`plain`/`compact`),
/// `backend` (http/https URL), `backend_user`, `backend_pwd` (strings; `""` removes the
/// credentials), `max_retransmissions` (integer ≥ 0), `retransmissions_backoff` (integer ms > 0).
/// Other members are ignored, as Janus ignores them.
struct SettingsTweak: Equatable {
    var events: EventTypeMask?
    var grouping: Bool?
    var compress: Bool?
    var compression: Int?
    var json: JSONFormat?
    var backend: String?
    var backendUser: String?
    var backendPassword: String?
    var maxRetransmissions: Int?
    var retransmissionsBackoff: Int?

    /// Validates every member before anything is applied, so a bad request changes nothing.
    /// - Throws: `HandlerRequestError` with code 413 naming the first bad member.
    init(request: [String: JSONValue]) throws(HandlerRequestError) {
        if let text = try Self.string(request, "events") {
            do throws(EventTypeMaskError) {
                events = try EventTypeMask(configValue: text)
            } catch {
                throw HandlerRequestError(code: HandlerRequestError.invalidElement, message: "Invalid element (events): \(error)")
            }
        }
        grouping = try Self.bool(request, "grouping")
        compress = try Self.bool(request, "compress")
        compression = try Self.int(request, "compression", in: 0...9)
        if let text = try Self.string(request, "json") {
            guard let format = JSONFormat(rawValue: text.lowercased()) else {
                throw Self.invalid("json", "expected indented, plain or compact, got '\(text)'")
            }
            json = format
        }
        if let url = try Self.string(request, "backend") {
            if let problem = SampleEventHandlerSettings.backendProblem(url) { throw Self.invalid("backend", problem) }
            backend = url
        }
        backendUser = try Self.string(request, "backend_user")
        backendPassword = try Self.string(request, "backend_pwd")
        maxRetransmissions = try Self.int(request, "max_retransmissions", in: 0...Int(Int32.max))
        retransmissionsBackoff = try Self.int(request, "retransmissions_backoff", in: 1...Int(Int32.max))
    }

    /// Writes the requested changes into `settings`.
    func apply(to settings: inout SampleEventHandlerSettings) {
        if let events { settings.events = events }
        if let grouping { settings.grouping = grouping }
        if let compress { settings.compress = compress }
        if let compression { settings.compression = compression }
        if let json { settings.json = json }
        if let backend { settings.backend = backend }
        if let backendUser { settings.backendUser = backendUser.isEmpty ? nil : backendUser }
        if let backendPassword { settings.backendPassword = backendPassword.isEmpty ? nil : backendPassword }
        if let maxRetransmissions { settings.maxRetransmissions = maxRetransmissions }
        if let retransmissionsBackoff { settings.retransmissionsBackoff = retransmissionsBackoff }
    }

    private static func invalid(_ key: String, _ detail: String) -> HandlerRequestError {
        HandlerRequestError(code: HandlerRequestError.invalidElement, message: "Invalid element (\(key)): \(detail)")
    }

    private static func string(_ request: [String: JSONValue], _ key: String) throws(HandlerRequestError) -> String? {
        guard let value = request[key] else { return nil }
        guard let text = value.stringValue else { throw invalid(key, "expected a string, got \(value.typeName)") }
        return text
    }

    private static func bool(_ request: [String: JSONValue], _ key: String) throws(HandlerRequestError) -> Bool? {
        guard let value = request[key] else { return nil }
        guard let flag = value.boolValue else { throw invalid(key, "expected a boolean, got \(value.typeName)") }
        return flag
    }

    private static func int(
        _ request: [String: JSONValue], _ key: String, in range: ClosedRange<Int>
    ) throws(HandlerRequestError) -> Int? {
        guard let value = request[key] else { return nil }
        guard let number = value.intValue else { throw invalid(key, "expected an integer, got \(value.typeName)") }
        guard number >= Int64(range.lowerBound), number <= Int64(range.upperBound) else {
            throw invalid(key, "\(number) is outside \(range.lowerBound)...\(range.upperBound)")
        }
        return Int(number)
    }
}
