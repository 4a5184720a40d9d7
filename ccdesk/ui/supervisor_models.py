"""Table models of the supervisor console: the roster (sortable, filterable) and the audit trail.

Models hold plain values and answer Qt's roles; the window decides what to load. Sorting uses a separate role
(numbers for times and status codes) so "12 min" sorts after "9 min".
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from ccdesk.api.models import AgentState, AgentStatus, StatusCode
from ccdesk.core.audit import AuditRecord, local_time
from ccdesk.core.bulk import result_error, result_words, status_words
from ccdesk.core.explain import present
from ccdesk.core.operations import OperationResult, Outcome
from ccdesk.core.roster import RosterEntry
from ccdesk.ui.qt import (
    QAbstractTableModel,
    QApplication,
    QColor,
    QModelIndex,
    QObject,
    QPalette,
    QSortFilterProxyModel,
    Qt,
)

if TYPE_CHECKING:
    from ccdesk.ui.qt import QPersistentModelIndex
from ccdesk.ui.plain import plain_tip
from ccdesk.ui.theme import error_colour, is_dark

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
NO_API_STATUS = "unknown (no Agent Status API)"

_DONE = {False: "#1a7f37", True: "#56d364"}  # light, dark
_DRY = {False: "#2f6fcf", True: "#79c0ff"}


def outcome_colour(outcome: Outcome) -> QColor:
    """Green for done, red for failed, grey for nothing-done: read from the palette so dark mode stays legible."""
    dark = is_dark()
    if outcome is Outcome.DONE:
        return QColor(_DONE[dark])
    if outcome is Outcome.FAILED:
        return QColor(error_colour())
    if outcome is Outcome.DRY_RUN:
        return QColor(_DRY[dark])
    return QApplication.palette().color(QPalette.ColorRole.PlaceholderText)


def duration_text(seconds: float | None) -> str:
    """Minutes are what a supervisor compares; seconds only while it is still short."""
    if seconds is None:
        return "—"
    if seconds < 60:
        return f"{int(seconds)} s"
    minutes = int(seconds // 60)
    if minutes < 120:
        return f"{minutes} min"
    return f"{minutes // 60} h {minutes % 60:02d} min"


def code_text(agent: AgentStatus, names: Mapping[tuple[int, int], StatusCode]) -> str:
    """The agent's status code by name from the tenant's status code lists ("Lunch break (Lunch)"); 8x8's
    short code when the lists do not name it; its numbers only when there is nothing else; "" for none."""
    list_id, item_id = agent.status_code_list_id, agent.status_code_item_id
    if list_id is None or item_id is None:
        return ""
    short = (agent.status_code_short_code or "").strip()
    known = names.get((list_id, item_id))
    name = known.name.strip() if known is not None else ""
    short = short or (known.short_code if known is not None else "")
    if name and short and name.casefold() != short.casefold():
        return f"{name} ({short})"
    return name or short or f"{list_id}:{item_id}"


def result_tip(result: OperationResult) -> str:
    """A result in full for a tooltip: what was done, then the advice and 8x8's words (the one presentation)."""
    error = result_error(result)
    lines = [result.operation.title, result_words(result)]
    if error is not None:
        shown = present(error)
        lines += [shown.summary, f"{shown.details_heading}: {shown.details}" if shown.details else ""]
    elif result.reasons:
        lines.append("8x8 said: " + "; ".join(result.reasons))
    return "\n".join(line for line in lines if line)


class StatusFilter(StrEnum):
    ALL = "All"
    STUCK = "Stuck"
    BUSY = "Busy"
    POST_PROCESS = "Wrap-up"
    ON_BREAK = "On break"
    AVAILABLE = "Available"
    WORK_OFFLINE = "Work offline"
    LOGGED_OUT = "Logged out"
    OTHER = "Other"


_FILTER_STATES = {
    StatusFilter.BUSY: AgentState.BUSY,
    StatusFilter.POST_PROCESS: AgentState.POST_PROCESS,
    StatusFilter.ON_BREAK: AgentState.ON_BREAK,
    StatusFilter.AVAILABLE: AgentState.WAIT_TRANSACT,
    StatusFilter.WORK_OFFLINE: AgentState.WORK_OFFLINE,
    StatusFilter.LOGGED_OUT: AgentState.LOGGED_OUT,
}


class _TableModel(QAbstractTableModel):
    """A read-only table of rows with fixed column headers (the roster and the audit trail)."""

    HEADERS: tuple[str, ...] = ()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.HEADERS[section]
        return None


class RosterModel(_TableModel):
    """The roster's rows, plus the last action taken on each agent from this window."""

    HEADERS = ("Name", "Agent id", "Status", "Code", "In this status", "Last action")
    NAME, AGENT_ID, STATUS, CODE, SINCE, LAST = range(6)

    def __init__(self, clock: Callable[[], float] = time.time, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._clock = clock
        self._rows: list[RosterEntry] = []
        self._last: dict[str, OperationResult] = {}
        self._codes: dict[tuple[int, int], StatusCode] = {}
        self.now = clock()

    def set_status_codes(self, codes: Iterable[StatusCode]) -> None:
        """The tenant's status codes with their names (the profile's lists), for the Code column."""
        self._codes = {code.key: code for code in codes}
        if self._rows:
            top, bottom = self.index(0, self.CODE), self.index(len(self._rows) - 1, self.CODE)
            self.dataChanged.emit(top, bottom)

    def set_entries(self, entries: Sequence[RosterEntry]) -> None:
        self.beginResetModel()
        self._rows = list(entries)
        self.now = self._clock()
        self.endResetModel()

    def update_entries(self, changed: Mapping[str, RosterEntry]) -> None:
        """Replace the rows of these agents in place (a status event): selection, sorting and scroll stay."""
        self.now = self._clock()
        for row, entry in enumerate(self._rows):
            new = changed.get(entry.agent_id)
            if new is not None:
                self._rows[row] = new
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.HEADERS) - 1))

    @property
    def entries(self) -> list[RosterEntry]:
        return list(self._rows)

    def by_agent(self) -> dict[str, RosterEntry]:
        return {entry.agent_id: entry for entry in self._rows}

    def entry(self, row: int) -> RosterEntry:
        return self._rows[row]

    def tick(self) -> None:
        """Advance 'in this status' without asking the platform (the times are held here)."""
        self.now = self._clock()
        if self._rows:
            top, bottom = self.index(0, self.SINCE), self.index(len(self._rows) - 1, self.SINCE)
            self.dataChanged.emit(top, bottom, [Qt.ItemDataRole.DisplayRole, SORT_ROLE])

    def set_result(self, result: OperationResult) -> None:
        agent_id = result.operation.agent_id
        self._last[agent_id] = result
        for row, entry in enumerate(self._rows):
            if entry.agent_id == agent_id:
                index = self.index(row, self.LAST)
                self.dataChanged.emit(index, index)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid():
            return None
        entry, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(entry, column)
        if role == SORT_ROLE:
            return self._sort_key(entry, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tip(self._tooltip(entry, column)) or None  # tooltips guess rich text
        if role == Qt.ItemDataRole.ForegroundRole and column == self.LAST:
            last = self._last.get(entry.agent_id)
            return outcome_colour(last.outcome) if last else None
        return None

    def _text(self, entry: RosterEntry, column: int) -> str:
        agent = entry.agent
        if column == self.NAME:
            return agent.name or "(no name)"
        if column == self.AGENT_ID:
            return agent.agent_id
        if column == self.STATUS:
            return NO_API_STATUS if entry.from_file else status_words(agent.status)
        if column == self.CODE:
            return "—" if entry.from_file else code_text(agent, self._codes)
        if column == self.SINCE:
            return duration_text(entry.seconds_in_status(self.now))
        last = self._last.get(agent.agent_id)
        return result_words(last) if last else ""

    def _sort_key(self, entry: RosterEntry, column: int) -> Any:
        if column == self.SINCE:
            return entry.seconds_in_status(self.now) or -1.0
        return self._text(entry, column).casefold()

    def _tooltip(self, entry: RosterEntry, column: int) -> str | None:
        agent = entry.agent
        if column == self.STATUS and not entry.from_file:
            sub = f", sub-status {agent.sub_status}" if agent.sub_status else ""
            return f"{status_words(agent.status)} (8x8's status {agent.status}{sub})"
        if column == self.CODE and agent.status_code_list_id is not None:
            short = agent.status_code_short_code or ""
            return (
                f"{code_text(agent, self._codes)}: status code list {agent.status_code_list_id}, "
                f"item {agent.status_code_item_id}{f', short code {short}' if short else ''}"
            )
        if column == self.SINCE:
            if entry.since is not None and entry.since_from_event:
                return (
                    f"In this status since {local_time(entry.since)}: the time of 8x8's status event "
                    "(its clock)."
                )
            return (
                "How long ccdesk has seen this agent in this status (the platform does not say since when)."
            )
        if column == self.LAST:
            last = self._last.get(agent.agent_id)
            return result_tip(last) if last else None
        return self._text(entry, column) or None


class RosterFilter(QSortFilterProxyModel):
    """Text and status filters together; 'Stuck' asks each entry with the model's clock."""

    def __init__(self, model: RosterModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._roster = model
        self.setSourceModel(model)
        self.setSortRole(SORT_ROLE)
        self._text = ""
        self._status = StatusFilter.ALL
        self._stuck_minutes = 10.0

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._text = text.strip().casefold()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_status(self, status: str) -> None:
        self.beginFilterChange()
        self._status = StatusFilter(status)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_stuck_minutes(self, minutes: float) -> None:
        self.beginFilterChange()
        self._stuck_minutes = minutes
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def refilter_by_time(self) -> None:
        """Only the stuck view depends on the clock."""
        if self._status is StatusFilter.STUCK:
            self.beginFilterChange()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> bool:
        entry = self._roster.entry(row)
        return self._status_matches(entry) and self._text_matches(row)

    def _status_matches(self, entry: RosterEntry) -> bool:
        status = entry.agent.status
        if self._status is StatusFilter.ALL:
            return True
        if self._status is StatusFilter.STUCK:
            return entry.is_stuck(self._roster.now, self._stuck_minutes)
        if self._status is StatusFilter.OTHER:
            return entry.from_file or status not in _FILTER_STATES.values()
        return not entry.from_file and status == _FILTER_STATES[self._status]

    def _text_matches(self, row: int) -> bool:
        if not self._text:
            return True
        model = self._roster
        columns = (model.NAME, model.AGENT_ID, model.STATUS, model.CODE)
        return any(self._text in str(model.index(row, c).data()).casefold() for c in columns)


ACTION_WORDS = {
    "free-line": "Free line",
    "free-lines": "Free all lines",
    "hang-up": "Hang up",
    "end-call": "End call",
    "set-status": "Set status",
    "place-call": "Dial",
    "set-codes": "Transaction codes",
}


class AuditModel(_TableModel):
    """The audit records as loaded (newest first); the window reloads it after every action. Agents are named
    from the roster the window shows (the trail keeps their ids)."""

    HEADERS = (
        "When",
        "Action",
        "Agent",
        "Line",
        "Outcome",
        "HTTP",
        "Reasons",
        "Agent id",
        "Interaction",
        "Who",
        "Source",
        "Request",
    )
    OUTCOME = 4
    REASONS = 6

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[AuditRecord] = []
        self._names: Mapping[str, str] = {}

    def set_records(self, records: Sequence[AuditRecord], names: Mapping[str, str] | None = None) -> None:
        self.beginResetModel()
        self._rows = list(records)
        if names is not None:
            self._names = dict(names)
        self.endResetModel()

    @property
    def records(self) -> list[AuditRecord]:
        return list(self._rows)

    @property
    def names(self) -> Mapping[str, str]:
        return self._names

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid():
            return None
        record = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cells(record)[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:  # a tooltip guesses rich text; the display is plain
            if index.column() == 0:
                return plain_tip(f"{local_time(record.at)} ({local_time(record.at, iso=True)})")
            if index.column() == self.REASONS:
                return plain_tip("\n".join(record.reasons)) or None
            return plain_tip(self._cells(record)[index.column()]) or None
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == self.OUTCOME:
            try:
                return outcome_colour(Outcome(record.outcome))
            except ValueError:
                return None
        return None

    def _cells(self, record: AuditRecord) -> tuple[str, ...]:
        who = record.username + (f" ({record.profile})" if record.profile else "")
        return (
            local_time(record.at),
            ACTION_WORDS.get(record.action, record.action),
            self._names.get(record.agent_id, ""),
            "" if record.line is None else str(record.line),
            record.outcome,
            "" if record.status is None else str(record.status),
            "; ".join(record.reasons),
            record.agent_id,
            record.interaction_id,
            who,
            record.source,
            record.request,
        )
