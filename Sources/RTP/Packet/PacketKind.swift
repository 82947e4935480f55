/// What a datagram on a WebRTC 5-tuple carries, decided from its first byte (and, for RTP/RTCP, its second).
///
/// Wire: the first byte selects the protocol family:
/// - 0...3: STUN; 20...63: DTLS; 128...191: RTP or RTCP; anything else: unknown.
/// - Inside 128...191, a second byte (the RTP marker+payload type byte, or the RTCP packet type)
///   in 192...223 means RTCP (RFC 5761 §4: RTCP packet types 200–204 and feedback types fall there,
///   and RTP payload types 64–95 are avoided when muxing for that reason).
/// - Note: RFC 7983 also assigns 16–19 to ZRTP and 64–79 to TURN channels; WebRTC uses neither on
///   this path (libnice strips TURN framing), so both read as `.unknown`.
/// - SeeAlso: RFC 7983 §7 (updating RFC 5764 §5.1.2); RFC 5761 §4.
public enum PacketKind: Equatable, Sendable {
    /// STUN message (first byte 0–3).
    case stun
    /// DTLS record (first byte 20–63).
    case dtls
    /// RTP packet (first byte 128–191, second byte outside 192–223).
    case rtp
    /// RTCP packet (first byte 128–191, second byte 192–223).
    case rtcp
    /// Anything else, with the first byte kept; an empty datagram is `.unknown(nil)`.
    case unknown(UInt8?)

    /// Classifies a datagram without copying it.
    ///
    /// - Parameter bytes: the datagram, borrowed for the duration of the call.
    /// - Returns: the kind. A one-byte datagram in 128–191 is `.rtp` (the second byte is absent,
    ///   so it cannot be RTCP); the RTP parser then rejects it as truncated.
    /// - SeeAlso: RFC 7983 §7.
    public init(classifying bytes: UnsafeRawBufferPointer) {
        guard bytes.count > 0 else {
            self = .unknown(nil)
            return
        }
        let first = bytes[0]
        switch first {
        case 0...3: self = .stun
        case 20...63: self = .dtls
        case 128...191:
            if bytes.count >= 2, (192...223).contains(bytes[1]) {
                self = .rtcp
            } else {
                self = .rtp
            }
        default: self = .unknown(first)
        }
    }

    /// Classifies a datagram held in an array (convenience for tests and the control plane).
    /// - SeeAlso: `init(classifying:)` for the borrowed, hot-path form.
    public init(classifying bytes: [UInt8]) {
        self = bytes.withUnsafeBytes { PacketKind(classifying: $0) }
    }
}
