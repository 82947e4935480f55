import Glibc

/// One address of one local network interface, e.g. ("lo", "127.0.0.1") or ("eth0", "192.168.1.5").
public struct LocalInterfaceAddress: Sendable, Hashable {
    /// Interface name, e.g. "lo", "eth0".
    public var interface: String
    /// Numeric address text (IPv4 dotted quad or IPv6 without zone).
    public var address: String

    /// Creates an entry.
    public init(interface: String, address: String) {
        self.interface = interface
        self.address = address
    }

    /// Whether the address is IPv6.
    var isIPv6: Bool { address.contains(":") }

    /// 127.0.0.0/8 or ::1.
    var isLoopback: Bool { address.hasPrefix("127.") || address == "::1" }

    /// fe80::/10 (IPv6 link-local), which needs a scope id to be usable.
    var isLinkLocalIPv6: Bool {
        let lower = address.lowercased()
        return ["fe8", "fe9", "fea", "feb"].contains { lower.hasPrefix($0) }
    }

    /// Every IPv4 and IPv6 address of every interface that is up, as getifaddrs(3) lists them.
    public static func current() -> [LocalInterfaceAddress] {
        var head: UnsafeMutablePointer<ifaddrs>?
        guard getifaddrs(&head) == 0 else { return [] }
        defer { freeifaddrs(head) }
        var result: [LocalInterfaceAddress] = []
        var cursor = head
        while let entry = cursor {
            cursor = entry.pointee.ifa_next
            guard let name = entry.pointee.ifa_name, let socketAddress = entry.pointee.ifa_addr,
                  entry.pointee.ifa_flags & UInt32(IFF_UP) != 0,
                  let text = numericText(socketAddress) else { continue }
            result.append(LocalInterfaceAddress(interface: String(cString: name), address: text))
        }
        return result
    }

    /// The numeric text of an AF_INET / AF_INET6 socket address (inet_ntop), `nil` for other families.
    private static func numericText(_ socketAddress: UnsafeMutablePointer<sockaddr>) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN) + 1)
        let family = Int32(socketAddress.pointee.sa_family)
        let converted: UnsafePointer<CChar>? = buffer.withUnsafeMutableBufferPointer { text in
            switch family {
            case AF_INET:
                return socketAddress.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { inet in
                    withUnsafePointer(to: inet.pointee.sin_addr) {
                        inet_ntop(AF_INET, $0, text.baseAddress, socklen_t(text.count))
                    }
                }
            case AF_INET6:
                return socketAddress.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { inet6 in
                    withUnsafePointer(to: inet6.pointee.sin6_addr) {
                        inet_ntop(AF_INET6, $0, text.baseAddress, socklen_t(text.count))
                    }
                }
            default:
                return nil
            }
        }
        guard converted != nil else { return nil }
        return buffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }

    /// Whether `text` is a numeric IPv4 or IPv6 address (inet_pton accepts it), not a host name.
    static func isNumericAddress(_ text: String) -> Bool {
        var storage = in6_addr()
        return inet_pton(AF_INET, text, &storage) == 1 || inet_pton(AF_INET6, text, &storage) == 1
    }
}

extension ICEConfiguration {
    /// The local addresses to gather on, from a list of interface addresses (a pure function):
    /// - IPv6 addresses only when `ipv6`, never link-local ones;
    /// - with a non-empty `enforceList`: exactly the entries whose interface name or address starts
    ///   with an enforce-list item (loopback included when it matches, e.g. "lo");
    /// - otherwise: every non-loopback entry whose name and address match no `ignoreList` item
    ///   (libnice's own discovery skips loopback too).
    /// The result keeps the input order, without duplicates.
    /// - SeeAlso: Janus janus.jcfg `ice_enforce_list`, `ice_ignore_list` (prefix matches).
    public func localAddresses(from interfaces: [LocalInterfaceAddress]) -> [String] {
        var result: [String] = []
        for entry in interfaces where accepts(entry) && !result.contains(entry.address) {
            result.append(entry.address)
        }
        return result
    }

    /// `localAddresses(from:)` over this machine's interfaces (getifaddrs).
    public func resolveLocalAddresses() -> [String] {
        localAddresses(from: LocalInterfaceAddress.current())
    }

    private func accepts(_ entry: LocalInterfaceAddress) -> Bool {
        if entry.isIPv6 && (!ipv6 || entry.isLinkLocalIPv6) { return false }
        if !enforceList.isEmpty { return Self.matches(enforceList, entry) }
        return !entry.isLoopback && !Self.matches(ignoreList, entry)
    }

    private static func matches(_ list: [String], _ entry: LocalInterfaceAddress) -> Bool {
        list.contains { entry.interface.hasPrefix($0) || entry.address.hasPrefix($0) }
    }
}
