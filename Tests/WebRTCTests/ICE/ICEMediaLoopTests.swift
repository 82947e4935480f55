import Foundation
import Synchronization
import Testing
@testable import WebRTC

@Suite("Media loops (ICE)")
struct ICEMediaLoopTests {
    @Test("invoke runs on the loop thread, in order, and never inline")
    func invokeRunsOnTheLoopInOrder() throws {
        let loop = try MediaLoop(name: "ice-test-invoke")
        defer { loop.stop() }
        #expect(!loop.isCurrentThread)
        let seen = Mutex<[Int]>([])
        let onThread = Mutex(true)
        for index in 0..<100 {
            loop.invoke {
                onThread.withLock { $0 = $0 && loop.isCurrentThread }
                seen.withLock { $0.append(index) }
            }
        }
        let nested: [String] = try onLoop(loop) {
            let order = Mutex<[String]>([])
            loop.invoke { order.withLock { $0.append("posted") } }
            order.withLock { $0.append("caller") }
            return order.withLock { $0 }
        }
        #expect(nested == ["caller"], "work posted from the loop thread runs later, not inline")
        #expect(waitUntil(seconds: 5) { seen.withLock { $0.count } == 100 })
        #expect(seen.withLock { $0 } == Array(0..<100))
        #expect(onThread.withLock { $0 })
    }

    @Test("submit returns the result; after stop it throws loopStopped")
    func submitAndStop() async throws {
        let loop = try MediaLoop(name: "ice-test-submit")
        let onLoopThread = try await loop.submit { loop.isCurrentThread }
        #expect(onLoopThread)
        loop.stop()
        await #expect(throws: ICEError.self) { _ = try await loop.submit { 1 } }
    }

    @Test("stop() ends the thread: /proc/self/task/<tid> disappears; stop is idempotent")
    func stopRemovesTheThread() throws {
        let loop = try MediaLoop(name: "ice-test-thread")
        let tid = loop.threadID
        #expect(tid > 0 && threadExists(tid))
        let comm = try String(contentsOfFile: "/proc/self/task/\(tid)/comm", encoding: .utf8)
        #expect(comm.trimmingCharacters(in: .whitespacesAndNewlines) == "ice-test-thread")
        loop.stop()
        #expect(waitUntil(seconds: 2) { !threadExists(tid) })
        loop.stop()
        #expect(loop.isStopped)
        let ran = Mutex(false)
        loop.invoke { ran.withLock { $0 = true } }
        usleep(50_000)
        #expect(!ran.withLock { $0 })
    }

    @Test("timers: one-shot fires once, repeating until false, cancel stops")
    func timers() throws {
        let loop = try MediaLoop(name: "ice-test-timer")
        defer { loop.stop() }
        let counts = Mutex((oneShot: 0, repeating: 0, cancelled: 0))
        let timers = try onLoop(loop) {
            let oneShot = loop.schedule(afterMicroseconds: 1_000, repeating: false) {
                counts.withLock { $0.oneShot += 1 }
                return true  // ignored for a one-shot
            }
            let repeating = loop.schedule(afterMicroseconds: 1_000, repeating: true) {
                counts.withLock { $0.repeating += 1; return $0.repeating < 5 }
            }
            let cancelled = loop.schedule(afterMicroseconds: 50_000, repeating: true) {
                counts.withLock { $0.cancelled += 1 }
                return true
            }
            cancelled.cancel()
            return MediaLoopBound((oneShot, repeating, cancelled), loop: loop)
        }
        #expect(waitUntil(seconds: 5) { counts.withLock { $0.repeating } == 5 })
        usleep(100_000)
        let final = counts.withLock { $0 }
        #expect(final.oneShot == 1 && final.repeating == 5 && final.cancelled == 0)
        let active = try onLoop(loop) { () -> [Bool] in
            let (a, b, c) = timers.value
            return [a.isActive, b.isActive, c.isActive]
        }
        #expect(active == [false, false, false])
    }

    @Test("a pool hands out its loops round robin and stops them all")
    func poolRoundRobin() throws {
        let pool = try MediaLoopPool(count: 3, namePrefix: "ice-test-pool")
        let picks = (0..<6).map { _ in pool.next() }
        #expect(picks.map(\.name) == ["ice-test-pool-0", "ice-test-pool-1", "ice-test-pool-2",
                                       "ice-test-pool-0", "ice-test-pool-1", "ice-test-pool-2"])
        let tids = pool.loops.map(\.threadID)
        #expect(Set(tids).count == 3 && tids.allSatisfy(threadExists))
        pool.stop()
        #expect(waitUntil(seconds: 2) { !tids.contains(where: threadExists) })
        #expect(throws: ICEError.self) { _ = try MediaLoopPool(count: 0) }
    }
}
