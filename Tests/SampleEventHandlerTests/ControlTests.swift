import Foundation
import GatewayCore
import SampleEventHandler
import Testing

/// Admin API requests, run-time tweaks, queue overflow and shutdown.
@Suite("Admin API, tweak, overflow and shutdown")
struct ControlTests {
    @Test("unknown request answers 411 with its name; missing or non-string request 412/413")
    func requestErrors() async throws {
        let handler = try SampleEventHandler(settings: testSettings("http://127.0.0.1:9/e"), logger: quietLogger)
        #expect(await handler.handleRequest(["request": "reboot"]) == ["error_code": 411, "error": "Unknown request 'reboot'"])
        #expect(await handler.handleRequest(["grouping": true])["error_code"] == 412)
        #expect(await handler.handleRequest(["request": 5])["error_code"] == 413)
        #expect(await handler.handleRequest("tweak")["error_code"] == 413)
        await handler.shutdown()
    }

    @Test("a tweak with one bad member answers 413 and changes nothing")
    func badTweakChangesNothing() async throws {
        let handler = try SampleEventHandler(settings: testSettings("http://127.0.0.1:9/e"), logger: quietLogger)
        let before = handler.settings
        let answer = await handler.handleRequest(["request": "tweak", "grouping": false, "compression": "max"])
        #expect(answer["error_code"] == 413)
        #expect(answer["error"]?.stringValue?.contains("compression") == true)
        #expect(handler.settings == before)
        #expect(handler.mask == .all)
        await handler.shutdown()
    }

    @Test("status reports the settings in force after a tweak")
    func statusShowsSettings() async throws {
        let handler = try SampleEventHandler(settings: testSettings("http://127.0.0.1:9/e"), logger: quietLogger)
        let answer = await handler.handleRequest(["request": "tweak", "events": "core,sessions", "compress": true, "grouping": false])
        #expect(answer == ["result": 200])
        let status = try #require(await handler.handleRequest(["request": "status"])["status"])
        #expect(status["events"] == "sessions,core")
        #expect(status["compress"] == true)
        #expect(status["grouping"] == false)
        #expect(handler.mask == [.session, .core])
        await handler.shutdown()
    }

    @Test("tweak moves backend, grouping and events at run time")
    func tweakAtRunTime() async throws {
        let first = try await Collector.start()
        let second = try await Collector.start()
        let handler = try SampleEventHandler(
            settings: testSettings(first.url) { $0.grouping = false; $0.events = .session }, logger: quietLogger)
        let handleEvent = Event(emitter: "test", timestamp: 1, sessionID: 1, handleID: 2, opaqueID: nil,
                                payload: .handle(.attached(plugin: "janus.plugin.echotest", opaqueID: nil)))
        handler.incomingEvent(handleEvent)  // not subscribed: ignored
        handler.incomingEvent(sessionEvent(1))
        #expect(await eventually { first.received.count == 1 })
        #expect(try first.received[0].json() == sessionEvent(1).janusJSON())
        #expect(await statusValue(handler, "queued") == 1)

        let answer = await handler.handleRequest(["request": "tweak", "backend": .string(second.url), "grouping": true, "events": "all"])
        #expect(answer == ["result": 200])
        #expect(handler.mask == .all)
        handler.incomingEvent(handleEvent)
        #expect(await eventually { second.received.count == 1 })
        #expect(try second.received[0].json() == .array([handleEvent.janusJSON()]))
        #expect(first.received.count == 1)
        await handler.shutdown()
        await first.stop()
        await second.stop()
    }

    @Test("a full queue refuses events without blocking and counts them as queue_full")
    func overflowCounted() async throws {
        let dead = try await Collector.start()
        await dead.stop()
        let handler = try SampleEventHandler(
            settings: testSettings(dead.url) {
                $0.queueCapacity = 2; $0.grouping = false; $0.retransmissionsBackoff = 2000
                $0.shutdownGrace = .milliseconds(100)
            },
            logger: quietLogger)
        handler.incomingEvent(sessionEvent(0))
        #expect(await eventually { await statusValue(handler, "posts") == 1 })  // the worker holds event 0 in backoff
        for n in 1...10 { handler.incomingEvent(sessionEvent(n)) }
        #expect(await statusValue(handler, "queued") == 3)
        #expect(await statusValue(handler, "in_queue") == 2)
        #expect(await statusValue(handler, "lost", "queue_full") == 8)
        await handler.shutdown()
        // Event 0 (in backoff) and the two queued ones could not go out within the grace time.
        #expect(await statusValue(handler, "lost", "shutdown") == 3)
        #expect(await statusValue(handler, "sent") == 0)
    }

    @Test("shutdown delivers everything queued before it returns")
    func shutdownFlushes() async throws {
        let collector = try await Collector.start()
        let handler = try SampleEventHandler(settings: testSettings(collector.url) { $0.grouping = false }, logger: quietLogger)
        let events = (1...40).map(sessionEvent)
        for event in events { handler.incomingEvent(event) }
        await handler.shutdown()
        #expect(try collector.deliveredEvents() == expectedJSON(events))
        #expect(await statusValue(handler, "sent") == 40)
        #expect(await statusValue(handler, "lost", "shutdown") == 0)
        handler.incomingEvent(sessionEvent(41))  // after shutdown: refused and counted
        #expect(await statusValue(handler, "lost", "shutdown") == 1)
        await collector.stop()
    }

    @Test("shutdown aborts a POST the backend sits on once the grace time is over")
    func shutdownAbortsSlowPost() async throws {
        let collector = try await Collector.start()
        collector.failNext([.init(status: 200, delay: .seconds(20))])
        let handler = try SampleEventHandler(
            settings: testSettings(collector.url) { $0.shutdownGrace = .milliseconds(300) }, logger: quietLogger)
        handler.incomingEvent(sessionEvent(1))
        #expect(await eventually { collector.received.count == 1 })
        let start = ContinuousClock.now
        await handler.shutdown()
        #expect(ContinuousClock.now - start < .seconds(5))  // not the 10 s request timeout
        #expect(await statusValue(handler, "lost", "shutdown") == 1)
        #expect(await statusValue(handler, "sent") == 0)
        await collector.stop()
    }

    @Test("shutdown gives up a retry that would end after its grace time")
    func shutdownInterruptsBackoff() async throws {
        let collector = try await Collector.start()
        collector.failNext([.init(status: 503)])
        let handler = try SampleEventHandler(
            settings: testSettings(collector.url) { $0.retransmissionsBackoff = 30_000; $0.shutdownGrace = .seconds(1) },
            logger: quietLogger)
        handler.incomingEvent(sessionEvent(1))
        #expect(await eventually { collector.received.count == 1 })
        let start = ContinuousClock.now
        await handler.shutdown()
        #expect(ContinuousClock.now - start < .seconds(5))  // not the 30 s backoff
        #expect(await statusValue(handler, "lost", "shutdown") == 1)
        await collector.stop()
    }
}
