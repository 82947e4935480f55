/// The `t=` line: when the session is active.
///
/// Wire: `t=<start-time> <stop-time>`; WebRTC always sends `t=0 0` (unbounded).
/// - Units: NTP seconds (since 1900); 0 means unbounded.
/// - SeeAlso: RFC 8866 §5.9.
public struct SessionTiming: Hashable, Sendable {
    /// `<start-time>` in NTP seconds, 0 for "now".
    public var start: UInt64
    /// `<stop-time>` in NTP seconds, 0 for "unbounded".
    public var stop: UInt64

    /// Creates a timing; the default is the unbounded `t=0 0` that WebRTC uses.
    public init(start: UInt64 = 0, stop: UInt64 = 0) {
        self.start = start
        self.stop = stop
    }

    /// Parses the value of a `t=` line.
    /// - Throws: `SDPParseError` `.badTiming` unless it is two decimal numbers.
    public init(parsing value: some StringProtocol) throws(SDPParseError) {
        let f = Tokens.fields(value)
        guard f.count == 2, let start = Tokens.decimal(f[0], as: UInt64.self),
              let stop = Tokens.decimal(f[1], as: UInt64.self)
        else { throw SDPParseError(.badTiming, text: value) }
        self.init(start: start, stop: stop)
    }

    /// The `t=` value.
    public var value: String { "\(start) \(stop)" }
}
