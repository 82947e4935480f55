// Where the Janus API lives: same origin "/janus" unless the page URL says ?server=<url>.

import { DEFAULT_SERVER } from "./janus-api.js";

/**
 * The Janus API base URL for this page: the `server` query parameter if present
 * (e.g. `?server=http://127.0.0.1:8088/janus`), otherwise "/janus" on the page's origin.
 * @returns {string}
 */
export function serverFromQuery() {
  const fromQuery = new URLSearchParams(location.search).get("server");
  return (fromQuery && fromQuery.trim()) || DEFAULT_SERVER;
}

/**
 * `server` as an absolute URL, for messages shown to people.
 * @param {string} server
 * @returns {string}
 */
export function absoluteServer(server) {
  try { return new URL(server, location.href).href; } catch { return server; }
}

/**
 * Keeps the `server` query parameter on same-site links (so navigation keeps the override).
 * @param {string} server
 */
export function propagateServerParam(server) {
  if (server === DEFAULT_SERVER) return;
  for (const a of document.querySelectorAll("a[data-keep-server]")) {
    const url = new URL(a.getAttribute("href"), location.href);
    url.searchParams.set("server", server);
    a.href = url.pathname + url.search;
  }
}

/**
 * Describes an error in words for the page: Janus errors as "code: reason".
 * @param {any} error
 * @returns {string}
 */
export function describeError(error) {
  if (!error) return "unknown error";
  if (error.name === "JanusError") return `Gateway error ${error.code}: ${error.reason}` + (error.request ? ` (request "${error.request}")` : "");
  if (error.name === "NotAllowedError") return `Camera/microphone access denied: ${error.message}`;
  if (error.name === "NotFoundError") return `No camera or microphone found: ${error.message}`;
  return error.message || String(error);
}
