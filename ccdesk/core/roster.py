"""The supervisor's roster: agents, their status, and how long ccdesk has seen them in it.

The Agent Status API says what an agent is doing now, not since when; ccdesk remembers when it first saw each
agent in its current status (in the journal, so the window and the command line share that memory). An agent
busy or in post-processing for longer than N minutes is "stuck": the view supervisors open first.

Where the tenant has the Agent Status API switched off, the roster comes from a CSV the supervisor imports.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ccdesk.api.errors import InvalidInput
from ccdesk.api.models import AgentState, AgentStatus, StatusChange
from ccdesk.core.journal import Journal

STUCK_STATES = frozenset({AgentState.BUSY, AgentState.POST_PROCESS})
MAX_AGENTS_FILE = 10_000


@dataclass(frozen=True)
class RosterEntry:
    agent: AgentStatus
    since: float | None  # first seen in this status (None: the roster came from a file, status unknown)
    from_file: bool = False

    @property
    def agent_id(self) -> str:
        return self.agent.agent_id

    def seconds_in_status(self, now: float) -> float | None:
        return None if self.since is None else max(0.0, now - self.since)

    def is_stuck(self, now: float, minutes: float) -> bool:
        """Busy or post-processing for more than `minutes` as far as ccdesk has seen."""
        seconds = self.seconds_in_status(now)
        return self.agent.status in STUCK_STATES and seconds is not None and seconds > minutes * 60

    @property
    def status_code(self) -> StatusChange | None:
        """The agent's current status code, offered when setting others' status (codes seen in the roster)."""
        a = self.agent
        if a.status_code_list_id is None or a.status_code_item_id is None:
            return None
        try:
            return StatusChange(
                a.status, a.status_code_list_id, a.status_code_item_id, a.status_code_short_code
            )
        except InvalidInput:
            return None  # a status the API cannot set (busy, ...): its code is not offered


class Roster:
    """Turns successive Agent Status reads into entries with 'seen in this status since'."""

    def __init__(self, journal: Journal, tenant: str) -> None:
        self._journal = journal
        self._tenant = tenant

    def update(self, agents: Iterable[AgentStatus]) -> list[RosterEntry]:
        now = self._journal.now()
        agents = list(agents)
        known = {
            row["agent_id"]: (row["status"], row["since"])
            for row in self._journal.query(
                "SELECT agent_id, status, since FROM agent_seen WHERE tenant=?", [self._tenant]
            )
        }
        entries: list[RosterEntry] = []
        rows: list[tuple[object, ...]] = []
        for agent in agents:
            status, since = known.get(agent.agent_id, (None, None))
            if status != agent.status or since is None:
                since = now
            entries.append(RosterEntry(agent, float(since)))
            rows.append((self._tenant, agent.agent_id, agent.status, since, now))
        with self._journal.transaction() as db:
            db.executemany(
                "INSERT INTO agent_seen (tenant, agent_id, status, since, last_seen) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT(tenant, agent_id) DO UPDATE SET status=excluded.status, since=excluded.since, "
                "last_seen=excluded.last_seen",
                rows,
            )
        return entries

    def now(self) -> float:
        return self._journal.now()


def entries_from_file(agents: Iterable[AgentStatus]) -> list[RosterEntry]:
    return [RosterEntry(agent, None, from_file=True) for agent in agents]


def read_roster_csv(source: Path | io.TextIOBase) -> list[AgentStatus]:
    """Agents from a CSV of `agent id, name` (a header row is recognised and skipped)."""
    rows = _rows(source)
    agents: dict[str, AgentStatus] = {}
    for number, row in enumerate(rows, 1):
        cells = [c.strip() for c in row]
        if not cells or not cells[0] or cells[0].startswith("#"):
            continue
        if number == 1 and cells[0].lower().replace("_", " ").replace("-", " ") in (
            "agent id",
            "id",
            "agent",
        ):
            continue
        agents.setdefault(cells[0], AgentStatus(cells[0], name=cells[1] if len(cells) > 1 else ""))
    return list(agents.values())


def read_agent_ids(source: Path | io.TextIOBase) -> list[str]:
    """Agent ids from a file: CSV (first column) or one id a line; duplicates and blank lines dropped."""
    ids = [agent.agent_id for agent in read_roster_csv(source)]
    if len(ids) > MAX_AGENTS_FILE:
        raise InvalidInput(f"The agents file lists {len(ids)} agents; at most {MAX_AGENTS_FILE} at a time.")
    if not ids:
        raise InvalidInput("The agents file lists no agent ids.")
    return ids


def _rows(source: Path | io.TextIOBase) -> list[list[str]]:
    if isinstance(source, Path):
        try:
            text = source.read_text(encoding="utf-8-sig")
        except OSError as exc:
            raise InvalidInput(f"Cannot read {source}: {exc.strerror or exc}.") from exc
        except UnicodeDecodeError as exc:
            raise InvalidInput(f"{source} is not a UTF-8 text file.") from exc
        return list(csv.reader(io.StringIO(text)))
    return list(csv.reader(source))
