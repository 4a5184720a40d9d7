"""The question before a bulk action: a summary to decide on, the agents one by one only on demand.

A list of 30 identical lines hides what matters. The summary says how many agents are in which status, how many
are on a call, and, for an action that frees lines, that their callers will be disconnected (as the agent's own
Free all lines says). "Show details" lists each agent with the request ccdesk will send.

A sentence with a count has two messages, one for a single agent and one for more, each with its plural forms:
the English reads right ("1 agent", "4 agents") even where no catalogue is installed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from ccdesk.api.models import AgentState
from ccdesk.core.operations import Operation
from ccdesk.core.roster import RosterEntry
from ccdesk.ui.agent_states import state_words
from ccdesk.ui.plain import plain_labels
from ccdesk.ui.qt import (
    QAbstractItemView,
    QCoreApplication,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from ccdesk.ui.supervisor_models import duration_text
from ccdesk.ui.supervisor_tables import fit_columns
from ccdesk.ui.theme import set_role

#: statuses in which 8x8 says the agent is on a call (the guide: BUSY, and DIRECT_CALL for a call without queue)
ON_CALL = frozenset({AgentState.BUSY, AgentState.DIRECT_CALL})
SUMMARY_WIDTH = 520


def disconnected() -> str:
    """What freeing a line does to a caller on it (said wherever a free can cut a call)."""
    return QCoreApplication.translate("SupervisorConfirm", "Callers on these lines will be disconnected.")


def unknown_status() -> str:
    """The status of an agent imported from a file (the platform was not asked)."""
    return QCoreApplication.translate("SupervisorConfirm", "status unknown")


@dataclass(frozen=True)
class BulkPlan:
    """What a bulk action will do, to whom: everything the question shows."""

    title: str  # "Free all lines of 5 agents"
    verb: str  # the button that goes ahead: "Free lines"
    entries: Sequence[RosterEntry]
    operations: Sequence[Operation]
    frees_lines: bool
    concurrency: int
    tenant: str
    now: float
    #: agents ccdesk itself knows to hold a call on a line (its journal), whatever their status says
    known_on_line: frozenset[str] = frozenset()

    def on_call(self, entry: RosterEntry) -> bool:
        return (not entry.from_file and entry.agent.status in ON_CALL) or entry.agent_id in self.known_on_line


def summary(plan: BulkPlan) -> str:
    """Counts by status, how many are on a call, what happens to their callers, and how it is sent."""
    unknown_words = unknown_status()
    statuses = Counter(unknown_words if e.from_file else state_words(e.agent.status) for e in plan.entries)
    counted = ", ".join(
        f"{n} {status}" for status, n in sorted(statuses.items(), key=lambda s: (-s[1], s[0]))
    )
    count = len(plan.entries)
    if count == 1:
        heading = QCoreApplication.translate("SupervisorConfirm", "%n agent: {statuses}.", None, count)
    else:
        heading = QCoreApplication.translate("SupervisorConfirm", "%n agents: {statuses}.", None, count)
    lines = [heading.format(statuses=counted)]
    on_call = sum(plan.on_call(e) for e in plan.entries)
    if plan.frees_lines:
        lines.append(_callers(on_call, statuses.get(unknown_words, 0)))
        idle = sum(
            not e.from_file and not plan.on_call(e) and e.agent.status == AgentState.WAIT_TRANSACT
            for e in plan.entries
        )
        if idle == 1:
            lines.append(
                QCoreApplication.translate(
                    "SupervisorConfirm", "%n agent is Available: probably nothing to free there.", None, idle
                )
            )
        elif idle:
            lines.append(
                QCoreApplication.translate(
                    "SupervisorConfirm",
                    "%n agents are Available: probably nothing to free there.",
                    None,
                    idle,
                )
            )
    elif on_call == 1:
        lines.append(
            QCoreApplication.translate("SupervisorConfirm", "%n of them is on a call now.", None, on_call)
        )
    elif on_call:
        lines.append(
            QCoreApplication.translate("SupervisorConfirm", "%n of them are on a call now.", None, on_call)
        )
    requests = len(plan.operations)
    if requests == 1:
        sends = QCoreApplication.translate(
            "SupervisorConfirm",
            "ccdesk sends %n request, {concurrency} at a time; Cancel stops sending new ones. "
            "This cannot be undone.",
            None,
            requests,
        )
    else:
        sends = QCoreApplication.translate(
            "SupervisorConfirm",
            "ccdesk sends %n requests, {concurrency} at a time; Cancel stops sending new ones. "
            "This cannot be undone.",
            None,
            requests,
        )
    lines.append(sends.format(concurrency=plan.concurrency))
    return "\n".join(lines)


def _callers(on_call: int, unknown: int) -> str:
    """What freeing the lines does to callers: how many agents are on a call, or that ccdesk cannot tell."""
    if on_call == 1:
        have = QCoreApplication.translate(
            "SupervisorConfirm", "%n of them has a call on its lines.", None, on_call
        )
    elif on_call:
        have = QCoreApplication.translate(
            "SupervisorConfirm", "%n of them have calls on their lines.", None, on_call
        )
    elif unknown:
        have = QCoreApplication.translate(
            "SupervisorConfirm", "ccdesk cannot tell whether they are on calls."
        )
    else:
        return QCoreApplication.translate(
            "SupervisorConfirm", "None of them is on a call as far as 8x8's statuses say."
        )
    return f"{have} {disconnected()}"


class BulkConfirmDialog(QDialog):
    """Yes or Cancel for a bulk action; Cancel is the default, so a stray Enter never sends anything."""

    def __init__(self, plan: BulkPlan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bulkConfirmDialog")
        self.setWindowTitle(plan.title)
        self.setAccessibleName(plan.title)
        self.setAccessibleDescription(
            QCoreApplication.translate(
                "BulkConfirmDialog",
                "Read the summary, then go ahead or cancel; Cancel is the default and sends nothing.",
            )
        )
        layout = QVBoxLayout(self)
        heading = QLabel(
            QCoreApplication.translate("BulkConfirmDialog", "{action}?").format(action=plan.title)
        )
        heading.setObjectName("bulkConfirmHeading")
        set_role(heading, "heading")
        self.summary = QLabel(summary(plan))
        self.summary.setObjectName("bulkConfirmSummary")
        self.summary.setAccessibleName(QCoreApplication.translate("BulkConfirmDialog", "Summary"))
        self.summary.setWordWrap(True)
        self.summary.setMinimumWidth(SUMMARY_WIDTH)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        plain_labels(heading, self.summary)
        self.details_button = QToolButton()
        self.details_button.setObjectName("bulkConfirmDetailsButton")
        self.details_button.setText(QCoreApplication.translate("BulkConfirmDialog", "Show details"))
        self.details_button.setAccessibleName(
            QCoreApplication.translate("BulkConfirmDialog", "Show each agent and the request")
        )
        self.details_button.setAccessibleDescription(
            QCoreApplication.translate(
                "BulkConfirmDialog",
                "Lists each agent, their status and the request ccdesk will send for them",
            )
        )
        self.details_button.setCheckable(True)
        self.details_button.setArrowType(Qt.ArrowType.RightArrow)
        self.details_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.details_button.toggled.connect(self._show_details)
        self.details = self._details_table(plan)
        buttons = QDialogButtonBox()
        self.go_button = QPushButton(plan.verb)
        self.go_button.setObjectName("bulkConfirmButton")
        self.go_button.setAccessibleDescription(
            QCoreApplication.translate("BulkConfirmDialog", "Sends the requests now; this cannot be undone")
        )
        self.go_button.setAutoDefault(False)
        buttons.addButton(self.go_button, QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setObjectName("bulkCancelConfirmButton")
        cancel.setAccessibleDescription(QCoreApplication.translate("BulkConfirmDialog", "Sends nothing"))
        cancel.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        for widget in (heading, self.summary, self.details_button):
            layout.addWidget(widget)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)
        cancel.setFocus()

    def _details_table(self, plan: BulkPlan) -> QTableWidget:
        columns = (
            QCoreApplication.translate("BulkConfirmDialog", "Agent"),
            QCoreApplication.translate("BulkConfirmDialog", "Agent id"),
            QCoreApplication.translate("BulkConfirmDialog", "Status"),
            QCoreApplication.translate("BulkConfirmDialog", "In this status"),
            QCoreApplication.translate("BulkConfirmDialog", "Request"),
        )
        table = QTableWidget(len(plan.entries), len(columns))
        table.setObjectName("bulkConfirmDetails")
        table.setAccessibleName(QCoreApplication.translate("BulkConfirmDialog", "Agents and requests"))
        table.setAccessibleDescription(
            QCoreApplication.translate(
                "BulkConfirmDialog",
                "One row per agent: name, id, status, time in it, and the request to send",
            )
        )
        table.setHorizontalHeaderLabels(columns)
        table.setTabKeyNavigation(False)  # Tab leaves the table for the buttons; the arrows move inside it
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        requests = {op.agent_id: op.request_line(plan.tenant) for op in plan.operations}
        for row, entry in enumerate(plan.entries):
            status = unknown_status() if entry.from_file else state_words(entry.agent.status)
            if plan.frees_lines and plan.on_call(entry):
                status = QCoreApplication.translate("BulkConfirmDialog", "{status} (on a call)").format(
                    status=status
                )
            cells = (
                entry.agent.name,
                entry.agent_id,
                status,
                duration_text(entry.seconds_in_status(plan.now)),
                requests.get(entry.agent_id, ""),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                table.setItem(row, column, item)
        fit_columns(table, range(len(columns)))
        table.hide()
        return table

    def _show_details(self, shown: bool) -> None:
        self.details.setVisible(shown)
        self.details_button.setText(
            QCoreApplication.translate("BulkConfirmDialog", "Hide details")
            if shown
            else QCoreApplication.translate("BulkConfirmDialog", "Show details")
        )
        self.details_button.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
        if shown:
            wanted = sum(self.details.columnWidth(c) for c in range(self.details.columnCount())) + 60
            self.resize(max(self.width(), wanted), max(self.height(), 440))
        else:
            self.adjustSize()
        self._keep_on_screen()

    def _keep_on_screen(self) -> None:
        """Centred over the window that asked, and never wider or taller than the screen it is on."""
        screen = (self.parentWidget() or self).screen().availableGeometry()
        self.resize(min(self.width(), screen.width() - 40), min(self.height(), screen.height() - 40))
        parent = self.parentWidget()
        centre = parent.frameGeometry().center() if parent is not None else screen.center()
        frame = self.frameGeometry()
        frame.moveCenter(centre)
        x = min(max(frame.left(), screen.left()), screen.right() - frame.width())
        y = min(max(frame.top(), screen.top()), screen.bottom() - frame.height())
        self.move(x, y)


def confirm_bulk(parent: QWidget | None, plan: BulkPlan) -> bool:
    """Ask before a bulk action; True to go ahead."""
    return BulkConfirmDialog(plan, parent).exec() == QDialog.DialogCode.Accepted
