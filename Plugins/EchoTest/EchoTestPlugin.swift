import GatewayCore
import Logging
import Synchronization

/// `janus.plugin.echotest`: sends a client's media back to it; the client can turn audio and
/// video on and off and cap the video bitrate with `message` requests.
///
/// This build implements the message side: `{"audio":Bool,"video":Bool,"bitrate":Int,
/// "audiocodec":String,"videocodec":String}` (bitrate in bits per second, 0 = no cap) answered
/// asynchronously with `{"echotest":"event","result":"ok"}` or
/// `{"echotest":"event","error_code":413,"error":"Invalid element type (audio should be a boolean)"}`,
/// plus a plugin event `{"audio_active":…,"video_active":…,"bitrate":…}` for event handlers.
/// A JSEP offer is answered with error 414 until the media path exists; the body is still applied.
///
/// Messages go through one queue (an `AsyncStream` drained by one task), in arrival order.
/// Configuration: `janus.plugin.echotest.jcfg`, `general.events` (default true) gates plugin events.
/// - SeeAlso: Janus docs, "EchoTest plugin".
public final class EchoTestPlugin: Plugin {
    /// Package name clients attach to, as in Janus.
    public static let package = "janus.plugin.echotest"
    /// The file read from the configs folder.
    public static let configFileName = "janus.plugin.echotest.jcfg"

    /// Name shown by `info`.
    public let name = "SwiftGate EchoTest plugin"
    /// Author shown by `info`.
    public let author = "SwiftGate"
    /// Description shown by `info`.
    public let pluginDescription = "Echoes a peer's audio and video back to it, as Janus's EchoTest does."
    /// Numeric version shown by `info`.
    public let version = 1
    /// Version string shown by `info`.
    public let versionString = "0.1.0"

    private let processor: EchoTestProcessor
    private let queue: AsyncStream<EchoTestMessage>.Continuation
    private let worker: Task<Void, Never>
    private let stopping = Atomic<Bool>(false)

    /// Reads `<configsFolder>/janus.plugin.echotest.jcfg` (missing = defaults) and starts the queue.
    /// Options the plugin does not use are logged once.
    /// - Throws: `ConfigError` when the file is malformed or `general.events` is not a boolean.
    public convenience init(configsFolder: String, gateway: any PluginGateway) throws {
        let logger = Logger(label: Self.package)
        let notifyEvents = try Self.readNotifyEvents(configsFolder: configsFolder, logger: logger)
        self.init(gateway: gateway, notifyEvents: notifyEvents, logger: logger)
    }

    /// `general.events` of the config file: `true` when the file or the option is absent.
    private static func readNotifyEvents(configsFolder: String, logger: Logger) throws(ConfigError) -> Bool {
        let path = configsFolder.hasSuffix("/") ? configsFolder + configFileName : configsFolder + "/" + configFileName
        let file: JcfgFile
        do {
            file = try JcfgFile.load(path: path)
        } catch {
            guard error.kind == .notFound else { throw error }
            logger.info("\(path) not found: using defaults")
            return true
        }
        let notifyEvents = try file.group("general")?.bool("events") ?? true
        logIgnoredOptions([file], logger: logger)
        return notifyEvents
    }

    /// Creates the plugin without a config file.
    /// - Parameter notifyEvents: `general.events`: whether plugin events are emitted.
    public init(gateway: any PluginGateway, notifyEvents: Bool = true, logger: Logger = Logger(label: EchoTestPlugin.package)) {
        let processor = EchoTestProcessor(gateway: gateway, notifyEvents: notifyEvents, logger: logger)
        let (stream, continuation) = AsyncStream<EchoTestMessage>.makeStream(bufferingPolicy: .unbounded)
        self.processor = processor
        self.queue = continuation
        self.worker = Task {
            for await message in stream { processor.process(message) }
        }
    }

    /// Counts of processed, rejected and dropped messages so far.
    public var counters: EchoTestCounters { processor.counters.withLock { $0 } }

    /// Creates the handle's EchoTest state (audio and video on, no bitrate cap).
    /// - Throws: `JanusError` 461 while the plugin is shutting down.
    public func createSession(_ handle: PluginHandle) throws {
        guard !stopping.load(ordering: .acquiring) else {
            throw JanusError(JanusError.pluginAttachCode, "EchoTest plugin is shutting down")
        }
        let session = processor.sessions.withLock { sessions in
            if let existing = sessions[handle] { return existing }
            let created = EchoTestSession()
            sessions[handle] = created
            return created
        }
        handle.pluginSession.set(session)
    }

    /// Checks the handle and that `body` is an object, queues the message and returns
    /// `.okWait(hint: nil)`; the answer is pushed when the queue reaches it.
    /// - Throws: `JanusError` 462 when the handle has no EchoTest session or the plugin is
    ///   stopping; 412 (EchoTest's "invalid JSON") when `body` is not an object.
    public func handleMessage(_ handle: PluginHandle, transaction: String, body: JSONValue, jsep: JSONValue?) throws
        -> PluginResult
    {
        guard !stopping.load(ordering: .acquiring) else {
            throw JanusError(JanusError.pluginMessageCode, "EchoTest plugin is shutting down")
        }
        guard processor.session(handle) != nil else {
            throw JanusError(JanusError.pluginMessageCode, "No EchoTest session for handle \(handle.handleID)")
        }
        guard body.objectValue != nil else {
            processor.counters.withLock { $0.rejected += 1 }
            throw JanusError(EchoTestError.invalidJSONCode, "JSON error: the message body is \(body.typeName), not an object")
        }
        let message = EchoTestMessage(handle: handle, transaction: transaction, body: body, jsep: jsep)
        guard case .enqueued = queue.yield(message) else {
            throw JanusError(JanusError.pluginMessageCode, "EchoTest plugin is shutting down")
        }
        return .okWait(hint: nil)
    }

    /// The PeerConnection is up: ask the peer for a key frame so the echo starts with one; a later
    /// hangup may report "done" again.
    public func setupMedia(_ handle: PluginHandle) {
        processor.session(handle)?.hangingUp.store(false, ordering: .releasing)
        processor.gateway.sendPLI(handle)
    }

    /// Hot path: sends the packet straight back, unless its medium is turned off; sequence numbers stay
    /// continuous across a pause (`EchoSequence`).
    public func incomingRTP(_ handle: PluginHandle, _ packet: PluginRTPPacket) {
        guard let session = handle.pluginSession.get(as: EchoTestSession.self) else { return }
        let active = packet.isVideo
            ? session.videoActive.load(ordering: .relaxed) : session.audioActive.load(ordering: .relaxed)
        var sequence = session.sequence(video: packet.isVideo)
        if packet.isRetransmission {
            guard active else { return }
            if sequence.offset != 0, let original = packet.rtxOriginalSequenceNumber {
                packet.setRTXOriginalSequenceNumber(original &- sequence.offset)
            }
        } else if let number = packet.sequenceNumber {
            guard active else {
                sequence.drop()
                session.store(sequence, video: packet.isVideo)
                return
            }
            let echoed = sequence.relay(number)
            session.store(sequence, video: packet.isVideo)
            if echoed != number { packet.setSequenceNumber(echoed) }
        }
        processor.gateway.relayRTP(handle, packet)
    }

    /// Hot path: sends the peer's feedback back to it (it is about the echo of its own media), with a
    /// REMB capped at the `bitrate` asked for (Janus's EchoTest does the same).
    public func incomingRTCP(_ handle: PluginHandle, _ packet: PluginRTCPPacket) {
        guard let session = handle.pluginSession.get(as: EchoTestSession.self) else { return }
        let cap = session.bitrate.load(ordering: .relaxed)
        if cap > 0 { packet.capREMB(at: UInt64(cap)) }
        // NACKs name echoed (lowered) sequence numbers; the sender knows its own. Video is what gets NACKed.
        packet.shiftNACKs(by: session.sequence(video: true).offset)
        processor.gateway.relayRTCP(handle, packet)
    }

    /// Tells the client the echo is over (`{"echotest":"event","result":"done"}`) and resets the
    /// handle's settings. A second hangup while one is in progress does nothing.
    public func hangupMedia(_ handle: PluginHandle) {
        guard let session = processor.session(handle), !session.destroyed.load(ordering: .acquiring),
            session.hangingUp.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing).exchanged
        else { return }
        processor.push(handle, transaction: nil, body: ["echotest": "event", "result": "done"])
        session.reset()
        session.hangingUp.store(false, ordering: .releasing)
    }

    /// Drops the handle's state; its queued messages are discarded unanswered.
    public func destroySession(_ handle: PluginHandle) {
        let session = processor.sessions.withLock { $0.removeValue(forKey: handle) }
        session?.destroyed.store(true, ordering: .releasing)
        handle.pluginSession.set(nil)
    }

    /// `plugin_specific` of Admin API `handle_info`: `audio_active`, `video_active`, `bitrate`
    /// (bits per second), `audio_codec`/`video_codec` when asked for, and `hangingup`/`destroyed`
    /// as 0/1 (Janus's keys). An unknown handle gives `{}`.
    public func querySession(_ handle: PluginHandle) -> JSONValue {
        guard let session = processor.session(handle) else { return [:] }
        let state = session.snapshot
        var info: [String: JSONValue] = [
            "audio_active": .bool(state.audioActive), "video_active": .bool(state.videoActive),
            "bitrate": .int(Int64(state.bitrate)),
            "hangingup": session.hangingUp.load(ordering: .relaxed) ? 1 : 0,
            "destroyed": session.destroyed.load(ordering: .relaxed) ? 1 : 0,
        ]
        if let codec = state.audioCodec { info["audio_codec"] = .string(codec) }
        if let codec = state.videoCodec { info["video_codec"] = .string(codec) }
        return .object(info)
    }

    /// Stops taking messages, lets the queue finish the ones already in it, and waits for it.
    public func shutdown() async {
        stopping.store(true, ordering: .releasing)
        queue.finish()
        await worker.value
    }
}
