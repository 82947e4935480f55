"""Fixtures of the headless-Chromium tests: a gateway serving the repository's html/ and Debian's
JavaScript libraries on its Janus API port, and a Chromium driven by Selenium. Screenshots are
saved under test-output/browser/ (or $SWIFTGATE_SCREENSHOTS)."""

import os
import socket
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "Tests" / "Integration"))

from harness import Gateway  # noqa: E402
from shared_fixtures import binary, collector  # noqa: E402,F401 (fixtures)
from browser import start_chromium  # noqa: E402

JAVASCRIPT = Path("/usr/share/javascript")


def _interfaces() -> list[str]:
    """This network namespace's interfaces (asked of the kernel; /sys may show the host's)."""
    return sorted(name for _, name in socket.if_nameindex())


@pytest.fixture(scope="session", autouse=True)
def private_network():
    """Chromium gathers candidates on every interface it sees; these tests must see only `lo`."""
    if _interfaces() != ["lo"]:
        pytest.fail("browser tests must run in a private network namespace with only lo: "
                    "run scripts/browser-tests (interfaces here: " + ", ".join(_interfaces()) + ")")


@pytest.fixture(scope="session")
def screenshots() -> Path:
    folder = Path(os.environ.get("SWIFTGATE_SCREENSHOTS", ROOT / "test-output" / "browser"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture
def start_gateway(binary, tmp_path, collector):
    """Starts a gateway serving html/ and /usr/share/javascript, with the sample event handler
    posting to `collector`; stops every one it started, by PID."""
    started = []

    def start(**config):
        config.setdefault("backend", collector.url)
        g = Gateway(binary, tmp_path / f"gw{len(started)}", html_folder=str(ROOT / "html"),
                    javascript_folder=str(JAVASCRIPT), **config)
        started.append(g)
        return g

    yield start
    for g in started:
        g.stop()


@pytest.fixture
def chromium(tmp_path):
    driver = start_chromium(tmp_path / "chromium-profile", tmp_path / "chromedriver.log")
    yield driver
    driver.quit()
