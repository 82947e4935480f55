// getStats() helpers and a tiny canvas line chart for the SwiftGate demos (no libraries).

/**
 * One sample computed from two consecutive getStats() reports.
 * @typedef {object} StatsSample
 * @property {number} inKbps   inbound RTP bitrate (audio + video payload and headers), kbit/s
 * @property {number} outKbps  outbound RTP bitrate, kbit/s
 * @property {number|null} lossPercent  inbound packets lost / expected, percent (cumulative)
 * @property {number|null} rttMs  round-trip time of the selected ICE candidate pair (or RTCP), milliseconds
 * @property {number} framesDecoded  inbound video frames decoded so far
 * @property {number} audioPacketsReceived  inbound audio packets so far
 * @property {string|null} pair  "local -> remote" addresses of the selected candidate pair
 * @property {string[]} codecs  e.g. ["audio opus/48000/2 (in)", "video VP8/90000 (out)"]
 */

/**
 * Turns successive getStats() reports of one PeerConnection into rates.
 */
export class StatsSampler {
  #last = null;

  /**
   * Reads `pc.getStats()` and computes rates since the previous call.
   * @param {RTCPeerConnection} pc
   * @returns {Promise<StatsSample>}
   */
  async sample(pc) {
    const report = await pc.getStats();
    const now = performance.now();
    let inBytes = 0, outBytes = 0, lost = 0, received = 0, framesDecoded = 0, audioPackets = 0;
    let rttMs = null, remoteRtt = null, pairId = null;
    const codecs = new Map();
    const byId = new Map();
    report.forEach((s) => byId.set(s.id, s));
    report.forEach((s) => {
      if (s.type === "inbound-rtp") {
        inBytes += (s.bytesReceived ?? 0) + (s.headerBytesReceived ?? 0);
        lost += Math.max(0, s.packetsLost ?? 0);
        received += s.packetsReceived ?? 0;
        if (s.kind === "video") framesDecoded += s.framesDecoded ?? 0;
        if (s.kind === "audio") audioPackets += s.packetsReceived ?? 0;
        addCodec(codecs, byId.get(s.codecId), s.kind, "in");
      } else if (s.type === "outbound-rtp") {
        outBytes += (s.bytesSent ?? 0) + (s.headerBytesSent ?? 0);
        addCodec(codecs, byId.get(s.codecId), s.kind, "out");
      } else if (s.type === "remote-inbound-rtp" && typeof s.roundTripTime === "number") {
        remoteRtt = s.roundTripTime * 1000;
      } else if (s.type === "transport" && s.selectedCandidatePairId) {
        pairId = s.selectedCandidatePairId;
      }
    });
    const pairStats = pairId ? byId.get(pairId) : [...byId.values()].find((s) => s.type === "candidate-pair" && s.nominated && s.state === "succeeded");
    if (pairStats && typeof pairStats.currentRoundTripTime === "number") rttMs = pairStats.currentRoundTripTime * 1000;
    if (rttMs === null) rttMs = remoteRtt;
    let pair = null;
    if (pairStats) {
      const l = byId.get(pairStats.localCandidateId), r = byId.get(pairStats.remoteCandidateId);
      if (l && r) pair = `${l.address ?? l.ip}:${l.port} -> ${r.address ?? r.ip}:${r.port}`;
    }
    let inKbps = 0, outKbps = 0;
    if (this.#last) {
      const seconds = (now - this.#last.time) / 1000;
      if (seconds > 0) {
        inKbps = Math.max(0, (inBytes - this.#last.inBytes) * 8 / 1000 / seconds);
        outKbps = Math.max(0, (outBytes - this.#last.outBytes) * 8 / 1000 / seconds);
      }
    }
    this.#last = { time: now, inBytes, outBytes };
    const expected = lost + received;
    return {
      inKbps, outKbps, rttMs, framesDecoded, audioPacketsReceived: audioPackets, pair,
      lossPercent: expected > 0 ? (100 * lost) / expected : null,
      codecs: [...codecs.values()],
    };
  }
}

function addCodec(map, codec, kind, direction) {
  if (!codec) return;
  const name = codec.mimeType?.split("/")[1] ?? "?";
  const channels = codec.channels ? `/${codec.channels}` : "";
  const key = `${kind} ${name}/${codec.clockRate}${channels}`;
  const previous = map.get(key);
  map.set(key, previous && !previous.endsWith(`(${direction})`) ? `${key} (in+out)` : `${key} (${direction})`);
}

/**
 * Codecs chosen in an SDP answer: the first payload type of each audio/video m-line.
 * @param {string} sdp
 * @returns {string[]} e.g. ["audio opus/48000/2", "video VP8/90000"]
 */
export function codecsFromSdp(sdp) {
  const result = [];
  const sections = sdp.split(/\r?\nm=/).slice(1);
  for (const section of sections) {
    const [mline] = section.split(/\r?\n/);
    const [kind, port, , firstPt] = mline.split(" ");
    if ((kind !== "audio" && kind !== "video") || port === "0" || firstPt === undefined) continue;
    const rtpmap = section.match(new RegExp(`a=rtpmap:${firstPt} ([^\\r\\n]+)`));
    if (rtpmap) result.push(`${kind} ${rtpmap[1]}`);
  }
  return result;
}

/**
 * A scrolling two-line chart (in / out kbit/s) drawn on a <canvas>.
 */
export class RateChart {
  /**
   * @param {HTMLCanvasElement} canvas
   * @param {number} [points=60] samples kept (one per second)
   */
  constructor(canvas, points = 60) {
    this.canvas = canvas;
    this.points = points;
    this.inSeries = [];
    this.outSeries = [];
  }

  /** Forgets every sample and clears the canvas. */
  reset() {
    this.inSeries = [];
    this.outSeries = [];
    this.draw();
  }

  /**
   * Adds one sample and redraws.
   * @param {number} inKbps
   * @param {number} outKbps
   */
  push(inKbps, outKbps) {
    this.inSeries.push(inKbps);
    this.outSeries.push(outKbps);
    if (this.inSeries.length > this.points) { this.inSeries.shift(); this.outSeries.shift(); }
    this.draw();
  }

  /** Redraws axes, grid and both series. */
  draw() {
    const ctx = this.canvas.getContext("2d");
    const { width: w, height: h } = this.canvas;
    const pad = 28;
    ctx.clearRect(0, 0, w, h);
    const top = Math.max(100, ...this.inSeries, ...this.outSeries) * 1.15;
    const step = niceStep(top / 4);
    ctx.font = "10px sans-serif";
    ctx.strokeStyle = "#ddd";
    ctx.fillStyle = "#666";
    ctx.lineWidth = 1;
    for (let v = 0; v <= top; v += step) {
      const y = h - pad / 2 - (v / top) * (h - pad);
      ctx.beginPath(); ctx.moveTo(pad, y); ctx.lineTo(w - 4, y); ctx.stroke();
      ctx.fillText(String(Math.round(v)), 2, y + 3);
    }
    const plot = (series, color, width) => {
      if (series.length < 2) return;
      ctx.strokeStyle = color;
      ctx.lineWidth = width;
      ctx.beginPath();
      series.forEach((v, i) => {
        const x = pad + (i / (this.points - 1)) * (w - pad - 4);
        const y = h - pad / 2 - (v / top) * (h - pad);
        if (i === 0) ctx.moveTo(x, y); else ctx.lineTo(x, y);
      });
      ctx.stroke();
    };
    // Out is drawn wide and light underneath, so an identical "in" line (a perfect echo) stays visible.
    plot(this.outSeries, "rgba(230, 81, 0, 0.45)", 5);
    plot(this.inSeries, "#1565c0", 1.5);
    ctx.fillStyle = "#1565c0"; ctx.fillText("in kbit/s", w - 120, 12);
    ctx.fillStyle = "#e65100"; ctx.fillText("out kbit/s", w - 60, 12);
  }
}

function niceStep(raw) {
  const magnitude = 10 ** Math.floor(Math.log10(Math.max(raw, 1)));
  for (const m of [1, 2, 5, 10]) if (m * magnitude >= raw) return m * magnitude;
  return 10 * magnitude;
}
