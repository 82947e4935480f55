import Foundation
import GatewayCore
import Synchronization
import Testing

@Suite("BoundedQueue")
struct BoundedQueueTests {
    @Test("push refuses the element beyond capacity and after close; queued elements still pop in order")
    func capacityAndClose() {
        let queue = BoundedQueue<Int>(capacity: 3)
        #expect([1, 2, 3, 4].map { queue.push($0) } == [true, true, true, false])
        queue.close()
        #expect(!queue.push(5))
        #expect(queue.pop(until: .distantPast) == 1)
        #expect(queue.popBatch(limit: 10, until: .distantPast) == [2, 3])
        #expect(queue.pop(until: .distantFuture) == nil, "closed and empty returns at once")
    }

    @Test("popBatch(into:) appends at most limit elements and returns false once closed and drained")
    func popBatchInto() {
        let queue = BoundedQueue<Int>(capacity: 10)
        for value in 0..<5 { queue.push(value) }
        var batch: [Int] = [-1]
        #expect(queue.popBatch(into: &batch, limit: 3, until: .distantPast))
        #expect(batch == [-1, 0, 1, 2])
        queue.close()
        batch.removeAll()
        #expect(!queue.popBatch(into: &batch, limit: 3, until: .distantPast), "last elements taken: drained")
        #expect(batch == [3, 4])
        batch.removeAll()
        #expect(!queue.popBatch(into: &batch, limit: 3, until: .distantFuture))
        #expect(batch.isEmpty)
    }

    @Test("popBatch(into:) returns true with nothing when the deadline passes on an open queue")
    func popBatchDeadline() {
        let queue = BoundedQueue<Int>(capacity: 2)
        var batch: [Int] = []
        #expect(queue.popBatch(into: &batch, limit: 4, until: Date(timeIntervalSinceNow: 0.01)))
        #expect(batch.isEmpty)
    }

    @Test("a waiting consumer gets every element pushed from other threads (coalesced wake-ups lose nothing)")
    func waitingConsumerGetsEverything() async {
        let queue = BoundedQueue<Int>(capacity: 64)
        let total = 50_000
        let consumed = ConsumedValues()
        let consumerDone = DispatchSemaphore(value: 0)
        Thread {
            var batch: [Int] = []
            while queue.popBatch(into: &batch, limit: 16, until: Date(timeIntervalSinceNow: 30)) {
                consumed.append(batch)
                batch.removeAll(keepingCapacity: true)
            }
            consumed.append(batch)
            consumerDone.signal()
        }.start()
        // Producer: retry refused pushes (the queue is tiny), yielding so the consumer can run.
        Thread {
            var value = 0
            var attempts = 0
            while value < total, attempts < 100_000_000 {
                attempts += 1
                if queue.push(value) { value += 1 } else { sched_yield() }
            }
            queue.close()
        }.start()
        #expect(await eventually(timeout: .seconds(30)) { consumerDone.wait(timeout: .now()) == .success })
        #expect(consumed.values == Array(0..<total))
    }
}

/// Values a consumer thread took, readable from the test.
private final class ConsumedValues: Sendable {
    private let storage = Mutex<[Int]>([])
    func append(_ batch: [Int]) { storage.withLock { $0.append(contentsOf: batch) } }
    var values: [Int] { storage.withLock { $0 } }
}

@Test func popWithTheDefaultDeadlineWaitsForAPushInsteadOfTrapping() async throws {
    let queue = BoundedQueue<Int>(capacity: 4)
    let popped = await withCheckedContinuation { (continuation: CheckedContinuation<Int?, Never>) in
        Thread { continuation.resume(returning: queue.pop()) }.start()
        Thread {
            Thread.sleep(forTimeInterval: 0.2)
            queue.push(7)
        }.start()
    }
    #expect(popped == 7)
}
