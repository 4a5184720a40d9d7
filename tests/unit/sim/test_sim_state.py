"""The tenant model's rules, straight on TenantState with a frozen clock moved by `advance`."""

from __future__ import annotations

import contextlib
import json
import re
import threading
from pathlib import Path

import pytest

from ccdesk.sim import AgentStatus, SimError, TenantState, load_scenario

AGENT = "ag0VYyLh0YTsymdbtYIaaaa"
OTHER = "agAQDqmvKiRbG4ekigNSmbbb"
IID_PATTERN = re.compile(r"^int-[0-9a-f]{11}-[A-Za-z0-9]{25}-phone-00-acmecorp01$")


def call(state: TenantState, agent: str = AGENT, **options: object) -> str:
    iid, _ = state.place_call(agent, "1", "6175551984", "12015551212", **options)  # type: ignore[arg-type]
    return iid


def status(state: TenantState, agent: str = AGENT) -> int:
    return state.agent_record(agent)["agent-status"]


def rejected(action: object, *args: object, **kwargs: object) -> SimError:
    with pytest.raises(SimError) as info:
        action(*args, **kwargs)  # type: ignore[operator]
    return info.value


def test_demo_tenant_holds_the_documents_examples(state: TenantState) -> None:
    assert state.tenant == state.username == "acmecorp01"
    assert (
        {"598", "601"} <= set(state.queues) and "12" in state.dial_plans and "12015551212" in state.caller_ids
    )
    assert 234 in state.code_lists[12].items and 7361 in state.code_lists[2281].items
    assert {i: s for i, (s, _) in state.status_code_lists[801].items.items()} == {
        1722: "Meet",
        1725: "Lunch",
        1726: "Train",
    }
    assert 20 <= len(state.agents) <= 50
    assert state.code_lists[12].mandatory and not state.code_lists[12].multiple_choice
    assert not state.code_lists[2281].mandatory and state.code_lists[2281].multiple_choice


def test_roster_uses_the_documents_shape(state: TenantState) -> None:
    roster = {r["agent-id"]: r for r in state.roster()}
    assert roster[AGENT] == {"agent-id": AGENT, "agent-status": 4, "name": "Ilya Workshard"}
    assert roster["ag0XgxWZr7TzqWFhxboBGj1g"] == {
        "agent-id": "ag0XgxWZr7TzqWFhxboBGj1g",
        "agent-status": 1,
        "status-code-list-id": -1,
        "status-code-item-id": 1,
        "name": "Jane Smith",
    }
    assert roster["ag1LmqEeEYRoOti9KjIi_Dng"] == {
        "agent-id": "ag1LmqEeEYRoOti9KjIi_Dng",
        "agent-status": 0,
        "name": "Paul Neverhere",
    }
    padma = roster["ag64oyEUb_Sk6bxVB9P5ye5w"]
    assert list(padma) == [
        "agent-id",
        "agent-status",
        "status-code-list-id",
        "status-code-item-id",
        "status-code-item-short-code",
        "name",
        "agent-sub-status",
    ]
    assert padma["status-code-item-short-code"] == "Train" and padma["agent-sub-status"] == "none"


def test_extra_agents_are_generated_for_load_tests() -> None:
    state = TenantState(extra_agents=60)
    assert "agSim0001" in state.agents and "agSim0060" in state.agents
    assert state.agent_record("agSim0042")["agent-status"] == AgentStatus.WAIT_TRANSACT


def test_scenario_file_replaces_the_demo_and_tenant_can_be_renamed(tmp_path: Path) -> None:
    scenario = {
        "tenant": "tiny01",
        "agents": [{"id": "agOne", "name": "Only One", "status": 4}],
        "queues": [{"id": "7", "name": "Q", "post_processing_seconds": 5}],
    }
    path = tmp_path / "tiny.json"
    path.write_text(json.dumps(scenario))
    state = TenantState(load_scenario(path), tenant="renamed")
    assert (state.tenant, state.username, list(state.agents)) == ("renamed", "renamed", ["agOne"])
    assert call(state, "agOne", queue_id="7").endswith("-phone-00-renamed")


def test_place_call_answers_an_interaction_guid_and_keeps_attached_data(state: TenantState) -> None:
    data = [{"name": "Name", "value": "Bilbo Baggins"}]
    iid, reasons = state.place_call(
        AGENT, "1", "6175551984", "", queue_id="598", dial_plan_id="12", ext_transaction_data=data
    )
    assert IID_PATTERN.match(iid) and iid.startswith(f"int-{1_700_000_000_000:011x}-")
    assert reasons == ["Call successfully initiated"]
    [dump] = state.snapshot()["interactions"]
    assert dump["extTransactionData"] == data and dump["line"] == 1 and dump["state"] == "live"
    assert dump["presentedCallerId"] == "12015551212" and dump["queueName"] == "Sales Outbound"


def test_a_queue_call_makes_the_agent_busy_and_a_call_without_queue_a_direct_call(state: TenantState) -> None:
    """The guide: "If a direct call is also marking the agent Busy then the status will be 9 BUSY"."""
    call(state)
    assert status(state) == AgentStatus.DIRECT_CALL
    call(state, OTHER, queue_id="598")
    assert status(state, OTHER) == AgentStatus.BUSY


def test_the_customer_hanging_up_frees_the_line_and_opens_the_wrap_up(state: TenantState) -> None:
    """Nobody is told (only Event Streaming would): the agent's next request meets the call in wrap-up."""
    iid = call(state)
    state.customer_hangs_up(iid)
    assert state.snapshot_lines(AGENT) == [None, None] and state.open_wrap_ups(AGENT) == [iid]
    assert status(state) == AgentStatus.POST_PROCESS
    assert rejected(state.hang_up, iid, AGENT).status == 410  # the call is over
    assert rejected(state.customer_hangs_up, iid).status == 410
    state.set_transaction_codes(iid, AGENT, [(12, [234])])  # its wrap-up takes codes
    state.end_call(iid, end_post_processing=True)
    assert state.open_wrap_ups(AGENT) == []


def test_second_call_needs_force_call_and_goes_on_line_two(state: TenantState) -> None:
    first = call(state)
    error = rejected(call, state)
    assert (error.status, error.reason) == (
        400,
        f"Agent=[{AGENT}] not available to handle interaction, already on busy phone interaction",
    )
    second, reasons = state.place_call(AGENT, "1", "6175550000", "", force_call=True)
    assert reasons == ["Call successfully initiated", "Agent is handling other interactions"]
    assert state.agents[AGENT].lines == [first, second]
    error = rejected(call, state, force_call=True)
    assert error.reason == f"Agent=[{AGENT}] not available to handle interaction"


def test_a_call_takes_the_first_free_line(state: TenantState) -> None:
    call(state)
    second = call(state, force_call=True)
    state.free_line(AGENT, "1")
    third = call(state, force_call=True)
    assert state.agents[AGENT].lines == [third, second]


@pytest.mark.parametrize("blocked", [AgentStatus.UNKNOWN, AgentStatus.LOGGED_OUT, AgentStatus.ON_BREAK])
def test_logged_out_on_break_or_unknown_agents_cannot_take_calls(state: TenantState, blocked: int) -> None:
    state.force_agent(AGENT, blocked)
    error = rejected(call, state, force_call=True)
    assert (error.status, error.reason) == (400, f"Agent=[{AGENT}] not available to handle interaction")


def test_an_agent_working_offline_can_still_dial(state: TenantState) -> None:
    state.force_agent(AGENT, AgentStatus.WORK_OFFLINE)
    assert IID_PATTERN.match(call(state))


@pytest.mark.parametrize(
    ("agent", "options", "reason"),
    [
        ("agNobody", {}, "Agent [agNobody] was not found"),
        (AGENT, {"queue_id": "9999"}, "Invalid queueId=[9999]: no such queue"),
        (AGENT, {"dial_plan_id": "77"}, "Invalid dialplanId=[77]: no such dial plan"),
    ],
)
def test_unknown_agent_queue_or_dial_plan(state: TenantState, agent: str, options: dict, reason: str) -> None:
    assert rejected(call, state, agent, **options).reason == reason


def test_transaction_codes_amend_list_by_list(state: TenantState) -> None:
    iid = call(state, queue_id="598")
    state.set_transaction_codes(iid, AGENT, [(12, [234]), (2281, [7361, 7362])])
    state.set_transaction_codes(iid, AGENT, [(2281, [7363])])
    assert state.interactions[iid].codes == {12: [234], 2281: [7363]}
    state.set_transaction_codes(iid, AGENT, [(2281, [])])
    assert state.interactions[iid].codes == {12: [234]}


@pytest.mark.parametrize(
    ("selections", "reason"),
    [
        ([(12, [999])], "Invalid transaction code, listId=[12] itemId=[999]"),
        ([(55, [1])], "Invalid transaction code, listId=[55] itemId=[1]"),
        ([(55, [])], "Invalid transaction code list, listId=[55]"),
        (
            [(12, [234, 235]), (2281, [7361, 7362]), (4410, [1, 2])],
            "Invalid transaction codes, lists=[12, 4410] are not supporting multiple choice",
        ),
    ],
)
def test_invalid_transaction_codes(state: TenantState, selections: list, reason: str) -> None:
    iid = call(state)
    error = rejected(state.set_transaction_codes, iid, AGENT, selections)
    assert (error.status, error.reason) == (400, reason)
    assert state.interactions[iid].codes == {}


def test_at_most_six_codes_after_merging(state: TenantState) -> None:
    iid = call(state)
    state.set_transaction_codes(iid, AGENT, [(2281, [7361, 7362, 7363, 7364]), (12, [234])])
    state.set_transaction_codes(iid, AGENT, [(4410, [1])])
    error = rejected(state.set_transaction_codes, iid, AGENT, [(3050, [9101])])
    assert error.reason == "Invalid transaction codes, a maximum of 6 codes can be assigned"
    state.set_transaction_codes(iid, AGENT, [(2281, [7361]), (3050, [9101, 9102])])  # replacing frees room
    assert sum(map(len, state.interactions[iid].codes.values())) == 5


def test_codes_for_unknown_interaction_or_another_agent(state: TenantState) -> None:
    iid = call(state)
    assert rejected(state.set_transaction_codes, "int-nope", AGENT, []).reason == (
        "Interaction [int-nope] was not found."
    )
    assert rejected(state.set_transaction_codes, iid, OTHER, []).reason == (
        f"Interaction [{iid}] for agent [{OTHER}] was not found"
    )


def test_hang_up_starts_post_processing_for_the_queues_time(state: TenantState) -> None:
    iid = call(state, queue_id="601")
    reason = state.hang_up(iid, AGENT)
    leg = f"acmecorp01-{AGENT}-{state.agents[AGENT].leg_id}"
    assert reason == f"Hangup for agent [{leg}] leg in interaction [{iid}] was successful"
    assert re.fullmatch(
        r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", state.agents[AGENT].leg_id
    )
    assert state.agents[AGENT].lines == [None, None]
    state.advance(19.9)
    assert status(state) == AgentStatus.POST_PROCESS
    state.advance(0.1)
    assert status(state) == AgentStatus.WAIT_TRANSACT


def test_without_a_queue_the_tenant_default_post_processing_applies(state: TenantState) -> None:
    state.hang_up(call(state), AGENT)
    state.advance(state.post_processing_seconds - 1)
    assert status(state) == AgentStatus.POST_PROCESS
    state.advance(1)
    assert status(state) == AgentStatus.WAIT_TRANSACT


def test_missing_mandatory_code_holds_post_processing_until_it_is_set(state: TenantState) -> None:
    iid = call(state, queue_id="598")
    state.hang_up(iid, AGENT)
    state.advance(3600)
    assert status(state) == AgentStatus.POST_PROCESS
    assert state.snapshot()["interactions"][0]["missingMandatoryLists"] == [12]
    state.set_transaction_codes(iid, AGENT, [(12, [237])])
    assert status(state) == AgentStatus.WAIT_TRANSACT


def test_end_post_processing_ends_wrap_up_even_without_mandatory_codes(state: TenantState) -> None:
    iid = call(state, queue_id="598")
    assert state.end_call(iid, end_post_processing=True) == (
        f"Ending call with interactionGuid=[{iid}] was successful"
    )
    assert status(state) == AgentStatus.WAIT_TRANSACT
    for action, args in [
        (state.end_call, (iid,)),
        (state.hang_up, (iid, AGENT)),
        (state.set_transaction_codes, (iid, AGENT, [(12, [234])])),
    ]:
        error = rejected(action, *args)
        assert (error.status, error.reason) == (410, f"Interaction is already terminated {iid}")


def test_ended_call_keeps_its_wrap_up_open_for_codes_and_a_final_end(state: TenantState) -> None:
    iid = call(state, queue_id="598")
    state.end_call(iid)
    assert status(state) == AgentStatus.POST_PROCESS
    assert rejected(state.hang_up, iid, AGENT).status == 410
    assert rejected(state.end_call, iid).status == 410
    state.set_transaction_codes(iid, AGENT, [(12, [234])])
    state.end_call(iid, end_post_processing=True)
    assert status(state) == AgentStatus.WAIT_TRANSACT
    assert rejected(state.end_call, iid, end_post_processing=True).status == 410


def test_after_wrap_up_closes_the_interaction_is_terminated(state: TenantState) -> None:
    iid = call(state, queue_id="620")
    state.hang_up(iid, AGENT)
    state.advance(10)
    assert rejected(state.end_call, iid).status == 410
    assert rejected(state.set_transaction_codes, iid, AGENT, []).status == 410


def test_hang_up_needs_the_agents_live_leg(state: TenantState) -> None:
    iid = call(state)
    assert (
        rejected(state.hang_up, iid, OTHER).reason == f"Interaction [{iid}] for agent [{OTHER}] was not found"
    )
    state.hang_up(iid, AGENT)
    assert (
        rejected(state.hang_up, iid, AGENT).reason == f"Interaction [{iid}] for agent [{AGENT}] was not found"
    )
    assert rejected(state.hang_up, "int-x", AGENT).reason == "Interaction [int-x] was not found."


def test_free_lines(state: TenantState) -> None:
    error = rejected(state.free_lines, AGENT)
    assert (error.status, error.reason) == (400, f"Agent [{AGENT}] has no phone interactions in progress.")
    call(state, queue_id="598")
    call(state, force_call=True)
    leg = f"acmecorp01-{AGENT}-{state.agents[AGENT].leg_id}"
    assert state.free_lines(AGENT) == f"Hangup all calls for agent [{leg}] was successful."
    assert state.agents[AGENT].lines == [None, None] and len(state.agents[AGENT].wrap_ups) == 2
    assert status(state) == AgentStatus.POST_PROCESS


def test_free_one_line(state: TenantState) -> None:
    call(state)
    second = call(state, force_call=True)
    leg = f"acmecorp01-{AGENT}-{state.agents[AGENT].leg_id}"
    assert state.free_line(AGENT, "2") == (
        f"Hangup for agent [{leg}] leg on line [2] assigned to interaction [{second}] was successful."
    )
    assert rejected(state.free_line, AGENT, "2").reason == (
        f"Failed to find any interaction on line [2] for agent [{AGENT}]."
    )
    for bad in ("0", "3", "x", ""):
        assert rejected(state.free_line, AGENT, bad).status == 400
    assert rejected(state.free_lines, "agNobody").reason == "Agent [agNobody] was not found"


def test_set_agent_status_validates_status_and_codes(state: TenantState) -> None:
    state.set_agent_status(
        AGENT,
        {
            "agent-status": 5,
            "status-code-list-id": 801,
            "status-code-item-id": 1722,
            "status-code-item-short-code": "Meet",
        },
    )
    assert state.agent_record(AGENT)["status-code-item-short-code"] == "Meet"
    cases = [
        ({"agent-status": 9}, "The agent status is invalid."),
        ({"agent-status": "4"}, "The agent status is invalid."),
        (
            {"agent-status": 3, "status-code-list-id": 999, "status-code-item-id": 1},
            "The status code list id is invalid.",
        ),
        (
            {"agent-status": 3, "status-code-list-id": 801, "status-code-item-id": 1},
            "The status code item id is invalid.",
        ),
        (
            {
                "agent-status": 3,
                "status-code-list-id": 801,
                "status-code-item-id": 1725,
                "status-code-item-short-code": "x",
            },
            "The status code item short code is invalid.",
        ),
        (  # the guide marks all three status-code fields required: a code is sent whole or not at all
            {"agent-status": 3, "status-code-list-id": 801, "status-code-item-id": 1725},
            "The status code item short code is required.",
        ),
        (
            {"agent-status": 3, "status-code-item-short-code": "Lunch"},
            "The status code list id is invalid.",
        ),
    ]
    for change, reason in cases:
        assert (rejected(state.set_agent_status, AGENT, change).reason) == reason
    assert rejected(state.set_agent_status, "agNobody", {"agent-status": 4}).status == 404
    state.set_agent_status(AGENT, {"agent-status": 4})
    assert state.agent_record(AGENT) == {"agent-id": AGENT, "agent-status": 4, "name": "Ilya Workshard"}


def test_setting_a_status_closes_open_wrap_ups(state: TenantState) -> None:
    state.hang_up(call(state, queue_id="598"), AGENT)
    state.set_agent_status(
        AGENT,
        {
            "agent-status": 3,
            "status-code-list-id": 801,
            "status-code-item-id": 1725,
            "status-code-item-short-code": "Lunch",
        },
    )
    assert status(state) == AgentStatus.ON_BREAK


def test_concurrent_calls_never_double_book_a_line(state: TenantState) -> None:
    results: list[str] = []
    barrier = threading.Barrier(16)

    def dial() -> None:
        barrier.wait()
        with contextlib.suppress(SimError):
            results.append(call(state, force_call=True))

    threads = [threading.Thread(target=dial) for _ in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == sorted(state.agents[AGENT].lines)  # type: ignore[type-var]
    assert len(results) == 2
