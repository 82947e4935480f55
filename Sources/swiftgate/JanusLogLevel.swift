import Logging
import Synchronization

/// The process-wide log level, settable at run time (Admin API `set_log_level`, `-d`), using
/// Janus's numeric `debug_level` scale: 0 none, 1 fatal, 2 error, 3 warning, 4 info,
/// 5 verbose, 6 huge, 7 debug.
final class JanusLogLevel: Sendable {
    static let shared = JanusLogLevel()

    private let level = Atomic<Int>(4)

    /// The current Janus debug level, 0…7.
    var janusLevel: Int { level.load(ordering: .relaxed) }

    /// Sets the Janus debug level, clamped to 0…7.
    func set(_ janusLevel: Int) { level.store(min(max(janusLevel, 0), 7), ordering: .relaxed) }

    /// The swift-log level for the current Janus level, or `nil` at level 0 (log nothing).
    var loggerLevel: Logger.Level? { Self.loggerLevel(janusLevel: janusLevel) }

    static func loggerLevel(janusLevel: Int) -> Logger.Level? {
        switch janusLevel {
        case ...0: nil
        case 1: .critical
        case 2: .error
        case 3: .warning
        case 4: .info
        case 5: .notice
        case 6: .debug
        default: .trace
        }
    }
}

/// A log handler that writes through swift-log's stream handler, filtered by `JanusLogLevel`
/// so that the level can change while the gateway runs.
struct JanusLevelLogHandler: LogHandler {
    private var inner: StreamLogHandler

    init(label: String) {
        inner = StreamLogHandler.standardError(label: label)
        inner.logLevel = .trace
    }

    var metadata: Logger.Metadata {
        get { inner.metadata }
        set { inner.metadata = newValue }
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { inner[metadataKey: key] }
        set { inner[metadataKey: key] = newValue }
    }

    /// Reported to `Logger` so that messages below the level are never formatted.
    var logLevel: Logger.Level {
        get { JanusLogLevel.shared.loggerLevel ?? .critical }
        set {}
    }

    func log(event: LogEvent) {
        guard let threshold = JanusLogLevel.shared.loggerLevel, event.level >= threshold else { return }
        inner.log(event: event)
    }
}
