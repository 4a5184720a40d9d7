"""The client against the simulator over real loopback HTTP, where the documents allow two readings.

The simulator is written from the documents alone; these tests check the two sides agree on the one reading
ccdesk chose: transaction codes amend list by list, the bulk endpoint's method, roster pages and groups,
status codes sent whole, and what a 500, a web page or a 403 means.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from ccdesk.api.client import CCClient
from ccdesk.api.errors import (
    AgentStatusApiOffError,
    OutcomeUnknownError,
    PermissionDeniedError,
    ProxyAnswerError,
    RejectedError,
)
from ccdesk.api.models import AgentState, BulkStatusRequest, PlaceCallRequest, StatusCode, TransactionCode
from ccdesk.core.codes import amend
from ccdesk.core.explain import explain
from ccdesk.sim import Simulator, TenantState
from ccdesk.sim.server import RunningServer, serve_in_thread

TENANT = "acmecorp01"
AGENT = "ag0VYyLh0YTsymdbtYIaaaa"
TOKEN = "demo-token"
LUNCH = StatusCode(801, 1725, "Lunch", "Lunch break")


@pytest.fixture
def sim() -> Simulator:
    return Simulator(TenantState(seed=5), seed=5)


@pytest.fixture
def server(sim: Simulator) -> Iterator[RunningServer]:
    with serve_in_thread(sim) as running:
        yield running


def client_for(server: RunningServer, **options: Any) -> CCClient:
    return CCClient(
        base_url=server.url, tenant=options.pop("tenant", TENANT), username=TENANT, token=TOKEN, **options
    )


@pytest.fixture
def client(server: RunningServer) -> Iterator[CCClient]:
    with client_for(server) as made:
        yield made


def place(client: CCClient, **fields: Any) -> str:
    request = PlaceCallRequest(agent_id=AGENT, prefix="1", number="6175551984", queue_id="598", **fields)
    return client.place_call(request).interaction_id


def held(sim: Simulator, iid: str) -> list[TransactionCode]:
    [call] = [c for c in sim.state.snapshot()["interactions"] if c["id"] == iid]
    return [TransactionCode(lst["id"], code["id"]) for lst in call["codes"] for code in lst["codes"]]


# -- transaction codes amend ---------------------------------------------------------------------------------


def test_a_second_put_keeps_lists_not_sent_and_replaces_lists_sent(client: CCClient, sim: Simulator) -> None:
    iid = place(client)
    first = [TransactionCode(12, 234), TransactionCode(2281, 7361)]
    second = [TransactionCode(2281, 7362), TransactionCode(2281, 7363), TransactionCode(4410, 1)]
    client.set_transaction_codes(iid, AGENT, first)
    client.set_transaction_codes(iid, AGENT, second)
    expected = amend(first, second)
    assert held(sim, iid) == list(expected)
    assert expected == (
        TransactionCode(12, 234),
        TransactionCode(2281, 7362),
        TransactionCode(2281, 7363),
        TransactionCode(4410, 1),
    )


def test_the_six_code_limit_counts_every_code_held_after_the_amend(client: CCClient, sim: Simulator) -> None:
    iid = place(client)
    first = [TransactionCode(12, 234), *(TransactionCode(2281, i) for i in (7361, 7362, 7363, 7364))]
    client.set_transaction_codes(iid, AGENT, first)
    extra = [TransactionCode(4410, 1), TransactionCode(3050, 9101)]  # 2 codes alone, 7 held after
    assert len(amend(first, extra)) == 7
    with pytest.raises(RejectedError) as caught:
        client.set_transaction_codes(iid, AGENT, extra)
    assert caught.value.reasons == ("Invalid transaction codes, a maximum of 6 codes can be assigned",)
    advice = explain(caught.value)
    assert "at most 6 transaction codes, counting those already set" in advice
    assert "does not exist" not in advice
    assert held(sim, iid) == first  # refused whole: nothing amended
    replaced = [TransactionCode(2281, 7365), TransactionCode(4410, 1)]  # re-sending a list frees room
    client.set_transaction_codes(iid, AGENT, replaced)
    assert held(sim, iid) == list(amend(first, replaced))


# -- bulk status: POST first, PUT when refused ---------------------------------------------------------------


@pytest.mark.parametrize(("accepted", "first"), [("PUT", "POST"), ("POST", "PUT")])
def test_the_bulk_method_the_tenant_refuses_falls_back(
    server: RunningServer, sim: Simulator, accepted: str, first: str
) -> None:
    sim.bulk_status_method = accepted
    entries = [
        BulkStatusRequest(a, LUNCH.change(AgentState.ON_BREAK)) for a in (AGENT, "agAQDqmvKiRbG4ekigNSmbbb")
    ]
    with client_for(server, bulk_status_method=first) as client:
        results = client.set_agent_statuses(entries)
        assert [r.change_status for r in results] == [200, 200]
        assert client.bulk_status_method == accepted
        client.set_agent_statuses(entries)
    bulk = [r for r in sim.requests if r.path.endswith("/agentstatus/agents/bulk")]
    assert [r.method for r in bulk] == [first, accepted, accepted]
    assert all(r.json == bulk[0].json for r in bulk)
    assert bulk[0].json["agents"][0] == {
        "agent-id": AGENT,
        "agent-status": 3,
        "status-code-list-id": 801,
        "status-code-item-id": 1725,
        "status-code-item-short-code": "Lunch",
    }
    assert sim.state.agent_record(AGENT)["status-code-item-short-code"] == "Lunch"


# -- roster pages and groups ---------------------------------------------------------------------------------


def test_a_large_tenant_is_read_page_by_page() -> None:
    big = Simulator(TenantState(extra_agents=1200, seed=1), seed=1)
    with serve_in_thread(big) as running, client_for(running) as client:
        roster = client.list_agents()
    assert len(big.state.agents) > 1200  # the demo tenant's own agents and 1,200 more
    assert len(roster) == len({a.agent_id for a in roster}) == len(big.state.agents)
    reads = [r.query for r in big.requests]
    assert reads == [{"pageSize": "500", "pageIndex": str(n)} for n in range(3)]


def test_the_group_filter_reads_one_team(client: CCClient, sim: Simulator) -> None:
    team = client.list_agents(group_id="300")
    expected = {a.id for a in sim.state.agents.values() if "300" in a.groups}
    assert {a.agent_id for a in team} == expected and len(expected) == 6
    assert sim.requests[-1].query == {"groupId": "300", "pageSize": "500", "pageIndex": "0"}
    assert client.list_agents(group_id="no-such-group") == []


# -- what an answer means ------------------------------------------------------------------------------------


def test_a_500_after_the_call_was_placed_is_an_unknown_outcome(client: CCClient, sim: Simulator) -> None:
    sim.add_fault("status", status=500, method="POST", path_contains="/calls", apply=True)
    with pytest.raises(OutcomeUnknownError) as caught:
        place(client)
    assert caught.value.exit_code == 6
    lines = next(a["lines"] for a in sim.state.snapshot()["agents"] if a["agent-id"] == AGENT)
    assert lines[0] is not None  # the platform did place it: redialling would call the customer twice
    assert len([r for r in sim.requests if r.method == "POST"]) == 1


@pytest.mark.parametrize(("status", "words"), [(200, "a web page (200 OK)"), (302, "a redirect")])
def test_a_web_page_answering_a_delete_is_never_a_success(
    client: CCClient, sim: Simulator, status: int, words: str
) -> None:
    iid = place(client)
    sim.add_fault("status", status=status, body="html", method="DELETE")
    with pytest.raises(ProxyAnswerError) as caught:
        client.hang_up(iid, AGENT)
    assert words in caught.value.message
    assert caught.value.exit_code == 5
    assert len([r for r in sim.requests if r.method == "DELETE"]) == 1


def test_a_call_api_403_and_an_agent_status_403_are_told_apart(server: RunningServer, sim: Simulator) -> None:
    with client_for(server, tenant="othertenant") as other, pytest.raises(PermissionDeniedError) as call_api:
        other.free_lines(AGENT)
    assert not isinstance(call_api.value, AgentStatusApiOffError)
    assert call_api.value.reasons == ("You are not authorized to access this tenant.",)
    assert "Agent Status" not in explain(call_api.value)
    sim.agent_status_api = False
    with client_for(server) as client:
        with pytest.raises(AgentStatusApiOffError) as status_api:
            client.list_agents()
        assert place(client).startswith("int-")  # the Call API still works
    assert "Agent Status API is not enabled" in explain(status_api.value)
