import Dispatch
import SDP
import WebRTC

/// Answering the client's offer: the PeerConnection is created on the loop, our ICE credentials,
/// fingerprint and SSRCs go into the answer, and (half-trickle, as Janus) our candidates too.
extension HandleMedia {
    /// Builds the answer. Called from the plugin's own thread, never from a media loop.
    /// - Throws: 465 with the reason when the offer cannot be answered or the PeerConnection cannot start.
    func answer(audioCodec: String?, videoCodec: String?) throws(JanusError) -> String {
        let offer = shared.withLock { $0.offer }
        let audio = audioCodec.flatMap { JSEPCodec(rawValue: $0.lowercased()) }
        let video = videoCodec.flatMap { JSEPCodec(rawValue: $0.lowercased()) }
        let created = onLoop { () -> Result<SessionDescription, JanusError> in
            self.createConnection(offer: offer, audioCodec: audio, videoCodec: video)
        }
        guard let created else {
            throw JanusError(JanusError.jsepInvalidSDPCode, "Error processing SDP: the media loop did not answer")
        }
        var description: SessionDescription
        switch created {
        case .success(let value): description = value
        case .failure(let error): throw error
        }
        shared.withLock { $0.answered = true }
        guard !engine.fullTrickle else { return description.serialized() }
        // Half-trickle: wait (bounded) for gathering, which takes about a millisecond on loopback.
        _ = gathered.wait(timeout: .now() + .milliseconds(engine.gatheringWaitMilliseconds))
        let candidates = shared.withLock { $0.localCandidates }
        if let first = description.media.firstIndex(where: { $0.port != 0 }) {
            for text in candidates {
                let value = text.hasPrefix("candidate:") ? text.dropFirst("candidate:".count) : Substring(text)
                if let candidate = try? ICECandidate(parsing: value) {
                    description.media[first].attributes.append(.candidate(candidate))
                }
            }
            if shared.withLock({ $0.gatheringDone }) {
                description.media[first].attributes.append(.endOfCandidates)
            }
        }
        return description.serialized()
    }

    /// On the loop: PeerConnection, answer, start, and the offer's and trickled candidates.
    private func createConnection(
        offer: SessionDescription, audioCodec: JSEPCodec?, videoCodec: JSEPCodec?
    ) -> Result<SessionDescription, JanusError> {
        guard connection == nil, !shared.withLock({ $0.closed }) else {
            return .failure(JanusError(
                JanusError.webRTCStateCode, "Renegotiation is not supported yet: hang up and send a new offer"))
        }
        let audioSSRC = UInt32.random(in: 1...UInt32.max)
        let videoSSRC = UInt32.random(in: 1...UInt32.max)
        let rtxSSRC = UInt32.random(in: 1...UInt32.max)
        localSSRCs = [.audio: (audioSSRC, nil), .video: (videoSSRC, rtxSSRC)]
        let pc: PeerConnection
        do {
            pc = try PeerConnection(
                loop: loop, iceConfiguration: engine.iceConfiguration, dtlsContext: engine.dtlsContext,
                delegate: self, clock: engine.clock)
        } catch {
            return .failure(JanusError(JanusError.jsepInvalidSDPCode, "Error creating the PeerConnection: \(error)"))
        }
        pc.slowLinkThreshold = engine.slowLinkThreshold
        let streamID = "janus"
        let local = JSEPLocalParameters(
            iceUfrag: pc.localICEUfrag, icePwd: pc.localICEPwd, fingerprints: engine.certificate.fingerprints,
            cname: "janus",
            audio: JSEPLocalTrack(ssrc: audioSSRC, streamID: streamID, trackID: "janusa0"),
            video: JSEPLocalTrack(ssrc: videoSSRC, rtxSSRC: rtxSSRC, streamID: streamID, trackID: "janusv0"),
            audioCodec: audioCodec, videoCodec: videoCodec)
        var localParameters = local
        localParameters.iceLite = engine.iceConfiguration.liteMode
        // Not transport-wide-cc: the echo would hand the peer's own transport sequence numbers and
        // feedback back to it, and a paused medium then reads as heavy loss to its congestion control
        // (seen with Chromium: 1.7 Mbit/s down to 30 kbit/s). REMB (goog-remb) carries the estimate instead.
        localParameters.headerExtensions = [.mid, .absSendTime, .audioLevel]
        let answer: JSEPAnswer
        do {
            answer = try JSEPAnswerer(local: localParameters).answer(to: offer)
            try pc.configure(negotiation: answer.negotiation, localSSRCs: localSSRCs, cname: "janus")
            connection = pc
            notify(.webrtc, .webrtc(.iceState("gathering")))
            try pc.start()
        } catch let error as JSEPError {
            pc.close()
            return .failure(JanusError(JanusError.jsepInvalidSDPCode, "Error processing SDP: \(error)"))
        } catch {
            pc.close()
            connection = nil
            return .failure(JanusError(JanusError.jsepInvalidSDPCode, "Error starting the PeerConnection: \(error)"))
        }
        addOfferCandidates(offer, negotiation: answer.negotiation)
        let pending = pendingCandidates
        pendingCandidates = []
        apply(pending)
        return .success(answer.sessionDescription)
    }

    /// Candidates inside the offer (non-trickle): those of the BUNDLE-tagged section, each once.
    private func addOfferCandidates(_ offer: SessionDescription, negotiation: JSEPNegotiation) {
        guard let tagged = negotiation.acceptedMedia.first.map(\.index), offer.media.indices.contains(tagged) else { return }
        let section = offer.media[tagged]
        var seen = Set<String>()
        for candidate in section.candidates where seen.insert(candidate.attributeValue).inserted {
            addRemote(candidate.description)
        }
        if section.attributes.contains(.endOfCandidates) {
            shared.withLock { $0.remoteGatheringDone = true }
            connection?.endOfRemoteCandidates()
        }
    }

    /// Trickled candidates: to the PeerConnection when it exists, else kept until it does. Any thread.
    func addRemoteCandidates(_ candidates: [TrickleCandidate]) {
        loop.invoke { [self] in
            if connection == nil {
                pendingCandidates.append(contentsOf: candidates)
            } else {
                apply(candidates)
            }
        }
    }

    private func apply(_ candidates: [TrickleCandidate]) {
        for candidate in candidates {
            switch candidate {
            case .completed:
                shared.withLock { $0.remoteGatheringDone = true }
                connection?.endOfRemoteCandidates()
            case .candidate(let text, _, _):
                addRemote(text)
            }
        }
    }

    private func addRemote(_ text: String) {
        guard let connection else { return }
        do {
            try connection.addRemoteCandidate(text)
        } catch {
            logger.warning("remote candidate refused: \(error)", metadata: ["handle_id": "\(handle.id)"])
        }
    }
}
