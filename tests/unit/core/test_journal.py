"""The journal keeps every call from the moment it is dialled, so nothing is orphaned."""

from __future__ import annotations

import threading

from ccdesk.core.journal import CallState, Journal


def _dial(journal: Journal, **kw) -> int:
    values = dict(
        profile="p", tenant="t", agent_id="ag1", display="+1 617-555-1984", prefix="1", number="6175551984"
    )
    values.update(kw)
    return journal.begin_dial(**values)


def test_a_call_is_open_from_dial_to_end(tmp_path):
    journal = Journal(tmp_path / "j.sqlite3")
    row = _dial(journal)
    assert [c.state for c in journal.open_calls()] == [CallState.DIALING]
    journal.placed(row, "int-1", line=1)
    journal.codes_set("int-1", ["12:234", "2281:7361"])
    journal.hung_up("int-1")
    record = journal.by_interaction("int-1")
    assert record is not None
    assert (record.state, record.line, record.codes) == (CallState.WRAP_UP, 1, ("12:234", "2281:7361"))
    journal.ended("int-1")
    assert journal.open_calls() == []


def test_survives_reopening(tmp_path):
    path = tmp_path / "j.sqlite3"
    journal = Journal(path)
    journal.placed(_dial(journal), "int-live", line=2)
    journal.close()
    reopened = Journal(path)
    [live] = reopened.open_calls(tenant="t", agent_id="ag1")
    assert (live.interaction_id, live.line, live.state) == ("int-live", 2, CallState.LIVE)


def test_unknown_outcome_stays_open(tmp_path):
    journal = Journal(tmp_path / "j.sqlite3")
    journal.dial_failed(_dial(journal), "no answer", outcome_unknown=True)
    journal.dial_failed(_dial(journal), "agent busy")
    assert [c.state for c in journal.open_calls()] == [CallState.UNKNOWN]


def test_free_lines_closes_that_agents_calls(tmp_path):
    journal = Journal(tmp_path / "j.sqlite3")
    journal.placed(_dial(journal), "int-a", line=1)
    journal.placed(_dial(journal), "int-b", line=2)
    journal.placed(_dial(journal, agent_id="ag2"), "int-c", line=1)
    journal.lines_freed("ag1", line=2)
    assert {c.interaction_id for c in journal.open_calls()} == {"int-a", "int-c"}
    journal.lines_freed("ag1")
    assert {c.interaction_id for c in journal.open_calls()} == {"int-c"}


def test_adopt_is_idempotent(tmp_path):
    journal = Journal(tmp_path / "j.sqlite3")
    first = journal.adopt("int-x", agent_id="ag1")
    second = journal.adopt("int-x", agent_id="other")
    assert first.id == second.id and second.agent_id == "ag1"


def test_threads_share_the_journal(tmp_path):
    journal = Journal(tmp_path / "j.sqlite3")

    def work(n: int) -> None:
        for i in range(20):
            journal.placed(_dial(journal), f"int-{n}-{i}")

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(journal.open_calls()) == 80


def test_freeing_a_line_closes_the_call_the_platform_names(tmp_path):
    """The command line does not know lines; 8x8's answer names the interaction that was on the line."""
    journal = Journal(tmp_path / "j.sqlite3")
    journal.placed(_dial(journal), "int-a")
    journal.placed(_dial(journal), "int-b")
    journal.lines_freed(
        "ag1",
        2,
        ["Hangup for agent [t-ag1-x] leg on line [2] assigned to interaction [int-b] was successful."],
    )
    assert [c.interaction_id for c in journal.open_calls()] == ["int-a"]
