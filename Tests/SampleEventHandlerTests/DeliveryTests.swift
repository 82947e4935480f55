import Foundation
import GatewayCore
import SampleEventHandler
import Testing

/// The handler against a real HTTP collector on 127.0.0.1 (Hummingbird, ephemeral port).
@Suite("Delivery to a live collector")
struct DeliveryTests {
    @Test("grouping off: one bare object per POST, in order, as application/json")
    func ungroupedInOrder() async throws {
        let collector = try await Collector.start()
        let handler = try SampleEventHandler(settings: testSettings(collector.url) { $0.grouping = false }, logger: quietLogger)
        let events = (1...5).map(sessionEvent)
        for event in events { handler.incomingEvent(event) }
        #expect(await eventually { collector.received.count == 5 })
        let posts = collector.received
        #expect(try posts.map { try $0.json() } == expectedJSON(events))
        #expect(posts.allSatisfy { $0.contentType == "application/json" && $0.contentEncoding == nil && $0.authorization == nil })
        #expect(await statusValue(handler, "sent") == 5)
        #expect(await statusValue(handler, "posts") == 5)
        await handler.shutdown()
        await collector.stop()
    }

    @Test("grouping on: every body is an array, one event alone too, and queued events share a POST")
    func groupedArrays() async throws {
        let collector = try await Collector.start()
        let handler = try SampleEventHandler(settings: testSettings(collector.url) { $0.retransmissionsBackoff = 300 }, logger: quietLogger)
        handler.incomingEvent(sessionEvent(0))
        #expect(await eventually { collector.received.count == 1 })
        #expect(try collector.received[0].json() == .array(expectedJSON([sessionEvent(0)])))
        // Hold the worker in a backoff (503) while 30 more events queue up behind it.
        collector.failNext([.init(status: 503)])
        handler.incomingEvent(sessionEvent(1))
        #expect(await eventually { collector.received.count == 2 })
        let queued = (2...31).map(sessionEvent)
        for event in queued { handler.incomingEvent(event) }
        #expect(await eventually { (try? collector.deliveredEvents().count) == 32 })
        let posts = collector.received
        #expect(try posts.allSatisfy { try $0.json().arrayValue != nil })
        #expect(try posts.last?.json() == .array(expectedJSON(queued)))
        #expect(try collector.deliveredEvents() == expectedJSON((0...31).map(sessionEvent)))
        await handler.shutdown()
        await collector.stop()
    }

    @Test("compress: gzip body with Content-Encoding, same JSON, also for a batch over 8 KB compressed")
    func compressed() async throws {
        let collector = try await Collector.start()
        let handler = try SampleEventHandler(
            settings: testSettings(collector.url) { $0.compress = true; $0.compression = 9; $0.retransmissionsBackoff = 300 },
            logger: quietLogger)
        handler.incomingEvent(sessionEvent(0))
        #expect(await eventually { collector.received.count == 1 })
        collector.failNext([.init(status: 503)])
        handler.incomingEvent(sessionEvent(1))
        #expect(await eventually { collector.received.count == 2 })
        let big = (2..<62).map { pluginEvent($0, filler: pseudoRandomHex(count: 600, seed: UInt64($0))) }
        for event in big { handler.incomingEvent(event) }
        #expect(await eventually { (try? collector.deliveredEvents().count) == 62 })
        let posts = collector.received
        #expect(posts.allSatisfy { $0.contentEncoding == "gzip" && $0.contentType == "application/json" })
        let last = try #require(posts.last)
        #expect(last.body.count > 8192)
        #expect(try last.json() == .array(expectedJSON(big)))
        #expect(try collector.deliveredEvents() == expectedJSON([sessionEvent(0), sessionEvent(1)] + big))
        await handler.shutdown()
        await collector.stop()
    }

    @Test("backend_user/backend_pwd send HTTP basic auth")
    func basicAuth() async throws {
        let collector = try await Collector.start()
        let handler = try SampleEventHandler(
            settings: testSettings(collector.url) { $0.backendUser = "alice"; $0.backendPassword = "s3cr:t" }, logger: quietLogger)
        handler.incomingEvent(sessionEvent(1))
        #expect(await eventually { collector.received.count == 1 })
        #expect(collector.received.first?.authorization == "Basic " + Data("alice:s3cr:t".utf8).base64EncodedString())
        await handler.shutdown()
        await collector.stop()
    }

    @Test("503 to the first 3 POSTs: the event still arrives after backoffs of about 100, 200, 400 ms")
    func backoffAfter503() async throws {
        let collector = try await Collector.start()
        collector.failNext(Array(repeating: .init(status: 503), count: 3))
        let handler = try SampleEventHandler(
            settings: testSettings(collector.url) { $0.retransmissionsBackoff = 100; $0.maxRetransmissions = 5 }, logger: quietLogger)
        handler.incomingEvent(sessionEvent(1))
        #expect(await eventually { collector.received.count == 4 })
        let posts = collector.received
        #expect(posts.map(\.status) == [503, 503, 503, 200])
        let gaps = zip(posts, posts.dropFirst()).map { pair in
            let (seconds, attoseconds) = (pair.1.arrival - pair.0.arrival).components
            return Double(seconds) * 1000 + Double(attoseconds) / 1e15
        }
        for (gap, nominal) in zip(gaps, [100.0, 200.0, 400.0]) {
            #expect(gap >= nominal * 0.9, "gaps \(gaps)")
        }
        #expect(gaps == gaps.sorted(), "gaps \(gaps)")
        #expect(try posts.last?.json() == .array(expectedJSON([sessionEvent(1)])))
        #expect(await statusValue(handler, "retried") == 3)
        #expect(await statusValue(handler, "sent") == 1)
        #expect(await statusValue(handler, "lost", "retries_exhausted") == 0)
        await handler.shutdown()
        await collector.stop()
    }

    @Test("backend down past max_retransmissions: loss counted as retries_exhausted and reported by status")
    func backendDown() async throws {
        let dead = try await Collector.start()
        await dead.stop()  // its port now refuses connections
        let handler = try SampleEventHandler(
            settings: testSettings(dead.url) { $0.maxRetransmissions = 2; $0.retransmissionsBackoff = 20 }, logger: quietLogger)
        handler.incomingEvent(sessionEvent(1))
        #expect(await eventually { await statusValue(handler, "lost", "retries_exhausted") == 1 })
        let status = try #require(await handler.handleRequest(["request": "status"])["status"])
        #expect(status["sent"] == 0)
        #expect(status["queued"] == 1)
        #expect(status["posts"] == 3)
        #expect(status["retried"] == 2)
        #expect(status["in_queue"] == 0)
        #expect(status["lost"] == ["queue_full": 0, "retries_exhausted": 1, "rejected": 0, "shutdown": 0])
        #expect(status["backend"] == .string(dead.url))
        await handler.shutdown()
    }

    @Test("400 is rejected at once, not retried, and later events still go out")
    func rejectedNotRetried() async throws {
        let collector = try await Collector.start()
        collector.failNext([.init(status: 400)])
        let handler = try SampleEventHandler(settings: testSettings(collector.url) { $0.grouping = false }, logger: quietLogger)
        handler.incomingEvent(sessionEvent(1))
        #expect(await eventually { await statusValue(handler, "lost", "rejected") == 1 })
        handler.incomingEvent(sessionEvent(2))
        #expect(await eventually { await statusValue(handler, "sent") == 1 })
        #expect(collector.received.map(\.status) == [400, 200])
        #expect(try collector.received.last?.json() == sessionEvent(2).janusJSON())
        #expect(await statusValue(handler, "retried") == 0)
        await handler.shutdown()
        await collector.stop()
    }

    @Test("Retry-After is honoured over a shorter backoff")
    func retryAfterHonoured() async throws {
        let collector = try await Collector.start()
        collector.failNext([.init(status: 429, retryAfter: "1")])
        let handler = try SampleEventHandler(settings: testSettings(collector.url) { $0.retransmissionsBackoff = 20 }, logger: quietLogger)
        handler.incomingEvent(sessionEvent(1))
        #expect(await eventually { collector.received.count == 2 })
        let posts = collector.received
        #expect(posts.map(\.status) == [429, 200])
        #expect(posts[1].arrival - posts[0].arrival >= .milliseconds(900))
        await handler.shutdown()
        await collector.stop()
    }
}
