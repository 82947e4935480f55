/// One element of a Janus `trickle` request: a remote ICE candidate, or the end-of-candidates
/// marker `{"completed":true}`.
///
/// Wire: `{"candidate":"candidate:… 1 udp 2130706431 127.0.0.1 45821 typ host","sdpMid":"0","sdpMLineIndex":0}`
/// (the browser's `RTCIceCandidateInit`). The core stores them per handle for the ICE agent.
/// - SeeAlso: RFC 8838 (Trickle ICE) §9 (end-of-candidates); W3C WebRTC `RTCIceCandidateInit`.
public enum TrickleCandidate: Sendable, Equatable {
    /// A candidate line with the media section it belongs to (at least one of mid and index).
    case candidate(String, sdpMid: String?, sdpMLineIndex: Int?)
    /// The client has no more candidates.
    case completed

    /// Reads the `candidate` or `candidates` member of a trickle request.
    /// - Throws: `JanusError` 456 "Missing mandatory element (candidate|candidates)" when both are
    ///   absent; 454 "Can't have both candidate and candidates"; 467 "Trickle error: invalid element type (candidates should be an array)";
    ///   or the error of the first malformed element (see `parse(_:)`).
    public static func parseRequest(candidate: JSONValue?, candidates: JSONValue?) throws(JanusError) -> [TrickleCandidate] {
        switch (candidate, candidates) {
        case (nil, nil):
            throw JanusError.missingElement("candidate|candidates")
        case (.some, .some):
            throw JanusError(JanusError.invalidJSONCode, "Can't have both candidate and candidates")
        case (.some(let single), nil):
            return [try parse(single)]
        case (nil, .some(let list)):
            guard let elements = list.arrayValue else {
                throw JanusError(JanusError.invalidElementTypeCode, "Trickle error: invalid element type (candidates should be an array)")
            }
            var parsed: [TrickleCandidate] = []
            parsed.reserveCapacity(elements.count)
            for element in elements { parsed.append(try parse(element)) }
            return parsed
        }
    }

    /// Reads one candidate object.
    /// - Throws: `JanusError` 467 when it is not an object or a member has the wrong type
    ///   (`candidate` string, `sdpMid` string, `sdpMLineIndex` non-negative integer); 456 when
    ///   `candidate` is missing or neither `sdpMid` nor `sdpMLineIndex` is given.
    public static func parse(_ value: JSONValue) throws(JanusError) -> TrickleCandidate {
        guard let members = value.objectValue else {
            throw trickleError(JanusError.invalidElementTypeCode, "invalid element type (candidate should be an object)")
        }
        if let completed = members["completed"] {
            guard completed.boolValue != nil else {
                throw trickleError(JanusError.invalidElementTypeCode, "invalid element type (completed should be a boolean)")
            }
            return .completed
        }
        let mid = members["sdpMid"]
        if let mid, mid.stringValue == nil {
            throw trickleError(JanusError.invalidElementTypeCode, "invalid element type (sdpMid should be a string)")
        }
        let index = members["sdpMLineIndex"]
        if let index, (index.intValue ?? -1) < 0 {
            throw trickleError(
                JanusError.invalidElementTypeCode, "invalid element type (sdpMLineIndex should be a positive integer)")
        }
        if mid == nil && index == nil {
            throw trickleError(JanusError.missingMandatoryElementCode, "missing mandatory element (sdpMid or sdpMLineIndex)")
        }
        guard let line = members["candidate"] else {
            throw trickleError(JanusError.missingMandatoryElementCode, "missing mandatory element (candidate)")
        }
        guard let text = line.stringValue else {
            throw trickleError(JanusError.invalidElementTypeCode, "invalid element type (candidate should be a string)")
        }
        return .candidate(text, sdpMid: mid?.stringValue, sdpMLineIndex: index?.intValue.map { Int($0) })
    }

    private static func trickleError(_ code: Int, _ what: String) -> JanusError {
        JanusError(code, "Trickle error: \(what)")
    }
}
