// Requests to the Janus HTTP API: transactions, errors, and one JSON POST or GET with a time limit.
// Part of SwiftGate's browser client (janus-api.js re-exports it).

/** Default Janus API path when the page is served by the gateway itself (same origin). */
export const DEFAULT_SERVER = "/janus";

/** Length of generated transaction identifiers, in characters. */
const TRANSACTION_LENGTH = 12;
const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/**
 * Returns a random transaction identifier (letters and digits).
 * @param {number} [length=12] number of characters
 * @returns {string}
 */
export function randomTransaction(length = TRANSACTION_LENGTH) {
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  let out = "";
  for (const b of bytes) out += ALPHABET[b % ALPHABET.length];
  return out;
}

/**
 * An error reply from the gateway: `{"janus":"error","error":{code,reason}}`, or a plugin
 * error inside plugindata (`error_code` + `error`).
 */
export class JanusError extends Error {
  /**
   * @param {number} code Janus error code (e.g. 458 "No such session", 465 "Invalid SDP")
   * @param {string} reason human readable reason given by the gateway
   * @param {string} [request] the request that failed (e.g. "attach")
   */
  constructor(code, reason, request) {
    super(`Janus error ${code}: ${reason}` + (request ? ` (${request})` : ""));
    this.name = "JanusError";
    /** @type {number} */ this.code = code;
    /** @type {string} */ this.reason = reason;
    /** @type {string|undefined} */ this.request = request;
  }
}

/** The gateway could not be reached (fetch failed, timed out, or answered with a non-JSON HTTP error). */
export class JanusNetworkError extends Error {
  /**
   * @param {string} url the URL that failed
   * @param {string} detail what went wrong, in words
   * @param {number} [status] HTTP status, when there was a response
   */
  constructor(url, detail, status) {
    super(`Cannot reach the gateway at ${url}: ${detail}`);
    this.name = "JanusNetworkError";
    /** @type {string} */ this.url = url;
    /** @type {string} */ this.detail = detail;
    /** @type {number|undefined} */ this.status = status;
  }
}

/**
 * Sends one HTTP request with a time limit and parses the JSON reply.
 * @param {string} url
 * @param {object} [init] fetch init; `timeoutMs` (default 15000 ms) bounds the request
 * @returns {Promise<any>} the parsed JSON reply
 * @throws {JanusNetworkError} on network failure, timeout, HTTP status >= 400 or non-JSON body
 */
export async function requestJSON(url, init = {}) {
  const { timeoutMs = 15000, signal, ...rest } = init;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new Error("timeout")), timeoutMs);
  const onOuterAbort = () => controller.abort(signal.reason);
  signal?.addEventListener("abort", onOuterAbort, { once: true });
  try {
    let response;
    try {
      response = await fetch(url, { ...rest, signal: controller.signal, cache: "no-store" });
    } catch (err) {
      if (signal?.aborted) throw err;
      const detail = controller.signal.aborted ? `no answer within ${timeoutMs / 1000} s` : `network error: ${err?.message || err}`;
      throw new JanusNetworkError(url, detail);
    }
    if (!response.ok) throw new JanusNetworkError(url, `HTTP ${response.status} ${response.statusText}`.trim(), response.status);
    const text = await response.text();
    try {
      return JSON.parse(text);
    } catch {
      throw new JanusNetworkError(url, "the reply is not JSON", response.status);
    }
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener("abort", onOuterAbort);
  }
}

/** Waits `ms` milliseconds, or less if `signal` aborts. */
export function sleep(ms, signal) {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
    signal?.addEventListener("abort", done, { once: true });
  });
}
