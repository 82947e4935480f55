import GatewayCore

/// How the HTTP transport runs, decoded from `janus.transport.http.jcfg` with Janus's option names
/// (`HTTPTransportSettings(file:)`); the defaults are Janus's, except that both servers bind to
/// loopback unless told otherwise.
///
/// Not implemented, and so left unread (reported as unused at start): `https`, `secure_port`,
/// `secure_interface`, `secure_ip`, `admin_https`, `admin_secure_*`, `acl`, `admin_acl`, the
/// `certificates` group, `threads`, `enforce_cors`, `mhd_*`.
/// - SeeAlso: Janus docs, "janus.transport.http.jcfg" sample configuration.
public struct HTTPTransportSettings: Sendable, Equatable {
    /// `general.json`: layout of every JSON reply (`indented`, `plain`, `compact`); Janus's default
    /// is `indented`.
    public var jsonFormat: JSONFormat = .indented
    /// `general.base_path`: where the Janus API is mounted, e.g. `/janus`.
    public var basePath: String = "/janus"
    /// `general.http`: whether the Janus API server runs at all.
    public var httpEnabled: Bool = true
    /// `general.port`: TCP port of the Janus API server; 0 picks a free port (tests).
    public var port: Int = 8088
    /// `general.ip`, or the IPv4 address of `general.interface`: address the Janus API server binds to.
    public var bindAddress: String = "127.0.0.1"
    /// `general.max_body_size` (SwiftGate's own option): largest accepted POST body, in bytes.
    /// A larger body is answered `413 Content Too Large` with a Janus error (code 450) as the body.
    public var maxBodySize: Int = 1 << 20
    /// `general.html_folder` (SwiftGate's own option): a folder served at the root of the Janus API
    /// port (GET and HEAD on paths outside `base_path`; a folder answers with its `index.html`), e.g.
    /// the EchoTest demo in `html/`. `nil` (Janus's behaviour) serves no files. A relative path is
    /// relative to the working directory.
    public var htmlFolder: String?
    /// `general.javascript_folder` (SwiftGate's own option): a folder served under `/javascript/` on
    /// the Janus API port, as Debian's `javascript-common` maps `/usr/share/javascript`; there
    /// `libjs-janus-gateway` puts janus.js and `libjs-webrtc-adapter` adapter.js. `nil` serves none.
    public var javascriptFolder: String?

    /// `admin.admin_base_path`: where the Admin API is mounted, e.g. `/admin`.
    public var adminBasePath: String = "/admin"
    /// `admin.admin_http`: whether the Admin API server runs (Janus's default: no).
    public var adminHTTPEnabled: Bool = false
    /// `admin.admin_port`: TCP port of the Admin API server; 0 picks a free port (tests).
    public var adminPort: Int = 7088
    /// `admin.admin_ip`, or the IPv4 address of `admin.admin_interface`: the Admin API bind address.
    public var adminBindAddress: String = "127.0.0.1"

    /// `cors.allow_origin`: value of `Access-Control-Allow-Origin` on every response.
    public var allowOrigin: String = "*"

    /// How long a long poll waits for an event before answering `{"janus":"keepalive"}`.
    /// Janus uses 30 s and has no option for it; this is not read from the file (tests shorten it).
    public var longPollTimeout: Duration = .seconds(30)

    /// The defaults listed on each property.
    public init() {}
}
