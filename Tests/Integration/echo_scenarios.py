"""EchoTest call scenarios shared by the gateway media tests (test_echotest_media.py) and the
client self-test against an aiortc echo stand-in (test_echo_client_selftest.py). Each is a
coroutine taking the Janus API port; every wait in it is bounded."""

import asyncio
import time

from echo_client import PLUGIN, EchoTestClient

CALL_BUDGET = 60.0  # seconds for one whole test scenario
MEDIA_KEYS = {"janus", "session_id", "sender", "mid", "type", "receiving"}


def run(coroutine, budget: float = CALL_BUDGET):
    """Runs a scenario on a fresh event loop, cancelled (with a clear error) after `budget` s."""
    async def bounded():
        try:
            return await asyncio.wait_for(coroutine, budget)
        except asyncio.TimeoutError:
            raise AssertionError(f"scenario exceeded its {budget} s budget") from None
    return asyncio.run(bounded())


def for_handle(client, kind):
    return lambda e: e.get("janus") == kind and e.get("sender") == client.handle


async def open_call(port: int, *, trickle=True, min_video=5, min_audio=5, **options) -> EchoTestClient:
    """create, attach, offer audio+video, apply the answer, wait for `webrtcup` and the first
    echoed frames. `options` go to EchoTestClient. Closes the client if anything fails."""
    client = EchoTestClient(port, trickle=trickle, **options)
    try:
        await client.start()
        answer = await client.call()
        assert answer["plugindata"] == {"plugin": PLUGIN, "data": {"echotest": "event", "result": "ok"}}, answer
        assert answer["sender"] == client.handle and answer["session_id"] == client.session, answer
        await client.api.wait_event(for_handle(client, "webrtcup"), 15, "webrtcup")
        await client.wait_until(
            lambda: len(client.video_frames) >= min_video and len(client.audio_frames) >= min_audio, 20,
            lambda: "the first echoed frames: " + client.summary())
    except BaseException:
        await client.close()
        raise
    return client


async def echo_call(port: int, trickle: bool):
    """Audio+video call: >= 30 decoded echoed video frames, >= 50 audio frames, `webrtcup` and
    `media` receiving events for both kinds, in Janus's shape."""
    client = await open_call(port, trickle=trickle)
    try:
        await client.wait_until(lambda: len(client.video_frames) >= 30 and len(client.audio_frames) >= 50, 20,
                                lambda: "30 video and 50 audio echoed frames: " + client.summary())
        up = client.api.find(for_handle(client, "webrtcup"))[0]
        assert up == {"janus": "webrtcup", "session_id": client.session, "sender": client.handle}, up
        mids = {t.kind: t.mid for t in client.pc.getTransceivers()}
        for kind in ("audio", "video"):
            media = await client.api.wait_event(
                lambda e: e.get("janus") == "media" and e.get("type") == kind and e.get("sender") == client.handle,
                5, f"media event for {kind}")
            assert set(media) == MEDIA_KEYS and media["receiving"] is True, media
            assert media["mid"] == mids[kind] and media["session_id"] == client.session, (media, mids)
        assert client.key_frames and client.key_frames[0] <= client.video_frames[0], \
            f"the echoed video starts with a VP8 key frame: {client.summary()}"
        assert client.refused_candidates == [], f"gateway offered non-loopback candidates {client.refused_candidates}"
        assert client.pc.connectionState == "connected", client.summary()
    finally:
        await client.close()


async def video_toggle(port: int):
    """{"video": false}: echoed video stops (counted over 2 s after a 1 s drain) while audio goes on;
    {"video": true}: frames resume and the client's video sender gets a PLI after the re-enable."""
    client = await open_call(port, min_video=10)
    try:
        off = await client.message_event({"video": False})
        assert off["plugindata"]["data"] == {"echotest": "event", "result": "ok"}, off
        await asyncio.sleep(1.0)  # drain: packets in flight and the receiver's jitter buffer
        window = time.monotonic()
        await asyncio.sleep(2.0)
        video_off = client.frames_since("video", window)
        audio_off = client.frames_since("audio", window)
        assert video_off == 0, f"{video_off} echoed video frames in 2 s with video disabled: {client.summary()}"
        assert audio_off >= 50, f"audio must keep echoing with video off, got {audio_off} frames in 2 s"

        enabled = time.monotonic()
        on = await client.message_event({"video": True})
        assert on["plugindata"]["data"] == {"echotest": "event", "result": "ok"}, on
        pli = client.feedback["video"]
        await client.wait_until(lambda: client.frames_since("video", enabled) >= 10, 10,
                                lambda: "echoed video to resume: " + client.summary())
        await client.wait_until(lambda: any(t >= enabled for t in pli.pli_times()), 10,
                                lambda: "a PLI after re-enabling video: " + client.summary())
    finally:
        await client.close()


async def bitrate_cap(port: int, bitrate: int = 128000, observe: float = 2.0):
    """{"bitrate": N}: a REMB of at most N bits per second reaches the client's video sender, and
    no REMB above N follows it during the next `observe` s (the cap holds; EchoTest caps every
    REMB it relays)."""
    client = await open_call(port)
    try:
        sent = time.monotonic()
        reply = await client.message_event({"bitrate": bitrate})
        assert reply["plugindata"]["data"] == {"echotest": "event", "result": "ok"}, reply
        remb = client.feedback["video"].remb
        await client.wait_until(lambda: any(t >= sent and b <= bitrate for t, b, _ in remb), 10,
                                lambda: f"a REMB <= {bitrate} after the bitrate message: " + client.summary())
        capped = next(t for t, b, _ in remb if t >= sent and b <= bitrate)
        await asyncio.sleep(observe)
        above = [b for t, b, _ in remb if t > capped and b > bitrate]
        assert not above, f"REMBs above the {bitrate} cap after it took effect: {above}"
    finally:
        await client.close()


async def hangup_and_wait(client: EchoTestClient):
    """Janus `hangup` request -> `success`, then the `hangup` event with reason "Janus API"."""
    assert (await client.hangup())["janus"] == "success"
    hangup = await client.api.wait_event(for_handle(client, "hangup"), 10, "hangup event")
    assert hangup == {"janus": "hangup", "session_id": client.session, "sender": client.handle,
                      "reason": "Janus API"}, hangup


async def detach_and_wait(client: EchoTestClient):
    """`detach` -> `success`, then the `detached` event."""
    assert (await client.detach())["janus"] == "success"
    detached = await client.api.wait_event(for_handle(client, "detached"), 10, "detached event")
    assert detached == {"janus": "detached", "session_id": client.session, "sender": client.handle}, detached


async def hangup_detach_destroy(client: EchoTestClient):
    """Janus `hangup`, then `detach`, then `destroy`, each with the events Janus sends."""
    await hangup_and_wait(client)
    await detach_and_wait(client)
    assert (await client.destroy())["janus"] == "success"
