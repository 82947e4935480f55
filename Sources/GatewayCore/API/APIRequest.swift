import Foundation

/// One Janus or Admin API request body, parsed and with its envelope checked: a JSON object with
/// a string `transaction` and a string `janus` (the request name).
///
/// Typed accessors validate the other members with Janus's codes and reasons: 456 "Missing
/// mandatory element (x)" and 467 "Invalid element type (x should be …)".
/// - SeeAlso: Janus docs, "The Janus API" (request envelope) and `../shared/reference/API.md`.
struct APIRequest: Sendable {
    /// Every member of the request object.
    let members: [String: JSONValue]
    /// `janus` as the client wrote it (for error reasons).
    let name: String
    /// `transaction`, echoed in every reply.
    let transaction: String

    /// The request name for routing: Janus matches names case-insensitively.
    var verb: String { name.lowercased() }

    /// Parses `body` as a JSON object.
    /// - Throws: `JanusError` 454 "JSON error: <parser's reason>" or 455 "JSON error: not an object".
    static func decodeObject(_ body: Data) throws(JanusError) -> [String: JSONValue] {
        let value: JSONValue
        do {
            value = try JSONValue.parse(body)
        } catch {
            throw JanusError(JanusError.invalidJSONCode, "JSON error: \(error.message)")
        }
        guard let members = value.objectValue else {
            throw JanusError(JanusError.invalidJSONObjectCode, "JSON error: not an object")
        }
        return members
    }

    /// Checks the envelope: `transaction` first, then `janus`, both mandatory strings (Janus's order).
    /// - Throws: `JanusError` 456 or 467 naming the element.
    init(members: [String: JSONValue]) throws(JanusError) {
        self.members = members
        self.transaction = try Self.requiredString(members, "transaction")
        self.name = try Self.requiredString(members, "janus")
    }

    /// A string member.
    /// - Returns: `nil` when absent and not mandatory.
    /// - Throws: 456 when mandatory and absent; 467 when present and not a string.
    func string(_ key: String, mandatory: Bool = false) throws(JanusError) -> String? {
        guard let value = members[key] else {
            if mandatory { throw JanusError.missingElement(key) }
            return nil
        }
        guard let text = value.stringValue else { throw JanusError.invalidElementType(key, expected: "a string") }
        return text
    }

    /// An object member.
    /// - Throws: 456 when mandatory and absent; 467 when present and not an object.
    func object(_ key: String, mandatory: Bool = false) throws(JanusError) -> JSONValue? {
        guard let value = members[key] else {
            if mandatory { throw JanusError.missingElement(key) }
            return nil
        }
        guard value.objectValue != nil else { throw JanusError.invalidElementType(key, expected: "an object") }
        return value
    }

    /// A non-negative integer member (Janus calls it "a positive integer").
    /// - Throws: 456 when mandatory and absent; 467 when present and not an integer ≥ 0.
    func nonNegativeInteger(_ key: String, mandatory: Bool = false) throws(JanusError) -> Int64? {
        guard let value = members[key] else {
            if mandatory { throw JanusError.missingElement(key) }
            return nil
        }
        guard let number = value.intValue, number >= 0 else {
            throw JanusError.invalidElementType(key, expected: "a positive integer")
        }
        return number
    }

    /// A boolean member; `false` when absent.
    /// - Throws: 467 when present and not a boolean.
    func bool(_ key: String) throws(JanusError) -> Bool {
        guard let value = members[key] else { return false }
        guard let flag = value.boolValue else { throw JanusError.invalidElementType(key, expected: "a boolean") }
        return flag
    }

    private static func requiredString(_ members: [String: JSONValue], _ key: String) throws(JanusError) -> String {
        guard let value = members[key] else { throw JanusError.missingElement(key) }
        guard let text = value.stringValue else { throw JanusError.invalidElementType(key, expected: "a string") }
        return text
    }
}
