"""Roster memory (how long in this status), stuck agents, the roster CSV, and the audit trail's CSV round trip."""

from __future__ import annotations

import csv
import io
import time

from ccdesk.api.models import AgentState, AgentStatus, StatusChange, StatusCode
from ccdesk.core.audit import AuditTrail, Who, export_csv, read_csv
from ccdesk.core.journal import Journal
from ccdesk.core.operations import Action, Operation, OperationResult, Outcome
from ccdesk.core.roster import Roster, RosterEntry, read_agent_ids, read_roster_csv, status_codes_for


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


def agent(agent_id: str, status: int, code: tuple[int, int, str | None] | None = None) -> AgentStatus:
    list_id, item_id, short = code or (None, None, None)
    return AgentStatus(
        agent_id,
        status=status,
        status_code_list_id=list_id,
        status_code_item_id=item_id,
        status_code_short_code=short,
    )


def test_status_codes_offered_for_a_status_are_the_profiles_then_those_seen_with_it() -> None:
    profile = [StatusCode(801, 1722, "Meet", "In a meeting"), StatusCode(801, 1725, "Lunch", "Lunch break")]
    seen = [
        RosterEntry(agent("a", 3, (801, 1725, "Lunch")), 0.0),  # known: keeps the profile's name
        RosterEntry(agent("b", 3, (802, 1801, "Email")), 0.0),  # new: added after the profile's
        RosterEntry(agent("c", 5, (801, 1726, "Train")), 0.0),  # seen with another status: not offered
        agent("d", 3, (802, 1801, "Email")),  # twice: once
        agent("e", 3, (-1, 1, None)),  # no short code: cannot be sent whole, not offered
        agent("f", 3),
    ]
    assert status_codes_for(AgentState.ON_BREAK, profile, seen) == [
        StatusCode(801, 1722, "Meet", "In a meeting"),
        StatusCode(801, 1725, "Lunch", "Lunch break"),
        StatusCode(802, 1801, "Email"),
    ]
    assert status_codes_for(AgentState.WORK_OFFLINE, [], seen) == [StatusCode(801, 1726, "Train")]
    assert status_codes_for(AgentState.WAIT_TRANSACT, profile) == profile
    renamed = [agent("g", 3, (801, 1722, "MTG"))]  # the platform's short code wins over a stale profile's
    assert status_codes_for(AgentState.ON_BREAK, profile, renamed)[0] == StatusCode(
        801, 1722, "MTG", "In a meeting"
    )
    assert StatusCode(801, 1725, "Lunch", "Lunch break").change(3) == StatusChange(3, 801, 1725, "Lunch")


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


def test_the_csv_is_for_people_iso_times_agent_names_and_reasons_as_text(  # type: ignore[no-untyped-def]
    tmp_path, monkeypatch
) -> None:
    monkeypatch.setenv("TZ", "Europe/Berlin")
    time.tzset()
    try:
        clock = Clock()
        clock.now = 1_753_272_192.2506  # 2025-07-23 12:03:12.2506 UTC, 14:03:12 in Berlin
        audit = AuditTrail(Journal(tmp_path / "j.sqlite3", clock=clock))
        free = Operation(Action.FREE_LINES, "agTara")
        reasons = ("Agent=[agTara] is locked", 'said "twice", with commas')
        audit.record(
            Who("supervisor", "work", "acme", "acme"), OperationResult(free, Outcome.FAILED, 400, reasons)
        )
        records = audit.records()
        target = tmp_path / "audit.csv"
        export_csv(records, target, {"agTara": "Tara O'Neill"})
        [row] = list(csv.DictReader(target.open(encoding="utf-8", newline="")))
        assert row["when"] == "2025-07-23T14:03:12.251+02:00"
        assert (row["agent_id"], row["agent_name"]) == ("agTara", "Tara O'Neill")
        assert row["reasons"] == 'Agent=[agTara] is locked; said "twice", with commas'
        assert "at" not in row
        assert read_csv(target) == records
        old = tmp_path / "old.csv"  # an export of the earlier version reads too
        old.write_text(
            "id,at,source,profile,username,tenant,action,agent_id,line,interaction_id,request,outcome,status,"
            'reasons\n1,1753272192.25,cli,,acme,acme,free-lines,ag1,,,DELETE /x,done,200,"[""a; b""]"\n',
            encoding="utf-8",
        )
        [earlier] = read_csv(old)
        assert (earlier.at, earlier.reasons, earlier.status) == (1753272192.25, ("a; b",), 200)
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()
