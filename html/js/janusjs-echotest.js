// EchoTest through Debian's unmodified janus.js (loaded as a classic script before this module),
// to check SwiftGate's compatibility with the reference client.

import { PageStatus } from "./page-status.js";
import { EventLog } from "./event-log.js";
import { serverFromQuery, absoluteServer, propagateServerParam } from "./server-url.js";

const $ = (id) => document.getElementById(id);
const ui = {
  start: $("start"), stop: $("stop"), video: $("video"), status: $("status"), error: $("error"),
  local: $("localvideo"), remote: $("remotevideo"), remoteAudio: $("remoteaudio"),
};
const log = new EventLog($("log"));
const server = serverFromQuery();
const serverText = absoluteServer(server);

/** Callbacks received from janus.js for the current handle, as {janus, ...} objects, in order. */
const events = [];
let janus = null;
let handle = null;

const status = new PageStatus(ui.status, ui.error, log);
const setState = (text) => status.setState(text);
const setError = (text) => status.setError(text);
window.janusEcho = status.hooks(() => handle?.webrtcStuff?.pc ?? null, events);

function words(error) {
  if (typeof error === "string") return error;
  if (error?.message) return error.message;
  try { return JSON.stringify(error); } catch { return String(error); }
}

function record(event, text, kind = "") {
  events.push(event);
  log.add(text, kind);
}

function attachEchoTest() {
  janus.attach({
    plugin: "janus.plugin.echotest",
    opaqueId: `swiftgate-janusjs-${Janus.randomString(8)}`,
    success(pluginHandle) {
      handle = pluginHandle;
      log.add(`Attached to ${handle.getPlugin()} (handle ${handle.getId()})`);
      handle.createOffer({
        tracks: [
          { type: "audio", capture: true, recv: true },
          { type: "video", capture: true, recv: true },
        ],
        success(jsep) {
          log.add("Offer created, sending it with {audio:true, video:true}");
          handle.send({ message: { audio: true, video: ui.video.checked }, jsep,
            error: (e) => setError(`send failed: ${words(e)}`) });
        },
        error: (e) => setError(`createOffer failed: ${words(e)}`),
      });
    },
    error: (e) => setError(`attach failed: ${words(e)}`),
    iceState: (s) => log.add(`ICE ${s}`),
    webrtcState(on, reason) {
      if (on) {
        record({ janus: "webrtcup" }, "webrtcState(true): webrtcup", "good");
        setState("webrtcup");
      } else {
        record({ janus: "hangup", reason }, `webrtcState(false): hangup ${reason ?? ""}`, "bad");
        setState(`hangup: ${reason ?? "no reason given"}`);
      }
    },
    mediaState: (type, receiving, mid) =>
      record({ janus: "media", type, receiving, mid }, `mediaState: ${type} (mid ${mid}) receiving=${receiving}`, receiving ? "" : "bad"),
    slowLink: (uplink, lost, mid) =>
      record({ janus: "slowlink", uplink, lost, mid }, `slowLink: ${uplink ? "uplink" : "downlink"} lost=${lost} mid ${mid}`, "bad"),
    onmessage(msg, jsep) {
      record({ janus: "event", data: msg, jsep: jsep ? { type: jsep.type } : undefined },
        `onmessage ${JSON.stringify(msg)}${jsep ? ` + jsep ${jsep.type}` : ""}`);
      if (jsep) handle.handleRemoteJsep({ jsep, error: (e) => setError(`handleRemoteJsep failed: ${words(e)}`) });
      if (msg?.error !== undefined || msg?.error_code !== undefined) setError(`EchoTest error ${msg.error_code ?? "?"}: ${msg.error ?? "unknown"}`);
    },
    onlocaltrack(track, on) {
      if (track.kind !== "video") return;
      ui.local.srcObject = on ? new MediaStream([track]) : null;
    },
    onremotetrack(track, mid, on) {
      log.add(`onremotetrack: ${track.kind} mid ${mid} ${on ? "added" : "removed"}`);
      const el = track.kind === "video" ? ui.remote : ui.remoteAudio;
      if (on) el.srcObject = new MediaStream([track]);
      else if (el.srcObject?.getTracks().includes(track)) el.srcObject = null;
    },
    oncleanup: () => log.add("oncleanup: PeerConnection closed"),
    ondetached: () => log.add("ondetached"),
  });
}

function start() {
  events.length = 0;
  setError("");
  setState("connecting");
  ui.start.disabled = true;
  ui.stop.disabled = false;
  log.add(`new Janus({server: "${server}"})`);
  janus = new Janus({
    server,
    iceServers: [],
    success: () => {
      log.add(`Session ${janus.getSessionId()} created`);
      attachEchoTest();
    },
    error(e) {
      const text = words(e);
      setError(`janus.js reports: ${text} (gateway ${serverText})`);
      if (/lost connection|server down/i.test(text)) setState("gateway lost");
      ui.start.disabled = false;
    },
    destroyed: () => log.add("Session destroyed"),
  });
}

function stop() {
  ui.stop.disabled = true;
  const done = () => {
    handle = null;
    janus = null;
    if (!status.state.startsWith("hangup")) setState("idle");
    ui.start.disabled = false;
  };
  if (handle) handle.hangup(true);
  if (janus) janus.destroy({ success: done, error: (e) => { setError(`destroy failed: ${words(e)}`); done(); } });
  else done();
}

$("server").textContent = serverText;
propagateServerParam(server);
ui.video.addEventListener("change", () => {
  if (!handle) return;
  log.add(`send {video: ${ui.video.checked}}`);
  handle.send({ message: { video: ui.video.checked }, error: (e) => setError(`send failed: ${words(e)}`) });
});
ui.start.addEventListener("click", start);
ui.stop.addEventListener("click", stop);

const missing = window.swiftgateMissing ?? [];
if (typeof window.Janus !== "function" || missing.includes("janus")) {
  setError("janus.js not found: install Debian's libjs-janus-gateway (expected at /javascript/janus-gateway/janus.js)");
} else if (typeof window.adapter === "undefined" || missing.includes("adapter")) {
  setError("webrtc-adapter not found: install Debian's libjs-webrtc-adapter (expected at /javascript/webrtc-adapter/adapter.js)");
} else {
  Janus.init({
    debug: ["warn", "error"],
    callback: () => {
      log.add("Janus.init done");
      ui.start.disabled = false;
    },
  });
}
