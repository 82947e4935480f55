"""Fixtures both pytest suites use (Tests/Integration and Tests/Browser): each conftest imports
them, which is how pytest finds fixtures defined elsewhere."""

import pytest

from harness import Collector, swiftgate_binary


@pytest.fixture(scope="session")
def binary() -> str:
    """The swiftgate binary under test ($SWIFTGATE_BIN or the debug build)."""
    try:
        return swiftgate_binary()
    except FileNotFoundError as error:
        pytest.fail(str(error))


@pytest.fixture
def collector():
    """An HTTP backend for the sample event handler, on loopback, closed after the test."""
    c = Collector()
    yield c
    c.close()
