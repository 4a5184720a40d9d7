"""The journal: every call ccdesk places, written down before anything else happens.

A dial attempt is recorded before the request is sent, and its interaction id the moment the platform answers,
so a crash, a restart or an unknown outcome never orphans a live call: the window reloads live calls into their
line panels and the command line can list them. SQLite in WAL mode; one connection guarded by a lock, so the
GUI thread and workers can share it.

The file is the user's data and can go wrong under us: every SQLite or OS failure becomes a `JournalError` that
names the file and the way out. A journal deleted or replaced while ccdesk runs is noticed before the next write
and started again (`reopened` counts it, `on_reopened` is told), so later calls are not written into a file
nobody will ever read.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import logging
import os
import re
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from ccdesk.api.words import translate
from ccdesk.core.local_files import LocalFileError, make_private, os_problem, os_problem_words
from ccdesk.core.paths import make_private_dir

log = logging.getLogger("ccdesk")

SCHEMA_VERSION = 3
#: how long a write waits for another program's lock on the file before it fails (seconds)
BUSY_TIMEOUT = 3.0
#: a dial whose row says nothing about when its answer was due is given up on after this long (seconds)
ORPHAN_AFTER = 600.0

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
    updated_at REAL NOT NULL,
    answer_by REAL
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
CREATE TABLE IF NOT EXISTS stream_position (
    topic TEXT PRIMARY KEY,
    message_id TEXT NOT NULL,
    at REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS stream_applied (
    topic TEXT NOT NULL,
    message_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    interaction_id TEXT NOT NULL DEFAULT '',
    at REAL NOT NULL,
    PRIMARY KEY (topic, message_id)
);
CREATE INDEX IF NOT EXISTS stream_applied_at ON stream_applied(at);
"""
#: applied stream events are remembered this long (seconds): long enough to refuse any redelivery
STREAM_MEMORY = 3 * 86400.0


#: columns a journal's calls table must have (what this version reads and writes)
_CALL_COLUMNS = frozenset(
    {
        "id",
        "interaction_id",
        "profile",
        "tenant",
        "agent_id",
        "display",
        "prefix",
        "number",
        "line",
        "state",
        "codes",
        "last_error",
        "created_at",
        "placed_at",
        "hung_up_at",
        "ended_at",
        "updated_at",
    }
)
_TABLES = frozenset({"calls", "audit", "agent_seen", "stream_position", "stream_applied"})
#: schema upgrades: the statements that take a journal from version N-1 to N
_MIGRATIONS = {2: ("ALTER TABLE calls ADD COLUMN answer_by REAL",)}


class JournalError(LocalFileError):
    """The call journal cannot be read or written. Nothing was sent when this stops a dial."""

    def __init__(
        self, path: Path | str, problem: str, *, can_move_aside: bool = False, remedy: str = ""
    ) -> None:
        super().__init__(path, "call journal", problem, can_move_aside=can_move_aside, remedy=remedy)

    @classmethod
    def locked(cls, path: Path | str) -> JournalError:
        """Another program holds the file: it is in use, not broken, so it is never offered to be moved aside."""
        return cls(
            path,
            translate("JournalError", "is locked by another program"),
            remedy=translate(
                "JournalError",
                "Close the other program using it (another ccdesk, a backup or sync tool), then try again.",
            ),
        )


class CallState(StrEnum):
    """Where a call stands, as far as ccdesk knows."""

    DIALING = "dialing"  # request sent, no answer yet
    LIVE = "live"  # the platform accepted it
    WRAP_UP = "wrap-up"  # the agent's leg is hung up; post-processing may run
    ENDED = "ended"
    FAILED = "failed"  # refused: no call was placed
    UNKNOWN = "unknown"  # no answer came: the call may exist


@dataclass(frozen=True)
class StreamCallChange:
    """A call the event stream changed: its new state, by interaction id (or by journal row, for an unknown
    dial the stream resolved); `adopt` inserts a call ccdesk did not place."""

    interaction_id: str
    state: CallState
    row_id: int | None = None
    line: int | None = None
    adopt: bool = False
    display: str = ""
    profile: str = ""
    tenant: str = ""
    agent_id: str = ""


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

    def __init__(
        self,
        path: Path | str,
        *,
        clock: Callable[[], float] = time.time,
        busy_timeout: float | None = None,
        tolerant: bool = False,
    ) -> None:
        """Open the journal at `path` (":memory:" for one that lives as long as the process).

        `tolerant`: when the file cannot be used, keep its JournalError in `problem` instead of raising: the
        window starts anyway and says what is wrong, and nothing can be dialled until `retry` succeeds, because
        a dial that cannot be written down first is never sent.
        """
        self._memory = str(path) == ":memory:"
        self.path = Path(path)
        self._clock = clock
        self._busy_timeout = BUSY_TIMEOUT if busy_timeout is None else busy_timeout
        self._lock = threading.RLock()
        self._db: sqlite3.Connection | None = None
        self._identity: tuple[int, int] | None = None
        self._closed = False
        #: why the file cannot be used (tolerant mode): every operation raises it until `retry` succeeds
        self.problem: JournalError | None = None
        #: times the file was found deleted or replaced and started again
        self.reopened = 0
        #: told (on the thread that noticed) after the file was started again
        self.on_reopened: Callable[[], None] | None = None
        with self._lock:
            try:
                self._open()
            except JournalError as exc:
                if not tolerant:
                    raise
                self.problem = exc

    def retry(self) -> None:
        """Open the file again (after it was moved aside, unlocked or repaired); raises JournalError if it fails.

        Until it succeeds, every operation raises the problem found, so nothing is dialled unrecorded.
        """
        with self._lock:
            old, self._db = self._db, None
            if old is not None:
                with contextlib.suppress(sqlite3.Error):
                    old.close()
            try:
                self._open()
            except JournalError as exc:
                self.problem = exc
                raise
            self.problem = None

    # -- the file ---------------------------------------------------------------------------------------------

    def _open(self) -> None:
        """Connect, check that the file is a journal this version can use, and bring its schema up to date."""
        if not self._memory:
            try:
                make_private_dir(self.path.parent)
            except OSError as exc:
                raise JournalError(self.path.parent, os_problem_words(exc)) from exc
            if self.path.is_dir():
                raise JournalError(
                    self.path, translate("Journal", "is a folder, not a file"), can_move_aside=True
                )
            # made 0600 before SQLite opens it: SQLite gives its -wal and -shm files the database's mode
            self._make_private("", create=True)
        db: sqlite3.Connection | None = None
        try:
            db = sqlite3.connect(
                str(self.path), check_same_thread=False, isolation_level=None, timeout=self._busy_timeout
            )
            db.row_factory = sqlite3.Row
            self._check(db)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=FULL")
            self._upgrade(db)
            if not self._memory:
                for suffix in ("-wal", "-shm"):  # left looser by an older version, or made before the db was
                    self._make_private(suffix)
        except sqlite3.Error as exc:
            if db is not None:
                db.close()
            raise self._error(exc) from exc
        except JournalError:
            if db is not None:
                db.close()
            raise
        self._db = db
        self._identity = self._stat()

    def _make_private(self, suffix: str, *, create: bool = False) -> None:
        """The journal (or its -wal/-shm file) readable by this user only; a failure is said, not fatal."""
        target = self.path.with_name(self.path.name + suffix)
        problem = make_private(target, create=create)
        if problem is not None and target.exists():  # one that cannot be made at all is SQLite's to say
            log.warning("%s %s", problem, problem.explanation)

    def _check(self, db: sqlite3.Connection) -> None:
        """Refuse a file that is not a journal this version understands, before writing anything to it."""
        version = int(db.execute("PRAGMA user_version").fetchone()[0])
        if version > SCHEMA_VERSION:
            raise JournalError(
                self.path,
                translate(
                    "Journal",
                    "was written by a newer version of ccdesk (journal version {version}, this one reads up to "
                    "{supported})",
                ).format(version=version, supported=SCHEMA_VERSION),
                can_move_aside=True,
                remedy=translate(
                    "Journal", "Use the newer ccdesk, or move this journal aside and ccdesk starts a new one."
                ),
            )
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "calls" in tables:
            columns = {row[1] for row in db.execute("PRAGMA table_info(calls)")}
            if not _CALL_COLUMNS.issubset(columns):
                raise JournalError(
                    self.path,
                    translate("Journal", "has a calls table of another layout"),
                    can_move_aside=True,
                )
        elif tables - {"sqlite_sequence"}:
            raise JournalError(
                self.path,
                translate("Journal", "is an SQLite file but not a ccdesk journal"),
                can_move_aside=True,
            )
        if not self._memory:
            verdict = db.execute("PRAGMA quick_check").fetchone()[0]
            if verdict != "ok":
                raise JournalError(
                    self.path,
                    translate("Journal", "is damaged ({verdict})").format(verdict=verdict),
                    can_move_aside=True,
                )

    def _upgrade(self, db: sqlite3.Connection) -> None:
        """Create the tables, or bring an older journal up to this version, in one transaction.

        Nothing is written to a journal that is already current, so a file another program holds locked can
        still be opened and read (its writes then fail one by one, each with a clear message).
        """
        version = int(db.execute("PRAGMA user_version").fetchone()[0])
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if version == SCHEMA_VERSION and tables >= _TABLES:
            return
        db.execute("BEGIN IMMEDIATE")
        try:
            if "calls" in tables:
                for step in range(max(version, 1) + 1, SCHEMA_VERSION + 1):
                    for statement in _MIGRATIONS.get(step, ()):
                        db.execute(statement)
            for statement in _SCHEMA.split(";"):
                if statement.strip():
                    db.execute(statement)  # each CREATE ... IF NOT EXISTS
            db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
            db.execute("COMMIT")
        except BaseException:
            with contextlib.suppress(sqlite3.Error):
                db.execute("ROLLBACK")
            raise

    def _stat(self) -> tuple[int, int] | None:
        if self._memory:
            return None
        try:
            st = os.stat(self.path)
        except OSError:
            return None
        return (st.st_dev, st.st_ino)

    def _connection(self) -> sqlite3.Connection:
        """The open connection; a file deleted or replaced since it was opened is started again first."""
        if self.problem is not None:
            raise self.problem
        if self._closed or self._db is None:
            raise JournalError(
                self.path, translate("Journal", "is closed"), remedy=translate("Journal", "Restart ccdesk.")
            )
        if not self._memory and self._stat() != self._identity:
            self._restart()
        assert self._db is not None
        return self._db

    def _restart(self) -> None:
        old, self._db = self._db, None
        if old is not None:
            with contextlib.suppress(sqlite3.Error):
                old.close()
        self._open()
        self.reopened += 1
        if self.on_reopened is not None:
            self.on_reopened()

    def _error(self, exc: BaseException) -> JournalError:
        english = os_problem(exc)  # what kind of failure: the English words, whatever the window's language
        if "locked" in english:
            return JournalError.locked(self.path)
        damaged = "damaged" in english or "cannot be opened" in english or "not a ccdesk" in english
        return JournalError(self.path, os_problem_words(exc), can_move_aside=damaged)

    @contextmanager
    def _using(self) -> Iterator[sqlite3.Connection]:
        """The connection, under the lock, with SQLite and OS failures turned into a JournalError."""
        with self._lock:
            try:
                yield self._connection()
            except (sqlite3.Error, OSError) as exc:
                raise self._error(exc) from exc

    def close(self) -> None:
        with self._lock:
            self._closed = True
            if self._db is not None:
                with contextlib.suppress(sqlite3.Error):
                    self._db.close()
                self._db = None

    @property
    def closed(self) -> bool:
        return self._closed

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction on the shared connection (for the audit trail and the roster's memory)."""
        with self._tx() as db:
            yield db

    def query(self, sql: str, args: Iterable[object] = ()) -> list[sqlite3.Row]:
        with self._using() as db:
            return db.execute(sql, list(args)).fetchall()

    def now(self) -> float:
        return float(self._clock())

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        with self._using() as db:
            db.execute("BEGIN IMMEDIATE")
            try:
                yield db
            except BaseException:
                with contextlib.suppress(sqlite3.Error):
                    db.execute("ROLLBACK")
                raise
            try:
                db.execute("COMMIT")
            except sqlite3.Error:
                with contextlib.suppress(sqlite3.Error):
                    db.execute("ROLLBACK")
                raise

    # -- calls ------------------------------------------------------------------------------------------------

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
        answer_within: float | None = None,
    ) -> int:
        """Record a dial attempt before its request goes out; returns the journal row id.

        `answer_within` is the longest this process waits for the platform's answer (seconds): a row still
        dialling after that belongs to a process that stopped, and `settle_orphans` gives it up as unknown.
        """
        now = self._clock()
        answer_by = now + answer_within if answer_within is not None else None
        with self._tx() as db:
            cur = db.execute(
                "INSERT INTO calls (profile, tenant, agent_id, display, prefix, number, line, state, "
                "created_at, updated_at, answer_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    profile,
                    tenant,
                    agent_id,
                    display,
                    prefix,
                    number,
                    line,
                    CallState.DIALING,
                    now,
                    now,
                    answer_by,
                ),
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

    def dismissed(self, row_id: int, note: str) -> None:
        """The agent checked: this call that might have been live is not (it leaves the open calls)."""
        self._update_row(row_id, state=CallState.ENDED, ended_at=self._clock(), last_error=note)

    def settle_orphans(self, *, window_starting: bool = False) -> list[CallRecord]:
        """Dials whose process stopped before the platform answered become 'unknown'; returns them.

        A row still dialling after its `answer_by` (or, without one, ORPHAN_AFTER after it was made) can no
        longer be answered: the call may be live, and only the agent's lines can tell. `window_starting`: every
        dial made on a line is settled too, whatever its deadline, because only the window dials on lines and
        only one window runs per home, so at its start nobody is waiting for those answers.
        """
        now = self._clock()
        with self._tx() as db:
            rows = db.execute(
                "SELECT * FROM calls WHERE state=? AND (COALESCE(answer_by, created_at + ?) < ? OR "
                "(? AND line IS NOT NULL)) ORDER BY id",
                (CallState.DIALING, ORPHAN_AFTER, now, window_starting),
            ).fetchall()
            for row in rows:
                db.execute(
                    "UPDATE calls SET state=?, last_error=?, updated_at=? WHERE id=?",
                    (CallState.UNKNOWN, "ccdesk stopped before 8x8 answered", now, row["id"]),
                )
        return [replace_state(_record(r), CallState.UNKNOWN) for r in rows]

    def adopt(
        self,
        interaction_id: str,
        *,
        profile: str = "",
        tenant: str = "",
        agent_id: str = "",
        line: int | None = None,
        state: CallState = CallState.LIVE,
        display: str = "",
    ) -> CallRecord:
        """Track a call ccdesk did not place (pasted id, command line): create it if unknown."""
        now = self._clock()
        with self._tx() as db:
            db.execute(
                "INSERT INTO calls (interaction_id, profile, tenant, agent_id, display, line, state, created_at, "
                "placed_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT(interaction_id) DO NOTHING",
                (interaction_id, profile, tenant, agent_id, display, line, state, now, now, now),
            )
        record = self.by_interaction(interaction_id)
        assert record is not None
        return record

    def on_line(self, interaction_id: str, line: int) -> None:
        """8x8's answer showed the call is on another line than ccdesk guessed."""
        self._update_iid(interaction_id, line=line)

    def codes_set(self, interaction_id: str, codes: Iterable[str]) -> None:
        self._update_iid(interaction_id, codes=json.dumps(sorted(set(codes))))

    def hung_up(self, interaction_id: str) -> None:
        self._update_iid(interaction_id, state=CallState.WRAP_UP, hung_up_at=self._clock())

    def ended(self, interaction_id: str) -> None:
        self._update_iid(interaction_id, state=CallState.ENDED, ended_at=self._clock())

    def error(self, interaction_id: str, message: str) -> None:
        self._update_iid(interaction_id, last_error=message)

    def lines_freed(self, agent_id: str, line: int | None = None, reasons: Iterable[str] = ()) -> None:
        """After a free-line(s) request: the platform cut the agent's leg of those calls; they are in wrap-up.

        Freeing one line moves the call its answer names (8x8 says which interaction was on the line), else the
        call ccdesk placed on that line; freeing all lines moves every live call of the agent. A call whose
        outcome was unknown on that line is settled either way: whatever was on the line is gone.
        """
        now = self._clock()
        named = interactions_named(reasons)
        live = "agent_id=? AND state=?"
        args: list[object] = [agent_id, CallState.LIVE]
        if line is not None and named:
            live += f" AND interaction_id IN ({', '.join('?' * len(named))})"
            args.extend(named)
        elif line is not None:
            live += " AND line=?"
            args.append(line)
        unknown = "agent_id=? AND state=?" + (" AND line=?" if line is not None else "")
        unknown_args: list[object] = [agent_id, CallState.UNKNOWN] + ([line] if line is not None else [])
        with self._tx() as db:
            db.execute(
                f"UPDATE calls SET state=?, hung_up_at=?, updated_at=? WHERE {live}",
                [CallState.WRAP_UP, now, now, *args],
            )
            db.execute(
                f"UPDATE calls SET state=?, ended_at=?, updated_at=? WHERE {unknown}",
                [CallState.ENDED, now, now, *unknown_args],
            )

    # -- event stream ---------------------------------------------------------------------------------------

    def stream_position(self, topic: str) -> str | None:
        """The last message id applied from `topic` (where a restart resumes), or None."""
        rows = self.query("SELECT message_id FROM stream_position WHERE topic=?", (topic,))
        return str(rows[0]["message_id"]) if rows else None

    def stream_recent(self, topic: str, limit: int) -> list[str]:
        """The message ids most recently applied from `topic`, oldest first (to refuse their redelivery)."""
        rows = self.query(
            "SELECT message_id FROM stream_applied WHERE topic=? ORDER BY at DESC, rowid DESC LIMIT ?",
            (topic, limit),
        )
        return [str(row["message_id"]) for row in reversed(rows)]

    def stream_applied(
        self,
        topic: str,
        applied: Iterable[tuple[str, str, str]],
        position: str | None,
        calls: Iterable[StreamCallChange] = (),
    ) -> None:
        """Record a batch of applied events (message id, kind, interaction id), the calls they changed and the
        new resume position, in one transaction: after a crash either all of it is there or none."""
        now = self._clock()
        with self._tx() as db:
            db.executemany(
                "INSERT OR IGNORE INTO stream_applied (topic, message_id, kind, interaction_id, at) "
                "VALUES (?, ?, ?, ?, ?)",
                [(topic, mid, kind, iid, now) for mid, kind, iid in applied],
            )
            if position:
                db.execute(
                    "INSERT INTO stream_position (topic, message_id, at) VALUES (?, ?, ?) "
                    "ON CONFLICT(topic) DO UPDATE SET message_id=excluded.message_id, at=excluded.at",
                    (topic, position, now),
                )
            for change in calls:
                self._stream_call(db, change, now)

    def prune_stream(self, older_than: float = STREAM_MEMORY) -> int:
        """Forget applied events older than `older_than` seconds (their redelivery is no longer possible)."""
        with self._tx() as db:
            return db.execute(
                "DELETE FROM stream_applied WHERE at < ?", (self._clock() - older_than,)
            ).rowcount

    @staticmethod
    def _stream_call(db: sqlite3.Connection, change: StreamCallChange, now: float) -> None:
        if (
            change.row_id is not None and change.state is CallState.LIVE
        ):  # an unknown dial the stream resolved
            db.execute(
                "UPDATE calls SET interaction_id=?, state=?, line=?, placed_at=?, last_error='', updated_at=? "
                "WHERE id=?",
                (change.interaction_id, CallState.LIVE, change.line, now, now, change.row_id),
            )
        elif change.row_id is not None:
            db.execute(
                "UPDATE calls SET state=?, ended_at=?, updated_at=? WHERE id=?",
                (change.state, now, now, change.row_id),
            )
        elif change.state is CallState.LIVE or change.adopt:
            db.execute(
                "INSERT INTO calls (interaction_id, profile, tenant, agent_id, display, line, state, created_at, "
                "placed_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT(interaction_id) DO NOTHING",
                (
                    change.interaction_id,
                    change.profile,
                    change.tenant,
                    change.agent_id,
                    change.display,
                    change.line,
                    change.state,
                    now,
                    now,
                    now,
                ),
            )
        else:
            column = "hung_up_at" if change.state is CallState.WRAP_UP else "ended_at"
            db.execute(
                f"UPDATE calls SET state=?, {column}=?, updated_at=? WHERE interaction_id=?",
                (change.state, now, now, change.interaction_id),
            )

    def by_interaction(self, interaction_id: str) -> CallRecord | None:
        with self._using() as db:
            row = db.execute("SELECT * FROM calls WHERE interaction_id=?", (interaction_id,)).fetchone()
        return _record(row) if row else None

    def by_row(self, row_id: int) -> CallRecord | None:
        with self._using() as db:
            row = db.execute("SELECT * FROM calls WHERE id=?", (row_id,)).fetchone()
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
        with self._using() as db:
            rows = db.execute(query + " ORDER BY id", args).fetchall()
        return [_record(r) for r in rows]

    def recent(self, limit: int = 50) -> list[CallRecord]:
        with self._using() as db:
            rows = db.execute("SELECT * FROM calls ORDER BY id DESC LIMIT ?", (limit,)).fetchall()
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


def replace_state(record: CallRecord, state: CallState) -> CallRecord:
    return dataclasses.replace(record, state=state)


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
