/// A failure of the ICE layer or of a media loop: what went wrong (`code`) and a human-readable detail.
///
/// Thrown through typed throws (`throws(ICEError)`), so nothing is boxed. Bad remote input
/// (a malformed candidate, bad credentials) is reported with one of these and counted by the
/// agent; it never changes the agent's other state.
/// - SeeAlso: RFC 8445 (ICE), RFC 8839 §5.1 (candidate grammar), §5.4 (ice-ufrag / ice-pwd).
public struct ICEError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kind of failure.
    public enum Code: Hashable, Sendable {
        /// The media-loop thread could not be created or did not start its GLib loop in time.
        case loopStartFailed
        /// Work was posted to a media loop that was stopped, so it never ran.
        case loopStopped
        /// Work posted with `MediaLoop.sync` did not finish within its time limit (the loop is stuck
        /// or very busy); it may still run later.
        case loopTimeout
        /// The configuration is contradictory or unparsable (the detail names the setting).
        case invalidConfiguration
        /// The configuration leaves no local address to gather on (enforce/ignore lists, IPv6 off).
        case noLocalAddress
        /// libnice refused to create the agent, a local address or the stream.
        case agentCreationFailed
        /// `nice_agent_gather_candidates` failed (for example no port free in the port range).
        case gatheringFailed
        /// Remote ufrag/pwd do not follow RFC 8839 §5.4 (ufrag 4-256, pwd 22-256 ice-chars),
        /// or libnice refused them.
        case invalidCredentials
        /// A remote candidate string does not follow the RFC 8839 §5.1 grammar (garbage, truncated).
        case malformedCandidate
        /// A well-formed remote candidate this agent cannot use: TCP (ICE-TCP is off), a component
        /// other than 1 (BUNDLE + rtcp-mux), an FQDN/mDNS address, an unknown type, or port 0.
        case unsupportedCandidate
        /// libnice did not accept a candidate that passed our own checks.
        case rejectedCandidate
        /// The agent was already closed.
        case closed
    }

    /// The kind of failure.
    public let code: Code
    /// What exactly was wrong (the offending field or C call); for logs, not for matching.
    public let detail: String

    /// Creates an error of `code` with a human-readable `detail`.
    public init(_ code: Code, _ detail: String) {
        self.code = code
        self.detail = detail
    }

    /// `<code>: <detail>`.
    public var description: String { "\(code): \(detail)" }
}
