import Synchronization

/// A media plugin: the application logic behind a handle (EchoTest echoes media back).
/// Mirrors Janus's plugin interface; callbacks with a Janus counterpart keep its name in Swift
/// casing (`handle_message` → `handleMessage`, `setup_media` → `setupMedia`, …).
///
/// Threads: control callbacks (`createSession`, `handleMessage`, `destroySession`,
/// `querySession`, `setupMedia`, `hangupMedia`) may come from any thread, never from a media loop,
/// and must not block; long work goes on the plugin's own queue, answering through
/// `PluginGateway.pushEvent`.
/// - SeeAlso: Janus docs, "Plugin API".
public protocol Plugin: AnyObject, Sendable {
    /// Package name clients attach to, e.g. `janus.plugin.echotest`.
    static var package: String { get }
    /// Human-readable name, for `info`.
    var name: String { get }
    /// Author, for `info`.
    var author: String { get }
    /// One-sentence description, for `info`.
    var pluginDescription: String { get }
    /// Numeric version, for `info`.
    var version: Int { get }
    /// Version as a string, for `info`.
    var versionString: String { get }

    /// Creates the plugin from `<configsFolder>/<package>.jcfg` (a missing file means defaults).
    /// - Throws: an error saying what is wrong with the configuration.
    init(configsFolder: String, gateway: any PluginGateway) throws

    /// A handle was attached: set up the plugin's per-handle state.
    /// - Throws: a `JanusError` to refuse the attach (the client gets code 461 with its reason).
    func createSession(_ handle: PluginHandle) throws

    /// A `message` request for the handle, with its `body` object and optional `jsep`.
    /// Validates quickly and returns; the real answer is usually pushed later.
    /// - Returns: `.ok(data)` to answer synchronously, `.okWait(hint)` to `ack` now and answer
    ///   with `pushEvent` later.
    /// - Throws: a `JanusError`, sent to the client as a Janus error reply (code 462 when the
    ///   plugin has no better one).
    func handleMessage(_ handle: PluginHandle, transaction: String, body: JSONValue, jsep: JSONValue?) throws -> PluginResult

    /// The PeerConnection of the handle is up (DTLS done, SRTP ready).
    func setupMedia(_ handle: PluginHandle)

    /// The PeerConnection of the handle went away (hangup, ICE failure, DTLS alert).
    func hangupMedia(_ handle: PluginHandle)

    /// The handle is being detached: release the per-handle state.
    func destroySession(_ handle: PluginHandle)

    /// Hot path: an RTP packet from the handle's peer, on its media loop thread (`PluginMedia.swift`).
    func incomingRTP(_ handle: PluginHandle, _ packet: PluginRTPPacket)

    /// Hot path: an RTCP compound from the handle's peer, on its media loop thread.
    func incomingRTCP(_ handle: PluginHandle, _ packet: PluginRTCPPacket)

    /// Plugin-specific part of Admin API `handle_info` (`plugin_specific`).
    func querySession(_ handle: PluginHandle) -> JSONValue

    /// Stops the plugin's own queue at gateway shutdown.
    func shutdown() async
}

extension Plugin {
    public func setupMedia(_ handle: PluginHandle) {}
    public func hangupMedia(_ handle: PluginHandle) {}
    public func querySession(_ handle: PluginHandle) -> JSONValue { [:] }
    public func shutdown() async {}
}

/// What a plugin's `handleMessage` answers straight away.
public enum PluginResult: Sendable, Equatable {
    /// Synchronous answer: the client gets `success` with `plugindata.data` set to this object.
    case ok(JSONValue)
    /// Asynchronous answer: the client gets `ack` (with `hint` when given) now and the result
    /// later as an `event` from `PluginGateway.pushEvent`.
    case okWait(hint: String?)
}

/// A handle as its plugin sees it: the ids to address it and what the client said at attach.
/// The gateway creates it; the plugin keeps it to push events.
public final class PluginHandle: Sendable, Hashable {
    /// Session the handle belongs to.
    public let sessionID: SessionID
    /// The handle's id.
    public let handleID: HandleID
    /// `opaque_id` from the client's `attach`, if it gave one.
    public let opaqueID: String?
    /// Where the plugin keeps its own per-handle state for media callbacks.
    public let pluginSession = PluginSessionSlot()
    /// The core's media state of the handle (its PeerConnection glue); nil without one.
    let media = Mutex<HandleMedia?>(nil)

    public init(sessionID: SessionID, handleID: HandleID, opaqueID: String?) {
        self.sessionID = sessionID
        self.handleID = handleID
        self.opaqueID = opaqueID
    }

    public static func == (lhs: PluginHandle, rhs: PluginHandle) -> Bool { lhs === rhs }
    public func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(self)) }
}

/// The gateway side of the plugin interface: what a plugin may ask of the core
/// (Janus's `janus_callbacks`).
public protocol PluginGateway: Sendable {
    /// Sends an `event` to the handle's client: `plugindata` with `plugin` and `data` = `body`,
    /// `transaction` when it answers a request, and an optional `jsep` (an answer or offer the
    /// plugin produced; the core records it and emits a `jsep` local event).
    /// - Throws: `JanusError` (464/465) when `jsep` is malformed, or 458/459 when the handle is gone.
    func pushEvent(_ handle: PluginHandle, plugin: String, transaction: String?, body: JSONValue, jsep: JSONValue?)
        throws(JanusError)

    /// Asks the core to close the handle's PeerConnection (the client gets `hangup`).
    func closePeerConnection(_ handle: PluginHandle)

    /// Asks the core to detach the handle (the client gets `detached`).
    func endSession(_ handle: PluginHandle)

    /// Whether any event handler subscribes to plugin events; check before building `data`.
    func eventsEnabled() -> Bool

    /// Emits a plugin event (type 64) for the handle; builds nothing unless subscribed.
    func notifyEvent(plugin: String, handle: PluginHandle?, data: @autoclosure () -> JSONValue)

    /// Answers the offer the handle's client sent with its last `message` (Janus's
    /// `janus_sdp_generate_answer` plus the core's ICE and DTLS parts): creates the PeerConnection,
    /// gathers our candidates and returns the `jsep` object `{"type":"answer","sdp":…}` to push.
    /// - Parameters:
    ///   - audioCodec: `opus`, `pcmu` or `pcma` to prefer when offered; nil takes the offer's first.
    ///   - videoCodec: `vp8`, `vp9`, `h264` or `av1` to prefer when offered; nil takes the offer's first.
    /// - Throws: `JanusError` 465 when there is no offer to answer or it cannot be answered, with the reason.
    func answerOffer(_ handle: PluginHandle, audioCodec: String?, videoCodec: String?) throws(JanusError) -> JSONValue

    /// Hot path: sends an RTP packet to the handle's peer as ours (SSRC rewritten to what our answer
    /// announced). Call it only from `incomingRTP`/`incomingRTCP` of the same handle (its loop thread).
    func relayRTP(_ handle: PluginHandle, _ packet: PluginRTPPacket)

    /// Hot path: sends RTCP feedback (PLI, FIR, NACK, REMB, transport-cc) of a received compound back
    /// to the handle's peer, with SSRCs rewritten; reports (SR/RR/SDES/BYE) are not relayed (the core
    /// sends its own). Same thread rule as `relayRTP`.
    func relayRTCP(_ handle: PluginHandle, _ packet: PluginRTCPPacket)

    /// Asks the handle's peer for a video key frame (PLI, or FIR where only FIR is negotiated). Any thread.
    func sendPLI(_ handle: PluginHandle)

    /// Caps the handle's peer's sending with a REMB of `bitrate` bits per second. Any thread.
    func sendREMB(_ handle: PluginHandle, bitrate: UInt64)
}

/// Defaults for gateways without a media path (test doubles): nothing to answer, nothing to send.
extension PluginGateway {
    public func answerOffer(_ handle: PluginHandle, audioCodec: String?, videoCodec: String?) throws(JanusError) -> JSONValue {
        throw JanusError(JanusError.jsepInvalidSDPCode, "this gateway has no media path")
    }
    public func relayRTP(_ handle: PluginHandle, _ packet: PluginRTPPacket) {}
    public func relayRTCP(_ handle: PluginHandle, _ packet: PluginRTCPPacket) {}
    public func sendPLI(_ handle: PluginHandle) {}
    public func sendREMB(_ handle: PluginHandle, bitrate: UInt64) {}
}
