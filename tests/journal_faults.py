"""Faults of the journal's file for tests: another program's lock, and a disk that fills up at a chosen write."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from ccdesk.core.journal import Journal


@contextlib.contextmanager
def locked(path: Path) -> Iterator[None]:
    """Another program holding the journal's write lock (a second SQLite connection in a write transaction)."""
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        yield
    finally:
        holder.execute("ROLLBACK")
        holder.close()


class _FullOnInteractionId:
    """The journal's connection, whose disk fills up exactly when the interaction id is written."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db

    def execute(self, sql: str, *args: object) -> sqlite3.Cursor:
        if sql.startswith("UPDATE calls SET interaction_id"):
            raise sqlite3.OperationalError("database or disk is full")  # what SQLite raises (SQLITE_FULL)
        return self._db.execute(sql, *args)


def disk_full_at_the_answer(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every journal's disk is full when it writes a placed call's interaction id (and only then)."""
    real = Journal._tx

    @contextlib.contextmanager
    def tx(self: Journal) -> Iterator[sqlite3.Connection]:
        with real(self) as db:
            yield _FullOnInteractionId(db)  # type: ignore[misc]

    monkeypatch.setattr(Journal, "_tx", tx)
