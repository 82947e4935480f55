/// A session's bounded first-in first-out queue of messages for its client (`event`, `detached`,
/// `hangup`, `timeout`, …), drained by long polls.
///
/// Value type guarded by its session's lock. When full, a new message is refused and counted in
/// `overflowCount`; messages already queued are kept, so the client sees a gap, never a reorder.
struct OutgoingQueue: Sendable {
    /// The most messages held at once.
    let capacity: Int
    private var storage: [JSONValue] = []
    private var head = 0
    /// Messages refused because the queue was full, since the session was created.
    private(set) var overflowCount = 0

    /// - Parameter capacity: the most messages held at once; at least 1.
    init(capacity: Int) {
        precondition(capacity > 0, "a queue needs room for one message")
        self.capacity = capacity
    }

    /// Messages waiting now.
    var count: Int { storage.count - head }

    /// Whether no message is waiting.
    var isEmpty: Bool { count == 0 }

    /// Appends `message` unless the queue is full.
    /// - Returns: `false` when the message was refused (and counted in `overflowCount`).
    mutating func append(_ message: JSONValue) -> Bool {
        guard count < capacity else {
            overflowCount += 1
            return false
        }
        storage.append(message)
        return true
    }

    /// Removes and returns up to `limit` of the oldest messages, in order.
    mutating func take(upTo limit: Int) -> [JSONValue] {
        let taken = Array(storage[head..<min(storage.count, head + max(limit, 0))])
        head += taken.count
        if head == storage.count {
            storage.removeAll(keepingCapacity: true)
            head = 0
        } else if head > 256 && head * 2 > storage.count {
            storage.removeFirst(head)
            head = 0
        }
        return taken
    }

    /// Drops every waiting message (session shutdown: the client gets nothing more).
    mutating func removeAll() {
        storage.removeAll()
        head = 0
    }
}
