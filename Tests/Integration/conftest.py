import pytest

from harness import Collector, Gateway, swiftgate_binary


@pytest.fixture(scope="session")
def binary() -> str:
    try:
        return swiftgate_binary()
    except FileNotFoundError as error:
        pytest.fail(str(error))


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
