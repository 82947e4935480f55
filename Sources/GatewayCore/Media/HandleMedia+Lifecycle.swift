import WebRTC

/// Statistics events and closing.
extension HandleMedia {
    /// Every `stats_period` seconds (0 = never): one media stats event (32/3) per track.
    func startStatsTimer() {
        let period = engine.statsPeriodSeconds
        guard period > 0, statsTimer == nil else { return }
        statsTimer = loop.schedule(afterMicroseconds: Int64(period) * 1_000_000, repeating: true) { [weak self] in
            guard let self, self.connection != nil else { return false }
            self.emitStatistics()
            return true
        }
    }

    /// One stats event per track of the connection (on the loop).
    func emitStatistics() {
        guard let connection, gateway.events.isEnabled(.media) else { return }
        for track in connection.tracks {
            notify(.media, .media(.stats(Self.statistics(track))))
        }
    }

    /// Janus's stats fields from a track's counters (jitter converted to milliseconds).
    static func statistics(_ track: MediaTrack) -> MediaStatistics {
        let rate = max(Int(track.clockRate), 1)
        var stats = MediaStatistics(
            mid: track.mid, mindex: track.index, media: track.kind.rawValue, codec: track.codecName, base: rate)
        stats.rttMilliseconds = Int((track.roundTripMicroseconds ?? 0) / 1_000)
        stats.lost = Int(max(0, track.receive.cumulativeLost))
        stats.lostByRemote = Int(max(0, track.lostByRemote))
        stats.jitterLocal = Int(track.receive.jitter) * 1_000 / rate
        stats.jitterRemote = Int(track.jitterRemote) * 1_000 / rate
        stats.packetsReceived = Int(truncatingIfNeeded: track.receive.packets)
        stats.packetsSent = Int(truncatingIfNeeded: track.packetsSent)
        stats.bytesReceived = Int(truncatingIfNeeded: track.bytesReceived)
        stats.bytesSent = Int(truncatingIfNeeded: track.bytesSent)
        stats.bytesReceivedLastSecond = Int(truncatingIfNeeded: track.bytesReceivedLastSecond)
        stats.bytesSentLastSecond = Int(truncatingIfNeeded: track.bytesSentLastSecond)
        stats.nacksReceived = Int(truncatingIfNeeded: track.nacksReceived)
        stats.nacksSent = Int(truncatingIfNeeded: track.nacksSent)
        stats.retransmissionsReceived = Int(truncatingIfNeeded: track.retransmissionsReceived)
        return stats
    }

    /// The `webrtc` part of Admin `handle_info`: ICE and DTLS state, selected pair, SRTP profile
    /// (`SRTP_AEAD_AES_256_GCM`, …, once DTLS gave keys), our candidates and
    /// each track's statistics (as the stats event has them), read on the loop (bounded wait).
    func adminInfo() -> JSONValue {
        let state = shared.withLock { $0 }
        let (tracks, counters, profile) = onLoop(timeoutSeconds: 1) { [self] () -> ([JSONValue], JSONValue, String?) in
            guard let connection else { return ([], .null, nil) }
            let c = connection.counters
            return (connection.tracks.map { MediaEvent.stats(Self.statistics($0)).janusBody }, [
                "unknown-datagrams": .int(Int64(c.unknownDatagrams)), "srtp-errors": .int(Int64(c.srtpErrors)),
                "srtcp-errors": .int(Int64(c.srtcpErrors)), "bad-rtp": .int(Int64(c.badRTP)),
                "bad-rtcp": .int(Int64(c.badRTCP)), "unknown-rtp": .int(Int64(c.unknownRTP)),
                "media-before-keys": .int(Int64(c.mediaBeforeKeys)),
                "bad-remote-candidates": .int(Int64(c.badRemoteCandidates)), "send-failures": .int(Int64(c.sendFailures)),
                "bad-dtls": .int(Int64(connection.dtlsCounters.badRecords)),
            ], connection.srtpProfile?.dtlsName)
        } ?? ([], .null, nil)
        var info: [String: JSONValue] = [
            "ice-state": .string(state.iceState), "dtls-state": .string(state.dtlsState),
            "local-candidates": .array(state.localCandidates.map { .string($0) }),
            "remote-candidates": .array(state.remoteCandidates.map { .string($0) }),
            "remote-end-of-candidates": .bool(state.remoteGatheringDone),
            "tracks": .array(tracks), "dropped": counters, "closed": .bool(state.closed),
        ]
        if let pair = state.selectedPair { info["selected-pair"] = .string(pair) }
        // Janus's name for it (under its "dtls" object): the DTLS-SRTP profile, once keys exist.
        if let profile { info["srtp-profile"] = .string(profile) }
        return .object(info)
    }

    /// Closes the PeerConnection for good: final stats, the webrtc hangup event, sockets and timers
    /// released. Any thread; waits (bounded) for the loop. Idempotent.
    func close(reason: String) {
        let first = shared.withLock { state -> Bool in
            defer { state.closed = true }
            return !state.closed
        }
        guard first else { return }
        gathered.signal()
        _ = onLoop { [self] in
            statsTimer?.cancel()
            statsTimer = nil
            if let connection {
                if shared.withLock({ $0.isUp }) { emitStatistics() }
                connection.close()
                notify(.webrtc, .webrtc(.hangup(reason: reason)))
            }
            connection = nil
            pendingCandidates = []
            return true
        }
    }
}
