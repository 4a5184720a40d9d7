"""The agent's window: header, dialing on the left, the two lines on the right, recent calls below.

All API work goes through the Bridge: one lane per line (so codes are sent before an end on the same line) and
separate lanes for the agent's status. The journal is written on the worker right after the platform answers,
before the window hears of it, so a crash never loses an interaction id.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

from ccdesk import __version__
from ccdesk.api.errors import (
    AuthenticationError,
    CCDeskError,
    ConnectionFailedError,
    GoneError,
    OutcomeUnknownError,
    PermissionDeniedError,
    RateLimitedError,
    RequestTimeoutError,
)
from ccdesk.api.models import (
    AgentState,
    AgentStatus,
    ApiResult,
    PlaceCallRequest,
    PlaceCallResult,
    StatusChange,
    TransactionCode,
)
from ccdesk.core.explain import explain
from ccdesk.core.journal import CallRecord, CallState
from ccdesk.core.lines import LINES, LineBook, LineState
from ccdesk.ui.bridge import Bridge, TaskResult
from ccdesk.ui.dial_panel import DialPanel, DialRequest
from ccdesk.ui.dialogs import confirm
from ccdesk.ui.icons import app_icon, icon
from ccdesk.ui.line_panel import LinePanel
from ccdesk.ui.qt import (
    QAction,
    QApplication,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QKeySequence,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSettings,
    QSplitter,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ccdesk.ui.session import Session
from ccdesk.ui.theme import set_role

if TYPE_CHECKING:
    from ccdesk.api.client import CCClient
    from ccdesk.api.retry import RetryNotice
    from ccdesk.ui.tray import Tray

log = logging.getLogger("ccdesk.ui")

STATUS_CHOICES = (
    (AgentState.WAIT_TRANSACT, "Available"),
    (AgentState.ON_BREAK, "On break"),
    (AgentState.WORK_OFFLINE, "Work offline"),
    (AgentState.LOGGED_OUT, "Logged out"),
)

#: action -> (line 1 keys, line 2 keys)
LINE_SHORTCUTS = {
    "hang_up": ("Ctrl+H", "Ctrl+Shift+H"),
    "end": ("Ctrl+E", "Ctrl+Shift+E"),
    "codes": ("Ctrl+T", "Ctrl+Shift+T"),
    "free": ("Ctrl+Alt+1", "Ctrl+Alt+2"),
}
STATUS_REFRESH_MS = 30_000
FIRST_REQUEST_FALLBACK_MS = 300  # when no paint comes (minimised start), read the status anyway
_RECENT_STATES = {
    CallState.DIALING: "dialling",
    CallState.LIVE: "on a call",
    CallState.WRAP_UP: "wrap-up",
    CallState.ENDED: "ended",
    CallState.FAILED: "failed",
    CallState.UNKNOWN: "outcome unknown",
}


def _lane(line: int) -> str:
    return f"line:{line}"


class MainWindow(QMainWindow):
    """ccdesk's main window. Build it with ccdesk.app.create_main_window."""

    retry_notice = Signal(object)  # RetryNotice, emitted from worker threads
    #: a link or number handed over by a later launch (emitted from the instance listener's thread)
    incoming_link = Signal(str)

    def __init__(self, session: Session, *, bridge_threads: int = 4) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowIcon(app_icon())
        self.session = session
        self.bridge = Bridge(lambda: self.session.client, self, threads=bridge_threads)
        self.bridge.finished.connect(self._on_any_result)
        self.retry_notice.connect(self._on_retry_notice)
        self.lines = LineBook()
        self._agent: AgentStatus | None = None
        self._status_api = True
        self._closing = False
        self._painted = False
        self._quitting = False
        self._after_paint: list[Callable[[], None]] = [self._first_request]
        self.tray: Tray | None = None
        self.supervisor: QMainWindow | None = None
        self.incoming_link.connect(self.handle_link)

        self._build_header()
        self.dial_panel = DialPanel()
        self.dial_panel.dial_requested.connect(self.dial)
        self.dial_panel.presets_changed.connect(self._save_presets)
        self.panels: dict[int, LinePanel] = {}
        right = QVBoxLayout()
        right.setSpacing(10)
        for number in LINES:
            panel = LinePanel(number)
            panel.hang_up_clicked.connect(self.hang_up)
            panel.end_clicked.connect(self.end_call)
            panel.codes_clicked.connect(self.pick_codes)
            panel.free_clicked.connect(self.free_line)
            for action, keys in LINE_SHORTCUTS.items():
                panel.set_shortcut_hint(action, keys[number - 1])
            self.panels[number] = panel
            right.addWidget(panel, 1)
        self.free_all_button = QPushButton(icon("free"), "Free all lines…")
        self.free_all_button.setObjectName("freeAllLinesButton")
        self.free_all_button.setAccessibleName("Free all lines")
        self.free_all_button.setToolTip(
            "End the agent's involvement in every call on both lines (Ctrl+Alt+0)"
        )
        self.free_all_button.clicked.connect(self.free_all_lines)
        free_row = QHBoxLayout()
        note = QLabel("Lines as ccdesk tracks them: 8x8 uses the agent's first free line.")
        set_role(note, "hint")
        note.setWordWrap(True)
        free_row.addWidget(note, 1)
        free_row.addWidget(self.free_all_button)
        right.addLayout(free_row)
        right.addWidget(self._build_recent())

        left_widget = QWidget()
        left_layout = QVBoxLayout(left_widget)
        left_layout.setContentsMargins(0, 0, 8, 0)
        left_layout.addWidget(self.dial_panel)
        right_widget = QWidget()
        right_widget.setLayout(right)
        right.setContentsMargins(8, 0, 0, 0)
        splitter = QSplitter()
        splitter.setObjectName("mainSplitter")
        splitter.addWidget(left_widget)
        splitter.addWidget(right_widget)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)

        central = QWidget()
        outer = QVBoxLayout(central)
        outer.setContentsMargins(12, 10, 12, 6)
        outer.addWidget(self.header)
        outer.addWidget(splitter, 1)
        self.setCentralWidget(central)
        self._build_menus()
        self.statusBar().setObjectName("statusBar")

        self._ticker = QTimer(self)
        self._ticker.setInterval(1000)
        self._ticker.timeout.connect(self._tick)
        self._ticker.start()
        self._status_timer = QTimer(self)
        self._status_timer.setInterval(STATUS_REFRESH_MS)
        self._status_timer.timeout.connect(self.refresh_agent_status)
        self._status_timer.start()

        self.resize(1120, 760)
        self._restore_geometry()
        self.apply_session(session, first=True)

    # -- construction ---------------------------------------------------------------------------------------

    def _build_header(self) -> None:
        self.header = QWidget()
        self.header.setObjectName("header")
        row = QHBoxLayout(self.header)
        row.setContentsMargins(0, 0, 0, 6)
        self.identity_label = QLabel()
        self.identity_label.setObjectName("identityLabel")
        set_role(self.identity_label, "heading")
        self.identity_label.setAccessibleName("Agent")
        self.where_label = QLabel()
        self.where_label.setObjectName("whereLabel")
        set_role(self.where_label, "hint")
        self.connection_label = QLabel()
        self.connection_label.setObjectName("connectionLabel")
        self.connection_label.setAccessibleName("Connection state")
        self.demo_label = QLabel("DEMO · simulated 8x8")
        self.demo_label.setObjectName("demoBadge")
        set_role(self.demo_label, "demo")
        self.demo_label.setToolTip("ccdesk is talking to its built-in simulator, not to 8x8")
        self.status_input = QComboBox()
        self.status_input.setObjectName("agentStatusInput")
        self.status_input.setAccessibleName("Agent status")
        self.status_input.setMinimumWidth(170)
        for state, label in STATUS_CHOICES:
            self.status_input.addItem(label, int(state))
        self.status_input.activated.connect(self._on_status_chosen)
        self.status_note = QLabel()
        self.status_note.setObjectName("agentStatusLabel")
        set_role(self.status_note, "hint")
        text = QVBoxLayout()
        text.setSpacing(0)
        text.addWidget(self.identity_label)
        text.addWidget(self.where_label)
        row.addLayout(text)
        row.addSpacing(12)
        row.addWidget(self.demo_label)
        row.addStretch(1)
        row.addWidget(self.connection_label)
        row.addSpacing(12)
        row.addWidget(self.status_note)
        status_caption = QLabel("&Status")
        status_caption.setBuddy(self.status_input)
        row.addWidget(status_caption)
        row.addWidget(self.status_input)

    def _build_recent(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 4, 0, 0)
        bar = QHBoxLayout()
        caption = QLabel("Recent calls")
        set_role(caption, "heading")
        bar.addWidget(caption)
        bar.addStretch(1)
        self.redial_button = QPushButton(icon("redial"), "Redial")
        self.redial_button.setObjectName("redialButton")
        self.redial_button.setAccessibleName("Put the selected recent number in the dial field")
        self.redial_button.setToolTip("Put the selected number in the dial field (Ctrl+R)")
        self.redial_button.clicked.connect(self._redial)
        self.copy_recent_button = QPushButton(icon("copy"), "Copy")
        self.copy_recent_button.setObjectName("copyRecentButton")
        self.copy_recent_button.setAccessibleName("Copy the selected recent call's number and interaction id")
        self.copy_recent_button.clicked.connect(self._copy_recent)
        bar.addWidget(self.redial_button)
        bar.addWidget(self.copy_recent_button)
        self.recent_list = QListWidget()
        self.recent_list.setObjectName("recentCallsList")
        self.recent_list.setAccessibleName("Recent calls")
        self.recent_list.setMaximumHeight(150)
        self.recent_list.itemDoubleClicked.connect(lambda _item: self._redial())
        self.recent_list.currentRowChanged.connect(lambda _row: self._refresh_recent_buttons())
        layout.addLayout(bar)
        layout.addWidget(self.recent_list)
        return box

    def _action(
        self,
        text: str,
        keys: str | QKeySequence.StandardKey | None,
        slot: Callable[[], Any],
        name: str = "",
        icon_name: str = "",
    ) -> QAction:
        action = QAction(text, self)
        if icon_name:
            action.setIcon(icon(icon_name))
        if keys is not None:
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        if name:
            action.setObjectName(name)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        file_menu.addAction(
            self._action("&Settings…", "Ctrl+,", self.open_settings, "settingsAction", "settings")
        )
        file_menu.addAction(
            self._action(
                "Su&pervisor console…", "Ctrl+Shift+O", self.open_supervisor, "supervisorAction", "people"
            )
        )
        file_menu.addSeparator()
        prefs = self._settings_file()
        for key, text, name in (
            ("closeToTray", "&Close to tray", "closeToTrayAction"),
            ("startMinimised", "Start &minimised to the tray", "startMinimisedAction"),
        ):
            toggle = self._action(text, None, lambda: None, name)
            toggle.setCheckable(True)
            toggle.setChecked(prefs.value(key, False, type=bool))
            toggle.toggled.connect(lambda on, key=key: self._set_preference(key, on))
            file_menu.addAction(toggle)
        file_menu.addSeparator()
        file_menu.addAction(self._action("&Quit", QKeySequence.StandardKey.Quit, self.quit, "quitAction"))
        call_menu = bar.addMenu("&Call")
        call_menu.addAction(
            self._action("&Dial", "Ctrl+Return", self.dial_panel.request_dial, "dialAction", "phone")
        )
        call_menu.addAction(self._action("Focus the &number field", "Ctrl+L", self._focus_number))
        call_menu.addAction(self._action("&Redial selected recent call", "Ctrl+R", self._redial))
        labels = {"hang_up": "Hang up", "end": "End call", "codes": "Transaction codes…", "free": "Free line"}
        slots = {
            "hang_up": self._click("hang_up"),
            "end": self._click("end"),
            "codes": self._click("codes"),
            "free": self._click("free"),
        }
        for number in LINES:
            call_menu.addSeparator()
            for action, keys in LINE_SHORTCUTS.items():
                call_menu.addAction(
                    self._action(
                        f"Line {number}: {labels[action]}", keys[number - 1], partial(slots[action], number)
                    )
                )
        call_menu.addSeparator()
        call_menu.addAction(self._action("Free &all lines…", "Ctrl+Alt+0", self.free_all_lines, "", "free"))
        self.demo_menu = bar.addMenu("&Demo")
        help_menu = bar.addMenu("&Help")
        help_menu.addAction(self._action("&Keyboard shortcuts", "F1", self.show_shortcuts))
        help_menu.addAction(self._action("&About ccdesk", None, self.show_about, "aboutAction"))

    def _click(self, action: str) -> Callable[[int], None]:
        """Menu and shortcut do exactly what the panel's button does, and nothing when it is disabled."""

        def run(number: int) -> None:
            button = self.panels[number]._buttons[action]
            if button.isEnabled():
                button.click()

        return run

    # -- session --------------------------------------------------------------------------------------------

    def apply_session(self, session: Session, *, first: bool = False) -> None:
        """Show a (new) profile: header, lists, catalog, and calls the journal says may still be live."""
        if not first and self.session is not session:
            if self.supervisor is not None:  # its roster and actions belong to the old profile
                self.supervisor.close()
                self.supervisor = None
            self.session.close()
        self.session = session
        session.retry_listener = self.retry_notice.emit
        profile = session.profile
        self.dial_panel.set_region(session.settings.region)
        self.dial_panel.set_choices(profile.caller_ids, profile.queues, profile.dial_plans)
        self.dial_panel.set_presets(profile.data_presets)
        self.demo_label.setVisible(session.is_demo)
        self.demo_menu.menuAction().setVisible(session.is_demo)
        if session.is_demo:
            from ccdesk.ui.demo_menu import populate_demo_menu

            populate_demo_menu(
                self.demo_menu, lambda: session.simulator, session.agent_id, self.statusBar().showMessage
            )
        self._agent = None
        self._status_api = True
        self.lines = LineBook()
        leftovers = self.lines.restore(
            session.journal.open_calls(tenant=session.settings.tenant, agent_id=session.agent_id)
        )
        restored = [n for n in LINES if self.lines[n].interaction_id]
        for record in leftovers:
            if record.state is CallState.DIALING:
                session.journal.dial_failed(
                    record.id, "ccdesk stopped before the platform answered", outcome_unknown=True
                )
        self._refresh_header()
        self._show_lines()
        self.when_painted(self._refresh_recent)  # history can arrive a moment after the window
        self._set_connection("Connecting…", "#7a8594")
        if restored:
            self.statusBar().showMessage(
                f"Restored {len(restored)} call(s) from the journal: line(s) {', '.join(map(str, restored))}.",
                15000,
            )
        unknown = [r for r in leftovers if r.display]
        if unknown:
            self.statusBar().showMessage(
                f"A call to {unknown[-1].display} may have been placed before ccdesk stopped: check the agent's "
                "lines before dialling it again.",
                20000,
            )
        if self._painted:
            self.refresh_agent_status()
        else:  # the first request brings in the HTTP stack: let the window paint first
            QTimer.singleShot(FIRST_REQUEST_FALLBACK_MS, self._first_request)

    def _refresh_header(self) -> None:
        s = self.session.settings
        name = self._agent.name if self._agent and self._agent.name else ""
        agent = f"{name} ({s.agent_id})" if name else (s.agent_id or "no agent set")
        self.identity_label.setText(agent)
        name = self.session.profile.name
        profile = f"Profile {name}" if name else "Settings from the command line"
        self.where_label.setText(f"{profile} · tenant {s.tenant} · {self.session.where}")
        self.setWindowTitle(
            f"ccdesk — {name or s.agent_id} @ {s.tenant}" + (" (demo)" if self.session.is_demo else "")
        )

    def _set_connection(self, text: str, colour: str) -> None:
        self.connection_label.setText(f"<span style='color:{colour}'>●</span> {text}")

    # -- dialing --------------------------------------------------------------------------------------------

    def dial(self, request: DialRequest) -> None:
        """Place a call on the line 8x8 will use (the first free one), journalling it before sending."""
        line_no = self.lines.free_line()
        if line_no is None:
            self.dial_panel.set_in_flight(False)
            self.statusBar().showMessage(
                "Both lines hold calls as far as ccdesk knows: end or free a line first.", 10000
            )
            return
        agent = self.session.agent_id
        try:
            body = PlaceCallRequest(
                agent_id=agent,
                prefix=request.dial.prefix,
                number=request.dial.number,
                caller_id=request.caller_id,
                queue_id=request.queue_id,
                dialplan_id=request.dialplan_id,
                force_call=request.force_call,
                ext_transaction_data=request.ext_data,
                ctl_user_data=request.ctl_data,
            )
        except CCDeskError as exc:
            self.dial_panel.set_in_flight(False)
            self.statusBar().showMessage(str(exc), 10000)
            return
        journal = self.session.journal
        row = journal.begin_dial(
            profile=self.session.profile.name,
            tenant=self.session.settings.tenant,
            agent_id=agent,
            display=request.dial.display,
            prefix=request.dial.prefix,
            number=request.dial.number,
            line=line_no,
        )
        self.lines.update(
            line_no,
            state=LineState.DIALING,
            display=request.dial.display,
            interaction_id="",
            started_at=time.time(),
            codes=(),
            error="",
            advice="",
            outcome_unknown=False,
        )
        self._show_line(line_no)

        def place(client: CCClient) -> PlaceCallResult:
            try:
                result = client.place_call(body)
            except CCDeskError as exc:
                journal.dial_failed(row, str(exc), outcome_unknown=isinstance(exc, OutcomeUnknownError))
                raise
            journal.placed(row, result.interaction_id, line_no)  # before anything else, on the worker
            return result

        self.bridge.submit(_lane(line_no), "dial", place, partial(self._dialled, line_no))
        self.statusBar().showMessage(f"Line {line_no}: dialling {request.dial.preview}…")

    def _dialled(self, line_no: int, result: TaskResult[PlaceCallResult]) -> None:
        self.dial_panel.set_in_flight(False)
        if result.ok and result.value is not None:
            placed = result.value
            self.lines.update(line_no, state=LineState.LIVE, interaction_id=placed.interaction_id)
            note = " The agent is handling other interactions." if placed.agent_was_busy else ""
            self.statusBar().showMessage(f"Line {line_no}: {placed.summary}.{note}", 10000)
        else:
            error = result.error
            unknown = isinstance(error, OutcomeUnknownError)
            self.lines.update(
                line_no, state=LineState.FAILED, outcome_unknown=unknown, **self._error_fields(error)
            )
            self._report_error(f"Line {line_no}: dial", error)
        self._show_line(line_no)
        self._refresh_recent()
        self.refresh_agent_status()

    # -- line actions ---------------------------------------------------------------------------------------

    def hang_up(self, line_no: int) -> None:
        line = self.lines[line_no]
        iid, agent, journal = line.interaction_id, self.session.agent_id, self.session.journal

        def work(client: CCClient) -> ApiResult:
            result = client.hang_up(iid, agent)
            journal.hung_up(iid)
            return result

        self._run(line_no, "hang_up", work, self._hung_up)

    def _hung_up(self, line_no: int, result: TaskResult[ApiResult]) -> None:
        if result.ok:
            self.lines.update(line_no, state=LineState.WRAP_UP, error="", advice="")
        self._after(line_no, "hang up", result)

    def end_call(self, line_no: int, end_post_processing: bool) -> None:
        line = self.lines[line_no]
        missing = self.session.catalog.missing_mandatory(line.codes)
        if end_post_processing and missing:
            names = ", ".join(m.name for m in missing)
            question = (
                f"Required transaction codes are missing: {names}.\n\nEnd post-processing anyway? "
                "The call will be recorded without them."
            )
            if not confirm(self, "End wrap-up without required codes?", question):
                return
        iid, journal = line.interaction_id, self.session.journal

        def work(client: CCClient) -> ApiResult:
            result = client.end_call(iid, end_post_processing=end_post_processing)
            journal.ended(iid)
            return result

        self._run(line_no, "end", work, self._ended)

    def _ended(self, line_no: int, result: TaskResult[ApiResult]) -> None:
        if result.ok or isinstance(result.error, GoneError):
            if isinstance(result.error, GoneError):
                self.session.journal.ended(self.lines[line_no].interaction_id)
            self.lines.reset(line_no)
        self._after(line_no, "end call", result)

    def pick_codes(self, line_no: int) -> None:
        from ccdesk.ui.codes_picker import CodesDialog  # loaded on first use, not at start-up

        line = self.lines[line_no]
        dialog = CodesDialog(
            self.session.catalog,
            line.codes,
            self._recent_codes(),
            self,
            title=f"Transaction codes — Line {line_no}",
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.set_codes(line_no, dialog.selected_codes())

    def set_codes(self, line_no: int, codes: list[TransactionCode]) -> None:
        """Send the chosen codes for the call on `line_no` (in order with other work on that line)."""
        line = self.lines[line_no]
        iid, agent, journal = line.interaction_id, self.session.agent_id, self.session.journal

        def work(client: CCClient) -> ApiResult:
            result = client.set_transaction_codes(iid, agent, codes)
            journal.codes_set(iid, [str(c) for c in codes])
            return result

        self._run(line_no, "codes", work, partial(self._codes_set, codes))

    def _codes_set(self, codes: list[TransactionCode], line_no: int, result: TaskResult[ApiResult]) -> None:
        if result.ok:
            self.lines.update(line_no, codes=tuple(codes), error="", advice="")
        self._after(line_no, "set codes", result)

    def free_line(self, line_no: int) -> None:
        """Free the platform's line N, whatever ccdesk believes is on it."""
        agent, journal = self.session.agent_id, self.session.journal

        def work(client: CCClient) -> ApiResult:
            result = client.free_line(agent, line_no)
            journal.lines_freed(agent, line_no, result.reasons)
            return result

        self._run(line_no, "free", work, self._line_freed)

    def _line_freed(self, line_no: int, result: TaskResult[ApiResult]) -> None:
        if result.ok or _nothing_to_free(result.error):
            self.lines.reset(line_no)
            if not result.ok:
                self.statusBar().showMessage(f"Line {line_no}: {explain(result.error)}", 10000)  # type: ignore
                self._show_line(line_no)
                self._refresh_recent()
                return
        self._after(line_no, "free line", result)

    def free_all_lines(self) -> None:
        question = (
            f"End agent {self.session.agent_id}'s involvement in every call on both lines?\n\n"
            "Callers on those lines are disconnected from the agent."
        )
        if not confirm(self, "Free all lines?", question):
            return
        agent, journal = self.session.agent_id, self.session.journal

        def work(client: CCClient) -> ApiResult:
            result = client.free_lines(agent)
            journal.lines_freed(agent)
            return result

        self.free_all_button.setEnabled(False)
        self.free_all_button.setText("Freeing…")
        self.bridge.submit("lines", "free all", work, self._all_freed)

    def _all_freed(self, result: TaskResult[ApiResult]) -> None:
        self._refresh_recent()
        self.free_all_button.setEnabled(True)
        self.free_all_button.setText("Free all lines…")
        if result.ok or _nothing_to_free(result.error):
            for number in LINES:
                self.lines.reset(number)
            self._show_lines()
            message = result.value.summary if result.ok and result.value else explain(result.error)  # type: ignore
            self.statusBar().showMessage(f"All lines: {message}", 10000)
        else:
            self._report_error("Free all lines", result.error)
        self.refresh_agent_status()

    def _run(
        self,
        line_no: int,
        action: str,
        work: Callable[[CCClient], ApiResult],
        done: Callable[[int, TaskResult[ApiResult]], None],
    ) -> None:
        panel = self.panels[line_no]
        panel.set_busy(action, True)

        def finished(result: TaskResult[ApiResult]) -> None:
            panel.set_busy(action, False)
            done(line_no, result)

        self.bridge.submit(_lane(line_no), action, work, finished)

    def _after(self, line_no: int, what: str, result: TaskResult[ApiResult]) -> None:
        self._refresh_recent()
        if result.ok and result.value is not None:
            self.statusBar().showMessage(f"Line {line_no}: {result.value.summary}", 10000)
        elif not result.ok:
            if isinstance(result.error, GoneError):
                self.lines.reset(line_no)
            self.lines.update(line_no, **self._error_fields(result.error))
            self._report_error(f"Line {line_no}: {what}", result.error)
        self._show_line(line_no)
        self.refresh_agent_status()

    # -- errors ---------------------------------------------------------------------------------------------

    @staticmethod
    def _error_fields(error: BaseException | None) -> dict[str, str]:
        if isinstance(error, CCDeskError):
            status = f"HTTP {error.status}: " if error.status else ""
            return {"error": f"{status}{error.detail}", "advice": explain(error)}
        log.error("unexpected failure", exc_info=error)
        return {
            "error": f"Unexpected error: {error!r}",
            "advice": "This is a bug in ccdesk; please report it.",
        }

    def _report_error(self, where: str, error: BaseException | None) -> None:
        fields = self._error_fields(error)
        self.statusBar().showMessage(f"{where} failed: {fields['error']} — {fields['advice']}", 20000)
        if not self.isVisible() or self.isMinimized():
            self.ensure_tray().notify(f"ccdesk: {where} failed", f"{fields['error']}\n{fields['advice']}")

    def _on_any_result(self, result: TaskResult[Any]) -> None:
        """Keep the header's connection state true to the last answer."""
        error = result.error
        if result.ok or (
            isinstance(error, CCDeskError)
            and error.status
            and error.status < 500
            and not isinstance(error, AuthenticationError)
        ):
            self._set_connection("Connected", "#1f9d55")
        elif isinstance(error, AuthenticationError):
            self._set_connection("Token rejected — open Settings", "#d64545")
        elif isinstance(error, ConnectionFailedError | RequestTimeoutError | OutcomeUnknownError):
            self._set_connection("Offline", "#d64545")
        elif isinstance(error, CCDeskError):
            self._set_connection("Platform error", "#c77700")

    def _on_retry_notice(self, notice: RetryNotice) -> None:
        what = "rate limited" if "429" in notice.reason else notice.reason
        self.statusBar().showMessage(
            f"{notice.method} {notice.path}: {what}; retrying in {notice.delay:.0f} s…",
            int(notice.delay * 1000) + 2000,
        )

    # -- agent status ---------------------------------------------------------------------------------------

    @property
    def agent_status(self) -> AgentStatus | None:
        """The agent as last read from the Agent Status API (None until the first answer, or without the API)."""
        return self._agent

    @property
    def status_settled(self) -> bool:
        """True once the first status read has answered, whatever it said."""
        return self._agent is not None or not self._status_api or bool(self.status_note.text())

    def refresh_agent_status(self) -> None:
        if (
            not self.session.agent_id
            or not self._status_api
            or self.bridge.is_busy("status")
            or self._closing
        ):
            return
        agent = self.session.agent_id
        self.bridge.submit("status", "agent status", lambda c: c.get_agent(agent), self._agent_read)

    def _agent_read(self, result: TaskResult[AgentStatus]) -> None:
        if result.ok and result.value is not None:
            self._agent = result.value
            self._status_api = True
            self.status_input.setEnabled(True)
            index = self.status_input.findData(result.value.status)
            code = f" ({result.value.status_code_short_code})" if result.value.status_code_short_code else ""
            # Busy, post-processing and the like cannot be chosen, but are shown in the same place.
            self.status_input.setPlaceholderText(f"{result.value.label}{code}")
            self.status_input.setCurrentIndex(index)
            self.status_note.setText("")
            self.status_input.setToolTip(f"Agent status: {result.value.label}{code}")
            self._refresh_header()
        elif isinstance(result.error, PermissionDeniedError):
            self._status_api = False
            self.status_input.setEnabled(False)
            self.status_input.setCurrentIndex(-1)
            self.status_note.setText("Status unavailable")
            self.status_input.setToolTip(
                "The Agent Status API is not enabled for this tenant, so ccdesk cannot show or change the "
                "agent's status. Calls still work. 8x8 support can enable it."
            )
            self.status_note.setToolTip(self.status_input.toolTip())
        elif result.error is not None:
            self.status_note.setText("Status unknown")
            self.status_note.setToolTip(str(result.error))

    def _on_status_chosen(self, index: int) -> None:
        state = self.status_input.itemData(index)
        agent = self.session.agent_id
        change = StatusChange(int(state))
        self.status_input.setEnabled(False)

        def done(result: TaskResult[Any]) -> None:
            self.status_input.setEnabled(self._status_api)
            if result.ok:
                self.statusBar().showMessage(f"Status set to {self.status_input.itemText(index)}.", 8000)
            else:
                self._report_error("Set status", result.error)
            self.refresh_agent_status()

        self.bridge.submit("status", "set status", lambda c: c.set_agent_status(agent, change), done)

    # -- views ----------------------------------------------------------------------------------------------

    def _show_line(self, line_no: int) -> None:
        self.panels[line_no].show_line(self.lines[line_no], self.session.catalog)
        if self.tray is not None:
            self.tray.show_state(self.lines)

    def _show_lines(self) -> None:
        for number in LINES:
            self._show_line(number)

    def _tick(self) -> None:
        now = time.time()
        for panel in self.panels.values():
            panel.tick(now)

    def _refresh_recent(self) -> None:
        self.recent_list.clear()
        for record in self.session.journal.recent(30):
            if not record.number:
                continue
            when = time.strftime("%H:%M", time.localtime(record.created_at))
            line = f"line {record.line}  ·  " if record.line else ""
            state = _RECENT_STATES.get(record.state, record.state.value)
            item = QListWidgetItem(f"{when}   {record.display or record.number}   ·  {line}{state}")
            item.setData(Qt.ItemDataRole.UserRole, record)
            item.setToolTip(record.interaction_id or record.last_error or "")
            self.recent_list.addItem(item)
        if not self.recent_list.count():
            empty = QListWidgetItem("No calls yet. Numbers you dial appear here for redial.")
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.recent_list.addItem(empty)
        self._refresh_recent_buttons()

    def _refresh_recent_buttons(self) -> None:
        selected = self._selected_recent() is not None
        self.redial_button.setEnabled(selected)
        self.copy_recent_button.setEnabled(selected)

    def _selected_recent(self) -> CallRecord | None:
        item = self.recent_list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _redial(self) -> None:
        record = self._selected_recent()
        if record is None:
            return
        self.dial_panel.raw_check.setChecked(False)
        self.dial_panel.set_number(f"+{record.prefix}{record.number}" if record.prefix else record.number)

    def _copy_recent(self) -> None:
        record = self._selected_recent()
        if record is not None:
            QApplication.clipboard().setText(
                "\t".join(x for x in (record.display, record.interaction_id or "") if x)
            )

    def _recent_codes(self) -> list[TransactionCode]:
        seen: dict[TransactionCode, None] = {}
        for record in self.session.journal.recent(40):
            for text in record.codes:
                seen.setdefault(TransactionCode.parse(text), None)
        return list(seen)[:6]

    def _focus_number(self) -> None:
        self.dial_panel.number_input.setFocus()
        self.dial_panel.number_input.selectAll()

    def _save_presets(self, presets: dict) -> None:  # type: ignore[type-arg]
        profile = self.session.profile
        profile.data_presets = presets
        if self.session.is_demo:
            return  # the demo profile lives in memory only
        config = self.session.profiles.load()
        if profile.name in config.profiles:
            config.profiles[profile.name].data_presets = presets
            self.session.profiles.save(config)

    # -- dialogs --------------------------------------------------------------------------------------------

    def open_settings(self) -> None:
        from ccdesk.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(
            self.session.profiles,
            self.session.store,
            self._test_connection,
            current=None if self.session.is_demo else self.session.profile.name,
            catalogs_dir=self.session.dirs.config / "catalogs",
            parent=self,
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        name = dialog.chosen_profile()
        if self.session.reconnect is None:
            self.statusBar().showMessage(
                f"Profile {name} saved. Start ccdesk without --demo to use it.", 15000
            )
            return
        try:
            self.apply_session(self.session.reconnect(name))
        except CCDeskError as exc:
            QMessageBox.warning(self, "Cannot use this profile", f"{exc}\n\n{explain(exc)}")

    def open_supervisor(self) -> QMainWindow:
        """The supervisor console for this profile's tenant, sharing this window's session and worker threads."""
        from ccdesk.ui.supervisor import SupervisorWindow

        if self.supervisor is None or self.supervisor.session is not self.session:
            if self.supervisor is not None:
                self.supervisor.close()
            self.supervisor = SupervisorWindow(self.session, self.bridge)
        self.supervisor.show()
        self.supervisor.raise_()
        self.supervisor.activateWindow()
        return self.supervisor

    def _test_connection(self, profile, token, callback) -> None:  # type: ignore[no-untyped-def]
        """Run 'Test connection' for an unsaved profile on a worker; answer on the GUI thread."""
        from ccdesk.core.connection_check import CheckOutcome, ConnectionCheck, check_connection
        from ccdesk.core.settings import client_for_profile

        try:
            client = client_for_profile(profile, token, self.session.store)
        except CCDeskError as exc:
            callback(ConnectionCheck(CheckOutcome.FAILED, f"{exc} {explain(exc)}"))
            return

        def done(result: TaskResult[Any]) -> None:
            client.close()
            if result.ok:
                callback(result.value)
            else:
                callback(ConnectionCheck(CheckOutcome.FAILED, str(result.error)))

        self.bridge.submit(
            "settings",
            "test connection",
            lambda c: check_connection(c, profile.agent_id),
            done,
            client=client,
        )

    def show_shortcuts(self) -> None:
        rows = [
            "Dial: Enter in the number field, or Ctrl+Return",
            "Focus the number field: Ctrl+L",
            "Redial the selected recent call: Ctrl+R",
            "Free all lines: Ctrl+Alt+0",
            "Settings: Ctrl+,",
        ]
        labels = {"hang_up": "Hang up", "end": "End call", "codes": "Transaction codes", "free": "Free line"}
        for action, (one, two) in LINE_SHORTCUTS.items():
            rows.append(f"{labels[action]}: {one} (line 1), {two} (line 2)")
        QMessageBox.information(self, "Keyboard shortcuts", "\n".join(rows))

    def show_about(self) -> None:
        import platform

        import httpx
        import PySide6

        from ccdesk.ui.qt import qt_version

        try:
            keyring_name = self.session.store.backend_name()  # type: ignore[attr-defined]
        except (AttributeError, CCDeskError):
            keyring_name = "none (demo or CCDESK_TOKEN)"
        QMessageBox.about(
            self,
            "About ccdesk",
            f"<h3>ccdesk {__version__}</h3><p>A desktop controller for the 8x8 Contact Center.</p>"
            f"<p>Python {platform.python_version()} · Qt {qt_version()} · PySide6 {PySide6.__version__} · "
            f"httpx {httpx.__version__}<br>Keyring: {keyring_name}<br>Data: {self.session.dirs.data}</p>",
        )

    # -- lifetime -------------------------------------------------------------------------------------------

    def paintEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            for job in self._after_paint:
                QTimer.singleShot(0, job)

    def when_painted(self, job: Callable[[], None]) -> None:
        """Run `job` once the window has first painted (start-up work that people need not wait for)."""
        if self._painted:
            QTimer.singleShot(0, job)
        else:
            self._after_paint.append(job)

    def _first_request(self) -> None:
        self.ensure_tray()
        if not self._agent and not self.bridge.is_busy("status"):
            self.refresh_agent_status()

    # -- links, tray, preferences ---------------------------------------------------------------------------

    def handle_link(self, text: str) -> None:
        """A tel:/callto:/ccdesk: link or a number: fill the dial field (dial only if the profile says so)."""
        from ccdesk.core.links import parse_link

        if text == "supervisor":  # `ccdesk --supervisor` while this window runs: its console, same session
            self.open_supervisor()
            return
        self.bring_to_front()
        if not text or text == "show":
            return
        try:
            intent = parse_link(text)
        except CCDeskError as exc:
            self.statusBar().showMessage(f"Link refused: {exc.detail} Nothing was dialled.", 20000)
            return
        self.dial_panel.apply_intent(intent)
        if self.session.profile.dial_links_at_once and self.dial_panel.dial_button.isEnabled():
            self.dial_panel.request_dial()
        else:
            self.statusBar().showMessage(
                "Number from a link: check the preview, then press Enter to dial.", 15000
            )

    def bring_to_front(self) -> None:
        if self.isMinimized() or not self.isVisible():
            self.showNormal()
        self.raise_()
        self.activateWindow()

    def ensure_tray(self) -> Tray:
        """The tray icon, made after the first paint (or when first needed)."""
        if self.tray is None:
            from ccdesk.ui.tray import Tray, TrayActions  # after the first paint, not at start-up

            actions = TrayActions(
                show=self.bring_to_front,
                dial_clipboard=lambda: self.handle_link(QApplication.clipboard().text()),
                free_line=self.free_line,
                free_all=self.free_all_lines,
                set_status=self._set_status_from_tray,
                quit=self.quit,
            )
            self.tray = Tray(self, actions, [(int(state), label) for state, label in STATUS_CHOICES])
            self.tray.show_state(self.lines)
        return self.tray

    def _set_status_from_tray(self, status: int) -> None:
        index = self.status_input.findData(status)
        if index >= 0 and self.status_input.isEnabled():
            self.status_input.setCurrentIndex(index)
            self._on_status_chosen(index)

    def _set_preference(self, key: str, on: bool) -> None:
        settings = self._settings_file()
        settings.setValue(key, on)
        settings.sync()

    def preference(self, key: str) -> bool:
        return bool(self._settings_file().value(key, False, type=bool))

    def quit(self) -> None:
        """Leave for good (the tray's Quit, File > Quit), even with close-to-tray on."""
        self._quitting = True
        self.close()

    def _settings_file(self) -> QSettings:
        return QSettings(str(self.session.dirs.config / "window.ini"), QSettings.Format.IniFormat)

    def _restore_geometry(self) -> None:
        geometry = self._settings_file().value("geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)

    def closeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        """Wait briefly for requests in flight, then leave; no thread outlives the window."""
        if (
            not self._quitting
            and self.preference("closeToTray")
            and self.tray is not None
            and self.tray.available
        ):
            event.ignore()  # close to the tray: the window hides, calls and requests go on
            self.hide()
            self.tray.notify("ccdesk is still running", "It keeps running in the tray; Quit from its menu.")
            return
        self._closing = True
        if self.supervisor is not None:
            self.supervisor.close()  # cancels a bulk run before the shared bridge shuts down
        if self.tray is not None:
            self.tray.hide()
        self._ticker.stop()
        self._status_timer.stop()
        self.session.dirs.config.mkdir(parents=True, exist_ok=True)
        settings = self._settings_file()
        settings.setValue("geometry", self.saveGeometry())
        settings.sync()
        if self.bridge.pending():
            self.statusBar().showMessage("Waiting for requests in flight…")
        self.bridge.shutdown(3000)
        self.session.close()
        super().closeEvent(event)


def _nothing_to_free(error: BaseException | None) -> bool:
    """The platform's 'nothing there' answers: the line is free, which is what was asked."""
    if not isinstance(error, CCDeskError):
        return False
    return any(
        "no phone interactions in progress" in r or "Failed to find any interaction on line" in r
        for r in error.reasons
    )


__all__ = ["MainWindow", "RateLimitedError"]
