"""The supervisor's roster: agents, their status, and how long ccdesk has seen them in it.

The Agent Status API says what an agent is doing now, not since when; ccdesk remembers when it first saw each
agent in its current status (in the journal, so the window and the command line share that memory). An agent
busy or in post-processing for longer than N minutes is "stuck": the view supervisors open first.

Where the tenant has the Agent Status API switched off, the roster comes from a CSV the supervisor imports.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from ccdesk.api.errors import InvalidInput
from ccdesk.api.models import AgentState, AgentStatus, StatusCode
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


def status_codes_for(
    status: int, profile_codes: Sequence[StatusCode], seen: Iterable[AgentStatus | RosterEntry] = ()
) -> list[StatusCode]:
    """The status codes to offer when setting `status`: the profile's, then those seen in the roster with it.

    The guide marks the status-code fields of a status change required and says the codes can be found "by
    using the Get Agent Status to return the values for an agent in a known state": so an agent seen in
    `status` with a whole code (list, item and short code) adds that code, named from the profile when it
    lists the same list and item. Codes seen with another status are not offered for this one.
    """
    offered: dict[tuple[int, int], StatusCode] = {code.key: code for code in profile_codes}
    for item in seen:
        agent = item.agent if isinstance(item, RosterEntry) else item
        list_id, item_id = agent.status_code_list_id, agent.status_code_item_id
        short = (agent.status_code_short_code or "").strip()
        if agent.status != status or list_id is None or item_id is None or not short:
            continue
        known = offered.get((list_id, item_id))
        if known is None:
            offered[(list_id, item_id)] = StatusCode(list_id, item_id, short)
        elif known.short_code != short:  # the platform's short code is the one it checks
            offered[(list_id, item_id)] = replace(known, short_code=short)
    return list(offered.values())


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
