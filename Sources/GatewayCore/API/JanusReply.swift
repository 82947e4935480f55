/// Builders for the Janus API reply envelopes, in Janus's shapes:
/// `{"janus":<kind>,"session_id"?:N,"transaction"?:T, …}`.
///
/// `session_id` is present for requests addressed to a session or handle path, `transaction`
/// whenever the request's envelope carried one.
/// - SeeAlso: `../shared/reference/API.md` for each reply as Janus 1.1.2 sends it.
enum JanusReply {
    /// `{"janus":kind,"session_id"?,"transaction"?}` plus `extra` members.
    static func message(
        _ kind: String, session: SessionID?, transaction: String?, _ extra: [String: JSONValue] = [:]
    ) -> JSONValue {
        var members = extra
        members["janus"] = .string(kind)
        if let session { members["session_id"] = .int(Int64(bitPattern: session)) }
        if let transaction { members["transaction"] = .string(transaction) }
        return .object(members)
    }

    /// `success` with `extra` members.
    static func success(session: SessionID?, transaction: String, _ extra: [String: JSONValue] = [:]) -> JSONValue {
        message("success", session: session, transaction: transaction, extra)
    }

    /// `ack`, with the plugin's `hint` when it gave one.
    static func ack(session: SessionID?, transaction: String, hint: String? = nil) -> JSONValue {
        message("ack", session: session, transaction: transaction, hint.map { ["hint": .string($0)] } ?? [:])
    }

    /// `{"janus":"error","session_id"?,"transaction"?,"error":{"code","reason"}}`.
    static func error(_ error: JanusError, session: SessionID?, transaction: String?) -> JSONValue {
        message("error", session: session, transaction: transaction, ["error": error.errorObject])
    }
}

extension SessionID {
    /// The id as a JSON integer (ids are below 2^53, so they fit and stay exact in JavaScript).
    var json: JSONValue { .int(Int64(bitPattern: self)) }
}
