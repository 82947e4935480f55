"""Media sources and RTCP taps for aiortc test peers: a tone, a moving-bar video pattern, the
loopback-only ICE restriction, and hooks that record the RTCP feedback an RTCRtpSender receives.
Stdlib + aiortc (and its PyAV) only."""

import array
import asyncio
import fractions
import math
import time

import aioice.ice
import av
from aiortc.mediastreams import MediaStreamError, MediaStreamTrack, VideoStreamTrack
from aiortc.rtp import (RTCP_PSFB_APP, RTCP_PSFB_FIR, RTCP_PSFB_PLI, RtcpPacket, RtcpPsfbPacket,
                        unpack_remb_fci)

LOOPBACK_ADDRESSES = ("127.0.0.1", "::1")


def restrict_ice_to_loopback():
    """aioice leaves 127.0.0.1 out of its host addresses and uses every other interface; tests must
    gather on 127.0.0.1 only, so its address discovery is replaced. Call before any
    RTCPeerConnection exists (aioice looks the function up at gathering time)."""
    aioice.ice.get_host_addresses = lambda use_ipv4, use_ipv6: ["127.0.0.1"] if use_ipv4 else []


class ToneTrack(MediaStreamTrack):
    """A 400 Hz sine tone, 48 kHz mono s16, one 20 ms frame (960 samples, exactly 8 periods) per
    recv(), paced in real time."""

    kind = "audio"
    RATE = 48000
    SAMPLES = 960

    def __init__(self, amplitude: int = 8000):
        super().__init__()
        samples = array.array("h", (int(amplitude * math.sin(2 * math.pi * 400 * i / self.RATE))
                                    for i in range(self.SAMPLES)))
        self._pcm = samples.tobytes()
        self._start = None
        self._pts = 0

    async def recv(self):
        if self.readyState != "live":
            raise MediaStreamError
        if self._start is None:
            self._start = time.monotonic()
        else:
            self._pts += self.SAMPLES
            await asyncio.sleep(max(0.0, self._start + self._pts / self.RATE - time.monotonic()))
        frame = av.AudioFrame(format="s16", layout="mono", samples=self.SAMPLES)
        frame.planes[0].update(self._pcm)
        frame.pts = self._pts
        frame.sample_rate = self.RATE
        frame.time_base = fractions.Fraction(1, self.RATE)
        return frame


class PatternVideoTrack(VideoStreamTrack):
    """A horizontal grey gradient with a white bar moving 4 pixels per frame, yuv420p, 30 frames
    per second (aiortc's VideoStreamTrack pacing)."""

    def __init__(self, width: int = 320, height: int = 240):
        super().__init__()
        self.width, self.height = width, height
        self.sent = 0

    async def recv(self):
        pts, time_base = await self.next_timestamp()
        frame = av.VideoFrame(self.width, self.height, "yuv420p")
        luma, cb, cr = frame.planes
        row = bytearray((x * 200 // self.width) for x in range(luma.line_size))
        bar = (self.sent * 4) % max(1, self.width - 16)
        row[bar:bar + 16] = b"\xff" * 16
        luma.update(bytes(row) * self.height)
        cb.update(b"\x80" * cb.buffer_size)
        cr.update(b"\x80" * cr.buffer_size)
        frame.pts, frame.time_base = pts, time_base
        self.sent += 1
        return frame


class RtcpFeedbackLog:
    """What RTCP feedback reached one RTCRtpSender: `remb` is [(monotonic time, bits per second,
    ssrcs)], `keyframe_requests` is [(monotonic time, "pli" | "fir")] (RFC 4585 6.3.1 PLI,
    RFC 5104 4.3.1 FIR, draft-alvestrand-rmcat-remb REMB)."""

    def __init__(self):
        self.remb = []
        self.keyframe_requests = []

    def pli_times(self):
        return [t for t, kind in self.keyframe_requests if kind == "pli"]


def tap_sender_rtcp(sender, log: RtcpFeedbackLog):
    """Wraps `sender._handle_rtcp_packet` (aiortc's DTLS transport routes each parsed RTCP packet
    to it: PLI/FIR by media SSRC, REMB by the SSRCs in its FCI) to record feedback first."""
    original = sender._handle_rtcp_packet

    async def handle(packet):
        now = time.monotonic()
        if isinstance(packet, RtcpPsfbPacket):
            if packet.fmt == RTCP_PSFB_PLI:
                log.keyframe_requests.append((now, "pli"))
            elif packet.fmt == RTCP_PSFB_FIR:
                log.keyframe_requests.append((now, "fir"))
            elif packet.fmt == RTCP_PSFB_APP:
                try:
                    bitrate, ssrcs = unpack_remb_fci(packet.fci)
                    log.remb.append((now, bitrate, ssrcs))
                except ValueError:
                    pass
        await original(packet)

    sender._handle_rtcp_packet = handle


def tap_transport_rtcp(dtls_transport, log: list):
    """Records a short description of every RTCP packet the DTLS transport receives, before
    routing (so feedback addressed to an unknown SSRC still shows in diagnostics)."""
    original = dtls_transport._handle_rtcp_data

    async def handle(data):
        try:
            for packet in RtcpPacket.parse(data):
                log.append((time.monotonic(), describe_rtcp(packet)))
        except ValueError as error:
            log.append((time.monotonic(), f"unparsable RTCP: {error}"))
        await original(data)

    dtls_transport._handle_rtcp_data = handle


def vp8_starts_key_frame(payload: bytes) -> bool:
    """True when an RTP payload (RFC 7741 section 4) begins a VP8 key frame: the descriptor has S=1
    and PID=0, and the first VP8 payload header byte has P (inverse key frame flag) = 0."""
    if len(payload) < 2 or not payload[0] & 0x10 or payload[0] & 0x07:
        return False
    offset = 1
    if payload[0] & 0x80:  # X: extension byte with I, L, T, K
        if len(payload) < 2:
            return False
        ext, offset = payload[1], 2
        if ext & 0x80:  # I: picture id, 15 bits when M is set
            offset += 2 if len(payload) > offset and payload[offset] & 0x80 else 1
        offset += 1 if ext & 0x40 else 0  # L: TL0PICIDX
        offset += 1 if ext & 0x30 else 0  # T or K: TID/Y/KEYIDX
    return len(payload) > offset and not payload[offset] & 0x01


def tap_receiver_key_frames(receiver, payload_type: int, times: list):
    """Wraps `receiver._handle_rtp_packet` (aiortc's DTLS transport routes each parsed RTP packet to
    it) to append the monotonic time of every packet starting a VP8 key frame with `payload_type`."""
    original = receiver._handle_rtp_packet

    async def handle(packet, arrival_time_ms):
        if packet.payload_type == payload_type and vp8_starts_key_frame(packet.payload):
            times.append(time.monotonic())
        await original(packet, arrival_time_ms=arrival_time_ms)

    receiver._handle_rtp_packet = handle


def describe_rtcp(packet) -> str:
    name = type(packet).__name__
    if isinstance(packet, RtcpPsfbPacket):
        text = f"{name}(fmt={packet.fmt}, ssrc={packet.ssrc}, media_ssrc={packet.media_ssrc}"
        if packet.fmt == RTCP_PSFB_APP:
            try:
                bitrate, ssrcs = unpack_remb_fci(packet.fci)
                text += f", remb={bitrate}, ssrcs={ssrcs}"
            except ValueError:
                text += ", fci not REMB"
        return text + ")"
    return name
