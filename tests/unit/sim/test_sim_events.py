"""The event log TenantState feeds: the documented sequences, topics, ids and payload shapes, on a frozen clock."""

from __future__ import annotations

import base64
import json
import re
from typing import Any

import pytest

from ccdesk.sim import AgentStatus, SimError, TenantState
from ccdesk.sim.events import (
    ALL_TOPIC,
    EventLog,
    Message,
    encode_message_id,
    ledger_for,
    parse_message_id,
)

T0 = 1_700_000_000.0  # the conftest's frozen clock
AGENT = "ag0VYyLh0YTsymdbtYIaaaa"
OTHER = "agAQDqmvKiRbG4ekigNSmbbb"
MINE = f"agent-v1/{AGENT}"


def call(state: TenantState, agent: str = AGENT, **options: Any) -> str:
    iid, _ = state.place_call(agent, "1", "6175551984", "12015551212", **options)
    return iid


def body(message: Message) -> dict[str, Any]:
    [inner] = message.event.values()
    return inner


def names(messages: list[Message]) -> list[str]:
    """Each event as its Interaction `event`, or its wrapper with the new state for status changes."""
    out = []
    for message in messages:
        [(wrapper, inner)] = message.event.items()
        out.append(f"Status {inner['newState']}" if wrapper == "AgentStatusChange" else inner["event"])
    return out


def rejected(action: Any, *args: Any, **kwargs: Any) -> SimError:
    with pytest.raises(SimError) as info:
        action(*args, **kwargs)
    return info.value


def since(state: TenantState, mark: int, topic: str = MINE) -> list[Message]:
    return [m for m in state.events.messages(topic) if m.index >= mark]


def flag(value: Any) -> bool:
    """A boolean as the field reference says it may come: native or "true"/"false"."""
    return value in (True, "true")


# -- message ids and the envelope ----------------------------------------------------------------------------


def test_every_message_id_has_plus_slash_and_padding_and_names_its_entry(state: TenantState) -> None:
    for _ in range(3):
        call(state)
        state.free_lines(AGENT)
        state.advance(60)
        state.tick()
    ids = [m.message_id for m in state.events.messages()]
    assert len(ids) > 20 and len(set(ids)) == len(ids)
    for index, message_id in enumerate(ids):
        assert {"+", "/", "="} <= set(message_id), message_id
        assert parse_message_id(message_id) == (state.events.ledger, 2**21 + index)
    assert [parse_message_id(i) for i in ids] == sorted(parse_message_id(i) for i in ids)


@pytest.mark.parametrize("seed", [0, 1, 127, 128, 5000, 16255, 1_700_000_000])
def test_every_ledger_keeps_the_characters(seed: int) -> None:
    message_id = encode_message_id(ledger_for(seed), 2**21)
    assert message_id.startswith("CI+/") and message_id.endswith("==") and len(message_id) == 16


def test_message_ids_are_parsed_like_pulsars_reader() -> None:
    assert parse_message_id("CAEQAQ==") == (1, 1)  # the documents' example
    assert parse_message_id("CAEQAQ") == (1, 1)  # padding is optional
    assert parse_message_id("CAEQASAAMAE=") == (1, 1)  # partition and batch index are ignored
    earliest = base64.b64encode(b"\x08" + b"\xff" * 9 + b"\x01" + b"\x10" + b"\xff" * 9 + b"\x01").decode()
    assert parse_message_id(earliest) == (-1, -1)
    for bad in ("CI /gGMQgICAAQ==", "not base64!", "CAE=", "", "CP8="):
        with pytest.raises(ValueError):
            parse_message_id(bad)


def test_the_envelope_has_exactly_the_documented_fields(state: TenantState) -> None:
    iid = state.another_call_arrives(AGENT, name="Zoë Ångström")
    message = state.events.messages(MINE)[0]
    frame = json.loads(message.envelope())
    assert list(frame) == ["messageId", "payload", "properties", "publishTime", "redeliveryCount"]
    assert frame["properties"] == {} and frame["redeliveryCount"] == 0
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", frame["publishTime"])
    assert frame["publishTime"] == "2023-11-14T22:13:20.000Z"  # T0
    payload = base64.b64decode(frame["payload"], validate=True)
    assert "Zoë Ångström".encode() in payload  # UTF-8, not \u escapes
    assert json.loads(payload.decode("utf-8"))["Interaction"]["interactionGUID"] == iid
    assert json.loads(message.envelope(redelivery_count=1))["redeliveryCount"] == 1


# -- positioning ---------------------------------------------------------------------------------------------


def test_positions_latest_earliest_and_after_an_id() -> None:
    log = EventLog(lambda: T0, retention=3)
    assert log.start("latest") == log.start("earliest") == log.start("") == 0
    published = [log.publish("AgentStatusChange", {"agentId": AGENT, "newState": n}) for n in range(5)]
    assert [m.index for m in log.messages()] == [2, 3, 4]  # retention keeps the newest three
    assert log.start("latest") == 5 and log.start("earliest") == 2
    assert log.start(published[3].message_id) == 4  # exclusive: the message after it
    assert log.start(published[4].message_id) == 5
    assert log.start(published[0].message_id) == 2  # expired: from the oldest retained
    assert log.start(encode_message_id(log.ledger - 1, 2**27)) == 2  # an earlier ledger (run)
    assert log.start(encode_message_id(log.ledger + 1, 2**21)) == 5  # beyond the newest: what comes next
    assert log.start("CAEQAQ==") == 2
    with pytest.raises(ValueError):
        log.start("CI /gGMQgICAAQ==")


def test_next_for_skips_other_topics_and_trimmed_messages() -> None:
    log = EventLog(lambda: T0, retention=10)
    log.publish("AgentStatusChange", {"agentId": AGENT}, agents=[AGENT])
    log.publish("AgentStatusChange", {"agentId": OTHER}, agents=[OTHER])
    log.publish("AgentStatusChange", {"agentId": AGENT}, agents=[AGENT])
    message, cursor = log.next_for(MINE, 1)
    assert message is not None and message.index == 2 and cursor == 3
    assert log.next_for(MINE, 3) == (None, 3)


# -- the documented sequences --------------------------------------------------------------------------------


def test_outbound_call_answered(state: TenantState) -> None:
    iid = call(state)
    state.customer_answers(iid)
    messages = state.events.messages(MINE)
    assert names(messages) == [
        "InteractionCreated",
        "InteractionAssigned",
        f"Status {AgentStatus.DIRECT_CALL}",
        "InteractionCustomerAccepted",
    ]
    created, assigned, _, accepted = (body(m) for m in messages)
    assert {created["interactionGUID"], assigned["interactionGUID"], accepted["interactionGUID"]} == {iid}
    assert (created["callState"], assigned["callState"], accepted["callState"]) == (
        "CS_IDLE",
        "CS_INPROGRESS",
        "CS_CONNECTED",
    )
    assert "agentId" not in created and created["inboundChannelid"] == "N/A"
    assert assigned["agentId"] == assigned["participatingAgents"] == AGENT
    for event in (created, assigned, accepted):
        assert event["direction"] == "out" and flag(event["isOutboundCall"]) and event["mediaType"] == "phone"
        assert {"attachedDataKey": "phoneNum", "attachedDataValue": 6175551984} in event["attachedData"][
            "attachedDatum"
        ]
    assert state.snapshot_lines(AGENT) == [iid, None]  # REST sees the same call on its line
    assert f"[{assigned['agentGUID']}]" in state.hang_up(iid, AGENT)  # REST's leg id is the agentGUID


def test_a_ringing_call_is_answered_when_its_time_is_up(state: TenantState) -> None:
    iid = call(state)
    assert state.snapshot()["interactions"][0]["ringing"]
    state.advance(state.ring_seconds or 0)
    state.tick()
    assert names(state.events.messages(MINE))[-1] == "InteractionCustomerAccepted"
    assert not state.snapshot()["interactions"][0]["ringing"]
    assert rejected(state.customer_answers, iid).status == 409


def test_the_ringing_accepted_event_of_the_message_format_page() -> None:
    state = TenantState(now=lambda: T0, seed=7)
    state.outbound_accepted_event = True
    call(state)
    accepted = state.events.messages(MINE)[2]
    assert (body(accepted)["event"], body(accepted)["callState"]) == ("InteractionAccepted", "CS_INPROGRESS")


def test_customer_hangs_up_then_the_wrap_up_ends(state: TenantState) -> None:
    iid = call(state, queue_id="601")  # 20 s of post-processing, no mandatory code
    state.customer_answers(iid)
    mark = state.events.end
    state.customer_hangs_up(iid)
    assert names(since(state, mark)) == ["InteractionPostProcess", f"Status {AgentStatus.POST_PROCESS}"]
    mark = state.events.end
    state.advance(20)
    state.tick()  # no request: the stream server's tick publishes the expiry
    ended = since(state, mark)
    assert names(ended) == [
        "InteractionEndPostProcess",
        "InteractionDeassigned",
        "InteractionDeleted",
        f"Status {AgentStatus.WAIT_TRANSACT}",
    ]
    deleted = body(ended[2])
    assert (deleted["hangupInitiator"], deleted["callHangupReason"], deleted["callState"]) == (
        "CUSTOMER",
        "CEC_DISCONNECT_NORMAL",
        "CS_DISCONNECTED",
    )
    assert not {"agentId", "agentGUID", "participatingAgents"} & set(deleted)
    assert deleted["queueId"] == 601 and deleted["interactionGUID"] == iid


def test_agent_hang_up_then_end_with_post_processing(state: TenantState) -> None:
    iid = call(state)
    state.customer_answers(iid)
    mark = state.events.end
    state.hang_up(iid, AGENT)
    assert names(since(state, mark)) == ["InteractionPostProcess", f"Status {AgentStatus.POST_PROCESS}"]
    mark = state.events.end
    state.end_call(iid, end_post_processing=True)
    events = since(state, mark)
    assert names(events) == [
        "InteractionEndPostProcess",
        "InteractionDeassigned",
        "InteractionDeleted",
        f"Status {AgentStatus.WAIT_TRANSACT}",
    ]
    assert body(events[2])["hangupInitiator"] == "AGENT"


def test_ending_a_live_call_with_post_processing_publishes_the_whole_end(state: TenantState) -> None:
    iid = call(state)
    state.customer_answers(iid)
    mark = state.events.end
    state.end_call(iid, end_post_processing=True)
    assert names(since(state, mark)) == [
        "InteractionPostProcess",
        "InteractionEndPostProcess",
        "InteractionDeassigned",
        "InteractionDeleted",
        f"Status {AgentStatus.WAIT_TRANSACT}",
    ]


def test_hanging_up_a_ringing_call_cancels_it(state: TenantState) -> None:
    iid = call(state)
    state.hang_up(iid, AGENT)
    state.end_call(iid, end_post_processing=True)
    [deleted] = [body(m) for m in state.events.messages("event-v1/InteractionDeleted")]
    assert (deleted["hangupInitiator"], deleted["callHangupReason"]) == ("AGENT", "CEC_DISCONNECT_CANCELLED")


def test_freeing_lines_takes_each_leg_down(state: TenantState) -> None:
    first, second = call(state), call(state, force_call=True)
    mark = state.events.end
    state.free_line(AGENT, "2")
    [post] = [body(m) for m in since(state, mark) if "event" in body(m)]
    assert (post["event"], post["interactionGUID"]) == ("InteractionPostProcess", second)
    mark = state.events.end
    state.free_lines(AGENT)
    assert [body(m).get("interactionGUID") for m in since(state, mark)] == [first, None]  # then the status
    assert names(since(state, mark))[-1] == f"Status {AgentStatus.POST_PROCESS}"


def test_call_not_answered_frees_the_line_without_wrap_up(state: TenantState) -> None:
    iid = call(state)
    state.call_not_answered(iid)
    assert names(state.events.messages(MINE)) == [
        "InteractionCreated",
        "InteractionAssigned",
        f"Status {AgentStatus.DIRECT_CALL}",
        "InteractionDeleted",
        f"Status {AgentStatus.WAIT_TRANSACT}",
    ]
    deleted = body(state.events.messages(MINE)[3])
    assert (deleted["hangupInitiator"], deleted["callHangupReason"]) == ("SYSTEM", "CEC_DISCONNECT_NOANSWER")
    assert state.snapshot_lines(AGENT) == [None, None] and state.open_wrap_ups(AGENT) == []
    assert rejected(state.hang_up, iid, AGENT).status == 410  # REST finds the call over
    assert rejected(state.free_line, AGENT, "1").reason.startswith(
        "Failed to find any interaction on line [1]"
    )
    assert rejected(state.call_not_answered, iid).status == 410
    answered = call(state)
    state.customer_answers(answered)
    assert rejected(state.call_not_answered, answered).status == 409


def test_another_call_arrives_on_the_first_free_line(state: TenantState) -> None:
    placed = call(state)
    mark = state.events.end
    iid = state.another_call_arrives(AGENT)
    events = since(state, mark)
    assert names(events) == [
        "InteractionCreated",
        "InteractionQueued",
        "InteractionAssigned",
        "InteractionAccepted",
        f"Status {AgentStatus.BUSY}",  # the inbound queue's call
    ]
    assert [body(m)["callState"] for m in events[:4]] == [
        "CS_QUEUED",
        "CS_QUEUED",
        "CS_INPROGRESS",
        "CS_CONNECTED",
    ]
    for event in (body(m) for m in events[:4]):
        assert event["direction"] == "in" and not flag(event["isOutboundCall"]) and event["queueId"] == 591
    data = {
        d["attachedDataKey"]: d["attachedDataValue"] for d in body(events[0])["attachedData"]["attachedDatum"]
    }
    assert data["phoneNum"] == 5515557212 and data["callingName"] == "Andrew Cunningh"
    assert state.snapshot_lines(AGENT) == [placed, iid]
    assert rejected(state.another_call_arrives, AGENT).status == 409  # both lines taken
    reason = state.free_line(AGENT, "2")  # REST works on it
    assert f"assigned to interaction [{iid}]" in reason and state.open_wrap_ups(AGENT) == [iid]
    assert rejected(state.another_call_arrives, "agNobody").status == 404
    assert rejected(state.another_call_arrives, OTHER, queue_id="999").status == 400


def test_status_changes_by_the_agent_status_api(state: TenantState) -> None:
    change = {
        "agent-status": 5,
        "status-code-list-id": 801,
        "status-code-item-id": 1722,
        "status-code-item-short-code": "Meet",
    }
    state.set_agent_status(AGENT, change)
    state.set_agent_status(AGENT, change)  # the same again is still a status event
    first, second = (body(m) for m in state.events.messages("event-v1/AgentStatusChange"))
    assert first == {
        "agentId": AGENT,
        "msgInfo": {
            "instanceId": first["msgInfo"]["instanceId"],
            "sequenceId": 1,
            "timestamp": int(T0 * 1000),
        },
        "newReasonCodeUser": "801=1722",  # the documents' sample, which is WORK_OFFLINE in the REST codes
        "newState": 5,
        "newSubState": "none",
        "newSubStateReason": "none",
        "statusEventTS": int(T0),
    }
    assert second["msgInfo"]["sequenceId"] == 2
    state.set_agent_status(AGENT, {"agent-status": 4})
    assert "newReasonCodeUser" not in body(state.events.messages()[-1])


def test_a_supervisor_status_closes_the_wrap_ups_first(state: TenantState) -> None:
    iid = call(state)
    state.hang_up(iid, AGENT)
    mark = state.events.end
    state.set_agent_status(AGENT, {"agent-status": 3})
    assert names(since(state, mark)) == [
        "InteractionEndPostProcess",
        "InteractionDeassigned",
        "InteractionDeleted",
        f"Status {AgentStatus.ON_BREAK}",
    ]
    mark = state.events.end
    state.force_agent(AGENT, 1)
    assert names(since(state, mark)) == [f"Status {AgentStatus.LOGGED_OUT}"]


def test_codes_set_during_wrap_up_are_in_the_last_events(state: TenantState) -> None:
    iid = call(state, queue_id="598")
    state.hang_up(iid, AGENT)
    state.set_transaction_codes(iid, AGENT, [(12, [234]), (2281, [7361])])
    state.end_call(iid, end_post_processing=True)
    deleted = body(state.events.messages("event-v1/InteractionDeleted")[0])
    data = {d["attachedDataKey"]: d["attachedDataValue"] for d in deleted["attachedData"]["attachedDatum"]}
    assert data["tclSelectedItems"] == "12|234,2281|7361"


# -- topics, booleans and msgInfo ----------------------------------------------------------------------------


def test_topics(state: TenantState) -> None:
    mine, theirs = call(state), call(state, OTHER)
    everything = state.events.messages(ALL_TOPIC)
    assert everything == state.events.messages()
    assert {body(m).get("interactionGUID") for m in state.events.messages(MINE)} == {mine, None}
    assert {body(m).get("interactionGUID") for m in state.events.messages(f"agent-v1/{OTHER}")} == {
        theirs,
        None,
    }
    assert [body(m)["interactionGUID"] for m in state.events.messages("event-v1/InteractionCreated")] == [
        mine,
        theirs,
    ]
    assert {body(m)["agentId"] for m in state.events.messages("event-v1/AgentStatusChange")} == {AGENT, OTHER}
    assert state.events.messages("event-v1/Nothing") == []


def test_booleans_come_both_ways_and_msg_info_sometimes_empty(state: TenantState) -> None:
    for _ in range(2):
        iid = call(state)
        state.customer_answers(iid)
        state.end_call(iid, end_post_processing=True)
    interactions = [body(m) for m in state.events.messages() if "Interaction" in m.event]
    outbound = {json.dumps(e["isOutboundCall"]) for e in interactions}
    external = {json.dumps(e["isExternal"]) for e in interactions if "isExternal" in e}
    assert outbound == {"true", '"true"'} and external == {"true", '"true"'}
    infos = [e["msgInfo"] for e in interactions]
    assert {} in infos and any(info.get("sequenceId") for info in infos)
    sequences = [e["msgInfo"]["sequenceId"] for e in interactions if e["msgInfo"]]
    assert sequences == sorted(sequences)


def test_unknown_event_types(state: TenantState) -> None:
    documented = state.publish_unknown_event(AGENT)
    assert body(documented)["event"] == "AgentSkillChanged" and "AgentProvChange" in documented.event
    assert {"event-v1/AgentProvChange", "event-v1/AgentSkillChanged", MINE} <= documented.topics
    iid = call(state)
    made_up = state.publish_unknown_event(AGENT, name="InteractionTeleported")
    assert body(made_up)["event"] == "InteractionTeleported" and body(made_up)["interactionGUID"] == iid
    assert "event-v1/InteractionTeleported" in made_up.topics
    with pytest.raises(SimError):
        state.publish_unknown_event("agNobody")
