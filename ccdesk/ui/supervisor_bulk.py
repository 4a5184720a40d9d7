"""Bulk actions in the supervisor console: the job that runs a BulkRun on the bridge, and the panel showing it.

BulkRun reports on its own worker threads. The job writes the audit record there (before anything is shown) and
then hands the result to the GUI thread through `to_gui`, even when the record could not be written; once the
window closes the job is detached, so no result is ever delivered to a widget that is gone.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable, Sequence
from functools import partial
from typing import TYPE_CHECKING

from ccdesk.core.bulk import DEFAULT_CONCURRENCY, MAX_CONCURRENCY, BulkRun, result_error
from ccdesk.core.explain import present
from ccdesk.core.operations import Operation, OperationResult, Outcome
from ccdesk.ui.bridge import to_gui
from ccdesk.ui.icons import icon
from ccdesk.ui.plain import plain_labels, plain_tip
from ccdesk.ui.qt import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QCoreApplication,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from ccdesk.ui.supervisor_models import outcome_colour, result_text, result_tip, unsent_words
from ccdesk.ui.supervisor_tables import fit_columns, fit_wrapped_column, narrow_columns
from ccdesk.ui.theme import set_role

if TYPE_CHECKING:
    from ccdesk.api.client import CCClient

Report = Callable[[OperationResult], None]
DETAILS_WIDTH = 560  # a result's details wrap at this width (wider only for a longer word)


def details_text(result: OperationResult) -> str:
    """A result row's details: for a failure the advice, then 8x8's words (the one presentation); why a request
    was not sent; nothing for success (8x8's success text is in the tooltip, never the first thing read)."""
    error = result_error(result)
    if error is not None:
        shown = present(error)
        return f"{shown.summary}\n{shown.details_line}" if shown.details else shown.summary
    if result.outcome in (Outcome.NOT_SENT, Outcome.DRY_RUN):
        return unsent_words(result.outcome)
    return ""


class BulkJob:
    """One bulk run as bridge work (`job(client)`); cancel works even before the run has started.

    `record` runs on a worker for each result, then `deliver` on the GUI thread, once per agent.
    """

    def __init__(
        self, operations: Sequence[Operation], concurrency: int, record: Report, deliver: Report
    ) -> None:
        self.operations = list(operations)
        self._concurrency = concurrency
        self._record = record
        self._deliver: Report | None = deliver
        self._run: BulkRun | None = None
        self._cancelled = False
        self._run_lock = threading.Lock()
        #: results whose audit record could not be written, with why; read once the run has finished
        self.unrecorded: list[tuple[OperationResult, Exception]] = []
        #: for status changes: the bulk endpoint's method to send first, and the one it took (after the run)
        self.bulk_method = ""
        self.bulk_method_used = ""

    def __call__(self, client: CCClient) -> list[OperationResult]:
        if self.bulk_method:
            client.bulk_status_method = self.bulk_method
        run = BulkRun(client, self.operations, concurrency=self._concurrency, on_result=self._report)
        with self._run_lock:
            self._run = run
            if self._cancelled:
                run.cancel()
        results = run.run()
        self.unrecorded = run.report_errors
        if self.bulk_method and run.sent:
            self.bulk_method_used = client.bulk_status_method
        return results

    def cancel(self) -> None:
        """Send nothing more; requests in flight finish and are reported."""
        with self._run_lock:
            self._cancelled = True
            if self._run is not None:
                self._run.cancel()

    @property
    def cancelled(self) -> bool:
        return self._cancelled

    def detach(self) -> None:
        """On the GUI thread: deliver nothing more (the run is over or the window closing); audits still go on."""
        self._deliver = None

    def _report(self, result: OperationResult) -> None:
        """On a worker: the audit trail first (a crash after this still leaves the record), then the row.

        A failed record still shows the row; its exception reaches BulkRun, which keeps it (`unrecorded`).
        """
        try:
            self._record(result)
        finally:
            to_gui(partial(self._hand_over, result))

    def _hand_over(self, result: OperationResult) -> None:
        if self._deliver is not None:
            self._deliver(result)


class BulkResultsPanel(QWidget):
    """Progress, a one-line summary, one row per agent (its result in plain words, the advice and 8x8's words in
    full, wrapped), and the request lines of a dry run."""

    DETAILS = 3
    #: the table shows at least this many one-line rows before it scrolls
    MIN_ROWS = 5

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.progress = QProgressBar()
        self.progress.setObjectName("bulkProgress")
        self.progress.setAccessibleName(
            QCoreApplication.translate("BulkResultsPanel", "Bulk action progress")
        )
        self.progress.setAccessibleDescription(
            QCoreApplication.translate("BulkResultsPanel", "How many of the agents of the run have an answer")
        )
        self.progress.setFormat("")  # "%v of %m answered" once a run starts
        self.progress.setValue(0)
        self.progress.hide()  # shown once a run starts: an empty bar says nothing
        self.summary = QLabel(
            QCoreApplication.translate(
                "BulkResultsPanel", "Select agents in the roster, then act on all of them at once."
            )
        )
        self.summary.setObjectName("bulkSummaryLabel")
        self.summary.setAccessibleName(QCoreApplication.translate("BulkResultsPanel", "Bulk action summary"))
        self.summary.setWordWrap(True)
        plain_labels(self.summary)
        set_role(self.summary, "hint")
        columns = (
            QCoreApplication.translate("BulkResultsPanel", "Agent"),
            QCoreApplication.translate("BulkResultsPanel", "Agent id"),
            QCoreApplication.translate("BulkResultsPanel", "Result"),
            QCoreApplication.translate("BulkResultsPanel", "Details"),
        )
        self.table = QTableWidget(0, len(columns))
        self.table.setObjectName("bulkResultsTable")
        self.table.setAccessibleName(QCoreApplication.translate("BulkResultsPanel", "Results per agent"))
        self.table.setAccessibleDescription(
            QCoreApplication.translate(
                "BulkResultsPanel", "One row per agent of the last run: its result, and why when it failed"
            )
        )
        self.table.setHorizontalHeaderLabels(columns)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; the arrows move inside it
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(True)  # the details are never cut: they wrap, and the row grows
        self.table.setShowGrid(False)  # a grid paints each cell 1 px narrower than its row was measured: "…"
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.sectionResized.connect(self._on_section_resized)
        narrow_columns(self.table)
        row_height = self.table.verticalHeader().defaultSectionSize()
        self.table.setMinimumHeight(header.sizeHint().height() + row_height * self.MIN_ROWS + 4)
        self.dry_run_text = QPlainTextEdit()
        self.dry_run_text.setObjectName("dryRunText")
        self.dry_run_text.setAccessibleName(
            QCoreApplication.translate("BulkResultsPanel", "Requests a dry run would send")
        )
        self.dry_run_text.setAccessibleDescription(
            QCoreApplication.translate(
                "BulkResultsPanel", "One request a line, exactly as ccdesk would send it"
            )
        )
        self.dry_run_text.setReadOnly(True)
        set_role(self.dry_run_text, "mono-small")
        self.dry_run_text.hide()
        self.table.hide()  # results appear with the first run
        for widget in (self.progress, self.summary):
            layout.addWidget(widget)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.dry_run_text)
        layout.addStretch(0)  # before the first run: the summary stays at the top, under the controls
        self._counts: Counter[Outcome] = Counter()
        self._total = 0
        self._shown: set[str] = set()

    def start(self, total: int, *, dry_run_lines: Sequence[str] = (), concurrency: int = 0) -> None:
        self.progress.show()
        self.table.show()
        self.table.setRowCount(0)
        self._counts.clear()
        self._shown.clear()
        self._total = total
        self.progress.setRange(0, max(1, total))
        self.progress.setFormat(QCoreApplication.translate("BulkResultsPanel", "%v of %m answered"))
        self.progress.setValue(0)
        self.dry_run_text.setPlainText("\n".join(dry_run_lines))
        self.dry_run_text.setVisible(bool(dry_run_lines))
        set_role(self.summary, "hint")
        self.summary.setText(self._start_text(total, bool(dry_run_lines), concurrency))

    @staticmethod
    def _start_text(total: int, dry_run: bool, concurrency: int) -> str:
        if dry_run:
            return QCoreApplication.translate(
                "BulkResultsPanel", "Dry run: %n request(s) listed below; nothing is sent.", None, total
            )
        if not concurrency:
            return QCoreApplication.translate("BulkResultsPanel", "Sending to %n agent(s)…", None, total)
        return QCoreApplication.translate(
            "BulkResultsPanel",
            "Sending to %n agent(s), {concurrency} at a time; Cancel sends nothing more…",
            None,
            total,
        ).format(concurrency=concurrency)

    def add(self, result: OperationResult, name: str) -> None:
        op = result.operation
        row = self.table.rowCount()
        self.table.insertRow(row)
        outcome = QTableWidgetItem(result_text(result))
        outcome.setForeground(outcome_colour(result.outcome))
        cells = (
            QTableWidgetItem(name),
            QTableWidgetItem(op.agent_id),
            outcome,
            QTableWidgetItem(details_text(result)),
        )
        tip = plain_tip(result_tip(result))
        for column, item in enumerate(cells):
            item.setToolTip(tip)
            self.table.setItem(row, column, item)
        fit_columns(self.table, range(self.DETAILS))
        if not fit_wrapped_column(self.table, self.DETAILS, DETAILS_WIDTH):  # (else every row is measured)
            self.table.resizeRowToContents(row)
        self._counts[result.outcome] += 1
        self._shown.add(op.agent_id)
        done = sum(self._counts.values())
        self.progress.setValue(done)
        self.summary.setText(
            QCoreApplication.translate("BulkResultsPanel", "{done} of {total} answered: {counts}").format(
                done=done, total=self._total, counts=self.counts_text()
            )
        )

    def _on_section_resized(self, column: int, _old: int, _new: int) -> None:
        """A wrapped column changed width (the window or the supervisor resized it): rows fit their text again."""
        if column == self.DETAILS:
            self.table.resizeRowsToContents()

    def finish(self, *, cancelled: bool, error: BaseException | None = None, problem: str = "") -> None:
        """The summary line; `problem` (an audit trail that could not be written) is said as an error."""
        total = self._total
        if total == 1:  # (one message for 1, one for more: the English reads right with no catalogue)
            text = QCoreApplication.translate("BulkResultsPanel", "%n agent: {counts}.", None, total)
        else:
            text = QCoreApplication.translate("BulkResultsPanel", "%n agents: {counts}.", None, total)
        text = text.format(counts=self.counts_text())
        if cancelled:
            text += " " + QCoreApplication.translate(
                "BulkResultsPanel", "Cancelled: nothing more was sent after that."
            )
        if error is not None:
            stopped = QCoreApplication.translate("BulkResultsPanel", "The run stopped: {reason}")
            text += " " + stopped.format(reason=present(error).summary)
        if problem:
            text += f" {problem}"
        if error is not None or problem:
            set_role(self.summary, "error")
        self.summary.setText(text)

    def shows(self, agent_id: str) -> bool:
        """Whether the agent already has a row in this run."""
        return agent_id in self._shown

    def counts_text(self) -> str:
        """How many agents ended which way, in a fixed order (done first)."""
        counted = [self._count_text(o, self._counts[o]) for o in Outcome if self._counts[o]]
        return ", ".join(counted) or QCoreApplication.translate("BulkResultsPanel", "nothing yet")

    @staticmethod
    def _count_text(outcome: Outcome, count: int) -> str:
        """'18 done', '2 failed': one outcome's count."""
        if outcome is Outcome.DONE:
            return QCoreApplication.translate("BulkResultsPanel", "%n done", None, count)
        if outcome is Outcome.NOTHING:
            return QCoreApplication.translate("BulkResultsPanel", "%n nothing to free", None, count)
        if outcome is Outcome.FAILED:
            return QCoreApplication.translate("BulkResultsPanel", "%n failed", None, count)
        if outcome is Outcome.DRY_RUN:
            return QCoreApplication.translate("BulkResultsPanel", "%n dry run", None, count)
        return QCoreApplication.translate("BulkResultsPanel", "%n not sent", None, count)

    def count(self, outcome: Outcome) -> int:
        return self._counts[outcome]


class BulkBox(QGroupBox):
    """The controls for several agents at once above the results; the window connects the buttons."""

    def __init__(
        self, select_all_button: QPushButton, select_stuck_button: QPushButton, parent: QWidget | None = None
    ) -> None:
        super().__init__(QCoreApplication.translate("BulkBox", "Several agents"), parent)
        self.setObjectName("bulkBox")
        self.setAccessibleName(QCoreApplication.translate("BulkBox", "Several agents"))
        self.setAccessibleDescription(
            QCoreApplication.translate("BulkBox", "Act on every agent selected in the roster at once")
        )
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.line_choice = QComboBox()
        self.line_choice.setObjectName("bulkFreeLineChoice")
        self.line_choice.setAccessibleName(QCoreApplication.translate("BulkBox", "Lines to free"))
        self.line_choice.setAccessibleDescription(
            QCoreApplication.translate("BulkBox", "Which lines Free selected frees: all, line 1 or line 2")
        )
        self.line_choice.addItem(QCoreApplication.translate("BulkBox", "All lines"), None)
        for line in (1, 2):
            self.line_choice.addItem(
                QCoreApplication.translate("BulkBox", "Line {line}").format(line=line), line
            )
        self.free_button = QPushButton(icon("free"), QCoreApplication.translate("BulkBox", "Free selected…"))
        self.free_button.setObjectName("bulkFreeButton")
        self.free_button.setAccessibleName(
            QCoreApplication.translate("BulkBox", "Free lines of the selected agents")
        )
        self.free_button.setAccessibleDescription(
            QCoreApplication.translate(
                "BulkBox", "Frees the chosen lines of every selected agent, after a question"
            )
        )
        self.status_button = QPushButton(
            icon("people"), QCoreApplication.translate("BulkBox", "Set status of selected…")
        )
        self.status_button.setObjectName("bulkStatusButton")
        self.status_button.setAccessibleName(
            QCoreApplication.translate("BulkBox", "Set the status of the selected agents")
        )
        self.status_button.setAccessibleDescription(
            QCoreApplication.translate(
                "BulkBox", "Asks for a status and a status code, then sets it for each one"
            )
        )
        self.concurrency_input = QSpinBox()
        self.concurrency_input.setObjectName("concurrencyInput")
        self.concurrency_input.setAccessibleName(QCoreApplication.translate("BulkBox", "Requests at a time"))
        self.concurrency_input.setAccessibleDescription(
            QCoreApplication.translate("BulkBox", "How many requests are in flight at once")
        )
        self.concurrency_input.setRange(1, MAX_CONCURRENCY)
        self.concurrency_input.setValue(DEFAULT_CONCURRENCY)
        self.concurrency_input.setToolTip(
            QCoreApplication.translate("BulkBox", "How many requests are in flight at once")
        )
        self.dry_run_check = QCheckBox(QCoreApplication.translate("BulkBox", "Dry run"))
        self.dry_run_check.setObjectName("dryRunCheck")
        self.dry_run_check.setAccessibleName(
            QCoreApplication.translate("BulkBox", "Dry run: list the requests, send nothing")
        )
        self.dry_run_check.setAccessibleDescription(
            QCoreApplication.translate("BulkBox", "List exactly what would be sent, and send nothing")
        )
        self.dry_run_check.setToolTip(
            QCoreApplication.translate("BulkBox", "List exactly what would be sent, and send nothing")
        )
        self.cancel_button = QPushButton(QCoreApplication.translate("BulkBox", "Cancel"))
        self.cancel_button.setObjectName("bulkCancelButton")
        self.cancel_button.setAccessibleName(QCoreApplication.translate("BulkBox", "Cancel the bulk action"))
        self.cancel_button.setAccessibleDescription(
            QCoreApplication.translate("BulkBox", "Send nothing more; requests already sent finish")
        )
        self.cancel_button.setToolTip(
            QCoreApplication.translate("BulkBox", "Send nothing more; requests already sent finish")
        )
        for control in (
            select_all_button,
            select_stuck_button,
            self.line_choice,
            self.free_button,
            self.status_button,
        ):
            row.addWidget(control)
        row.addStretch(1)
        at_a_time = QLabel(QCoreApplication.translate("BulkBox", "At a &time"))
        at_a_time.setBuddy(self.concurrency_input)
        for widget in (at_a_time, self.concurrency_input, self.dry_run_check, self.cancel_button):
            row.addWidget(widget)
        layout.addLayout(row)
        self.results = BulkResultsPanel()
        layout.addWidget(self.results, 1)
