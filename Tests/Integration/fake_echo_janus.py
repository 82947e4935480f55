"""A trivial stand-in for an EchoTest gateway, used only to test the test client (echo_client.py):
the Janus HTTP API subset an EchoTest call uses, answered by an aiortc peer that echoes the
decoded media (and data-channel messages) back. It trickles its own candidates when the offer had none (so the client's
remote-trickle path runs), sends a PLI when video is re-enabled and a REMB on `bitrate`.
Run as a script: prints its port, serves on 127.0.0.1 until SIGTERM/SIGINT."""

import asyncio
import json
import random
import signal
import sys

from aiortc import RTCConfiguration, RTCPeerConnection, RTCSessionDescription
from aiortc.mediastreams import MediaStreamTrack
from aiortc.rtp import RTCP_PSFB_APP, RtcpPsfbPacket, pack_remb_fci, unpack_remb_fci
from aiortc.sdp import candidate_from_sdp

from echo_client import PLUGIN
from sdp_text import split_candidates
from synthetic_media import restrict_ice_to_loopback


class Gate(MediaStreamTrack):
    """Relays a remote track's frames while `enabled`, drops them otherwise."""

    def __init__(self, source, on_first):
        super().__init__()
        self.kind, self.source, self.enabled, self.on_first = source.kind, source, True, on_first

    async def recv(self):
        while True:
            frame = await self.source.recv()
            if self.on_first:
                self.on_first, first = None, self.on_first
                first()
            if self.enabled:
                return frame


class Handle:
    def __init__(self, session, hid):
        self.session, self.id, self.pc, self.gates, self.video_ssrc = session, hid, None, {}, None
        self.queue = asyncio.Queue()
        self.worker = asyncio.ensure_future(self.work())

    def push(self, event):
        self.session.push(dict(event, session_id=self.session.id, sender=self.id))

    def plugin_event(self, transaction, result="ok", jsep=None):
        event = {"janus": "event", "plugindata": {"plugin": PLUGIN, "data": {"echotest": "event", "result": result}}}
        if transaction:
            event["transaction"] = transaction
        if jsep:
            event["jsep"] = jsep
        self.push(event)

    async def work(self):
        while True:
            kind, request = await self.queue.get()
            if kind == "message":
                await self.message(request)
            elif kind == "trickle" and self.pc is not None:
                item = request.get("candidate") or {}
                if item.get("completed"):
                    await self.pc.addIceCandidate(None)
                else:
                    candidate = candidate_from_sdp(item["candidate"].removeprefix("candidate:"))
                    candidate.sdpMid, candidate.sdpMLineIndex = item.get("sdpMid"), item.get("sdpMLineIndex")
                    await self.pc.addIceCandidate(candidate)

    async def message(self, request):
        body, jsep = request.get("body", {}), request.get("jsep")
        if jsep:
            await self.negotiate(request["transaction"], jsep["sdp"])
        for kind in ("audio", "video"):
            if kind in body and kind in self.gates:
                was, self.gates[kind].enabled = self.gates[kind].enabled, bool(body[kind])
                if kind == "video" and body[kind] and not was:
                    await self.video_receiver()._send_rtcp_pli(self.video_ssrc)
        if "bitrate" in body and self.pc is not None:
            self.cap_remb(int(body["bitrate"]))
        if not jsep:
            self.plugin_event(request["transaction"])

    def cap_remb(self, bitrate):
        """Sends a REMB of `bitrate` now and caps every REMB aiortc's own receiver sends later."""
        receiver = self.video_receiver()
        send = receiver._send_rtcp

        async def capped(packet):
            if isinstance(packet, RtcpPsfbPacket) and packet.fmt == RTCP_PSFB_APP:
                estimate, ssrcs = unpack_remb_fci(packet.fci)
                packet.fci = pack_remb_fci(min(estimate, bitrate), ssrcs)
            await send(packet)

        receiver._send_rtcp = capped
        asyncio.ensure_future(capped(RtcpPsfbPacket(fmt=RTCP_PSFB_APP, ssrc=1, media_ssrc=0,
                                                    fci=pack_remb_fci(bitrate, [self.video_ssrc]))))

    def video_receiver(self):
        return next(t.receiver for t in self.pc.getTransceivers() if t.kind == "video")

    async def negotiate(self, transaction, offer):
        self.pc = pc = RTCPeerConnection(RTCConfiguration(iceServers=[]))
        section = offer[offer.find("m=video"):] if "m=video" in offer else ""
        ssrcs = [line.split()[0][len("a=ssrc:"):] for line in section.split("\r\n") if line.startswith("a=ssrc:")]
        self.video_ssrc = int(ssrcs[0]) if ssrcs else None

        @pc.on("track")
        def on_track(track):
            mid = next(t.mid for t in pc.getTransceivers() if t.receiver.track is track)
            self.gates[track.kind] = gate = Gate(track, lambda: self.push(
                {"janus": "media", "mid": mid, "type": track.kind, "receiving": True}))
            pc.addTrack(gate)

        @pc.on("datachannel")
        def on_datachannel(channel):
            channel.on("message", channel.send)

        @pc.on("connectionstatechange")
        def on_state():
            if pc.connectionState == "connected":
                self.push({"janus": "webrtcup"})

        await pc.setRemoteDescription(RTCSessionDescription(offer, "offer"))
        await pc.setLocalDescription(await pc.createAnswer())
        answer = pc.localDescription.sdp
        trickled = "a=candidate:" not in offer
        if trickled:
            answer, candidates = split_candidates(answer)
        self.plugin_event(transaction, jsep={"type": "answer", "sdp": answer})
        if trickled:
            for candidate in candidates:
                self.push({"janus": "trickle", "candidate": candidate})
            self.push({"janus": "trickle", "candidate": {"completed": True}})

    async def hangup(self):
        if self.pc is not None:
            await self.pc.close()
            self.pc = None
            self.plugin_event(None, result="done")
            self.push({"janus": "hangup", "reason": "Janus API"})


class Session:
    def __init__(self, sid):
        self.id, self.handles, self.events, self.changed = sid, {}, [], asyncio.Event()

    def push(self, event):
        self.events.append(event)
        self.changed.set()


class FakeJanus:
    def __init__(self):
        self.sessions = {}

    async def route(self, method, path, body):
        parts = path.split("?")[0].strip("/").split("/")
        if method == "GET" and len(parts) == 2:
            session = self.sessions.get(int(parts[1]))
            if session is None:
                return 404, None
            if not session.events:
                session.changed.clear()
                try:
                    await asyncio.wait_for(session.changed.wait(), 30)
                except asyncio.TimeoutError:
                    return 200, [{"janus": "keepalive"}]
            events, session.events[:] = list(session.events[:10]), session.events[10:]
            return 200, events
        janus, tx = body.get("janus"), body.get("transaction")
        reply = {"janus": "success", "transaction": tx}
        if len(parts) == 1 and janus == "create":
            session = Session(random.randrange(1, 2**52))
            self.sessions[session.id] = session
            reply["data"] = {"id": session.id}
            return 200, reply
        session = self.sessions.get(int(parts[1]))
        reply["session_id"] = session.id
        if len(parts) == 2 and janus == "attach":
            handle = Handle(session, random.randrange(1, 2**52))
            session.handles[handle.id] = handle
            reply["data"] = {"id": handle.id}
        elif len(parts) == 2 and janus == "destroy":
            for handle in session.handles.values():
                await handle.hangup()
            del self.sessions[session.id]
        elif len(parts) == 3:
            handle = session.handles[int(parts[2])]
            if janus in ("message", "trickle"):
                handle.queue.put_nowait((janus, body))
                reply["janus"] = "ack"
            elif janus == "hangup":
                await handle.hangup()
            elif janus == "detach":
                await handle.hangup()
                handle.worker.cancel()
                del session.handles[handle.id]
                handle.push({"janus": "detached"})
        return 200, reply

    async def serve(self, reader, writer):
        try:
            request_line = (await reader.readline()).decode().split()
            headers = {}
            while (line := (await reader.readline()).decode().strip()):
                name, _, value = line.partition(":")
                headers[name.strip().lower()] = value.strip()
            raw = await reader.readexactly(int(headers.get("content-length", "0")))
            status, payload = await self.route(request_line[0], request_line[1], json.loads(raw) if raw else {})
            data = json.dumps(payload).encode() if payload is not None else b""
            writer.write(f"HTTP/1.1 {status} X\r\nContent-Type: application/json\r\nContent-Length: {len(data)}\r\n"
                         f"Connection: close\r\n\r\n".encode() + data)
            await writer.drain()
        except (asyncio.CancelledError, ConnectionError):
            pass  # shutting down with a long poll pending, or the client went away
        finally:
            writer.close()


async def main():
    restrict_ice_to_loopback()
    server = await asyncio.start_server(FakeJanus().serve, "127.0.0.1", 0)
    print(server.sockets[0].getsockname()[1], flush=True)
    stop = asyncio.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        asyncio.get_running_loop().add_signal_handler(sig, stop.set)
    await stop.wait()
    server.close()


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
