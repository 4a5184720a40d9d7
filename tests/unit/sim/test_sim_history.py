"""The demo tenant a working day in (`history=True`): agents stuck on calls and in wrap-up since times in the
past, published as events at those times, and the demo menu's one armed fault at a time."""

from __future__ import annotations

import base64

import pytest

from ccdesk.sim import SimRequest, Simulator, TenantState
from ccdesk.sim.state import AgentStatus

T0 = 1_700_000_000.0  # the conftest's frozen clock
AGENT = "ag0VYyLh0YTsymdbtYIaaaa"
OWEN = "agN7rQeXc2TfuWbk3LmPq9sA"  # busy 25 min
SOFIA = "agV4mYtLw8KpZs1dHq6RnE2c"  # busy 27 min, an inbound call
WEI = "agP2hJcXo5WnGv9eRt3YkB7d"  # in wrap-up 40 min
GRACE = "agF6sLbNq1ZxCe8uMw4TjH0r"  # in wrap-up 44 min
LIAM = "agR3tKpW9cYb2NhLs7VmQx5f"  # busy 3 min: not stuck
MINUTE = 60


@pytest.fixture
def day() -> TenantState:
    return TenantState(now=lambda: T0, seed=7, history=True)


def status_events(state: TenantState, agent: str) -> list[tuple[int, int]]:
    """(newState, statusEventTS) of the agent's AgentStatusChange events, in log order."""
    return [
        (m.event["AgentStatusChange"]["newState"], m.event["AgentStatusChange"]["statusEventTS"])
        for m in state.events.messages(f"agent-v1/{agent}")
        if "AgentStatusChange" in m.event
    ]


def test_without_history_the_tenant_starts_bare() -> None:
    state = TenantState(now=lambda: T0, seed=7)
    assert {state.agent_record(a)["agent-status"] for a in (OWEN, SOFIA, WEI, GRACE, LIAM)} == {4}
    assert state.interactions == {} and state.events.messages() == []
    assert Simulator().state.events.messages() == []  # tests see only what they do
    assert Simulator(history=True).state.agent_record(OWEN)["agent-status"] == AgentStatus.BUSY


def test_agents_are_busy_and_in_wrap_up_since_times_in_the_past(day: TenantState) -> None:
    statuses = {a: day.agent_record(a)["agent-status"] for a in (OWEN, SOFIA, WEI, GRACE, LIAM)}
    assert statuses == {OWEN: 9, SOFIA: 9, WEI: 8, GRACE: 8, LIAM: 9}
    assert status_events(day, OWEN) == [(4, int(T0 - 190 * MINUTE)), (9, int(T0 - 25 * MINUTE))]
    assert status_events(day, WEI) == [
        (4, int(T0 - 200 * MINUTE)),
        (9, int(T0 - 46 * MINUTE)),
        (8, int(T0 - 40 * MINUTE)),
    ]
    assert status_events(day, LIAM)[-1] == (9, int(T0 - 3 * MINUTE))
    messages = day.events.messages()
    times = [m.publish_time for m in messages]
    assert times == sorted(times) and times[-1] == T0 - 3 * MINUTE  # a log in time order, each at its time
    for message in messages:
        inner = next(iter(message.event.values()))
        assert inner.get("statusEventTS", inner.get("eventTS")) == int(message.publish_time)
    calls = {i["agentId"]: i for i in day.snapshot()["interactions"]}
    assert calls[OWEN]["state"] == "live" and calls[OWEN]["started"] == T0 - 25 * MINUTE
    assert calls[SOFIA]["direction"] == "in" and calls[SOFIA]["queueId"] == "591"
    assert calls[WEI]["state"] == "post-processing" and calls[WEI]["missingMandatoryLists"] == [12, 3050]
    sofia = [
        m.event["Interaction"]["event"]
        for m in day.events.messages(f"agent-v1/{SOFIA}")
        if "Interaction" in m.event
    ]
    assert sofia == ["InteractionCreated", "InteractionQueued", "InteractionAssigned", "InteractionAccepted"]


def test_the_documents_examples_are_as_they_were(day: TenantState) -> None:
    assert day.agent_record(AGENT)["agent-status"] == AgentStatus.WAIT_TRANSACT
    assert day.snapshot_lines(AGENT) == [None, None]
    assert status_events(day, AGENT) == []


def test_a_stuck_line_frees_and_a_wrap_up_waits_for_its_mandatory_codes(day: TenantState) -> None:
    assert "was successful" in day.free_lines(OWEN)
    assert day.agent_record(OWEN)["agent-status"] == AgentStatus.POST_PROCESS
    day.advance(21)  # queue 601: 20 s of wrap-up, no mandatory list
    assert day.agent_record(OWEN)["agent-status"] == AgentStatus.WAIT_TRANSACT
    day.advance(3600)
    assert day.agent_record(WEI)["agent-status"] == AgentStatus.POST_PROCESS  # codes still missing
    [iid] = day.open_wrap_ups(WEI)
    day.set_transaction_codes(iid, WEI, [(12, [237]), (3050, [9101])])
    assert day.agent_record(WEI)["agent-status"] == AgentStatus.WAIT_TRANSACT


def test_a_history_that_cannot_have_happened_is_refused() -> None:
    from ccdesk.sim.state import load_scenario

    scenario = load_scenario()
    bad = {**scenario, "agents": [{**scenario["agents"][-1], "since_minutes": 1}]}
    with pytest.raises(ValueError, match="since_minutes"):
        TenantState(bad, history=True)
    ended = dict(scenario["agents"][-1]["call"], ended_minutes_ago=10)
    with pytest.raises(ValueError, match="cannot end before"):
        TenantState({**scenario, "agents": [{**scenario["agents"][-1], "call": ended}]}, history=True)


def test_an_armed_fault_replaces_the_one_armed_before_and_others_stay(sim: Simulator) -> None:
    kept = sim.add_fault("status", status=503, path_contains="/nowhere")
    sim.arm_fault("http500", "status", status=500, path_contains="/calls")
    assert sim.armed_fault == "http500"
    second = sim.arm_fault("http410", "status", status=410, path_contains="/calls")
    assert sim.faults == [kept, second] and sim.armed_fault == "http410"
    sim.handle(SimRequest("GET", f"/api/v1/tenants/{sim.state.tenant}/calls/x"))  # fires it (a 405 would be)
    assert sim.armed_fault is None and sim.faults == [kept]
    sim.arm_fault("drop", "drop")
    sim.disarm_fault()
    assert sim.armed_fault is None and sim.faults == [kept]
    sim.arm_fault("drop", "drop")
    sim.clear_faults()
    assert sim.armed_fault is None and sim.faults == []


def test_latency_delays_every_api_answer_the_bulk_endpoint_too(sim: Simulator) -> None:
    sim.latency = 0.5
    auth = "Basic " + base64.b64encode(b"acmecorp01:demo-token").decode()
    answer = sim.handle(
        SimRequest(
            "PUT",
            f"/api/v1/tenants/{sim.state.tenant}/agentstatus/agents/bulk",
            headers={"Content-Type": "application/json", "Authorization": auth},
            body=b'{"agents": []}',
        )
    )
    assert answer.status == 207 and answer.delay == 0.5
