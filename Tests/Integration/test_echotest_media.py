"""End-to-end EchoTest media against the built swiftgate binary: an aiortc client (echo_client.py)
negotiates audio+video over the Janus HTTP API on loopback and counts what the gateway echoes,
the RTCP feedback it sends (PLI, REMB), the teardown of every per-call resource, and the event
handler's call events (order and shape as in reference/events-echotest.jsonl, Janus 1.1.2).
Needs aiortc (PyPI). Each test is bounded by echo_scenarios.CALL_BUDGET."""

import asyncio
import time

import pytest

from call_events import check_call_events, is_event
from echo_scenarios import (bitrate_cap, detach_and_wait, echo_call, hangup_and_wait, open_call, run,
                            video_toggle)
from proc_usage import thread_count, udp_socket_count, wait_for_level

THREAD_TOLERANCE = 2  # see test_teardown_releases_session_threads_and_sockets
SETTLE = 15.0  # seconds allowed for threads and sockets to go after destroy


@pytest.mark.parametrize("trickle", [True, False], ids=["trickle", "non-trickle"])
def test_echo_call_audio_video(start_gateway, trickle):
    gw = start_gateway(backend=None)
    run(echo_call(gw.janus_port, trickle))


@pytest.mark.parametrize("profile,dtls_name", [
    ("cm80", "SRTP_AES128_CM_SHA1_80"), ("gcm128", "SRTP_AEAD_AES_128_GCM"), ("gcm256", "SRTP_AEAD_AES_256_GCM"),
])
def test_each_srtp_profile_echoes_both_ways_with_aiortc(start_gateway, profile, dtls_name):
    """media.srtp_profiles limits what the gateway offers in use_srtp, so aiortc (libsrtp2 through
    pylibsrtp) must use that profile: its packets are unprotected by the gateway and the echo it
    decodes was protected by the gateway, so both directions interoperate; no SRTP error is counted."""
    gw = start_gateway(backend=None, srtp_profiles=profile)

    async def scenario():
        client = await open_call(gw.janus_port)
        try:
            await client.wait_until(lambda: len(client.video_frames) >= 20 and len(client.audio_frames) >= 20, 15,
                                    lambda: f"echo with {profile}: " + client.summary())
            info = (await asyncio.to_thread(gw.admin, f"/admin/{client.session}/{client.handle}",
                                            {"janus": "handle_info"}))["info"]
            webrtc = info["webrtc"]
            assert webrtc.get("srtp-profile") == dtls_name, webrtc
            assert all(t["packets-received"] > 0 and t["packets-sent"] > 0 for t in webrtc["tracks"]), webrtc
            assert set(webrtc["dropped"].values()) == {0}, webrtc["dropped"]
        finally:
            await client.close()

    run(scenario())


def test_video_disable_stops_echo_and_reenable_requests_key_frame(start_gateway):
    gw = start_gateway(backend=None)
    run(video_toggle(gw.janus_port))


def test_bitrate_cap_reaches_sender_as_remb(start_gateway):
    gw = start_gateway(backend=None)
    run(bitrate_cap(gw.janus_port, 128000))


def test_teardown_releases_session_threads_and_sockets(start_gateway):
    """hangup -> detach -> destroy: the Admin API lists no session or handle, and the gateway's
    threads and UDP sockets return to their level before the call. Threads get a tolerance of
    THREAD_TOLERANCE: on-demand runtime workers (Swift concurrency's cooperative pool,
    libdispatch workers) are not per-call resources and may idle out later than the call's own
    threads; every UDP socket, by contrast, belongs to a call and must be gone (no tolerance)."""
    gw = start_gateway(backend=None)
    pid = gw.process.pid
    warm = gw.janus("/janus", {"janus": "create"})["data"]["id"]  # warm up the API path first
    assert gw.janus(f"/janus/{warm}", {"janus": "destroy"})["janus"] == "success"
    threads_before, udp_before = thread_count(pid), udp_socket_count(pid)
    during = {}

    async def scenario():
        client = await open_call(gw.janus_port)
        try:
            during["udp"], during["threads"] = udp_socket_count(pid), thread_count(pid)
            listed = await asyncio.to_thread(gw.admin, f"/admin/{client.session}", {"janus": "list_handles"})
            assert listed["handles"] == [client.handle], listed
            await hangup_and_wait(client)
            handles = await asyncio.to_thread(gw.admin, f"/admin/{client.session}", {"janus": "list_handles"})
            assert handles["handles"] == [client.handle], "hangup keeps the handle"
            await detach_and_wait(client)
            handles = await asyncio.to_thread(gw.admin, f"/admin/{client.session}", {"janus": "list_handles"})
            assert handles["janus"] == "success" and handles["handles"] == [], handles
            assert (await client.destroy())["janus"] == "success"
            return client.session
        finally:
            await client.close()

    session = run(scenario())
    assert during["udp"] > udp_before, f"no UDP socket seen during the call ({during}, before {udp_before})"
    sessions = gw.admin("/admin", {"janus": "list_sessions"})
    assert sessions["janus"] == "success" and sessions["sessions"] == [], sessions
    gone = gw.admin(f"/admin/{session}", {"janus": "list_handles"})
    assert gone["janus"] == "error" and gone["error"]["code"] == 458, gone
    udp_after = wait_for_level(lambda: udp_socket_count(pid), udp_before, SETTLE)
    assert udp_after == udp_before, f"UDP sockets: {udp_before} before, {during['udp']} during, {udp_after} after"
    threads_after = wait_for_level(lambda: thread_count(pid), threads_before + THREAD_TOLERANCE, SETTLE)
    assert threads_after <= threads_before + THREAD_TOLERANCE, \
        f"threads: {threads_before} before, {during['threads']} during, {threads_after} {SETTLE} s after destroy"


OPAQUE = "itest-media"


def test_call_events_arrive_in_order_with_janus_shapes(start_gateway, collector):
    gw = start_gateway(backend=collector.url, stats_period=1)
    call = {}

    def stats_for(handle):
        return lambda evs: any(e.get("handle_id") == handle and is_event(32, 3)(e) for e in evs)

    async def scenario():
        client = await open_call(gw.janus_port, opaque_id=OPAQUE)
        try:
            call.update(session=client.session, handle=client.handle, offer=client.offer_sdp,
                        answer=client.answer_sdp, mids={t.kind: t.mid for t in client.pc.getTransceivers()})
            await asyncio.to_thread(collector.wait_for, stats_for(client.handle), 10, "periodic stats (1 s period)")
            await hangup_and_wait(client)
        finally:
            await client.close()

    run(scenario())
    handle = call["handle"]
    collector.wait_for(lambda evs: any(e.get("handle_id") == handle and is_event(16, 6, connection="hangup")(e)
                                       for e in evs), 10, "hangup event")
    time.sleep(1.5)  # longer than stats_period: periodic stats must have stopped with the PeerConnection
    mine = [e for e in collector.events() if e.get("handle_id") == handle]
    check_call_events(mine, session=call["session"], opaque=OPAQUE, offer_sdp=call["offer"],
                      answer_sdp=call["answer"], mids=call["mids"])


def test_offer_with_a_data_channel_still_echoes_audio_and_video(start_gateway):
    """janus.js's echotest page and many apps add a data channel: its m=application section is
    rejected (port 0; data channels are not supported yet) and the call goes on with audio and video."""
    gw = start_gateway(backend=None)

    async def scenario():
        client = await open_call(gw.janus_port, datachannel=True)
        try:
            assert "m=application 0 " in client.answer_sdp, client.answer_sdp
            before = len(client.video_frames)
            await client.wait_until(lambda: len(client.video_frames) >= before + 20, 15,
                                    lambda: "echo with a rejected data channel: " + client.summary())
            # Admin handle_info during the call describes the PeerConnection.
            info = (await asyncio.to_thread(gw.admin, f"/admin/{client.session}/{client.handle}",
                                            {"janus": "handle_info"}))["info"]
            webrtc = info["webrtc"]
            assert info["flags"]["webrtcup"] is True and info["flags"]["negotiated"] is True, info["flags"]
            assert webrtc["ice-state"] in ("connected", "ready") and webrtc["dtls-state"] == "connected", webrtc
            assert webrtc["selected-pair"].startswith("127.0.0.1:") and webrtc["remote-candidates"], webrtc
            assert [t["media"] for t in webrtc["tracks"]] == ["audio", "video"], webrtc["tracks"]
            assert all(t["packets-received"] > 0 and t["packets-sent"] > 0 for t in webrtc["tracks"]), webrtc
            assert set(webrtc["dropped"].values()) == {0}, webrtc["dropped"]
        finally:
            await client.close()

    run(scenario())
