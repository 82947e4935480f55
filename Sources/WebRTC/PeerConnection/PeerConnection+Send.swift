import RTP

#if canImport(Glibc)
import Glibc
#endif

/// The send half of the hot path: copy into the send buffer, rewrite SSRCs, protect, send.
extension PeerConnection {
    /// Sends an RTP packet on `track`, as ours: its SSRC becomes the one our answer announced for the
    /// track (the RTX SSRC when `isRetransmission`). The caller's bytes are not modified.
    /// - Returns: false when not connected, the packet is malformed or too big, or sending failed
    ///   (counted in `counters.sendFailures`).
    @discardableResult
    public func sendRTP(_ packet: UnsafeRawBufferPointer, track index: Int, isRetransmission: Bool = false) -> Bool {
        guard isConnected, let srtp = srtpOutbound, tracks.indices.contains(index),
              packet.count >= 12, packet.count <= Self.sendBufferSize - SRTPSession.trailerRoom
        else {
            counters.sendFailures += 1
            return false
        }
        sendBuffer.copyMemory(from: packet)
        let track = tracks[index]
        let ssrc = isRetransmission ? (track.localRTXSSRC ?? track.localSSRC) : track.localSSRC
        guard let rewriter = try? RTPHeaderRewriter(UnsafeMutableRawBufferPointer(rebasing: sendBuffer[0..<packet.count])) else {
            counters.sendFailures += 1
            return false
        }
        rewriter.setSSRC(ssrc)
        guard protectAndSend(length: packet.count, with: srtp, rtcp: false) else { return false }
        if !isRetransmission {
            tracks[index].packetsSent &+= 1
            tracks[index].bytesSent &+= UInt64(packet.count)
            tracks[index].lastSentRTPTimestamp = UInt32(bigEndian: sendBuffer.loadUnaligned(fromByteOffset: 4, as: UInt32.self))
            tracks[index].lastSentMicros = clock()
        }
        return true
    }

    /// Sends an RTCP compound we built or relayed (already in its final form: SSRCs rewritten by the caller).
    /// - Returns: false when not connected, too big, or sending failed (counted).
    @discardableResult
    public func sendRTCP(_ packet: UnsafeRawBufferPointer) -> Bool {
        guard isConnected, let srtp = srtpOutbound, packet.count >= 8,
              packet.count <= Self.sendBufferSize - SRTPSession.trailerRoom
        else {
            counters.sendFailures += 1
            return false
        }
        sendBuffer.copyMemory(from: packet)
        return protectAndSend(length: packet.count, with: srtp, rtcp: true)
    }

    /// Protects the `length` bytes at the start of `sendBuffer` in place and sends them on the selected
    /// pair; a failure of either is counted in `counters.sendFailures`.
    private func protectAndSend(length: Int, with srtp: SRTPSession, rtcp: Bool) -> Bool {
        let protected: Int
        do {
            protected = rtcp ? try srtp.protectRTCP(sendBuffer, length: length) : try srtp.protectRTP(sendBuffer, length: length)
        } catch {
            counters.sendFailures += 1
            return false
        }
        guard ice.send(UnsafeRawBufferPointer(rebasing: sendBuffer[0..<protected])) else {
            counters.sendFailures += 1
            return false
        }
        return true
    }

    /// Asks the peer for a key frame on `track`: PLI when negotiated (RFC 4585 §6.3.1), else FIR
    /// (RFC 5104 §4.3.1), else PLI anyway (browsers accept it).
    public func requestKeyFrame(track index: Int) {
        guard tracks.indices.contains(index), let peer = tracks[index].peerSSRC else { return }
        let track = tracks[index]
        withUnsafeTemporaryAllocation(byteCount: 64, alignment: 8) { buffer in
            let length: Int
            if !track.supportsPLI && track.supportsFIR {
                firSequence &+= 1
                length = (try? FullIntraRequest.write(
                    senderSSRC: track.localSSRC, entries: CollectionOfOne(FIREntry(ssrc: peer, sequenceNumber: firSequence)),
                    into: buffer)) ?? 0
            } else {
                length = (try? PictureLossIndication(senderSSRC: track.localSSRC, mediaSSRC: peer).write(into: buffer)) ?? 0
            }
            if length > 0 { sendRTCP(UnsafeRawBufferPointer(rebasing: buffer[0..<length])) }
        }
    }

    /// Caps what the peer sends with a REMB (draft-alvestrand-rmcat-remb) naming its media SSRCs.
    /// - Parameter bitrate: bits per second.
    public func sendREMB(bitrate: UInt64) {
        let ssrcs = tracks.compactMap(\.peerSSRC)
        guard let sender = tracks.first?.localSSRC, !ssrcs.isEmpty else { return }
        withUnsafeTemporaryAllocation(byteCount: 64, alignment: 8) { buffer in
            guard let length = try? ReceiverEstimatedMaximumBitrate.write(
                senderSSRC: sender, bitrate: bitrate, ssrcs: ssrcs.prefix(8), into: buffer) else { return }
            sendRTCP(UnsafeRawBufferPointer(rebasing: buffer[0..<length]))
        }
    }

    /// Wall-clock time in microseconds since the Unix epoch (for NTP timestamps in SR and RTT).
    func wallClockMicros() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return UInt64(now.tv_sec) &* 1_000_000 &+ UInt64(now.tv_nsec / 1_000)
    }
}
