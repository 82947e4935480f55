import GatewayCore

/// An EchoTest error as the plugin reports it to the client, inside its event body:
/// `{"echotest":"event","error_code":413,"error":"…"}`. Codes are Janus EchoTest's.
/// - SeeAlso: Janus docs, "EchoTest plugin": error codes 411–414.
public struct EchoTestError: Error, Sendable, Equatable {
    /// 411: the message had no body.
    public static let noMessageCode = 411
    /// 412: the body is not a JSON object.
    public static let invalidJSONCode = 412
    /// 413: an element has the wrong type or value, or no element is supported.
    public static let invalidElementCode = 413
    /// 414: the JSEP offer could not be handled (invalid SDP, or negotiation unavailable).
    public static let invalidSDPCode = 414

    /// The EchoTest error code (411–414).
    public let code: Int
    /// What went wrong, in words.
    public let message: String

    /// Creates an error with an EchoTest code (411–414) and a message.
    public init(code: Int, message: String) {
        self.code = code
        self.message = message
    }

    /// The event body pushed to the client: `{"echotest":"event","error_code":…,"error":…}`.
    public var eventBody: JSONValue {
        ["echotest": "event", "error_code": .int(Int64(code)), "error": .string(message)]
    }

    /// 413 "Invalid element type (name should be …)", worded as Janus's validator words it.
    static func invalidType(_ name: String, expected: String) -> EchoTestError {
        EchoTestError(code: invalidElementCode, message: JanusError.invalidElementType(name, expected: expected).reason)
    }
}

/// The settings one EchoTest `message` body asks for; `nil` means "leave as is".
///
/// Wire: `{"audio":true,"video":false,"bitrate":128000,"audiocodec":"opus","videocodec":"vp8"}`;
/// other members are ignored. Units: `bitrate` is bits per second, 0 = no limit.
struct EchoTestRequest: Sendable, Equatable {
    var audio: Bool?
    var video: Bool?
    var bitrate: Int?
    var audioCodec: String?
    var videoCodec: String?

    /// Whether the body asked for nothing this plugin supports.
    var isEmpty: Bool { self == EchoTestRequest() }

    /// Validates a message body. Nothing is applied when this throws.
    /// - Throws: `EchoTestError` 412 when `body` is not an object, 413 when `audio`/`video` are
    ///   not booleans, `bitrate` not a non-negative integer, or a codec not a non-empty string.
    static func parse(_ body: JSONValue) throws(EchoTestError) -> EchoTestRequest {
        guard let members = body.objectValue else {
            throw EchoTestError(code: EchoTestError.invalidJSONCode, message: "JSON error: the message body is \(body.typeName), not an object")
        }
        var request = EchoTestRequest()
        request.audio = try boolean(members, "audio")
        request.video = try boolean(members, "video")
        if let value = members["bitrate"] {
            guard case .int(let bits) = value, bits >= 0, let exact = Int(exactly: bits) else {
                throw EchoTestError.invalidType("bitrate", expected: "a positive integer")
            }
            request.bitrate = exact
        }
        request.audioCodec = try codec(members, "audiocodec")
        request.videoCodec = try codec(members, "videocodec")
        return request
    }

    private static func boolean(_ members: [String: JSONValue], _ key: String) throws(EchoTestError) -> Bool? {
        guard let value = members[key] else { return nil }
        guard let flag = value.boolValue else { throw EchoTestError.invalidType(key, expected: "a boolean") }
        return flag
    }

    private static func codec(_ members: [String: JSONValue], _ key: String) throws(EchoTestError) -> String? {
        guard let value = members[key] else { return nil }
        guard let name = value.stringValue, !name.isEmpty else {
            throw EchoTestError.invalidType(key, expected: "a string")
        }
        return name
    }
}
