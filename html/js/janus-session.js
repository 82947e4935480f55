// A Janus session: its long poll, keepalives and handles. Part of SwiftGate's browser client.
import { randomTransaction, JanusError, JanusNetworkError, requestJSON, sleep } from "./janus-request.js";
import { JanusHandle } from "./janus-handle.js";

/**
 * One Janus session: owns the single outstanding long poll (`GET <server>/<id>?maxev=10&rid=<ms>`),
 * the keepalive timer and the plugin handles attached to it.
 *
 * Events (EventTarget, each a CustomEvent whose `detail` is described here):
 * - `"event"`: detail = every Janus event object received on the long poll (all handles).
 * - `"connectionlost"`: detail = `{url, error, failures}` after `maxPollFailures` consecutive
 *   long-poll failures (or when a request reports the gateway unreachable via {@link JanusSession#reportLost});
 *   polling and keepalives stop.
 * - `"timeout"`: detail = the `{"janus":"timeout"}` event; the gateway reaped the session.
 * - `"error"`: detail = `{error}` for failures that do not end the session (e.g. a failed keepalive).
 * Matching `on<name>` properties (`onconnectionlost`, `ontimeout`, `onerror`, `onevent`) are called too.
 */
export class JanusSession extends EventTarget {
  /** @type {((detail: object) => void) | null} */ onconnectionlost = null;
  /** @type {((event: object) => void) | null} */ ontimeout = null;
  /** @type {((detail: object) => void) | null} */ onerror = null;
  /** @type {((event: object) => void) | null} */ onevent = null;

  #stopped = false;
  #abort = new AbortController();
  #keepaliveTimer = null;
  #pagehide = null;

  /**
   * Use {@link JanusClient#createSession} instead of calling this directly.
   * @param {JanusClient} client
   * @param {number} id session id given by the gateway
   */
  constructor(client, id) {
    super();
    /** @type {JanusClient} */ this.client = client;
    /** @type {number} */ this.id = id;
    /** @type {string} URL of this session on the gateway */ this.url = `${client.server}/${id}`;
    /** @type {Map<number, JanusHandle>} handles by id */ this.handles = new Map();
    /** @type {boolean} true once the gateway was declared unreachable */ this.lost = false;
  }

  /** Starts the long-poll loop, the keepalive timer and destroy-on-pagehide. Called by createSession. */
  start() {
    this.#pollLoop();
    const every = this.client.options.keepaliveMs;
    if (every > 0) this.#keepaliveTimer = setInterval(() => this.keepalive().catch(() => {}), every);
    this.#pagehide = () => this.destroyWithBeacon();
    window.addEventListener("pagehide", this.#pagehide);
  }

  /** @returns {boolean} whether polling has stopped (destroyed, lost or timed out) */
  get stopped() { return this.#stopped; }

  /**
   * Attaches to a plugin.
   * @param {string} plugin package name, e.g. "janus.plugin.echotest"
   * @param {string} [opaqueId] free text the gateway reports in events for this handle
   * @returns {Promise<JanusHandle>}
   * @throws {JanusError} e.g. 460 "No such plugin"
   * @throws {JanusNetworkError}
   */
  async attach(plugin, opaqueId) {
    const request = { janus: "attach", plugin };
    if (opaqueId) request.opaque_id = opaqueId;
    const reply = await this.client.post(`/${this.id}`, request);
    const handle = new JanusHandle(this, reply.data.id, plugin, opaqueId);
    this.handles.set(handle.id, handle);
    return handle;
  }

  /**
   * POSTs `{"janus":"keepalive"}`; failures are reported through the `"error"` event and rethrown.
   * @returns {Promise<void>}
   * @throws {JanusError|JanusNetworkError}
   */
  async keepalive() {
    try {
      await this.client.post(`/${this.id}`, { janus: "keepalive" });
    } catch (error) {
      this.#emit("error", { error });
      throw error;
    }
  }

  /**
   * Stops polling and keepalives, then POSTs `{"janus":"destroy"}` (unless the gateway was lost).
   * @returns {Promise<void>}
   * @throws {JanusError|JanusNetworkError}
   */
  async destroy() {
    const wasLost = this.lost;
    this.#stop();
    if (!wasLost) await this.client.post(`/${this.id}`, { janus: "destroy" });
  }

  /** Stops everything and sends `destroy` with navigator.sendBeacon (for page unload); never throws. */
  destroyWithBeacon() {
    if (this.#stopped) return;
    this.#stop();
    try {
      navigator.sendBeacon(this.url, JSON.stringify({ janus: "destroy", transaction: randomTransaction() }));
    } catch { /* page is going away; nothing left to report to */ }
  }

  /**
   * Declares the gateway unreachable (e.g. a POST failed with a network error): stops polling
   * and emits `"connectionlost"` once. Pending plugin requests are rejected with `error`.
   * @param {Error} error what failed
   */
  reportLost(error) {
    if (this.lost || this.#stopped) return;
    this.lost = true;
    this.#stop(error);
    this.#emit("connectionlost", { url: this.client.server, error, failures: 0 });
  }

  #stop(error) {
    if (this.#stopped) return;
    this.#stopped = true;
    this.#abort.abort(new Error("session stopped"));
    clearInterval(this.#keepaliveTimer);
    if (this.#pagehide) window.removeEventListener("pagehide", this.#pagehide);
    const why = error ?? new Error("session closed");
    for (const handle of this.handles.values()) handle._failPending(why);
  }

  #emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail }));
    const callback = this[`on${type}`];
    if (typeof callback === "function") callback.call(this, detail);
  }

  async #pollLoop() {
    const max = this.client.options.maxPollFailures;
    let failures = 0;
    while (!this.#stopped) {
      const url = `${this.url}?maxev=10&rid=${Date.now()}`;
      try {
        // The gateway answers within ~30 s (keepalive); 65 s bounds a hung connection.
        const reply = await requestJSON(url, { method: "GET", timeoutMs: 65000, signal: this.#abort.signal });
        failures = 0;
        for (const event of Array.isArray(reply) ? reply : [reply]) this.#dispatch(event);
      } catch (error) {
        if (this.#stopped) return;
        failures += 1;
        if (failures >= max) {
          this.lost = true;
          this.#stop(error);
          this.#emit("connectionlost", { url: this.client.server, error, failures });
          return;
        }
        await sleep(Math.min(500 * 2 ** (failures - 1), 4000), this.#abort.signal);
      }
    }
  }

  #dispatch(event) {
    if (!event || typeof event !== "object" || event.janus === "keepalive") return;
    this.#emit("event", event);
    if (event.janus === "timeout") {
      this.#stop(new JanusError(458, "session timed out", "timeout"));
      this.#emit("timeout", event);
      return;
    }
    const handle = this.handles.get(event.sender);
    if (!handle) return;
    if (event.janus === "detached") this.handles.delete(handle.id);
    handle._deliver(event);
  }
}

/**
 * The reply of a plugin to a `message`: `data` is `plugindata.data`, `jsep` the optional JSEP.
 * @typedef {{data: object, jsep: (RTCSessionDescriptionInit|undefined), event: object}} PluginReply
 */
