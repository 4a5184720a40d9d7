"""The audit tab of the supervisor console: the trail as recorded, filtered as you type, exported as CSV.

It reads the journal's audit table (a local SQLite query, no request); the window reloads it after every action
so what was just done is always on top. Agents are named from the roster the window shows; every column is as
wide as what it holds (nothing is cut), and times are whole: date and time, the UTC offset in the tooltip and the
CSV.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from ccdesk.core.audit import AuditTrail, export_csv
from ccdesk.ui.icons import icon
from ccdesk.ui.qt import (
    QAbstractItemView,
    QCoreApplication,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ccdesk.ui.supervisor_models import AuditModel
from ccdesk.ui.supervisor_tables import fit_columns, fit_wrapped_column, narrow_columns
from ccdesk.ui.theme import set_role

FILTER_DELAY_MS = 150  # one query per pause in typing, not one per key
REASONS_WIDTH = 400  # 8x8's reasons wrap at this width rather than push the other columns out of view


class AuditPanel(QWidget):
    """Audit records newest first; `message` carries status-bar text to the window."""

    message = Signal(str, int)

    def __init__(
        self,
        audit: AuditTrail,
        names: Callable[[], Mapping[str, str]] = dict,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._audit = audit
        self._names = names
        self.model = AuditModel(self)
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.filter_input = QLineEdit()
        self.filter_input.setObjectName("auditFilterInput")
        self.filter_input.setAccessibleName(
            QCoreApplication.translate("AuditPanel", "Filter the audit trail")
        )
        self.filter_input.setAccessibleDescription(
            QCoreApplication.translate(
                "AuditPanel",
                "Shows only the records that contain what you type; the table follows as you type",
            )
        )
        self.filter_input.setPlaceholderText(
            QCoreApplication.translate(
                "AuditPanel", "Filter by agent, interaction, action, outcome, request or reasons"
            )
        )
        self.filter_input.setClearButtonEnabled(True)
        self._delay = QTimer(self)
        self._delay.setSingleShot(True)
        self._delay.setInterval(FILTER_DELAY_MS)
        self._delay.timeout.connect(self.reload)
        self.filter_input.textChanged.connect(lambda _t: self._delay.start())
        self.count_label = QLabel()
        self.count_label.setObjectName("auditCountLabel")
        self.count_label.setAccessibleName(QCoreApplication.translate("AuditPanel", "Records shown"))
        set_role(self.count_label, "hint")
        self.export_button = QPushButton(
            icon("copy"), QCoreApplication.translate("AuditPanel", "Export CSV…")
        )
        self.export_button.setObjectName("auditExportButton")
        self.export_button.setAccessibleName(
            QCoreApplication.translate("AuditPanel", "Export the audit records shown as CSV")
        )
        self.export_button.setAccessibleDescription(
            QCoreApplication.translate(
                "AuditPanel", "Asks where to save a CSV file of the records the filter shows"
            )
        )
        self.export_button.clicked.connect(self.export)
        row.addWidget(self.filter_input, 1)
        row.addWidget(self.count_label)
        row.addWidget(self.export_button)
        layout.addLayout(row)
        self.table = QTableView()
        self.table.setObjectName("auditTable")
        self.table.setAccessibleName(QCoreApplication.translate("AuditPanel", "Audit trail"))
        self.table.setAccessibleDescription(
            QCoreApplication.translate(
                "AuditPanel",
                "Every action taken from this console, newest first; arrow keys move between records",
            )
        )
        self.table.setModel(self.model)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; the arrows move inside it
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(True)  # the reasons wrap (their column has a width cap); the others fit
        self.table.setShowGrid(False)  # a grid paints each cell 1 px narrower than its row was measured: "…"
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        narrow_columns(self.table)
        layout.addWidget(self.table, 1)

    def reload(self) -> None:
        """Read the trail again with the current filter."""
        text = self.filter_input.text().strip()
        self.model.set_records(self._audit.records(text=text), self._names())
        reasons = AuditModel.REASONS
        fit_columns(self.table, [c for c in range(self.model.columnCount()) if c != reasons])
        fit_wrapped_column(self.table, reasons, REASONS_WIDTH)
        self.table.resizeRowsToContents()
        count = self.model.rowCount()
        if count:
            self.count_label.setText(QCoreApplication.translate("AuditPanel", "%n record(s)", None, count))
        elif text:
            self.count_label.setText(QCoreApplication.translate("AuditPanel", "No records match."))
        else:
            self.count_label.setText(QCoreApplication.translate("AuditPanel", "No actions recorded yet."))

    def export(self) -> None:
        """Write the records shown (the filter applies) to a CSV file that reads back to the same records."""
        path, _ = QFileDialog.getSaveFileName(
            self,
            QCoreApplication.translate("AuditPanel", "Export audit trail"),
            str(Path.home() / "ccdesk-audit.csv"),
            QCoreApplication.translate("AuditPanel", "CSV files (*.csv)"),
        )
        if not path:
            return
        try:
            count = export_csv(self.model.records, Path(path), self.model.names)
        except OSError as exc:
            problem = QCoreApplication.translate("AuditPanel", "Could not write {path}: {reason}")
            self.message.emit(problem.format(path=path, reason=exc.strerror or exc), 15000)
            return
        done = QCoreApplication.translate("AuditPanel", "Exported %n audit record(s) to {path}.", None, count)
        self.message.emit(done.format(path=path), 10000)
