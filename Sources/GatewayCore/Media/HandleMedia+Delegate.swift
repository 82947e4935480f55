import SDP
import WebRTC

/// PeerConnection callbacks (on the loop thread) turned into Janus events (types 16 and 32), client
/// notifications (`trickle`, `webrtcup`, `media`) and plugin calls.
extension HandleMedia: PeerConnectionDelegate {
    func peerConnection(_ connection: PeerConnection, didGatherLocalCandidate candidate: String) {
        let trickle = shared.withLock { state -> Bool in
            state.localCandidates.append(candidate)
            return state.answered || engine.fullTrickle
        }
        notify(.webrtc, .webrtc(.localCandidate(Self.withoutPrefix(candidate))))
        if trickle, let first = connection.tracks.first {
            tellClient("trickle", ["candidate": [
                "candidate": .string(Self.withPrefix(candidate)), "sdpMid": .string(first.mid),
                "sdpMLineIndex": .int(Int64(first.index)),
            ]])
        }
    }

    func peerConnectionDidFinishGathering(_ connection: PeerConnection) {
        let trickle = shared.withLock { state -> Bool in
            state.gatheringDone = true
            return state.answered || engine.fullTrickle
        }
        gathered.signal()
        if trickle { tellClient("trickle", ["candidate": ["completed": true]]) }
    }

    func peerConnection(_ connection: PeerConnection, didAddRemoteCandidate candidate: String) {
        shared.withLock { state in
            if state.remoteCandidates.count < GatewayHandle.candidateLimit { state.remoteCandidates.append(candidate) }
        }
        notify(.webrtc, .webrtc(.remoteCandidate(Self.withoutPrefix(candidate))))
    }

    func peerConnection(_ connection: PeerConnection, didChangeICEState state: ICEState) {
        let name = state.janusName
        let changed = shared.withLock { shared -> Bool in
            defer { shared.iceState = name }
            return shared.iceState != name
        }
        if changed { notify(.webrtc, .webrtc(.iceState(name))) }
    }

    func peerConnection(_ connection: PeerConnection, didSelectPair local: String, remote: String) {
        guard let localSummary = Self.summary(local), let remoteSummary = Self.summary(remote) else { return }
        shared.withLock { $0.selectedPair = "\(localSummary.pairText) <-> \(remoteSummary.pairText)" }
        notify(.webrtc, .webrtc(.selectedPair(local: localSummary, remote: remoteSummary)))
    }

    func peerConnection(_ connection: PeerConnection, didChangeDTLSState state: DTLSState, retransmissions: Int) {
        // Janus has no DTLS state for "closed": the hangup event that follows says it.
        guard let name = state.janusName else { return }
        shared.withLock { $0.dtlsState = name }
        notify(.webrtc, .webrtc(.dtlsState(name, retransmissions: retransmissions)))
    }

    func peerConnectionDidConnect(_ connection: PeerConnection) {
        shared.withLock { $0.isUp = true }
        notify(.webrtc, .webrtc(.peerConnectionUp))
        tellClient("webrtcup")
        startStatsTimer()
        handle.plugin.setupMedia(handle.pluginHandle)
    }

    func peerConnection(_ connection: PeerConnection, didFailWithReason reason: String) {
        logger.info("PeerConnection closed: \(reason)", metadata: ["handle_id": "\(handle.id)"])
        // Not from inside the PeerConnection's own callback: on the next loop iteration.
        loop.invoke { [self] in gateway.hangUp(handle, of: session, reason: reason) }
    }

    func peerConnection(_ connection: PeerConnection, track: Int, didDetectSlowLink uplink: Bool, lost: Int) {
        let media = connection.tracks[track]
        notify(.media, .media(.slowLink(media: media.kind.rawValue, mid: media.mid, uplink: uplink, lostLastSecond: lost)))
        tellClient("slowlink", [
            "media": .string(media.kind.rawValue), "mid": .string(media.mid), "uplink": .bool(uplink),
            "lost": .int(Int64(lost)),
        ])
    }

    func peerConnection(_ connection: PeerConnection, track: Int, didChangeReceiving receiving: Bool) {
        let media = connection.tracks[track]
        notify(.media, .media(.state(media: media.kind.rawValue, mid: media.mid, receiving: receiving)))
        tellClient("media", ["type": .string(media.kind.rawValue), "mid": .string(media.mid), "receiving": .bool(receiving)])
    }

    func peerConnection(
        _ connection: PeerConnection, didReceiveRTP packet: UnsafeMutableRawBufferPointer, track: Int,
        isRetransmission: Bool
    ) {
        let isVideo = connection.tracks[track].kind == .video
        handle.plugin.incomingRTP(
            handle.pluginHandle, PluginRTPPacket(bytes: packet, isVideo: isVideo, isRetransmission: isRetransmission))
    }

    func peerConnection(_ connection: PeerConnection, didReceiveRTCP packet: UnsafeMutableRawBufferPointer) {
        handle.plugin.incomingRTCP(handle.pluginHandle, PluginRTCPPacket(bytes: packet))
    }

    /// `1 1 udp …` from `candidate:1 1 udp …` (Janus's event form).
    static func withoutPrefix(_ candidate: String) -> String {
        candidate.hasPrefix("candidate:") ? String(candidate.dropFirst("candidate:".count)) : candidate
    }

    /// `candidate:1 1 udp …`, the form a trickle message carries.
    static func withPrefix(_ candidate: String) -> String {
        candidate.hasPrefix("candidate:") ? candidate : "candidate:" + candidate
    }

    /// Address, port and type of a candidate string, for the selected-pair event.
    static func summary(_ candidate: String) -> CandidateSummary? {
        guard let parsed = try? ICECandidate(parsing: withoutPrefix(candidate)) else { return nil }
        return CandidateSummary(
            address: parsed.address, port: Int(parsed.port), type: parsed.kind.token, transport: parsed.transport.lowercased())
    }
}
