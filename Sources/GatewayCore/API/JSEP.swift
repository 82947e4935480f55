/// A validated JSEP object (`{"type":"offer"|"answer","sdp":"v=0…"}`) from a client's `message`
/// or from a plugin's `pushEvent`.
///
/// Validation is a cheap envelope check (the SDP parser of the media path does the rest), with
/// Janus's codes and reasons: the object shape (455/456/467), the type (464), and the SDP's first
/// line and mandatory `o=`, `s=` and `m=` lines (465).
/// - SeeAlso: RFC 8829 (JSEP) §4.1.8 for the types; RFC 8866 §5 for the mandatory SDP lines.
public struct JSEP: Sendable, Equatable {
    /// The two JSEP types a Janus peer exchanges.
    public enum Kind: String, Sendable, Equatable {
        /// `"offer"`.
        case offer
        /// `"answer"`.
        case answer
    }

    /// Offer or answer.
    public let type: Kind
    /// The session description text.
    public let sdp: String

    /// A JSEP as given, without validation (use `validate(_:)` for input from the network).
    public init(type: Kind, sdp: String) {
        self.type = type
        self.sdp = sdp
    }

    /// `{"type":…,"sdp":…}` as the plugin and the client see it.
    public var json: JSONValue { ["type": .string(type.rawValue), "sdp": .string(sdp)] }

    /// Validates a `jsep` element.
    /// - Throws: `JanusError` 455 "Invalid jsep object" (not an object); 456/467 for a missing or
    ///   non-string `type`/`sdp`; 464 "JSEP error: unknown message type 'x'"; 465 "Invalid SDP
    ///   (doesn't start with v=)" or "Missing mandatory lines (o=, s= or m=)".
    public static func validate(_ value: JSONValue) throws(JanusError) -> JSEP {
        guard let members = value.objectValue else {
            throw JanusError(JanusError.invalidJSONObjectCode, "Invalid jsep object")
        }
        let typeText = try jsepString(members, "type")
        let sdp = try jsepString(members, "sdp")
        guard let kind = Kind(rawValue: typeText.lowercased()) else {
            throw JanusError(JanusError.jsepUnknownTypeCode, "JSEP error: unknown message type '\(typeText)'")
        }
        try validateSDP(sdp)
        return JSEP(type: kind, sdp: sdp)
    }

    /// Checks that `sdp` starts with `v=` and has at least one `o=`, `s=` and `m=` line.
    /// - Throws: `JanusError` 465 with the reason Janus gives.
    public static func validateSDP(_ sdp: String) throws(JanusError) {
        guard sdp.hasPrefix("v=") else {
            throw JanusError(JanusError.jsepInvalidSDPCode, "Invalid SDP (doesn't start with v=)")
        }
        var seenO = false, seenS = false, seenM = false
        // `\.isNewline` also matches "\r\n", which Swift treats as one Character.
        for line in sdp.split(whereSeparator: \.isNewline) {
            if line.hasPrefix("o=") { seenO = true }
            if line.hasPrefix("s=") { seenS = true }
            if line.hasPrefix("m=") { seenM = true }
        }
        guard seenO, seenS, seenM else {
            throw JanusError(JanusError.jsepInvalidSDPCode, "Missing mandatory lines (o=, s= or m=)")
        }
    }

    private static func jsepString(_ members: [String: JSONValue], _ key: String) throws(JanusError) -> String {
        guard let value = members[key] else {
            throw JanusError(JanusError.missingMandatoryElementCode, "JSEP error: missing mandatory element (\(key))")
        }
        guard let text = value.stringValue else {
            throw JanusError(
                JanusError.invalidElementTypeCode, "JSEP error: invalid element type (\(key) should be a string)")
        }
        return text
    }
}
