import Foundation
import GatewayCore
import Testing

@Suite("EventDispatcher")
struct EventDispatcherTests {
    private func makeDispatcher(enabled: Bool = true, capacity: Int = 1024) -> EventDispatcher {
        EventDispatcher(emitter: "TestGate", enabled: enabled, capacity: capacity, logger: silentLogger())
    }

    @Test("each handler gets only the types its mask subscribes to")
    func maskFilteringPerHandler() async {
        let dispatcher = makeDispatcher()
        let sessionsOnly = RecordingHandler(mask: .session)
        let sessionsAndPlugins = RecordingHandler(mask: [.session, .plugin])
        dispatcher.register(sessionsOnly)
        dispatcher.register(sessionsAndPlugins)
        dispatcher.start()

        dispatcher.notify(type: .session, session: 7, .session(.created(transport: nil)))
        dispatcher.notify(type: .plugin, session: 7, handle: 9, numberedPluginEvent(1))
        dispatcher.notify(type: .handle, session: 7, handle: 9, .handle(.attached(plugin: "p", opaqueID: nil)))
        await dispatcher.shutdown()

        #expect(sessionsOnly.events.map(\.type) == [.session])
        #expect(sessionsAndPlugins.events.map(\.type) == [.session, .plugin])
        #expect(dispatcher.counters.notified == 2, "the handle event has no subscriber, so it is never built")
        #expect(dispatcher.counters.dispatched == 2)
    }

    @Test("the union mask is the OR of the handlers' masks, and 0 with no handler")
    func unionMask() {
        let dispatcher = makeDispatcher()
        #expect(!dispatcher.isEnabled(.session))
        dispatcher.register(RecordingHandler(mask: .session))
        dispatcher.register(RecordingHandler(mask: [.jsep, .core]))
        #expect(dispatcher.isEnabled(.session) && dispatcher.isEnabled(.jsep) && dispatcher.isEnabled(.core))
        #expect(!dispatcher.isEnabled(.plugin) && !dispatcher.isEnabled(.transport))
    }

    @Test("events reach the handler in notify order, 20000 from one producer")
    func orderPreservedSingleProducer() async {
        let dispatcher = makeDispatcher(capacity: 32_768)
        let handler = RecordingHandler(mask: .all)
        dispatcher.register(handler)
        dispatcher.start()
        for index in 0..<20_000 { dispatcher.notify(type: .plugin, numberedPluginEvent(index)) }
        await dispatcher.shutdown()
        #expect(handler.events.compactMap(index(of:)) == Array(0..<20_000))
        #expect(dispatcher.counters.droppedQueueFull == 0)
    }

    @Test("with two producer threads, each producer's events keep their order")
    func orderPreservedPerProducer() async {
        let dispatcher = makeDispatcher(capacity: 32_768)
        let handler = RecordingHandler(mask: .all)
        dispatcher.register(handler)
        dispatcher.start()
        let group = DispatchGroup()
        for producer in 0..<2 {
            group.enter()
            Thread {
                for index in 0..<10_000 {
                    dispatcher.notify(type: .plugin, session: UInt64(producer + 1), numberedPluginEvent(index))
                }
                group.leave()
            }.start()
        }
        #expect(group.wait(timeout: .now() + 30) == .success)
        await dispatcher.shutdown()
        for producer in 1...2 {
            let indices = handler.events.filter { $0.sessionID == UInt64(producer) }.compactMap(index(of:))
            #expect(indices == Array(0..<10_000), "producer \(producer)")
        }
    }

    @Test("an unsubscribed notify does not evaluate the payload; a subscribed one evaluates it once")
    func autoclosureNotEvaluatedWhenUnsubscribed() async {
        let dispatcher = makeDispatcher()
        let handler = RecordingHandler(mask: .session)
        dispatcher.register(handler)
        dispatcher.start()
        let counter = EvaluationCounter()
        for index in 0..<1000 {
            dispatcher.notify(type: .plugin, session: 1, handle: 2, counter.build(numberedPluginEvent(index)))
        }
        #expect(counter.count == 0)
        dispatcher.notify(type: .session, session: 1, counter.build(.session(.destroyed)))
        #expect(counter.count == 1)
        await dispatcher.shutdown()
        #expect(handler.events.count == 1)
        #expect(dispatcher.counters.notified == 1)
    }

    @Test("with broadcast disabled, handlers get nothing and no payload is built")
    func broadcastDisabled() async {
        let dispatcher = makeDispatcher(enabled: false)
        let handler = RecordingHandler(mask: .all)
        dispatcher.register(handler)
        dispatcher.refreshMask()
        dispatcher.start()
        let counter = EvaluationCounter()
        dispatcher.notify(type: .session, session: 1, counter.build(.session(.destroyed)))
        dispatcher.notify(type: .core, counter.build(.core(.shutdown(signal: 2))))
        #expect(!dispatcher.isEnabled(.all))
        await dispatcher.shutdown()
        #expect(counter.count == 0)
        #expect(handler.events.isEmpty)
        #expect(dispatcher.counters.notified == 0)
        #expect(handler.shutdownCount == 1, "handlers are still shut down")
    }

    @Test("a full queue refuses events and counts each one in droppedQueueFull")
    func overflowCounted() async {
        let dispatcher = makeDispatcher(capacity: 4)
        let blocker = BlockingHandler()
        dispatcher.register(blocker)
        dispatcher.start()
        dispatcher.notify(type: .plugin, numberedPluginEvent(0))
        // The dispatcher thread takes event 0 and blocks in the handler; the queue is then empty.
        #expect(await eventually { blocker.isBlocking })
        for index in 1...7 { dispatcher.notify(type: .plugin, numberedPluginEvent(index)) }
        let whileBlocked = dispatcher.counters
        #expect(whileBlocked.notified == 8)
        #expect(whileBlocked.queued == 4)
        #expect(whileBlocked.droppedQueueFull == 3)
        blocker.release()
        await dispatcher.shutdown()
        #expect(blocker.count == 5)
        let final = dispatcher.counters
        #expect(final.dispatched == 5)
        #expect(final.droppedQueueFull == 3)
        #expect(final.notified == final.dispatched + final.droppedQueueFull + final.droppedClosed)
    }

    @Test("refreshMask picks up a handler's changed mask; delivery follows the handler's current mask")
    func refreshMaskAfterHandlerChange() async {
        let dispatcher = makeDispatcher()
        let handler = RecordingHandler(mask: .session)
        dispatcher.register(handler)
        dispatcher.start()
        let counter = EvaluationCounter()

        handler.setMask(.plugin)
        dispatcher.notify(type: .plugin, counter.build(numberedPluginEvent(1)))
        #expect(counter.count == 0, "the fast-path mask is stale until refreshMask()")

        dispatcher.refreshMask()
        #expect(dispatcher.isEnabled(.plugin) && !dispatcher.isEnabled(.session))
        dispatcher.notify(type: .plugin, counter.build(numberedPluginEvent(2)))
        dispatcher.notify(type: .session, counter.build(.session(.destroyed)))
        await dispatcher.shutdown()
        #expect(counter.count == 1)
        #expect(handler.events.compactMap(index(of:)) == [2])
    }

    @Test("events queued before start() or still queued at shutdown() all reach the handlers")
    func shutdownDrainsQueue() async {
        let dispatcher = makeDispatcher(capacity: 8192)
        let first = RecordingHandler(mask: .all)
        let second = RecordingHandler(mask: .plugin)
        dispatcher.register(first)
        dispatcher.register(second)
        for index in 0..<5000 { dispatcher.notify(type: .plugin, numberedPluginEvent(index)) }
        #expect(dispatcher.counters.queued == 5000, "no thread runs before start()")
        dispatcher.start()
        await dispatcher.shutdown()
        #expect(first.events.compactMap(index(of:)) == Array(0..<5000))
        #expect(second.events.count == 5000)
        #expect(first.shutdownCount == 1 && second.shutdownCount == 1)
        #expect(dispatcher.counters.queued == 0)
        #expect(dispatcher.counters.dispatched == 5000)
    }

    @Test("shutdown() without start() still delivers what was queued")
    func shutdownWithoutStart() async {
        let dispatcher = makeDispatcher()
        let handler = RecordingHandler(mask: .all)
        dispatcher.register(handler)
        dispatcher.notify(type: .session, session: 3, .session(.timeout))
        await dispatcher.shutdown()
        #expect(handler.events.map(\.payload) == [.session(.timeout)])
        // After shutdown nothing more is built or delivered.
        dispatcher.notify(type: .session, session: 3, .session(.destroyed))
        #expect(handler.events.count == 1)
    }

    @Test("an event carries the emitter, ids and a wall-clock timestamp in microseconds")
    func eventEnvelope() async {
        let dispatcher = makeDispatcher()
        let handler = RecordingHandler(mask: .all)
        dispatcher.register(handler)
        dispatcher.start()
        let before = Int64(Date().timeIntervalSince1970 * 1_000_000)
        dispatcher.notify(type: .handle, session: 11, handle: 22, opaqueID: "op", .handle(.detached(plugin: "p", opaqueID: "op")))
        let after = Int64(Date().timeIntervalSince1970 * 1_000_000)
        await dispatcher.shutdown()
        let event = handler.events.first
        #expect(event != nil)
        #expect(event?.emitter == "TestGate")
        #expect(event?.sessionID == 11 && event?.handleID == 22 && event?.opaqueID == "op")
        // 1 ms of slack either side for the two clocks' rounding.
        #expect((before - 1000...after + 1000).contains(event?.timestamp ?? 0))
    }

    @Test("statusJSON reports counters, broadcast, mask labels and handler packages")
    func statusJSONShape() async {
        let dispatcher = makeDispatcher(capacity: 16)
        dispatcher.register(RecordingHandler(mask: [.session, .handle]))
        dispatcher.start()
        dispatcher.notify(type: .session, session: 1, .session(.destroyed))
        await dispatcher.shutdown()
        let status = dispatcher.statusJSON
        #expect(status["notified"] == 1)
        #expect(status["dispatched"] == 1)
        #expect(status["dropped_queue_full"] == 0)
        #expect(status["capacity"] == 16)
        #expect(status["broadcast"] == true)
        #expect(status["handlers"] == [.string(RecordingHandler.package)])
        #expect(status["mask"]?.stringValue != nil)
    }
}
