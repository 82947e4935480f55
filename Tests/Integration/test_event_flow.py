"""A whole Janus API session against the built binary, with the sample event handler posting
to a local collector: the core, session, handle and plugin events arrive in order, in Janus's
shape."""

import pytest

PLUGIN = "janus.plugin.echotest"


def run_session(gw):
    """create -> attach (opaque_id) -> message -> long poll -> detach -> destroy; returns ids."""
    created = gw.janus("/janus", {"janus": "create"})
    assert created["janus"] == "success"
    session = created["data"]["id"]
    assert isinstance(session, int) and 0 < session < 2**53

    attached = gw.janus(f"/janus/{session}", {"janus": "attach", "plugin": PLUGIN, "opaque_id": "itest-1"})
    assert attached["janus"] == "success" and attached["session_id"] == session
    handle = attached["data"]["id"]
    assert isinstance(handle, int) and 0 < handle < 2**53

    sent = gw.janus(f"/janus/{session}/{handle}", {"janus": "message", "body": {"audio": True, "bitrate": 256000}})
    assert sent["janus"] in ("ack", "success"), sent
    status, event = gw.request("GET", f"/janus/{session}?rid=1&maxev=1")
    assert status == 200
    assert event["janus"] == "event" and event["sender"] == handle, event
    assert event["transaction"] == sent["transaction"]
    assert event["plugindata"]["plugin"] == PLUGIN
    assert event["plugindata"]["data"] == {"echotest": "event", "result": "ok"}

    assert gw.janus(f"/janus/{session}", {"janus": "keepalive"})["janus"] == "ack"
    assert gw.janus(f"/janus/{session}/{handle}", {"janus": "detach"})["janus"] == "success"
    status, detached = gw.request("GET", f"/janus/{session}?rid=2&maxev=5")
    assert status == 200 and isinstance(detached, list)
    assert {"janus": "detached", "session_id": session, "sender": handle} in detached
    assert gw.janus(f"/janus/{session}", {"janus": "destroy"})["janus"] == "success"
    return session, handle


def check_sequence(events, session, handle):
    """The non-transport events for this session, in order, with Janus's field names and types."""
    for e in events:
        assert isinstance(e["emitter"], str) and e["emitter"] == "SwiftGateTest"
        assert isinstance(e["type"], int) and isinstance(e["timestamp"], int)
        assert e["timestamp"] > 1_600_000_000_000_000  # microseconds since the epoch
        assert isinstance(e["event"], dict)
    core = [e for e in events if e["type"] == 256]
    assert core and core[0]["subtype"] == 1 and core[0]["event"]["status"] == "started"
    assert "session_id" not in core[0] and isinstance(core[0]["event"]["info"], dict)

    mine = [e for e in events if e.get("session_id") == session]
    kinds = [(e["type"], e["event"].get("name")) for e in mine]
    assert kinds[0] == (1, "created"), kinds
    assert kinds[1] == (2, "attached"), kinds
    assert (64, None) in kinds[2:-2], kinds
    assert kinds[-2:] == [(2, "detached"), (1, "destroyed")], kinds
    assert events.index(core[0]) < events.index(mine[0])

    created, attached = mine[0], mine[1]
    assert created["event"]["transport"]["transport"] == "janus.transport.http"
    assert isinstance(created["event"]["transport"]["id"], str)
    assert "handle_id" not in created
    assert attached["handle_id"] == handle and attached["opaque_id"] == "itest-1"
    assert attached["event"] == {"name": "attached", "plugin": PLUGIN, "opaque_id": "itest-1"}
    plugin = next(e for e in mine if e["type"] == 64)
    assert plugin["handle_id"] == handle and plugin["opaque_id"] == "itest-1"
    assert plugin["event"]["plugin"] == PLUGIN
    data = plugin["event"]["data"]
    assert data["audio_active"] is True and data["bitrate"] == 256000 and isinstance(data["video_active"], bool)
    assert mine[-2]["event"] == {"name": "detached", "plugin": PLUGIN, "opaque_id": "itest-1"}
    assert mine[-1]["event"] == {"name": "destroyed"}

    transports = [e for e in events if e["type"] == 128]
    assert transports, "every HTTP request is a transport event"
    t = transports[0]
    assert "session_id" not in t and t["event"]["transport"] == "janus.transport.http"
    assert t["event"]["data"]["event"] == "request" and t["event"]["data"]["ip"] == "127.0.0.1"
    assert isinstance(t["event"]["data"]["port"], int) and t["event"]["data"]["admin_api"] is False


@pytest.mark.parametrize("grouping,compress", [(False, False), (True, False), (True, True), (False, True)])
def test_session_events_arrive_in_order(start_gateway, collector, grouping, compress):
    gw = start_gateway(backend=collector.url, grouping=grouping, compress=compress)
    session, handle = run_session(gw)
    events = collector.wait_for(
        lambda evs: any(e.get("session_id") == session and e["event"].get("name") == "destroyed" for e in evs),
        what="session destroyed event")
    check_sequence(events, session, handle)
    with collector.lock:
        posts = [p for p in collector.posts if p["status"] == 200]
    for post in posts:
        assert post["headers"]["Content-Type"] == "application/json"
        assert isinstance(post["body"], list) == grouping
        assert (post["headers"].get("Content-Encoding") == "gzip") == compress


def test_shutdown_sends_core_shutdown_event(start_gateway, collector):
    gw = start_gateway(backend=collector.url)
    created = gw.janus("/janus", {"janus": "create"})
    assert gw.stop() == 0
    events = collector.events()
    shutdown = [e for e in events if e["type"] == 256 and e.get("subtype") == 2]
    assert shutdown and shutdown[-1]["event"]["status"] == "shutdown" and shutdown[-1]["event"]["signum"] == 2
    destroyed = [e for e in events if e["type"] == 1 and e.get("session_id") == created["data"]["id"]
                 and e["event"]["name"] == "destroyed"]
    assert destroyed, "sessions still open at shutdown are destroyed"


def test_events_only_for_subscribed_types(start_gateway, collector):
    gw = start_gateway(backend=collector.url, events="sessions,handles")
    session, _ = run_session(gw)
    events = collector.wait_for(
        lambda evs: any(e.get("session_id") == session and e["event"].get("name") == "destroyed" for e in evs))
    assert {e["type"] for e in events} <= {1, 2}


def test_broadcast_off_sends_nothing(start_gateway, collector):
    gw = start_gateway(backend=collector.url, broadcast=False)
    run_session(gw)
    gw.stop()
    assert collector.events() == []
