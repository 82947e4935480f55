import Synchronization

/// A handle as the core keeps it: a client's attachment to one plugin within a session
/// (Janus's `janus_ice_handle`, minus the media state, which the media path owns).
///
/// Immutable identity plus a small lock-guarded state (negotiation flags, trickled candidates).
/// The lock is never held while a plugin callback runs.
final class GatewayHandle: Sendable {
    /// Most remote candidates kept per handle; more are refused and counted (a browser sends a
    /// handful per m-line).
    static let candidateLimit = 256

    /// The handle's id, unique across the gateway.
    let id: HandleID
    /// The session it belongs to.
    let sessionID: SessionID
    /// The plugin it is attached to.
    let plugin: any Plugin
    /// The plugin's package name (`janus.plugin.echotest`).
    let pluginPackage: String
    /// What the plugin sees of the handle.
    let pluginHandle: PluginHandle
    /// `opaque_id` from `attach`, if the client gave one.
    let opaqueID: String?
    /// When it was attached, monotonic µs.
    let createdMicros: Int64
    /// Mutable state; see `HandleState`.
    let state: Mutex<HandleState>

    init(id: HandleID, sessionID: SessionID, plugin: any Plugin, opaqueID: String?, createdMicros: Int64) {
        self.id = id
        self.sessionID = sessionID
        self.plugin = plugin
        self.pluginPackage = type(of: plugin).package
        self.pluginHandle = PluginHandle(sessionID: sessionID, handleID: id, opaqueID: opaqueID)
        self.opaqueID = opaqueID
        self.createdMicros = createdMicros
        self.state = Mutex(HandleState())
    }

    /// Records trickled candidates (end-of-candidates sets `allTricklesReceived`).
    /// - Returns: how many candidates were refused because the per-handle limit was reached.
    func addRemoteCandidates(_ candidates: [TrickleCandidate]) -> Int {
        state.withLock { state in
            state.trickleSeen = true
            var refused = 0
            for candidate in candidates {
                if candidate == .completed {
                    state.allTricklesReceived = true
                } else if state.remoteCandidates.count < Self.candidateLimit {
                    state.remoteCandidates.append(candidate)
                } else {
                    refused += 1
                }
            }
            return refused
        }
    }

    /// Forgets the negotiation and candidates (hangup).
    /// - Returns: whether a PeerConnection existed before.
    func resetMedia() -> Bool {
        state.withLock { state in
            let existed = state.negotiation.hasPeerConnection
            state.negotiation.hangup()
            state.remoteCandidates.removeAll()
            state.allTricklesReceived = false
            state.trickleSeen = false
            return existed
        }
    }
}

/// The mutable part of a handle.
struct HandleState: Sendable {
    /// Offer/answer flags.
    var negotiation = HandleNegotiation()
    /// Remote candidates trickled by the client, in arrival order, for the ICE agent.
    var remoteCandidates: [TrickleCandidate] = []
    /// The client sent end-of-candidates (Janus `all-trickles`).
    var allTricklesReceived = false
    /// The client trickled at least once (Janus `trickle`).
    var trickleSeen = false
}
