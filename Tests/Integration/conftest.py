import os
from pathlib import Path

import pytest

from harness import Collector, Gateway

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def binary() -> str:
    path = os.environ.get("SWIFTGATE_BIN", str(ROOT / ".build" / "debug" / "swiftgate"))
    if not Path(path).exists():
        pytest.fail(f"swiftgate binary not found at {path}: build it first (scripts/test does)")
    return path


@pytest.fixture
def collector():
    c = Collector()
    yield c
    c.close()


@pytest.fixture
def start_gateway(binary, tmp_path):
    """Starts a gateway with a fresh configs folder; stops every one it started, by PID."""
    started = []

    def start(**config):
        g = Gateway(binary, tmp_path / f"gw{len(started)}", **config)
        started.append(g)
        return g

    yield start
    for g in started:
        g.stop()
