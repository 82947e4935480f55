/// The 48-bit SRTP packet index i = 2^16 × ROC + SEQ of a packet, guessed from its 16-bit
/// sequence number (RFC 3711 §3.3.1, the algorithm of Appendix A).
enum SRTPPacketIndex {
    /// Estimates the index of a packet with `sequence`, given the highest index accepted on its
    /// stream (`highest`, nil before the first packet).
    ///
    /// RFC 3711 Appendix A: with s_l the highest sequence and ROC its rollover counter, take
    /// ROC − 1 when s_l < 2^15 and SEQ − s_l > 2^15, ROC + 1 when s_l ≥ 2^15 and s_l − 2^15 > SEQ,
    /// else ROC. The first packet has ROC 0 (§3.3.1: "the receiver SHOULD use the sequence number
    /// of the first packet"). ROC − 1 below zero stays 0, as libsrtp does for a new stream.
    /// - Returns: ROC‖SEQ; the ROC wraps modulo 2^32 (after 2^48 packets, where RFC 3711 §9.2
    ///   requires a new key anyway).
    static func estimate(sequence: UInt16, highest: UInt64?) -> UInt64 {
        guard let highest else { return UInt64(sequence) }
        let rollover = highest >> 16
        let highestSequence = UInt16(truncatingIfNeeded: highest)
        var guess = rollover
        if highestSequence < 0x8000 {
            if sequence > highestSequence && sequence - highestSequence > 0x8000 && rollover > 0 {
                guess = rollover - 1
            }
        } else if highestSequence - 0x8000 > sequence {
            guess = (rollover + 1) & 0xFFFF_FFFF
        }
        return guess << 16 | UInt64(sequence)
    }
}
