"""Fixtures for the simulator's unit tests: a demo tenant on a frozen clock and an httpx client over it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

from ccdesk.sim import SimTransport, Simulator, TenantState

T0 = 1_700_000_000.0
TENANT = "acmecorp01"
AGENT = "ag0VYyLh0YTsymdbtYIaaaa"
AUTH = ("acmecorp01", "demo-token")
PlaceCall = Callable[..., httpx.Response]


@pytest.fixture
def state() -> TenantState:
    return TenantState(now=lambda: T0, seed=7)


@pytest.fixture
def sim(state: TenantState) -> Simulator:
    return Simulator(state, seed=7)


@pytest.fixture
def sleeps() -> list[float]:
    """What the transport slept, instead of sleeping."""
    return []


@pytest.fixture
def client(sim: Simulator, sleeps: list[float]) -> Iterator[httpx.Client]:
    transport = SimTransport(sim, sleep=sleeps.append)
    with httpx.Client(
        transport=transport, base_url=f"http://sim.test/api/v1/tenants/{TENANT}", auth=AUTH
    ) as c:
        yield c


@pytest.fixture
def place(client: httpx.Client) -> PlaceCall:
    """Place a call for AGENT (or another agent) with the document's values, overridable per field."""

    def place_call(**fields: Any) -> httpx.Response:
        body = {"agentId": AGENT, "prefix": "1", "number": "6175551984", "callerId": "12015551212", **fields}
        return client.post("/calls", json={k: v for k, v in body.items() if v is not None})

    return place_call
