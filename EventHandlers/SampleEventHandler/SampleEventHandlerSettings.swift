import Foundation
import GatewayCore
import Logging

/// The sample event handler's settings, decoded from `janus.eventhandler.sampleevh.jcfg`
/// (group `general`) and changed at run time by the Admin API `tweak` request.
///
/// Option names and defaults are Janus 1.1.2's sampleevh ones; `queue_capacity` is ours.
/// - SeeAlso: Janus docs, "Sample event handler" (`janus.eventhandler.sampleevh.jcfg.sample`).
public struct SampleEventHandlerSettings: Sendable, Equatable {
    /// `events`: event types to receive (`all`, `none` or a comma list of labels). Default all.
    public var events: EventTypeMask = .all
    /// `grouping`: POST a JSON array of up to 100 queued events (true, Janus's default) or one
    /// bare event object per POST (false).
    public var grouping: Bool = true
    /// `json`: layout of the POST body (`indented`, the default, `plain` or `compact`).
    public var json: JSONFormat = .indented
    /// `backend`: the `http://` or `https://` URL events are POSTed to. Mandatory.
    public var backend: String
    /// `backend_user`: HTTP basic auth user name; `nil` sends no credentials.
    public var backendUser: String?
    /// `backend_pwd`: HTTP basic auth password (used with `backendUser`).
    public var backendPassword: String?
    /// `max_retransmissions`: retries after a failed POST before the events are lost (≥ 0; default 5).
    public var maxRetransmissions: Int = 5
    /// `retransmissions_backoff`: milliseconds before the first retry, doubled for each further
    /// one (> 0; default 100).
    public var retransmissionsBackoff: Int = 100
    /// `compress`: gzip the body and send `Content-Encoding: gzip` (default false).
    public var compress: Bool = false
    /// `compression`: zlib level 0 (store) … 9 (smallest); default 6.
    public var compression: Int = 6
    /// `queue_capacity` (SwiftGate's own option): events held while the backend is slow or down;
    /// more are refused and counted as lost `queue_full`. Default 10 000.
    public var queueCapacity: Int = 10_000
    /// How long `shutdown()` keeps delivering what is queued before counting the rest as lost.
    public var shutdownGrace: Duration = .seconds(5)

    /// Settings with Janus's defaults and the given backend.
    public init(backend: String) {
        self.backend = backend
    }

    /// The retry rules these settings give.
    var retryPolicy: RetryPolicy {
        RetryPolicy(maxRetransmissions: maxRetransmissions, backoffMilliseconds: retransmissionsBackoff)
    }
}

extension SampleEventHandlerSettings {
    /// The config file's name, as Janus names it.
    public static let fileName = "janus.eventhandler.sampleevh.jcfg"

    /// Reads `<configsFolder>/janus.eventhandler.sampleevh.jcfg`.
    ///
    /// - Returns: `nil` when the file does not exist or says `enabled = false` (or omits it, as
    ///   Janus's default is disabled): the handler is then not loaded.
    /// - Throws: `ConfigError` for a malformed file, a missing or non-HTTP `backend`, an unknown
    ///   `events` label, or an option of the wrong kind. Values Janus tolerates with a warning
    ///   (an unknown `json`, `compression` outside 0–9, negative `max_retransmissions`,
    ///   non-positive `retransmissions_backoff`) are logged and replaced by the default, as Janus does.
    public static func load(configsFolder: String, logger: Logger) throws(ConfigError) -> SampleEventHandlerSettings? {
        let path = URL(fileURLWithPath: configsFolder).appendingPathComponent(fileName).path
        guard FileManager.default.fileExists(atPath: path) else {
            logger.info("no \(fileName) in \(configsFolder): sample event handler not loaded")
            return nil
        }
        let file = try JcfgFile.load(path: path)
        guard let settings = try decode(file, path: path, logger: logger) else { return nil }
        for option in file.unusedOptions() {
            logger.warning("\(path): option '\(option)' is not used by SwiftGate's sample event handler; ignored")
        }
        return settings
    }

    /// Decodes the `general` group of a parsed file (see `load(configsFolder:logger:)`).
    static func decode(_ file: JcfgFile, path: String, logger: Logger) throws(ConfigError) -> SampleEventHandlerSettings? {
        guard let general = try file.group("general"), try general.bool("enabled") == true else {
            logger.info("\(path): sample event handler not enabled")
            return nil
        }
        guard let backend = general.string("backend") else {
            throw ConfigError(kind: .invalidValue, file: path, line: nil, message: "general.backend is missing (the URL to POST events to)")
        }
        if let problem = backendProblem(backend) {
            throw ConfigError(kind: .invalidValue, file: path, line: nil, message: "general.backend: \(problem)")
        }
        var settings = SampleEventHandlerSettings(backend: backend)
        settings.backendUser = general.string("backend_user")
        settings.backendPassword = general.string("backend_pwd")
        if let events = general.string("events") {
            do throws(EventTypeMaskError) {
                settings.events = try EventTypeMask(configValue: events)
            } catch {
                throw ConfigError(kind: .invalidValue, file: path, line: nil, message: "general.events: \(error)")
            }
        }
        if let grouping = try general.bool("grouping") { settings.grouping = grouping }
        if let compress = try general.bool("compress") { settings.compress = compress }
        try decodeNumbers(general, into: &settings, path: path, logger: logger)
        if let json = general.string("json") {
            if let format = JSONFormat(rawValue: json.lowercased()) {
                settings.json = format
            } else {
                logger.warning("\(path): general.json '\(json)' is not indented, plain or compact; using indented")
            }
        }
        return settings
    }

    private static func decodeNumbers(
        _ general: JcfgGroup, into settings: inout SampleEventHandlerSettings, path: String, logger: Logger
    ) throws(ConfigError) {
        if let value = try general.int("max_retransmissions") {
            if value >= 0 { settings.maxRetransmissions = value } else {
                logger.warning("\(path): general.max_retransmissions \(value) is negative; using \(settings.maxRetransmissions)")
            }
        }
        if let value = try general.int("retransmissions_backoff") {
            if value > 0 { settings.retransmissionsBackoff = value } else {
                logger.warning("\(path): general.retransmissions_backoff \(value) is not positive; using \(settings.retransmissionsBackoff)")
            }
        }
        if let value = try general.int("compression") {
            if (0...9).contains(value) { settings.compression = value } else {
                logger.warning("\(path): general.compression \(value) is outside 0-9; using \(settings.compression)")
            }
        }
        if let value = try general.int("queue_capacity") {
            guard value > 0 else {
                throw ConfigError(kind: .invalidValue, file: path, line: nil, message: "general.queue_capacity must be at least 1, got \(value)")
            }
            settings.queueCapacity = value
        }
    }

    /// Why `backend` is not a usable backend URL, or `nil` when it is one (http or https with a host).
    static func backendProblem(_ backend: String) -> String? {
        guard let url = URL(string: backend), let scheme = url.scheme?.lowercased(),
            scheme == "http" || scheme == "https"
        else { return "'\(backend)' is not an http:// or https:// URL" }
        guard let host = url.host, !host.isEmpty else { return "'\(backend)' has no host" }
        return nil
    }
}
