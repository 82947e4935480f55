"""janus.js, exactly as Debian's libjs-janus-gateway ships it, making an EchoTest call through
SwiftGate (html/janusjs.html) in headless Chromium."""

from pathlib import Path

import pytest

from browser import wait_for_echo, wait_frames_rise, wait_frames_stop, wait_until
from pages import assert_picture_shown, click, wait_no_sessions

JANUS_JS = Path("/usr/share/javascript/janus-gateway/janus.js")
PC = "window.janusEcho.pc"


@pytest.mark.parametrize("origin", ["same-origin", "cross-origin"])
def test_janusjs_echo_call(start_gateway, chromium, screenshots: Path, collector, origin):
    """Cross-origin, the page comes from 127.0.0.1 and the API is addressed as localhost, so every
    POST is preflighted (CORS), as when a site serves janus.js apart from the gateway."""
    assert JANUS_JS.exists(), "scripts/install-deps --tests installs Debian's libjs-janus-gateway"
    gateway = start_gateway()
    query = f"?server=http://localhost:{gateway.janus_port}/janus" if origin == "cross-origin" else ""
    chromium.get(f"http://127.0.0.1:{gateway.janus_port}/janusjs.html{query}")
    wait_until(chromium, "return window.janusEcho && window.Janus && window.janusEcho.state === 'idle'", 10,
               "janus.js and the page to load")
    click(chromium, "start")
    wait_until(chromium, "return window.janusEcho.state === 'webrtcup'", 20, "janus.js to report webrtcState(true)")
    stats = wait_for_echo(chromium, PC, frames=30, audio_packets=50, timeout=20)
    assert stats["pair"] == {"state": "succeeded", "local": "127.0.0.1", "remote": "127.0.0.1"}, stats
    assert_picture_shown(chromium)

    click(chromium, "video")
    stopped = wait_frames_stop(chromium, PC, quiet=1.5, timeout=10)
    click(chromium, "video")
    wait_frames_rise(chromium, PC, above=stopped, by=20, timeout=10)
    chromium.save_screenshot(str(screenshots / f"janusjs-{origin}.png"))

    # janus.js long-polls with maxev and an rid; every session it made is destroyed on stop.
    click(chromium, "stop")
    wait_no_sessions(gateway)
    def every_session_destroyed(events):
        names = [e["event"].get("name") for e in events if e.get("type") == 1]
        return names.count("created") >= 1 and names.count("destroyed") == names.count("created")
    collector.wait_for(every_session_destroyed, what="a destroyed event for every session created")
