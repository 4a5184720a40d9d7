"""The audit trail: every action taken on an agent's behalf, written before its result is shown.

Who (source, profile, username), when, on whom (agent, line, interaction), what was sent (the HTTP request line),
and how it ended (outcome, status, the platform's reasons verbatim). It lives in the journal's SQLite file, is
shared by the window and the command line, and exports to CSV that reads back to the same records.

The CSV is for people and spreadsheets: times in ISO 8601 with their UTC offset (to the millisecond, the
precision a record keeps), the agent's name beside its id, and the reasons as plain text joined with "; ".
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields, replace
from datetime import datetime
from pathlib import Path

from ccdesk.core.journal import Journal
from ccdesk.core.operations import OperationResult


@dataclass(frozen=True)
class Who:
    """The person or script acting: written on every record."""

    source: str  # "window", "supervisor" or "cli"
    profile: str = ""
    username: str = ""
    tenant: str = ""


@dataclass(frozen=True)
class AuditRecord:
    id: int
    at: float
    source: str
    profile: str
    username: str
    tenant: str
    action: str
    agent_id: str
    line: int | None
    interaction_id: str
    request: str
    outcome: str
    status: int | None
    reasons: tuple[str, ...]


RECORD_FIELDS = tuple(f.name for f in fields(AuditRecord))
#: the export's columns: the record's fields with `at` as "when" (ISO 8601) and the agent's name beside its id
CSV_COLUMNS = (
    "id",
    "when",
    "source",
    "profile",
    "username",
    "tenant",
    "action",
    "agent_id",
    "agent_name",
    "line",
    "interaction_id",
    "request",
    "outcome",
    "status",
    "reasons",
)
REASONS_SEPARATOR = "; "
_NUMBERS = {"line", "status"}


def iso_time(at: float) -> str:
    """A record's time for files: ISO 8601 in the local zone, with its UTC offset and milliseconds
    ("2025-07-23T14:03:12.250+02:00"). A person reads it as ccdesk.core.time_words.date_time."""
    return datetime.fromtimestamp(at).astimezone().isoformat(timespec="milliseconds")


class AuditTrail:
    def __init__(self, journal: Journal) -> None:
        self._journal = journal

    def record(self, who: Who, result: OperationResult) -> AuditRecord:
        """Write what was sent and how it ended; returns the stored record."""
        op = result.operation
        return self.note(
            who,
            op.action.value,
            op.agent_id,
            op.request_line(who.tenant),
            result.outcome.value,
            result.status,
            result.reasons,
            line=op.line,
            interaction_id=op.interaction_id,
        )

    def note(
        self,
        who: Who,
        action: str,
        agent_id: str,
        request: str,
        outcome: str,
        status: int | None,
        reasons: tuple[str, ...],
        *,
        line: int | None = None,
        interaction_id: str = "",
    ) -> AuditRecord:
        """Write any action (placing a call, setting codes) in the same shape as a supervisor operation."""
        record = AuditRecord(
            0,
            round(self._journal.now(), 3),  # what the CSV's ISO time keeps, so an export reads back the same
            who.source,
            who.profile,
            who.username,
            who.tenant,
            action,
            agent_id,
            line,
            interaction_id,
            request,
            outcome,
            status,
            tuple(reasons),
        )
        columns = RECORD_FIELDS[1:]  # every field but the id, which the database gives
        values = [getattr(record, name) for name in columns[:-1]] + [json.dumps(list(reasons))]
        with self._journal.transaction() as db:
            cursor = db.execute(
                f"INSERT INTO audit ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})", values
            )
            row_id = int(cursor.lastrowid or 0)
        return replace(record, id=row_id)

    def records(self, *, text: str = "", limit: int = 5000) -> list[AuditRecord]:
        """Newest first; `text` filters on agent, interaction, action, outcome, request, reasons or who."""
        sql = "SELECT * FROM audit"
        args: list[object] = []
        if text:
            like = f"%{text}%"
            sql += (
                " WHERE agent_id LIKE ? OR interaction_id LIKE ? OR action LIKE ? OR outcome LIKE ? "
                "OR request LIKE ? OR reasons LIKE ? OR profile LIKE ? OR username LIKE ? OR source LIKE ?"
            )
            args = [like] * 9
        rows = self._journal.query(sql + " ORDER BY id DESC LIMIT ?", [*args, limit])
        return [_from_row(dict(row)) for row in rows]


def export_csv(
    records: Iterable[AuditRecord], target: Path | io.TextIOBase, names: Mapping[str, str] | None = None
) -> int:
    """Write records as CSV (ISO 8601 times, `names` of the agents by id, reasons joined with "; "); returns
    the count."""
    if isinstance(target, Path):
        with target.open("w", encoding="utf-8", newline="") as handle:
            return export_csv(records, handle, names)
    names = names or {}
    writer = csv.writer(target)
    writer.writerow(CSV_COLUMNS)
    count = 0
    for record in records:
        row = {
            **{name: getattr(record, name) for name in RECORD_FIELDS},
            "when": iso_time(record.at),
            "agent_name": names.get(record.agent_id, ""),
            "reasons": REASONS_SEPARATOR.join(record.reasons),
        }
        writer.writerow(["" if row[c] is None else row[c] for c in CSV_COLUMNS])
        count += 1
    return count


def read_csv(source: Path | io.TextIOBase) -> list[AuditRecord]:
    """Read an export back (the round trip is tested, so the file is a faithful copy); an export of an earlier
    version (epoch `at`, reasons as a JSON list) reads too."""
    if isinstance(source, Path):
        with source.open(encoding="utf-8", newline="") as handle:
            return read_csv(handle)
    return [_from_csv(row) for row in csv.DictReader(source)]


def _from_csv(row: dict[str, str]) -> AuditRecord:
    if "when" not in row:  # the earlier export: the record's own fields, reasons as JSON
        return _from_row(dict(row))
    reasons = row.get("reasons") or ""
    values: dict[str, object] = {
        **row,
        "at": datetime.fromisoformat(row["when"]).timestamp(),
        "reasons": tuple(reasons.split(REASONS_SEPARATOR)) if reasons else (),
    }
    return _from_row(values)


def _from_row(row: dict[str, object]) -> AuditRecord:
    """A record from a database row or a CSV row (where every value is text)."""
    values: dict[str, object] = {}
    for name in RECORD_FIELDS:
        value = row[name]
        if name == "id":
            values[name] = int(str(value))
        elif name == "at":
            values[name] = float(str(value))
        elif name in _NUMBERS:
            values[name] = None if value in (None, "") else int(str(value))
        elif name == "reasons":
            if isinstance(value, tuple):
                values[name] = value
            else:
                values[name] = tuple(json.loads(value)) if isinstance(value, str) and value else ()
        else:
            values[name] = str(value or "")
    return AuditRecord(**values)  # type: ignore[arg-type]
