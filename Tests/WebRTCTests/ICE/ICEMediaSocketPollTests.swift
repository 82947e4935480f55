import Foundation
import Testing
@testable import WebRTC

@Suite("Selected ICE sockets polled through the loop's epoll set")
struct ICEMediaSocketPollTests {
    @Test("the selected socket is registered, datagrams flow through epoll, and close unregisters it")
    func selectedSocketIsWatchedUntilClose() throws {
        let pair = try ICETestPair()
        defer { pair.shutdown() }
        try pair.start()
        #expect(pair.waitReady(), "both agents reach ready")
        let registered = waitUntil(seconds: 5) {
            ((try? pair.a.withAgent { $0.loop.mediaSocketCount }) ?? 0) == 1
                && ((try? pair.b.withAgent { $0.loop.mediaSocketCount }) ?? 0) == 1
        }
        #expect(registered, "each loop watches its agent's selected socket")
        let socketA = try pair.a.withAgent { $0.mediaSocket }
        #expect((socketA ?? -1) >= 0)
        let wakeupsBefore = try pair.b.withAgent { $0.loop.mediaPollWakeups }

        pair.a.sendTestDatagrams(count: 100)
        pair.b.sendTestDatagrams(count: 100, firstSequence: 1000)
        let delivered = waitUntil(seconds: 10) { pair.b.snapshot.received.count == 100 && pair.a.snapshot.received.count == 100 }
        #expect(delivered, "A->B \(pair.b.snapshot.received.count), B->A \(pair.a.snapshot.received.count)")
        #expect(pair.b.snapshot.received == Set(0..<100))
        #expect(pair.a.snapshot.received == Set(1000..<1100))
        let wakeupsAfter = try pair.b.withAgent { $0.loop.mediaPollWakeups }
        #expect(wakeupsAfter > wakeupsBefore, "B's loop woke through the epoll path")

        let afterClose = try pair.a.withAgent { agent -> Int in
            agent.close()
            return agent.loop.mediaSocketCount
        }
        #expect(afterClose == 0, "close unregisters before libnice closes the socket")
        #expect(try pair.a.withAgent { $0.mediaSocket } == nil)
    }

    @Test("a loop with a registered socket and no traffic does not spin")
    func idleLoopDoesNotSpin() throws {
        let pair = try ICETestPair()
        defer { pair.shutdown() }
        try pair.start()
        #expect(pair.waitReady(), "both agents reach ready")
        _ = waitUntil(seconds: 5) { ((try? pair.b.withAgent { $0.loop.mediaSocketCount }) ?? 0) == 1 }
        // B keeps its socket registered; A stops sending. Over 500 ms of quiet, B's loop should wake
        // only for timers and the odd keepalive, never continuously.
        _ = try pair.a.withAgent { $0.close() }
        let before = try pair.b.withAgent { $0.loop.mediaPollWakeups }
        Thread.sleep(forTimeInterval: 0.5)
        let after = try pair.b.withAgent { $0.loop.mediaPollWakeups }
        #expect(after - before < 100, "\(after - before) wake-ups in 500 ms of quiet")
    }
}
