"""The journal keeps every call from the moment it is dialled, so nothing is orphaned."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading

import pytest

from ccdesk.core.journal import _SCHEMA, ORPHAN_AFTER, SCHEMA_VERSION, CallState, Journal, JournalError
from ccdesk.core.local_files import move_aside


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


def _states(journal: Journal) -> dict[str | None, CallState]:
    return {c.interaction_id: c.state for c in journal.open_calls()}


def test_freeing_lines_puts_that_agents_calls_in_wrap_up(tmp_path):
    """8x8 cuts the agent's leg of a freed line's call; its post-processing opens (it stays open in the journal)."""
    journal = Journal(tmp_path / "j.sqlite3")
    journal.placed(_dial(journal), "int-a", line=1)
    journal.placed(_dial(journal), "int-b", line=2)
    journal.placed(_dial(journal, agent_id="ag2"), "int-c", line=1)
    journal.lines_freed("ag1", line=2)
    live, wrap = CallState.LIVE, CallState.WRAP_UP
    assert _states(journal) == {"int-a": live, "int-b": wrap, "int-c": live}
    journal.lines_freed("ag1")
    assert _states(journal) == {"int-a": wrap, "int-b": wrap, "int-c": live}


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
    assert _states(journal) == {"int-a": CallState.LIVE, "int-b": CallState.WRAP_UP}


# -- a journal that goes wrong under us ---------------------------------------------------------------------


def _broken(path, content: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (lambda p: _broken(p, b"this is not a database at all, just words " * 200), "damaged"),
        (lambda p: p.mkdir(parents=True), "folder"),
        (lambda p: _truncated(p), "damaged"),
        (lambda p: _other_schema(p), "another layout"),
        (lambda p: _foreign(p), "not a ccdesk journal"),
        (lambda p: _newer(p), "newer version of ccdesk"),
    ],
    ids=["garbage", "folder", "truncated", "other-schema", "foreign-sqlite", "newer"],
)
def test_a_broken_journal_is_named_with_a_way_out(tmp_path, make, words):
    path = tmp_path / "data" / "journal.sqlite3"
    make(path)
    with pytest.raises(JournalError) as caught:
        Journal(path)
    error = caught.value
    assert error.path == path and words in str(error)
    assert error.can_move_aside and error.exit_code == 2
    moved = move_aside(path)
    assert moved.exists() and not path.exists()
    fresh = Journal(path)  # a new journal starts where the broken one was
    assert fresh.open_calls() == []


def _truncated(path) -> None:
    journal = Journal(path)
    for n in range(200):
        journal.placed(_dial(journal, display="x" * 200), f"int-{n}")
    journal.close()
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _other_schema(path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE calls (id INTEGER PRIMARY KEY, who TEXT)")
    db.commit()
    db.close()


def _foreign(path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)")
    db.commit()
    db.close()


def _newer(path) -> None:
    Journal(path).close()
    db = sqlite3.connect(path)
    db.execute("PRAGMA user_version=99")
    db.close()


def test_a_version_1_journal_is_upgraded_and_keeps_its_calls(tmp_path):
    path = tmp_path / "j.sqlite3"
    db = sqlite3.connect(path)
    old_calls = _SCHEMA.split("CREATE INDEX")[0].replace(",\n    answer_by REAL", "")
    db.executescript(old_calls + ";")
    db.execute(
        "INSERT INTO calls (interaction_id, state, created_at, updated_at, agent_id, line) "
        "VALUES ('int-old', 'live', 1, 1, 'ag1', 1)"
    )
    db.execute("PRAGMA user_version=1")
    db.commit()
    db.close()
    journal = Journal(path)
    assert [c.interaction_id for c in journal.open_calls()] == ["int-old"]
    assert journal.query("PRAGMA user_version")[0][0] == SCHEMA_VERSION
    journal.begin_dial(
        profile="", tenant="t", agent_id="ag1", display="", prefix="1", number="2", answer_within=20
    )


def test_a_locked_journal_opens_and_says_so_when_written(tmp_path):
    """Another program holding the file's write lock: reads still work; a write fails with words, quickly."""
    path = tmp_path / "j.sqlite3"
    Journal(path).close()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        journal = Journal(path, busy_timeout=0.1)
        assert journal.open_calls() == []
        with pytest.raises(JournalError, match="locked by another program") as caught:
            _dial(journal)
        assert not caught.value.can_move_aside  # a locked file is in use, not broken
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    _dial(journal)  # the lock is gone: writing works again


def test_a_full_disk_is_said_in_words(tmp_path, monkeypatch):
    journal = Journal(tmp_path / "j.sqlite3")
    real = journal._using

    @contextlib.contextmanager
    def full():  # the error SQLite raises when the disk is full (SQLITE_FULL)
        with real():
            raise sqlite3.OperationalError("database or disk is full")
        yield  # pragma: no cover

    monkeypatch.setattr(journal, "_using", full)
    with pytest.raises(JournalError, match="the disk is full"):
        _dial(journal)


def test_a_journal_deleted_while_running_is_started_again(tmp_path):
    path = tmp_path / "j.sqlite3"
    journal = Journal(path)
    told: list[int] = []
    journal.on_reopened = lambda: told.append(journal.reopened)
    journal.placed(_dial(journal), "int-before")
    for companion in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        companion.unlink(missing_ok=True)
    journal.placed(_dial(journal), "int-after")
    assert told == [1]
    journal.close()
    # the call made after the deletion is in the file on disk, not in the deleted one
    assert [c.interaction_id for c in Journal(path).open_calls()] == ["int-after"]


def test_a_journal_replaced_while_running_is_noticed(tmp_path):
    path = tmp_path / "j.sqlite3"
    journal = Journal(path)
    journal.placed(_dial(journal), "int-1")
    other = tmp_path / "other.sqlite3"
    Journal(other).close()
    os.replace(other, path)
    _dial(journal)
    assert journal.reopened == 1


def test_a_closed_journal_refuses_with_words(tmp_path):
    journal = Journal(tmp_path / "j.sqlite3")
    journal.close()
    with pytest.raises(JournalError, match="closed"):
        _dial(journal)


def test_orphaned_dials_become_unknown_after_their_answer_was_due(tmp_path):
    now = [1000.0]
    journal = Journal(tmp_path / "j.sqlite3", clock=lambda: now[0])
    waiting = _dial(journal, answer_within=25, display="+1 617-555-1984", line=1)
    old_style = _dial(journal)  # no answer_by: given up after ORPHAN_AFTER
    now[0] += 20
    assert journal.settle_orphans() == []  # still within its wait: another process may be waiting for it
    now[0] += 10
    [orphan] = journal.settle_orphans()
    assert (orphan.id, orphan.state, orphan.display, orphan.line) == (
        waiting,
        CallState.UNKNOWN,
        "+1 617-555-1984",
        1,
    )
    now[0] += ORPHAN_AFTER
    assert [r.id for r in journal.settle_orphans()] == [old_style]
    assert journal.settle_orphans() == []


def test_freeing_a_line_settles_an_unknown_call_on_it(tmp_path):
    journal = Journal(tmp_path / "j.sqlite3")
    journal.dial_failed(_dial(journal, line=1), "no answer", outcome_unknown=True)
    journal.dial_failed(_dial(journal, line=2), "no answer", outcome_unknown=True)
    journal.lines_freed("ag1", 1, ["... assigned to interaction [int-zz] was successful."])
    assert [c.line for c in journal.open_calls()] == [2]
    journal.lines_freed("ag1")
    assert journal.open_calls() == []


def test_a_dismissed_unknown_call_leaves_the_open_calls(tmp_path):
    journal = Journal(tmp_path / "j.sqlite3")
    row = _dial(journal)
    journal.dial_failed(row, "no answer", outcome_unknown=True)
    journal.dismissed(row, "checked by the agent: no call")
    assert journal.open_calls() == []
    record = journal.by_row(row)
    assert record is not None and record.last_error == "checked by the agent: no call"


def test_a_tolerant_journal_keeps_its_problem_until_retried(tmp_path):
    path = tmp_path / "j.sqlite3"
    _broken(path, b"garbage " * 500)
    journal = Journal(path, tolerant=True)
    assert journal.problem is not None and journal.problem.can_move_aside
    with pytest.raises(JournalError, match="damaged"):
        _dial(journal)
    with pytest.raises(JournalError):
        journal.retry()  # still the same broken file
    backup = move_aside(path)
    journal.retry()
    assert journal.problem is None and journal.open_calls() == []
    _dial(journal)
    assert backup.read_bytes() == b"garbage " * 500  # the user's file is kept whole


def test_a_starting_window_settles_every_dial_on_a_line_at_once(tmp_path):
    """Only the window dials on lines, one window per home: at its start nobody waits for those answers."""
    journal = Journal(tmp_path / "j.sqlite3")
    on_a_line = _dial(journal, answer_within=60, line=1)
    _dial(journal, answer_within=60)  # the command line's dial (no line): it may still be waiting
    assert journal.settle_orphans() == []
    assert [r.id for r in journal.settle_orphans(window_starting=True)] == [on_a_line]
