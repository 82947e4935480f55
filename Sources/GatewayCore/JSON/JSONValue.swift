import Foundation

/// A JSON document as the Janus API and Janus events carry it: requests, plugin bodies,
/// JSEP objects and event bodies.
///
/// Parsing and serialization are Foundation's (`JSONDecoder`/`JSONEncoder`); this type only
/// holds the tree. Integers are kept as `Int64` so 53-bit Janus ids stay exact; numbers
/// with a fraction or exponent are `Double`. Object keys are unordered (JSON semantics);
/// serialization sorts them so output is deterministic.
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])
}

/// How JSON text is laid out, as Janus's `json` option of event handlers and transports names it.
public enum JSONFormat: String, Sendable, CaseIterable {
    /// Pretty-printed, one member per line (Janus: `indented`, the default).
    case indented
    /// One line with spaces after separators (Janus: `plain`).
    case plain
    /// One line without spaces (Janus: `compact`).
    case compact
}

/// Why a request body could not be read as JSON; rendered as Janus error 454.
public struct JSONParseError: Error, Sendable, CustomStringConvertible {
    /// Human-readable cause from the underlying parser.
    public let message: String
    public var description: String { message }
}

extension JSONValue: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int64.self) {
            self = .int(value)
        } else if let value = try? container.decode(Double.self) {
            self = .double(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .int(let value): try container.encode(value)
        case .double(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }
}

extension JSONValue {
    /// Parses a UTF-8 JSON text.
    /// - Throws: `JSONParseError` with the parser's explanation when the text is not JSON.
    public static func parse(_ data: some DataProtocol) throws(JSONParseError) -> JSONValue {
        do {
            return try JSONDecoder().decode(JSONValue.self, from: Data(data))
        } catch let DecodingError.dataCorrupted(context) {
            let underlying = (context.underlyingError as? NSError)?.userInfo[NSDebugDescriptionErrorKey] as? String
            throw JSONParseError(message: underlying ?? context.debugDescription)
        } catch {
            throw JSONParseError(message: "\(error)")
        }
    }

    /// Serializes this value as UTF-8 JSON text in the given layout, keys sorted.
    public func serialized(_ format: JSONFormat = .compact) -> Data {
        let encoder = JSONEncoder()
        switch format {
        case .indented: encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        case .plain, .compact: encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        }
        // Encoding a JSONValue cannot fail except for non-finite doubles, which we write as null.
        if let data = try? encoder.encode(self) { return data }
        return Data("null".utf8)
    }

    /// `serialized(_:)` as a String.
    public func jsonString(_ format: JSONFormat = .compact) -> String {
        String(decoding: serialized(format), as: UTF8.self)
    }
}

extension JSONValue {
    /// Member of an object, or `nil` when absent or when `self` is not an object.
    public subscript(key: String) -> JSONValue? {
        get { if case .object(let members) = self { members[key] } else { nil } }
        set {
            guard case .object(var members) = self else { return }
            members[key] = newValue
            self = .object(members)
        }
    }

    /// The string, if this is a string.
    public var stringValue: String? { if case .string(let v) = self { v } else { nil } }
    /// The boolean, if this is a boolean.
    public var boolValue: Bool? { if case .bool(let v) = self { v } else { nil } }
    /// The integer, if this is an integer (a `Double` with no fraction also converts).
    public var intValue: Int64? {
        switch self {
        case .int(let v): v
        case .double(let v) where v.rounded() == v && abs(v) < 9.0e15: Int64(v)
        default: nil
        }
    }
    /// The members, if this is an object.
    public var objectValue: [String: JSONValue]? { if case .object(let v) = self { v } else { nil } }
    /// The elements, if this is an array.
    public var arrayValue: [JSONValue]? { if case .array(let v) = self { v } else { nil } }

    /// The JSON type name used in Janus's "Invalid element type" reasons.
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .int: "integer"
        case .double: "real"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByFloatLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int64) { self = .int(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(floatLiteral value: Double) { self = .double(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
    public init(nilLiteral: ()) { self = .null }
}
