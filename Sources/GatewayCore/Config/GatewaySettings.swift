import Foundation
import WebRTC

/// The core settings the gateway runs with, decoded from `janus.jcfg` and the command line
/// (command-line switches win). Option names in the comments are Janus's.
public struct GatewaySettings: Sendable, Equatable {
    /// `general.server_name`: the `emitter` of events and `server-name` in `info`.
    public var serverName: String = "SwiftGate"
    /// `general.session_timeout` / `-s`: seconds without a request before a session is reaped; 0 = never.
    public var sessionTimeout: Int = 60

    /// The longest `session_timeout` accepted anywhere (file, `-s`, Admin API): one year, in seconds.
    /// Larger values would overflow the microsecond arithmetic of the reaper.
    public static let sessionTimeouts: ClosedRange<Int> = 0...31_536_000
    /// `general.api_secret`: when set, every Janus API request must carry `apisecret`.
    public var apiSecret: String?
    /// `general.admin_secret`: when set, Admin API requests (but `ping`) must carry `admin_secret`.
    public var adminSecret: String?
    /// `general.debug_level` / `-d`: Janus log level 0 (none) … 7 (huge); 4 = info.
    public var debugLevel: Int = 4
    /// `events.broadcast` / `-e`: whether events are sent to event handlers at all.
    public var eventsBroadcast: Bool = false
    /// `events.stats_period`: seconds between media stats events (used by the media path); 0 = none.
    public var statsPeriod: Int = 5
    /// `events.disable`: event handlers not to load, as Janus's library file names
    /// (`libjanus_sampleevh.so`) or package names; `"*"` disables all. See `isEventHandlerDisabled(_:)`.
    public var disabledEventHandlers: [String] = []
    /// `plugins.disable`: plugins not to load, as Janus's library file names
    /// (`libjanus_echotest.so`) or package names; `"*"` disables all. See `isPluginDisabled(_:)`.
    public var disabledPlugins: [String] = []
    /// `nat.ice_enforce_list`: interface names or address prefixes ICE may use (comma list).
    public var iceEnforceList: [String] = []
    /// `nat.ice_ignore_list`: interface names or address prefixes ICE must not use (comma list).
    public var iceIgnoreList: [String] = []

    /// `nat.ice_lite`: answer as an ICE-lite agent (RFC 8445 §2.5) instead of full ICE.
    public var iceLite: Bool = false
    /// `nat.full_trickle`: trickle every local candidate to the client instead of putting them in the
    /// answer (Janus's default is half-trickle: candidates in the answer).
    public var fullTrickle: Bool = false
    /// `media.ipv6`: gather IPv6 candidates too.
    public var ipv6: Bool = false
    /// `media.rtp_port_range`: `min-max` UDP ports for ICE candidates; nil = any.
    public var rtpPortRange: ClosedRange<UInt16>?
    /// `media.slowlink_threshold`: lost (or NACKed) packets per second on an m-line above which a
    /// `slowlink` is reported; 0 = never (Janus's default).
    public var slowLinkThreshold: Int = 0
    /// `media.srtp_profiles` (SwiftGate's own option; Janus has none): the DTLS-SRTP protection
    /// profiles we offer or accept in `use_srtp`, most preferred first (RFC 5764 §4.1.2, RFC 7714 §14.2).
    /// Written as short names (`gcm256`, `gcm128`, `cm80`) or OpenSSL's names (`SRTP_AEAD_AES_256_GCM`).
    /// Default: AES-256-GCM, AES-128-GCM, AES-CM-128-HMAC-SHA1-80.
    public var srtpProfiles: [SRTPProfile] = SRTPProfile.preferenceOrder
    /// `general.event_loops`: media loop threads; 0 = one per core (Janus's static loops).
    public var eventLoops: Int = 0
    /// `certificates.cert_pem` / `cert_key` / `cert_pwd`: our DTLS certificate and key (PEM files);
    /// nil = an ECDSA P-256 certificate generated at start.
    public var certificatePEM: String?
    /// The key file matching `certificatePEM`.
    public var certificateKeyPEM: String?
    /// The key file's passphrase, if encrypted.
    public var certificatePassphrase: String?

    /// Janus's defaults (as if `janus.jcfg` were empty).
    public init() {}
}

extension GatewaySettings {
    /// Janus's `debug_level` range: 0 (nothing) … 7 (everything).
    public static let debugLevels = 0...7

    /// Decodes the options SwiftGate implements from a parsed `janus.jcfg`; absent options keep
    /// their defaults. Values may be written as Janus allows (`60` or `"60"`, `true` or `"yes"`).
    ///
    /// Read: `general.server_name`, `session_timeout`, `api_secret`, `admin_secret`,
    /// `debug_level`; `events.broadcast`, `stats_period`, `disable`; `plugins.disable`;
    /// `nat.ice_enforce_list`, `ice_ignore_list`, `ice_lite`, `full_trickle`; `media.ipv6`,
    /// `rtp_port_range`, `slowlink_threshold`, `srtp_profiles`; `certificates.*`. Everything else
    /// stays unused in the file
    /// (see `JcfgFile.unusedOptions()`).
    /// - Throws: `ConfigError` `.invalidValue` (file, line, option) for a value of the wrong kind,
    ///   a negative `session_timeout` or `stats_period`, or a `debug_level` outside 0…7.
    /// - SeeAlso: Janus's `janus.jcfg` sample, groups `general`, `events`, `plugins`, `nat`.
    public init(janusConfig file: JcfgFile) throws(ConfigError) {
        self.init()
        if let general = try file.group("general") { try readGeneral(general) }
        if let events = try file.group("events") {
            if let broadcast = try events.bool("broadcast") { eventsBroadcast = broadcast }
            if let period = try events.int("stats_period") {
                guard period >= 0 else { throw events.invalidValue("stats_period", "should be 0 or more seconds, not \(period)") }
                statsPeriod = period
            }
            if let list = try events.stringList("disable") { disabledEventHandlers = list }
        }
        if let list = try file.group("plugins")?.stringList("disable") { disabledPlugins = list }
        if let nat = try file.group("nat") {
            if let list = try nat.stringList("ice_enforce_list") { iceEnforceList = list }
            if let list = try nat.stringList("ice_ignore_list") { iceIgnoreList = list }
            if let lite = try nat.bool("ice_lite") { iceLite = lite }
            if let trickle = try nat.bool("full_trickle") { fullTrickle = trickle }
        }
        if let media = try file.group("media") { try readMedia(media) }
        if let certificates = try file.group("certificates") {
            certificatePEM = certificates.string("cert_pem")
            certificateKeyPEM = certificates.string("cert_key")
            certificatePassphrase = certificates.string("cert_pwd")
            if (certificatePEM == nil) != (certificateKeyPEM == nil) {
                throw certificates.invalidValue("cert_pem", "cert_pem and cert_key go together: give both or neither")
            }
        }
    }

    private mutating func readMedia(_ media: JcfgGroup) throws(ConfigError) {
        if let value = try media.bool("ipv6") { ipv6 = value }
        if let threshold = try media.int("slowlink_threshold") {
            guard threshold >= 0 else { throw media.invalidValue("slowlink_threshold", "should be 0 (off) or more packets per second, not \(threshold)") }
            slowLinkThreshold = threshold
        }
        if let range = media.string("rtp_port_range") {
            let parts = range.split(separator: "-").map { UInt16($0.trimmingCharacters(in: .whitespaces)) }
            guard parts.count == 2, let low = parts[0], let high = parts[1], low > 0, low <= high else {
                throw media.invalidValue("rtp_port_range", "should be min-max UDP ports, e.g. 20000-40000, not \(range)")
            }
            rtpPortRange = low...high
        }
        if let names = try media.stringList("srtp_profiles") { srtpProfiles = try Self.srtpProfiles(names, in: media) }
    }

    /// Reads `srtp_profiles`: every name known, none twice, at least one.
    private static func srtpProfiles(_ names: [String], in media: JcfgGroup) throws(ConfigError) -> [SRTPProfile] {
        var profiles: [SRTPProfile] = []
        for name in names {
            guard let profile = SRTPProfile(shortName: name) ?? SRTPProfile(dtlsName: name) else {
                let known = SRTPProfile.preferenceOrder.map(\.shortName).joined(separator: ", ")
                throw media.invalidValue("srtp_profiles", "\(name) is not a supported SRTP profile (\(known))")
            }
            guard !profiles.contains(profile) else {
                throw media.invalidValue("srtp_profiles", "\(name) is listed twice")
            }
            profiles.append(profile)
        }
        guard !profiles.isEmpty else {
            throw media.invalidValue("srtp_profiles", "should name at least one SRTP profile, e.g. \"gcm256, gcm128, cm80\"")
        }
        return profiles
    }

    private mutating func readGeneral(_ general: JcfgGroup) throws(ConfigError) {
        if let name = general.string("server_name"), !name.isEmpty { serverName = name }
        if let timeout = try general.int("session_timeout") {
            guard Self.sessionTimeouts.contains(timeout) else {
                throw general.invalidValue(
                    "session_timeout", "should be 0 (never) to \(Self.sessionTimeouts.upperBound) seconds, not \(timeout)")
            }
            sessionTimeout = timeout
        }
        if let secret = general.string("api_secret"), !secret.isEmpty { apiSecret = secret }
        if let secret = general.string("admin_secret"), !secret.isEmpty { adminSecret = secret }
        if let loops = try general.int("event_loops") {
            guard (0...64).contains(loops) else { throw general.invalidValue("event_loops", "should be 0 (one per core) to 64, not \(loops)") }
            eventLoops = loops
        }
        if let level = try general.int("debug_level") {
            guard Self.debugLevels.contains(level) else {
                throw general.invalidValue("debug_level", "should be 0...7, not \(level)")
            }
            debugLevel = level
        }
    }

    /// Whether `plugins.disable` names the plugin with this package (`janus.plugin.echotest`),
    /// either by package, by Janus's library file name (`libjanus_echotest.so`) or with `"*"`.
    public func isPluginDisabled(_ package: String) -> Bool {
        Self.listNames(disabledPlugins, package: package, prefix: "janus.plugin.")
    }

    /// Whether `events.disable` names the event handler with this package
    /// (`janus.eventhandler.sampleevh`), by package, library file name (`libjanus_sampleevh.so`) or `"*"`.
    public func isEventHandlerDisabled(_ package: String) -> Bool {
        Self.listNames(disabledEventHandlers, package: package, prefix: "janus.eventhandler.")
    }

    private static func listNames(_ list: [String], package: String, prefix: String) -> Bool {
        let shortName = package.hasPrefix(prefix) ? String(package.dropFirst(prefix.count)) : package
        let libraryName = "libjanus_\(shortName).so"
        return list.contains { $0 == "*" || $0 == package || $0 == libraryName }
    }
}

/// Command-line values that override `janus.jcfg` (Janus's switches; `nil` = not given).
///
/// The executable's argument parser fills this in; the override rules live here so that they
/// are tested with the rest of the configuration.
public struct GatewaySettingsOverrides: Sendable, Equatable {
    /// `-e/--event-handlers`: when `true`, turns `events.broadcast` on (never turns it off).
    public var enableEventHandlers: Bool = false
    /// `-d/--debug-level`: 0…7.
    public var debugLevel: Int?
    /// `-s/--session-timeout`: seconds, 0 = never.
    public var sessionTimeout: Int?
    /// `-n/--server-name`.
    public var serverName: String?
    /// `-E/--ice-enforce-list`: comma-separated interfaces or address prefixes.
    public var iceEnforceList: String?
    /// `-X/--ice-ignore-list`: comma-separated interfaces or address prefixes.
    public var iceIgnoreList: String?
    /// `-a/--apisecret`.
    public var apiSecret: String?

    /// No switch given.
    public init() {}

    /// Replaces every setting given on the command line; leaves the others as the file set them.
    public func apply(to settings: inout GatewaySettings) {
        if enableEventHandlers { settings.eventsBroadcast = true }
        if let debugLevel { settings.debugLevel = debugLevel }
        if let sessionTimeout { settings.sessionTimeout = sessionTimeout }
        if let serverName, !serverName.isEmpty { settings.serverName = serverName }
        if let iceEnforceList { settings.iceEnforceList = Self.commaList(iceEnforceList) }
        if let iceIgnoreList { settings.iceIgnoreList = Self.commaList(iceIgnoreList) }
        if let apiSecret { settings.apiSecret = apiSecret.isEmpty ? nil : apiSecret }
    }

    /// `"eth0, lo,,"` → `["eth0", "lo"]`: split on commas, trimmed, empty items dropped.
    static func commaList(_ text: String) -> [String] {
        text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
