"""Roster memory (how long in this status), stuck agents, the roster CSV, and the audit trail's CSV round trip."""

from __future__ import annotations

import io

from ccdesk.api.models import AgentStatus, StatusChange
from ccdesk.core.audit import AuditTrail, Who, export_csv, read_csv
from ccdesk.core.journal import Journal
from ccdesk.core.operations import Action, Operation, OperationResult, Outcome
from ccdesk.core.roster import Roster, read_agent_ids, read_roster_csv


class Clock:
    def __init__(self) -> None:
        self.now = 1_000.0

    def __call__(self) -> float:
        return self.now


def test_seen_since_survives_reads_and_restarts(tmp_path) -> None:  # type: ignore[no-untyped-def]
    clock = Clock()
    journal = Journal(tmp_path / "j.sqlite3", clock=clock)
    Roster(journal, "t").update([AgentStatus("a1", status=9), AgentStatus("a2", status=4)])
    clock.now += 600
    journal.close()
    journal = Journal(tmp_path / "j.sqlite3", clock=clock)
    entries = {
        e.agent_id: e
        for e in Roster(journal, "t").update([AgentStatus("a1", status=9), AgentStatus("a2", status=8)])
    }
    assert entries["a1"].seconds_in_status(clock.now) == 600  # still busy since first seen
    assert entries["a2"].seconds_in_status(clock.now) == 0  # changed status: counted afresh
    assert entries["a1"].is_stuck(clock.now, 5) and not entries["a1"].is_stuck(clock.now, 15)
    assert not entries["a2"].is_stuck(clock.now, 0)
    clock.now += 60
    assert Roster(journal, "t").update([AgentStatus("a2", status=8)])[0].is_stuck(clock.now, 0.5)


def test_status_codes_seen_in_the_roster_are_offered() -> None:
    from ccdesk.core.roster import RosterEntry

    on_break = RosterEntry(
        AgentStatus(
            "a", status=3, status_code_list_id=801, status_code_item_id=1725, status_code_short_code="Lunch"
        ),
        0.0,
    )
    assert on_break.status_code == StatusChange(3, 801, 1725, "Lunch")
    busy = RosterEntry(AgentStatus("b", status=9, status_code_list_id=1, status_code_item_id=2), 0.0)
    assert busy.status_code is None


def test_roster_csv_and_agents_files() -> None:
    agents = read_roster_csv(io.StringIO('agent id,name\nag1,Ann Lee\nag2,"Smith, Bob"\n\n# note\nag1,dup\n'))
    assert [(a.agent_id, a.name) for a in agents] == [("ag1", "Ann Lee"), ("ag2", "Smith, Bob")]
    assert read_agent_ids(io.StringIO("ag1\nag2\n  ag3  \n")) == ["ag1", "ag2", "ag3"]


def test_audit_records_filter_and_round_trip_through_csv(tmp_path) -> None:  # type: ignore[no-untyped-def]
    journal = Journal(tmp_path / "j.sqlite3")
    audit = AuditTrail(journal)
    who = Who("supervisor", "work", "acme", "acme")
    free = Operation(Action.FREE_LINE, "ag/1", line=2)
    audit.record(
        who, OperationResult(free, Outcome.DONE, 200, ('Hangup for agent [x] leg on line [2], "quoted"',))
    )
    status = Operation(Action.SET_STATUS, "ag2", change=StatusChange(3, 801, 1725, "Lunch"))
    audit.record(Who("cli", "work", "acme", "acme"), OperationResult(status, Outcome.FAILED, 400, ("bad",)))
    records = audit.records()
    assert [r.action for r in records] == ["set-status", "free-line"]  # newest first
    assert records[1].request == "DELETE /tenants/acme/agents/ag%2F1/calls/line/2"
    assert records[0].request.startswith("PUT /tenants/acme/agentstatus/agents/ag2 {")
    assert [r.agent_id for r in audit.records(text="Lunch")] == ["ag2"]
    target = tmp_path / "audit.csv"
    assert export_csv(records, target) == 2
    assert read_csv(target) == records
