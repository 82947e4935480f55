import GatewayCore
import Testing

/// Idle sessions are reaped with a `timeout` message for the client and events in Janus's order.
@Suite("Session timeout")
struct SessionTimeoutTests {
    @Test("the reaper times out an idle session: pending poll gets timeout, then session timeout and handle detached events")
    func reaperTimesOutIdleSession() async throws {
        let h = try APIHarness.make(settings: { $0.sessionTimeout = 1 }, reaperInterval: .milliseconds(100))
        await h.gateway.start()
        let sid = await h.createSession()
        let hid = await h.attach(sid, opaqueID: "timeout-probe")
        let clock = ContinuousClock()
        let start = clock.now
        // The poll itself is activity at its start only; with nothing queued it waits past the timeout.
        let outcome = await h.gateway.longPoll(session: sid, maxEvents: 5, timeout: .seconds(5))
        let waited = clock.now - start
        #expect(outcome == .events([["janus": "timeout", "session_id": sid.jsonInt]]))
        // No upper bound: the outcome above (a `timeout`, not the poll's own 5 s keepalive) already shows
        // the reaper fired; a time limit would only measure how loaded the machine is.
        #expect(waited >= .milliseconds(900))
        #expect(await h.gateway.longPoll(session: sid, maxEvents: 1, timeout: .zero) == .sessionNotFound)
        let keepalive = await h.janus(.session(sid), ["janus": "keepalive", "transaction": "k"])
        #expect(keepalive["error"]?["code"] == 458)
        let events = await h.recorder.waitUntil { corePayloads($0).count >= 5 }
        // The poll wakes as soon as `timeout` is queued; the handles are detached right after.
        #expect(h.plugin.callLog == ["create \(hid)", "destroy \(hid)"])
        #expect(corePayloads(events).dropFirst() == [
            .session(.created(transport: APIHarness.transport.reference)),
            .handle(.attached(plugin: "janus.plugin.apitest", opaqueID: "timeout-probe")),
            .session(.timeout),
            .handle(.detached(plugin: "janus.plugin.apitest", opaqueID: "timeout-probe")),
        ])
        await h.close()
    }

    @Test("with a manual clock: a session idle exactly session_timeout seconds is reaped, one idle less is not")
    func manualClockBoundary() async throws {
        let manual = ManualMonotonicClock()
        let h = try APIHarness.make(settings: { $0.sessionTimeout = 60 }, clock: manual.gatewayClock)
        let idle = await h.createSession()
        manual.advance(seconds: 30)
        let busy = await h.createSession()
        manual.advance(seconds: 29.9)
        h.gateway.reapIdleSessions()
        #expect(h.gateway.sessionCount == 2)
        manual.advance(seconds: 0.1)
        h.gateway.reapIdleSessions()
        let listed = await h.admin(.root, ["janus": "list_sessions", "transaction": "l"])
        #expect(listed["sessions"] == [busy.jsonInt])
        #expect(await h.gateway.longPoll(session: idle, maxEvents: 1, timeout: .zero) == .sessionNotFound)
        await h.close()
    }

    @Test("session_timeout 0 never reaps; set_session_timeout turns reaping on at run time")
    func disabledAndChanged() async throws {
        let manual = ManualMonotonicClock()
        let h = try APIHarness.make(settings: { $0.sessionTimeout = 0 }, clock: manual.gatewayClock)
        let sid = await h.createSession()
        manual.advance(seconds: 10_000)
        h.gateway.reapIdleSessions()
        #expect(h.gateway.sessionCount == 1)
        let changed = await h.admin(.root, ["janus": "set_session_timeout", "timeout": 5, "transaction": "s"])
        #expect(changed == ["janus": "success", "transaction": "s", "timeout": 5])
        h.gateway.reapIdleSessions()
        #expect(h.gateway.sessionCount == 0)
        #expect(await h.gateway.longPoll(session: sid, maxEvents: 1, timeout: .zero) == .sessionNotFound)
        await h.close()
    }

    @Test("requests are activity: a keepalive resets the idle time")
    func keepaliveResets() async throws {
        let manual = ManualMonotonicClock()
        let h = try APIHarness.make(settings: { $0.sessionTimeout = 10 }, clock: manual.gatewayClock)
        let sid = await h.createSession()
        manual.advance(seconds: 9)
        _ = await h.janus(.session(sid), ["janus": "keepalive", "transaction": "k"])
        manual.advance(seconds: 9)
        h.gateway.reapIdleSessions()
        #expect(h.gateway.sessionCount == 1)
        await h.close()
    }
}
