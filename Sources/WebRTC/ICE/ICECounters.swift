/// What an `ICEAgent` counted since it was created (read on its loop).
///
/// - Units: packets are datagrams; bytes are datagram payload bytes (UDP payload, no headers).
public struct ICECounters: Sendable, Hashable {
    /// Remote candidates handed to libnice (or queued until the remote credentials arrive).
    public var remoteCandidatesAdded = 0
    /// Remote candidate strings rejected as garbage (RFC 8839 §5.1 grammar).
    public var malformedRemoteCandidates = 0
    /// Well-formed remote candidates this agent cannot use (TCP, component 2, FQDN/mDNS, port 0).
    public var unsupportedRemoteCandidates = 0
    /// Remote candidates that passed our checks but that libnice refused.
    public var rejectedRemoteCandidates = 0
    /// Remote credentials rejected (RFC 8839 §5.4 grammar, or refused by libnice).
    public var invalidRemoteCredentials = 0
    /// `send` calls that sent nothing (no selected pair yet, closed, empty datagram, socket error).
    public var sendFailures = 0
    /// Non-STUN datagrams delivered to the delegate.
    public var packetsReceived = 0
    /// Bytes in `packetsReceived`.
    public var bytesReceived = 0
    /// Datagrams sent with `send`.
    public var packetsSent = 0
    /// Bytes in `packetsSent`.
    public var bytesSent = 0

    /// Every remote candidate that was refused, whatever the reason.
    public var badRemoteCandidates: Int {
        malformedRemoteCandidates + unsupportedRemoteCandidates + rejectedRemoteCandidates
    }

    /// All zero.
    public init() {}
}
