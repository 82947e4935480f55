import GatewayCore

/// Builds webrtc (16) and media (32) payloads from captured Janus 1.1.2 events, for `EventJSONTests`.
enum MediaPathCapture {
    static func webrtc(subtype: Int64, body: JSONValue) throws -> WebRTCEvent {
        switch subtype {
        case 1: return .iceState(try CapturedEvent.string(body["ice"]))
        case 2: return .localCandidate(try CapturedEvent.string(body["local-candidate"]))
        case 3: return .remoteCandidate(try CapturedEvent.string(body["remote-candidate"]))
        case 4:
            return .selectedPair(
                local: try candidate(body["candidates"]?["local"]), remote: try candidate(body["candidates"]?["remote"]))
        case 5:
            return .dtlsState(try CapturedEvent.string(body["dtls"]), retransmissions: Int(body["retransmissions"]?.intValue ?? -1))
        case 6:
            if try CapturedEvent.string(body["connection"]) == "webrtcup" { return .peerConnectionUp }
            return .hangup(reason: try CapturedEvent.string(body["reason"]))
        default:
            throw CapturedEvent.Unexpected(description: "webrtc subtype \(subtype)")
        }
    }

    /// nil for a data channel's stats (SwiftGate rejects data channels).
    static func media(subtype: Int64, body: JSONValue) throws -> MediaEvent? {
        let media = try CapturedEvent.string(body["media"])
        switch subtype {
        case 1:
            return .state(media: media, mid: try CapturedEvent.string(body["mid"]), receiving: body["receiving"] == true)
        case 3:
            guard media != "data" else { return nil }
            func int(_ key: String) -> Int { Int(body[key]?.intValue ?? -1) }
            var stats = MediaStatistics(
                mid: try CapturedEvent.string(body["mid"]), mindex: int("mindex"), media: media,
                codec: try CapturedEvent.string(body["codec"]), base: int("base"))
            stats.rttMilliseconds = int("rtt")
            stats.lost = int("lost")
            stats.lostByRemote = int("lost-by-remote")
            stats.jitterLocal = int("jitter-local")
            stats.jitterRemote = int("jitter-remote")
            stats.packetsReceived = int("packets-received")
            stats.packetsSent = int("packets-sent")
            stats.bytesReceived = int("bytes-received")
            stats.bytesSent = int("bytes-sent")
            stats.bytesReceivedLastSecond = int("bytes-received-lastsec")
            stats.bytesSentLastSecond = int("bytes-sent-lastsec")
            stats.nacksReceived = int("nacks-received")
            stats.nacksSent = int("nacks-sent")
            stats.retransmissionsReceived = int("retransmissions-received")
            return .stats(stats)
        default:
            throw CapturedEvent.Unexpected(description: "media subtype \(subtype)")
        }
    }

    private static func candidate(_ body: JSONValue?) throws -> CandidateSummary {
        CandidateSummary(
            address: try CapturedEvent.string(body?["address"]), port: Int(body?["port"]?.intValue ?? -1),
            type: try CapturedEvent.string(body?["type"]), transport: try CapturedEvent.string(body?["transport"]))
    }
}
