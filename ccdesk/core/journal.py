"""The journal: every call ccdesk places, written down before anything else happens.

A dial attempt is recorded before the request is sent, and its interaction id the moment the platform answers,
so a crash, a restart or an unknown outcome never orphans a live call: the window reloads live calls into their
line panels and the command line can list them. SQLite in WAL mode; one connection guarded by a lock, so the
GUI thread and workers can share it.
"""

from __future__ import annotations

import json
import re
import sqlite3
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

SCHEMA_VERSION = 1

_SCHEMA = """
CREATE TABLE IF NOT EXISTS calls (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    interaction_id TEXT UNIQUE,
    profile TEXT NOT NULL DEFAULT '',
    tenant TEXT NOT NULL DEFAULT '',
    agent_id TEXT NOT NULL DEFAULT '',
    display TEXT NOT NULL DEFAULT '',
    prefix TEXT NOT NULL DEFAULT '',
    number TEXT NOT NULL DEFAULT '',
    line INTEGER,
    state TEXT NOT NULL,
    codes TEXT NOT NULL DEFAULT '[]',
    last_error TEXT NOT NULL DEFAULT '',
    created_at REAL NOT NULL,
    placed_at REAL,
    hung_up_at REAL,
    ended_at REAL,
    updated_at REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS calls_state ON calls(state);
CREATE TABLE IF NOT EXISTS audit (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at REAL NOT NULL,
    source TEXT NOT NULL,
    profile TEXT NOT NULL DEFAULT '',
    username TEXT NOT NULL DEFAULT '',
    tenant TEXT NOT NULL DEFAULT '',
    action TEXT NOT NULL,
    agent_id TEXT NOT NULL DEFAULT '',
    line INTEGER,
    interaction_id TEXT NOT NULL DEFAULT '',
    request TEXT NOT NULL,
    outcome TEXT NOT NULL,
    status INTEGER,
    reasons TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX IF NOT EXISTS audit_at ON audit(at);
CREATE TABLE IF NOT EXISTS agent_seen (
    tenant TEXT NOT NULL,
    agent_id TEXT NOT NULL,
    status INTEGER NOT NULL,
    since REAL NOT NULL,
    last_seen REAL NOT NULL,
    PRIMARY KEY (tenant, agent_id)
);
"""


class CallState(StrEnum):
    """Where a call stands, as far as ccdesk knows."""

    DIALING = "dialing"  # request sent, no answer yet
    LIVE = "live"  # the platform accepted it
    WRAP_UP = "wrap-up"  # the agent's leg is hung up; post-processing may run
    ENDED = "ended"
    FAILED = "failed"  # refused: no call was placed
    UNKNOWN = "unknown"  # no answer came: the call may exist


@dataclass(frozen=True)
class CallRecord:
    id: int
    interaction_id: str | None
    profile: str
    tenant: str
    agent_id: str
    display: str
    prefix: str
    number: str
    line: int | None
    state: CallState
    codes: tuple[str, ...]
    last_error: str
    created_at: float
    placed_at: float | None
    hung_up_at: float | None
    ended_at: float | None


class Journal:
    """The calls table and the operations the client and window perform on it."""

    def __init__(self, path: Path | str, *, clock=time.time) -> None:  # type: ignore[no-untyped-def]
        if str(path) != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        self._clock = clock
        self._lock = threading.RLock()
        self._db = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None, timeout=10)
        self._db.row_factory = sqlite3.Row
        with self._lock:
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=FULL")
            self._db.executescript(_SCHEMA)
            self._db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")

    def close(self) -> None:
        with self._lock:
            self._db.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction on the shared connection (for the audit trail and the roster's memory)."""
        with self._tx() as db:
            yield db

    def query(self, sql: str, args: Iterable[object] = ()) -> list[sqlite3.Row]:
        with self._lock:
            return self._db.execute(sql, list(args)).fetchall()

    def now(self) -> float:
        return float(self._clock())

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    def begin_dial(
        self,
        *,
        profile: str,
        tenant: str,
        agent_id: str,
        display: str,
        prefix: str,
        number: str,
        line: int | None = None,
    ) -> int:
        """Record a dial attempt before its request goes out; returns the journal row id."""
        now = self._clock()
        with self._tx() as db:
            cur = db.execute(
                "INSERT INTO calls (profile, tenant, agent_id, display, prefix, number, line, state, "
                "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (profile, tenant, agent_id, display, prefix, number, line, CallState.DIALING, now, now),
            )
            return int(cur.lastrowid or 0)

    def placed(self, row_id: int, interaction_id: str, line: int | None = None) -> None:
        """The platform accepted the call: keep its interaction id first, before anything else runs."""
        now = self._clock()
        with self._tx() as db:
            db.execute(
                "UPDATE calls SET interaction_id=?, state=?, placed_at=?, line=COALESCE(?, line), "
                "updated_at=? WHERE id=?",
                (interaction_id, CallState.LIVE, now, line, now, row_id),
            )

    def dial_failed(self, row_id: int, error: str, *, outcome_unknown: bool = False) -> None:
        state = CallState.UNKNOWN if outcome_unknown else CallState.FAILED
        self._update_row(row_id, state=state, last_error=error)

    def adopt(
        self,
        interaction_id: str,
        *,
        profile: str = "",
        tenant: str = "",
        agent_id: str = "",
        line: int | None = None,
        state: CallState = CallState.LIVE,
    ) -> CallRecord:
        """Track a call ccdesk did not place (pasted id, command line): create it if unknown."""
        now = self._clock()
        with self._tx() as db:
            db.execute(
                "INSERT INTO calls (interaction_id, profile, tenant, agent_id, line, state, created_at, "
                "placed_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT(interaction_id) DO NOTHING",
                (interaction_id, profile, tenant, agent_id, line, state, now, now, now),
            )
        record = self.by_interaction(interaction_id)
        assert record is not None
        return record

    def codes_set(self, interaction_id: str, codes: Iterable[str]) -> None:
        self._update_iid(interaction_id, codes=json.dumps(sorted(set(codes))))

    def hung_up(self, interaction_id: str) -> None:
        self._update_iid(interaction_id, state=CallState.WRAP_UP, hung_up_at=self._clock())

    def ended(self, interaction_id: str) -> None:
        self._update_iid(interaction_id, state=CallState.ENDED, ended_at=self._clock())

    def error(self, interaction_id: str, message: str) -> None:
        self._update_iid(interaction_id, last_error=message)

    def lines_freed(self, agent_id: str, line: int | None = None, reasons: Iterable[str] = ()) -> None:
        """After a free-line(s) request: the platform ended the agent's involvement in those calls.

        Freeing one line closes the calls its answer names (8x8 says which interaction was on the line), else
        the calls ccdesk placed on that line; freeing all lines closes every open call of the agent.
        """
        now = self._clock()
        named = interactions_named(reasons)
        query = "UPDATE calls SET state=?, ended_at=?, updated_at=? WHERE agent_id=? AND state IN (?, ?)"
        args: list[object] = [CallState.ENDED, now, now, agent_id, CallState.LIVE, CallState.WRAP_UP]
        if line is not None and named:
            query += f" AND interaction_id IN ({', '.join('?' * len(named))})"
            args.extend(named)
        elif line is not None:
            query += " AND line=?"
            args.append(line)
        with self._tx() as db:
            db.execute(query, args)

    def by_interaction(self, interaction_id: str) -> CallRecord | None:
        with self._lock:
            row = self._db.execute("SELECT * FROM calls WHERE interaction_id=?", (interaction_id,)).fetchone()
        return _record(row) if row else None

    def open_calls(self, *, tenant: str | None = None, agent_id: str | None = None) -> list[CallRecord]:
        """Calls that may still be live on the platform: what a restart must bring back."""
        query = "SELECT * FROM calls WHERE state IN (?, ?, ?, ?)"
        args: list[object] = [CallState.DIALING, CallState.LIVE, CallState.WRAP_UP, CallState.UNKNOWN]
        if tenant is not None:
            query += " AND tenant=?"
            args.append(tenant)
        if agent_id is not None:
            query += " AND agent_id=?"
            args.append(agent_id)
        with self._lock:
            rows = self._db.execute(query + " ORDER BY id", args).fetchall()
        return [_record(r) for r in rows]

    def recent(self, limit: int = 50) -> list[CallRecord]:
        with self._lock:
            rows = self._db.execute("SELECT * FROM calls ORDER BY id DESC LIMIT ?", (limit,)).fetchall()
        return [_record(r) for r in rows]

    def _update_row(self, row_id: int, **values: object) -> None:
        self._update("id", row_id, values)

    def _update_iid(self, interaction_id: str, **values: object) -> None:
        self._update("interaction_id", interaction_id, values)

    def _update(self, key: str, value: object, values: dict[str, object]) -> None:
        values["updated_at"] = self._clock()
        assignments = ", ".join(f"{column}=?" for column in values)
        with self._tx() as db:
            db.execute(f"UPDATE calls SET {assignments} WHERE {key}=?", [*values.values(), value])


_INTERACTION_IN_REASON = re.compile(r"interaction \[([^\]\s]+)\]", re.IGNORECASE)


def interactions_named(reasons: Iterable[str]) -> list[str]:
    """Interaction ids the platform's reasons name, e.g. '... assigned to interaction [int-...] was successful.'"""
    return [m.group(1) for reason in reasons for m in _INTERACTION_IN_REASON.finditer(reason)]


def _record(row: sqlite3.Row) -> CallRecord:
    return CallRecord(
        id=row["id"],
        interaction_id=row["interaction_id"],
        profile=row["profile"],
        tenant=row["tenant"],
        agent_id=row["agent_id"],
        display=row["display"],
        prefix=row["prefix"],
        number=row["number"],
        line=row["line"],
        state=CallState(row["state"]),
        codes=tuple(json.loads(row["codes"] or "[]")),
        last_error=row["last_error"],
        created_at=row["created_at"],
        placed_at=row["placed_at"],
        hung_up_at=row["hung_up_at"],
        ended_at=row["ended_at"],
    )
