"""`ccdesk-cli agents` as a supervisor reads it, against the simulator over real HTTP.

An aligned table under a header row (name, agent id, status, status code, time in status) whose columns hold
with long and wide (CJK) names; time in status from what ccdesk knows, never a made-up "0.0 min" (the Agent
Status API says what agents do, not since when: reference/cc-managing-agent-status.md); --json as before.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from cli_run import Run, runner

from ccdesk.api.models import AgentStatus
from ccdesk.cli_output import display_width
from ccdesk.core.journal import Journal
from ccdesk.core.paths import app_dirs
from ccdesk.core.roster import Roster
from ccdesk.sim import Simulator

AGENT = "ag0VYyLh0YTsymdbtYIaaaa"
LONG = "agAQDqmvKiRbG4ekigNSmbbb"
WIDE = "agox9yimTcfipZGnzPbDFDyF"
TENANT = "acmecorp01"
HEADER = ["NAME", "AGENT ID", "STATUS", "CODE", "IN STATUS"]


@pytest.fixture
def run(env: dict[str, str]) -> Callable[..., Run]:
    return runner(env)


def _seen_earlier(home: Path, agent_id: str, status: int, minutes: float) -> None:
    """ccdesk saw the agent in `status` `minutes` ago (an earlier run, or the window, wrote it to the journal)."""
    dirs = app_dirs(home).ensure()
    journal = Journal(dirs.journal_file, clock=lambda: time.time() - minutes * 60)
    try:
        Roster(journal, TENANT).update([AgentStatus(agent_id, status=status)])
    finally:
        journal.close()


def _column_starts(line: str, cells: list[str]) -> list[int]:
    """Where each cell starts, in terminal columns."""
    starts, at = [], 0
    for cell in cells:
        index = line.index(cell, at)
        starts.append(display_width(line[:index]))
        at = index + len(cell)
    return starts


def test_a_header_row_and_columns_that_hold_with_long_and_wide_names(run, sim: Simulator) -> None:
    sim.state.agents[LONG].name = "Maximiliana Alexandrina von Hohenzollern-Sigmaringen de la Torre"
    sim.state.agents[WIDE].name = "山田 太郎"
    done = run("agents")
    assert done.code == 0, done.err
    lines = done.out.splitlines()
    assert lines[0].split("  ")[0] == "NAME" and all(title in lines[0] for title in HEADER)
    header_starts = _column_starts(lines[0], HEADER[:3])
    for agent_id, name in (
        (LONG, sim.state.agents[LONG].name),
        (WIDE, "山田 太郎"),
        (AGENT, "Ilya Workshard"),
    ):
        [row] = [line for line in lines if agent_id in line]
        assert row.startswith(name)  # never cut
        assert _column_starts(row, [name, agent_id, "Available"]) == header_starts
    assert len(lines) == 1 + len(sim.state.agents)


def test_time_in_status_comes_from_what_ccdesk_saw_not_zero_for_everyone(
    run, sim: Simulator, isolated_home: Path
) -> None:
    _seen_earlier(isolated_home, AGENT, 4, minutes=25.5)  # available since ccdesk saw it, 25 min ago
    done = run("agents")
    assert done.code == 0, done.err
    [row] = [line for line in done.out.splitlines() if AGENT in line]
    assert row.endswith("25 min") and "Available" in row
    others = [line for line in done.out.splitlines()[1:] if AGENT not in line]
    assert others and all(line.endswith("-") for line in others)  # first seen now: no time, not "0.0 min"
    assert "0.0 min" not in done.out
    assert "'-' means first seen now" in done.err and "8x8 does not say since when" in done.err
    again = run("agents")  # the second look knows everyone: no '-' note any more
    assert "first seen now" not in again.err


def test_a_status_code_is_named_and_json_keeps_its_shape(run, sim: Simulator, isolated_home: Path) -> None:
    _seen_earlier(isolated_home, AGENT, 4, minutes=90)
    table = run("agents")
    [padma] = [line for line in table.out.splitlines() if line.startswith("Padma Othertask")]
    assert "Work offline" in padma and "Train" in padma
    [ilya] = [line for line in table.out.splitlines() if AGENT in line]
    assert ilya.endswith("1 h 30 min")
    as_json = run("agents", "--json")
    assert (
        as_json.code == 0
        and as_json.err == f"{len(sim.state.agents)} of {len(sim.state.agents)} agents in {TENANT}.\n"
    )
    agents = json.loads(as_json.out)["agents"]
    assert {tuple(sorted(a)) for a in agents} == {
        ("agent_id", "minutes_in_status", "name", "status", "status_code", "status_label")
    }
    [mine] = [a for a in agents if a["agent_id"] == AGENT]
    assert mine["minutes_in_status"] == pytest.approx(90, abs=0.2) and mine["status_label"] == "Available"
