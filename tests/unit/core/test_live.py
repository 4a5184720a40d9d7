"""Stream events applied to the agent's calls: states, never steps; duplicates, late and reordered events change
nothing; the journal keeps the resume position and every applied message id, in one transaction."""

from __future__ import annotations

import base64
import itertools
import json
from typing import Any

import pytest

from ccdesk.api.events import parse_frame
from ccdesk.core.journal import CallState, Journal
from ccdesk.core.lines import AgentCalls, LineState
from ccdesk.core.live import SILENCE_AFTER, LiveLines

AGENT = "agAglVJkg0TU28dok9y9UQKg"
TOPIC = f"acmecorp01/agent-v1/{AGENT}"
_ids = itertools.count(1)


def frame(payload: dict[str, Any], message_id: str | None = None, redelivery: int = 0) -> Any:
    """A data frame as 8x8 sends it: base64 message id and base64 JSON payload."""
    mid = message_id or base64.b64encode(f"m{next(_ids)}+/?".encode()).decode()
    text = json.dumps(
        {
            "messageId": mid,
            "payload": base64.b64encode(json.dumps(payload).encode()).decode(),
            "properties": {},
            "publishTime": "2026-12-02T10:00:00.000Z",
            "redeliveryCount": redelivery,
        }
    )
    message = parse_frame(text)
    assert message is not None
    return message


def interaction(event: str, iid: str, *, seq: int | None = None, **fields: Any) -> Any:
    body: dict[str, Any] = {"event": event, "interactionGUID": iid, "msgInfo": {}}
    if seq is not None:
        body["msgInfo"] = {"instanceId": "i1", "sequenceId": seq, "timestamp": 1669236000000 + seq}
    if event != "InteractionDeleted":
        body.setdefault("agentId", AGENT)
    body.update(fields)
    return frame({"Interaction": body})


def status(state: int, *, seq: int | None = None, code: str = "none") -> Any:
    body: dict[str, Any] = {
        "agentId": AGENT,
        "newState": state,
        "newSubState": "none",
        "newReasonCodeUser": code,
        "statusEventTS": 1669235544,
        "msgInfo": {} if seq is None else {"instanceId": "s1", "sequenceId": seq, "timestamp": 1669235544917},
    }
    return frame({"AgentStatusChange": body})


@pytest.fixture
def journal() -> Journal:
    return Journal(":memory:")


def live_for(journal: Journal | None = None, calls: AgentCalls | None = None) -> LiveLines:
    return LiveLines(calls or AgentCalls(), agent_id=AGENT, topic=TOPIC, journal=journal)


def placed(calls: AgentCalls, iid: str, line: int = 1) -> None:
    calls.dialing(line, "+1 201-555-0100")
    calls.placed(line, iid, None, others_busy=False)


def test_customer_hang_up_moves_the_call_to_wrap_up_and_the_end_of_wrap_up_clears_it(
    journal: Journal,
) -> None:
    live = live_for(journal)
    placed(live.calls, "int-a")
    live.apply([interaction("InteractionPostProcess", "int-a", callState="CS_DISCONNECTED")])
    assert live.calls[1].state is LineState.IDLE
    assert [c.interaction_id for c in live.calls.wrap_ups] == ["int-a"]
    live.apply(
        [
            interaction("InteractionEndPostProcess", "int-a"),
            interaction("InteractionDeassigned", "int-a"),
            interaction("InteractionDeleted", "int-a", hangupInitiator="CUSTOMER"),
        ]
    )
    assert live.calls.is_empty()


def test_no_answer_ends_the_call_without_a_wrap_up() -> None:
    live = live_for()
    placed(live.calls, "int-a")
    live.apply(
        [
            interaction(
                "InteractionDeleted",
                "int-a",
                hangupInitiator="SYSTEM",
                callHangupReason="CEC_DISCONNECT_NOANSWER",
            )
        ]
    )
    assert live.calls.is_empty()


def test_a_call_ccdesk_did_not_place_appears_on_the_first_free_line_and_in_the_journal(
    journal: Journal,
) -> None:
    live = live_for(journal)
    placed(live.calls, "int-mine")
    report = live.apply(
        [
            interaction("InteractionCreated", "int-in", direction="in", isOutboundCall="false"),
            interaction(
                "InteractionAssigned",
                "int-in",
                direction="in",
                isOutboundCall=False,
                attachedData={
                    "attachedDatum": [{"attachedDataKey": "phoneNum", "attachedDataValue": 5515557212}]
                },
            ),
        ]
    )
    assert report.applied == 2
    other = live.calls[2]
    assert other.interaction_id == "int-in" and other.foreign and other.state is LineState.LIVE
    assert other.display == "+1 551-555-7212 · inbound"
    record = journal.by_interaction("int-in")
    assert record is not None and record.state is CallState.LIVE and record.line == 2


def test_events_are_states_not_steps_a_late_event_never_brings_a_call_back() -> None:
    live = live_for()
    placed(live.calls, "int-a")
    live.apply([interaction("InteractionPostProcess", "int-a")])
    live.apply([interaction("InteractionCustomerAccepted", "int-a")])  # older news, arriving late
    assert live.calls[1].state is LineState.IDLE and live.calls.wrap_ups[0].interaction_id == "int-a"
    live.apply([interaction("InteractionDeleted", "int-a")])
    live.apply([interaction("InteractionAssigned", "int-a"), interaction("InteractionPostProcess", "int-a")])
    assert live.calls.is_empty()


def test_a_lower_sequence_id_from_the_same_publisher_is_stale() -> None:
    live = live_for()
    live.apply([interaction("InteractionAssigned", "int-x", seq=10, isOutboundCall=False)])
    report = live.apply([interaction("InteractionAssigned", "int-x", seq=9, isOutboundCall=False)])
    assert report.stale == 1


def test_the_same_message_id_twice_is_applied_once_also_after_a_restart(journal: Journal) -> None:
    live = live_for(journal)
    placed(live.calls, "int-a")
    hang_up = interaction("InteractionPostProcess", "int-a")
    first = live.apply([hang_up, hang_up])
    assert (first.applied, first.duplicates) == (1, 1)
    # a new window on the same journal: the position is kept and a redelivery is refused
    again = live_for(journal)
    assert again.resume_from() == hang_up.message_id
    second = again.apply([hang_up])
    assert (second.applied, second.duplicates) == (0, 1)
    rows = journal.query("SELECT count(*) FROM stream_applied WHERE message_id=?", (hang_up.message_id,))
    assert rows[0][0] == 1


def test_an_event_faster_than_the_dial_answer_waits_for_it() -> None:
    live = live_for()
    live.calls.dialing(1, "+1 201-555-0100")
    live.apply([interaction("InteractionCreated", "int-new", isOutboundCall="true")])
    assert live.calls[2].state is LineState.IDLE  # not shown as another call
    live.apply([interaction("InteractionPostProcess", "int-new", isOutboundCall=True)])
    live.calls.placed(1, "int-new", None, others_busy=False)
    assert live.calls[1].state is LineState.IDLE  # the held wrap-up applied once 8x8 answered
    assert [c.interaction_id for c in live.calls.wrap_ups] == ["int-new"]


def unknown_dial(journal: Journal) -> tuple[LiveLines, int]:
    """A dial on line 1 that got no answer (a timeout): journalled, shown as Unknown; the stream follows it."""
    calls = AgentCalls()
    row = journal.begin_dial(
        profile="p", tenant="t", agent_id=AGENT, display="+1 201-555-0100", prefix="1", number="2015550100"
    )
    calls.dialing(1, "+1 201-555-0100")
    calls.unknown(1, row, error="timeout", advice="")
    return live_for(journal, calls), row


def test_an_unknown_dial_is_resolved_by_its_events(journal: Journal) -> None:
    live, row = unknown_dial(journal)
    calls = live.calls
    live.apply([interaction("InteractionAssigned", "int-u", isOutboundCall=True)])
    assert calls[1].state is LineState.LIVE and calls[1].interaction_id == "int-u"
    record = journal.by_row(row)
    assert record is not None and record.interaction_id == "int-u" and record.state is CallState.LIVE


def test_an_unknown_dial_that_was_not_answered_is_cleared(journal: Journal) -> None:
    live, row = unknown_dial(journal)
    calls = live.calls
    live.apply(
        [
            interaction(
                "InteractionDeleted",
                "int-u",
                isOutboundCall="true",
                callHangupReason="CEC_DISCONNECT_NOANSWER",
            )
        ]
    )
    assert calls[1].state is LineState.IDLE
    record = journal.by_row(row)
    assert record is not None and record.state is CallState.ENDED


def test_unknown_types_and_other_agents_are_ignored() -> None:
    live = live_for(calls=None)
    live.topic = "acmecorp01/event-v1/all"
    report = live.apply(
        [
            frame({"AgentSkillChanged": {"agentId": AGENT}}),
            frame(
                {
                    "Interaction": {
                        "event": "InteractionBrandNew",
                        "interactionGUID": "int-z",
                        "agentId": AGENT,
                    }
                }
            ),
            frame(
                {
                    "Interaction": {
                        "event": "InteractionAssigned",
                        "interactionGUID": "int-o",
                        "agentId": "agOther",
                    }
                }
            ),
        ]
    )
    assert report.ignored == 3 and live.calls.is_empty()


def test_status_events_for_the_agent_are_returned_in_order_and_stale_ones_dropped() -> None:
    live = live_for()
    report = live.apply([status(3, seq=5, code="801=1722"), status(9, seq=4), status(4, seq=6)])
    assert [s.state for s in report.statuses] == [3, 4]
    assert report.statuses[0].reason_code_user == "801=1722"


def test_a_call_ended_by_ccdesk_is_not_brought_back_by_its_later_events() -> None:
    live = live_for()
    placed(live.calls, "int-a")
    live.calls.ended("int-a", end_post_processing=True)
    live.apply(
        [interaction("InteractionPostProcess", "int-a"), interaction("InteractionCustomerAccepted", "int-a")]
    )
    assert live.calls.is_empty()


def test_a_placed_call_nobody_heard_of_is_reported_after_the_silence_limit() -> None:
    now = [1000.0]
    live = LiveLines(AgentCalls(), agent_id=AGENT, topic=TOPIC, clock=lambda: now[0])
    placed(live.calls, "int-a")
    started = live.calls[1].started_at
    assert started is not None
    assert live.unheard(live_since=started - 1, now=started + SILENCE_AFTER - 1) == []
    assert [c.interaction_id for c in live.unheard(live_since=started - 1, now=started + SILENCE_AFTER)] == [
        "int-a"
    ]
    live.apply([interaction("InteractionCustomerAccepted", "int-a")])
    assert live.unheard(live_since=started - 1, now=started + 60) == []
