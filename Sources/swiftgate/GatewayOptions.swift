import ArgumentParser
import GatewayCore

/// The gateway's command-line switches, named as Janus's (`janus --help`) where SwiftGate
/// implements the feature. Values given here win over `janus.jcfg`.
///
/// Not offered: Janus switches for features SwiftGate does not have (daemon, log file, DTLS
/// certificate files, STUN/TURN, 1:1 NAT, ICE-Lite/TCP, token auth `-A`, …).
/// - SeeAlso: Janus's `janus.ggo` (its gengetopt switch list).
struct GatewayOptions: ParsableArguments {
    @Option(
        name: [.customShort("F"), .customLong("configs-folder")],
        help: ArgumentHelp("Folder of the .jcfg configuration files.", valueName: "path"))
    var configsFolder: String = "conf"

    @Option(
        name: [.customShort("C"), .customLong("config")],
        help: ArgumentHelp("Core configuration file (default: <configs-folder>/janus.jcfg).", valueName: "filename"))
    var config: String?

    @Flag(
        name: [.customShort("e"), .customLong("event-handlers")],
        help: "Enable event handlers (as events.broadcast = true).")
    var eventHandlers: Bool = false

    @Option(
        name: [.customShort("d"), .customLong("debug-level")],
        help: ArgumentHelp("Log level, 0 (nothing) to 7 (everything); 4 = info.", valueName: "0-7"))
    var debugLevel: Int?

    @Option(
        name: [.customShort("s"), .customLong("session-timeout")],
        help: ArgumentHelp("Seconds without a request before a session is reaped; 0 = never.", valueName: "seconds"))
    var sessionTimeout: Int?

    @Option(
        name: [.customShort("n"), .customLong("server-name")],
        help: ArgumentHelp("Name of this instance, shown by info and used as the event emitter.", valueName: "name"))
    var serverName: String?

    @Option(
        name: [.customShort("E"), .customLong("ice-enforce-list")],
        help: ArgumentHelp("Comma-separated interfaces or address prefixes ICE may use only.", valueName: "list"))
    var iceEnforceList: String?

    @Option(
        name: [.customShort("X"), .customLong("ice-ignore-list")],
        help: ArgumentHelp("Comma-separated interfaces or address prefixes ICE must not use.", valueName: "list"))
    var iceIgnoreList: String?

    @Option(
        name: [.customShort("a"), .customLong("apisecret")],
        help: ArgumentHelp("Secret every Janus API request must carry as \"apisecret\".", valueName: "secret"))
    var apiSecret: String?

    /// Path of the core file: `-C` when given, else `<configs-folder>/janus.jcfg`.
    var janusConfigPath: String { config ?? LoadedConfiguration.janusConfigPath(in: configsFolder) }

    /// The switches that override `janus.jcfg`, as GatewayCore applies them.
    var overrides: GatewaySettingsOverrides {
        var overrides = GatewaySettingsOverrides()
        overrides.enableEventHandlers = eventHandlers
        overrides.debugLevel = debugLevel
        overrides.sessionTimeout = sessionTimeout
        overrides.serverName = serverName
        overrides.iceEnforceList = iceEnforceList
        overrides.iceIgnoreList = iceIgnoreList
        overrides.apiSecret = apiSecret
        return overrides
    }

    func validate() throws {
        if let debugLevel, !GatewaySettings.debugLevels.contains(debugLevel) {
            throw ValidationError("--debug-level must be 0...7, not \(debugLevel)")
        }
        if let sessionTimeout, !GatewaySettings.sessionTimeouts.contains(sessionTimeout) {
            throw ValidationError(
                "--session-timeout must be 0 (never) to \(GatewaySettings.sessionTimeouts.upperBound) seconds, not \(sessionTimeout)")
        }
    }

    /// Applies the switches given on the command line to `settings` (they win over the file).
    func apply(to settings: inout GatewaySettings) { overrides.apply(to: &settings) }

    /// Loads `janus.jcfg` from `-C` / `-F` and applies the command line on top.
    /// - Throws: `ConfigError` from `LoadedConfiguration.load(configsFolder:janusConfigPath:)`.
    func loadConfiguration() throws(ConfigError) -> LoadedConfiguration {
        var loaded = try LoadedConfiguration.load(configsFolder: configsFolder, janusConfigPath: janusConfigPath)
        apply(to: &loaded.settings)
        return loaded
    }
}
