/// The per-SSRC state of one SRTP session (RFC 3711 §3.2.3: the crypto context is indexed by
/// SSRC, "any SSRC" here as libsrtp's `ssrc_any_inbound`/`ssrc_any_outbound`).
struct SRTPStream: Sendable {
    /// The SSRC of RTP packets, and the sender SSRC of RTCP packets, of this stream.
    let ssrc: UInt32
    /// SRTP: the highest index (ROC‖SEQ) and the replay window. Outbound too: an index sent twice
    /// would reuse keystream, so it is refused as libsrtp does without `allow_repeat_tx`.
    var rtp = SRTPReplayWindow()
    /// Inbound SRTCP: the highest SRTCP index received and its replay window.
    var rtcp = SRTPReplayWindow()
    /// Outbound SRTCP: the last SRTCP index sent (0 before the first; the first sent is 1, as libsrtp).
    var rtcpSent: UInt32 = 0

    init(ssrc: UInt32) { self.ssrc = ssrc }
}

/// A fixed-capacity table of `SRTPStream`, searched linearly: allocated once per session, so a
/// new SSRC never allocates on the hot path; when full, a new SSRC is an error.
///
/// - Important: not thread-safe; owned by one `SRTPSession`. Pointers it returns stay valid until
///   the table is freed (entries never move and are never removed).
final class SRTPStreamTable {
    /// How many SSRCs one session tracks (audio, video, RTX and RTCP-only SSRCs of one peer fit well).
    static let capacity = 32

    private let streams: UnsafeMutablePointer<SRTPStream>
    /// Streams in use, at most `capacity`.
    private(set) var count = 0

    init() { streams = .allocate(capacity: Self.capacity) }

    deinit {
        streams.deinitialize(count: count)
        streams.deallocate()
    }

    /// True when no further SSRC fits.
    var isFull: Bool { count == Self.capacity }

    /// The stream for `ssrc`, or nil.
    func find(_ ssrc: UInt32) -> UnsafeMutablePointer<SRTPStream>? {
        var slot = 0
        while slot < count {
            if streams[slot].ssrc == ssrc { return streams + slot }
            slot += 1
        }
        return nil
    }

    /// Adds `stream` (its SSRC must not be present). - Throws: `.streamLimit` when full.
    func add(_ stream: SRTPStream) throws(SRTPError) -> UnsafeMutablePointer<SRTPStream> {
        guard !isFull else { throw .streamLimit }
        (streams + count).initialize(to: stream)
        count += 1
        return streams + (count - 1)
    }

    /// The stream for `ssrc`, added when new. - Throws: `.streamLimit` when new and full.
    func findOrAdd(_ ssrc: UInt32) throws(SRTPError) -> UnsafeMutablePointer<SRTPStream> {
        if let found = find(ssrc) { return found }
        return try add(SRTPStream(ssrc: ssrc))
    }
}
