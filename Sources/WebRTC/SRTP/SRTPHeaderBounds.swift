import RTP

/// Bounds checks on the clear-text headers SRTP and SRTCP leave unencrypted, done before any read
/// past the fixed header, so that malformed network input is an error and never an overread.
enum SRTPHeaderBounds {
    /// The length of the RTP header SRTP leaves in the clear: 12 bytes, 4 per CSRC, and the header
    /// extension (4 bytes plus its length in 32-bit words) when X is set (RFC 3550 §5.1, §5.3.1;
    /// RFC 3711 §3.1).
    ///
    /// - Parameters:
    ///   - packet: the bytes; only the first `length` are looked at.
    ///   - length: the RTP part in bytes (for unprotect: without the tag).
    /// - Throws: `.malformed` when shorter than 12 bytes, not version 2, or the CSRCs or the
    ///   extension run past `length`.
    static func rtpHeaderLength(_ packet: UnsafeRawBufferPointer, length: Int) throws(SRTPError) -> Int {
        guard length <= packet.count else { throw .malformed }
        do {
            return try RTPHeader.headerLength(of: UnsafeRawBufferPointer(rebasing: packet[0..<length]))
        } catch {
            throw .malformed
        }
    }

    /// Checks an RTCP packet before SRTCP reads its sender SSRC: at least the 8 bytes of the first
    /// header (V, P, RC, PT, length, SSRC; RFC 3550 §6.4.1) and version 2.
    ///
    /// - Throws: `.malformed` otherwise.
    static func checkRTCP(_ packet: UnsafeRawBufferPointer, length: Int) throws(SRTPError) {
        guard length >= 8, length <= packet.count, packet[0] >> 6 == 2 else { throw .malformed }
    }
}
