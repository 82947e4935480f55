// A visible, timestamped event log (an <ol>) shared by the SwiftGate demo pages.

/**
 * Appends lines to an ordered list, newest at the bottom, keeping at most `max` lines.
 */
export class EventLog {
  /**
   * @param {HTMLOListElement} list
   * @param {number} [max=300] lines kept
   */
  constructor(list, max = 300) {
    this.list = list;
    this.max = max;
  }

  /**
   * Adds one line.
   * @param {string} text
   * @param {"good"|"bad"|""} [kind=""] colour class
   */
  add(text, kind = "") {
    const li = document.createElement("li");
    if (kind) li.className = kind;
    const time = document.createElement("time");
    time.textContent = new Date().toLocaleTimeString();
    li.append(time, text);
    this.list.append(li);
    while (this.list.children.length > this.max) this.list.firstElementChild.remove();
    this.list.scrollTop = this.list.scrollHeight;
  }
}

/**
 * One-line summary of a Janus event for the log (SDPs left out).
 * @param {object} event
 * @returns {string}
 */
export function summarize(event) {
  switch (event.janus) {
    case "webrtcup": return "webrtcup: the PeerConnection is up";
    case "media": return `media: ${event.type} (mid ${event.mid}) receiving=${event.receiving}`;
    case "slowlink": return `slowlink: ${event.media ?? ""} mid ${event.mid ?? "?"} ${event.uplink ? "uplink" : "downlink"} lost=${event.lost ?? "?"}`;
    case "hangup": return `hangup: ${event.reason ?? "(no reason)"}`;
    case "detached": return "detached";
    case "error": return `error ${event.error?.code}: ${event.error?.reason}`;
    case "event": {
      const data = JSON.stringify(event.plugindata?.data ?? {});
      return `event ${data}` + (event.jsep ? ` + jsep ${event.jsep.type}` : "");
    }
    default: {
      const { session_id, sender, ...rest } = event;
      return JSON.stringify(rest);
    }
  }
}
