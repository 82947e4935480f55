/// The replay list of one SRTP or SRTCP stream: the highest index accepted and a bitmap of the
/// 128 indices up to it (RFC 3711 §3.3.2, "a sliding window" of at least 64; we use 128 as
/// libsrtp and WebRTC do).
///
/// Sans-IO: `check` never changes the window, so a session checks before authenticating and
/// `mark`s only after the tag verified; a forged packet changes nothing.
/// - Units: indices are SRTP packet indices (48-bit ROC‖SEQ) or SRTCP indices (31-bit).
struct SRTPReplayWindow: Equatable, Sendable {
    /// How many indices behind and including the highest are remembered.
    static let size: UInt64 = 128

    /// The highest index accepted so far, or nil before the first.
    private(set) var highest: UInt64?
    /// Bit k set: index `highest - k` was accepted.
    private var seen: UInt128 = 0

    /// Throws if `index` must be rejected: `.replayFail` when already accepted, `.replayOld` when
    /// 128 or more behind the highest. Does not change the window.
    func check(_ index: UInt64) throws(SRTPError) {
        guard let highest, index <= highest else { return }
        let behind = highest - index
        guard behind < Self.size else { throw .replayOld }
        guard seen & (1 << behind) == 0 else { throw .replayFail }
    }

    /// Records `index` as accepted; a newer index slides the window forward.
    /// - Precondition: `check(index)` passed (else the call only re-marks a seen index).
    mutating func mark(_ index: UInt64) {
        guard let highest else {
            self.highest = index
            seen = 1
            return
        }
        if index > highest {
            let ahead = index - highest
            seen = ahead >= Self.size ? 1 : (seen << ahead) | 1
            self.highest = index
        } else if highest - index < Self.size {
            seen |= 1 << (highest - index)
        }
    }
}
