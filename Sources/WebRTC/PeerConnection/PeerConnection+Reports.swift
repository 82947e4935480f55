import RTP

/// The once-a-second tick: media-receiving detection, per-second byte windows and our RTCP reports.
extension PeerConnection {
    /// How long without packets before a track counts as not receiving (Janus's `no_media_timer`, 1 s).
    static let noMediaMicros: UInt64 = 1_000_000

    func tick() {
        guard !isClosed else { return }
        let now = clock()
        for index in tracks.indices {
            let track = tracks[index]
            tracks[index].bytesReceivedLastSecond = track.bytesReceived &- track.bytesReceivedWindowStart
            tracks[index].bytesSentLastSecond = track.bytesSent &- track.bytesSentWindowStart
            tracks[index].bytesReceivedWindowStart = track.bytesReceived
            tracks[index].bytesSentWindowStart = track.bytesSent
            let lost = track.receive.cumulativeLost - track.lostWindowStart
            let nacked = track.nackedPackets &- track.nackedPacketsWindowStart
            tracks[index].lostWindowStart = track.receive.cumulativeLost
            tracks[index].nackedPacketsWindowStart = track.nackedPackets
            if slowLinkThreshold > 0 {
                if lost > Int64(slowLinkThreshold) {
                    delegate.peerConnection(self, track: index, didDetectSlowLink: true, lost: Int(lost))
                }
                if nacked > UInt64(slowLinkThreshold) {
                    delegate.peerConnection(self, track: index, didDetectSlowLink: false, lost: Int(nacked))
                }
            }
            if track.isReceiving, now &- track.lastReceivedMicros > Self.noMediaMicros {
                tracks[index].isReceiving = false
                delegate.peerConnection(self, track: index, didChangeReceiving: false)
            }
        }
        if isConnected { sendReports(now: now) }
    }

    /// One compound per track: SR when we sent on it (else RR), with a report block on the peer's
    /// stream when it sent, then SDES CNAME (RFC 3550 §6.1: every compound starts with SR/RR and has CNAME).
    private func sendReports(now: UInt64) {
        let wall = wallClockMicros()
        withUnsafeTemporaryAllocation(byteCount: 256, alignment: 8) { buffer in
            for index in tracks.indices {
                var blocks: [ReportBlock] = []
                if let peer = tracks[index].peerSSRC, tracks[index].receive.packets > 0 {
                    blocks.append(tracks[index].receive.makeReportBlock(ssrc: peer, nowMicroseconds: now))
                }
                let track = tracks[index]
                var length = 0
                do {
                    if track.packetsSent > 0 {
                        let elapsed = now &- track.lastSentMicros
                        let rtp = track.lastSentRTPTimestamp &+ UInt32(truncatingIfNeeded: elapsed &* UInt64(track.clockRate) / 1_000_000)
                        let info = SenderInfo(
                            ssrc: track.localSSRC, ntpTimestamp: NTPTime.timestamp(unixMicroseconds: wall),
                            rtpTimestamp: rtp, packetCount: UInt32(truncatingIfNeeded: track.packetsSent),
                            octetCount: UInt32(truncatingIfNeeded: track.bytesSent))
                        length = try SenderReport.write(info, reportBlocks: blocks, into: buffer)
                    } else {
                        length = try ReceiverReport.write(ssrc: track.localSSRC, reportBlocks: blocks, into: buffer)
                    }
                    length += try SourceDescription.write(
                        ssrc: track.localSSRC, cname: cname,
                        into: UnsafeMutableRawBufferPointer(rebasing: buffer[length...]))
                } catch {
                    counters.sendFailures += 1
                    continue
                }
                sendRTCP(UnsafeRawBufferPointer(rebasing: buffer[0..<length]))
            }
        }
    }
}
