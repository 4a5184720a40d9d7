"""ccdesk-cli when its journal fails: a call is never lost, nothing is sent unrecorded, and no traceback.

Against the simulator over real HTTP. The journal is locked for real (a second SQLite connection holding the write
lock); a full disk is SQLite's own error raised where the journal writes the interaction id.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from ccdesk import cli
from ccdesk.core import journal as journal_module
from ccdesk.core.credentials import MemoryStore
from ccdesk.core.journal import CallState, Journal
from ccdesk.core.paths import app_dirs
from ccdesk.sim import Simulator
from tests.journal_faults import disk_full_at_the_answer, locked

TENANT = "acmecorp01"
AGENT = "ag0VYyLh0YTsymdbtYIaaaa"
TOKEN = "s3cret-Action-Token-0042"


@pytest.fixture(autouse=True)
def short_lock_wait(monkeypatch: pytest.MonkeyPatch) -> None:
    """A locked journal fails in a fifth of a second here instead of three."""
    monkeypatch.setattr(journal_module, "BUSY_TIMEOUT", 0.2)


def run_cli(
    env: dict[str, str], *argv: str, transport: httpx.BaseTransport | None = None
) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli.main(list(argv), env=env, store=MemoryStore(), transport=transport, stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def journal_path() -> Path:
    return app_dirs().journal_file


def posts(sim: Simulator) -> list[object]:
    return [r for r in sim.requests if r.method == "POST"]


def test_a_journal_locked_before_the_dial_sends_nothing(env, sim: Simulator) -> None:  # type: ignore[no-untyped-def]
    Journal(journal_path()).close()
    with locked(journal_path()):
        code, out, err = run_cli(env, "call", "+16175551984")
    assert code == 2 and out == ""
    assert str(journal_path()) in err and "locked by another program" in err
    assert "Traceback" not in err
    assert posts(sim) == []  # journal first: a dial that cannot be recorded is never sent


class LockAfterTheAnswer(httpx.BaseTransport):
    """Real HTTP; the moment 8x8 has answered the call request, another program locks the journal."""

    def __init__(self, path: Path) -> None:
        self._inner = httpx.HTTPTransport()
        self._path = path
        self.holder: sqlite3.Connection | None = None

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = self._inner.handle_request(request)
        if request.method == "POST":
            self.holder = sqlite3.connect(self._path, isolation_level=None)
            self.holder.execute("BEGIN IMMEDIATE")
        return response

    def close(self) -> None:
        self._inner.close()
        if self.holder is not None:
            self.holder.execute("ROLLBACK")
            self.holder.close()


def test_a_journal_locked_after_the_answer_still_prints_the_interaction_id(env, sim: Simulator) -> None:  # type: ignore[no-untyped-def]
    Journal(journal_path()).close()
    transport = LockAfterTheAnswer(journal_path())
    code, out, err = run_cli(env, "call", "+16175551984", transport=transport)
    [call] = sim.state.snapshot()["interactions"]
    assert code == 0, err
    assert out.strip() == call["id"]  # the live call's id, for `iid=$(ccdesk-cli call ...)`
    assert "not written to the journal" in err and "locked by another program" in err
    assert f"keep its interaction id {call['id']}" in err
    assert "Traceback" not in err
    assert len(posts(sim)) == 1


@pytest.fixture
def disk_full(monkeypatch: pytest.MonkeyPatch) -> None:
    disk_full_at_the_answer(monkeypatch)


@pytest.mark.usefixtures("disk_full")
def test_a_full_disk_after_the_answer_prints_the_id_and_says_so(env, sim: Simulator) -> None:  # type: ignore[no-untyped-def]
    code, out, err = run_cli(env, "call", "+16175551984", "--json")
    [call] = sim.state.snapshot()["interactions"]
    answer = json.loads(out)
    assert code == 0 and answer["interaction_id"] == call["id"] and answer["journalled"] is False
    assert "the disk is full" in err and "Traceback" not in err


def test_a_journal_that_is_garbage_stops_the_command_with_its_name(env, sim: Simulator) -> None:  # type: ignore[no-untyped-def]
    journal_path().parent.mkdir(parents=True, exist_ok=True)
    journal_path().write_bytes(b"not sqlite " * 100)
    code, out, err = run_cli(env, "call", "+16175551984")
    assert code == 2 and out == "" and posts(sim) == []
    assert str(journal_path()) in err and "damaged" in err and "Traceback" not in err


def test_recent_lists_the_journal_with_states(env, sim: Simulator) -> None:  # type: ignore[no-untyped-def]
    iid = run_cli(env, "call", "+16175551984")[1].strip()
    run_cli(env, "hangup", iid)
    code, out, _ = run_cli(env, "recent")
    assert code == 0
    [row] = out.splitlines()
    assert "wrap-up" in row and "+1 617-555-1984" in row and iid in row
    answer = json.loads(run_cli(env, "recent", "--json")[1])
    assert answer["calls"][0]["state"] == "wrap-up" and answer["calls"][0]["interaction_id"] == iid
    assert run_cli(env, "recent", "--limit", "0")[0] == 2


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_a_cli_killed_mid_dial_is_named_on_the_next_run(env, sim: Simulator, isolated_home: Path) -> None:  # type: ignore[no-untyped-def]
    sim.add_fault(
        "timeout", delay=30, apply=True, method="POST"
    )  # 8x8 answers slowly: the process dies first
    child = subprocess.Popen(
        [sys.executable, "-m", "ccdesk.cli", "call", "+16175551984"],
        env={**os.environ, **env},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 20
        while not posts(sim) and time.monotonic() < deadline:
            time.sleep(0.02)
        assert posts(sim), "the call request never reached the simulator"
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.communicate(timeout=20)
    with contextlib.closing(Journal(journal_path())) as journal:
        [row] = journal.recent(1)
        assert row.state is CallState.DIALING
        # time passes: the dead process's answer was due long ago (its deadline is in the row)
        journal.query("UPDATE calls SET answer_by=0 WHERE id=?", [row.id])
    sim.clear_faults()
    code, out, err = run_cli(env, "recent")
    assert code == 0
    assert "note: a call to +1 617-555-1984" in err and "may be live" in err and "ccdesk-cli free" in err
    assert "unknown: may be live" in out
    assert "note: a call" not in run_cli(env, "recent")[2]  # named once, then listed by `recent`
