import SDP
import WebRTC

/// The media path seen from the API: offers are checked before the plugin sees them, plugins
/// answer through `answerOffer`, and packets they relay go out on the handle's PeerConnection.
extension Gateway {
    /// For an offer, with a media path: parses and checks the SDP (every JSEP rule the answer
    /// needs) and returns the handle's new media state, not yet installed.
    /// - Returns: nil for an answer, or without a media path.
    /// - Throws: 465 "Invalid SDP: …" / "Error processing SDP: …" saying what is wrong; 471 when the
    ///   handle already has a PeerConnection (renegotiation is not supported yet). Nothing changes then.
    func prepareMedia(for jsep: JSEP, _ session: GatewaySession, _ handle: GatewayHandle) throws(JanusError) -> HandleMedia? {
        guard let media, jsep.type == .offer else { return nil }
        let offer: SessionDescription
        do {
            offer = try SessionDescription(parsing: jsep.sdp)
        } catch {
            throw refusedOffer(handle, JanusError(JanusError.jsepInvalidSDPCode, "Invalid SDP: \(error)"))
        }
        do {
            try JSEPAnswerer.check(offer)
        } catch {
            throw refusedOffer(handle, JanusError(JanusError.jsepInvalidSDPCode, "Error processing SDP: \(error)"))
        }
        if let existing = handle.pluginHandle.media.withLock({ $0 }), !existing.isClosed {
            throw JanusError(
                JanusError.webRTCStateCode, "Renegotiation is not supported yet: hang up before sending a new offer")
        }
        let trickled = handle.state.withLock { $0.remoteCandidates }
        return HandleMedia(engine: media, gateway: self, session: session, handle: handle, offer: offer, trickled: trickled)
    }

    /// Logs a refused offer (the client gets the error; the log says which handle sent what).
    private func refusedOffer(_ handle: GatewayHandle, _ error: JanusError) -> JanusError {
        logger.warning("offer refused: \(error.reason)", metadata: ["handle_id": "\(handle.id)", "code": "\(error.code)"])
        return error
    }

    /// Closes the handle's PeerConnection (final stats, webrtc hangup event) and forgets it.
    func closeMedia(_ handle: GatewayHandle, reason: String) {
        let media = handle.pluginHandle.media.withLock { slot -> HandleMedia? in
            defer { slot = nil }
            return slot
        }
        media?.close(reason: reason)
    }

    public func answerOffer(_ handle: PluginHandle, audioCodec: String?, videoCodec: String?) throws(JanusError) -> JSONValue {
        guard let media = handle.media.withLock({ $0 }), !media.isClosed else {
            throw JanusError(JanusError.jsepInvalidSDPCode, "No offer to answer (or the PeerConnection was closed)")
        }
        let sdp = try media.answer(audioCodec: audioCodec, videoCodec: videoCodec)
        return ["type": "answer", "sdp": .string(sdp)]
    }

    public func relayRTP(_ handle: PluginHandle, _ packet: PluginRTPPacket) {
        handle.media.withLock { $0 }?.relayRTP(packet)
    }

    public func relayRTCP(_ handle: PluginHandle, _ packet: PluginRTCPPacket) {
        handle.media.withLock { $0 }?.relayRTCP(packet)
    }

    public func sendPLI(_ handle: PluginHandle) {
        handle.media.withLock { $0 }?.requestKeyFrame()
    }

    public func sendREMB(_ handle: PluginHandle, bitrate: UInt64) {
        handle.media.withLock { $0 }?.sendREMB(bitrate: bitrate)
    }
}
