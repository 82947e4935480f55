import Foundation

/// A bounded first-in first-out queue for many producers and one consumer thread.
///
/// `push` never blocks: when the queue holds `capacity` elements it refuses the element and
/// returns `false`, so the caller can count the loss. `pop` blocks the consumer until an element
/// arrives, the deadline passes or the queue is closed. Used for the event dispatcher's queue
/// and for each event handler's own queue.
///
/// - Important: call `pop`/`popBatch` from one consumer thread only, never from Swift
///   concurrency's cooperative pool (it blocks).
public final class BoundedQueue<Element: Sendable>: @unchecked Sendable {
    // @unchecked Sendable: every stored var is read and written only with `condition` locked.
    private let condition = NSCondition()
    private var ring: [Element?]
    private var head = 0
    private var count = 0
    private var waiting = 0
    /// A wake-up was signalled and the consumer has not run since: further pushes need not signal
    /// (there is one consumer), which saves a futex call per element while the consumer wakes up.
    private var wakePending = false
    private var closed = false

    /// The most elements the queue holds at once.
    public let capacity: Int

    /// - Parameter capacity: the most elements held at once; at least 1.
    public init(capacity: Int) {
        precondition(capacity > 0, "a queue needs room for one element")
        self.capacity = capacity
        self.ring = Array(repeating: nil, count: capacity)
    }

    /// Appends `element` unless the queue is full or closed.
    /// - Returns: `false` when the element was refused (full or closed); the caller counts it.
    @discardableResult
    public func push(_ element: Element) -> Bool {
        condition.lock()
        guard !closed, count < capacity else {
            condition.unlock()
            return false
        }
        ring[(head + count) % capacity] = element
        count += 1
        let wake = waiting > 0 && !wakePending
        if wake { wakePending = true }
        condition.unlock()
        if wake { condition.signal() }
        return true
    }

    /// Takes the oldest element, waiting until `deadline` for one.
    /// - Returns: `nil` when the deadline passed or the queue is closed and empty.
    public func pop(until deadline: Date = .distantFuture) -> Element? {
        condition.lock()
        defer { condition.unlock() }
        guard waitForElement(until: deadline) else { return nil }
        return takeLocked()
    }

    /// Takes the oldest element (waiting until `deadline` for one), then up to `limit - 1` more
    /// that are already queued, without waiting for them.
    /// - Returns: an empty array when the deadline passed or the queue is closed and empty.
    public func popBatch(limit: Int, until deadline: Date = .distantFuture) -> [Element] {
        condition.lock()
        defer { condition.unlock() }
        guard waitForElement(until: deadline) else { return [] }
        var batch: [Element] = []
        batch.reserveCapacity(min(limit, count))
        while batch.count < limit, count > 0 { batch.append(takeLocked()) }
        return batch
    }

    /// Moves the oldest element (waiting until `deadline` for one), then up to `limit - 1` more that
    /// are already queued, to the end of `batch`, under one lock acquisition. Reusing `batch`
    /// (`removeAll(keepingCapacity: true)`) avoids allocating per batch.
    /// - Returns: `false` once the queue is closed and holds nothing more (the consumer can stop);
    ///   `true` otherwise, including when the deadline passed with nothing queued.
    public func popBatch(into batch: inout [Element], limit: Int, until deadline: Date = .distantFuture) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        if waitForElement(until: deadline) {
            var taken = 0
            while taken < limit, count > 0 {
                batch.append(takeLocked())
                taken += 1
            }
        }
        return !(closed && count == 0)
    }

    /// Elements queued now.
    public var currentCount: Int {
        condition.lock()
        defer { condition.unlock() }
        return count
    }

    /// Refuses further pushes and wakes the consumer; elements already queued can still be popped.
    public func close() {
        condition.lock()
        closed = true
        condition.unlock()
        condition.broadcast()
    }

    /// Whether `close()` was called.
    public var isClosed: Bool {
        condition.lock()
        defer { condition.unlock() }
        return closed
    }

    private func waitForElement(until deadline: Date) -> Bool {
        while count == 0 {
            if closed { return false }
            // NSCondition.wait(until: .distantFuture) traps on Linux (swift-corelibs-foundation
            // overflows the timespec), so far deadlines are waited for an hour at a time.
            let step = min(deadline, Date(timeIntervalSinceNow: 3600))
            waiting += 1
            let signalled = condition.wait(until: step)
            waiting -= 1
            wakePending = false
            if !signalled, step == deadline { return count > 0 }
        }
        return true
    }

    private func takeLocked() -> Element {
        // Only called with count > 0, so the slot holds an element.
        guard let element = ring[head] else { preconditionFailure("occupied slot was empty") }
        ring[head] = nil
        head = (head + 1) % capacity
        count -= 1
        return element
    }
}
