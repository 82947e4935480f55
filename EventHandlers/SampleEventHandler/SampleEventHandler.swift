import Foundation
import GatewayCore
import Logging
import Synchronization

/// `janus.eventhandler.sampleevh`: POSTs the gateway's events as Janus JSON to an HTTP backend.
///
/// - `incomingEvent(_:)` (dispatcher thread) only pushes onto a bounded queue; a full queue
///   drops the event and counts it as lost `queue_full`.
/// - One worker `Thread` pops an event (with `grouping`, also whatever else is queued, up to
///   100 per POST), serializes it (`json` layout), gzips it when `compress` is on (any size;
///   Janus 1.1.2 drops gzip output over 8 KB), and POSTs it with libcurl.
/// - 2xx is delivered; 408, 429, 5xx and no answer are retried after
///   `retransmissions_backoff * 2^n` ms (n = 0, 1 …, or the server's `Retry-After` if longer,
///   capped at 60 s), at most `max_retransmissions` times, then lost `retries_exhausted`; other
///   statuses are lost `rejected` at once. Janus 1.1.2 ignores the HTTP status altogether.
/// - Admin API (`query_eventhandler`): `tweak` changes settings at run time, `status` reports
///   the counters.
///
/// - SeeAlso: `reference/EVENTS.md` ("grouping = true", "Retransmission / backoff"), `reference/API.md`.
public final class SampleEventHandler: EventHandler {
    /// Janus's package name, also the config file's stem.
    public static let package = "janus.eventhandler.sampleevh"
    /// Shown by `info`.
    public let name = "SwiftGate sample event handler"
    /// Shown by `info`.
    public let author = "SwiftGate"
    /// Shown by `info`.
    public let handlerDescription = "Forwards events as Janus JSON to an HTTP backend with POST (libcurl)."
    /// Shown by `info`.
    public let version = 1
    /// Shown by `info`.
    public let versionString = "0.1.0"

    private let core: HandlerCore
    private let stopping = Atomic<Bool>(false)
    /// Uptime (ns) of the last "queue full" log line; 0 before the first.
    private let lastOverflowLog = Atomic<UInt64>(0)

    /// Creates the handler from `<configsFolder>/janus.eventhandler.sampleevh.jcfg`.
    /// - Returns: `nil` when the file is missing or does not enable the handler.
    /// - Throws: `ConfigError` for a bad file or option (see `SampleEventHandlerSettings.load`),
    ///   or an error when libcurl cannot be set up.
    public convenience init?(context: EventHandlerContext) throws {
        guard let settings = try SampleEventHandlerSettings.load(configsFolder: context.configsFolder, logger: context.logger)
        else { return nil }
        try self.init(settings: settings, logger: context.logger)
    }

    /// Creates the handler with `settings` and starts its worker thread.
    /// - Throws: an error when libcurl cannot be set up.
    public init(settings: SampleEventHandlerSettings, logger: Logger) throws {
        let core = HandlerCore(settings: settings, logger: logger)
        let poster = try CurlPoster(shutdown: core.shutdown)
        self.core = core
        let thread = Thread {
            DeliveryWorker(core: core, poster: poster).run()
        }
        thread.name = "sampleevh"
        thread.start()
        logger.info(
            "sample event handler posting \(settings.events.configValue) events to \(settings.backend) (grouping \(settings.grouping), compress \(settings.compress))")
    }

    deinit {
        // Without shutdown(): stop the worker now so its thread does not outlive the handler.
        if !stopping.load(ordering: .relaxed) {
            core.queue.close()
            core.shutdown.begin(deadline: Date())
        }
    }

    /// Event types wanted now (`events`, changed by `tweak`).
    public var mask: EventTypeMask {
        EventTypeMask(rawValue: core.maskBits.load(ordering: .relaxed))
    }

    /// The settings in force now (after any `tweak`).
    public var settings: SampleEventHandlerSettings {
        core.settings.withLock { $0 }
    }

    /// Queues `event` for the worker; never blocks. Events outside `mask` are ignored.
    public func incomingEvent(_ event: Event) {
        guard mask.contains(event.type) else { return }
        if core.queue.push(event) {
            core.counters.queued.add(1, ordering: .relaxed)
        } else if stopping.load(ordering: .relaxed) {
            core.counters.addLost(1, .shutdown)
        } else {
            core.counters.addLost(1, .queueFull)
            logOverflow()
        }
    }

    /// Logs a full queue at most once a second, with the running total.
    private func logOverflow() {
        let now = DispatchTime.now().uptimeNanoseconds
        let last = lastOverflowLog.load(ordering: .relaxed)
        guard last == 0 || now &- last >= 1_000_000_000 else { return }
        guard lastOverflowLog.compareExchange(expected: last, desired: now, ordering: .relaxed).exchanged else { return }
        core.logger.warning(
            "event queue full (\(core.queue.capacity) events): dropping events, \(core.counters.lost(.queueFull)) lost so far")
    }

    /// Answers `query_eventhandler`: `{"request":"tweak",…}` → `{"result":200}`,
    /// `{"request":"status"}` → `{"result":200,"status":{…}}`; errors are
    /// `{"error_code":N,"error":"…"}` (411 unknown request, 412 missing element, 413 invalid element).
    public func handleRequest(_ request: JSONValue) async -> JSONValue {
        guard let members = request.objectValue else {
            return HandlerRequestError(code: HandlerRequestError.invalidElement, message: "Invalid request: expected a JSON object, got \(request.typeName)").response
        }
        guard let verbValue = members["request"] else {
            return HandlerRequestError(code: HandlerRequestError.missingElement, message: "Missing mandatory element (request)").response
        }
        guard let verb = verbValue.stringValue else {
            return HandlerRequestError(code: HandlerRequestError.invalidElement, message: "Invalid element type (request should be a string, got \(verbValue.typeName))").response
        }
        switch verb.lowercased() {
        case "tweak":
            do throws(HandlerRequestError) {
                try tweak(SettingsTweak(request: members))
                return .object(["result": 200])
            } catch {
                return error.response
            }
        case "status":
            return .object(["result": 200, "status": status()])
        default:
            return HandlerRequestError(code: HandlerRequestError.invalidRequest, message: "Unknown request '\(verb)'").response
        }
    }

    /// Applies a validated tweak atomically (settings and mask under one lock).
    private func tweak(_ change: SettingsTweak) {
        let updated = core.settings.withLock { settings in
            change.apply(to: &settings)
            core.maskBits.store(settings.events.rawValue, ordering: .relaxed)
            return settings
        }
        core.logger.info(
            "tweaked: events \(updated.events.configValue), backend \(updated.backend), grouping \(updated.grouping), compress \(updated.compress)")
    }

    /// The `status` object: counters, queue fill and the settings in force.
    private func status() -> JSONValue {
        let settings = self.settings
        var status = core.counters.json(inQueue: core.queue.currentCount)
        status["queue_capacity"] = .int(Int64(core.queue.capacity))
        status["backend"] = .string(settings.backend)
        status["events"] = .string(settings.events.configValue)
        status["grouping"] = .bool(settings.grouping)
        status["compress"] = .bool(settings.compress)
        status["compression"] = .int(Int64(settings.compression))
        status["json"] = .string(settings.json.rawValue)
        status["max_retransmissions"] = .int(Int64(settings.maxRetransmissions))
        status["retransmissions_backoff"] = .int(Int64(settings.retransmissionsBackoff))
        return .object(status)
    }

    /// Stops taking events, delivers what is queued within `shutdownGrace` (a POST still in
    /// flight then is aborted within about a second), counts the rest as lost `shutdown`, and
    /// returns once the worker thread has ended. Waits without blocking the cooperative pool.
    public func shutdown() async {
        if stopping.compareExchange(expected: false, desired: true, ordering: .relaxed).exchanged {
            core.queue.close()
            let grace = core.settings.withLock { $0.shutdownGrace }
            core.shutdown.begin(deadline: Date().addingTimeInterval(Double(grace.components.seconds)
                + Double(grace.components.attoseconds) / 1e18))
        }
        await core.completion.wait()
        let lost = core.counters.lost(.shutdown)
        core.logger.info(
            "sample event handler stopped: \(core.counters.sent.load(ordering: .relaxed)) events sent, \(lost) lost at shutdown")
    }
}
