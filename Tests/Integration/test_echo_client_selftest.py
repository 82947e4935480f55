"""Tests of the EchoTest test client itself (echo_client.py), against fake_echo_janus.py: an aiortc
peer behind a minimal Janus HTTP API that echoes media, trickles its candidates when the client
does, sends a PLI on video re-enable and a REMB on `bitrate`. If these fail, the client is broken,
not the gateway."""

import json
import select
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from call_events import check_call_events
from echo_scenarios import bitrate_cap, echo_call, hangup_detach_destroy, open_call, run, video_toggle
from proc_usage import udp_socket_count, wait_for_level

HERE = Path(__file__).resolve().parent


@pytest.fixture
def fake():
    """(port, pid) of a running fake_echo_janus.py, stopped by PID afterwards."""
    process = subprocess.Popen([sys.executable, str(HERE / "fake_echo_janus.py")], cwd=HERE,
                               stdout=subprocess.PIPE, text=True)
    try:
        ready, _, _ = select.select([process.stdout], [], [], 20)
        assert ready, "fake_echo_janus.py did not print its port within 20 s"
        yield int(process.stdout.readline()), process.pid
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)


@pytest.mark.parametrize("trickle", [True, False], ids=["trickle", "non-trickle"])
def test_client_counts_echoed_media(fake, trickle):
    run(echo_call(fake[0], trickle))


def test_client_sees_video_stop_and_pli(fake):
    run(video_toggle(fake[0]))


def test_client_records_remb(fake):
    run(bitrate_cap(fake[0]))


def test_client_data_channel_echo(fake):
    async def scenario():
        client = await open_call(fake[0], datachannel=True)
        try:
            await client.wait_until(lambda: client.data_messages, 10, lambda: "the echoed ping: " + client.summary())
            assert client.data_messages[0][1] == "ping"
        finally:
            await client.close()
    run(scenario())


def test_client_teardown_sequence_and_udp_measurement(fake):
    """The teardown helpers against the fake, and the /proc UDP socket count the gateway test
    relies on: it sees the peer's ICE socket during the call and its release after hangup."""
    port, pid = fake
    before = udp_socket_count(pid)
    during = []

    async def scenario():
        client = await open_call(port)
        try:
            during.append(udp_socket_count(pid))
            await hangup_detach_destroy(client)
        finally:
            await client.close()

    run(scenario())
    assert during[0] > before, (before, during)
    assert wait_for_level(lambda: udp_socket_count(pid), before, 10) == before, (before, during)


def reference_call():
    """The handle's events from Janus 1.1.2's EchoTest capture, and the call facts they imply."""
    path = HERE.parents[0] / "Fixtures" / "janus-1.1.2" / "events-echotest.jsonl"
    events = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    mine = [e for e in events if "handle_id" in e]
    jsep = {e["event"]["owner"]: e["event"]["jsep"]["sdp"] for e in mine if e["type"] == 8}
    facts = dict(session=mine[0]["session_id"], opaque=mine[0]["opaque_id"], offer_sdp=jsep["remote"],
                 answer_sdp=jsep["local"], mids={"audio": "0", "video": "1"})
    return mine, facts


def test_event_checks_accept_janus_reference_call():
    mine, facts = reference_call()
    check_call_events(mine, **facts)


@pytest.mark.parametrize("mutation", ["swap-dtls-webrtcup", "no-stats", "stats-key-renamed", "answer-sdp-differs"])
def test_event_checks_reject_a_mutated_reference_call(mutation):
    mine, facts = reference_call()
    find = lambda pred: next(i for i, e in enumerate(mine) if pred(e))
    if mutation == "swap-dtls-webrtcup":
        dtls = find(lambda e: e["type"] == 16 and e["event"].get("dtls") == "connected")
        up = find(lambda e: e["type"] == 16 and e["event"].get("connection") == "webrtcup")
        mine[dtls], mine[up] = mine[up], mine[dtls]
    elif mutation == "no-stats":
        mine = [e for e in mine if not (e["type"] == 32 and e.get("subtype") == 3)]
    elif mutation == "stats-key-renamed":
        stats = find(lambda e: e["type"] == 32 and e.get("subtype") == 3)
        mine[stats]["event"]["packets_received"] = mine[stats]["event"].pop("packets-received")
    else:
        facts["answer_sdp"] += "a=extra\r\n"
    with pytest.raises(AssertionError):
        check_call_events(mine, **facts)
