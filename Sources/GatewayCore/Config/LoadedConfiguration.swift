import Logging

/// The gateway's configuration as loaded at start: the core settings (file + command line),
/// the parsed `janus.jcfg` and the folder the other `.jcfg` files come from.
public struct LoadedConfiguration: Sendable {
    /// Core settings from `janus.jcfg`, before command-line overrides are applied.
    public var settings: GatewaySettings
    /// The parsed `janus.jcfg`, kept so that its unused options can be reported.
    public let janusFile: JcfgFile
    /// Folder of the plugin, transport and event handler files (`-F/--configs-folder`).
    public let configsFolder: String

    /// Creates a configuration from parts already loaded.
    public init(settings: GatewaySettings, janusFile: JcfgFile, configsFolder: String) {
        self.settings = settings
        self.janusFile = janusFile
        self.configsFolder = configsFolder
    }

    /// Loads `janus.jcfg` and decodes the core settings.
    /// - Parameters:
    ///   - configsFolder: the configs folder (Janus `-F`, default `conf`).
    ///   - janusConfigPath: the core file (Janus `-C`); `nil` means `<configsFolder>/janus.jcfg`.
    /// - Throws: `ConfigError`: `.notFound` when the file is missing, `.syntax` with file and line
    ///   when it is malformed, `.invalidValue` for a bad option (see `GatewaySettings.init(janusConfig:)`).
    public static func load(configsFolder: String, janusConfigPath: String? = nil) throws(ConfigError) -> LoadedConfiguration {
        let path = janusConfigPath ?? Self.janusConfigPath(in: configsFolder)
        let file = try JcfgFile.load(path: path)
        return LoadedConfiguration(settings: try GatewaySettings(janusConfig: file), janusFile: file, configsFolder: configsFolder)
    }

    /// `<configsFolder>/janus.jcfg`, Janus's default core file.
    public static func janusConfigPath(in configsFolder: String) -> String {
        configsFolder.hasSuffix("/") ? configsFolder + "janus.jcfg" : configsFolder + "/janus.jcfg"
    }
}

/// Logs, once per file, one warning line listing the options of `files` that SwiftGate did not
/// read (`JcfgFile.unusedOptions()`), e.g.
/// `conf/janus.jcfg: ignoring options SwiftGate does not implement: media.rtp_port_range, nat.nat_1_1_mapping`.
/// Call it after every component has read its file. Files with nothing unused log nothing;
/// a file already reported is skipped.
public func logIgnoredOptions(_ files: [JcfgFile], logger: Logger) {
    for file in files {
        let unused = file.unusedOptions()
        guard !unused.isEmpty, file.claimIgnoredReport() else { continue }
        logger.warning("\(file.path): ignoring options SwiftGate does not implement: \(unused.joined(separator: ", "))")
    }
}
