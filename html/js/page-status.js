// The call state and error lines of a demo page, and the hooks the browser tests read them through.

/** A demo page's call state (shown in `#status`) and error (shown in `#error`). */
export class PageStatus {
  /**
   * @param {HTMLElement} stateElement where the state text goes
   * @param {HTMLElement} errorElement where the error text goes
   * @param {{add(text: string, kind?: string): void}} log the page's event log; errors are logged too
   */
  constructor(stateElement, errorElement, log) {
    this.stateElement = stateElement;
    this.errorElement = errorElement;
    this.log = log;
    /** @type {string} the state text: "idle", "connecting", "webrtcup", "hangup: <reason>", "gateway lost" */
    this.state = "idle";
    /** @type {string} the error in words, "" when none */
    this.error = "";
  }

  /** Shows the call's state. */
  setState(text) {
    this.state = text;
    this.stateElement.textContent = text;
  }

  /** Shows an error in words and logs it; "" clears the error line. */
  setError(text) {
    this.error = text;
    this.errorElement.textContent = text;
    if (text) this.log.add(text, "bad");
  }

  /**
   * The object a page exposes for the browser tests: `{pc, events, state, error}`.
   * @param {() => (RTCPeerConnection|null)} currentPC returns the call's PeerConnection, or null
   * @param {object[]} events the Janus events received for the call's handle, in order
   */
  hooks(currentPC, events) {
    const status = this;
    return {
      get pc() { return currentPC(); },
      events,
      get state() { return status.state; },
      get error() { return status.error; },
    };
  }
}
