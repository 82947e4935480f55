import RTP
import WebRTC

/// What a plugin sends back to the peer, on the loop thread: RTP as ours, RTCP feedback with SSRCs
/// rewritten from ours to the peer's.
extension HandleMedia {
    /// Sends a plugin's RTP packet on the first track of its kind.
    func relayRTP(_ packet: PluginRTPPacket) {
        guard loop.isCurrentThread, let connection,
              let track = connection.trackIndex(of: packet.isVideo ? .video : .audio)
        else { return }
        connection.sendRTP(UnsafeRawBufferPointer(packet.bytes), track: track, isRetransmission: packet.isRetransmission)
    }

    /// Keeps the feedback packets of a compound (RTPFB 205 but transport-cc, PSFB 206), rewrites their SSRCs in place
    /// and sends them; SR, RR, SDES, BYE and APP are dropped (we send our own reports).
    ///
    /// Rewrites (RFC 4585 §6.1): the sender SSRC becomes our SSRC of the track concerned; a media SSRC
    /// (and each SSRC a REMB lists) that is one of ours becomes the peer's SSRC of that track.
    func relayRTCP(_ packet: PluginRTCPPacket) {
        guard loop.isCurrentThread, let connection, !connection.tracks.isEmpty,
              let base = packet.bytes.baseAddress else { return }
        let bytes = packet.bytes
        var packets = RTCPCompound(UnsafeRawBufferPointer(bytes))
        var write = 0
        while let view = try? packets.nextView(), let start = view.bytes.baseAddress {
            let type = view.header.packetType
            let isFeedback = type == .transportFeedback || type == .payloadSpecificFeedback
            // transport-cc feedback (205/15) is about the sender's own transport sequence numbers; it is
            // never relayed (and not negotiated, see HandleMedia+Answer).
            let isTransportCC = type == .transportFeedback && view.header.count == 15
            guard isFeedback, !isTransportCC, view.bytes.count >= 12 else { continue }
            let read = UnsafeRawPointer(base).distance(to: start)
            let length = view.bytes.count
            if write != read { (base + write).copyMemory(from: base + read, byteCount: length) }
            rewrite(UnsafeMutableRawBufferPointer(rebasing: bytes[write..<(write + length)]), connection: connection)
            write += length
        }
        guard write > 0 else { return }
        connection.sendRTCP(UnsafeRawBufferPointer(rebasing: bytes[0..<write]))
    }

    private func rewrite(_ feedback: UnsafeMutableRawBufferPointer, connection: PeerConnection) {
        let mediaSSRC = feedback.load(fromByteOffset: 8, as: UInt32.self).bigEndian
        let target = connection.tracks.firstIndex { $0.localSSRC == mediaSSRC || $0.localRTXSSRC == mediaSSRC }
            ?? connection.trackIndex(of: .video) ?? 0
        let track = connection.tracks[target]
        store(track.localSSRC, at: 4, in: feedback)
        if let peer = track.peerSSRC { store(peer, at: 8, in: feedback) }
        // REMB (PSFB FMT 15 "REMB"): SSRC list after the 4-byte bitrate field.
        let isREMB = feedback[1] == 206 && feedback[0] & 0x1F == 15 && feedback.count >= 20
            && feedback.load(fromByteOffset: 12, as: UInt32.self).bigEndian == 0x5245_4D42
        guard isREMB else { return }
        let count = Int(feedback[16])
        var offset = 20
        for _ in 0..<count where offset + 4 <= feedback.count {
            let ssrc = feedback.load(fromByteOffset: offset, as: UInt32.self).bigEndian
            if let index = connection.tracks.firstIndex(where: { $0.localSSRC == ssrc }),
               let peer = connection.tracks[index].peerSSRC {
                store(peer, at: offset, in: feedback)
            }
            offset += 4
        }
    }

    private func store(_ value: UInt32, at offset: Int, in buffer: UnsafeMutableRawBufferPointer) {
        buffer.storeBytes(of: value.bigEndian, toByteOffset: offset, as: UInt32.self)
    }

    /// A key-frame request to the peer (any thread).
    func requestKeyFrame() {
        loop.invoke { [self] in
            guard let connection, let track = connection.trackIndex(of: .video) else { return }
            connection.requestKeyFrame(track: track)
        }
    }

    /// A REMB to the peer (any thread). `bitrate` in bits per second.
    func sendREMB(bitrate: UInt64) {
        loop.invoke { [self] in connection?.sendREMB(bitrate: bitrate) }
    }
}
