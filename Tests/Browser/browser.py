"""Headless Chromium for the browser tests, driven with Selenium and Debian's chromedriver.

Chromium runs with a fake camera and microphone (a test pattern and a beep), no mDNS
obfuscation of host candidates, and loopback candidates allowed. The tests themselves run in a
private network namespace with only `lo` (scripts/browser-tests), so Chromium can gather nothing
but 127.0.0.1 and never sends anywhere else."""

import json
import time
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

CHROMIUM = "/usr/lib/chromium/chromium"  # the real binary; Debian's /usr/bin/chromium wrapper misbehaves headless
CHROMEDRIVER = "/usr/bin/chromedriver"

FLAGS = [
    "--headless=new", "--no-sandbox", "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
    "--allow-loopback-in-peer-connection", "--autoplay-policy=no-user-gesture-required",
    "--disable-features=WebRtcHideLocalIpsWithMdns", "--disable-dev-shm-usage",
    "--disable-background-networking", "--disable-component-update", "--no-first-run",
    "--window-size=1280,1700",
]


def start_chromium(profile: Path, log: Path) -> webdriver.Chrome:
    """A headless Chromium with a fresh profile folder; its driver's log goes to `log`."""
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER, log_output=str(log)))
    driver.set_page_load_timeout(20)
    driver.set_script_timeout(20)
    return driver


def wait_until(driver, script: str, timeout: float, what: str):
    """Polls `script` (a JavaScript expression's `return`) until it returns something truthy, at
    most `timeout` seconds; returns that value or fails naming `what`, the page state and its log."""
    deadline = time.monotonic() + timeout
    value = None
    while time.monotonic() < deadline:
        value = driver.execute_script(script)
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError(f"timed out after {timeout} s waiting for {what}; last value {value!r}\n"
                         f"{page_report(driver)}")


def page_report(driver) -> str:
    """What the page showed and logged, for failure messages."""
    text = driver.execute_script("return document.body ? document.body.innerText : ''") or ""
    logs = [f"{e['level']} {e['message']}" for e in driver.get_log("browser")][-30:]
    return "page text:\n" + text[:3000] + "\nconsole:\n" + "\n".join(logs)


STATS_SCRIPT = """
const [pcExpression, done] = [arguments[0], arguments[arguments.length - 1]];
const pc = eval(pcExpression);
if (!pc) { done(null); return; }
pc.getStats().then(report => {
  const out = {video: null, audio: null, pair: null, codecs: []};
  const byId = new Map();
  report.forEach(s => byId.set(s.id, s));
  report.forEach(s => {
    if (s.type === 'inbound-rtp' && s.kind === 'video')
      out.video = {framesDecoded: s.framesDecoded || 0, packetsReceived: s.packetsReceived || 0,
                   packetsLost: s.packetsLost || 0, frameWidth: s.frameWidth || 0};
    if (s.type === 'inbound-rtp' && s.kind === 'audio')
      out.audio = {packetsReceived: s.packetsReceived || 0, packetsLost: s.packetsLost || 0};
    if (s.type === 'codec') out.codecs.push(s.mimeType);
    if (s.type === 'transport' && s.selectedCandidatePairId) {
      const pair = byId.get(s.selectedCandidatePairId);
      const local = pair && byId.get(pair.localCandidateId), remote = pair && byId.get(pair.remoteCandidateId);
      out.pair = {state: pair && pair.state, local: local && local.address, remote: remote && remote.address};
      out.srtpCipher = s.srtpCipher || null;
    }
  });
  done(JSON.stringify(out));
}, e => done(JSON.stringify({error: String(e)})));
"""


def inbound_stats(driver, pc_expression: str):
    """getStats() of the PeerConnection that `pc_expression` evaluates to in the page: inbound
    video (framesDecoded, packetsReceived, packetsLost, frameWidth) and audio (packetsReceived,
    packetsLost), the codecs' MIME types, the selected candidate pair's addresses and the transport's
    `srtpCipher` (e.g. "SRTP_AES128_CM_HMAC_SHA1_80"); None when there is no PeerConnection."""
    raw = driver.execute_async_script(STATS_SCRIPT, pc_expression)
    return json.loads(raw) if raw else None


def wait_for_echo(driver, pc_expression: str, frames: int, audio_packets: int, timeout: float):
    """Waits until at least `frames` echoed video frames were decoded and `audio_packets` echoed
    audio packets received; returns the stats."""
    deadline = time.monotonic() + timeout
    stats = None
    while time.monotonic() < deadline:
        stats = inbound_stats(driver, pc_expression)
        if stats and stats["video"] and stats["audio"] and stats["video"]["framesDecoded"] >= frames \
                and stats["audio"]["packetsReceived"] >= audio_packets:
            return stats
        time.sleep(0.25)
    raise AssertionError(f"no echo within {timeout} s: {stats}\n{page_report(driver)}")


def frames_decoded(driver, pc_expression: str) -> int:
    stats = inbound_stats(driver, pc_expression)
    return stats["video"]["framesDecoded"] if stats and stats["video"] else 0


def wait_frames_stop(driver, pc_expression: str, quiet: float, timeout: float) -> int:
    """Waits until framesDecoded stays the same for `quiet` seconds (the echo of video stopped);
    returns that count. Fails after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    last, since = frames_decoded(driver, pc_expression), time.monotonic()
    while time.monotonic() < deadline:
        time.sleep(0.25)
        now = frames_decoded(driver, pc_expression)
        if now != last:
            last, since = now, time.monotonic()
        elif time.monotonic() - since >= quiet:
            return now
    raise AssertionError(f"echoed video did not stop within {timeout} s (framesDecoded still rising: {last})")


def wait_frames_rise(driver, pc_expression: str, above: int, by: int, timeout: float) -> int:
    """Waits until framesDecoded exceeds `above` by at least `by`; returns it."""
    deadline = time.monotonic() + timeout
    now = above
    while time.monotonic() < deadline:
        now = frames_decoded(driver, pc_expression)
        if now >= above + by:
            return now
        time.sleep(0.25)
    raise AssertionError(f"echoed video did not resume within {timeout} s: framesDecoded {now}, was {above}\n"
                         f"{page_report(driver)}")
