"""Table models of the supervisor console: the roster (sortable, filterable) and the audit trail.

Models hold plain values and answer Qt's roles; the window decides what to load. Sorting uses a separate role
(numbers for times and status codes) so "12 min" sorts after "9 min". ccdesk's own words (statuses, actions,
results) are put in the window's language here, from the values core holds; 8x8's data is shown as it came.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from ccdesk.api.models import AgentState, AgentStatus, StatusCode
from ccdesk.core.audit import AuditRecord, iso_time
from ccdesk.core.bulk import result_error
from ccdesk.core.explain import present
from ccdesk.core.operations import Action, Operation, OperationResult, Outcome
from ccdesk.core.roster import RosterEntry
from ccdesk.core.time_words import date_time
from ccdesk.ui.agent_states import state_words
from ccdesk.ui.qt import (
    QAbstractTableModel,
    QApplication,
    QColor,
    QCoreApplication,
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
#: the Status cell of an agent imported from a file, in English (what the window shows without a catalogue)
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
        return QCoreApplication.translate("SupervisorModels", "{seconds} s").format(seconds=int(seconds))
    minutes = int(seconds // 60)
    if minutes < 120:
        return QCoreApplication.translate("SupervisorModels", "{minutes} min").format(minutes=minutes)
    return QCoreApplication.translate("SupervisorModels", "{hours} h {minutes} min").format(
        hours=minutes // 60, minutes=f"{minutes % 60:02d}"
    )


def action_text(op: Operation) -> str:
    """What the operation does ("Free line 2", "Set to On break (Lunch)"): core's action_words, translated."""
    if op.action is Action.FREE_LINE:
        return QCoreApplication.translate("SupervisorModels", "Free line {line}").format(line=op.line)
    if op.action is Action.FREE_LINES:
        return QCoreApplication.translate("SupervisorModels", "Free all lines")
    if op.action is Action.HANG_UP:
        return QCoreApplication.translate("SupervisorModels", "Hang up")
    if op.action is Action.END_CALL:
        if op.end_post_processing:
            return QCoreApplication.translate("SupervisorModels", "End the call and its wrap-up")
        return QCoreApplication.translate("SupervisorModels", "End the call")
    assert op.change is not None
    status, code = state_words(op.change.status), op.change.short_code
    if code:
        return QCoreApplication.translate("SupervisorModels", "Set to {status} ({code})").format(
            status=status, code=code
        )
    return QCoreApplication.translate("SupervisorModels", "Set to {status}").format(status=status)


def result_text(result: OperationResult) -> str:
    """How one agent's operation ended, in ccdesk's words ("Line 2 freed", "Free all lines: failed"), never 8x8's
    success text: core's result_words, translated."""
    op, outcome = result.operation, result.outcome
    if outcome is Outcome.DONE:
        return _done_text(op)
    action = action_text(op)
    if outcome is Outcome.NOTHING:
        return QCoreApplication.translate("SupervisorModels", "{action}: nothing to free").format(
            action=action
        )
    if outcome is Outcome.FAILED:
        return QCoreApplication.translate("SupervisorModels", "{action}: failed").format(action=action)
    if outcome is Outcome.NOT_SENT:
        return QCoreApplication.translate("SupervisorModels", "{action}: not sent (cancelled)").format(
            action=action
        )
    return QCoreApplication.translate("SupervisorModels", "{action}: dry run, not sent").format(action=action)


def _done_text(op: Operation) -> str:
    if op.action is Action.FREE_LINE:
        return QCoreApplication.translate("SupervisorModels", "Line {line} freed").format(line=op.line)
    if op.action is Action.FREE_LINES:
        return QCoreApplication.translate("SupervisorModels", "Lines freed")
    if op.action is Action.HANG_UP:
        return QCoreApplication.translate("SupervisorModels", "Hung up")
    if op.action is Action.END_CALL:
        if op.end_post_processing:
            return QCoreApplication.translate("SupervisorModels", "Call and wrap-up ended")
        return QCoreApplication.translate("SupervisorModels", "Call ended")
    assert op.change is not None
    status, code = state_words(op.change.status), op.change.short_code
    if code:
        return QCoreApplication.translate("SupervisorModels", "Status set to {status} ({code})").format(
            status=status, code=code
        )
    return QCoreApplication.translate("SupervisorModels", "Status set to {status}").format(status=status)


def title_text(op: Operation) -> str:
    """What happens to whom, for a confirmation's title and the status bar: core's Operation.title, translated."""
    if op.action is Action.FREE_LINE:
        return QCoreApplication.translate("SupervisorModels", "Free line {line} of agent {agent}").format(
            line=op.line, agent=op.agent_id
        )
    if op.action is Action.FREE_LINES:
        return QCoreApplication.translate("SupervisorModels", "Free all lines of agent {agent}").format(
            agent=op.agent_id
        )
    if op.action is Action.HANG_UP:
        return QCoreApplication.translate(
            "SupervisorModels", "Hang up agent {agent} on interaction {interaction}"
        ).format(agent=op.agent_id, interaction=op.interaction_id)
    if op.action is Action.END_CALL:
        if op.end_post_processing:
            return QCoreApplication.translate(
                "SupervisorModels", "End interaction {interaction} and its wrap-up"
            ).format(interaction=op.interaction_id)
        return QCoreApplication.translate("SupervisorModels", "End interaction {interaction}").format(
            interaction=op.interaction_id
        )
    assert op.change is not None
    status, code = state_words(op.change.status), op.change.short_code
    if code:
        return QCoreApplication.translate(
            "SupervisorModels", "Set agent {agent} to {status} ({code})"
        ).format(agent=op.agent_id, status=status, code=code)
    return QCoreApplication.translate("SupervisorModels", "Set agent {agent} to {status}").format(
        agent=op.agent_id, status=status
    )


def outcome_words(outcome: str) -> str:
    """An outcome as the audit trail records it ("done", "failed"), in the window's language; an outcome this
    client does not know is shown as recorded."""
    words = {
        Outcome.DONE: QCoreApplication.translate("SupervisorModels", "done"),
        Outcome.NOTHING: QCoreApplication.translate("SupervisorModels", "nothing to free"),
        Outcome.FAILED: QCoreApplication.translate("SupervisorModels", "failed"),
        Outcome.DRY_RUN: QCoreApplication.translate("SupervisorModels", "dry run"),
        Outcome.NOT_SENT: QCoreApplication.translate("SupervisorModels", "not sent"),
    }
    try:
        return words[Outcome(outcome)]
    except ValueError:
        return outcome


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


def unsent_words(outcome: Outcome) -> str:
    """Why a request was not sent: ccdesk's decision (a cancel, a dry run), in the window's language."""
    if outcome is Outcome.NOT_SENT:
        return QCoreApplication.translate("SupervisorBulk", "Cancelled before it was sent.")
    return QCoreApplication.translate("SupervisorBulk", "Dry run: listed below, not sent.")


def result_tip(result: OperationResult) -> str:
    """A result in full for a tooltip: what was done, then the advice and 8x8's words (the one presentation)."""
    error = result_error(result)
    lines = [title_text(result.operation), result_text(result)]
    if error is not None:
        shown = present(error)
        lines += [shown.summary, shown.details_line if shown.details else ""]
    elif result.outcome in (Outcome.NOT_SENT, Outcome.DRY_RUN):
        lines.append(unsent_words(result.outcome))  # ccdesk's own reason, never "8x8 said"
    elif result.reasons:
        reasons = "; ".join(result.reasons)
        lines.append(
            QCoreApplication.translate("SupervisorModels", "8x8 said: {reasons}").format(reasons=reasons)
        )
    return "\n".join(line for line in lines if line)


class StatusFilter(StrEnum):
    """The status filter's choices (their values are the window's automation contract, never shown as such)."""

    ALL = "All"
    STUCK = "Stuck"
    BUSY = "Busy"
    POST_PROCESS = "Wrap-up"
    ON_BREAK = "On break"
    AVAILABLE = "Available"
    WORK_OFFLINE = "Work offline"
    LOGGED_OUT = "Logged out"
    OTHER = "Other"


def filter_words(choice: StatusFilter) -> str:
    """A status filter choice as the combo box shows it."""
    return {
        StatusFilter.ALL: QCoreApplication.translate("SupervisorModels", "All"),
        StatusFilter.STUCK: QCoreApplication.translate("SupervisorModels", "Stuck"),
        StatusFilter.BUSY: QCoreApplication.translate("SupervisorModels", "Busy"),
        StatusFilter.POST_PROCESS: QCoreApplication.translate("SupervisorModels", "Wrap-up"),
        StatusFilter.ON_BREAK: QCoreApplication.translate("SupervisorModels", "On break"),
        StatusFilter.AVAILABLE: QCoreApplication.translate("SupervisorModels", "Available"),
        StatusFilter.WORK_OFFLINE: QCoreApplication.translate("SupervisorModels", "Work offline"),
        StatusFilter.LOGGED_OUT: QCoreApplication.translate("SupervisorModels", "Logged out"),
        StatusFilter.OTHER: QCoreApplication.translate("SupervisorModels", "Other"),
    }[choice]


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

    COLUMNS = 0

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else self.COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers()[section]
        return None

    def headers(self) -> tuple[str, ...]:
        """The column headers, in the window's language (asked each time: the language can change)."""
        raise NotImplementedError


class RosterModel(_TableModel):
    """The roster's rows, plus the last action taken on each agent from this window."""

    COLUMNS = 6
    NAME, AGENT_ID, STATUS, CODE, SINCE, LAST = range(COLUMNS)

    def __init__(self, clock: Callable[[], float] = time.time, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._clock = clock
        self._rows: list[RosterEntry] = []
        self._last: dict[str, OperationResult] = {}
        self._codes: dict[tuple[int, int], StatusCode] = {}
        self.now = clock()

    def headers(self) -> tuple[str, ...]:
        return (
            QCoreApplication.translate("RosterModel", "Name"),
            QCoreApplication.translate("RosterModel", "Agent id"),
            QCoreApplication.translate("RosterModel", "Status"),
            QCoreApplication.translate("RosterModel", "Code"),
            QCoreApplication.translate("RosterModel", "In this status"),
            QCoreApplication.translate("RosterModel", "Last action"),
        )

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
                self.dataChanged.emit(self.index(row, 0), self.index(row, self.COLUMNS - 1))

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
        if role == Qt.ItemDataRole.AccessibleTextRole and self._text(entry, column) == "—":
            return QCoreApplication.translate("RosterModel", "not known")  # a dash is read out as "dash"
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
            return agent.name or QCoreApplication.translate("RosterModel", "(no name)")
        if column == self.AGENT_ID:
            return agent.agent_id
        if column == self.STATUS:
            if entry.from_file:
                return QCoreApplication.translate("RosterModel", "unknown (no Agent Status API)")
            return state_words(agent.status)
        if column == self.CODE:
            return "—" if entry.from_file else code_text(agent, self._codes)
        if column == self.SINCE:
            return duration_text(entry.seconds_in_status(self.now))
        last = self._last.get(agent.agent_id)
        return result_text(last) if last else ""

    def _sort_key(self, entry: RosterEntry, column: int) -> Any:
        if column == self.SINCE:
            return entry.seconds_in_status(self.now) or -1.0
        return self._text(entry, column).casefold()

    def _tooltip(self, entry: RosterEntry, column: int) -> str | None:
        agent = entry.agent
        if column == self.STATUS and not entry.from_file:
            words = state_words(agent.status)
            if agent.sub_status:
                return QCoreApplication.translate(
                    "RosterModel", "{status} (8x8's status {code}, sub-status {sub})"
                ).format(status=words, code=agent.status, sub=agent.sub_status)
            return QCoreApplication.translate("RosterModel", "{status} (8x8's status {code})").format(
                status=words, code=agent.status
            )
        if column == self.CODE and agent.status_code_list_id is not None:
            short = agent.status_code_short_code or ""
            values = {
                "code": code_text(agent, self._codes),
                "list": agent.status_code_list_id,
                "item": agent.status_code_item_id,
                "short": short,
            }
            if short:
                return QCoreApplication.translate(
                    "RosterModel", "{code}: status code list {list}, item {item}, short code {short}"
                ).format(**values)
            return QCoreApplication.translate(
                "RosterModel", "{code}: status code list {list}, item {item}"
            ).format(**values)
        if column == self.SINCE:
            if entry.since is not None and entry.since_from_event:
                return QCoreApplication.translate(
                    "RosterModel", "In this status since {time}: the time of 8x8's status event (its clock)."
                ).format(time=date_time(entry.since))
            return QCoreApplication.translate(
                "RosterModel",
                "How long ccdesk has seen this agent in this status (the platform does not say since when).",
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


def audit_action_words(action: str) -> str:
    """An audit record's action ("free-line") as a person reads it; an action this client does not know, as
    recorded."""
    words = {
        "free-line": QCoreApplication.translate("AuditModel", "Free line"),
        "free-lines": QCoreApplication.translate("AuditModel", "Free all lines"),
        "hang-up": QCoreApplication.translate("AuditModel", "Hang up"),
        "end-call": QCoreApplication.translate("AuditModel", "End call"),
        "set-status": QCoreApplication.translate("AuditModel", "Set status"),
        "place-call": QCoreApplication.translate("AuditModel", "Dial"),
        "set-codes": QCoreApplication.translate("AuditModel", "Transaction codes"),
    }
    return words.get(action, action)


class AuditModel(_TableModel):
    """The audit records as loaded (newest first); the window reloads it after every action. Agents are named
    from the roster the window shows (the trail keeps their ids)."""

    COLUMNS = 12
    OUTCOME = 4
    REASONS = 6

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[AuditRecord] = []
        self._names: Mapping[str, str] = {}

    def headers(self) -> tuple[str, ...]:
        return (
            QCoreApplication.translate("AuditModel", "When"),
            QCoreApplication.translate("AuditModel", "Action"),
            QCoreApplication.translate("AuditModel", "Agent"),
            QCoreApplication.translate("AuditModel", "Line"),
            QCoreApplication.translate("AuditModel", "Outcome"),
            QCoreApplication.translate("AuditModel", "HTTP"),
            QCoreApplication.translate("AuditModel", "Reasons"),
            QCoreApplication.translate("AuditModel", "Agent id"),
            QCoreApplication.translate("AuditModel", "Interaction"),
            QCoreApplication.translate("AuditModel", "Who"),
            QCoreApplication.translate("AuditModel", "Source"),
            QCoreApplication.translate("AuditModel", "Request"),
        )

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
                return plain_tip(f"{date_time(record.at)} ({iso_time(record.at)})")
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
            date_time(record.at),
            audit_action_words(record.action),
            self._names.get(record.agent_id, ""),
            "" if record.line is None else str(record.line),
            outcome_words(record.outcome),
            "" if record.status is None else str(record.status),
            "; ".join(record.reasons),
            record.agent_id,
            record.interaction_id,
            who,
            record.source,
            record.request,
        )
