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
        let state = session.apply(request)
        if message.jsep != nil {
            // The media path (ICE, DTLS, SRTP) is not part of this build, so an offer cannot be answered.
            counters.withLock { $0.rejected += 1 }
            let error = EchoTestError(
                code: EchoTestError.invalidSDPCode,
                message: "Media negotiation is not available in this build: the JSEP offer cannot be answered")
            push(message.handle, transaction: message.transaction, body: error.eventBody)
        } else {
            counters.withLock { $0.succeeded += 1 }
            push(message.handle, transaction: message.transaction, body: ["echotest": "event", "result": "ok"])
        }
        notify(message.handle, state)
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
