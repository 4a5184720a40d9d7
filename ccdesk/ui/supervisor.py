"""The supervisor console: the tenant's roster, actions on one or many agents, and the audit trail.

Every action is confirmed (naming the agent and the line), sent through the bridge, and recorded in the audit
trail on the worker before its result is shown; the platform's reasons are shown verbatim. Reading the roster,
single actions and bulk runs each have their own lane, so a long bulk run never blocks a refresh.

With an event stream set up for the profile, the console also reads the tenant's AgentStatusChange topic: the
roster follows each status change as 8x8 publishes it, "in this status" counted from the event's time. On opening
it reads the changes 8x8 still holds (from the earliest), so an agent busy since before ccdesk started is busy
since 8x8's time of that change, not since ccdesk first looked; a change older than what 8x8 keeps leaves
ccdesk's own first sighting.

Text is never cut: columns grow to their content (supervisor_tables.py), results wrap, tooltips hold everything.
Errors are worded by `explain.present` (the advice first, 8x8's words second), success in ccdesk's words.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ccdesk.api.errors import AgentStatusApiOffError, CCDeskError
from ccdesk.api.events import AgentStatusEvent
from ccdesk.api.models import BULK_STATUS_METHODS, StatusCode
from ccdesk.core.audit import AuditTrail, Who
from ccdesk.core.bulk import action_words, internal_error, internal_failure, result_error, result_words
from ccdesk.core.explain import present
from ccdesk.core.journal import CallState
from ccdesk.core.local_files import LocalFileError, os_problem
from ccdesk.core.operations import Action, Operation, OperationResult, Outcome, perform
from ccdesk.core.profiles import remember_bulk_status_method
from ccdesk.core.roster import Roster, RosterEntry, entries_from_file, read_roster_csv, status_codes_for
from ccdesk.ui.bridge import Bridge, TaskResult
from ccdesk.ui.dialogs import confirm
from ccdesk.ui.icons import app_icon, icon
from ccdesk.ui.plain import plain_labels, plain_tip
from ccdesk.ui.qt import (
    QAbstractItemView,
    QAction,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QItemSelectionModel,
    QKeySequence,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPoint,
    QPushButton,
    QSpinBox,
    QSplitter,
    Qt,
    QTableView,
    QTabWidget,
    QTimer,
    QVBoxLayout,
    QWidget,
)
from ccdesk.ui.session import Session
from ccdesk.ui.stream_state import StreamIndicator, stream_view
from ccdesk.ui.supervisor_audit import AuditPanel
from ccdesk.ui.supervisor_bulk import BulkBox, BulkJob
from ccdesk.ui.supervisor_confirm import DISCONNECTED, BulkPlan, agents, confirm_bulk
from ccdesk.ui.supervisor_dialogs import InteractionDialog, StatusDialog
from ccdesk.ui.supervisor_models import RosterFilter, RosterModel, StatusFilter
from ccdesk.ui.supervisor_tables import fit_columns, narrow_columns
from ccdesk.ui.theme import set_role

if TYPE_CHECKING:
    from ccdesk.api.client import CCClient
    from ccdesk.api.events import StreamMessage
    from ccdesk.ui.live_stream import LiveStream

log = logging.getLogger("ccdesk.ui.supervisor")

TICK_MS = 5_000  # "in this status" moves on without a request
#: the roster's columns are never narrower than this (In this status: room for "23 h 59 min")
ROSTER_MINIMUM = {RosterModel.SINCE: 96, RosterModel.LAST: 160}
DEFAULT_SIZE = (1180, 760)
#: the tenant's topic of agent status changes (the profile's key reads the whole tenant anyway)
STATUS_TOPIC = "event-v1/AgentStatusChange"
API_OFF_TEXT = (
    "The Agent Status API is switched off for this tenant (8x8 answered “403 - Forbidden.”), so ccdesk "
    "cannot list agents or their statuses. Ask 8x8 support to enable it. Meanwhile, import a CSV file of "
    "agent id and name: freeing lines, ending calls and setting status still work for those agents."
)


class SupervisorWindow(QMainWindow):
    """The supervisor console; works on a shared bridge (from the main window) or its own."""

    def __init__(self, session: Session, bridge: Bridge | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("supervisorWindow")
        self.setWindowIcon(app_icon())
        self.setWindowTitle(f"ccdesk supervisor — {session.settings.tenant} ({session.where})")
        self.resize(*DEFAULT_SIZE)
        self.session = session
        self._own_bridge = bridge is None
        self.bridge = bridge if bridge is not None else Bridge(self)
        self.who = Who("supervisor", session.profile.name, session.settings.username, session.settings.tenant)
        self.audit = AuditTrail(session.journal)
        self._roster = Roster(session.journal, session.settings.tenant)
        self._bulk: BulkJob | None = None
        self._roster_read = False
        #: a refresh was asked for while a read was on its way: one more read follows it
        self._read_again = False
        self._closing = False
        #: 8x8's event stream of status changes (None: not set up, or the console is closed)
        self.stream: LiveStream | None = None
        self.stream_problem = ""  # why the stream is not used although the profile asks for it
        self.stream_warning = ""  # (the window's silence warning; a roster has no calls to miss)
        #: the last message applied, to resume after a drop; a new opening of the console starts at latest
        self._stream_position: str | None = None
        self._stream_outside = 0  # status changes since the last read for agents not listed
        self._stream_was_live = False

        self.roster_model = RosterModel(session.journal.now, self)
        self.roster_model.set_status_codes(session.profile.status_codes)
        self.roster_proxy = RosterFilter(self.roster_model, self)
        self._build_actions()
        tabs = QTabWidget()
        tabs.setObjectName("supervisorTabs")
        tabs.setAccessibleName("Supervisor views")
        tabs.addTab(self._build_roster_tab(), icon("people"), "&Roster")
        self.audit_panel = AuditPanel(self.audit, self._names)
        self.audit_panel.message.connect(self.statusBar().showMessage)
        tabs.addTab(self.audit_panel, "&Audit trail")
        self.tabs = tabs
        self.setCentralWidget(tabs)
        self.statusBar().setObjectName("supervisorStatusBar")
        self.demo_latency = QLabel()
        self.demo_latency.setObjectName("demoLatencyLabel")
        set_role(self.demo_latency, "hint")
        self.statusBar().addPermanentWidget(self.demo_latency)
        self.demo_latency.hide()
        if session.is_demo:
            self._build_demo_menu()

        self._tick = QTimer(self)
        self._tick.setInterval(TICK_MS)
        self._tick.timeout.connect(self._on_tick)
        self._tick.start()
        self._auto_refresh = QTimer(self)
        self._auto_refresh.timeout.connect(self.refresh_roster)
        self._update_actions()
        self._update_count()
        self.reload_audit()
        QTimer.singleShot(0, self.refresh_roster)
        QTimer.singleShot(0, self.start_stream)

    # -- building ---------------------------------------------------------------------------------------

    def _action(
        self, text: str, keys: str, slot: Callable[[], Any], name: str, icon_name: str = ""
    ) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if icon_name:
            action.setIcon(icon(icon_name))
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.setToolTip(f"{text.rstrip('…')} ({keys})")
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.refresh_action = self._action(
            "Refresh roster", "F5", self.refresh_roster, "refreshAction", "redial"
        )
        self.free_line1_action = self._action(
            "Free line 1…", "Ctrl+Alt+1", partial(self.free_line, 1), "freeLine1Action", "free"
        )
        self.free_line2_action = self._action(
            "Free line 2…", "Ctrl+Alt+2", partial(self.free_line, 2), "freeLine2Action", "free"
        )
        self.free_all_action = self._action(
            "Free all lines…", "Ctrl+Alt+0", self.free_all_lines, "freeAllAction", "free"
        )
        self.interaction_action = self._action(
            "Hang up or end a call…", "Ctrl+I", self.hang_up_or_end, "interactionAction", "hangup"
        )
        self.status_action = self._action(
            "Set status…", "Ctrl+Shift+S", self.set_status, "setStatusAction", "people"
        )
        self.select_all_action = self._action(
            "Select all shown", "Ctrl+Shift+A", self.select_all_shown, "selectAllAction"
        )
        self.select_stuck_action = self._action(
            "Select stuck", "Ctrl+Shift+K", self.select_stuck, "selectStuckAction", "warning"
        )
        self.select_stuck_action.setToolTip(
            "Select only the agents shown that are stuck: busy or in wrap-up longer than the minutes set "
            "(Ctrl+Shift+K)"
        )
        self._action("Find agent", "Ctrl+F", self._focus_filter, "findAgentAction")
        self._action("Close", "Ctrl+W", self.close, "closeSupervisorAction")
        self._single_actions = (
            self.free_line1_action,
            self.free_line2_action,
            self.free_all_action,
            self.interaction_action,
            self.status_action,
        )

    def _button(self, action: QAction, name: str, text: str | None = None) -> QPushButton:
        """A button that triggers an action, so button, menu and shortcut do exactly the same."""
        button = QPushButton(action.icon(), text or action.text())
        button.setObjectName(name)
        button.setAccessibleName(action.text().rstrip("…"))
        button.setToolTip(action.toolTip())
        button.clicked.connect(action.trigger)
        return button

    def _build_roster_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addLayout(self._build_filter_row())
        layout.addWidget(self._build_banner())

        self.roster_table = QTableView()
        self.roster_table.setObjectName("rosterTable")
        self.roster_table.setAccessibleName("Agents")
        self.roster_table.setModel(self.roster_proxy)
        self.roster_table.setSortingEnabled(True)
        self.roster_table.sortByColumn(RosterModel.NAME, Qt.SortOrder.AscendingOrder)
        self.roster_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.roster_table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.roster_table.setAlternatingRowColors(True)
        self.roster_table.setWordWrap(False)
        self.roster_table.verticalHeader().hide()
        header = self.roster_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        narrow_columns(self.roster_table)
        self.roster_table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.roster_table.customContextMenuRequested.connect(self._context_menu)
        self.roster_table.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())
        self.roster_table.doubleClicked.connect(lambda _index: self.hang_up_or_end())
        for signal in (
            self.roster_proxy.modelReset,
            self.roster_proxy.layoutChanged,
            self.roster_proxy.rowsInserted,
            self.roster_proxy.rowsRemoved,
        ):
            signal.connect(lambda *_: self._update_count())

        self.roster_empty = QLabel()
        self.roster_empty.setObjectName("rosterEmptyLabel")
        self.roster_empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        set_role(self.roster_empty, "hint")
        plain_labels(self.roster_empty)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.roster_empty)
        top_layout.addWidget(self.roster_table, 1)
        top_layout.addLayout(self._build_single_row())
        self.action_note = QLabel()
        self.action_note.setObjectName("singleActionNote")
        self.action_note.setAccessibleName("Result of the last action")
        self.action_note.setWordWrap(True)
        self.action_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        plain_labels(self.action_note)  # 8x8's words
        self.action_note.hide()
        top_layout.addWidget(self.action_note)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setObjectName("supervisorSplitter")
        splitter.addWidget(top)
        self.bulk = BulkBox(
            self._button(self.select_all_action, "selectAllShownButton"),
            self._button(self.select_stuck_action, "selectStuckButton"),
        )
        self.bulk.free_button.clicked.connect(self.bulk_free)
        self.bulk.status_button.clicked.connect(self.bulk_set_status)
        self.bulk.cancel_button.clicked.connect(self.cancel_bulk)
        self.results = self.bulk.results
        splitter.addWidget(self.bulk)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([DEFAULT_SIZE[1] * 3 // 5, DEFAULT_SIZE[1] * 2 // 5])
        layout.addWidget(splitter, 1)
        return page

    def _build_filter_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.filter_input = QLineEdit()
        self.filter_input.setObjectName("rosterFilterInput")
        self.filter_input.setAccessibleName("Filter agents")
        self.filter_input.setPlaceholderText("Filter by name, id or status (Ctrl+F)")
        self.filter_input.setClearButtonEnabled(True)
        self.filter_input.textChanged.connect(self.roster_proxy.set_text)
        self.group_input = QLineEdit()
        self.group_input.setObjectName("rosterGroupInput")
        self.group_input.setAccessibleName("Agent group id")
        self.group_input.setPlaceholderText("Group id (all)")
        self.group_input.setClearButtonEnabled(True)
        self.group_input.setToolTip(
            "Read only the agents of this agent group (the Agent Status API's groupId); empty: every agent"
        )
        self.group_input.editingFinished.connect(self._on_group_changed)
        self._group = ""
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("rosterStatusFilter")
        self.status_filter.setAccessibleName("Show agents by status")
        for choice in StatusFilter:
            self.status_filter.addItem(choice.value, choice)
        self.status_filter.setItemData(
            1, "Busy or in wrap-up for longer than the minutes beside", Qt.ItemDataRole.ToolTipRole
        )
        self.status_filter.currentIndexChanged.connect(
            lambda _i: self.roster_proxy.set_status(self.status_filter.currentData())
        )
        self.stuck_minutes = QSpinBox()
        self.stuck_minutes.setObjectName("stuckMinutesInput")
        self.stuck_minutes.setAccessibleName("Stuck after minutes")
        self.stuck_minutes.setRange(1, 24 * 60)
        self.stuck_minutes.setValue(10)
        self.stuck_minutes.setSuffix(" min")
        self.stuck_minutes.setToolTip("An agent busy or in wrap-up longer than this is stuck")
        self.stuck_minutes.valueChanged.connect(self.roster_proxy.set_stuck_minutes)
        self.auto_refresh_check = QCheckBox("Refresh every")
        self.auto_refresh_check.setObjectName("autoRefreshCheck")
        self.auto_refresh_check.setAccessibleName("Refresh the roster automatically")
        self.auto_refresh_check.toggled.connect(self._set_auto_refresh)
        self.auto_refresh_seconds = QSpinBox()
        self.auto_refresh_seconds.setObjectName("autoRefreshSeconds")
        self.auto_refresh_seconds.setAccessibleName("Refresh every seconds")
        self.auto_refresh_seconds.setRange(5, 3600)
        self.auto_refresh_seconds.setValue(30)
        self.auto_refresh_seconds.setSuffix(" s")
        self.auto_refresh_seconds.valueChanged.connect(
            lambda _v: self._set_auto_refresh(self.auto_refresh_check.isChecked())
        )
        self.refresh_button = self._button(self.refresh_action, "rosterRefreshButton", "Refresh")
        self.count_label = QLabel()
        self.count_label.setObjectName("rosterCountLabel")
        self.count_label.setAccessibleName("Agents shown")
        set_role(self.count_label, "hint")
        plain_labels(self.count_label)
        self.stream_state = StreamIndicator(self, "rosterStreamLabel", "Live status updates", 280)
        self.stream_state.ticker.timeout.connect(self._render_stream)
        row.addWidget(self.filter_input, 2)
        row.addWidget(self.group_input)
        row.addWidget(self.status_filter)
        row.addWidget(QLabel("stuck after"))
        row.addWidget(self.stuck_minutes)
        row.addWidget(self.count_label, 1)
        row.addWidget(self.stream_state.dot)
        row.addWidget(self.stream_state.label)
        row.addSpacing(8)
        row.addWidget(self.auto_refresh_check)
        row.addWidget(self.auto_refresh_seconds)
        row.addWidget(self.refresh_button)
        return row

    def _build_banner(self) -> QFrame:
        self.banner = QFrame()
        self.banner.setObjectName("rosterBanner")
        self.banner.setFrameShape(QFrame.Shape.StyledPanel)
        self.banner.setAccessibleName("Roster problem")
        row = QHBoxLayout(self.banner)
        mark = QLabel()
        mark.setPixmap(icon("warning").pixmap(24, 24))
        self.banner_text = QLabel()
        self.banner_text.setObjectName("rosterBannerText")
        self.banner_text.setWordWrap(True)
        plain_labels(self.banner_text)  # the platform's reasons, file paths
        self.banner_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.import_button = QPushButton("Import roster CSV…")
        self.import_button.setObjectName("importRosterButton")
        self.import_button.setAccessibleName("Import a roster from a CSV file of agent id and name")
        self.import_button.clicked.connect(self.import_roster)
        row.addWidget(mark, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.banner_text, 1)
        row.addWidget(self.import_button, 0, Qt.AlignmentFlag.AlignTop)
        self.banner.hide()
        return self.banner

    def _build_single_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        caption = QLabel("Selected agent:")
        set_role(caption, "hint")
        row.addWidget(caption)
        self.free_line1_button = self._button(self.free_line1_action, "freeLine1Button")
        self.free_line2_button = self._button(self.free_line2_action, "freeLine2Button")
        self.free_all_button = self._button(self.free_all_action, "freeAllButton")
        self.interaction_button = self._button(self.interaction_action, "interactionButton", "Call…")
        self.set_status_button = self._button(self.status_action, "setStatusButton")
        for button in (
            self.free_line1_button,
            self.free_line2_button,
            self.free_all_button,
            self.interaction_button,
            self.set_status_button,
        ):
            row.addWidget(button)
        row.addStretch(1)
        return row

    def _build_demo_menu(self) -> None:
        """The demo's Demo menu here too (latency, faults), on the session's one simulator."""
        from ccdesk.ui.demo_menu import populate_demo_menu

        menu = QMenu("&Demo", self)
        menu.setObjectName("supervisorDemoMenu")
        populate_demo_menu(
            menu, lambda: self.session.simulator, self.session.agent_id, self.statusBar().showMessage
        )
        for action in menu.findChildren(QAction):
            if action.objectName().startswith("demoLatency_"):
                action.triggered.connect(lambda _checked=False: self._show_latency())
        self.menuBar().addMenu(menu)
        self.demo_latency.show()
        self._show_latency()

    def _show_latency(self) -> None:
        """The demo's simulator latency, always in view: a bulk run at 0 s is over before Cancel can be seen."""
        if not self.session.is_demo:
            return
        seconds = float(self.session.simulator.latency)
        self.demo_latency.setText(f"Demo: the simulator answers after {seconds:g} s")

    # -- roster -----------------------------------------------------------------------------------------

    def refresh_roster(self) -> None:
        """Read the roster again; while a read is on its way, one more follows it (auto-refresh never stacks
        requests, and a group changed meanwhile is still read)."""
        if self._closing:
            return
        if self.bridge.is_busy("roster", self.session):
            self._read_again = True
            return
        self._read_again = False
        self._group = self.group_input.text().strip()
        read = partial(self._read_roster, self._group or None)
        self._submit("roster", "Read the roster", read, self._on_roster)

    def _read_roster(self, group: str | None, client: CCClient) -> tuple[int, list[RosterEntry]]:
        """On the worker: the roster (all its pages; one group's agents when given) and since when (a journal
        write), with the ticket of the status events applied before it was sent (later ones are newer)."""
        ticket = self._roster.ticket()
        return ticket, self._roster.update(client.list_agents(group_id=group), ticket)

    def _on_group_changed(self) -> None:
        if self.group_input.text().strip() != self._group:
            self.refresh_roster()

    def _on_roster(self, task: TaskResult[tuple[int, list[RosterEntry]]]) -> None:
        if self._closing:
            return
        self._roster_read = True
        if task.ok and task.value is not None:
            ticket, entries = task.value
            self.banner.hide()
            # with the status events that came while the read was on its way
            self._set_entries(self._roster.settle(entries, ticket))
            if self._stream_outside:
                self._stream_outside = 0
                self._render_stream()
        else:
            self._show_roster_problem(task.error)
        self._update_count()
        if self._read_again:  # asked for while this one was on its way (a new group, F5, the timer): its lane
            self.refresh_roster()  # is free again (the bridge moves a lane on before the callback)

    def _show_roster_problem(self, error: BaseException | None) -> None:
        denied = isinstance(error, AgentStatusApiOffError)
        text = API_OFF_TEXT if denied else present(error, outcome="The roster could not be read.").text()
        if self._imported():
            text += f"\nShowing the {self.roster_model.rowCount()} agents imported from a file."
        self.banner_text.setText(text)
        self.import_button.setVisible(denied)
        self.banner.show()
        self.statusBar().showMessage("The roster could not be read; see the note above the table.", 10000)

    def _imported(self) -> bool:
        entries = self.roster_model.entries
        return bool(entries) and entries[0].from_file

    def import_roster(self) -> None:
        """A roster from a CSV of agent id, name, for tenants without the Agent Status API."""
        path, _ = QFileDialog.getOpenFileName(
            self, "Import roster", str(Path.home()), "CSV files (*.csv);;All files (*)"
        )
        if not path:
            return
        try:
            imported = read_roster_csv(Path(path))
        except CCDeskError as exc:
            self.statusBar().showMessage(present(exc, outcome="Nothing was imported.").summary, 15000)
            return
        self._set_entries(entries_from_file(imported))
        self.banner_text.setText(
            f"{API_OFF_TEXT}\nShowing the {len(imported)} agents imported from {Path(path).name}."
        )
        self.statusBar().showMessage(f"Imported {len(imported)} agents from {path}.", 8000)
        self._update_count()

    def _set_entries(self, entries: list[RosterEntry]) -> None:
        """New rows, keeping the supervisor's selection and current row on the same agents (by agent id, never by
        row: a refresh after a run must not move what they act on next)."""
        keep = [e.agent_id for e in self.selected_entries()]
        current = self._current_agent()
        self.roster_model.set_entries(entries)
        self._select_agents(keep, current)
        self._fit_roster()

    def _current_agent(self) -> str | None:
        index = self.roster_table.currentIndex()
        if not index.isValid():
            return None
        return str(self.roster_proxy.index(index.row(), RosterModel.AGENT_ID).data())

    def _select_agents(self, agent_ids: Sequence[str], current: str | None = None) -> None:
        """Select exactly these agents among the rows shown; the current row (where the keyboard goes on) is
        `current` when it is one of them, else the first of them."""
        wanted = set(agent_ids)
        selection = self.roster_table.selectionModel()
        rows = [
            row
            for row in range(self.roster_proxy.rowCount())
            if self.roster_proxy.index(row, RosterModel.AGENT_ID).data() in wanted
        ]
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        selection.clearSelection()
        for row in rows:
            selection.select(self.roster_proxy.index(row, 0), flags)
        focus = next(
            (r for r in rows if self.roster_proxy.index(r, RosterModel.AGENT_ID).data() == current),
            rows[0] if rows else None,
        )
        if focus is not None:
            index = self.roster_proxy.index(focus, 0)
            selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)
            self.roster_table.scrollTo(index)
        self._update_actions()

    def _fit_roster(self) -> None:
        fit_columns(self.roster_table, range(RosterModel.LAST), ROSTER_MINIMUM)

    def _set_auto_refresh(self, on: bool) -> None:
        self._auto_refresh.setInterval(self.auto_refresh_seconds.value() * 1000)
        if on:
            self._auto_refresh.start()
        else:
            self._auto_refresh.stop()

    def _on_tick(self) -> None:
        self.roster_model.tick()
        self.roster_proxy.refilter_by_time()
        self._show_latency()

    def _update_count(self) -> None:
        shown, total = self.roster_proxy.rowCount(), self.roster_model.rowCount()
        self.count_label.setText(f"{shown} of {total} agents")
        if total == 0 and self._roster_read and self._group:
            empty = f"No agents in group {self._group}."
        elif total == 0:
            empty = "Reading the roster…" if not self._roster_read else "No agents in the roster."
        elif shown == 0:
            empty = "No agents match the filter."
        else:
            empty = ""
        self.roster_empty.setText(empty)
        self.roster_empty.setVisible(bool(empty))

    def _focus_filter(self) -> None:
        self.tabs.setCurrentIndex(0)
        self.filter_input.setFocus()
        self.filter_input.selectAll()

    def selected_entries(self) -> list[RosterEntry]:
        """The selected agents, in the order shown."""
        rows = sorted(index.row() for index in self.roster_table.selectionModel().selectedRows())
        return [
            self.roster_model.entry(self.roster_proxy.mapToSource(self.roster_proxy.index(r, 0)).row())
            for r in rows
        ]

    def _shown_entries(self) -> list[RosterEntry]:
        """The agents the table shows (filtered), in the order shown."""
        proxy = self.roster_proxy
        return [
            self.roster_model.entry(proxy.mapToSource(proxy.index(row, 0)).row())
            for row in range(proxy.rowCount())
        ]

    def select_all_shown(self) -> None:
        self.roster_table.selectAll()

    def select_stuck(self) -> None:
        """Select the shown agents the Stuck view flags, and no one else (never an Available agent for a free)."""
        now, minutes = self.roster_model.now, float(self.stuck_minutes.value())
        stuck = [entry.agent_id for entry in self._shown_entries() if entry.is_stuck(now, minutes)]
        self._select_agents(stuck)
        if stuck:
            self.statusBar().showMessage(
                f"Selected {agents(len(stuck))} stuck for more than {minutes:g} min.", 8000
            )
        else:
            self.statusBar().showMessage(
                f"No agent shown is busy or in wrap-up for more than {minutes:g} min.", 8000
            )

    def _context_menu(self, pos: QPoint) -> None:
        menu = QMenu(self)
        for action in self._single_actions:
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.select_all_action)
        menu.addAction(self.select_stuck_action)
        menu.addAction(self.refresh_action)
        menu.exec(self.roster_table.viewport().mapToGlobal(pos))

    def _update_actions(self) -> None:
        selected = len(self.roster_table.selectionModel().selectedRows())
        for action in self._single_actions:
            action.setEnabled(selected == 1)
        for button in (
            self.free_line1_button,
            self.free_line2_button,
            self.free_all_button,
            self.interaction_button,
            self.set_status_button,
        ):
            button.setEnabled(selected == 1)
        running = self._bulk is not None
        self.bulk.free_button.setEnabled(selected > 0 and not running)
        self.bulk.status_button.setEnabled(selected > 0 and not running)
        self.bulk.cancel_button.setEnabled(self._bulk is not None and not self._bulk.cancelled)

    def _names(self) -> dict[str, str]:
        return {e.agent_id: e.agent.name for e in self.roster_model.entries}

    # -- single actions ---------------------------------------------------------------------------------

    def _single(self) -> RosterEntry | None:
        entries = self.selected_entries()
        return entries[0] if len(entries) == 1 else None

    def free_line(self, line: int) -> None:
        if (entry := self._single()) is not None:
            self._act(Operation(Action.FREE_LINE, entry.agent_id, line=line), entry)

    def free_all_lines(self) -> None:
        if (entry := self._single()) is not None:
            self._act(Operation(Action.FREE_LINES, entry.agent_id), entry)

    def hang_up_or_end(self) -> None:
        entry = self._single()
        if entry is None:
            return
        calls = self.session.journal.open_calls(agent_id=entry.agent_id)
        dialog = InteractionDialog(entry.agent_id, entry.agent.name, calls, self)
        if dialog.exec():
            self._act(dialog.operation(), entry)

    def set_status(self) -> None:
        entry = self._single()
        if entry is None:
            return
        dialog = StatusDialog(entry.agent.name or entry.agent_id, self._codes_for, self)
        if dialog.exec():
            self._act(Operation(Action.SET_STATUS, entry.agent_id, change=dialog.change()), entry)

    def _codes_for(self, status: int) -> list[StatusCode]:
        """The status codes offered for `status`: the profile's, then those seen in the roster with it."""
        return status_codes_for(status, self.session.profile.status_codes, self.roster_model.entries)

    def _bulk_method(self) -> str:
        """The method the bulk status endpoint is sent with first: the profile's remembered one, else POST."""
        return self.session.profile.bulk_status_method or BULK_STATUS_METHODS[0]

    def _act(self, op: Operation, entry: RosterEntry) -> None:
        if self.bulk.dry_run_check.isChecked():
            self._dry_run([op])
            return
        who = f"{entry.agent.name} ({entry.agent_id})" if entry.agent.name else entry.agent_id
        frees = op.action in (Action.FREE_LINE, Action.FREE_LINES)
        on_call = self._plan_for([entry], [op], "", "", frees=frees).on_call(entry)
        callers = f"\n\nThe agent is on a call. {DISCONNECTED}" if frees and on_call else ""
        text = (
            f"{op.title}?\n\nAgent: {who}{callers}\n\nccdesk sends:\n{op.request_line(self.who.tenant)}\n\n"
            "This cannot be undone."
        )
        if not confirm(self, op.title, text):
            return
        self.statusBar().showMessage(f"{op.title}: sending…")
        self._submit(f"agent:{op.agent_id}", op.title, partial(self._perform, op), self._on_performed)

    def _perform(self, op: Operation, client: CCClient) -> OperationResult:
        """On the worker: send, then write the audit record before anyone sees the result."""
        result = perform(client, op)
        self._record(result)
        return result

    def _record(self, result: OperationResult) -> None:
        """On a worker: the audit record, and the journal's view of lines and calls ccdesk knows."""
        self.audit.record(self.who, result)
        if result.outcome is not Outcome.DONE:
            return
        op, journal = result.operation, self.session.journal
        if op.action in (Action.FREE_LINE, Action.FREE_LINES):
            journal.lines_freed(op.agent_id, op.line, result.reasons)
        elif op.action is Action.HANG_UP:
            journal.hung_up(op.interaction_id)
        elif op.action is Action.END_CALL:
            journal.ended(op.interaction_id)

    def _on_performed(self, task: TaskResult[OperationResult]) -> None:
        if self._closing:
            return
        self.reload_audit()
        if not task.ok or task.value is None:  # only an audit write can fail here: say so, never hide it
            shown = present(task.error, outcome=f"{task.name}: the result is not in the audit trail.")
            self._note(shown.summary, shown.details, error=True)
            return
        result = task.value
        self.roster_model.set_result(result)
        self._fit_roster()
        name = self._names().get(result.operation.agent_id) or result.operation.agent_id
        words = f"{name}: {result_words(result)}."
        error = result_error(result)
        if error is None:
            self._note(words, "; ".join(result.reasons), error=False)
        elif result.outcome is Outcome.NOTHING:  # the advice says it: "Nothing to free on that line: …"
            shown = present(error)
            self._note(f"{name}: {shown.summary}", shown.details, error=False)
        else:
            shown = present(error, outcome=words)
            self._note(shown.summary, shown.details, error=True)
        self.refresh_roster()

    def _note(self, summary: str, details: str, *, error: bool) -> None:
        """The last single action's result below the roster, wrapped and never cut; 8x8's words in its tooltip,
        and the first sentence in the status bar."""
        self.action_note.setText(summary)
        self.action_note.setToolTip(plain_tip(f"8x8 said: {details}" if details else ""))
        set_role(self.action_note, "error" if error else "hint")
        self.action_note.show()
        self.statusBar().showMessage(summary.split(". ")[0].rstrip(".") + ".", 20000)

    # -- bulk -------------------------------------------------------------------------------------------

    def bulk_free(self) -> None:
        entries = self.selected_entries()
        line = self.bulk.line_choice.currentData()
        ops = [
            Operation(Action.FREE_LINES, e.agent_id)
            if line is None
            else Operation(Action.FREE_LINE, e.agent_id, line=line)
            for e in entries
        ]
        what = "Free all lines" if line is None else f"Free line {line}"
        plan = self._plan_for(entries, ops, f"{what} of {agents(len(ops))}", "Free lines", frees=True)
        self._start_bulk(plan)

    def bulk_set_status(self) -> None:
        entries = self.selected_entries()
        if not entries:
            return
        dialog = StatusDialog(agents(len(entries)), self._codes_for, self)
        if not dialog.exec():
            return
        change = dialog.change()
        method = self._bulk_method()
        ops = [Operation(Action.SET_STATUS, e.agent_id, change=change, bulk_method=method) for e in entries]
        what = action_words(ops[0]).replace("Set to", f"Set {agents(len(ops))} to", 1)
        self._start_bulk(self._plan_for(entries, ops, what, "Set status", frees=False))

    def _plan_for(
        self,
        entries: Sequence[RosterEntry],
        ops: Sequence[Operation],
        title: str,
        verb: str,
        *,
        frees: bool,
    ) -> BulkPlan:
        """What the question before an action shows; the journal adds the agents ccdesk knows on a call."""
        try:
            live = {
                call.agent_id
                for call in self.session.journal.open_calls(tenant=self.who.tenant)
                if call.state is CallState.LIVE
            }
        except CCDeskError:  # the journal cannot be read: 8x8's statuses alone say who is on a call
            live = set()
        return BulkPlan(
            title,
            verb,
            list(entries),
            list(ops),
            frees,
            self.bulk.concurrency_input.value(),
            self.who.tenant,
            self.session.journal.now(),
            frozenset(live),
        )

    def _start_bulk(self, plan: BulkPlan) -> None:
        ops, what = plan.operations, plan.title
        if not ops or self._bulk is not None:
            return
        if self.bulk.dry_run_check.isChecked():
            self._dry_run(ops)
            return
        if not confirm_bulk(self, plan):
            return
        job = BulkJob(ops, self.bulk.concurrency_input.value(), self._record, self._on_bulk_result)
        if any(op.action is Action.SET_STATUS for op in ops):
            job.bulk_method = self._bulk_method()
        self.results.start(len(ops), concurrency=self.bulk.concurrency_input.value())
        if self._submit("bulk", what, job, self._on_bulk_done):
            self._bulk = job
            self.statusBar().showMessage(f"{what}: sending…")
        self._update_actions()

    def cancel_bulk(self) -> None:
        if self._bulk is not None:
            self._bulk.cancel()
            self.results.summary.setText("Cancelling: nothing more is sent; waiting for requests in flight…")
            self._update_actions()

    def _on_bulk_result(self, result: OperationResult) -> None:
        if self._closing:
            return
        self.results.add(result, self._names().get(result.operation.agent_id, ""))
        self.roster_model.set_result(result)
        self._fit_roster()

    def _on_bulk_done(self, task: TaskResult[list[OperationResult]]) -> None:
        if self._closing:
            return
        job, self._bulk = self._bulk, None
        problem = ""
        if job is not None:
            job.detach()  # rows still missing are added here, once
            self._show_missing(job, task)
            problem = self._unrecorded_text(job)
        self.results.finish(cancelled=bool(job and job.cancelled), error=task.error, problem=problem)
        self.statusBar().showMessage(f"{task.name}: {self.results.counts_text()}.", 20000)
        if job is not None and job.bulk_method_used:
            self._remember_bulk_method(job.bulk_method_used)
        self._update_actions()
        self.reload_audit()
        self.refresh_roster()

    def _remember_bulk_method(self, method: str) -> None:
        """Keep the bulk status method the tenant accepted in the profile (config.json), to send it first."""
        profile = self.session.profile
        if method == self._bulk_method():
            return
        profile.bulk_status_method = method
        try:
            saved = remember_bulk_status_method(self.session.profiles, profile.name, method)
        except CCDeskError as exc:
            shown = present(exc, outcome=f"ccdesk could not remember that bulk status takes {method}.")
            self.statusBar().showMessage(shown.summary, 20000)
            return
        if saved:
            log.info("profile %s: the bulk status endpoint takes %s; saved", profile.name, method)

    def _show_missing(self, job: BulkJob, task: TaskResult[list[OperationResult]]) -> None:
        """A row for every agent of the run, whatever happened: from the run's results, else a failure."""
        returned = {r.operation.agent_id: r for r in task.value or []}
        for op in job.operations:
            if self.results.shows(op.agent_id):
                continue
            result = returned.get(op.agent_id)
            if result is None:
                error = task.error
                result = internal_error(op, error) if error else internal_failure(op, "no result came back")
            self._on_bulk_result(result)

    def _unrecorded_text(self, job: BulkJob) -> str:
        """Words for results the audit trail lacks (a full disk, a locked journal), or nothing."""
        if not job.unrecorded:
            return ""
        error = job.unrecorded[0][1]
        problem = error.problem if isinstance(error, LocalFileError) else os_problem(error)
        journal = self.session.journal.path
        return (
            f"{len(job.unrecorded)} result(s) are not in the audit trail: the journal {journal} {problem}. "
            "The rows above are their only record."
        )

    def _dry_run(self, ops: Sequence[Operation]) -> None:
        """List exactly what would be sent and send nothing; the audit trail still notes the dry run."""
        lines = [op.request_line(self.who.tenant) for op in ops]
        self.results.start(len(ops), dry_run_lines=lines)
        self.statusBar().showMessage(f"Dry run: {len(ops)} request(s) listed; nothing was sent.", 10000)
        self._submit("bulk", "Dry run", partial(self._record_dry_run, list(ops)), self._on_dry_run_done)

    def _record_dry_run(self, ops: list[Operation], _client: CCClient) -> list[OperationResult]:
        results = [OperationResult(op, Outcome.DRY_RUN, reasons=("Dry run: not sent.",)) for op in ops]
        for result in results:
            self._record(result)
        return results

    def _on_dry_run_done(self, task: TaskResult[list[OperationResult]]) -> None:
        if self._closing:
            return
        names = self._names()
        for result in task.value or []:
            self.results.add(result, names.get(result.operation.agent_id, ""))
            self.roster_model.set_result(result)
        self._fit_roster()
        if task.error is not None:
            self.results.finish(cancelled=False, error=task.error)
        self.reload_audit()

    # -- 8x8's event stream -----------------------------------------------------------------------------

    def start_stream(self) -> None:
        """Follow the tenant's status changes when the session has a stream; without one, reads alone."""
        factory = self.session.stream_factory
        if factory is None or self.stream is not None or self._closing:
            return
        try:
            settings = factory()
        except (CCDeskError, OSError) as exc:
            self.stream_problem = str(exc)
            log.warning("supervisor: event stream not started: %s", exc)
            self._render_stream()
            return
        if settings is None:
            return
        from ccdesk.ui.live_stream import LiveStream

        self.stream_problem = ""
        endpoint = dataclasses.replace(settings.endpoint, topic=STATUS_TOPIC)
        self.stream = LiveStream(
            endpoint,
            settings.key,
            apply=self.apply_stream,
            resume_from=self._resume_from,
            parent=self,
            reader_options={"first_start": "earliest"},  # the changes 8x8 holds: since when, by 8x8's time
        )
        self.stream.status_changed.connect(self._on_stream_status)
        self.stream.start()
        self._render_stream()

    def _resume_from(self) -> str | None:
        """Asked by the reader at every (re)connect: after a drop, the message after the last one applied, so a
        change during the drop keeps its own time; on opening, None: from the earliest change 8x8 holds, applied
        in order, so each agent's last change says since when it is in its status."""
        return self._stream_position

    def apply_stream(self, messages: list[StreamMessage]) -> None:
        """Status events, on the GUI thread in arrival order: the roster's rows change in place."""
        if self._closing or not messages:
            return
        events = [m.body for m in messages if isinstance(m.body, AgentStatusEvent)]
        result = self._roster.apply(events, self.roster_model.by_agent(), self.session.profile.status_codes)
        self._stream_position = messages[-1].message_id
        if result.entries:
            self.roster_model.update_entries(result.entries)
            self._fit_roster()
        if result.outside and self._roster_read:  # (before the first read every agent is "outside")
            self._stream_outside += result.outside
            self._render_stream()
        if result.problem is not None:
            shown = present(result.problem, outcome="Status changes are shown but not remembered.")
            self.statusBar().showMessage(shown.summary, 20000)

    def _on_stream_status(self) -> None:
        """Render the state; on becoming live, read the roster again for what changed while it was not."""
        live = self.stream is not None and self.stream.status.state == "live"
        was_live, self._stream_was_live = self._stream_was_live, live
        self._render_stream()
        if live and not was_live:
            self.refresh_roster()

    def stop_stream(self) -> None:
        """Stop the reader and wait for its thread (the close path: no thread outlives the console)."""
        stream, self.stream = self.stream, None
        self._stream_position = None
        self._stream_was_live = False
        self._stream_outside = 0
        self.stream_state.ticker.stop()
        if stream is not None:
            stream.status_changed.disconnect(self._on_stream_status)
            stream.stop()
            stream.deleteLater()
        self._render_stream()

    def _render_stream(self) -> None:
        """The stream's state beside the refresh controls (plain text: a reason can hold 8x8's words)."""
        view = None if self._closing else stream_view(self)
        extra = ""
        if self.stream is not None:
            extra += (
                "\n\nStatuses here change as 8x8 publishes them, and “in this status” counts from the time "
                "8x8 gives the change. Refresh reads every agent again."
            )
        if self._stream_outside:
            extra += (
                f"\n{self._stream_outside} status change(s) since the last read were for agents not listed "
                "here (another group, or new): they are not added until Refresh lists them."
            )
        self.stream_state.show(view, extra)

    # -- audit ------------------------------------------------------------------------------------------

    def reload_audit(self) -> None:
        """Show the trail as recorded, after every action."""
        self.audit_panel.reload()

    # -- plumbing ---------------------------------------------------------------------------------------

    def _submit(
        self, lane: str, name: str, fn: Callable[[CCClient], Any], callback: Callable[[Any], None]
    ) -> bool:
        """Queue work; a client that cannot be made (no token, bad settings) is reported here, nothing sent."""
        try:
            self.session.client  # noqa: B018 (made here so a settings problem never wedges a lane)
        except CCDeskError as exc:
            self._note(present(exc, outcome=f"{name}: nothing was sent.").summary, "", error=True)
            return False
        self.bridge.submit(lane, name, fn, callback, owner=self.session)
        return True

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        """Opened again from the main window after it was closed: read, tick and follow the stream again."""
        if self._closing and not self._own_bridge:
            self._closing = False
            self._tick.start()
            self._set_auto_refresh(self.auto_refresh_check.isChecked())
            QTimer.singleShot(0, self.refresh_roster)
            QTimer.singleShot(0, self.start_stream)
        super().showEvent(event)

    def closeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        """Stop sending and reading, detach from running work, and drain our own bridge: no thread outlives the
        window."""
        self._closing = True
        self._tick.stop()
        self._auto_refresh.stop()
        self.stop_stream()
        if self._bulk is not None:
            self._bulk.cancel()
            self._bulk.detach()
        if self._own_bridge:
            self.bridge.shutdown(5000)
        super().closeEvent(event)
