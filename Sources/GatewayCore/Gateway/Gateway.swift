import Logging
import Synchronization

/// The gateway core: sessions and handles, the Janus API and the Admin API (JSON in, JSON out,
/// for any transport), the callbacks plugins use, and the session-timeout reaper.
///
/// Create it, create each plugin with it as the plugin's `PluginGateway`, `register(plugin:)`
/// them, then `start()`. Transports call `janusRequest`, `adminRequest` and `longPoll`.
/// `shutdown(signal:)` ends everything but the event dispatcher, which the caller shuts down after.
///
/// Concurrency: all state sits behind small locks (one for the session table, one per session,
/// one per handle, one for runtime settings); none is shared with a media path, and no lock is
/// held while a plugin or event handler callback runs, so plugins may call back in at any time.
/// - SeeAlso: Janus docs, "The Janus API", "Admin API"; `../shared/reference/API.md`.
public final class Gateway: TransportGateway, PluginGateway {
    /// `name` in `server_info`.
    public static let productName = "SwiftGate"
    /// Numeric version in `server_info` (Janus's scheme: major·1000 + minor·100 + patch).
    public static let version = 100
    /// Version string in `server_info`.
    public static let versionString = "0.1.0"
    /// `author` in `server_info`.
    public static let author = "SwiftGate contributors"
    /// Default bound of each session's outgoing message queue.
    public static let defaultSessionQueueCapacity = 1_000

    /// The settings the gateway was started with (run-time changes live in `runtime`).
    public let settings: GatewaySettings
    /// Folder holding the `.jcfg` files (`-F`), handed to plugins.
    public let configsFolder: String
    /// The event dispatcher every event goes through.
    public let events: EventDispatcher
    /// Bad requests per error code and queue overflows, as Admin `get_status` reports them.
    public let errorCounters = APIErrorCounters()

    let logger: Logger
    let setLogLevel: @Sendable (Int) -> Void
    let clock: GatewayClock
    let reaperInterval: Duration
    let sessionQueueCapacity: Int
    let registry = SessionRegistry()
    /// The media path shared by all handles; nil when the gateway runs without one.
    public let media: MediaEngine?
    let runtime: Mutex<RuntimeState>
    let pluginTable = Mutex<[String: any Plugin]>([:])
    let transportTable = Mutex<[TransportDescriptor]>([])
    let reaper = Mutex<Task<Void, Never>?>(nil)

    /// Settings the Admin API can change while running.
    struct RuntimeState {
        /// Seconds of inactivity before a session is reaped; 0 = never.
        var sessionTimeout: Int
        /// Janus log level 0…7.
        var logLevel: Int
        /// `false` once shutdown began: `create` answers 472.
        var acceptingSessions = true
    }

    /// - Parameters:
    ///   - settings: core settings (`janus.jcfg` and command line).
    ///   - configsFolder: folder of the `.jcfg` files.
    ///   - events: the dispatcher for every event; started and shut down by the caller.
    ///   - logger: the core's logger.
    ///   - setLogLevel: applies a Janus log level 0…7 (Admin `set_log_level`).
    ///   - clock: monotonic time and sleep; inject a manual one in tests.
    ///   - reaperInterval: how often idle sessions are looked for (Janus's watchdog: 2 s).
    ///   - sessionQueueCapacity: most client messages queued per session before refusing.
    ///   - media: the media path (ICE, DTLS-SRTP, RTP); nil for a gateway that only relays offers to
    ///     plugins untouched (tests of the API layer).
    public init(
        settings: GatewaySettings, configsFolder: String, events: EventDispatcher, logger: Logger,
        setLogLevel: @escaping @Sendable (Int) -> Void = { _ in },
        clock: GatewayClock = .system, reaperInterval: Duration = .seconds(1),
        sessionQueueCapacity: Int = Gateway.defaultSessionQueueCapacity, media: MediaEngine? = nil
    ) {
        self.media = media
        self.settings = settings
        self.configsFolder = configsFolder
        self.events = events
        self.logger = logger
        self.setLogLevel = setLogLevel
        self.clock = clock
        self.reaperInterval = reaperInterval
        self.sessionQueueCapacity = max(1, sessionQueueCapacity)
        self.runtime = Mutex(RuntimeState(sessionTimeout: max(0, settings.sessionTimeout), logLevel: settings.debugLevel))
    }

    /// Makes a plugin available to `attach` under its package name. A second plugin with the
    /// same package is refused (logged); the first stays.
    public func register(plugin: any Plugin) {
        let package = type(of: plugin).package
        let added = pluginTable.withLock { table -> Bool in
            guard table[package] == nil else { return false }
            table[package] = plugin
            return true
        }
        if added {
            logger.info("plugin registered", metadata: ["plugin": "\(package)"])
        } else {
            logger.error("a plugin with this package is already registered; ignoring the second", metadata: ["plugin": "\(package)"])
        }
    }

    /// The registered plugin with `package`.
    func plugin(package: String) -> (any Plugin)? { pluginTable.withLock { $0[package] } }

    /// Starts the session-timeout reaper and emits the core `started` event (type 256, subtype 1)
    /// with the `server_info` object (without a transaction) as `info`.
    public func start() async {
        let task = Task { [weak self, clock, reaperInterval] in
            while !Task.isCancelled {
                do { try await clock.sleep(reaperInterval) } catch { return }
                guard let self else { return }
                self.reapIdleSessions()
            }
        }
        let previous = reaper.withLock { slot -> Task<Void, Never>? in
            defer { slot = task }
            return slot
        }
        previous?.cancel()
        events.notify(type: .core, .core(.startup(info: self.startupInfo())))
        logger.info("gateway started", metadata: ["session_timeout": "\(currentSessionTimeout)"])
    }

    /// Shuts the core down: refuses new sessions, destroys every session (their clients get
    /// nothing more; plugins are told each handle is gone), emits the core `shutdown` event
    /// (type 256, subtype 2, with `signum` when a signal caused it), stops the reaper, and shuts
    /// every plugin down. The caller shuts the event dispatcher down afterwards.
    public func shutdown(signal: Int32?) async {
        runtime.withLock { $0.acceptingSessions = false }
        for session in registry.removeAll() {
            endSession(session, cause: .shutdown)
        }
        events.notify(type: .core, .core(.shutdown(signal: signal)))
        let task = reaper.withLock { slot -> Task<Void, Never>? in
            defer { slot = nil }
            return slot
        }
        task?.cancel()
        await task?.value
        let plugins = pluginTable.withLock { Array($0.values) }
        for plugin in plugins { await plugin.shutdown() }
        media?.shutdown()
        logger.info("gateway stopped")
    }

    /// Seconds of inactivity before a session is reaped now (0 = never); Admin `set_session_timeout` changes it.
    public var currentSessionTimeout: Int { runtime.withLock { $0.sessionTimeout } }

    /// The Janus log level now (0…7); Admin `set_log_level` changes it.
    public var currentLogLevel: Int { runtime.withLock { $0.logLevel } }

    /// Number of live sessions.
    public var sessionCount: Int { registry.count }
}
