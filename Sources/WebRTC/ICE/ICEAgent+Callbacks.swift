import CNice
import SDP

/// libnice signal and receive callbacks. Each is a `@convention(c)` function with no captures;
/// the `ICEAgent` travels as unretained user data, which is safe because `close()` (or `deinit`)
/// disconnects every handler and detaches the receive callback before the object can go away.
extension ICEAgent {
    private static func agent(_ userData: gpointer?) -> ICEAgent {
        Unmanaged<ICEAgent>.fromOpaque(userData!).takeUnretainedValue()
    }

    func connectCallbacks() {
        let me = Unmanaged.passUnretained(self).toOpaque()
        let gatheringDone: @convention(c) (OpaquePointer?, guint, gpointer?) -> Void = { _, stream, userData in
            ICEAgent.agent(userData).gatheringDone(stream: stream)
        }
        let stateChanged: @convention(c) (OpaquePointer?, guint, guint, guint, gpointer?) -> Void = {
            _, stream, component, state, userData in
            ICEAgent.agent(userData).stateChanged(stream: stream, component: component, niceState: state)
        }
        let newCandidate: @convention(c) (OpaquePointer?, UnsafeMutablePointer<NiceCandidate>?, gpointer?) -> Void = {
            _, candidate, userData in
            ICEAgent.agent(userData).gathered(candidate)
        }
        let selectedPair: @convention(c) (
            OpaquePointer?, guint, guint, UnsafeMutablePointer<NiceCandidate>?, UnsafeMutablePointer<NiceCandidate>?, gpointer?
        ) -> Void = { _, stream, component, local, remote, userData in
            ICEAgent.agent(userData).selected(stream: stream, component: component, local: local, remote: remote)
        }
        connect("candidate-gathering-done", unsafeBitCast(gatheringDone, to: GCallback.self), me)
        connect("component-state-changed", unsafeBitCast(stateChanged, to: GCallback.self), me)
        connect("new-candidate-full", unsafeBitCast(newCandidate, to: GCallback.self), me)
        connect("new-selected-pair-full", unsafeBitCast(selectedPair, to: GCallback.self), me)
        let received: NiceAgentRecvFunc = { _, stream, component, length, buffer, userData in
            ICEAgent.agent(userData).received(stream: stream, length: length, buffer: buffer)
        }
        nice_agent_attach_recv(niceAgent, streamID, 1, loop.context, received, me)
    }

    private func connect(_ signal: String, _ callback: GCallback, _ userData: UnsafeMutableRawPointer) {
        let id = g_signal_connect_data(UnsafeMutableRawPointer(niceAgent), signal, callback, userData, nil, GConnectFlags(0))
        // Every signal used here exists in libnice >= 0.1.8; a 0 id means a broken installation.
        precondition(id != 0, "libnice has no signal \(signal)")
        signalHandlers.append(id)
    }

    func disconnectCallbacks() {
        nice_agent_attach_recv(niceAgent, streamID, 1, loop.context, nil, nil)
        for id in signalHandlers { g_signal_handler_disconnect(UnsafeMutableRawPointer(niceAgent), id) }
        signalHandlers.removeAll()
    }

    /// Runs a delegate call with `callbackDepth` raised, so a `close()` inside it defers teardown.
    private func notify(_ call: (any ICEAgentDelegate) -> Void) {
        guard !isClosed, let delegate else { return }
        callbackDepth += 1
        defer { callbackDepth -= 1 }
        call(delegate)
    }

    private func gatheringDone(stream: guint) {
        guard stream == streamID else { return }
        notify { $0.iceAgentDidFinishGathering(self) }
    }

    private func stateChanged(stream: guint, component: guint, niceState: guint) {
        guard !isClosed, stream == streamID, component == 1, let newState = ICEState(niceState: niceState) else { return }
        state = newState
        notify { $0.iceAgent(self, didChangeState: newState) }
    }

    private func gathered(_ candidate: UnsafeMutablePointer<NiceCandidate>?) {
        guard let candidate, candidate.pointee.stream_id == streamID, let text = candidateText(candidate) else { return }
        notify { $0.iceAgent(self, didGatherLocalCandidate: text) }
    }

    private func selected(
        stream: guint, component: guint, local: UnsafeMutablePointer<NiceCandidate>?, remote: UnsafeMutablePointer<NiceCandidate>?
    ) {
        guard stream == streamID, let local, let remote,
              let localText = candidateText(local), let remoteText = candidateText(remote) else { return }
        watchSelectedSocket()
        notify { $0.iceAgent(self, didSelectPair: localText, remote: remoteText) }
    }

    /// Moves the selected pair's socket (every packet of the call arrives on it) into the loop's
    /// epoll set; a newly selected socket replaces the previous one.
    private func watchSelectedSocket() {
        guard !isClosed, let socket = nice_agent_get_selected_socket(niceAgent, streamID, 1) else { return }
        let fd = g_socket_get_fd(socket)
        g_object_unref(UnsafeMutableRawPointer(socket))
        guard fd >= 0, fd != mediaSocket else { return }
        if let previous = mediaSocket { loop.unregisterMediaSocket(previous) }
        mediaSocket = loop.registerMediaSocket(fd) ? fd : nil
    }

    private func received(stream: guint, length: guint, buffer: UnsafeMutablePointer<gchar>?) {
        guard !isClosed, let buffer else { return }
        counters.packetsReceived += 1
        counters.bytesReceived += Int(length)
        notify { $0.iceAgent(self, didReceive: UnsafeMutableRawBufferPointer(start: buffer, count: Int(length))) }
    }

    /// A candidate as an SDP attribute value without `a=` (`candidate:1 1 udp 2015363327 127.0.0.1
    /// 40596 typ host`), from `nice_agent_generate_local_candidate_sdp`, with the transport in
    /// lower case as browsers and Janus write it.
    func candidateText(_ candidate: UnsafeMutablePointer<NiceCandidate>) -> String? {
        guard let raw = nice_agent_generate_local_candidate_sdp(niceAgent, candidate) else { return nil }
        defer { g_free(raw) }
        let line = String(cString: raw)
        guard var parsed = try? ICECandidate(parsing: line) else {
            return line.hasPrefix("a=") ? String(line.dropFirst(2)) : line
        }
        parsed.transport = parsed.transport.lowercased()
        return parsed.description
    }
}
