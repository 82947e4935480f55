/// An RTP header extension the answerer can keep from an offer's `a=extmap` lines.
///
/// Wire: the extension URI of `a=extmap:<id> <URI>`; the answer keeps the offer's id.
/// - SeeAlso: RFC 8285 §8 (extmap); RFC 9143 §15 (mid); RFC 6464 (audio level);
///   draft-holmer-rmcat-transport-wide-cc-extensions-01; webrtc.org abs-send-time.
public enum JSEPHeaderExtension: String, Hashable, Sendable, CaseIterable {
    /// `urn:ietf:params:rtp-hdrext:sdes:mid`, the BUNDLE demultiplexing id.
    case mid = "urn:ietf:params:rtp-hdrext:sdes:mid"
    /// `http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time`, 24-bit 6.18 fixed-point seconds.
    case absSendTime = "http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time"
    /// `http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01`, transport-wide sequence number.
    case transportWideCC = "http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01"
    /// `urn:ietf:params:rtp-hdrext:ssrc-audio-level`, audio level in -dBov.
    case audioLevel = "urn:ietf:params:rtp-hdrext:ssrc-audio-level"

    /// The extension URI as written in `a=extmap`.
    public var uri: String { rawValue }
}
