/// In-place edits of the feedback packets of an RTCP compound, as a relay needs them before passing
/// feedback on: cap REMB bitrates, shift generic NACK packet ids. Other packets are left untouched.
///
/// Both stop quietly at the first packet that does not parse (what came before is edited); a caller
/// that must refuse malformed RTCP checks it with `RTCPCompound` first.
/// - SeeAlso: RFC 4585 §6.2.1 (generic NACK), draft-alvestrand-rmcat-remb §2.2 (REMB).
public enum RTCPFeedbackEdit {
    /// Lowers the bitrate of every REMB above `cap` to `cap` (rounded down to the wire's 18-bit mantissa).
    /// - Parameter cap: bits per second.
    public static func capREMB(in compound: UnsafeMutableRawBufferPointer, at cap: UInt64) {
        forEachPacket(in: compound) { packet, offset in
            guard case .receiverEstimatedMaximumBitrate(let remb) = packet, remb.bitrate > cap else { return }
            let (mantissa, exponent) = ReceiverEstimatedMaximumBitrate.encode(cap)
            let word = UInt32(remb.ssrcs.count) << 24 | UInt32(exponent) << 18 | mantissa
            compound.put32(word, at: offset + 16)
        }
    }

    /// Adds `delta` (modulo 2^16) to the packet id of every generic NACK item; the bitmasks stay.
    public static func shiftNACKs(in compound: UnsafeMutableRawBufferPointer, by delta: UInt16) {
        guard delta != 0 else { return }
        forEachPacket(in: compound) { packet, offset in
            guard case .genericNACK(let nack) = packet else { return }
            for index in 0..<nack.items.count {
                let at = offset + 12 + index * NACKItem.wireSize
                compound.put16(nack.items[index].packetID &+ delta, at: at)
            }
        }
    }

    /// Calls `body` with each decodable packet and its offset in `compound`.
    private static func forEachPacket(
        in compound: UnsafeMutableRawBufferPointer, _ body: (RTCPPacket, Int) -> Void
    ) {
        guard let base = compound.baseAddress else { return }
        var packets = RTCPCompound(UnsafeRawBufferPointer(compound))
        while let view = try? packets.nextView() {
            guard let packet = try? RTCPPacket(view), let start = view.bytes.baseAddress else { return }
            body(packet, UnsafeRawPointer(base).distance(to: start))
        }
    }
}
