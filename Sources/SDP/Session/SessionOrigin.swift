/// The `o=` line: who created the session and which version of it this is.
///
/// Wire: `o=<username> <sess-id> <sess-version> <nettype> <addrtype> <unicast-address>`, e.g.
/// `o=- 4005053012 4005053012 IN IP4 0.0.0.0`.
/// - Units: `sessionID` and `sessionVersion` are plain decimal numbers; JSEP increments the version on
///   each new description of the same session (RFC 8829 §5.2.2).
/// - SeeAlso: RFC 8866 §5.2.
public struct SessionOrigin: Hashable, Sendable {
    /// `<username>`, `-` when none.
    public var username: String
    /// `<sess-id>`, a numeric session identifier.
    public var sessionID: UInt64
    /// `<sess-version>`, bumped whenever the description changes.
    public var sessionVersion: UInt64
    /// `<nettype>`, `IN` for Internet.
    public var networkType: String
    /// `<addrtype>`, `IP4` or `IP6`.
    public var addressType: String
    /// `<unicast-address>` of the originating host, kept verbatim.
    public var unicastAddress: String

    /// Creates an origin from its six fields.
    public init(
        username: String = "-", sessionID: UInt64, sessionVersion: UInt64,
        networkType: String = "IN", addressType: String = "IP4", unicastAddress: String = "127.0.0.1"
    ) {
        self.username = username
        self.sessionID = sessionID
        self.sessionVersion = sessionVersion
        self.networkType = networkType
        self.addressType = addressType
        self.unicastAddress = unicastAddress
    }

    /// Parses the value of an `o=` line (without `o=`).
    /// - Throws: `SDPParseError` `.badOrigin` unless there are six fields with numeric id and version.
    public init(parsing value: some StringProtocol) throws(SDPParseError) {
        let f = Tokens.fields(value)
        guard f.count == 6, f.allSatisfy(Tokens.isWord),
              let id = Tokens.decimal(f[1], as: UInt64.self),
              let version = Tokens.decimal(f[2], as: UInt64.self)
        else { throw SDPParseError(.badOrigin, text: value) }
        self.init(
            username: String(f[0]), sessionID: id, sessionVersion: version,
            networkType: String(f[3]), addressType: String(f[4]), unicastAddress: String(f[5]))
    }

    /// The `o=` value (without `o=`).
    public var value: String {
        "\(username) \(sessionID) \(sessionVersion) \(networkType) \(addressType) \(unicastAddress)"
    }
}
