import Testing
@testable import WebRTC

@Suite("ICE configuration: local addresses from janus.jcfg nat lists")
struct ICEConfigurationTests {
    static let machine = [
        LocalInterfaceAddress(interface: "lo", address: "127.0.0.1"),
        LocalInterfaceAddress(interface: "lo", address: "::1"),
        LocalInterfaceAddress(interface: "eth0", address: "192.168.1.5"),
        LocalInterfaceAddress(interface: "eth0", address: "2001:db8::5"),
        LocalInterfaceAddress(interface: "eth0", address: "fe80::1c2d:3eff:fe4f:5a6b"),
        LocalInterfaceAddress(interface: "eth1", address: "10.0.0.7"),
        LocalInterfaceAddress(interface: "vmnet8", address: "172.16.9.1"),
        LocalInterfaceAddress(interface: "docker0", address: "172.17.0.1"),
    ]

    @Test("enforce lo gives only 127.0.0.1, and ::1 too with ipv6")
    func enforceLoopback() {
        #expect(ICEConfiguration(enforceList: ["lo"]).localAddresses(from: Self.machine) == ["127.0.0.1"])
        #expect(ICEConfiguration(enforceList: ["lo"], ipv6: true).localAddresses(from: Self.machine) == ["127.0.0.1", "::1"])
        #expect(ICEConfiguration(enforceList: ["127.0.0.1"]).localAddresses(from: Self.machine) == ["127.0.0.1"])
    }

    @Test("enforce entries are prefixes of names or addresses; the ignore list is then not consulted")
    func enforcePrefixes() {
        #expect(ICEConfiguration(enforceList: ["eth"]).localAddresses(from: Self.machine) == ["192.168.1.5", "10.0.0.7"])
        #expect(ICEConfiguration(enforceList: ["192.168."]).localAddresses(from: Self.machine) == ["192.168.1.5"])
        #expect(ICEConfiguration(enforceList: ["eth0", "10."], ignoreList: ["eth"]).localAddresses(from: Self.machine)
            == ["192.168.1.5", "10.0.0.7"])
        #expect(ICEConfiguration(enforceList: ["eth0"], ipv6: true).localAddresses(from: Self.machine)
            == ["192.168.1.5", "2001:db8::5"], "link-local IPv6 is skipped")
        #expect(ICEConfiguration(enforceList: ["wlan"]).localAddresses(from: Self.machine).isEmpty)
    }

    @Test("without an enforce list: everything but loopback and ignored entries")
    func ignoreList() {
        #expect(ICEConfiguration().localAddresses(from: Self.machine) == ["192.168.1.5", "10.0.0.7", "172.17.0.1"],
                "default ignore list is vmnet")
        #expect(ICEConfiguration(ignoreList: ["vmnet", "docker", "10."]).localAddresses(from: Self.machine) == ["192.168.1.5"])
        #expect(ICEConfiguration(ignoreList: [], ipv6: true).localAddresses(from: Self.machine)
            == ["192.168.1.5", "2001:db8::5", "10.0.0.7", "172.16.9.1", "172.17.0.1"])
    }

    @Test("duplicates are dropped, order kept")
    func duplicates() {
        let list = Self.machine + [LocalInterfaceAddress(interface: "eth0:1", address: "192.168.1.5")]
        #expect(ICEConfiguration(enforceList: ["eth0"]).localAddresses(from: list) == ["192.168.1.5"])
    }

    @Test("this machine's loopback resolves to 127.0.0.1 with enforce lo")
    func realInterfaces() {
        #expect(ICEConfiguration(enforceList: ["lo"]).resolveLocalAddresses() == ["127.0.0.1"])
        #expect(LocalInterfaceAddress.current().contains(LocalInterfaceAddress(interface: "lo", address: "127.0.0.1")))
    }

    @Test("Janus list and port range settings parse")
    func parseSettings() throws {
        #expect(ICEConfiguration.parseList(" lo, eth0 ,,192.168. ") == ["lo", "eth0", "192.168."])
        #expect(ICEConfiguration.parseList("") == [])
        #expect(try ICEConfiguration.parsePortRange("20000-40000") == 20000...40000)
        #expect(try ICEConfiguration.parsePortRange(" 5000 - 5000 ") == 5000...5000)
        #expect(try ICEConfiguration.parsePortRange("0-0") == nil)
        for bad in ["", "20000", "40000-20000", "a-b", "1-70000", "0-100", "1-2-3"] {
            #expect(throws: ICEError.self) { try ICEConfiguration.parsePortRange(bad) }
        }
    }

    @Test("ICE state names are Janus's")
    func janusNames() {
        #expect(ICEState.allCases.map(\.janusName) == ["disconnected", "gathering", "connecting", "connected", "ready", "failed"])
    }
}
