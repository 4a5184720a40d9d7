"""The simulator on loopback for the command-line tests: the document's demo tenant, a known token."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from ccdesk.sim import Simulator, TenantState
from ccdesk.sim.server import RunningServer, serve_in_thread

TENANT = "acmecorp01"
AGENT = "ag0VYyLh0YTsymdbtYIaaaa"
TOKEN = "s3cret-Action-Token-0042"


@pytest.fixture
def sim() -> Simulator:
    return Simulator(TenantState(seed=3), token=TOKEN, seed=3)


@pytest.fixture
def server(sim: Simulator) -> Iterator[RunningServer]:
    with serve_in_thread(sim) as running:
        yield running


@pytest.fixture
def env(server: RunningServer, isolated_home: Path) -> dict[str, str]:
    """The command line's whole environment: where the simulator is, who the agent is, the token, the home."""
    return {
        "CCDESK_BASE_URL": server.url,
        "CCDESK_TENANT": TENANT,
        "CCDESK_AGENT": AGENT,
        "CCDESK_TOKEN": TOKEN,
        "CCDESK_HOME": str(isolated_home),
    }
