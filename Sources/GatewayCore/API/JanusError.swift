/// A Janus API error: a numeric code from Janus's API error table and a reason in words.
///
/// Wire: `{"janus":"error","transaction":…,"error":{"code":458,"reason":"No such session 42"}}`,
/// always with HTTP status 200, as Janus sends it.
/// - SeeAlso: Janus docs, "The Janus API": error codes.
public struct JanusError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The Janus error code, e.g. 458 for "no such session".
    public let code: Int
    /// What went wrong, in words, for a person reading the reply; at most `maxReasonLength`
    /// characters.
    public let reason: String

    /// The longest reason kept: a reason built from network input (an offer with thousands of bad
    /// m-lines, say) is cut there, so neither the reply nor the log line grows with the input.
    public static let maxReasonLength = 1_000

    /// - Parameters:
    ///   - code: the Janus error code.
    ///   - reason: in words; past `maxReasonLength` characters it is cut and ends with
    ///     `… (N more characters)`.
    public init(_ code: Int, _ reason: String) {
        self.code = code
        if reason.count > Self.maxReasonLength {
            self.reason = "\(reason.prefix(Self.maxReasonLength))… (\(reason.count - Self.maxReasonLength) more characters)"
        } else {
            self.reason = reason
        }
    }

    public var description: String { "\(code): \(reason)" }

    /// The `error` member of a Janus error reply: `{"code":…,"reason":…}`.
    public var errorObject: JSONValue { ["code": .int(Int64(code)), "reason": .string(reason)] }
}

extension JanusError {
    /// 403: wrong or missing `apisecret`, `admin_secret` or token.
    public static let unauthorizedCode = 403
    /// 405: the token may not use this plugin.
    public static let unauthorizedPluginCode = 405
    /// 450: transport-specific error (e.g. an unsupported HTTP method).
    public static let transportSpecificCode = 450
    /// 452: the request carried no `janus` element.
    public static let missingRequestCode = 452
    /// 453: unknown request.
    public static let unknownRequestCode = 453
    /// 454: the body is not valid JSON.
    public static let invalidJSONCode = 454
    /// 455: the body is JSON but not an object.
    public static let invalidJSONObjectCode = 455
    /// 456: a mandatory element is missing.
    public static let missingMandatoryElementCode = 456
    /// 457: the request is not valid at this path.
    public static let invalidRequestPathCode = 457
    /// 458: no such session.
    public static let sessionNotFoundCode = 458
    /// 459: no such handle in this session.
    public static let handleNotFoundCode = 459
    /// 460: no such plugin (or event handler).
    public static let pluginNotFoundCode = 460
    /// 461: the plugin refused the attach.
    public static let pluginAttachCode = 461
    /// 462: the plugin could not handle the message.
    public static let pluginMessageCode = 462
    /// 463: the plugin failed to detach.
    public static let pluginDetachCode = 463
    /// 464: unknown JSEP type.
    public static let jsepUnknownTypeCode = 464
    /// 465: invalid SDP.
    public static let jsepInvalidSDPCode = 465
    /// 466: trickle candidate for a stream that does not exist.
    public static let trickleInvalidStreamCode = 466
    /// 467: an element has the wrong JSON type.
    public static let invalidElementTypeCode = 467
    /// 468: a session with the requested id already exists.
    public static let sessionConflictCode = 468
    /// 469: an answer arrived when no offer was made.
    public static let unexpectedAnswerCode = 469
    /// 470: unknown token.
    public static let tokenNotFoundCode = 470
    /// 471: the request is not allowed in the current WebRTC state.
    public static let webRTCStateCode = 471
    /// 472: the server is not accepting new sessions.
    public static let notAcceptingSessionsCode = 472
    /// 490: unknown error.
    public static let unknownCode = 490

    /// 456 "Missing mandatory element (name)".
    public static func missingElement(_ name: String) -> JanusError {
        JanusError(missingMandatoryElementCode, "Missing mandatory element (\(name))")
    }

    /// 467 "Invalid element type (name should be a …)".
    public static func invalidElementType(_ name: String, expected: String) -> JanusError {
        JanusError(invalidElementTypeCode, "Invalid element type (\(name) should be \(expected))")
    }

    /// 403 "Unauthorized request (wrong or missing secret/token)".
    public static let unauthorized = JanusError(unauthorizedCode, "Unauthorized request (wrong or missing secret/token)")
}
