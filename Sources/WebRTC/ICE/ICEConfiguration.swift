/// ICE settings, named after the `nat` section of Janus's janus.jcfg.
///
/// - `ice_enforce_list` / `ice_ignore_list`: comma-separated interface names or address prefixes
///   ("lo", "eth0", "192.168."); see `localAddresses(from:)` for how they apply.
/// - `ice_lite`, `ipv6`, `rtp_port_range` ("min-max"), `ice_nomination` ("regular"/"aggressive"),
///   `ice_keepalive_conncheck`, `ice_consent_freshness`.
/// - SeeAlso: RFC 8445 (ICE, lite §2.5), RFC 7675 (consent freshness), Janus janus.jcfg `nat`.
public struct ICEConfiguration: Sendable, Hashable {
    /// How the controlling agent nominates a pair (Janus `ice_nomination`).
    public enum Nomination: Sendable, Hashable {
        /// Check first, then nominate the best valid pair with a second check (RFC 8445 §8.1.1).
        case regular
        /// USE-CANDIDATE on every check (RFC 5245 §8.1.1.2, removed from RFC 8445); faster.
        case aggressive
    }

    /// Interface names or address prefixes to gather on exclusively (Janus `ice_enforce_list`).
    /// Loopback is used only when it is listed here (e.g. "lo" or "127.0.0.1").
    public var enforceList: [String]
    /// Interface names or address prefixes never to gather on (Janus `ice_ignore_list`, default
    /// "vmnet"); not consulted when `enforceList` is non-empty (the enforce list takes precedence).
    public var ignoreList: [String]
    /// ICE lite (RFC 8445 §2.5): host candidates only, never controlling (Janus `ice_lite`).
    public var liteMode: Bool
    /// Gather on IPv6 addresses too (Janus `ipv6`); link-local (fe80::/10) addresses are skipped.
    public var ipv6: Bool
    /// Local UDP ports to bind, inclusive (Janus `rtp_port_range`); `nil` lets the kernel choose.
    public var portRange: ClosedRange<UInt16>?
    /// Nomination mode when controlling (Janus `ice_nomination`, default regular).
    public var nomination: Nomination
    /// Keepalives as STUN binding requests (checks) rather than indications (libnice
    /// `keepalive-conncheck`, Janus `ice_keepalive_conncheck`).
    public var keepaliveConnectivityChecks: Bool
    /// RFC 7675 consent freshness: revoke a pair when the peer stops answering (libnice 0.1.19+).
    public var consentFreshness: Bool
    /// First STUN retransmission timeout in milliseconds (libnice `stun-initial-timeout`,
    /// default 200); `nil` keeps libnice's default. Lower values make a dead pair fail sooner.
    public var stunInitialTimeoutMilliseconds: UInt32?
    /// STUN retransmissions before a check fails (libnice `stun-max-retransmissions`, default 7);
    /// `nil` keeps libnice's default.
    public var stunMaxRetransmissions: UInt32?
    /// How long libnice waits, in milliseconds, after the last check before it declares a
    /// component with no valid pair failed (libnice `idle-timeout`, default 5000); `nil` keeps it.
    public var failureIdleTimeoutMilliseconds: UInt32?

    /// Creates a configuration; the defaults are Janus's (ignore "vmnet", full ICE, IPv4 only,
    /// any port, regular nomination) plus keepalive checks and consent freshness on.
    public init(
        enforceList: [String] = [], ignoreList: [String] = ["vmnet"], liteMode: Bool = false,
        ipv6: Bool = false, portRange: ClosedRange<UInt16>? = nil, nomination: Nomination = .regular,
        keepaliveConnectivityChecks: Bool = true, consentFreshness: Bool = true,
        stunInitialTimeoutMilliseconds: UInt32? = nil, stunMaxRetransmissions: UInt32? = nil,
        failureIdleTimeoutMilliseconds: UInt32? = nil
    ) {
        self.enforceList = enforceList
        self.ignoreList = ignoreList
        self.liteMode = liteMode
        self.ipv6 = ipv6
        self.portRange = portRange
        self.nomination = nomination
        self.keepaliveConnectivityChecks = keepaliveConnectivityChecks
        self.consentFreshness = consentFreshness
        self.stunInitialTimeoutMilliseconds = stunInitialTimeoutMilliseconds
        self.stunMaxRetransmissions = stunMaxRetransmissions
        self.failureIdleTimeoutMilliseconds = failureIdleTimeoutMilliseconds
    }

    /// ICE on the loopback interface only (127.0.0.1), IPv4, full ICE, no STUN: what tests,
    /// benchmarks and the load generator use, so nothing is ever sent off the machine.
    public static let loopbackOnly = ICEConfiguration(enforceList: ["lo"], ignoreList: [])

    /// Splits a Janus list setting ("lo, eth0,192.168.") into its trimmed, non-empty entries.
    public static func parseList(_ text: String) -> [String] {
        text.split(separator: ",").map { $0.trimmingASCIIWhitespace() }.filter { !$0.isEmpty }
    }

    /// Parses Janus `rtp_port_range` ("20000-40000"); "0-0" means any port (`nil`).
    /// - Throws: `ICEError.invalidConfiguration` unless it is `min-max` with 1 <= min <= max <= 65535
    ///   (or "0-0").
    public static func parsePortRange(_ text: String) throws(ICEError) -> ClosedRange<UInt16>? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false).map { $0.trimmingASCIIWhitespace() }
        guard parts.count == 2, let low = UInt16(parts[0]), let high = UInt16(parts[1]),
              (low == 0 && high == 0) || (low >= 1 && low <= high) else {
            throw ICEError(.invalidConfiguration, "rtp_port_range must be min-max, got \"\(text)\"")
        }
        return low == 0 ? nil : low...high
    }
}

extension Substring {
    /// The text without leading and trailing whitespace (spaces, tabs, CR, LF, CRLF).
    func trimmingASCIIWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0.isWhitespace }  // "\r\n" is one Character
        return String(drop(while: isSpace).reversed().drop(while: isSpace).reversed())
    }
}
