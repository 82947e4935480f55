import CNice

/// One libnice ICE agent with one stream of one component (BUNDLE + rtcp-mux): full ICE
/// (RFC 8445) or ICE lite, trickle (RFC 8838), UDP host candidates on the configured addresses.
///
/// Lifecycle: `init` -> `gather()` (local candidates go to the delegate) -> remote credentials and
/// candidates, in any order (candidates that arrive first are queued) -> `endOfRemoteCandidates()`
/// -> connected/ready -> `send` / `didReceive` -> `close()`.
/// - Important: confined to its media loop: create it and call every member on `loop`'s thread
///   (checked with a precondition; `send` only asserts), and call `close()` before the last
///   reference goes away off the loop. Carry it across threads in a `MediaLoopBound`.
/// - SeeAlso: RFC 8445, RFC 8838, RFC 7675 (consent freshness), RFC 8839 (SDP for ICE).
public final class ICEAgent {
    /// The loop this agent, its sockets, timers and callbacks live on.
    public let loop: MediaLoop
    /// The settings the agent was created with.
    public let configuration: ICEConfiguration
    /// Whether this agent is the controlling one (RFC 8445 §6.1.1: the offerer, or the full agent
    /// facing a lite one). Janus answers browser offers, so it is usually controlled.
    public let isControlling: Bool
    /// Local ice-ufrag, for the SDP (`a=ice-ufrag`).
    public let localUfrag: String
    /// Local ice-pwd, for the SDP (`a=ice-pwd`).
    public let localPwd: String
    /// The local addresses this agent gathers on (resolved from `configuration`).
    public let localAddresses: [String]
    /// Receives the agent's events (held weakly).
    public weak var delegate: (any ICEAgentDelegate)?
    /// The last state libnice reported.
    public internal(set) var state: ICEState = .disconnected
    /// Counters since creation (read on the loop).
    public internal(set) var counters = ICECounters()
    /// Whether `close()` ran; a closed agent makes no calls to its delegate.
    public private(set) var isClosed = false

    let niceAgent: OpaquePointer
    let streamID: UInt32
    var signalHandlers: [UInt] = []
    var hasRemoteCredentials = false
    var pendingRemoteCandidates: [UnsafeMutablePointer<NiceCandidate>] = []
    var pendingEndOfCandidates = false
    var gatheringStarted = false
    /// How many libnice callbacks of this agent are on the stack (teardown is deferred inside one).
    var callbackDepth = 0
    /// The selected pair's socket, registered with the loop's epoll set (`MediaLoop+SocketPoll`).
    var mediaSocket: Int32?

    /// Creates the agent on `loop` (call on the loop thread).
    ///
    /// - Parameters:
    ///   - controlling: the ICE role (RFC 8445 §6.1.1); a lite agent must be controlled.
    ///   - delegate: receives events on the loop thread; held weakly.
    /// - Throws: `ICEError.invalidConfiguration` for lite + controlling; `.noLocalAddress` when the
    ///   enforce/ignore lists leave nothing; `.agentCreationFailed` when libnice refuses.
    public init(
        loop: MediaLoop, configuration: ICEConfiguration, controlling: Bool, delegate: any ICEAgentDelegate
    ) throws(ICEError) {
        loop.preconditionInLoop("ICEAgent.init")
        guard !(configuration.liteMode && controlling) else {
            throw ICEError(.invalidConfiguration, "an ICE lite agent is never controlling (RFC 8445 §6.1.1)")
        }
        let addresses = configuration.resolveLocalAddresses()
        guard !addresses.isEmpty else {
            throw ICEError(.noLocalAddress, "no interface matches enforce \(configuration.enforceList) / ignore \(configuration.ignoreList)")
        }
        let setup = try NiceAgentSetup.make(loop: loop, configuration: configuration, controlling: controlling, addresses: addresses)
        self.loop = loop
        self.configuration = configuration
        self.isControlling = controlling
        self.localAddresses = addresses
        self.delegate = delegate
        self.niceAgent = setup.agent
        self.streamID = setup.streamID
        self.localUfrag = setup.ufrag
        self.localPwd = setup.pwd
        connectCallbacks()
    }

    deinit {
        guard !isClosed else { return }
        // Off the loop, a libnice callback could be running right now with this object as its
        // unretained user data: that is a misuse (close first); tear down as well as we can.
        assert(loop.isCurrentThread || loop.isStopped, "ICEAgent released off its loop without close()")
        tearDown()
    }

    /// Starts gathering local candidates; each arrives through the delegate (synchronously during
    /// this call for host candidates), then `iceAgentDidFinishGathering`. Idempotent.
    /// - Throws: `ICEError.closed`; `.gatheringFailed` when libnice cannot bind (e.g. port range full).
    public func gather() throws(ICEError) {
        loop.preconditionInLoop("ICEAgent.gather")
        guard !isClosed else { throw ICEError(.closed, "gather after close") }
        guard !gatheringStarted else { return }
        gatheringStarted = true
        guard nice_agent_gather_candidates(niceAgent, streamID) != 0 else {
            throw ICEError(.gatheringFailed, "nice_agent_gather_candidates failed on \(localAddresses)")
        }
    }

    /// Hot path: sends one datagram on the selected pair, without allocating.
    ///
    /// - Returns: `false` (and counts a send failure) when nothing was sent: no selected pair yet,
    ///   closed, empty datagram, or a socket error.
    public func send(_ datagram: UnsafeRawBufferPointer) -> Bool {
        assert(loop.isCurrentThread, "ICEAgent.send must run on media loop \(loop.name)")
        guard !isClosed, let base = datagram.baseAddress, !datagram.isEmpty else {
            counters.sendFailures += 1
            return false
        }
        let sent = nice_agent_send(niceAgent, streamID, 1, UInt32(datagram.count), base.assumingMemoryBound(to: gchar.self))
        guard sent == datagram.count else {
            counters.sendFailures += 1
            return false
        }
        counters.packetsSent += 1
        counters.bytesSent += datagram.count
        return true
    }

    /// Closes the agent: detaches the receive callback, disconnects every signal, then removes the
    /// stream and drops the libnice agent (deferred to the next loop iteration when called from
    /// inside one of this agent's callbacks). No delegate call happens after it. Idempotent.
    ///
    /// Call on the loop thread, or after the loop was stopped.
    public func close() {
        precondition(loop.isCurrentThread || loop.isStopped, "ICEAgent.close must run on media loop \(loop.name)")
        tearDown()
    }

    private func tearDown() {
        guard !isClosed else { return }
        isClosed = true
        disconnectCallbacks()
        pendingRemoteCandidates.forEach { nice_candidate_free($0) }
        pendingRemoteCandidates.removeAll()
        let release = NiceAgentRelease(agent: niceAgent, streamID: streamID)
        // The socket leaves the loop's epoll set before libnice closes it, on the loop thread:
        // epoll must never watch a descriptor number that may be reused.
        let socket = mediaSocket, loop = self.loop
        mediaSocket = nil
        if loop.isCurrentThread || loop.isStopped, let socket { loop.unregisterMediaSocket(socket) }
        if callbackDepth > 0 || !loop.isCurrentThread, !loop.isStopped {
            let offLoop = !loop.isCurrentThread
            loop.post(MediaLoopWork({
                if offLoop, let socket { loop.unregisterMediaSocket(socket) }
                release.destroy()
            }, onDiscard: { release.destroy() }))
        } else {
            release.destroy()
        }
    }
}
