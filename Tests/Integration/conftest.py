import pytest

from harness import Gateway
from shared_fixtures import binary, collector  # noqa: F401 (fixtures)


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
