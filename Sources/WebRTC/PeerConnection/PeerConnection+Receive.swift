import RTP

/// The receive half of the hot path: demultiplex (RFC 7983), unprotect in place, account, hand over.
extension PeerConnection {
    /// One datagram from the selected pair (libnice keeps STUN); writable in place.
    func receive(_ buffer: UnsafeMutableRawBufferPointer) {
        switch PacketKind(classifying: UnsafeRawBufferPointer(buffer)) {
        case .dtls:
            guard let dtls else { counters.unknownDatagrams += 1; return }
            dtls.receive(UnsafeRawBufferPointer(buffer))
            if !isConnected { rescheduleDTLSTimer() }
        case .rtp:
            receiveRTP(buffer)
        case .rtcp:
            receiveRTCP(buffer)
        case .stun, .unknown:
            counters.unknownDatagrams += 1
        }
    }

    private func receiveRTP(_ buffer: UnsafeMutableRawBufferPointer) {
        guard let srtp = srtpInbound else {
            counters.mediaBeforeKeys += 1
            return
        }
        let length: Int
        do { length = try srtp.unprotectRTP(buffer, length: buffer.count) } catch {
            counters.srtpErrors += 1
            return
        }
        let packet = UnsafeMutableRawBufferPointer(rebasing: buffer[0..<length])
        guard let header = try? RTPHeader(parsing: UnsafeRawBufferPointer(packet)) else {
            counters.badRTP += 1
            return
        }
        let ssrc = header.ssrc
        let payloadType = header.payloadType
        for index in tracks.indices {
            let claim = tracks[index].claims(ssrc: ssrc, payloadType: payloadType)
            guard claim.matches else { continue }
            let now = clock()
            tracks[index].bytesReceived &+= UInt64(length)
            if claim.isRTX {
                tracks[index].retransmissionsReceived &+= 1
            } else {
                tracks[index].receive.record(
                    sequenceNumber: header.sequenceNumber, timestamp: header.timestamp,
                    payloadBytes: header.payloadRange.count, arrivalMicroseconds: now)
            }
            tracks[index].lastReceivedMicros = now
            if !tracks[index].isReceiving {
                tracks[index].isReceiving = true
                delegate.peerConnection(self, track: index, didChangeReceiving: true)
            }
            delegate.peerConnection(self, didReceiveRTP: packet, track: index, isRetransmission: claim.isRTX)
            return
        }
        counters.unknownRTP += 1
    }

    private func receiveRTCP(_ buffer: UnsafeMutableRawBufferPointer) {
        guard let srtp = srtpInbound else {
            counters.mediaBeforeKeys += 1
            return
        }
        let length: Int
        do { length = try srtp.unprotectRTCP(buffer, length: buffer.count) } catch {
            counters.srtcpErrors += 1
            return
        }
        let packet = UnsafeMutableRawBufferPointer(rebasing: buffer[0..<length])
        guard account(rtcp: UnsafeRawBufferPointer(packet)) else {
            counters.badRTCP += 1
            return
        }
        delegate.peerConnection(self, didReceiveRTCP: packet)
    }

    /// Takes SR, RR and NACK counts into the track statistics.
    /// - Returns: false when the compound does not parse (then nothing is handed on).
    private func account(rtcp bytes: UnsafeRawBufferPointer) -> Bool {
        var compound = RTCPCompound(bytes)
        let now = clock()
        do {
            while let packet = try compound.next() {
                switch packet {
                case .senderReport(let report):
                    if let index = tracks.firstIndex(where: { $0.peerSSRC == report.sender.ssrc }) {
                        tracks[index].receive.recordSenderReport(report.sender, arrivalMicroseconds: now)
                    }
                    accountBlocks(report.reportBlocks, now: now)
                case .receiverReport(let report):
                    accountBlocks(report.reportBlocks, now: now)
                case .genericNACK(let nack):
                    if let index = tracks.firstIndex(where: { $0.localSSRC == nack.mediaSSRC }) {
                        tracks[index].nacksReceived &+= 1
                        var count: UInt64 = 0
                        for _ in nack.lostSequenceNumbers { count += 1 }
                        tracks[index].nackedPackets &+= count
                    }
                default:
                    break
                }
            }
        } catch {
            return false
        }
        return true
    }

    private func accountBlocks(_ blocks: RTCPItemList<ReportBlock>, now: UInt64) {
        for block in blocks {
            guard let index = tracks.firstIndex(where: { $0.localSSRC == block.ssrc }) else { continue }
            tracks[index].lostByRemote = Int64(block.cumulativeLost)
            tracks[index].jitterRemote = block.jitter
            let arrival = NTPTime.compact(unixMicroseconds: wallClockMicros())
            if let rtt = NTPTime.roundTripMicroseconds(block, arrival: arrival) {
                tracks[index].roundTripMicroseconds = rtt
            }
        }
    }
}
