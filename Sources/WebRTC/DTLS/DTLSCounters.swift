/// Counters of one DTLS association, for stats and tests. All counts start at zero.
public struct DTLSCounters: Sendable, Equatable {
    /// Datagrams handed to `receive(_:)`.
    public var datagramsReceived = 0
    /// Datagrams given to the delegate to send.
    public var datagramsSent = 0
    /// Received datagrams dropped because they were not well-formed DTLS records.
    public var badRecords = 0
    /// Received datagrams ignored because the association had already failed or closed.
    public var ignoredDatagrams = 0
    /// Flights retransmitted by `handleTimeout()` (RFC 6347 §4.2.4).
    public var retransmissions = 0
    /// Alerts received from the peer (any level, including close_notify).
    public var alertsReceived = 0
    /// Alerts we sent (any level, including close_notify).
    public var alertsSent = 0
    /// Application data records received and discarded (no consumer yet), in bytes.
    public var applicationDataBytesDropped = 0

    /// All zero.
    public init() {}
}
