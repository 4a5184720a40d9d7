"""The supervisor's roster: agents, their status, and since when they are in it.

The Agent Status API says what an agent is doing now, not since when; ccdesk remembers when it first saw each
agent in its current status (in the journal, so the window and the command line share that memory). With 8x8's
event stream (`event-v1/AgentStatusChange`), "since" is the platform's own time for the change instead, kept in
the same memory, so a later read that finds the same status keeps it. An agent busy or in post-processing for
longer than N minutes is "stuck": the view supervisors open first.

Where the tenant has the Agent Status API switched off, the roster comes from a CSV the supervisor imports.
"""

from __future__ import annotations

import csv
import io
import stat
import threading
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from ccdesk.api.errors import InvalidInput
from ccdesk.api.events import AgentStatusEvent
from ccdesk.api.models import AgentState, AgentStatus, StatusCode
from ccdesk.api.words import translate
from ccdesk.core.journal import Journal, JournalError

STUCK_STATES = frozenset({AgentState.BUSY, AgentState.POST_PROCESS})
MAX_AGENTS_FILE = 10_000
#: the largest roster or agents file the window reads (the command line streams its own, up to 10 MB)
MAX_ROSTER_FILE_BYTES = 5_000_000


@dataclass(frozen=True)
class RosterEntry:
    agent: AgentStatus
    #: in this status since (None: the roster came from a file, status unknown): when ccdesk first saw the
    #: agent in it, or the platform's time for the change when `since_from_event`
    since: float | None
    from_file: bool = False
    since_from_event: bool = False

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


@dataclass
class EventsApplied:
    """What a batch of AgentStatusChange events did to the roster."""

    #: the new entries of agents in the roster the events changed (by agent id)
    entries: dict[str, RosterEntry] = field(default_factory=dict)
    applied: int = 0
    #: older than an event already applied for the agent (its sequenceId, else its time), or a repeat
    stale: int = 0
    #: applied to the memory only: the agent is not in the roster shown (another group, or new since the read)
    outside: int = 0
    #: no agent or no status in the event
    ignored: int = 0
    #: the journal could not record the batch (the roster shown is still updated)
    problem: JournalError | None = None


class Roster:
    """Turns Agent Status reads and status events into entries with 'in this status since'.

    Reads run on a worker and events are applied on the GUI thread, so both take one lock around their memory
    and journal work. A read can be overtaken by an event: it is answered with what 8x8 held when it was sent,
    and an event applied after that is newer. `ticket()`, taken just before the read is sent, tells `update`
    and `settle` which events those are; their status wins over the read's. Times from events are only compared
    with other events' (8x8's clock), never with ccdesk's, which may be off by minutes.
    """

    def __init__(self, journal: Journal, tenant: str) -> None:
        self._journal = journal
        self._tenant = tenant
        self._lock = threading.Lock()
        self._applied = 0  # events applied so far: the tickets
        #: per agent: the ticket of the last event applied and the entry it made
        self._heard: dict[str, tuple[int, RosterEntry]] = {}
        #: per agent: the newest event time applied, and per (agent, publisher) the highest sequenceId
        self._heard_at: dict[str, float] = {}
        self._heard_sequence: dict[tuple[str, str], int] = {}

    def ticket(self) -> int:
        """Where the events applied so far end: take it just before a read is sent, for update and settle."""
        with self._lock:
            return self._applied

    def update(self, agents: Iterable[AgentStatus], ticket: int | None = None) -> list[RosterEntry]:
        """Entries for a read of `agents`: a status seen before keeps its 'since', a new one starts now (an
        event applied after `ticket` wins over the read)."""
        agents = list(agents)
        with self._lock:
            now = self._journal.now()
            known = {
                row["agent_id"]: (row["status"], row["since"])
                for row in self._journal.query(
                    "SELECT agent_id, status, since FROM agent_seen WHERE tenant=?", [self._tenant]
                )
            }
            entries: list[RosterEntry] = []
            rows: list[tuple[object, ...]] = []
            for agent in agents:
                newer = self._newer(agent, ticket)
                if newer is not None:
                    entry = newer
                else:
                    status, since = known.get(agent.agent_id, (None, None))
                    if status != agent.status or since is None:
                        since = now
                    entry = RosterEntry(agent, float(since), since_from_event=self._from_event(agent, since))
                entries.append(entry)
                rows.append((self._tenant, agent.agent_id, entry.agent.status, entry.since, now))
            self._write(rows)
        return entries

    def settle(self, entries: Sequence[RosterEntry], ticket: int) -> list[RosterEntry]:
        """A read's entries with the events applied since its `ticket` (they arrived while it was on its way)."""
        with self._lock:
            return [self._newer(entry.agent, ticket) or entry for entry in entries]

    def apply(
        self,
        events: Iterable[AgentStatusEvent],
        shown: Mapping[str, RosterEntry],
        profile_codes: Sequence[StatusCode] = (),
    ) -> EventsApplied:
        """Apply status events in arrival order: the status and status code they say, 'since' the event's time.

        `shown` is the roster on screen by agent id. An agent not in it (another group, or new since the last
        read) is not added to it: the table shows what the last read listed. Its event is still kept in the
        memory, so its 'since' is right when a read lists it. A status the agent already had keeps its 'since'
        (the event changed its status code or sub-status). Every applied event moves the ticket.
        """
        result = EventsApplied()
        with self._lock:
            now = self._journal.now()
            events = list(events)
            outside = {e.agent_id for e in events if e.agent_id and e.agent_id not in shown}
            try:
                held = self._rows(outside)
            except JournalError as exc:
                held, result.problem = {}, exc
            names = _short_codes(profile_codes, shown.values())
            rows: list[tuple[object, ...]] = []
            for event in events:
                if not event.agent_id or event.state is None:
                    result.ignored += 1
                    continue
                if self._is_stale(event):
                    result.stale += 1
                    continue
                current = result.entries.get(event.agent_id) or shown.get(event.agent_id)
                if current is not None and not current.from_file:
                    held_entry: RosterEntry | None = current
                else:
                    status, since = held.get(event.agent_id, (None, None))
                    held_entry = (
                        None if status is None or since is None else self._held(event.agent_id, status, since)
                    )
                entry = _entry_for(event, current.agent if current else None, held_entry, names, now)
                self._applied += 1
                self._heard[event.agent_id] = (self._applied, entry)
                held[event.agent_id] = (entry.agent.status, entry.since)
                if event.agent_id in shown:
                    result.entries[event.agent_id] = entry
                else:
                    result.outside += 1
                result.applied += 1
                rows.append((self._tenant, event.agent_id, entry.agent.status, entry.since, now))
            try:
                self._write(rows)
            except JournalError as exc:
                result.problem = result.problem or exc
        return result

    def now(self) -> float:
        return self._journal.now()

    # -- under the lock ---------------------------------------------------------------------------------------

    def _newer(self, agent: AgentStatus, ticket: int | None) -> RosterEntry | None:
        """The entry of an event applied after `ticket` for this agent, over the read's `agent`; else None."""
        heard = self._heard.get(agent.agent_id)
        if ticket is None or heard is None or heard[0] <= ticket:
            return None
        said = heard[1].agent
        merged = replace(
            agent,
            status=said.status,
            status_code_list_id=said.status_code_list_id,
            status_code_item_id=said.status_code_item_id,
            status_code_short_code=said.status_code_short_code,
            sub_status=said.sub_status,
        )
        return replace(heard[1], agent=merged, from_file=False)

    def _from_event(self, agent: AgentStatus, since: float) -> bool:
        """Whether `since` is the time of an event this roster applied (not when ccdesk first saw the status)."""
        heard = self._heard.get(agent.agent_id)
        return (
            heard is not None
            and heard[1].since_from_event
            and heard[1].since == since
            and heard[1].agent.status == agent.status
        )

    def _held(self, agent_id: str, status: int, since: float) -> RosterEntry:
        """What the memory holds for an agent not in the roster shown, as an entry."""
        agent = AgentStatus(agent_id, status=status)
        return RosterEntry(agent, since, since_from_event=self._from_event(agent, since))

    def _is_stale(self, event: AgentStatusEvent) -> bool:
        """Older than an event applied for the agent, or a repeat of one: one publisher's sequenceId decides,
        else the event's time (a repeat without a sequenceId is applied again, to the same effect). Remembers
        the event when it is not stale."""
        agent = event.agent_id
        publisher = (agent, event.instance_id or "")
        if event.sequence_id is not None and publisher in self._heard_sequence:
            if event.sequence_id <= self._heard_sequence[publisher]:
                return True
        elif event.at is not None and event.at < self._heard_at.get(agent, event.at):
            return True
        if event.sequence_id is not None:
            self._heard_sequence[publisher] = event.sequence_id
        if event.at is not None:
            self._heard_at[agent] = max(event.at, self._heard_at.get(agent, event.at))
        return False

    def _rows(self, agent_ids: set[str]) -> dict[str, tuple[int | None, float | None]]:
        """The journal's status and since for these agents (those not in the roster shown)."""
        if not agent_ids:
            return {}
        ids = sorted(agent_ids)
        marks = ",".join("?" * len(ids))
        return {
            row["agent_id"]: (row["status"], row["since"])
            for row in self._journal.query(
                f"SELECT agent_id, status, since FROM agent_seen WHERE tenant=? AND agent_id IN ({marks})",
                [self._tenant, *ids],
            )
        }

    def _write(self, rows: list[tuple[object, ...]]) -> None:
        if not rows:
            return
        with self._journal.transaction() as db:
            db.executemany(
                "INSERT INTO agent_seen (tenant, agent_id, status, since, last_seen) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT(tenant, agent_id) DO UPDATE SET status=excluded.status, since=excluded.since, "
                "last_seen=excluded.last_seen",
                rows,
            )


def parse_reason_code(text: str | None) -> tuple[int, int] | None:
    """The status code of an event's `newReasonCodeUser` ("801=1722": list=item), or None when it has none."""
    list_id, sep, item_id = (text or "").strip().partition("=")
    if not sep or not list_id.isdigit() or not item_id.isdigit():
        return None
    return int(list_id), int(item_id)


def _short_codes(profile: Sequence[StatusCode], seen: Iterable[RosterEntry]) -> dict[tuple[int, int], str]:
    """Short codes by (list, item): an event names only list and item; the roster's (8x8's own) win."""
    names = {code.key: code.short_code for code in profile}
    for entry in seen:
        agent = entry.agent
        short = (agent.status_code_short_code or "").strip()
        if agent.status_code_list_id is not None and agent.status_code_item_id is not None and short:
            names[(agent.status_code_list_id, agent.status_code_item_id)] = short
    return names


def _entry_for(
    event: AgentStatusEvent,
    base: AgentStatus | None,
    held: RosterEntry | None,
    names: Mapping[tuple[int, int], str],
    now: float,
) -> RosterEntry:
    """The entry an event makes: its status and code, over `base` (the agent as shown, for its name); since
    the event's time, unless `held` (what the roster holds) already has the agent in this status."""
    assert event.state is not None
    code = parse_reason_code(event.reason_code_user)
    agent = replace(
        base or AgentStatus(event.agent_id),
        status=event.state,
        status_code_list_id=code[0] if code else None,
        status_code_item_id=code[1] if code else None,
        status_code_short_code=names.get(code) if code else None,
        sub_status=event.sub_state if event.sub_state not in (None, "", "none") else None,
    )
    if held is not None and held.since is not None and held.agent.status == event.state:
        return RosterEntry(agent, held.since, since_from_event=held.since_from_event)
    if event.at is None:  # no time in the event: since ccdesk heard of it
        return RosterEntry(agent, now)
    return RosterEntry(agent, event.at, since_from_event=True)


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
    if len(ids) > MAX_AGENTS_FILE:  # more than ten thousand: "agents" is always plural
        raise InvalidInput(
            translate("Roster", "The agents file lists {count} agents; at most {most} at a time.").format(
                count=len(ids), most=MAX_AGENTS_FILE
            )
        )
    if not ids:
        raise InvalidInput(translate("Roster", "The agents file lists no agent ids."))
    return ids


def _rows(source: Path | io.TextIOBase) -> list[list[str]]:
    if isinstance(source, Path):
        try:  # a roster file is small: refuse a device, a pipe or a huge file before reading it
            info = source.stat()
        except OSError as exc:
            raise InvalidInput(_unreadable(source, exc)) from exc
        if not stat.S_ISREG(info.st_mode):
            raise InvalidInput(translate("Roster", "{path} is not a regular file.").format(path=source))
        if info.st_size > MAX_ROSTER_FILE_BYTES:
            raise InvalidInput(
                translate("Roster", "{path} is {size} MB; a roster file may be at most {most} MB.").format(
                    path=source, size=f"{info.st_size / 1e6:.1f}", most=MAX_ROSTER_FILE_BYTES // 1_000_000
                )
            )
        try:
            text = source.read_text(encoding="utf-8-sig")
        except OSError as exc:
            raise InvalidInput(_unreadable(source, exc)) from exc
        except UnicodeDecodeError as exc:
            raise InvalidInput(
                translate("Roster", "{path} is not a UTF-8 text file.").format(path=source)
            ) from exc
        return list(csv.reader(io.StringIO(text)))
    return list(csv.reader(source))


def _unreadable(path: Path, exc: OSError) -> str:
    """A file that cannot be read, with the system's reason (its words, as the system gives them)."""
    return translate("Roster", "Cannot read {path}: {reason}.").format(path=path, reason=exc.strerror or exc)
