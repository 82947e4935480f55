import GatewayCore
import Testing

/// Long polls: maxEvents, timeout, wake-up, cancellation, and the bounded per-session queue.
@Suite("Long poll")
struct LongPollTests {
    private func push(_ h: APIHarness, _ sid: SessionID, _ hid: HandleID, _ n: Int) throws {
        let handle = PluginHandle(sessionID: sid, handleID: hid, opaqueID: nil)
        try h.gateway.pushEvent(handle, plugin: APITestPlugin.package, transaction: nil, body: ["n": .int(Int64(n))], jsep: nil)
    }

    @Test("maxEvents limits each poll; the rest stays queued in order")
    func maxEvents() async throws {
        let h = try APIHarness.make()
        let sid = await h.createSession()
        let hid = await h.attach(sid)
        for n in 1...3 { try push(h, sid, hid, n) }
        let first = await h.poll(sid, maxEvents: 2)
        #expect(first.map { $0["plugindata"]?["data"]?["n"] } == [1, 2])
        let second = await h.poll(sid, maxEvents: 2)
        #expect(second.map { $0["plugindata"]?["data"]?["n"] } == [3])
        #expect(second.first == [
            "janus": "event", "session_id": sid.jsonInt, "sender": hid.jsonInt,
            "plugindata": ["plugin": "janus.plugin.apitest", "data": ["n": 3]],
        ])
        await h.close()
    }

    @Test("maxEvents below 1 still takes one message")
    func maxEventsZero() async throws {
        let h = try APIHarness.make()
        let sid = await h.createSession()
        let hid = await h.attach(sid)
        for n in 1...2 { try push(h, sid, hid, n) }
        #expect(await h.poll(sid, maxEvents: 0).count == 1)
        await h.close()
    }

    @Test("an empty poll returns no events after its timeout")
    func timeout() async throws {
        let h = try APIHarness.make()
        let sid = await h.createSession()
        let clock = ContinuousClock()
        let start = clock.now
        let outcome = await h.gateway.longPoll(session: sid, maxEvents: 5, timeout: .milliseconds(150))
        let waited = clock.now - start
        #expect(outcome == .events([]))
        #expect(waited >= .milliseconds(140))
        await h.close()
    }

    @Test("a pending poll wakes when a message is queued")
    func wakesOnMessage() async throws {
        let h = try APIHarness.make()
        let sid = await h.createSession()
        let hid = await h.attach(sid)
        let poll = Task { await h.gateway.longPoll(session: sid, maxEvents: 5, timeout: .seconds(10)) }
        try await Task.sleep(for: .milliseconds(50))
        try push(h, sid, hid, 7)
        let outcome = await poll.value
        guard case .events(let messages) = outcome else {
            Issue.record("unexpected \(outcome)")
            return
        }
        #expect(messages.map { $0["plugindata"]?["data"]?["n"] } == [7])
        await h.close()
    }

    @Test("cancelling a pending poll ends it at once with no events")
    func cancellation() async throws {
        let h = try APIHarness.make()
        let sid = await h.createSession()
        let poll = Task { await h.gateway.longPoll(session: sid, maxEvents: 1, timeout: .seconds(30)) }
        try await Task.sleep(for: .milliseconds(30))
        let clock = ContinuousClock()
        let start = clock.now
        poll.cancel()
        #expect(await poll.value == .events([]))
        #expect(clock.now - start < .seconds(5))
        await h.close()
    }

    @Test("a poll on an unknown session is sessionNotFound")
    func unknownSession() async throws {
        let h = try APIHarness.make()
        #expect(await h.gateway.longPoll(session: 99, maxEvents: 1, timeout: .milliseconds(10)) == .sessionNotFound)
        await h.close()
    }

    @Test("a full session queue refuses messages, counts them, and reports them in handle_info and get_status")
    func boundedQueue() async throws {
        let h = try APIHarness.make(queueCapacity: 3)
        let sid = await h.createSession()
        let hid = await h.attach(sid)
        for n in 1...5 { try push(h, sid, hid, n) }
        let messages = await h.poll(sid, maxEvents: 10)
        #expect(messages.map { $0["plugindata"]?["data"]?["n"] } == [1, 2, 3])
        #expect(h.gateway.errorCounters.snapshot.queueOverflows == 2)
        let info = await h.admin(.handle(sid, hid), ["janus": "handle_info", "transaction": "i"])
        #expect(info["info"]?["queued-messages"] == ["queued": 0, "capacity": 3, "overflow": 2])
        let status = await h.admin(.root, ["janus": "get_status", "transaction": "s"])
        #expect(status["status"]?["api_errors"]?["queue_overflows"] == 2)
        try push(h, sid, hid, 6)
        #expect(await h.poll(sid).map { $0["plugindata"]?["data"]?["n"] } == [6])
        await h.close()
    }

    @Test("pushEvent to a gone handle or session throws 459 or 458; a bad plugin jsep throws 465")
    func pushEventErrors() async throws {
        let h = try APIHarness.make()
        let sid = await h.createSession()
        let hid = await h.attach(sid)
        #expect(throws: JanusError(459, "No such handle 5 in session \(sid)")) {
            try h.gateway.pushEvent(PluginHandle(sessionID: sid, handleID: 5, opaqueID: nil), plugin: "p", transaction: nil, body: [:], jsep: nil)
        }
        #expect(throws: JanusError(458, "No such session 6")) {
            try h.gateway.pushEvent(PluginHandle(sessionID: 6, handleID: hid, opaqueID: nil), plugin: "p", transaction: nil, body: [:], jsep: nil)
        }
        #expect(throws: JanusError(465, "Invalid SDP (doesn't start with v=)")) {
            try h.gateway.pushEvent(
                PluginHandle(sessionID: sid, handleID: hid, opaqueID: nil), plugin: "p", transaction: nil, body: [:],
                jsep: ["type": "answer", "sdp": "nope"])
        }
        #expect(await h.poll(sid, timeout: .milliseconds(20)) == [])
        await h.close()
    }

    @Test("polling counts as activity and keeps the session alive")
    func pollIsActivity() async throws {
        let manual = ManualMonotonicClock()
        let h = try APIHarness.make(settings: { $0.sessionTimeout = 10 }, clock: manual.gatewayClock)
        let sid = await h.createSession()
        manual.advance(seconds: 8)
        _ = await h.gateway.longPoll(session: sid, maxEvents: 1, timeout: .zero)
        manual.advance(seconds: 8)
        h.gateway.reapIdleSessions()
        #expect(h.gateway.sessionCount == 1)
        manual.advance(seconds: 3)
        h.gateway.reapIdleSessions()
        #expect(h.gateway.sessionCount == 0)
        await h.close()
    }
}
