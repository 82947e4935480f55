// SwiftGate browser client for the Janus HTTP API (plain ES module, no dependencies).
// Written for SwiftGate; follows the request/event shapes documented for Janus 1.1.2
// (https://janus.conf.meetecho.com/docs/rest.html).
import { DEFAULT_SERVER, randomTransaction, JanusError, JanusNetworkError, requestJSON } from "./janus-request.js";
import { JanusSession } from "./janus-session.js";

export { DEFAULT_SERVER, randomTransaction, JanusError, JanusNetworkError, requestJSON } from "./janus-request.js";
export { JanusSession } from "./janus-session.js";
export { JanusHandle } from "./janus-handle.js";

/**
 * Entry point: talks to one gateway's Janus API base URL.
 * @example
 *   const client = new JanusClient("/janus");
 *   const session = await client.createSession();
 *   const handle = await session.attach("janus.plugin.echotest", "demo-1");
 */
export class JanusClient {
  /**
   * @param {string} [server="/janus"] base URL of the Janus API (absolute or root-relative)
   * @param {object} [options]
   * @param {number} [options.keepaliveMs=25000] interval of `keepalive` POSTs, milliseconds (0 = none)
   * @param {number} [options.maxPollFailures=3] consecutive long-poll failures before "connectionlost"
   * @param {number} [options.requestTimeoutMs=15000] time limit of each POST, milliseconds
   */
  constructor(server = DEFAULT_SERVER, options = {}) {
    /** @type {string} */ this.server = server.replace(/\/+$/, "");
    this.options = { keepaliveMs: 25000, maxPollFailures: 3, requestTimeoutMs: 15000, ...options };
  }

  /**
   * GET <server>/info: the gateway's `server_info` (name, version_string, plugins, ...).
   * @param {number} [timeoutMs=5000]
   * @returns {Promise<object>}
   * @throws {JanusNetworkError|JanusError}
   */
  async info(timeoutMs = 5000) {
    const reply = await requestJSON(`${this.server}/info`, { method: "GET", timeoutMs });
    if (reply.janus === "error") throw new JanusError(reply.error?.code, reply.error?.reason, "info");
    return reply;
  }

  /**
   * POSTs one Janus request to `path` (relative to the server) with a fresh transaction.
   * @param {string} path "" for the root, "/<session>" or "/<session>/<handle>"
   * @param {object} request e.g. `{janus: "attach", plugin: "..."}`
   * @returns {Promise<object>} the reply (`success`, `ack`, `server_info`, ...)
   * @throws {JanusError} when the gateway answers `{"janus":"error"}`
   * @throws {JanusNetworkError} when the gateway cannot be reached
   */
  async post(path, request) {
    const body = { ...request, transaction: request.transaction ?? randomTransaction() };
    const reply = await requestJSON(this.server + path, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
      timeoutMs: this.options.requestTimeoutMs,
    });
    if (reply.janus === "error") {
      throw new JanusError(reply.error?.code ?? 0, reply.error?.reason ?? "unknown error", body.janus);
    }
    return reply;
  }

  /**
   * Creates a Janus session and starts its long-poll loop and keepalive timer.
   * @returns {Promise<JanusSession>}
   * @throws {JanusError|JanusNetworkError}
   */
  async createSession() {
    const reply = await this.post("", { janus: "create" });
    const session = new JanusSession(this, reply.data.id);
    session.start();
    return session;
  }
}
