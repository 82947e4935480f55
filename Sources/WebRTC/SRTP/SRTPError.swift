/// Why SRTP or SRTCP refused a packet or a key.
///
/// Thrown through typed throws on the hot path, so nothing is boxed per packet. Callers drop the
/// packet and count it; none of these is fatal to the session.
/// - SeeAlso: RFC 3711 §3.3 (receiver processing), RFC 7714 §9.2 and §10.2.
public struct SRTPError: Error, Equatable, Sendable, CustomStringConvertible {
    private enum Kind: UInt8, Sendable {
        case authFail, replayFail, replayOld, malformed, badParam, streamLimit, cipherFail, indexExhausted
    }

    private let kind: Kind

    private init(_ kind: Kind) { self.kind = kind }

    /// The authentication tag did not verify: a tampered or forged packet, or the wrong key.
    public static let authFail = SRTPError(.authFail)
    /// The packet index was already accepted (a duplicate; RFC 3711 §3.3.2). On protect: the
    /// index was already sent, which would reuse a keystream.
    public static let replayFail = SRTPError(.replayFail)
    /// The packet index is older than the 128-packet replay window (RFC 3711 §3.3.2).
    public static let replayOld = SRTPError(.replayOld)
    /// The packet is malformed: too short for its header and tag, not version 2, or its CSRC
    /// list or header extension runs past the end.
    public static let malformed = SRTPError(.malformed)
    /// A parameter is invalid: a master key of the wrong length for the profile.
    public static let badParam = SRTPError(.badParam)
    /// The session already tracks `SRTPSession.maximumStreams` SSRCs and the packet is from another.
    public static let streamLimit = SRTPError(.streamLimit)
    /// OpenSSL failed to set up or run a cipher (not an authentication failure).
    public static let cipherFail = SRTPError(.cipherFail)
    /// The SRTCP index reached 2^31 - 1 (RFC 3711 §3.4): the session must be re-keyed.
    public static let indexExhausted = SRTPError(.indexExhausted)

    /// A short, stable explanation, e.g. `SRTP authentication failed (tag mismatch)`.
    public var description: String {
        switch kind {
        case .authFail: "SRTP authentication failed (tag mismatch: tampered, forged or wrong key)"
        case .replayFail: "SRTP replay: packet index already seen"
        case .replayOld: "SRTP replay: packet index older than the 128-packet window"
        case .malformed: "SRTP malformed packet (too short, not version 2, or header past the end)"
        case .badParam: "SRTP bad parameter (master key length does not match the profile)"
        case .streamLimit: "SRTP stream limit: too many SSRCs in one session"
        case .cipherFail: "SRTP cipher failure in OpenSSL"
        case .indexExhausted: "SRTP index exhausted: SRTCP index reached 2^31 - 1, re-key needed"
        }
    }
}
