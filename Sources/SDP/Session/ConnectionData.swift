/// A `c=` line: the network address media is sent to (ICE candidates supersede it in WebRTC).
///
/// Wire: `c=<nettype> <addrtype> <connection-address>`, e.g. `c=IN IP4 127.0.0.1`. The address is kept
/// verbatim (multicast `/ttl/count` suffixes included).
/// - SeeAlso: RFC 8866 §5.7.
public struct ConnectionData: Hashable, Sendable {
    /// `<nettype>`, `IN` for Internet.
    public var networkType: String
    /// `<addrtype>`, `IP4` or `IP6`.
    public var addressType: String
    /// `<connection-address>`, verbatim.
    public var address: String

    /// Creates connection data.
    public init(networkType: String = "IN", addressType: String = "IP4", address: String) {
        self.networkType = networkType
        self.addressType = addressType
        self.address = address
    }

    /// Parses the value of a `c=` line.
    /// - Throws: `SDPParseError` `.badConnection` unless it has exactly three fields.
    public init(parsing value: some StringProtocol) throws(SDPParseError) {
        let f = Tokens.fields(value)
        guard f.count == 3, f.allSatisfy(Tokens.isWord) else { throw SDPParseError(.badConnection, text: value) }
        self.init(networkType: String(f[0]), addressType: String(f[1]), address: String(f[2]))
    }

    /// The `c=` value.
    public var value: String { "\(networkType) \(addressType) \(address)" }
}
