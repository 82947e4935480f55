import GatewayCore
import Logging
import Synchronization

/// One queued `message` request: the handle, the transaction to answer and what was sent.
struct EchoTestMessage: Sendable {
    let handle: PluginHandle
    let transaction: String
    let body: JSONValue
    let jsep: JSONValue?
}

/// The EchoTest logic behind the queue: per-handle sessions and message processing.
/// Messages are processed one at a time on the plugin's worker task; the control callbacks
/// (attach, detach, hangup, query) touch the same sessions from any thread through locks.
final class EchoTestProcessor: Sendable {
    let gateway: any PluginGateway
    /// `general.events` of `janus.plugin.echotest.jcfg`: whether plugin events are emitted.
    let notifyEvents: Bool
    let logger: Logger
    let sessions = Mutex<[PluginHandle: EchoTestSession]>([:])
    let counters = Mutex(EchoTestCounters())

    init(gateway: any PluginGateway, notifyEvents: Bool, logger: Logger) {
        self.gateway = gateway
        self.notifyEvents = notifyEvents
        self.logger = logger
    }

    func session(_ handle: PluginHandle) -> EchoTestSession? { sessions.withLock { $0[handle] } }

    /// Handles one queued message: validate, apply, answer, notify.
    func process(_ message: EchoTestMessage) {
        guard let session = session(message.handle), !session.destroyed.load(ordering: .acquiring) else {
            counters.withLock { $0.dropped += 1 }
            logger.debug("message for a detached handle dropped", metadata: ["handle": "\(message.handle.handleID)"])
            return
        }
        let request: EchoTestRequest
        do throws(EchoTestError) {
            request = try EchoTestRequest.parse(message.body)
            if request.isEmpty && message.jsep == nil {
                throw EchoTestError(
                    code: EchoTestError.invalidElementCode,
                    message: "Message error: nothing to do (supported: audio, video, bitrate, audiocodec, videocodec)")
            }
        } catch {
            counters.withLock { $0.rejected += 1 }
            push(message.handle, transaction: message.transaction, body: error.eventBody)
            return
        }
        let before = session.snapshot
        let state = session.apply(request)
        if let jsep = message.jsep {
            answer(message, jsep: jsep, state: state)
        } else {
            counters.withLock { $0.succeeded += 1 }
            push(message.handle, transaction: message.transaction, body: ["echotest": "event", "result": "ok"])
        }
        if request.bitrate != nil, state.bitrate != before.bitrate {
            // 0 lifts the cap: ask for a high ceiling rather than nothing.
            gateway.sendREMB(message.handle, bitrate: UInt64(state.bitrate > 0 ? state.bitrate : 10_000_000))
        }
        if state.videoActive && !before.videoActive {
            gateway.sendPLI(message.handle)
        }
        notify(message.handle, state)
    }

    /// Answers a JSEP offer through the core (which adds ICE and DTLS) with the codecs asked for, and
    /// pushes `{"echotest":"event","result":"ok"}` with the answer; a failure is pushed as error 414
    /// with the core's reason. An answer from the client (we never offer) is refused the same way.
    private func answer(_ message: EchoTestMessage, jsep: JSONValue, state: EchoTestSession.State) {
        guard jsep["type"]?.stringValue == "offer" else {
            counters.withLock { $0.rejected += 1 }
            let error = EchoTestError(code: EchoTestError.invalidSDPCode, message: "EchoTest only answers offers")
            push(message.handle, transaction: message.transaction, body: error.eventBody)
            return
        }
        do throws(JanusError) {
            let answer = try gateway.answerOffer(message.handle, audioCodec: state.audioCodec, videoCodec: state.videoCodec)
            try gateway.pushEvent(
                message.handle, plugin: EchoTestPlugin.package, transaction: message.transaction,
                body: ["echotest": "event", "result": "ok"], jsep: answer)
            counters.withLock { $0.succeeded += 1 }
        } catch {
            counters.withLock { $0.rejected += 1 }
            let error = EchoTestError(code: EchoTestError.invalidSDPCode, message: error.reason)
            push(message.handle, transaction: message.transaction, body: error.eventBody)
        }
    }

    /// Emits the plugin event with the handle's settings, when enabled and subscribed.
    func notify(_ handle: PluginHandle, _ state: EchoTestSession.State) {
        guard notifyEvents, gateway.eventsEnabled() else { return }
        gateway.notifyEvent(
            plugin: EchoTestPlugin.package, handle: handle,
            data: [
                "audio_active": .bool(state.audioActive), "video_active": .bool(state.videoActive),
                "bitrate": .int(Int64(state.bitrate)),
            ])
    }

    /// Pushes an event to the handle's client; a handle that went away is counted, not fatal.
    func push(_ handle: PluginHandle, transaction: String?, body: JSONValue) {
        do {
            try gateway.pushEvent(handle, plugin: EchoTestPlugin.package, transaction: transaction, body: body, jsep: nil)
        } catch {
            counters.withLock { $0.pushFailures += 1 }
            logger.debug("push_event failed: \(error)", metadata: ["handle": "\(handle.handleID)"])
        }
    }
}

/// What the EchoTest plugin did with the messages it received, for `query_session` and tests.
public struct EchoTestCounters: Sendable, Equatable {
    /// Messages applied and answered `result: ok`.
    public var succeeded = 0
    /// Messages answered with an error event (bad body, wrong types, an offer this build cannot answer).
    public var rejected = 0
    /// Messages for handles detached before their turn in the queue.
    public var dropped = 0
    /// Events the gateway refused to push (the handle or session was gone).
    public var pushFailures = 0

    /// All counters at zero.
    public init() {}
}
