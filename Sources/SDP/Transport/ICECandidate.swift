/// An ICE candidate, as carried by `a=candidate` in SDP and by trickle messages.
///
/// Wire: `candidate:<foundation> <component> <transport> <priority> <address> <port> typ <type>
/// [raddr <address>] [rport <port>] *(<extension name> <extension value>)`, e.g.
/// `candidate:1 1 udp 2015363327 127.0.0.1 20446 typ host` or
/// `candidate:2576590389 1 tcp 1518288127 ::1 9 typ host tcptype active generation 0`.
/// - Units: `priority` is the RFC 8445 §5.1.2 32-bit priority; ports are UDP/TCP port numbers.
/// - SeeAlso: RFC 8839 §5.1; RFC 6544 §4.5 (`tcptype`).
public struct ICECandidate: Hashable, Sendable, CustomStringConvertible {
    /// Candidate type (`typ`).
    public enum Kind: Hashable, Sendable {
        /// `host`.
        case host
        /// `srflx`, server reflexive.
        case serverReflexive
        /// `prflx`, peer reflexive.
        case peerReflexive
        /// `relay`.
        case relay
        /// Any other token, verbatim.
        case other(String)

        init(_ token: Substring) {
            switch token {
            case "host": self = .host
            case "srflx": self = .serverReflexive
            case "prflx": self = .peerReflexive
            case "relay": self = .relay
            default: self = .other(String(token))
            }
        }

        /// The wire token.
        public var token: String {
            switch self {
            case .host: "host"
            case .serverReflexive: "srflx"
            case .peerReflexive: "prflx"
            case .relay: "relay"
            case .other(let token): token
            }
        }
    }

    /// Foundation: 1 to 32 `ice-char`s (ALPHA, DIGIT, `+`, `/`).
    public var foundation: String
    /// Component id, 1...256 (1 is RTP, 2 is RTCP).
    public var component: UInt16
    /// Transport as written (`udp`, `UDP`, `tcp`); compare case-insensitively.
    public var transport: String
    /// Candidate priority.
    public var priority: UInt32
    /// Connection address: IPv4, IPv6 or an FQDN (e.g. an mDNS `.local` name), verbatim.
    public var address: String
    /// Port.
    public var port: UInt16
    /// Candidate type.
    public var kind: Kind
    /// `raddr`, the related address, if present.
    public var relatedAddress: String?
    /// `rport`, the related port, if present.
    public var relatedPort: UInt16?
    /// Extension attributes after the related address and port, in order (e.g. `generation 0`).
    public var extensions: [Extension]

    /// One `<name> <value>` extension pair.
    public struct Extension: Hashable, Sendable {
        /// Extension name, e.g. `generation`, `tcptype`, `ufrag`, `network-id`.
        public var name: String
        /// Extension value, verbatim.
        public var value: String

        /// Creates an extension pair.
        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    /// Creates a candidate from its fields.
    public init(
        foundation: String, component: UInt16, transport: String, priority: UInt32, address: String,
        port: UInt16, kind: Kind, relatedAddress: String? = nil, relatedPort: UInt16? = nil,
        extensions: [Extension] = []
    ) {
        self.foundation = foundation
        self.component = component
        self.transport = transport
        self.priority = priority
        self.address = address
        self.port = port
        self.kind = kind
        self.relatedAddress = relatedAddress
        self.relatedPort = relatedPort
        self.extensions = extensions
    }

    /// Parses a candidate: the attribute value, optionally prefixed by `a=` and/or `candidate:`
    /// (trickle messages carry `candidate:...`).
    /// - Throws: `SDPParseError` `.badCandidate(<part>)` naming the first field that is wrong.
    public init(parsing text: some StringProtocol) throws(SDPParseError) {
        var body = Substring(text)
        if body.hasPrefix("a=") { body = body.dropFirst(2) }
        if body.hasPrefix("candidate:") { body = body.dropFirst(10) }
        let f = Tokens.fields(body)
        func fail(_ part: String) -> SDPParseError { SDPParseError(.badCandidate(part), text: text) }
        guard f.count >= 8 else { throw fail("fewer than 8 fields") }
        guard Self.isFoundation(f[0]) else { throw fail("foundation") }
        guard let component = Tokens.decimal(f[1], as: UInt16.self), (1...256).contains(component) else {
            throw fail("component")
        }
        guard Tokens.isWord(f[2]) else { throw fail("transport") }
        guard let priority = Tokens.decimal(f[3], as: UInt32.self) else { throw fail("priority") }
        guard Tokens.isWord(f[4]) else { throw fail("address") }
        guard let port = Tokens.decimal(f[5], as: UInt16.self) else { throw fail("port") }
        guard f[6] == "typ", Tokens.isWord(f[7]) else { throw fail("typ") }
        self.init(
            foundation: String(f[0]), component: component, transport: String(f[2]), priority: priority,
            address: String(f[4]), port: port, kind: Kind(f[7]))
        try parseTail(f[8...], fail: fail)
    }

    private mutating func parseTail(
        _ tail: ArraySlice<Substring>, fail: (String) -> SDPParseError
    ) throws(SDPParseError) {
        var rest = tail
        guard rest.count % 2 == 0 else { throw fail("extension without a value") }
        if rest.first == "raddr" {
            guard Tokens.isWord(rest[rest.startIndex + 1]) else { throw fail("raddr") }
            relatedAddress = String(rest[rest.startIndex + 1])
            rest = rest.dropFirst(2)
        }
        if rest.first == "rport" {
            guard let p = Tokens.decimal(rest[rest.startIndex + 1], as: UInt16.self) else { throw fail("rport") }
            relatedPort = p
            rest = rest.dropFirst(2)
        }
        while let name = rest.first {
            let value = rest[rest.startIndex + 1]
            guard Tokens.isWord(name), Tokens.isWord(value) else { throw fail("extension") }
            extensions.append(Extension(name: String(name), value: String(value)))
            rest = rest.dropFirst(2)
        }
    }

    private static func isFoundation(_ text: Substring) -> Bool {
        (1...32).contains(text.utf8.count) && text.utf8.allSatisfy { c in
            (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == 0x2B || c == 0x2F
        }
    }

    /// The value of extension `name`, if present (first match).
    public func extensionValue(_ name: String) -> String? {
        extensions.first { $0.name == name }?.value
    }

    /// `generation` extension (a legacy Chrome counter of ICE restarts), if present and numeric.
    public var generation: UInt32? { extensionValue("generation").flatMap { Tokens.decimal($0, as: UInt32.self) } }

    /// `tcptype` extension (`active`, `passive`, `so`) for TCP candidates (RFC 6544 §4.5).
    public var tcpType: String? { extensionValue("tcptype") }

    /// The attribute value, without `candidate:`.
    public var attributeValue: String {
        var s = "\(foundation) \(component) \(transport) \(priority) \(address) \(port) typ \(kind.token)"
        if let relatedAddress { s += " raddr \(relatedAddress)" }
        if let relatedPort { s += " rport \(relatedPort)" }
        for e in extensions { s += " \(e.name) \(e.value)" }
        return s
    }

    /// The JSEP candidate string `candidate:<value>`, as used in trickle messages.
    public var description: String { "candidate:" + attributeValue }
}
