"""Checks of one handle's event-handler stream for an EchoTest call against the order and shapes
of Janus 1.1.2 (Tests/Fixtures/janus-1.1.2/events-echotest.jsonl, reference/EVENTS.md). Used by
test_echotest_media.py on the gateway's events and by the client self-test on the reference."""

STATS_KEYS = {"mid", "mindex", "media", "codec", "base", "rtt", "lost", "lost-by-remote", "jitter-local",
              "jitter-remote", "in-link-quality", "in-media-link-quality", "out-link-quality",
              "out-media-link-quality", "packets-received", "packets-sent", "bytes-received", "bytes-sent",
              "bytes-received-lastsec", "bytes-sent-lastsec", "nacks-received", "nacks-sent",
              "retransmissions-received"}
TOP_KEYS = ["emitter", "type", "subtype", "timestamp", "session_id", "handle_id", "opaque_id", "event"]


def describe(events):
    return [(e["type"], e.get("subtype"), {k: v for k, v in e["event"].items() if k != "jsep"}) for e in events]


def first(events, predicate, what):
    for index, event in enumerate(events):
        if predicate(event):
            return index
    raise AssertionError(f"no {what} among the handle's events: {describe(events)}")


def is_event(type_, subtype=None, **fields):
    return lambda e: (e["type"] == type_ and e.get("subtype") == subtype
                      and all(e["event"].get(k) == v for k, v in fields.items()))


def check_call_events(mine, *, session, opaque, offer_sdp, answer_sdp, mids):
    """`mine`: the handle's events in arrival order, up to at least its hangup. Asserts: jsep remote
    offer < local answer < ICE connected < DTLS connected < webrtcup < audio and video receiving
    < stats < hangup, each in Janus's shape, and no media event after the hangup."""
    for e in mine:
        # Key order is not part of JSON's meaning (SwiftGate sorts keys; Janus keeps insertion order).
        assert set(e) <= set(TOP_KEYS) and {"emitter", "type", "timestamp", "event"} <= set(e), f"top-level keys: {list(e)}"
        assert e["session_id"] == session and e["opaque_id"] == opaque, e
        assert isinstance(e["timestamp"], int) and e["timestamp"] > 1_600_000_000_000_000
        assert e.get("subtype", 1) > 0, "subtype is present only when > 0"

    offer = first(mine, is_event(8, owner="remote"), "jsep remote offer")
    answer = first(mine, is_event(8, owner="local"), "jsep local answer")
    ice = first(mine, is_event(16, 1, ice="connected"), "ICE connected")
    dtls = first(mine, is_event(16, 5, dtls="connected"), "DTLS connected")
    up = first(mine, is_event(16, 6, connection="webrtcup"), "PeerConnection up")
    audio = first(mine, is_event(32, 1, media="audio", receiving=True), "audio receiving")
    video = first(mine, is_event(32, 1, media="video", receiving=True), "video receiving")
    stats = first(mine, is_event(32, 3), "media stats")
    hangup = first(mine, is_event(16, 6, connection="hangup"), "hangup")
    order = [offer, answer, ice, dtls, up, max(audio, video), stats, hangup]
    assert order == sorted(order) and len(set(order)) == len(order), (order, describe(mine))
    assert min(audio, video) > up, describe(mine)

    assert mine[offer]["event"] == {"owner": "remote", "jsep": {"type": "offer", "sdp": offer_sdp}}
    assert mine[answer]["event"] == {"owner": "local", "jsep": {"type": "answer", "sdp": answer_sdp}}
    for index, keys in ((ice, {"ice", "stream_id", "component_id"}),
                        (dtls, {"dtls", "stream_id", "component_id", "retransmissions"})):
        body = mine[index]["event"]
        assert set(body) == keys and all(isinstance(body[k], int) for k in keys - {"ice", "dtls"}), body
    assert mine[up]["event"] == {"connection": "webrtcup"}
    assert mine[hangup]["event"] == {"connection": "hangup", "reason": "Janus API"}
    for index, kind in ((audio, "audio"), (video, "video")):
        assert mine[index]["event"] == {"media": kind, "mid": mids[kind], "receiving": True}

    media_stats = [e["event"] for e in mine if is_event(32, 3)(e) and e["event"].get("media") in ("audio", "video")]
    assert media_stats, describe(mine)
    for body in media_stats:
        assert set(body) == STATS_KEYS, sorted(set(body) ^ STATS_KEYS)
        assert all(isinstance(body[k], int) for k in STATS_KEYS - {"mid", "media", "codec"}), body
        codec, base = ("opus", 48000) if body["media"] == "audio" else ("vp8", 90000)
        assert body["codec"] == codec and body["base"] == base and body["mid"] == mids[body["media"]], body
    for kind in ("audio", "video"):
        assert any(b["media"] == kind and b["packets-received"] > 0 and b["packets-sent"] > 0 for b in media_stats), \
            f"{kind} stats show no echoed packets: {media_stats}"
    late = [e for e in mine[hangup + 1:] if e["type"] == 32]
    assert not late, f"media events after hangup: {describe(late)}"
