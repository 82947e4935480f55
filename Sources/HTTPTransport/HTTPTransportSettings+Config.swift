import GatewayCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension HTTPTransportSettings {
    /// The config file's name in the configs folder (`-F`), as Janus names it.
    public static let fileName = "janus.transport.http.jcfg"

    /// Reads `<configsFolder>/janus.transport.http.jcfg`; a missing file gives the defaults.
    /// - Throws: `ConfigError` when the file is unreadable, malformed, or an option is invalid.
    public static func load(configsFolder: String) throws(ConfigError) -> HTTPTransportSettings {
        let path = configsFolder.hasSuffix("/") ? configsFolder + fileName : configsFolder + "/" + fileName
        let file: JcfgFile
        do {
            file = try JcfgFile.load(path: path)
        } catch where error.kind == .notFound {
            return HTTPTransportSettings()
        }
        return try HTTPTransportSettings(file: file)
    }

    /// Decodes the settings from a parsed `janus.transport.http.jcfg`. Options absent from the file
    /// keep their defaults; options not read here stay unused in `file` (the gateway reports them).
    ///
    /// Reads `general`: `json`, `base_path`, `http`, `port`, `ip`, `interface`, `max_body_size`,
    /// `html_folder`, `javascript_folder` (an empty string serves nothing);
    /// `admin`: `admin_base_path`, `admin_http`, `admin_port`, `admin_ip`, `admin_interface`;
    /// `cors`: `allow_origin`. An `ip` wins over an `interface`; an interface name is resolved to its
    /// first IPv4 address.
    /// - Throws: `ConfigError` `.invalidValue` for a value of the wrong kind, a port outside 0…65535,
    ///   an unknown `json` layout, a `max_body_size` below 1, or an interface with no IPv4 address.
    public init(file: JcfgFile) throws(ConfigError) {
        self.init()
        if let general = try file.group("general") {
            if let format = general.string("json") {
                guard let parsed = JSONFormat(rawValue: format.lowercased()) else {
                    throw general.invalidValue("json", "should be indented, plain or compact, not '\(format)'")
                }
                jsonFormat = parsed
            }
            if let path = general.string("base_path") { basePath = path }
            if let enabled = try general.bool("http") { httpEnabled = enabled }
            if let value = try general.int("port") { port = try Self.port(value, general, "port") }
            if let address = try Self.bindAddress(general, ipKey: "ip", interfaceKey: "interface") {
                bindAddress = address
            }
            if let limit = try general.int("max_body_size") {
                guard limit >= 1 else { throw general.invalidValue("max_body_size", "should be at least 1 byte") }
                maxBodySize = limit
            }
            if let folder = general.string("html_folder") { htmlFolder = folder.isEmpty ? nil : folder }
            if let folder = general.string("javascript_folder") { javascriptFolder = folder.isEmpty ? nil : folder }
        }
        if let admin = try file.group("admin") {
            if let path = admin.string("admin_base_path") { adminBasePath = path }
            if let enabled = try admin.bool("admin_http") { adminHTTPEnabled = enabled }
            if let value = try admin.int("admin_port") { adminPort = try Self.port(value, admin, "admin_port") }
            if let address = try Self.bindAddress(admin, ipKey: "admin_ip", interfaceKey: "admin_interface") {
                adminBindAddress = address
            }
        }
        if let origin = try file.group("cors")?.string("allow_origin") { allowOrigin = origin }
    }

    private static func port(_ value: Int, _ group: JcfgGroup, _ key: String) throws(ConfigError) -> Int {
        guard (0...65_535).contains(value) else { throw group.invalidValue(key, "should be a TCP port 0...65535, not \(value)") }
        return value
    }

    /// `ip` if set, else the IPv4 address of `interface` if set, else `nil` (keep the default).
    private static func bindAddress(
        _ group: JcfgGroup, ipKey: String, interfaceKey: String
    ) throws(ConfigError) -> String? {
        let ip = group.string(ipKey)
        let interface = group.string(interfaceKey)  // read even when ip wins, so it is not reported unused
        if let ip { return ip }
        guard let interface else { return nil }
        guard let address = NetworkInterface.ipv4Address(of: interface) else {
            throw group.invalidValue(interfaceKey, "names no interface with an IPv4 address: '\(interface)'")
        }
        return address
    }
}

/// The host's network interfaces, read with `getifaddrs(3)`.
enum NetworkInterface {
    /// The first IPv4 address of the interface called `name` (e.g. "lo" → "127.0.0.1"), or `nil`
    /// when there is no such interface or it has no IPv4 address.
    static func ipv4Address(of name: String) -> String? {
        var list: UnsafeMutablePointer<ifaddrs>?
        guard getifaddrs(&list) == 0, let first = list else { return nil }
        defer { freeifaddrs(list) }
        for entry in sequence(first: first, next: { $0.pointee.ifa_next }) {
            let interface = entry.pointee
            guard let address = interface.ifa_addr, address.pointee.sa_family == sa_family_t(AF_INET),
                String(cString: interface.ifa_name) == name
            else { continue }
            // Safe: sa_family is AF_INET, so the sockaddr is a sockaddr_in.
            var ipv4 = address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { $0.pointee.sin_addr }
            var text = [CChar](repeating: 0, count: Int(INET_ADDRSTRLEN))
            guard inet_ntop(AF_INET, &ipv4, &text, socklen_t(INET_ADDRSTRLEN)) != nil else { continue }
            return String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
        return nil
    }
}
