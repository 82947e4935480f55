"""An aiortc EchoTest client for the Janus HTTP API (janus.plugin.echotest): negotiates one
PeerConnection (audio + video, optionally a data channel) with or without trickle ICE, and counts
what the gateway echoes back: decoded video frames, VP8 key frames (seen in RTP), decoded audio
frames, data-channel messages, and the RTCP feedback (REMB, PLI, FIR) reaching its own senders. Loopback only: aioice gathers
127.0.0.1 alone, no STUN/TURN, and non-loopback remote candidates are refused and recorded."""

import asyncio
import time

from aiortc import RTCConfiguration, RTCPeerConnection, RTCSessionDescription
from aiortc.mediastreams import MediaStreamError
from aiortc.sdp import candidate_from_sdp

from janus_http import JanusError, JanusHTTP
from sdp_text import candidate_address, split_candidates, vp8_payload_type
from synthetic_media import (LOOPBACK_ADDRESSES, PatternVideoTrack, RtcpFeedbackLog, ToneTrack,
                             restrict_ice_to_loopback, tap_receiver_key_frames, tap_sender_rtcp,
                             tap_transport_rtcp)

PLUGIN = "janus.plugin.echotest"


class OfferRejected(JanusError):
    """The gateway answered the JSEP offer without a JSEP answer (an error event, or no jsep)."""


class EchoTestClient:
    """One EchoTest call. Counters (monotonic times): `video_frames` (each decoded echoed frame),
    `key_frames` (each echoed RTP packet starting a VP8 key frame), `audio_frames` (each decoded
    echoed audio frame), `data_messages` [(time, message)] (with `datachannel=True`, which sends
    "ping" on open). `feedback["audio"|"video"]`: RtcpFeedbackLog of each sender; `rtcp_log`:
    every RTCP packet received; `refused_candidates`: non-loopback remote candidates, never used."""

    def __init__(self, port: int, *, trickle: bool, audio=True, video=True, datachannel=False,
                 opaque_id=None):
        restrict_ice_to_loopback()
        self.api = JanusHTTP(port)
        self.api.on_event = self._on_event
        self.trickle, self.audio, self.video, self.datachannel = trickle, audio, video, datachannel
        self.opaque_id = opaque_id
        self.pc = None
        self.senders = {}
        self.video_frames, self.key_frames, self.audio_frames, self.data_messages = [], [], [], []
        self.feedback = {"audio": RtcpFeedbackLog(), "video": RtcpFeedbackLog()}
        self.rtcp_log, self.refused_candidates, self.connection_states = [], [], []
        self.offer_sdp = self.answer_sdp = None
        self._remote_candidates = []
        self._remote_set = False
        self._flush_lock = asyncio.Lock()
        self._bundle_mid = None
        self._tracks, self._tasks = [], []

    @property
    def session(self):
        return self.api.session

    @property
    def handle(self):
        return self.api.handle

    async def start(self):
        """create + attach janus.plugin.echotest; starts the long poll."""
        await self.api.create()
        await self.api.attach(PLUGIN, self.opaque_id)

    async def send_message(self, body: dict, jsep=None) -> dict:
        """A `message` request; returns the `ack` (or synchronous `success`) reply."""
        request = {"janus": "message", "body": body}
        if jsep is not None:
            request["jsep"] = jsep
        return await self.api.handle_request(request, expect=("ack", "success"))

    async def message_event(self, body: dict, timeout: float = 10.0) -> dict:
        """Sends `body` and returns the plugin's asynchronous `event` answering it."""
        reply = await self.send_message(body)
        if reply["janus"] == "success":
            return reply
        return await self.api.wait_event(
            lambda e: e.get("janus") == "event" and e.get("transaction") == reply["transaction"],
            timeout, f"plugin event answering {body}")

    async def call(self, body=None, timeout: float = 10.0) -> dict:
        """Offers audio/video, trickles if asked, and applies the answer; returns the event that
        carried it. Raises OfferRejected when the gateway answers without a JSEP answer."""
        self.pc = pc = RTCPeerConnection(RTCConfiguration(iceServers=[]))
        pc.on("track", self._on_track)
        pc.on("connectionstatechange", lambda: self.connection_states.append((time.monotonic(), pc.connectionState)))
        for kind, wanted, factory in (("audio", self.audio, ToneTrack), ("video", self.video, PatternVideoTrack)):
            if wanted:
                track = factory()
                self._tracks.append(track)
                self.senders[kind] = pc.addTrack(track)
        if self.datachannel:
            channel = pc.createDataChannel("echotest")
            channel.on("open", lambda: channel.send("ping"))
            channel.on("message", lambda m: self.data_messages.append((time.monotonic(), m)))
        await pc.setLocalDescription(await pc.createOffer())
        sdp = pc.localDescription.sdp
        own = [line[2:] for line in sdp.split("\r\n") if line.startswith("a=candidate:")]
        assert own and all(candidate_address(c) in LOOPBACK_ADDRESSES for c in own), f"aiortc gathered {own}"
        self._bundle_mid = pc.getTransceivers()[0].mid if pc.getTransceivers() else "0"
        for kind, sender in self.senders.items():
            tap_sender_rtcp(sender, self.feedback[kind])
        transport = next(iter(self.senders.values())).transport if self.senders else None
        if transport is not None:
            tap_transport_rtcp(transport, self.rtcp_log)
        candidates = []
        if self.trickle:
            sdp, candidates = split_candidates(sdp)
        self.offer_sdp = sdp
        reply = await self.send_message(body if body is not None else {"audio": self.audio, "video": self.video},
                                        jsep={"type": "offer", "sdp": sdp})
        for candidate in candidates:
            await self.api.handle_request({"janus": "trickle", "candidate": candidate}, expect=("ack",))
        if self.trickle:
            await self.api.handle_request({"janus": "trickle", "candidate": {"completed": True}}, expect=("ack",))
        event = reply if reply["janus"] == "success" else await self.api.wait_event(
            lambda e: e.get("janus") == "event" and e.get("transaction") == reply["transaction"],
            timeout, "plugin event answering the offer")
        data = event.get("plugindata", {}).get("data", {})
        jsep = event.get("jsep")
        if "error_code" in data or "error" in data or not jsep or jsep.get("type") != "answer":
            raise OfferRejected(f"gateway answered the EchoTest offer without a JSEP answer: "
                                f"plugindata={data} jsep={'present' if jsep else 'absent'}")
        self.answer_sdp = jsep["sdp"]
        await pc.setRemoteDescription(RTCSessionDescription(self._loopback_only(jsep["sdp"]), "answer"))
        self._remote_set = True
        vp8 = vp8_payload_type(self.answer_sdp)
        for transceiver in pc.getTransceivers():
            if transceiver.kind == "video" and vp8 is not None:
                tap_receiver_key_frames(transceiver.receiver, vp8, self.key_frames)
        await self._flush_candidates()
        return event

    def _loopback_only(self, sdp: str) -> str:
        kept = []
        for line in sdp.split("\r\n"):
            if line.startswith("a=candidate:") and candidate_address(line[2:]) not in LOOPBACK_ADDRESSES:
                self.refused_candidates.append(line[2:])
                continue
            kept.append(line)
        return "\r\n".join(kept)

    def _on_event(self, event: dict):
        if event.get("janus") == "trickle" and event.get("sender") == self.handle:
            self._remote_candidates.append(event.get("candidate") or {})
            if self._remote_set:
                self._tasks.append(asyncio.ensure_future(self._flush_candidates()))

    async def _flush_candidates(self):
        async with self._flush_lock:  # one flush at a time keeps the gateway's order
            while self._remote_candidates:
                await self._add_remote_candidate(self._remote_candidates.pop(0))

    async def _add_remote_candidate(self, item: dict):
        """Applies one Janus `trickle` candidate object ({"completed": true} = end of candidates)."""
        if item.get("completed"):
            await self.pc.addIceCandidate(None)
            return
        text = item.get("candidate", "")
        if candidate_address(text) not in LOOPBACK_ADDRESSES:
            self.refused_candidates.append(text)
            return
        candidate = candidate_from_sdp(text.removeprefix("candidate:"))
        # Everything is BUNDLEd on the first m-line's transport; aiortc ignores candidates
        # addressed to a bundled (non-first) transceiver.
        candidate.sdpMid, candidate.sdpMLineIndex = self._bundle_mid, 0
        await self.pc.addIceCandidate(candidate)

    def _on_track(self, track):
        self._tasks.append(asyncio.ensure_future(self._consume(track)))

    async def _consume(self, track):
        while True:
            try:
                frame = await track.recv()
            except MediaStreamError:
                return
            if track.kind == "video":
                self.video_frames.append(time.monotonic())
            else:
                self.audio_frames.append(time.monotonic())

    def frames_since(self, kind: str, since: float) -> int:
        return sum(1 for t in (self.video_frames if kind == "video" else self.audio_frames) if t >= since)

    async def wait_until(self, condition, timeout: float, what: str):
        """Polls `condition()` every 20 ms; raises AssertionError with `what()` after `timeout` s."""
        deadline = time.monotonic() + timeout
        while not condition():
            if time.monotonic() >= deadline:
                raise AssertionError(f"timed out after {timeout} s waiting for {what if isinstance(what, str) else what()}")
            await asyncio.sleep(0.02)

    def summary(self) -> str:
        """A one-line state dump for assertion messages."""
        return (f"video_frames={len(self.video_frames)} key_frames={len(self.key_frames)} audio_frames={len(self.audio_frames)} "
                f"states={[s for _, s in self.connection_states]} "
                f"remb={[(b, s) for _, b, s in self.feedback['video'].remb][-3:]} "
                f"keyframe_requests={len(self.feedback['video'].keyframe_requests)} "
                f"rtcp={[d for _, d in self.rtcp_log][-8:]} refused={self.refused_candidates} "
                f"events={[e.get('janus') for _, e in self.api.events]}")

    async def hangup(self) -> dict:
        """Janus `hangup` request (the PeerConnection is torn down by the gateway)."""
        return await self.api.handle_request({"janus": "hangup"}, expect=("success",))

    async def detach(self) -> dict:
        return await self.api.detach()

    async def destroy(self) -> dict:
        return await self.api.destroy()

    async def close(self):
        """Stops consumers and tracks, closes the RTCPeerConnection and the long poll. Idempotent."""
        for task in self._tasks:
            task.cancel()
        if self._tasks:
            await asyncio.wait(self._tasks, timeout=2)
        if self.pc is not None:
            await asyncio.wait_for(self.pc.close(), 10)
        for track in self._tracks:
            track.stop()
        await asyncio.to_thread(self.api.stop_polling)
