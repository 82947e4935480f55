/// A Janus session id: random, non-zero, below 2^53 so JavaScript numbers hold it exactly.
public typealias SessionID = UInt64
/// A Janus handle id: random, non-zero, below 2^53, unique across the gateway.
public typealias HandleID = UInt64

/// Random ids for sessions and handles.
public enum JanusIdentifier {
    /// Largest id we hand out: 2^53 - 1 (`Number.MAX_SAFE_INTEGER` in JavaScript).
    public static let maxSafe: UInt64 = (1 << 53) - 1

    /// A random id in 1...2^53-1 from the system's CSPRNG.
    public static func random() -> UInt64 {
        var generator = SystemRandomNumberGenerator()
        return UInt64.random(in: 1...maxSafe, using: &generator)
    }
}
