/// The core settings the gateway runs with, decoded from `janus.jcfg` and the command line
/// (command-line switches win). Option names in the comments are Janus's.
public struct GatewaySettings: Sendable, Equatable {
    /// `general.server_name`: the `emitter` of events and `server-name` in `info`.
    public var serverName: String = "SwiftGate"
    /// `general.session_timeout` / `-s`: seconds without a request before a session is reaped; 0 = never.
    public var sessionTimeout: Int = 60
    /// `general.api_secret`: when set, every Janus API request must carry `apisecret`.
    public var apiSecret: String?
    /// `general.admin_secret`: when set, Admin API requests (but `ping`) must carry `admin_secret`.
    public var adminSecret: String?
    /// `general.debug_level` / `-d`: Janus log level 0 (none) … 7 (huge); 4 = info.
    public var debugLevel: Int = 4
    /// `events.broadcast` / `-e`: whether events are sent to event handlers at all.
    public var eventsBroadcast: Bool = false
    /// `events.stats_period`: seconds between media stats events (used by the media path).
    public var statsPeriod: Int = 5
    /// `events.disable`: event handler packages not to load (comma list or "*").
    public var disabledEventHandlers: [String] = []
    /// `plugins.disable`: plugin packages not to load (comma list or "*").
    public var disabledPlugins: [String] = []
    /// `nat.ice_enforce_list`: interface names or address prefixes ICE may use (comma list).
    public var iceEnforceList: [String] = []
    /// `nat.ice_ignore_list`: interface names or address prefixes ICE must not use (comma list).
    public var iceIgnoreList: [String] = []

    public init() {}
}
