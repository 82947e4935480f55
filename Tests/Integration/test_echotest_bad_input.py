"""Bad JSEP and trickle input over the Janus API of the built gateway: each is refused with Janus's
error code and a reason that says what is wrong, leaves no PeerConnection behind (Admin API
handle_info), and a real aiortc call works afterwards. Also: a peer that closes its PeerConnection
without a Janus `hangup` gets a `hangup` from the gateway. Loopback only."""

import asyncio
from pathlib import Path

import pytest

from echo_scenarios import for_handle, open_call, run

OFFER = (Path(__file__).resolve().parents[1] / "Fixtures" / "sdp" / "aiortc-echotest-offer.sdp").read_text()


def without(sdp: str, prefix: str) -> str:
    return "".join(line for line in sdp.splitlines(keepends=True) if not line.startswith(prefix))


MANY_BAD_MLINES = (
    "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\na=group:BUNDLE " + " ".join(map(str, range(8000))) + "\r\n"
    "a=ice-ufrag:abcd\r\na=ice-pwd:abcdefghijklmnopqrstuv\r\na=fingerprint:sha-256 " + ":".join(["AB"] * 32) + "\r\n"
    "a=setup:actpass\r\n" + "".join(
        f"m=audio 9 UDP/TLS/RTP/SAVPF 120\r\nc=IN IP4 0.0.0.0\r\na=mid:{i}\r\na=rtcp-mux\r\na=rtpmap:120 foo/8000\r\n"
        for i in range(8000)))

BAD_OFFERS = [
    ("garbage", "hello", "Invalid SDP"),
    ("truncated", "".join(OFFER.splitlines(keepends=True)[:3]), "m="),
    ("no BUNDLE", without(OFFER, "a=group:BUNDLE"), "BUNDLE"),
    ("no fingerprint", without(OFFER, "a=fingerprint"), "fingerprint"),
    ("no ICE credentials", without(without(OFFER, "a=ice-ufrag"), "a=ice-pwd"), "ice-ufrag"),
    ("only a data channel", "".join(OFFER.partition("m=audio")[0]) + "m=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\n"
     "c=IN IP4 0.0.0.0\r\na=mid:0\r\na=ice-ufrag:abcd\r\na=ice-pwd:abcdefghijklmnopqrstuv\r\n"
     "a=fingerprint:sha-256 " + ":".join(["AB"] * 32) + "\r\na=setup:actpass\r\na=sctp-port:5000\r\n", "no audio or video"),
    # 8,000 m-lines of an unknown codec (about 750 KB, under the body limit): the reason names each,
    # and is cut at 1,000 characters instead of growing with the offer.
    ("8000 bad m-lines", MANY_BAD_MLINES, "more characters"),
]


@pytest.mark.parametrize("name,sdp,reason", BAD_OFFERS, ids=[b[0] for b in BAD_OFFERS])
def test_bad_offer_is_refused_with_465_and_leaves_nothing(start_gateway, name, sdp, reason):
    gw = start_gateway(backend=None)
    session = gw.janus("/janus", {"janus": "create"})["data"]["id"]
    handle = gw.janus(f"/janus/{session}", {"janus": "attach", "plugin": "janus.plugin.echotest"})["data"]["id"]
    reply = gw.janus(f"/janus/{session}/{handle}",
                     {"janus": "message", "body": {"audio": True}, "jsep": {"type": "offer", "sdp": sdp}})
    assert reply["janus"] == "error" and reply["error"]["code"] == 465, reply
    assert reason.lower() in reply["error"]["reason"].lower(), reply
    assert len(reply["error"]["reason"]) < 1100, len(reply["error"]["reason"])
    info = gw.admin(f"/admin/{session}/{handle}", {"janus": "handle_info"})["info"]
    assert info["webrtc"] is None and info["flags"]["got-offer"] is False, info
    # The gateway is unharmed: a real call works right after.
    run(_good_call(gw.janus_port))


def test_bad_trickles_are_refused_and_the_call_goes_on(start_gateway):
    gw = start_gateway(backend=None)

    async def scenario():
        client = await open_call(gw.janus_port)
        try:
            path = f"/janus/{client.session}/{client.handle}"
            for candidate, code in (({"candidate": 5}, 467), ({"candidate": {"sdpMid": "0"}}, 456)):
                reply = await asyncio.to_thread(gw.janus, path, {"janus": "trickle", **candidate})
                assert reply["janus"] == "error" and reply["error"]["code"] == code, reply
            # Syntactically a candidate, but garbage inside: acknowledged (as Janus does), counted, ignored.
            reply = await asyncio.to_thread(gw.janus, path, {"janus": "trickle", "candidate": {
                "candidate": "candidate:garbage", "sdpMid": "0", "sdpMLineIndex": 0}})
            assert reply["janus"] == "ack", reply
            before = len(client.video_frames)
            await client.wait_until(lambda: len(client.video_frames) >= before + 10, 10,
                                    lambda: "echo after bad trickles: " + client.summary())
            second = await asyncio.to_thread(gw.janus, path, {"janus": "message", "body": {},
                                                              "jsep": {"type": "offer", "sdp": client.offer_sdp}})
            assert second["janus"] == "error" and second["error"]["code"] == 471, second
        finally:
            await client.close()

    run(scenario())


def test_peer_closing_without_hangup_gets_a_hangup(start_gateway):
    gw = start_gateway(backend=None)

    async def scenario():
        client = await open_call(gw.janus_port)
        try:
            await client.pc.close()
            hangup = await client.api.wait_event(for_handle(client, "hangup"), 45, "hangup after the peer closed")
            assert hangup["reason"] in ("DTLS alert", "ICE failed"), hangup
        finally:
            await client.close()

    run(scenario(), budget=60)


async def _good_call(port):
    client = await open_call(port)
    await client.close()
