"""An idle session is reaped after session_timeout: the client's pending long poll gets
`timeout`, and the event handler gets the session timeout event."""


def test_idle_session_is_reaped_with_timeout_notification_and_event(start_gateway, collector):
    gw = start_gateway(backend=collector.url, session_timeout=2)
    session = gw.janus("/janus", {"janus": "create"})["data"]["id"]
    handle = gw.janus(f"/janus/{session}", {"janus": "attach", "plugin": "janus.plugin.echotest"})["data"]["id"]
    # A long poll counts as activity when it starts; the session then idles past 2 s while it waits.
    status, message = gw.request("GET", f"/janus/{session}?rid=1", timeout=20)
    assert status == 200 and message == {"janus": "timeout", "session_id": session}, message
    events = collector.wait_for(
        lambda evs: any(e.get("handle_id") == handle and e["event"].get("name") == "detached" for e in evs),
        what="timeout and detached events")
    mine = [(e["type"], e["event"].get("name")) for e in events if e.get("session_id") == session]
    assert mine[-2:] == [(1, "timeout"), (2, "detached")], mine
    detached = [e for e in events if e.get("handle_id") == handle and e["event"].get("name") == "detached"]
    assert detached
    reply = gw.janus(f"/janus/{session}", {"janus": "keepalive"})
    assert reply["janus"] == "error" and reply["error"]["code"] == 458
