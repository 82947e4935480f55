import Synchronization

/// Counts of bad requests per Janus error code, split by API, plus messages lost to full
/// session queues. Reported by Admin `get_status` (`api_errors`).
///
/// Thread-safe; each update takes one short lock that nothing else shares.
public final class APIErrorCounters: Sendable {
    /// A copy of the counters at one moment.
    public struct Snapshot: Sendable, Equatable {
        /// Janus API error replies per code.
        public var janus: [Int: Int] = [:]
        /// Admin API error replies per code.
        public var admin: [Int: Int] = [:]
        /// Client messages refused because a session's outgoing queue was full.
        public var queueOverflows: Int = 0

        /// `{"janus":{"454":1,…},"admin":{…},"queue_overflows":N}`.
        public var json: JSONValue {
            func codes(_ map: [Int: Int]) -> JSONValue {
                .object(Dictionary(uniqueKeysWithValues: map.map { (String($0.key), .int(Int64($0.value))) }))
            }
            return ["janus": codes(janus), "admin": codes(admin), "queue_overflows": .int(Int64(queueOverflows))]
        }
    }

    private let state = Mutex(Snapshot())

    /// All counters at zero.
    public init() {}

    /// Counts one Janus API error reply with `code`.
    public func recordJanus(_ code: Int) { state.withLock { $0.janus[code, default: 0] += 1 } }

    /// Counts one Admin API error reply with `code`.
    public func recordAdmin(_ code: Int) { state.withLock { $0.admin[code, default: 0] += 1 } }

    /// Counts one message refused by a full session queue.
    public func recordQueueOverflow() { state.withLock { $0.queueOverflows += 1 } }

    /// The counters now.
    public var snapshot: Snapshot { state.withLock { $0 } }
}
