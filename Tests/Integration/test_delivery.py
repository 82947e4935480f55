"""The sample event handler's delivery guarantees against a failing backend: retries with
exponential backoff on 5xx, and losses counted and reported when the backend stays down."""

import time

from harness import free_port


def status_of(gw):
    reply = gw.admin("/admin", {"janus": "query_eventhandler", "handler": "janus.eventhandler.sampleevh",
                                "request": {"request": "status"}})
    assert reply["janus"] == "success", reply
    return reply["response"]["status"]


def test_503_answers_are_retried_with_exponential_backoff(start_gateway, collector):
    collector.fail_next(3, 503)
    gw = start_gateway(backend=collector.url, retransmissions_backoff=100, max_retransmissions=5)
    collector.wait_for(lambda evs: any(e["type"] == 256 for e in evs), what="core startup after 3 failures")
    with collector.lock:
        attempts = [p["time"] for p in collector.posts[:4]]
        statuses = [p["status"] for p in collector.posts[:4]]
    assert statuses == [503, 503, 503, 200]
    gaps = [(b - a) * 1000 for a, b in zip(attempts, attempts[1:])]
    for gap, nominal in zip(gaps, (100, 200, 400)):
        assert nominal * 0.9 <= gap <= nominal + 1000, gaps
    status = status_of(gw)
    assert status["retried"] >= 3 and status["lost"]["retries_exhausted"] == 0


def test_backend_down_past_max_retransmissions_counts_the_loss(start_gateway):
    dead = f"http://127.0.0.1:{free_port()}/events"  # nothing listens there
    gw = start_gateway(backend=dead, retransmissions_backoff=20, max_retransmissions=2)
    gw.janus("/janus", {"janus": "create"})
    deadline = time.monotonic() + 20
    status = status_of(gw)
    while status["lost"]["retries_exhausted"] == 0 and time.monotonic() < deadline:
        time.sleep(0.2)
        status = status_of(gw)
    assert status["lost"]["retries_exhausted"] > 0, status
    assert status["sent"] == 0


def test_tweak_moves_the_backend_at_run_time(start_gateway, collector):
    dead = f"http://127.0.0.1:{free_port()}/events"
    gw = start_gateway(backend=dead, retransmissions_backoff=10, max_retransmissions=0)
    reply = gw.admin("/admin", {"janus": "query_eventhandler", "handler": "janus.eventhandler.sampleevh",
                                "request": {"request": "tweak", "backend": collector.url, "grouping": True}})
    assert reply["response"]["result"] == 200, reply
    session = gw.janus("/janus", {"janus": "create"})["data"]["id"]
    collector.wait_for(lambda evs: any(e.get("session_id") == session for e in evs))
