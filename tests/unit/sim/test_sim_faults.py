"""Injected faults and latency, as an httpx client over SimTransport sees them."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

from ccdesk.sim import Fault, SimTransport, Simulator

AGENT = "ag0VYyLh0YTsymdbtYIaaaa"


@pytest.mark.parametrize(
    ("body", "content_type", "check"),
    [
        (
            "json",
            "application/json",
            lambda r: r.json() == {"reasons": ["busy"], "message": "Service Unavailable"},
        ),
        (
            "problem",
            "application/problem+json",
            lambda r: r.json()["status"] == 503 and r.json()["detail"] == "busy",
        ),
        (
            "xml",
            "application/xml",
            lambda r: r.text == "<API><Error>503 - Service Unavailable.</Error></API>",
        ),
        ("html", "text/html", lambda r: "<h1>503 Service Unavailable</h1>" in r.text),
        ("text", "text/plain", lambda r: r.text == "503 Service Unavailable"),
        ("empty", None, lambda r: r.content == b""),
    ],
)
def test_status_fault_bodies(
    client: httpx.Client, sim: Simulator, body: str, content_type: str | None, check: Any
) -> None:
    sim.add_fault("status", status=503, body=body, reasons=["busy"])
    response = client.get("/agentstatus/agents")
    assert response.status_code == 503
    assert response.headers.get("Content-Type") == content_type
    assert check(response)
    assert client.get("/agentstatus/agents").status_code == 200  # count defaults to one request


@pytest.mark.parametrize(
    ("retry_after", "header"),
    [(2, "2"), (1.0, "1"), (0.5, "0.5"), ("Wed, 21 Oct 2015 07:28:00 GMT", "Wed, 21 Oct 2015 07:28:00 GMT")],
)
def test_retry_after_header(client: httpx.Client, sim: Simulator, retry_after: Any, header: str) -> None:
    sim.add_fault("status", status=429, retry_after=retry_after)
    response = client.get("/agentstatus/agents")
    assert (response.status_code, response.headers["Retry-After"]) == (429, header)


def test_a_rejected_request_is_logged_but_not_carried_out(
    client: httpx.Client, sim: Simulator, place: Any
) -> None:
    sim.add_fault("status", status=500, method="post")
    assert place().status_code == 500
    assert len(sim.requests) == 1 and sim.state.agents[AGENT].lines == [None, None]


def test_count_and_filters(client: httpx.Client, sim: Simulator, place: Any) -> None:
    sim.add_fault("status", status=502, count=2, path_contains="/agentstatus/")
    assert place().status_code == 200
    assert [client.get("/agentstatus/agents").status_code for _ in range(3)] == [502, 502, 200]
    assert sim.faults == []


@pytest.mark.parametrize(("rate", "hits"), [(1.0, 10), (0.0, 0)])
def test_rate_faults(client: httpx.Client, sim: Simulator, rate: float, hits: int) -> None:
    sim.add_fault("status", status=503, rate=rate)
    codes = [client.get("/agentstatus/agents").status_code for _ in range(10)]
    assert codes.count(503) == hits and len(sim.faults) == 1


def test_rate_is_reproducible_with_a_seed() -> None:
    def pattern() -> list[int]:
        sim = Simulator(seed=3)
        sim.add_fault("status", rate=0.5)
        transport = SimTransport(sim, sleep=lambda _: None)
        with httpx.Client(transport=transport, auth=("acmecorp01", "demo-token")) as c:
            return [
                c.get("http://s/api/v1/tenants/acmecorp01/agentstatus/agents").status_code for _ in range(20)
            ]

    first = pattern()
    assert first == pattern() and 0 < first.count(503) < 20


def test_drop_raises_remote_protocol_error_after_the_request_arrived(sim: Simulator, place: Any) -> None:
    sim.add_fault("drop")
    with pytest.raises(httpx.RemoteProtocolError):
        place()
    assert len(sim.requests) == 1 and sim.state.agents[AGENT].lines == [None, None]


def test_drop_with_apply_places_the_call_but_loses_the_answer(sim: Simulator, place: Any) -> None:
    sim.add_fault("drop", apply=True)
    with pytest.raises(httpx.RemoteProtocolError):
        place()
    assert sim.state.agents[AGENT].lines[0] is not None


def test_refuse_raises_connect_error_and_never_reaches_the_log(sim: Simulator, place: Any) -> None:
    sim.add_fault("refuse")
    with pytest.raises(httpx.ConnectError):
        place()
    assert sim.requests == []


def test_timeout_longer_than_the_read_timeout(
    sim: Simulator, client: httpx.Client, sleeps: list[float]
) -> None:
    sim.add_fault("timeout", delay=5)
    with pytest.raises(httpx.ReadTimeout):
        client.post(
            "/calls",
            json={"agentId": AGENT, "prefix": "1", "number": "5", "callerId": ""},
            timeout=httpx.Timeout(10, read=0.25),
        )
    assert sleeps == [0.25]
    assert (
        sim.state.agents[AGENT].lines[0] is not None
    )  # a slow server still placed the call: unknown outcome


def test_timeout_shorter_than_the_read_timeout_answers_late(
    sim: Simulator, client: httpx.Client, sleeps: list[float]
) -> None:
    sim.add_fault("timeout", delay=0.5)
    assert client.get("/agentstatus/agents", timeout=2).status_code == 200
    sim.add_fault("timeout", delay=0.5, apply=False)
    assert client.get("/agentstatus/agents", timeout=2).status_code == 504
    assert sleeps == [0.5, 0.5]


def test_latency_sleeps_in_the_calling_thread(
    sim: Simulator, client: httpx.Client, sleeps: list[float]
) -> None:
    sim.latency = 0.2
    client.get("/agentstatus/agents")
    assert sleeps == [0.2]


def test_malformed_answer(sim: Simulator, client: httpx.Client) -> None:
    sim.add_fault("malformed")
    response = client.get("/agentstatus/agents")
    assert response.status_code == 200 and response.headers["Content-Type"] == "application/json"
    with pytest.raises(json.JSONDecodeError):
        response.json()


@pytest.mark.parametrize(
    "data",
    [
        {"kind": "explode"},
        {"kind": "status", "status": 99},
        {"kind": "status", "body": "pdf"},
        {"kind": "drop", "count": 0},
        {"kind": "drop", "rate": 2},
        {"kind": "drop", "colour": "red"},
        {"kind": "drop", "rate": "often"},
        {"kind": "status", "reasons": "busy"},
        {"kind": "timeout", "delay": -1},
        {"kind": "status", "retry_after": [1]},
    ],
)
def test_fault_validation(data: dict) -> None:
    with pytest.raises(ValueError):
        Fault.from_dict(data)


def test_fault_defaults() -> None:
    assert Fault.from_dict({"kind": "status"}).status == 503
    assert Fault.from_dict({"kind": "malformed"}).status == 200
    timeout = Fault.from_dict({"kind": "timeout"})
    assert timeout.apply and timeout.status == 504 and timeout.count == 1
    assert Fault.from_dict({"kind": "drop", "rate": 0.5}).count is None
