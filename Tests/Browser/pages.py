"""Steps the browser tests share: what the gateway's Admin API and event collector should show,
and whether the echoed picture on the page is a real picture."""

import time

from selenium.webdriver.common.by import By

from browser import wait_until

REMOTE_PICTURE = """
const v = document.getElementById('remotevideo');
if (!v || !v.videoWidth || v.paused) return null;
const c = document.createElement('canvas');
c.width = 64; c.height = 48;
const g = c.getContext('2d');
g.drawImage(v, 0, 0, c.width, c.height);
const px = g.getImageData(0, 0, c.width, c.height).data;
const luma = [];
for (let i = 0; i < px.length; i += 4) luma.push(Math.round((px[i] + px[i + 1] + px[i + 2]) / 3));
return {width: v.videoWidth, height: v.videoHeight, luma: luma};
"""


def remote_picture(driver):
    """The echoed <video id="remotevideo">'s size and its picture's luma (0-255) on a 64x48 grid,
    drawn through a canvas."""
    return wait_until(driver, REMOTE_PICTURE, 10, "a picture in #remotevideo")


def assert_picture_shown(driver):
    """The echoed video element shows a live picture: not black, and moving (Chromium's fake camera
    draws a test pattern with a turning pie and a frame counter)."""
    first = remote_picture(driver)
    time.sleep(0.5)
    second = remote_picture(driver)
    assert first["width"] >= 160 and first["height"] >= 120, (first["width"], first["height"])
    mean = sum(second["luma"]) / len(second["luma"])
    changed = sum(1 for a, b in zip(first["luma"], second["luma"]) if abs(a - b) > 8)
    assert mean > 20, f"echoed video looks black (mean luma {mean:.1f})"
    assert changed >= 5, f"echoed video looks frozen: {changed} of {len(first['luma'])} samples changed in 0.5 s"
    return mean, changed


def click(driver, element_id: str):
    driver.find_element(By.ID, element_id).click()


def sessions(gateway) -> list:
    return gateway.admin("/admin", {"janus": "list_sessions"})["sessions"]


def wait_no_sessions(gateway, timeout=10.0):
    """The page tore its call down: the gateway lists no session within `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not sessions(gateway):
            return
        time.sleep(0.2)
    raise AssertionError(f"sessions still open {timeout} s after the page stopped: {sessions(gateway)}")


def handle_events(collector, kind_type: int):
    return [e for e in collector.events() if e.get("type") == kind_type]
