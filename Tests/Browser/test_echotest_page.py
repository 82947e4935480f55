"""Our EchoTest demo page (html/echotest.html) in headless Chromium against the built gateway."""

import time
from pathlib import Path

from browser import page_report, wait_for_echo, wait_frames_rise, wait_frames_stop, wait_until, inbound_stats
from pages import assert_picture_shown, click, sessions, wait_no_sessions

PC = "window.echoDemo.pc"


def open_and_call(chromium, gateway):
    chromium.get(f"http://127.0.0.1:{gateway.janus_port}/echotest.html")
    wait_until(chromium, "return window.echoDemo && window.echoDemo.state === 'idle'", 10, "the page to load")
    click(chromium, "start")
    wait_until(chromium, "return window.echoDemo.state === 'webrtcup'", 20, "webrtcup")
    return wait_for_echo(chromium, PC, frames=30, audio_packets=50, timeout=20)


def test_index_page_shows_the_server(start_gateway, chromium):
    gateway = start_gateway()
    chromium.get(f"http://127.0.0.1:{gateway.janus_port}/")
    wait_until(chromium, "return document.body.innerText.includes('SwiftGateTest')", 10,
               "the index page to show the server name from /janus/info")
    links = chromium.execute_script("return [...document.querySelectorAll('a')].map(a => a.getAttribute('href'))")
    assert any("echotest.html" in (link or "") for link in links), links
    assert any("janusjs.html" in (link or "") for link in links), links


def test_echo_call_toggle_video_and_stop(start_gateway, chromium, screenshots: Path, collector):
    gateway = start_gateway()
    stats = open_and_call(chromium, gateway)
    assert stats["pair"] == {"state": "succeeded", "local": "127.0.0.1", "remote": "127.0.0.1"}, stats
    # Chromium is the DTLS server against our answer's setup:active and picks AES-CM first.
    assert stats["srtpCipher"] == "SRTP_AES128_CM_HMAC_SHA1_80", stats
    assert "video/VP8" in stats["codecs"] or "video/VP9" in stats["codecs"] or "video/H264" in stats["codecs"], stats
    assert "audio/opus" in stats["codecs"], stats
    assert_picture_shown(chromium)
    codecs = chromium.execute_script("return document.getElementById('codecs').innerText")
    assert "opus" in codecs.lower(), f"the page names the negotiated codecs: {codecs!r}"
    events = chromium.execute_script("return window.echoDemo.events.map(e => e.janus)")
    assert "webrtcup" in events and "media" in events, events

    click(chromium, "video")  # off: the gateway stops echoing video; audio goes on
    audio_before = inbound_stats(chromium, PC)["audio"]["packetsReceived"]
    stopped = wait_frames_stop(chromium, PC, quiet=1.5, timeout=10)
    assert inbound_stats(chromium, PC)["audio"]["packetsReceived"] > audio_before + 25, "audio still echoed"
    click(chromium, "video")  # on again
    wait_frames_rise(chromium, PC, above=stopped, by=20, timeout=10)
    assert_picture_shown(chromium)
    chromium.save_screenshot(str(screenshots / "echotest.png"))

    click(chromium, "stop")
    wait_until(chromium, "return window.echoDemo.pc === null", 10, "the PeerConnection to close")
    wait_no_sessions(gateway)
    assert chromium.execute_script("return document.getElementById('error').innerText.trim()") == "", \
        page_report(chromium)
    collector.wait_for(lambda events: any(e.get("type") == 1 and e["event"].get("name") == "destroyed"
                                          for e in events), what="the session destroyed event")


def test_echo_call_with_aes_gcm_srtp(start_gateway, chromium):
    """With media.srtp_profiles limited to the AEAD profiles, Chromium must pick AES-GCM: the echo
    then runs through the gateway's GCM transform both ways (Chromium's packets unprotected by the
    gateway, the gateway's protected packets decoded by Chromium)."""
    gateway = start_gateway(srtp_profiles="gcm256, gcm128")
    stats = open_and_call(chromium, gateway)
    assert stats["srtpCipher"] in ("SRTP_AEAD_AES_256_GCM", "SRTP_AEAD_AES_128_GCM"), stats
    assert_picture_shown(chromium)
    session = sessions(gateway)[0]
    handle = gateway.admin(f"/admin/{session}", {"janus": "list_handles"})["handles"][0]
    webrtc = gateway.admin(f"/admin/{session}/{handle}", {"janus": "handle_info"})["info"]["webrtc"]
    assert webrtc["srtp-profile"] == stats["srtpCipher"], (webrtc, stats)
    assert webrtc["dropped"]["srtp-errors"] == 0 and webrtc["dropped"]["srtcp-errors"] == 0, webrtc["dropped"]
    click(chromium, "stop")
    wait_no_sessions(gateway)


def test_page_reports_a_lost_gateway_and_restarts(start_gateway, chromium, screenshots: Path, collector):
    gateway = start_gateway()
    open_and_call(chromium, gateway)
    assert gateway.stop() == 0
    # Ctrl-C (SIGINT) mid-call: the core shutdown event is sent and the call's session destroyed.
    events = collector.wait_for(lambda events: any(e.get("type") == 256 and e["event"].get("status") == "shutdown"
                                                   for e in events), what="the core shutdown event")
    created = {e["session_id"] for e in events if e.get("type") == 1 and e["event"].get("name") == "created"}
    destroyed = {e["session_id"] for e in events if e.get("type") == 1 and e["event"].get("name") == "destroyed"}
    assert created and created == destroyed, (created, destroyed)
    wait_until(chromium, "return window.echoDemo.state === 'gateway lost'", 30, "the page to notice")
    error = chromium.execute_script("return document.getElementById('error').innerText")
    assert "gateway" in error.lower(), error
    assert chromium.find_element("id", "restart").is_displayed()
    chromium.save_screenshot(str(screenshots / "echotest-gateway-lost.png"))

    click(chromium, "restart")  # still down: the page says so and keeps offering to restart
    wait_until(chromium, "return /unreachable|cannot reach/.test(document.getElementById('error').innerText.toLowerCase())",
               10, "the page to say the gateway is still unreachable")
    assert chromium.find_element("id", "restart").is_displayed()
    assert chromium.execute_script("return window.echoDemo.pc") is None, "the lost call's PeerConnection is closed"
    time.sleep(4)  # nothing of the old call may fail later and replace the message
    assert "cannot reach" in chromium.execute_script("return document.getElementById('error').innerText").lower()

    again = start_gateway(janus_port=gateway.janus_port, admin_port=gateway.admin_port)
    click(chromium, "restart")
    wait_until(chromium, "return window.echoDemo.state === 'webrtcup'", 20, "webrtcup after the restart")
    wait_for_echo(chromium, PC, frames=30, audio_packets=50, timeout=20)
    click(chromium, "stop")
    wait_no_sessions(again)
    panel = chromium.execute_script("return document.getElementById('stat-in').innerText")
    assert panel == "–", f"the Call panel keeps no figures after Stop: {panel!r}"
