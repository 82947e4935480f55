import Dispatch
import Logging
import SDP
import Synchronization
import WebRTC

/// The core's media state of one handle (Janus's `janus_ice_handle` media part): the client's offer,
/// the PeerConnection on the handle's media loop, and the glue that turns its callbacks into Janus
/// events, client notifications and plugin calls.
///
/// Threads: `connection` and everything it touches live on `loop` (hot path included); the few
/// fields other threads read are in `shared`. Created when an offer arrives, closed by a hangup,
/// a detach or a failure, and never reused.
final class HandleMedia: @unchecked Sendable {
    /// Cross-thread state.
    struct Shared {
        /// The client's offer, parsed and checked.
        var offer: SessionDescription
        /// Local candidates gathered so far (`candidate:` values), for the answer.
        var localCandidates: [String] = []
        /// Gathering finished.
        var gatheringDone = false
        /// Remote candidates the PeerConnection took (from the offer and from trickles).
        var remoteCandidates: [String] = []
        /// The peer said it has no more candidates (`a=end-of-candidates` or trickle `completed`).
        var remoteGatheringDone = false
        /// An answer was produced.
        var answered = false
        /// The PeerConnection came up (webrtcup sent).
        var isUp = false
        /// Closed for good.
        var closed = false
        /// ICE and DTLS states by Janus name, for `handle_info`.
        var iceState = "new"
        var dtlsState = "new"
        /// The selected pair, for `handle_info`.
        var selectedPair: String?
    }

    let engine: MediaEngine
    let loop: MediaLoop
    unowned let gateway: Gateway
    let session: GatewaySession
    let handle: GatewayHandle
    let shared: Mutex<Shared>
    let gathered = DispatchSemaphore(value: 0)
    let logger: Logger

    // Loop-confined.
    var connection: PeerConnection?
    var pendingCandidates: [TrickleCandidate]
    var statsTimer: MediaLoopTimer?
    var localSSRCs: [MediaKind: (UInt32, UInt32?)] = [:]

    init(
        engine: MediaEngine, gateway: Gateway, session: GatewaySession, handle: GatewayHandle,
        offer: SessionDescription, trickled: [TrickleCandidate]
    ) {
        self.engine = engine
        self.loop = engine.loops.next()
        self.gateway = gateway
        self.session = session
        self.handle = handle
        self.shared = Mutex(Shared(offer: offer))
        self.pendingCandidates = trickled
        self.logger = gateway.logger
    }

    /// Whether `close` ran (a closed media state is never reused).
    var isClosed: Bool { shared.withLock { $0.closed } }

    /// Janus event envelope fields of this handle.
    func notify(_ type: EventTypeMask, _ payload: @autoclosure () -> GatewayEvent) {
        gateway.events.notify(type: type, session: session.id, handle: handle.id, opaqueID: handle.opaqueID, payload())
    }

    /// Queues a message for the handle's client, with `session_id` and `sender` filled in.
    func tellClient(_ janus: String, _ members: [String: JSONValue] = [:]) {
        var message = members
        message["janus"] = .string(janus)
        message["session_id"] = session.id.json
        message["sender"] = handle.id.json
        gateway.deliver(.object(message), to: session)
    }

    /// Runs `body` on the loop (inline when already there) and waits at most `timeoutSeconds`;
    /// nil when the loop stopped or did not answer in time.
    func onLoop<T: Sendable>(timeoutSeconds: Double = 5, _ body: @escaping @Sendable () -> T) -> T? {
        try? loop.sync(timeoutSeconds: timeoutSeconds, body)
    }
}
