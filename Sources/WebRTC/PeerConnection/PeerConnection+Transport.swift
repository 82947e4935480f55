import RTP

/// ICE and DTLS callbacks: state changes go to the delegate; ICE connected starts DTLS; DTLS connected
/// keys SRTP (RFC 5764 §4.2).
extension PeerConnection: ICEAgentDelegate, DTLSTransportDelegate {
    public func iceAgent(_ agent: ICEAgent, didGatherLocalCandidate candidate: String) {
        guard !isClosed else { return }
        delegate.peerConnection(self, didGatherLocalCandidate: candidate)
    }

    public func iceAgentDidFinishGathering(_ agent: ICEAgent) {
        guard !isClosed else { return }
        delegate.peerConnectionDidFinishGathering(self)
    }

    public func iceAgent(_ agent: ICEAgent, didChangeState state: ICEState) {
        guard !isClosed else { return }
        delegate.peerConnection(self, didChangeICEState: state)
        switch state {
        case .connected, .ready:
            if let dtls, dtls.state == .new {
                dtls.start()
                rescheduleDTLSTimer()
            }
        case .failed:
            delegate.peerConnection(self, didFailWithReason: "ICE failed")
        default:
            break
        }
    }

    public func iceAgent(_ agent: ICEAgent, didSelectPair local: String, remote: String) {
        guard !isClosed else { return }
        delegate.peerConnection(self, didSelectPair: local, remote: remote)
    }

    public func iceAgent(_ agent: ICEAgent, didReceive buffer: UnsafeMutableRawBufferPointer) {
        guard !isClosed else { return }
        receive(buffer)
    }

    public func dtlsTransport(_ transport: DTLSTransport, send datagram: UnsafeRawBufferPointer) {
        // Also while closing: close() sends close_notify before it stops ICE.
        guard !iceClosed, let ice else { return }
        if !ice.send(datagram) { counters.sendFailures += 1 }
    }

    public func dtlsTransport(_ transport: DTLSTransport, didChangeState state: DTLSState) {
        guard !isClosed else { return }
        delegate.peerConnection(self, didChangeDTLSState: state, retransmissions: transport.counters.retransmissions)
        switch state {
        case .connected:
            dtlsTimer?.cancel()
            dtlsTimer = nil
            keySRTP()
        case .failed:
            let reason = transport.failure.map { "DTLS error: \($0)" } ?? "DTLS error"
            delegate.peerConnection(self, didFailWithReason: reason)
        case .closed:
            delegate.peerConnection(self, didFailWithReason: "DTLS alert")
        default:
            break
        }
    }

    /// Creates the SRTP sessions from the exporter keys and reports the PeerConnection up.
    private func keySRTP() {
        guard let keys = dtls?.srtpKeys else {
            delegate.peerConnection(self, didFailWithReason: "DTLS error: no SRTP keys")
            return
        }
        do {
            srtpOutbound = try SRTPSession(profile: keys.profile, direction: .outbound, masterKey: keys.localMasterKey)
            srtpInbound = try SRTPSession(profile: keys.profile, direction: .inbound, masterKey: keys.remoteMasterKey)
        } catch {
            delegate.peerConnection(self, didFailWithReason: "DTLS error: SRTP setup failed (\(error))")
            return
        }
        isConnected = true
        delegate.peerConnectionDidConnect(self)
    }

    /// Arms a one-shot timer for the DTLS handshake's next retransmission, if one is due.
    func rescheduleDTLSTimer() {
        dtlsTimer?.cancel()
        dtlsTimer = nil
        guard !isClosed, !isConnected, let delay = dtls?.retransmitDeadline else { return }
        dtlsTimer = loop.schedule(afterMicroseconds: Int64(max(delay, 1_000)), repeating: false) { [unowned self] in
            self.dtlsTimer = nil
            guard !self.isClosed, !self.isConnected else { return false }
            self.dtls?.handleTimeout()
            self.rescheduleDTLSTimer()
            return false
        }
    }
}
