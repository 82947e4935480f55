/// Receive statistics for one incoming RTP stream, as RFC 3550 App. A keeps them; a value type with
/// no allocation, updated once per packet.
///
/// - Units: `bytes` counts payload bytes; `jitter` is in RTP timestamp units at `clockRate` Hz;
///   arrival times are microseconds on any monotonic clock.
/// - Note: no probation (`MIN_SEQUENTIAL`) period: over SRTP every packet that reaches here is
///   authenticated, so the first one starts the stream. Sequence jumps follow A.1: up to
///   `maxDropout` ahead is accepted; a larger jump is accepted only when the next packet confirms it.
/// - SeeAlso: RFC 3550 App. A.1 (sequence), A.3 (loss), A.8 (jitter), §6.4.1 (report block).
public struct ReceiveStatistics: Sendable {
    /// A.1 `MAX_DROPOUT`: the largest forward jump taken as loss rather than a restart.
    public static let maxDropout: UInt16 = 3000
    /// A.1 `MAX_MISORDER`: how far behind the highest a packet counts as reordered.
    public static let maxMisorder: UInt16 = 100

    /// The stream's RTP clock rate in Hz (for example 90 000 for video, 48 000 for Opus).
    public let clockRate: UInt32
    /// Packets accepted since the stream (re)started (duplicates included, as in A.1's `received`).
    public private(set) var packets: UInt64 = 0
    /// Payload bytes of the accepted packets (not reset when a sequence restart resets `packets`).
    public private(set) var bytes: UInt64 = 0

    private var started = false
    private var baseSequence: UInt64 = 0
    private var highest = SequenceNumber(0)
    private var badSequence: UInt32 = 0x1_0001  // A.1: RTP_SEQ_MOD + 1, "so seq == bad_seq is false"
    private var expectedPrior: UInt64 = 0
    private var receivedPrior: UInt64 = 0
    private var jitterQ4: UInt32 = 0  // A.8 integer form: jitter × 16
    private var lastTransit: UInt32?
    private var lastSenderReport: (compact: UInt32, arrivalMicroseconds: UInt64)?

    /// Starts empty statistics for a stream with the given RTP clock rate (Hz, > 0).
    public init(clockRate: UInt32) {
        self.clockRate = max(clockRate, 1)
    }

    /// The extended highest sequence number received (cycles × 65536 + highest).
    public var extendedHighestSequence: SequenceNumber { highest }

    /// Packets expected from the first to the highest sequence number (A.3).
    public var expected: UInt64 { started ? highest.value - baseSequence + 1 : 0 }

    /// Cumulative packets lost: expected − received, negative with duplicates (A.3).
    public var cumulativeLost: Int64 { Int64(truncatingIfNeeded: expected) - Int64(truncatingIfNeeded: packets) }

    /// Interarrival jitter estimate, in RTP timestamp units (A.8).
    public var jitter: UInt32 { jitterQ4 >> 4 }

    /// Records one received packet.
    ///
    /// - Parameters:
    ///   - sequenceNumber: the header's 16-bit sequence number.
    ///   - timestamp: the header's RTP timestamp (clock-rate units).
    ///   - payloadBytes: payload length in bytes.
    ///   - arrivalMicroseconds: local arrival time, microseconds on a monotonic clock.
    /// - Returns: `false` when A.1 rejects the packet (a large jump not yet confirmed); the
    ///   statistics are then unchanged apart from remembering the jump.
    @discardableResult
    public mutating func record(
        sequenceNumber: UInt16, timestamp: UInt32, payloadBytes: Int, arrivalMicroseconds: UInt64
    ) -> Bool {
        guard updateSequence(sequenceNumber) else { return false }
        packets += 1
        bytes += UInt64(max(payloadBytes, 0))
        updateJitter(timestamp: timestamp, arrivalMicroseconds: arrivalMicroseconds)
        return true
    }

    private mutating func restart(at sequenceNumber: UInt16) {
        started = true
        highest = SequenceNumber(extending: sequenceNumber, nearest: highest)
        baseSequence = highest.value
        badSequence = 0x1_0001
        packets = 0
        expectedPrior = 0
        receivedPrior = 0
    }

    /// A.1 `update_seq` without probation.
    private mutating func updateSequence(_ sequenceNumber: UInt16) -> Bool {
        guard started else {
            restart(at: sequenceNumber)
            return true
        }
        let delta = sequenceNumber &- highest.wire
        if delta < Self.maxDropout {
            highest = highest.advanced(by: UInt64(delta))
        } else if delta <= UInt16.max - Self.maxMisorder {
            // A very large jump: accept only if the next packet follows it (A.1 "bad_seq").
            guard UInt32(sequenceNumber) == badSequence else {
                badSequence = UInt32(sequenceNumber &+ 1)
                return false
            }
            restart(at: sequenceNumber)
        }
        return true
    }

    /// A.8: J += (|D| − J) / 16, with D the change in transit time, in timestamp units.
    private mutating func updateJitter(timestamp: UInt32, arrivalMicroseconds: UInt64) {
        let (high, low) = arrivalMicroseconds.multipliedFullWidth(by: UInt64(clockRate))
        // Reducing `high` modulo 10^6 changes the quotient by a multiple of 2^64, invisible in 32 bits.
        let quotient = UInt64(1_000_000).dividingFullWidth((high % 1_000_000, low)).quotient
        let arrivalUnits = UInt32(truncatingIfNeeded: quotient)
        let transit = arrivalUnits &- timestamp
        defer { lastTransit = transit }
        guard let lastTransit else { return }
        let d = Int32(bitPattern: transit &- lastTransit).magnitude
        jitterQ4 = jitterQ4 &+ d &- ((jitterQ4 &+ 8) >> 4)
    }

    /// Remembers an SR from this stream's sender for the LSR/DLSR fields of the next report.
    /// - Parameter arrivalMicroseconds: when the SR arrived, on the same clock as `record`.
    public mutating func recordSenderReport(_ sender: SenderInfo, arrivalMicroseconds: UInt64) {
        lastSenderReport = (sender.compactNTP, arrivalMicroseconds)
    }

    /// Builds the report block for this stream and starts a new reporting interval (A.3).
    ///
    /// - Parameters:
    ///   - ssrc: the source the block reports on.
    ///   - nowMicroseconds: the send time, on the same clock as `record`, for DLSR.
    /// - Returns: fraction lost over the interval, cumulative loss clamped to 24 bits, extended
    ///   highest sequence, jitter, and LSR/DLSR (0 when no SR was received).
    /// - SeeAlso: RFC 3550 §6.4.1, App. A.3.
    public mutating func makeReportBlock(ssrc: UInt32, nowMicroseconds: UInt64) -> ReportBlock {
        let expectedInterval = expected &- expectedPrior
        let receivedInterval = packets &- receivedPrior
        expectedPrior = expected
        receivedPrior = packets
        var fraction: UInt8 = 0
        if expectedInterval > 0, expectedInterval > receivedInterval {
            fraction = UInt8(min((expectedInterval - receivedInterval) << 8 / expectedInterval, 255))
        }
        var lsr: UInt32 = 0
        var dlsr: UInt32 = 0
        if let last = lastSenderReport {
            lsr = last.compact
            let elapsed = nowMicroseconds >= last.arrivalMicroseconds ? nowMicroseconds - last.arrivalMicroseconds : 0
            dlsr = NTPTime.compact(fromMicroseconds: elapsed)
        }
        return ReportBlock(
            ssrc: ssrc, fractionLost: fraction,
            cumulativeLost: Int32(clamping: min(max(cumulativeLost, -0x80_0000), 0x7F_FFFF)),
            extendedHighestSequence: UInt32(truncatingIfNeeded: highest.value),
            jitter: jitter, lastSenderReport: lsr, delaySinceLastSenderReport: dlsr)
    }
}
