/// The Janus JSON bodies of webrtc (16) and media (32) events; shapes in `WebRTCEvent` and `MediaEvent`.
extension WebRTCEvent {
    var janusBody: JSONValue {
        let ids: [String: JSONValue] = ["stream_id": 1, "component_id": 1]
        switch self {
        case .iceState(let state):
            return .object(ids.merging(["ice": .string(state)]) { $1 })
        case .localCandidate(let candidate):
            return .object(ids.merging(["local-candidate": .string(candidate)]) { $1 })
        case .remoteCandidate(let candidate):
            return .object(ids.merging(["remote-candidate": .string(candidate)]) { $1 })
        case .selectedPair(let local, let remote):
            return .object(ids.merging([
                "selected-pair": .string("\(local.pairText) <-> \(remote.pairText)"),
                "candidates": ["local": local.janusBody, "remote": remote.janusBody],
            ]) { $1 })
        case .dtlsState(let state, let retransmissions):
            return .object(ids.merging([
                "dtls": .string(state), "retransmissions": .int(Int64(retransmissions)),
            ]) { $1 })
        case .peerConnectionUp:
            return ["connection": "webrtcup"]
        case .hangup(let reason):
            return ["connection": "hangup", "reason": .string(reason)]
        }
    }
}

extension CandidateSummary {
    var janusBody: JSONValue {
        [
            "address": .string(address), "port": .int(Int64(port)), "type": .string(type),
            "transport": .string(transport), "family": .int(Int64(family)),
        ]
    }
}

extension MediaEvent {
    var janusBody: JSONValue {
        switch self {
        case .state(let media, let mid, let receiving):
            return ["media": .string(media), "mid": .string(mid), "receiving": .bool(receiving)]
        case .slowLink(let media, let mid, let uplink, let lost):
            return [
                "media": .string(media), "mid": .string(mid),
                "slow_link": .string(uplink ? "uplink" : "downlink"), "lost_lastsec": .int(Int64(lost)),
            ]
        case .stats(let stats):
            return stats.janusBody
        }
    }
}

extension MediaStatistics {
    /// Janus's stats keys; link-quality values are 100 minus the loss percentage of the last period.
    var janusBody: JSONValue {
        func int(_ value: Int) -> JSONValue { .int(Int64(value)) }
        let inQuality = Self.quality(lost: lost, packets: packetsReceived)
        let outQuality = Self.quality(lost: lostByRemote, packets: packetsSent)
        return [
            "mid": .string(mid), "mindex": int(mindex), "media": .string(media), "codec": .string(codec),
            "base": int(base), "rtt": int(rttMilliseconds), "lost": int(lost), "lost-by-remote": int(lostByRemote),
            "jitter-local": int(jitterLocal), "jitter-remote": int(jitterRemote),
            "in-link-quality": int(inQuality), "in-media-link-quality": int(inQuality),
            "out-link-quality": int(outQuality), "out-media-link-quality": int(outQuality),
            "packets-received": int(packetsReceived), "packets-sent": int(packetsSent),
            "bytes-received": int(bytesReceived), "bytes-sent": int(bytesSent),
            "bytes-received-lastsec": int(bytesReceivedLastSecond), "bytes-sent-lastsec": int(bytesSentLastSecond),
            "nacks-received": int(nacksReceived), "nacks-sent": int(nacksSent),
            "retransmissions-received": int(retransmissionsReceived),
        ]
    }

    /// 100 when nothing was lost, down to 0 when everything was.
    static func quality(lost: Int, packets: Int) -> Int {
        let total = max(0, lost) + packets
        guard total > 0 else { return 100 }
        return 100 - (100 * max(0, lost)) / total
    }
}
