// SwiftGate EchoTest demo: our own Janus API client + a plain RTCPeerConnection.

import { JanusClient, JanusNetworkError, randomTransaction } from "./janus-api.js";
import { StatsSampler, RateChart, codecsFromSdp } from "./rtc-stats.js";
import { PageStatus } from "./page-status.js";
import { EventLog, summarize } from "./event-log.js";
import { serverFromQuery, absoluteServer, propagateServerParam, describeError } from "./server-url.js";

const PLUGIN = "janus.plugin.echotest";
const server = serverFromQuery();
const serverText = absoluteServer(server);
const $ = (id) => document.getElementById(id);
const ui = {
  start: $("start"), stop: $("stop"), restart: $("restart"), audio: $("audio"), video: $("video"),
  bitrate: $("bitrate"), status: $("status"), error: $("error"), codecs: $("codecs"),
  local: $("localvideo"), remote: $("remotevideo"), mediaAudio: $("media-audio"), mediaVideo: $("media-video"),
  statIn: $("stat-in"), statOut: $("stat-out"), statLoss: $("stat-loss"), statRtt: $("stat-rtt"),
  statFrames: $("stat-frames"), statPair: $("stat-pair"),
};
const log = new EventLog($("log"));
const chart = new RateChart($("chart"));

/** Events received for the current handle, in order (reset at each Start). */
const events = [];
/** The current call: {session, handle, pc, stream, timer, sampler, onHangup} or null. */
let call = null;

const status = new PageStatus(ui.status, ui.error, log);
const setState = (text) => status.setState(text);
const setError = (text) => status.setError(text);
window.echoDemo = status.hooks(() => call?.pc ?? null, events);

function updateButtons() {
  ui.start.disabled = call !== null;
  ui.stop.disabled = call === null;
}

/** Starts a new session, handle and call. */
async function start() {
  if (call) return;
  const c = { session: null, handle: null, pc: null, stream: null, timer: null, sampler: new StatsSampler(), onHangup: null };
  call = c;
  events.length = 0;
  setError("");
  ui.restart.hidden = true;
  setState("connecting");
  updateButtons();
  chart.reset();
  clearCallPanel();
  log.add(`Connecting to ${serverText}`);
  try {
    c.session = await new JanusClient(server).createSession();
    if (call !== c) return void c.session.destroy().catch(() => {});
    c.session.addEventListener("connectionlost", (e) => onLost(c, e.detail.error));
    c.session.addEventListener("timeout", () => onGatewayHangup(c, "session timed out on the gateway"));
    log.add(`Session ${c.session.id} created`);
    c.handle = await c.session.attach(PLUGIN, `swiftgate-echotest-${randomTransaction(8)}`);
    c.handle.onevent = (event) => onHandleEvent(c, event);
    log.add(`Attached to ${PLUGIN} (handle ${c.handle.id})`);

    c.stream = await navigator.mediaDevices.getUserMedia({ audio: true, video: { width: 640, height: 480 } });
    if (call !== c) return void stopTracks(c);
    ui.local.srcObject = c.stream;

    const pc = new RTCPeerConnection({ iceServers: [] });
    c.pc = pc;
    for (const track of c.stream.getTracks()) pc.addTrack(track, c.stream);
    const remoteStream = new MediaStream();
    pc.ontrack = (e) => {
      remoteStream.addTrack(e.track);
      ui.remote.srcObject = remoteStream;
    };
    pc.onconnectionstatechange = () => {
      log.add(`PeerConnection ${pc.connectionState}`, pc.connectionState === "failed" ? "bad" : "");
      if (pc.connectionState === "failed" && call === c && c.pc === pc) setError("The media connection to the gateway failed (ICE/DTLS)");
    };
    // Candidates found before the offer is queued wait here, so no trickle precedes the offer.
    const early = [];
    let offerQueued = false;
    const sendCandidate = (candidate) => c.handle.trickle(candidate).catch((err) => onRequestError(c, err, "trickle"));
    pc.onicecandidate = (e) => (offerQueued ? sendCandidate(e.candidate) : early.push(e.candidate));

    await pc.setLocalDescription(await pc.createOffer());
    const body = { audio: ui.audio.checked, video: ui.video.checked, bitrate: Number(ui.bitrate.value) };
    const replyPromise = c.handle.sendMessage(body, pc.localDescription);
    offerQueued = true;
    early.splice(0).forEach(sendCandidate);
    log.add(`Sent offer with ${JSON.stringify(body)}`);
    const reply = await replyPromise;
    if (call !== c) return;
    if (!reply.jsep || reply.jsep.type !== "answer") throw new Error("The gateway's reply carried no SDP answer");
    await pc.setRemoteDescription(reply.jsep);
    ui.codecs.textContent = codecsFromSdp(reply.jsep.sdp).join(", ") || "none";
    log.add(`Answer received (result "${reply.data.result}")`, "good");
    c.timer = setInterval(() => sampleStats(c), 1000);
  } catch (err) {
    onRequestError(c, err, "start");
    if (call === c && !(err instanceof JanusNetworkError)) await teardown(c, "idle");
  }
}

function onHandleEvent(c, event) {
  if (call !== c) return;
  events.push(event);
  const bad = event.janus === "hangup" || event.janus === "error" || (event.janus === "media" && !event.receiving) || event.janus === "slowlink";
  log.add(summarize(event), bad ? "bad" : event.janus === "webrtcup" ? "good" : "");
  switch (event.janus) {
    case "webrtcup":
      setState("webrtcup");
      break;
    case "media": {
      const el = event.type === "audio" ? ui.mediaAudio : event.type === "video" ? ui.mediaVideo : null;
      if (el) {
        el.textContent = event.receiving ? "receiving" : "not receiving";
        el.className = event.receiving ? "on" : "off";
      }
      break;
    }
    case "hangup":
      onGatewayHangup(c, event.reason ?? "no reason given");
      break;
    case "error":
      setError(`Gateway error ${event.error?.code}: ${event.error?.reason}`);
      break;
    case "event": {
      const data = event.plugindata?.data ?? {};
      if (data.error_code !== undefined || data.error !== undefined) {
        setError(`EchoTest error ${data.error_code ?? "?"}: ${data.error ?? "unknown"}`);
      }
      break;
    }
  }
}

/** The gateway closed the PeerConnection (or the session): clean up, keep the reason visible. */
function onGatewayHangup(c, reason) {
  if (call !== c) return;
  setState(`hangup: ${reason}`);
  if (c.onHangup) c.onHangup();
  else teardown(c, null, true);
}

/** Empties the Call panel's figures (none is known outside a call). */
function clearCallPanel() {
  for (const el of [ui.codecs, ui.mediaAudio, ui.mediaVideo, ui.statIn, ui.statOut, ui.statLoss, ui.statRtt, ui.statFrames, ui.statPair]) {
    el.textContent = "–";
    el.className = "";
  }
}

/**
 * The long poll failed repeatedly, or a request met a network error: the gateway's session is gone
 * with it, so the media connection is closed too (it would only fail a few seconds later).
 */
function onLost(c, error) {
  if (call !== c) return;
  clearInterval(c.timer);
  c.pc?.close();
  c.pc = null;
  stopTracks(c);
  ui.remote.srcObject = null;
  setState("gateway lost");
  // What the gateway last said about its receiving is no longer known.
  for (const el of [ui.mediaAudio, ui.mediaVideo]) {
    el.textContent = "unknown (gateway lost)";
    el.className = "";
  }
  setError(`Lost contact with the gateway at ${serverText}` + (error?.detail ? ` (${error.detail})` : error?.message ? ` (${error.message})` : ""));
  ui.restart.hidden = false;
  ui.restart.disabled = false;
}

/** Reports a failed request in words; network failures mean the gateway is gone. */
function onRequestError(c, error, what) {
  if (call !== c) return;
  if (error instanceof JanusNetworkError) {
    if (c.session && !c.session.stopped) c.session.reportLost(error);
    else if (!c.session) {
      // Never reached the gateway in the first place.
      setState("gateway lost");
      setError(`Cannot reach the gateway at ${serverText} (${error.detail})`);
      ui.restart.hidden = false;
      ui.restart.disabled = false;
    }
    return;
  }
  if (c.session?.lost) return; // already reported as lost
  setError(`${what} failed: ${describeError(error)}`);
}

/** Sends one EchoTest request ({audio}, {video} or {bitrate}) on the current call. */
async function sendControl(body) {
  const c = call;
  if (!c?.handle || c.session?.stopped) return;
  log.add(`Sending ${JSON.stringify(body)}`);
  try {
    const reply = await c.handle.sendMessage(body);
    if (call === c) log.add(`${JSON.stringify(body)} -> result "${reply.data.result}"`, "good");
  } catch (err) {
    onRequestError(c, err, `Request ${JSON.stringify(body)}`);
  }
}

async function sampleStats(c) {
  if (call !== c || !c.pc) return;
  let s;
  try {
    s = await c.sampler.sample(c.pc);
  } catch {
    return; // PeerConnection closed meanwhile
  }
  if (call !== c) return;
  ui.statIn.textContent = s.inKbps.toFixed(0);
  ui.statOut.textContent = s.outKbps.toFixed(0);
  ui.statLoss.textContent = s.lossPercent === null ? "–" : `${s.lossPercent.toFixed(2)} %`;
  ui.statRtt.textContent = s.rttMs === null ? "–" : `${s.rttMs.toFixed(1)} ms`;
  ui.statFrames.textContent = String(s.framesDecoded);
  ui.statPair.textContent = s.pair ?? "–";
  if (s.codecs.length) ui.codecs.textContent = s.codecs.join(", ");
  chart.push(s.inKbps, s.outKbps);
}

function stopTracks(c) {
  for (const track of c.stream?.getTracks() ?? []) track.stop();
}

/**
 * Closes everything local for `c`; with `tellGateway`, also detaches and destroys the session
 * (best effort, errors shown). `finalState` (if not null) replaces the state text.
 */
async function teardown(c, finalState, tellGateway = false) {
  clearInterval(c.timer);
  c.pc?.close();
  stopTracks(c);
  if (call === c) {
    call = null;
    ui.local.srcObject = null;
    ui.remote.srcObject = null;
    updateButtons();
    if (finalState !== null) setState(finalState);
  }
  if (tellGateway && c.session && !c.session.stopped) {
    try {
      await c.handle?.detach();
      await c.session.destroy();
    } catch (err) {
      if (!(err instanceof JanusNetworkError)) log.add(`Cleanup: ${describeError(err)}`, "bad");
    }
  } else if (c.session && !c.session.stopped) {
    c.session.destroy().catch(() => {});
  }
}

/** Stop: hang up (waiting up to 2 s for the gateway's hangup event), detach, destroy. */
async function stop() {
  const c = call;
  if (!c) return;
  ui.stop.disabled = true;
  if (c.handle && c.session && !c.session.stopped) {
    const hungUp = new Promise((resolve) => {
      c.onHangup = resolve;
      setTimeout(resolve, 2000);
    });
    try {
      await c.handle.hangup();
      if (c.pc) await hungUp;
    } catch (err) {
      onRequestError(c, err, "hangup");
    }
  }
  const reported = status.state.startsWith("hangup");
  await teardown(c, reported ? null : "idle", true);
  ui.restart.hidden = true;
  setError("");
  clearCallPanel();
}

/** Restart after the gateway was lost: check GET <server>/info, then start afresh. */
async function restart() {
  ui.restart.disabled = true;
  log.add(`Checking ${serverText}/info`);
  try {
    const info = await new JanusClient(server).info(4000);
    log.add(`Gateway is back: ${info.name ?? "?"} ${info.version_string ?? ""}`, "good");
  } catch (err) {
    setError(`Still cannot reach the gateway at ${serverText} (${err.detail ?? describeError(err)})`);
    ui.restart.disabled = false;
    return;
  }
  const old = call;
  if (old) await teardown(old, "idle", false);
  ui.restart.hidden = true;
  await start();
}

ui.start.addEventListener("click", () => start());
ui.stop.addEventListener("click", () => stop());
ui.restart.addEventListener("click", () => restart());
ui.audio.addEventListener("change", () => sendControl({ audio: ui.audio.checked }));
ui.video.addEventListener("change", () => sendControl({ video: ui.video.checked }));
ui.bitrate.addEventListener("change", () => sendControl({ bitrate: Number(ui.bitrate.value) }));
$("server").textContent = serverText;
propagateServerParam(server);
chart.draw();
updateButtons();
