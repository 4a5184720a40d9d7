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
from ccdesk.core.bulk import internal_error, internal_failure, result_error
from ccdesk.core.explain import present
from ccdesk.core.journal import CallState
from ccdesk.core.local_files import LocalFileError, os_problem_words
from ccdesk.core.operations import Action, Operation, OperationResult, Outcome, perform
from ccdesk.core.profiles import remember_bulk_status_method
from ccdesk.core.roster import Roster, RosterEntry, entries_from_file, read_roster_csv, status_codes_for
from ccdesk.ui.agent_states import state_words
from ccdesk.ui.bridge import Bridge, TaskResult
from ccdesk.ui.dialogs import confirm
from ccdesk.ui.i18n import decimal
from ccdesk.ui.icons import app_icon, icon
from ccdesk.ui.plain import plain_labels, plain_tip
from ccdesk.ui.qt import (
    QAbstractItemView,
    QAction,
    QCheckBox,
    QComboBox,
    QCoreApplication,
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
from ccdesk.ui.supervisor_confirm import BulkPlan, confirm_bulk
from ccdesk.ui.supervisor_dialogs import InteractionDialog, StatusDialog
from ccdesk.ui.supervisor_models import (
    RosterFilter,
    RosterModel,
    StatusFilter,
    filter_words,
    result_text,
    title_text,
)
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


class SupervisorWindow(QMainWindow):
    """The supervisor console; works on a shared bridge (from the main window) or its own."""

    def __init__(self, session: Session, bridge: Bridge | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("supervisorWindow")
        self.setWindowIcon(app_icon())
        self.setWindowTitle(
            QCoreApplication.translate("SupervisorWindow", "ccdesk supervisor — {tenant} ({where})").format(
                tenant=session.settings.tenant, where=session.where
            )
        )
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
        tabs.setAccessibleName(QCoreApplication.translate("SupervisorWindow", "Supervisor views"))
        tabs.setAccessibleDescription(
            QCoreApplication.translate(
                "SupervisorWindow", "The roster of agents, and the audit trail of actions"
            )
        )
        tabs.addTab(
            self._build_roster_tab(),
            icon("people"),
            QCoreApplication.translate("SupervisorWindow", "&Roster"),
        )
        self.audit_panel = AuditPanel(self.audit, self._names)
        self.audit_panel.message.connect(self.statusBar().showMessage)
        tabs.addTab(self.audit_panel, QCoreApplication.translate("SupervisorWindow", "&Audit trail"))
        self.tabs = tabs
        self.setCentralWidget(tabs)
        self.statusBar().setObjectName("supervisorStatusBar")
        self.demo_latency = QLabel()
        self.demo_latency.setObjectName("demoLatencyLabel")
        self.demo_latency.setAccessibleName(
            QCoreApplication.translate("SupervisorWindow", "Simulator latency")
        )
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
            QCoreApplication.translate("SupervisorWindow", "Refresh roster"),
            "F5",
            self.refresh_roster,
            "refreshAction",
            "redial",
        )
        free_line = QCoreApplication.translate("SupervisorWindow", "Free line {line}…")
        self.free_line1_action = self._action(
            free_line.format(line=1), "Ctrl+Alt+1", partial(self.free_line, 1), "freeLine1Action", "free"
        )
        self.free_line2_action = self._action(
            free_line.format(line=2), "Ctrl+Alt+2", partial(self.free_line, 2), "freeLine2Action", "free"
        )
        self.free_all_action = self._action(
            QCoreApplication.translate("SupervisorWindow", "Free all lines…"),
            "Ctrl+Alt+0",
            self.free_all_lines,
            "freeAllAction",
            "free",
        )
        self.interaction_action = self._action(
            QCoreApplication.translate("SupervisorWindow", "Hang up or end a call…"),
            "Ctrl+I",
            self.hang_up_or_end,
            "interactionAction",
            "hangup",
        )
        self.status_action = self._action(
            QCoreApplication.translate("SupervisorWindow", "Set status…"),
            "Ctrl+Shift+S",
            self.set_status,
            "setStatusAction",
            "people",
        )
        self.select_all_action = self._action(
            QCoreApplication.translate("SupervisorWindow", "Select all shown"),
            "Ctrl+Shift+A",
            self.select_all_shown,
            "selectAllAction",
        )
        self.select_stuck_action = self._action(
            QCoreApplication.translate("SupervisorWindow", "Select stuck"),
            "Ctrl+Shift+K",
            self.select_stuck,
            "selectStuckAction",
            "warning",
        )
        self.select_stuck_action.setToolTip(
            QCoreApplication.translate(
                "SupervisorWindow",
                "Select only the agents shown that are stuck: busy or in wrap-up longer than the minutes set "
                "({keys})",
            ).format(keys="Ctrl+Shift+K")
        )
        self._action(
            QCoreApplication.translate("SupervisorWindow", "Find agent"),
            "Ctrl+F",
            self._focus_filter,
            "findAgentAction",
        )
        self._action(
            QCoreApplication.translate("SupervisorWindow", "Close"),
            "Ctrl+W",
            self.close,
            "closeSupervisorAction",
        )
        self._single_actions = (
            self.free_line1_action,
            self.free_line2_action,
            self.free_all_action,
            self.interaction_action,
            self.status_action,
        )

    def _button(self, action: QAction, name: str, description: str, text: str | None = None) -> QPushButton:
        """A button that triggers an action, so button, menu and shortcut do exactly the same; its accessible
        name is the action's full text (the button's own can be shorter)."""
        button = QPushButton(action.icon(), text or action.text())
        button.setObjectName(name)
        button.setAccessibleName(action.text().rstrip("…"))
        button.setAccessibleDescription(description)
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
        self.roster_table.setAccessibleName(QCoreApplication.translate("SupervisorWindow", "Agents"))
        self.roster_table.setAccessibleDescription(
            QCoreApplication.translate(
                "SupervisorWindow",
                "The tenant's agents. Arrow keys move and select; Shift with the arrows, or Ctrl with the arrows "
                "then Space, selects several; Enter hangs up or ends a call of the selected agent; the menu key "
                "lists the actions.",
            )
        )
        self.roster_table.setModel(self.roster_proxy)
        self.roster_table.setTabKeyNavigation(
            False
        )  # Tab leaves the table for the buttons; arrows move inside
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
        open_call = QAction(self.roster_table)  # Enter does what a double click does
        open_call.setObjectName("rosterEnterAction")
        open_call.setShortcuts([QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)])
        open_call.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        open_call.triggered.connect(lambda _checked=False: self.hang_up_or_end())
        self.roster_table.addAction(open_call)
        for signal in (
            self.roster_proxy.modelReset,
            self.roster_proxy.layoutChanged,
            self.roster_proxy.rowsInserted,
            self.roster_proxy.rowsRemoved,
        ):
            signal.connect(lambda *_: self._update_count())

        self.roster_empty = QLabel()
        self.roster_empty.setObjectName("rosterEmptyLabel")
        self.roster_empty.setAccessibleName(QCoreApplication.translate("SupervisorWindow", "Roster state"))
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
        self.action_note.setAccessibleName(
            QCoreApplication.translate("SupervisorWindow", "Result of the last action")
        )
        self.action_note.setWordWrap(True)
        self.action_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        plain_labels(self.action_note)  # 8x8's words
        self.action_note.hide()
        top_layout.addWidget(self.action_note)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setObjectName("supervisorSplitter")
        splitter.addWidget(top)
        self.bulk = BulkBox(
            self._button(
                self.select_all_action,
                "selectAllShownButton",
                QCoreApplication.translate("SupervisorWindow", "Selects every agent the filters show"),
            ),
            self._button(
                self.select_stuck_action,
                "selectStuckButton",
                QCoreApplication.translate(
                    "SupervisorWindow",
                    "Selects the agents shown that are busy or in wrap-up longer than the minutes set",
                ),
            ),
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
        self.filter_input.setAccessibleName(QCoreApplication.translate("SupervisorWindow", "Filter agents"))
        self.filter_input.setAccessibleDescription(
            QCoreApplication.translate(
                "SupervisorWindow",
                "Shows only the agents whose name, id, status or code contains what you type",
            )
        )
        self.filter_input.setPlaceholderText(
            QCoreApplication.translate("SupervisorWindow", "Filter by name, id or status ({keys})").format(
                keys="Ctrl+F"
            )
        )
        self.filter_input.setClearButtonEnabled(True)
        self.filter_input.textChanged.connect(self.roster_proxy.set_text)
        self.group_input = QLineEdit()
        self.group_input.setObjectName("rosterGroupInput")
        self.group_input.setAccessibleName(QCoreApplication.translate("SupervisorWindow", "Agent group id"))
        self.group_input.setPlaceholderText(QCoreApplication.translate("SupervisorWindow", "Group id (all)"))
        self.group_input.setClearButtonEnabled(True)
        group_tip = QCoreApplication.translate(
            "SupervisorWindow",
            "Read only the agents of this agent group (the Agent Status API's groupId); empty: every agent",
        )
        self.group_input.setToolTip(group_tip)
        self.group_input.setAccessibleDescription(group_tip)
        self.group_input.editingFinished.connect(self._on_group_changed)
        self._group = ""
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("rosterStatusFilter")
        self.status_filter.setAccessibleName(
            QCoreApplication.translate("SupervisorWindow", "Show agents by status")
        )
        self.status_filter.setAccessibleDescription(
            QCoreApplication.translate(
                "SupervisorWindow", "Shows all agents, the stuck ones, or only those in one status"
            )
        )
        for choice in StatusFilter:
            self.status_filter.addItem(filter_words(choice), choice)
        self.status_filter.setItemData(
            1,
            QCoreApplication.translate(
                "SupervisorWindow", "Busy or in wrap-up for longer than the minutes beside"
            ),
            Qt.ItemDataRole.ToolTipRole,
        )
        self.status_filter.currentIndexChanged.connect(
            lambda _i: self.roster_proxy.set_status(self.status_filter.currentData())
        )
        self.stuck_minutes = QSpinBox()
        self.stuck_minutes.setObjectName("stuckMinutesInput")
        self.stuck_minutes.setAccessibleName(
            QCoreApplication.translate("SupervisorWindow", "Stuck after minutes")
        )
        self.stuck_minutes.setRange(1, 24 * 60)
        self.stuck_minutes.setValue(10)
        self.stuck_minutes.setSuffix(QCoreApplication.translate("SupervisorWindow", " min"))
        stuck_tip = QCoreApplication.translate(
            "SupervisorWindow", "An agent busy or in wrap-up longer than this is stuck"
        )
        self.stuck_minutes.setToolTip(stuck_tip)
        self.stuck_minutes.setAccessibleDescription(stuck_tip)
        self.stuck_minutes.valueChanged.connect(self.roster_proxy.set_stuck_minutes)
        self.auto_refresh_check = QCheckBox(QCoreApplication.translate("SupervisorWindow", "Refresh every"))
        self.auto_refresh_check.setObjectName("autoRefreshCheck")
        self.auto_refresh_check.setAccessibleName(
            QCoreApplication.translate("SupervisorWindow", "Refresh the roster automatically")
        )
        self.auto_refresh_check.setAccessibleDescription(
            QCoreApplication.translate(
                "SupervisorWindow", "Reads the roster again every so many seconds, set beside"
            )
        )
        self.auto_refresh_check.toggled.connect(self._set_auto_refresh)
        self.auto_refresh_seconds = QSpinBox()
        self.auto_refresh_seconds.setObjectName("autoRefreshSeconds")
        self.auto_refresh_seconds.setAccessibleName(
            QCoreApplication.translate("SupervisorWindow", "Seconds between refreshes")
        )
        self.auto_refresh_seconds.setAccessibleDescription(
            QCoreApplication.translate(
                "SupervisorWindow", "How often the roster is read again when Refresh every is on"
            )
        )
        self.auto_refresh_seconds.setRange(5, 3600)
        self.auto_refresh_seconds.setValue(30)
        self.auto_refresh_seconds.setSuffix(QCoreApplication.translate("SupervisorWindow", " s"))
        self.auto_refresh_seconds.valueChanged.connect(
            lambda _v: self._set_auto_refresh(self.auto_refresh_check.isChecked())
        )
        self.refresh_button = self._button(
            self.refresh_action,
            "rosterRefreshButton",
            QCoreApplication.translate("SupervisorWindow", "Reads every agent and their status again"),
            QCoreApplication.translate("SupervisorWindow", "Refresh"),
        )
        self.count_label = QLabel()
        self.count_label.setObjectName("rosterCountLabel")
        self.count_label.setAccessibleName(QCoreApplication.translate("SupervisorWindow", "Agents shown"))
        set_role(self.count_label, "hint")
        plain_labels(self.count_label)
        self.stream_state = StreamIndicator(
            self,
            "rosterStreamLabel",
            QCoreApplication.translate("SupervisorWindow", "Live status updates"),
            280,
        )
        self.stream_state.ticker.timeout.connect(self._render_stream)
        row.addWidget(self.filter_input, 2)
        row.addWidget(self.group_input)
        row.addWidget(self.status_filter)
        stuck_after = QLabel(QCoreApplication.translate("SupervisorWindow", "stuck &after"))
        stuck_after.setBuddy(self.stuck_minutes)
        row.addWidget(stuck_after)
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
        self.banner.setAccessibleName(QCoreApplication.translate("SupervisorWindow", "Roster problem"))
        row = QHBoxLayout(self.banner)
        mark = QLabel()
        mark.setPixmap(icon("warning").pixmap(24, 24))
        mark.setAccessibleName(QCoreApplication.translate("SupervisorWindow", "Warning"))
        self.banner_text = QLabel()
        self.banner_text.setObjectName("rosterBannerText")
        self.banner_text.setAccessibleName(QCoreApplication.translate("SupervisorWindow", "Roster problem"))
        self.banner_text.setWordWrap(True)
        plain_labels(self.banner_text)  # the platform's reasons, file paths
        self.banner_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.import_button = QPushButton(QCoreApplication.translate("SupervisorWindow", "Import roster CSV…"))
        self.import_button.setObjectName("importRosterButton")
        self.import_button.setAccessibleName(
            QCoreApplication.translate(
                "SupervisorWindow", "Import a roster from a CSV file of agent id and name"
            )
        )
        self.import_button.setAccessibleDescription(
            QCoreApplication.translate(
                "SupervisorWindow",
                "Asks for the file; freeing lines, ending calls and setting status work for its agents",
            )
        )
        self.import_button.clicked.connect(self.import_roster)
        row.addWidget(mark, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.banner_text, 1)
        row.addWidget(self.import_button, 0, Qt.AlignmentFlag.AlignTop)
        self.banner.hide()
        return self.banner

    def _build_single_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        caption = QLabel(QCoreApplication.translate("SupervisorWindow", "Selected agent:"))
        set_role(caption, "hint")
        row.addWidget(caption)
        free_line = QCoreApplication.translate(
            "SupervisorWindow",
            "Frees line {line} of the selected agent, after a question; a caller on it is cut off",
        )
        self.free_line1_button = self._button(
            self.free_line1_action, "freeLine1Button", free_line.format(line=1)
        )
        self.free_line2_button = self._button(
            self.free_line2_action, "freeLine2Button", free_line.format(line=2)
        )
        self.free_all_button = self._button(
            self.free_all_action,
            "freeAllButton",
            QCoreApplication.translate(
                "SupervisorWindow",
                "Frees every line of the selected agent, after a question; callers are cut off",
            ),
        )
        self.interaction_button = self._button(
            self.interaction_action,
            "interactionButton",
            QCoreApplication.translate(
                "SupervisorWindow", "Asks which call of the selected agent to hang up or end"
            ),
            QCoreApplication.translate("SupervisorWindow", "Call…"),
        )
        self.set_status_button = self._button(
            self.status_action,
            "setStatusButton",
            QCoreApplication.translate(
                "SupervisorWindow", "Asks for a status and a status code for the selected agent"
            ),
        )
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

        menu = QMenu(QCoreApplication.translate("SupervisorWindow", "&Demo"), self)
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
        self.demo_latency.setText(
            QCoreApplication.translate(
                "SupervisorWindow", "Demo: the simulator answers after {seconds} s"
            ).format(seconds=decimal(seconds))
        )

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
        self._submit(
            "roster", QCoreApplication.translate("SupervisorWindow", "Read the roster"), read, self._on_roster
        )

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

    @staticmethod
    def _api_off_text() -> str:
        return QCoreApplication.translate(
            "SupervisorWindow",
            "The Agent Status API is switched off for this tenant (8x8 answered “403 - Forbidden.”), so ccdesk "
            "cannot list agents or their statuses. Ask 8x8 support to enable it. Meanwhile, import a CSV file of "
            "agent id and name: freeing lines, ending calls and setting status still work for those agents.",
        )

    def _show_roster_problem(self, error: BaseException | None) -> None:
        denied = isinstance(error, AgentStatusApiOffError)
        if denied:
            text = self._api_off_text()
        else:
            text = present(
                error, outcome=QCoreApplication.translate("SupervisorWindow", "The roster could not be read.")
            ).text()
        if self._imported():
            count = self.roster_model.rowCount()  # (a plain name: lupdate drops a count given as a call)
            text += "\n" + QCoreApplication.translate(
                "SupervisorWindow",
                "Showing the %n agent(s) imported from a file.",
                None,
                count,
            )
        self.banner_text.setText(text)
        self.import_button.setVisible(denied)
        self.banner.show()
        self.statusBar().showMessage(
            QCoreApplication.translate(
                "SupervisorWindow", "The roster could not be read; see the note above the table."
            ),
            10000,
        )

    def _imported(self) -> bool:
        entries = self.roster_model.entries
        return bool(entries) and entries[0].from_file

    def import_roster(self) -> None:
        """A roster from a CSV of agent id, name, for tenants without the Agent Status API."""
        path, _ = QFileDialog.getOpenFileName(
            self,
            QCoreApplication.translate("SupervisorWindow", "Import roster"),
            str(Path.home()),
            QCoreApplication.translate("SupervisorWindow", "CSV files (*.csv);;All files (*)"),
        )
        if not path:
            return
        try:
            imported = read_roster_csv(Path(path))
        except CCDeskError as exc:
            nothing = QCoreApplication.translate("SupervisorWindow", "Nothing was imported.")
            self.statusBar().showMessage(present(exc, outcome=nothing).summary, 15000)
            return
        self._set_entries(entries_from_file(imported))
        count = len(imported)
        showing = QCoreApplication.translate(
            "SupervisorWindow", "Showing the %n agent(s) imported from {file}.", None, count
        ).format(file=Path(path).name)
        self.banner_text.setText(f"{self._api_off_text()}\n{showing}")
        self.statusBar().showMessage(
            QCoreApplication.translate(
                "SupervisorWindow", "Imported %n agent(s) from {path}.", None, count
            ).format(path=path),
            8000,
        )
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
        if total == 1:  # (one message for 1, one for more: the English reads right with no catalogue)
            count = QCoreApplication.translate("SupervisorWindow", "{shown} of %n agent", None, total)
        else:
            count = QCoreApplication.translate("SupervisorWindow", "{shown} of %n agents", None, total)
        self.count_label.setText(count.format(shown=shown))
        if total == 0 and self._roster_read and self._group:
            empty = QCoreApplication.translate("SupervisorWindow", "No agents in group {group}.").format(
                group=self._group
            )
        elif total == 0 and not self._roster_read:
            empty = QCoreApplication.translate("SupervisorWindow", "Reading the roster…")
        elif total == 0:
            empty = QCoreApplication.translate("SupervisorWindow", "No agents in the roster.")
        elif shown == 0:
            empty = QCoreApplication.translate("SupervisorWindow", "No agents match the filter.")
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
        count = len(stuck)
        if count == 1:
            text = QCoreApplication.translate(
                "SupervisorWindow", "Selected %n agent stuck for more than {minutes} min.", None, count
            )
        elif count:
            text = QCoreApplication.translate(
                "SupervisorWindow", "Selected %n agents stuck for more than {minutes} min.", None, count
            )
        else:
            text = QCoreApplication.translate(
                "SupervisorWindow", "No agent shown is busy or in wrap-up for more than {minutes} min."
            )
        self.statusBar().showMessage(text.format(minutes=f"{minutes:g}"), 8000)

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
        title = QCoreApplication.translate("SupervisorWindow", "Set status of {agent}").format(
            agent=entry.agent.name or entry.agent_id
        )
        dialog = StatusDialog(title, self._codes_for, self)
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
        title = title_text(op)
        if frees and on_call:
            text = QCoreApplication.translate(
                "SupervisorWindow",
                "{action}?\n\nAgent: {agent}\n\nThe agent is on a call. Callers on these lines will be "
                "disconnected.\n\nccdesk sends:\n{request}\n\nThis cannot be undone.",
            )
        else:
            text = QCoreApplication.translate(
                "SupervisorWindow",
                "{action}?\n\nAgent: {agent}\n\nccdesk sends:\n{request}\n\nThis cannot be undone.",
            )
        question = text.format(action=title, agent=who, request=op.request_line(self.who.tenant))
        if not confirm(self, title, question):
            return
        self.statusBar().showMessage(self._sending(title))
        self._submit(f"agent:{op.agent_id}", title, partial(self._perform, op), self._on_performed)

    @staticmethod
    def _sending(action: str) -> str:
        return QCoreApplication.translate("SupervisorWindow", "{action}: sending…").format(action=action)

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
            unrecorded = QCoreApplication.translate(
                "SupervisorWindow", "{action}: the result is not in the audit trail."
            )
            shown = present(task.error, outcome=unrecorded.format(action=task.name))
            self._note(shown.summary, shown.details, error=True)
            return
        result = task.value
        self.roster_model.set_result(result)
        self._fit_roster()
        name = self._names().get(result.operation.agent_id) or result.operation.agent_id
        words = QCoreApplication.translate("SupervisorWindow", "{agent}: {result}.").format(
            agent=name, result=result_text(result)
        )
        error = result_error(result)
        if error is None:
            self._note(words, "; ".join(result.reasons), error=False)
        elif result.outcome is Outcome.NOTHING:  # the advice says it: "Nothing to free on that line: …"
            shown = present(error)
            said = QCoreApplication.translate("SupervisorWindow", "{agent}: {problem}").format(
                agent=name, problem=shown.summary
            )
            self._note(said, shown.details, error=False)
        else:
            shown = present(error, outcome=words)
            self._note(shown.summary, shown.details, error=True)
        self.refresh_roster()

    def _note(self, summary: str, details: str, *, error: bool) -> None:
        """The last single action's result below the roster, wrapped and never cut; 8x8's words in its tooltip,
        and the first sentence in the status bar."""
        self.action_note.setText(summary)
        said = QCoreApplication.translate("SupervisorWindow", "8x8 said: {reasons}")
        self.action_note.setToolTip(plain_tip(said.format(reasons=details) if details else ""))
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
        verb = QCoreApplication.translate("SupervisorWindow", "Free lines")
        plan = self._plan_for(entries, ops, self._free_title(line, len(ops)), verb, frees=True)
        self._start_bulk(plan)

    @staticmethod
    def _free_title(line: int | None, count: int) -> str:
        """ "Free all lines of 4 agents": one message for 1 agent, one for more, so the English reads right with
        no catalogue installed."""
        if line is None and count == 1:
            return QCoreApplication.translate("SupervisorWindow", "Free all lines of %n agent", None, count)
        if line is None:
            return QCoreApplication.translate("SupervisorWindow", "Free all lines of %n agents", None, count)
        if count == 1:
            title = QCoreApplication.translate(
                "SupervisorWindow", "Free line {line} of %n agent", None, count
            )
        else:
            title = QCoreApplication.translate(
                "SupervisorWindow", "Free line {line} of %n agents", None, count
            )
        return title.format(line=line)

    def bulk_set_status(self) -> None:
        entries = self.selected_entries()
        if not entries:
            return
        count = len(entries)
        if count == 1:
            title = QCoreApplication.translate("SupervisorWindow", "Set status of %n agent", None, count)
        else:
            title = QCoreApplication.translate("SupervisorWindow", "Set status of %n agents", None, count)
        dialog = StatusDialog(title, self._codes_for, self)
        if not dialog.exec():
            return
        change = dialog.change()
        method = self._bulk_method()
        ops = [Operation(Action.SET_STATUS, e.agent_id, change=change, bulk_method=method) for e in entries]
        what = self._status_title(count, state_words(change.status), change.short_code or "")
        verb = QCoreApplication.translate("SupervisorWindow", "Set status")
        self._start_bulk(self._plan_for(entries, ops, what, verb, frees=False))

    @staticmethod
    def _status_title(count: int, status: str, code: str) -> str:
        """ "Set 2 agents to On break (Lunch)": one message for 1 agent, one for more (see `_free_title`)."""
        if code and count == 1:
            title = QCoreApplication.translate(
                "SupervisorWindow", "Set %n agent to {status} ({code})", None, count
            )
        elif code:
            title = QCoreApplication.translate(
                "SupervisorWindow", "Set %n agents to {status} ({code})", None, count
            )
        elif count == 1:
            title = QCoreApplication.translate("SupervisorWindow", "Set %n agent to {status}", None, count)
        else:
            title = QCoreApplication.translate("SupervisorWindow", "Set %n agents to {status}", None, count)
        return title.format(status=status, code=code)

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
            self.statusBar().showMessage(self._sending(what))
        self._update_actions()

    def cancel_bulk(self) -> None:
        if self._bulk is not None:
            self._bulk.cancel()
            self.results.summary.setText(
                QCoreApplication.translate(
                    "SupervisorWindow", "Cancelling: nothing more is sent; waiting for requests in flight…"
                )
            )
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
        done = QCoreApplication.translate("SupervisorWindow", "{action}: {counts}.")
        self.statusBar().showMessage(done.format(action=task.name, counts=self.results.counts_text()), 20000)
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
            outcome = QCoreApplication.translate(
                "SupervisorWindow", "ccdesk could not remember that bulk status takes {method}."
            ).format(method=method)
            shown = present(exc, outcome=outcome)
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
        problem = error.problem if isinstance(error, LocalFileError) else os_problem_words(error)
        journal = self.session.journal.path
        count = len(job.unrecorded)
        return QCoreApplication.translate(
            "SupervisorWindow",
            "%n result(s) are not in the audit trail: the journal {journal} {problem}. "
            "The rows above are their only record.",
            None,
            count,
        ).format(journal=journal, problem=problem)

    def _dry_run(self, ops: Sequence[Operation]) -> None:
        """List exactly what would be sent and send nothing; the audit trail still notes the dry run."""
        lines = [op.request_line(self.who.tenant) for op in ops]
        count = len(ops)
        self.results.start(count, dry_run_lines=lines)
        self.statusBar().showMessage(
            QCoreApplication.translate(
                "SupervisorWindow", "Dry run: %n request(s) listed; nothing was sent.", None, count
            ),
            10000,
        )
        name = QCoreApplication.translate("SupervisorWindow", "Dry run")
        self._submit("bulk", name, partial(self._record_dry_run, list(ops)), self._on_dry_run_done)

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
            outcome = QCoreApplication.translate(
                "SupervisorWindow", "Status changes are shown but not remembered."
            )
            shown = present(result.problem, outcome=outcome)
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
            extra += "\n\n" + QCoreApplication.translate(
                "SupervisorWindow",
                "Statuses here change as 8x8 publishes them, and “in this status” counts from the time 8x8 gives "
                "the change. Refresh reads every agent again.",
            )
        if outside := self._stream_outside:
            extra += "\n" + QCoreApplication.translate(
                "SupervisorWindow",
                "%n status change(s) since the last read were for agents not listed here (another group, or new): "
                "they are not added until Refresh lists them.",
                None,
                outside,
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
            nothing = QCoreApplication.translate("SupervisorWindow", "{action}: nothing was sent.").format(
                action=name
            )
            self._note(present(exc, outcome=nothing).summary, "", error=True)
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
