// A Janus plugin handle: messages with JSEP, trickle, hangup, detach. Part of SwiftGate's browser client.
import { randomTransaction, JanusError, JanusNetworkError } from "./janus-request.js";

/**
 * A handle attached to one plugin. Receives the events whose `sender` is its id.
 * Requests POSTed through one handle are serialised: a `trickle` never overtakes the
 * `message` carrying the offer.
 *
 * Events: `"event"` (CustomEvent, detail = the Janus event object: `event`, `webrtcup`,
 * `media`, `slowlink`, `hangup`, `detached`, `trickle`, `error`); the `onevent` property is called too.
 */
export class JanusHandle extends EventTarget {
  /** @type {((event: object) => void) | null} */ onevent = null;

  #pending = new Map();
  #chain = Promise.resolve();

  /**
   * Use {@link JanusSession#attach} instead of calling this directly.
   * @param {JanusSession} session
   * @param {number} id handle id given by the gateway
   * @param {string} plugin plugin package name
   * @param {string} [opaqueId]
   */
  constructor(session, id, plugin, opaqueId) {
    super();
    /** @type {JanusSession} */ this.session = session;
    /** @type {number} */ this.id = id;
    /** @type {string} */ this.plugin = plugin;
    /** @type {string|undefined} */ this.opaqueId = opaqueId;
  }

  /** POSTs `request` to this handle after every earlier request of this handle was answered. */
  #post(request) {
    const run = () => this.session.client.post(`/${this.session.id}/${this.id}`, request);
    const result = this.#chain.then(run, run);
    this.#chain = result.catch(() => {});
    return result;
  }

  /**
   * Sends `{"janus":"message", body, jsep}` and waits for the plugin's reply: either synchronous
   * (`success` with plugindata) or, after an `ack`, the `event` with the same transaction
   * that arrives on the long poll.
   * @param {object} body plugin request, e.g. `{audio: true, video: true, bitrate: 0}` (bitrate in bits/s)
   * @param {RTCSessionDescriptionInit} [jsep] offer or answer to send along
   * @param {number} [timeoutMs=20000] how long to wait for the asynchronous reply, milliseconds
   * @returns {Promise<PluginReply>}
   * @throws {JanusError} gateway error reply, or plugin error (`error_code`/`error` in plugindata), or timeout
   * @throws {JanusNetworkError}
   */
  async sendMessage(body, jsep, timeoutMs = 20000) {
    const transaction = randomTransaction();
    const request = { janus: "message", transaction, body };
    if (jsep) request.jsep = { type: jsep.type, sdp: jsep.sdp };
    const waiting = new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#pending.delete(transaction);
        reject(new JanusError(0, `no reply from ${this.plugin} within ${timeoutMs / 1000} s`, "message"));
      }, timeoutMs);
      this.#pending.set(transaction, { resolve, reject, timer });
    });
    waiting.catch(() => {}); // rejection is observed below; avoid an unhandled-rejection report
    let reply;
    try {
      reply = await this.#post(request);
    } catch (error) {
      this.#settle(transaction, null, error);
      throw error;
    }
    if (reply.janus === "success" && reply.plugindata) this.#settle(transaction, reply);
    else if (reply.janus !== "ack" && reply.janus !== "success") {
      this.#settle(transaction, null, new JanusError(0, `unexpected reply '${reply.janus}'`, "message"));
    }
    return waiting;
  }

  /**
   * Sends one trickle candidate, or `{"completed": true}` when `candidate` is null.
   * Empty candidates (end-of-candidates markers) are treated as completed.
   * @param {RTCIceCandidate|RTCIceCandidateInit|null} candidate
   * @returns {Promise<void>}
   * @throws {JanusError|JanusNetworkError}
   */
  async trickle(candidate) {
    const c = candidate && candidate.candidate
      ? { candidate: candidate.candidate, sdpMid: candidate.sdpMid, sdpMLineIndex: candidate.sdpMLineIndex }
      : { completed: true };
    await this.#post({ janus: "trickle", candidate: c });
  }

  /**
   * Asks the gateway to close this handle's PeerConnection (`{"janus":"hangup"}`).
   * @returns {Promise<void>}
   * @throws {JanusError|JanusNetworkError}
   */
  async hangup() { await this.#post({ janus: "hangup" }); }

  /**
   * Detaches from the plugin (`{"janus":"detach"}`) and forgets the handle.
   * @returns {Promise<void>}
   * @throws {JanusError|JanusNetworkError}
   */
  async detach() {
    try {
      await this.#post({ janus: "detach" });
    } finally {
      this.session.handles.delete(this.id);
      this._failPending(new Error("handle detached"));
    }
  }

  /** @private Called by the session for every event addressed to this handle. */
  _deliver(event) {
    if (event.janus === "event" && event.transaction && this.#pending.has(event.transaction)) {
      this.#settle(event.transaction, event);
    }
    this.dispatchEvent(new CustomEvent("event", { detail: event }));
    if (typeof this.onevent === "function") this.onevent(event);
  }

  /** @private Rejects every request still waiting for an asynchronous reply. */
  _failPending(error) {
    for (const transaction of [...this.#pending.keys()]) this.#settle(transaction, null, error);
  }

  #settle(transaction, event, error) {
    const entry = this.#pending.get(transaction);
    if (!entry) return;
    this.#pending.delete(transaction);
    clearTimeout(entry.timer);
    if (error) return entry.reject(error);
    const data = event.plugindata?.data ?? {};
    if (data.error_code !== undefined || data.error !== undefined) {
      entry.reject(new JanusError(data.error_code ?? 0, data.error ?? "plugin error", "message"));
    } else {
      entry.resolve({ data, jsep: event.jsep, event });
    }
  }
}
