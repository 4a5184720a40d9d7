"""The roster's memory fed by 8x8's AgentStatusChange events: 'since' is the event's time and survives reads."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

import pytest

from ccdesk.api.events import AgentStatusEvent, parse_frame
from ccdesk.api.models import AgentState, AgentStatus, StatusCode
from ccdesk.core.journal import Journal
from ccdesk.core.roster import Roster, RosterEntry, parse_reason_code

T0 = 1_700_000_000.0  # ccdesk's clock when the test starts
EVENT_TIME = 1_699_999_950  # 8x8's time for a change 50 s before ccdesk's first look


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> float:
        return self.now


def status_event(
    agent_id: str,
    state: int,
    at: float | None,
    *,
    sequence: int | None = None,
    instance: str | None = "us1tomcat04",
    code: str | None = None,
    sub_state: str | None = "none",
) -> AgentStatusEvent:
    return AgentStatusEvent(
        agent_id=agent_id,
        state=state,
        sub_state=sub_state,
        reason_code_user=code,
        at=at,
        sequence_id=sequence,
        instance_id=instance,
        raw={},
    )


def frame(inner: dict[str, Any]) -> AgentStatusEvent:
    """An event decoded from a data frame, as the reader hands it on."""
    payload = base64.b64encode(json.dumps({"AgentStatusChange": inner}).encode()).decode()
    message = parse_frame(json.dumps({"messageId": "CAEQAQ==", "payload": payload, "publishTime": ""}))
    assert message is not None and isinstance(message.body, AgentStatusEvent)
    return message.body


def shown(entries: list[RosterEntry]) -> dict[str, RosterEntry]:
    return {e.agent_id: e for e in entries}


def since_in_journal(journal: Journal, agent_id: str) -> tuple[int, float]:
    [row] = journal.query("SELECT status, since FROM agent_seen WHERE agent_id=?", [agent_id])
    return row["status"], row["since"]


def test_an_event_sets_status_code_and_since_and_a_read_keeps_that_since(tmp_path: Path) -> None:
    clock = Clock()
    journal = Journal(tmp_path / "j.sqlite3", clock=clock)
    roster = Roster(journal, "t")
    first = roster.update([AgentStatus("a1", "Ann", status=AgentState.WAIT_TRANSACT)])
    assert first[0].since == T0 and not first[0].since_from_event  # ccdesk's first look

    clock.now += 30
    event = status_event("a1", AgentState.WORK_OFFLINE, T0 + 20, code="801=1722", sub_state="Meeting")
    result = roster.apply([event], shown(first), [StatusCode(801, 1722, "Meet", "In a meeting")])
    entry = result.entries["a1"]
    assert (result.applied, result.stale, result.outside) == (1, 0, 0)
    assert entry.agent.name == "Ann"
    assert (entry.agent.status, entry.agent.status_code_list_id, entry.agent.status_code_item_id) == (
        5,
        801,
        1722,
    )
    assert (entry.agent.status_code_short_code, entry.agent.sub_status) == ("Meet", "Meeting")
    assert entry.since == T0 + 20 and entry.since_from_event
    assert since_in_journal(journal, "a1") == (5, T0 + 20)

    clock.now += 11 * 60  # a read much later, same status: 'since' is still the event's time
    [same] = roster.update([AgentStatus("a1", "Ann", status=AgentState.WORK_OFFLINE)])
    assert same.since == T0 + 20 and same.since_from_event
    assert same.seconds_in_status(clock.now) == 11 * 60 + 10
    journal.close()
    journal = Journal(tmp_path / "j.sqlite3", clock=clock)  # a restart (or the CLI) reads the same memory
    roster = Roster(journal, "t")
    [again] = roster.update([AgentStatus("a1", "Ann", status=AgentState.WORK_OFFLINE)])
    assert again.since == T0 + 20

    clock.now += 5  # a read with another status: the change was not heard, counted from this look
    [changed] = roster.update([AgentStatus("a1", "Ann", status=AgentState.BUSY)])
    assert changed.since == clock.now and not changed.since_from_event


def test_stuck_counts_from_the_event_not_from_the_first_look() -> None:
    clock = Clock()
    roster = Roster(Journal(":memory:", clock=clock), "t")
    entries = roster.update([AgentStatus("a1", status=AgentState.WAIT_TRANSACT)])
    busy = roster.apply(
        [frame({"agentId": "a1", "newState": 9, "statusEventTS": int(T0) + 1})], shown(entries)
    )
    clock.now += 11 * 60
    [entry] = roster.update([AgentStatus("a1", status=AgentState.BUSY)])
    assert entry.since == busy.entries["a1"].since == T0 + 1
    assert entry.is_stuck(clock.now, 10) and not entry.is_stuck(clock.now, 11)


def test_the_time_is_msg_info_timestamp_when_the_event_has_no_status_time() -> None:
    roster = Roster(Journal(":memory:", clock=Clock()), "t")
    entries = roster.update([AgentStatus("a1", status=AgentState.BUSY)])
    event = frame({"agentId": "a1", "newState": 8, "msgInfo": {"timestamp": 1_699_999_990_250}})
    assert roster.apply([event], shown(entries)).entries["a1"].since == 1_699_999_990.25
    untimed = roster.apply([status_event("a1", AgentState.ON_BREAK, None)], shown(entries)).entries["a1"]
    assert untimed.since == T0 and not untimed.since_from_event  # no time at all: since ccdesk heard of it


def test_older_and_repeated_events_are_ignored() -> None:
    roster = Roster(Journal(":memory:", clock=Clock()), "t")
    entries = shown(roster.update([AgentStatus("a1", status=AgentState.WAIT_TRANSACT)]))
    newest = status_event("a1", AgentState.BUSY, EVENT_TIME + 40, sequence=215)
    assert roster.apply([newest], entries).applied == 1
    entries["a1"] = roster.settle(list(entries.values()), 0)[0]

    by_sequence = status_event(
        "a1", AgentState.WAIT_TRANSACT, EVENT_TIME + 45, sequence=214
    )  # later time, lower id
    by_time = status_event("a1", AgentState.WAIT_TRANSACT, EVENT_TIME + 39, sequence=None)
    repeat = status_event("a1", AgentState.BUSY, EVENT_TIME + 40, sequence=215)
    result = roster.apply([by_sequence, by_time, repeat], entries)
    assert (result.applied, result.stale, result.entries) == (0, 3, {})

    # another publisher's sequenceIds are not comparable: its event is ordered by time
    other = status_event("a1", AgentState.POST_PROCESS, EVENT_TIME + 41, sequence=3, instance="us1tomcat05")
    assert roster.apply([other], entries).entries["a1"].since == EVENT_TIME + 41
    no_agent = status_event("", AgentState.BUSY, EVENT_TIME + 50)
    no_state = AgentStatusEvent("a1", None, None, None, EVENT_TIME + 50, None, None, {})
    assert roster.apply([no_agent, no_state], entries).ignored == 2


def test_a_status_code_change_keeps_since_and_the_code_follows_the_event() -> None:
    roster = Roster(Journal(":memory:", clock=Clock()), "t")
    seen = AgentStatus(
        "a2", status=3, status_code_list_id=802, status_code_item_id=1801, status_code_short_code="Eml"
    )
    entries = shown(roster.update([AgentStatus("a1", status=AgentState.WAIT_TRANSACT), seen]))
    lunch = status_event("a1", AgentState.ON_BREAK, EVENT_TIME, code="801=1725")
    email = status_event("a1", AgentState.ON_BREAK, EVENT_TIME + 60, code="802=1801")
    cleared = status_event("a1", AgentState.ON_BREAK, EVENT_TIME + 90, code=None)
    result = roster.apply([lunch, email], entries, [StatusCode(802, 1801, "Email")])
    entry = result.entries["a1"]
    assert entry.since == EVENT_TIME and entry.since_from_event  # still on break since the first event
    assert (entry.agent.status_code_item_id, entry.agent.status_code_short_code) == (1801, "Eml")  # 8x8's own
    entries["a1"] = entry
    after = roster.apply([cleared], entries).entries["a1"]
    assert (after.agent.status_code_list_id, after.agent.status_code_short_code, after.since) == (
        None,
        None,
        EVENT_TIME,
    )
    unknown = roster.apply([status_event("a1", 5, EVENT_TIME + 99, code="801=1722")], entries).entries["a1"]
    assert (unknown.agent.status_code_list_id, unknown.agent.status_code_short_code) == (801, None)
    assert parse_reason_code("801=1722") == (801, 1722)
    assert (
        parse_reason_code("none") is None
        and parse_reason_code("801=") is None
        and parse_reason_code(None) is None
    )


def test_an_agent_not_in_the_roster_is_not_added_but_remembered() -> None:
    clock = Clock()
    journal = Journal(":memory:", clock=clock)
    roster = Roster(journal, "t")
    entries = shown(roster.update([AgentStatus("a1", status=AgentState.WAIT_TRANSACT)]))
    result = roster.apply([status_event("a9", AgentState.BUSY, EVENT_TIME)], entries)
    assert (result.applied, result.outside, result.entries) == (1, 1, {})
    assert since_in_journal(journal, "a9") == (9, EVENT_TIME)
    clock.now += 60
    listed = shown(roster.update([AgentStatus("a1", status=4), AgentStatus("a9", "New", status=9)]))
    assert listed["a9"].since == EVENT_TIME and listed["a9"].since_from_event
    again = roster.apply([status_event("a9", AgentState.BUSY, EVENT_TIME + 5, code="1=2")], listed)
    assert again.entries["a9"].since == EVENT_TIME and again.entries["a9"].agent.name == "New"


def test_an_event_applied_while_a_read_was_on_its_way_wins_over_the_read() -> None:
    clock = Clock()
    journal = Journal(":memory:", clock=clock)
    roster = Roster(journal, "t")
    entries = shown(roster.update([AgentStatus("a1", "Ann", status=AgentState.WAIT_TRANSACT)]))

    ticket = roster.ticket()  # the read is sent, 8x8 answers "available" ...
    roster.apply([status_event("a1", AgentState.BUSY, EVENT_TIME, code="801=1722")], entries)  # ... then this
    clock.now += 1
    [read] = roster.update([AgentStatus("a1", "Ann B.", status=AgentState.WAIT_TRANSACT)], ticket)
    assert (read.agent.name, read.agent.status, read.since, read.since_from_event) == (
        "Ann B.",
        9,
        EVENT_TIME,
        True,
    )
    assert read.agent.status_code_list_id == 801
    assert since_in_journal(journal, "a1") == (9, EVENT_TIME)

    # the same when the event came after the read was written but before its answer reached the window
    stale_read = RosterEntry(AgentStatus("a1", "Ann", status=AgentState.WAIT_TRANSACT), T0)
    assert roster.settle([stale_read], ticket)[0].agent.status == AgentState.BUSY
    assert roster.settle([stale_read], roster.ticket()) == [stale_read]

    clock.now += 1  # a read sent after the event is newer: it wins
    [later] = roster.update([AgentStatus("a1", status=AgentState.WAIT_TRANSACT)], roster.ticket())
    assert (later.agent.status, later.since, later.since_from_event) == (4, clock.now, False)


def test_an_imported_agent_gets_the_status_its_event_says() -> None:
    roster = Roster(Journal(":memory:", clock=Clock()), "t")
    imported = RosterEntry(AgentStatus("a1", "Ann"), None, from_file=True)
    entry = roster.apply([status_event("a1", AgentState.BUSY, EVENT_TIME)], {"a1": imported}).entries["a1"]
    assert (entry.from_file, entry.agent.name, entry.agent.status, entry.since) == (
        False,
        "Ann",
        9,
        EVENT_TIME,
    )


def test_a_journal_that_cannot_be_written_still_lets_the_events_through(tmp_path: Path) -> None:
    journal = Journal(tmp_path / "j.sqlite3", clock=Clock())
    roster = Roster(journal, "t")
    entries = shown(roster.update([AgentStatus("a1", status=AgentState.WAIT_TRANSACT)]))
    journal.close()
    result = roster.apply(
        [status_event("a1", AgentState.BUSY, EVENT_TIME), status_event("a9", AgentState.BUSY, EVENT_TIME)],
        entries,
    )
    assert result.entries["a1"].agent.status == AgentState.BUSY and result.outside == 1
    assert result.problem is not None and "closed" in str(result.problem)


def test_a_roster_file_that_is_a_device_or_too_big_is_refused_before_it_is_read(tmp_path: Path) -> None:
    from ccdesk.api.errors import InvalidInput
    from ccdesk.core.roster import MAX_ROSTER_FILE_BYTES, read_agent_ids

    with pytest.raises(InvalidInput, match="not a regular file"):
        read_agent_ids(Path("/dev/zero"))
    big = tmp_path / "agents.csv"
    with big.open("wb") as out:
        out.truncate(MAX_ROSTER_FILE_BYTES + 1)  # sparse: no time spent writing it
    with pytest.raises(InvalidInput, match="at most"):
        read_agent_ids(big)
