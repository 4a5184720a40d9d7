"""The agent's window: header, dialing on the left, the two lines on the right, recent calls below.

A view: it renders what the session's DeskController says (lines, status, messages) and hands it what the agent
asked for; the use cases, the journal writes and the line state live in the controller. Confirmations (ending
wrap-up without its required codes, freeing every line) are asked here, before the controller is told.
"""

from __future__ import annotations

import html
import logging
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ccdesk import __version__
from ccdesk.api.errors import CCDeskError
from ccdesk.api.models import AgentState, StatusCode, TransactionCode
from ccdesk.core.explain import Presentation, explain, present
from ccdesk.core.journal import CallRecord
from ccdesk.core.lines import LINES, AgentCalls, Call, LineState
from ccdesk.core.local_files import LocalFileError, move_aside
from ccdesk.core.phone_links import Route, make_ccdesk_the_phone_app
from ccdesk.core.phone_links import route as phone_links_route
from ccdesk.core.recent import recent_rows, redial_intent
from ccdesk.ui.agent_states import state_words
from ccdesk.ui.bridge import Bridge, ClientOwner, TaskResult, to_gui
from ccdesk.ui.controller import DeskController, task_words
from ccdesk.ui.dial_panel import DialPanel, DialRequest
from ccdesk.ui.dialogs import confirm
from ccdesk.ui.error_bar import ErrorBar
from ccdesk.ui.flow_layout import FlowLayout
from ccdesk.ui.icons import app_icon, icon
from ccdesk.ui.line_panel import LinePanel
from ccdesk.ui.plain import plain_labels, plain_tip
from ccdesk.ui.problem_bar import ProblemBars
from ccdesk.ui.qt import (
    QAction,
    QApplication,
    QBoxLayout,
    QCoreApplication,
    QDialog,
    QEventLoop,
    QFrame,
    QHBoxLayout,
    QKeySequence,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSettings,
    QStyle,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
)
from ccdesk.ui.recent_calls import RecentCalls
from ccdesk.ui.session import Session
from ccdesk.ui.shortcut_guard import ShortcutGuard
from ccdesk.ui.status_button import StatusButton
from ccdesk.ui.stream_state import StreamIndicator, stream_view
from ccdesk.ui.theme import set_role
from ccdesk.ui.wrap_up_list import WrapUpList

if TYPE_CHECKING:
    from ccdesk.ui.supervisor import SupervisorWindow
    from ccdesk.ui.tray import Tray

log = logging.getLogger("ccdesk.ui")

#: the statuses an agent can choose, in the order offered (their words: `agent_states.state_words`)
STATUS_CHOICES = (
    AgentState.WAIT_TRANSACT,
    AgentState.ON_BREAK,
    AgentState.WORK_OFFLINE,
    AgentState.LOGGED_OUT,
)

#: action -> (line 1 keys, line 2 keys)
LINE_SHORTCUTS = {
    "hang_up": ("Ctrl+H", "Ctrl+Shift+H"),
    "end": ("Ctrl+E", "Ctrl+Shift+E"),
    "codes": ("Ctrl+T", "Ctrl+Shift+T"),
    "free": ("Ctrl+Alt+1", "Ctrl+Alt+2"),
}
STATUS_REFRESH_MS = 30_000
MAX_CONTENT_WIDTH = 1480  # wider screens centre the window's content instead of stretching buttons
COMPACT_WIDTH = 360  # compact mode: beside a CRM, lines above the dial panel
FIRST_REQUEST_FALLBACK_MS = 300  # when no paint comes (minimised start), read the status anyway


class _Scrolled(QWidget):
    """The window's content inside its scroll area: as tall as the viewport, or as tall as its minimum needs.

    QScrollArea sizes a widget whose layout wraps (word-wrapped labels, flowing buttons) to its preferred height,
    which put a scroll bar on a window that fits; asking for the minimum height scrolls only when it must. In the
    compact layout the column scrolls anyway, and Qt's minimum for nested wrapping rows came out short (a line
    panel's last row of buttons was cut): there the preferred height is asked for.
    """

    compact = False

    def heightForWidth(self, width: int) -> int:
        layout = self.layout()
        if layout is None:
            return super().heightForWidth(width)
        return layout.heightForWidth(width) if self.compact else layout.minimumHeightForWidth(width)


class MainWindow(QMainWindow):
    """ccdesk's main window. Build it with ccdesk.app.create_main_window."""

    def __init__(self, session: Session, *, bridge_threads: int = 4) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowIcon(app_icon())
        self.setAccessibleDescription(
            QCoreApplication.translate(
                "MainWindow",
                "Dial on one side, the agent's two lines on the other, recent calls below; F1 lists the keys",
            )
        )
        self.session = session
        self.bridge = Bridge(self, threads=bridge_threads)
        self.controller: DeskController | None = None
        self._closing = False
        self._painted = False
        self._quitting = False
        self._after_paint: list[Callable[[], None]] = [self._first_request]
        self.tray: Tray | None = None
        self.supervisor: SupervisorWindow | None = None

        self._build_header()
        self.dial_panel = DialPanel()
        self.dial_panel.dial_requested.connect(self.dial)
        self.dial_panel.presets_changed.connect(self._save_presets)
        self.dial_panel.set_pad_visible(not self.preference("dialPadHidden"))
        self.dial_panel.pad_toggled.connect(lambda shown: self._set_preference("dialPadHidden", not shown))
        self.panels: dict[int, LinePanel] = {}
        right = QVBoxLayout()
        right.setSpacing(10)
        for number in LINES:
            panel = LinePanel(number)
            panel.hang_up_clicked.connect(self.hang_up)
            panel.end_clicked.connect(self._end_call_on_line)
            panel.codes_clicked.connect(lambda line: self.pick_codes(self.lines[line].interaction_id))
            panel.free_clicked.connect(self.free_line)
            panel.dismiss_clicked.connect(self.dismiss)
            panel.check_clicked.connect(self.check)
            for action, keys in LINE_SHORTCUTS.items():
                panel.set_shortcut_hint(action, keys[number - 1])
            self.panels[number] = panel
            right.addWidget(panel, 1)
        self.free_all_button = QPushButton(icon("free"), _free_all_text())
        self.free_all_button.setObjectName("freeAllLinesButton")
        self.free_all_button.setAccessibleName(QCoreApplication.translate("MainWindow", "Free all lines"))
        self.free_all_button.setAccessibleDescription(
            QCoreApplication.translate(
                "MainWindow",
                "Asks first, naming the calls, then ends the agent's involvement in every call on both lines",
            )
        )
        self.free_all_button.setToolTip(
            QCoreApplication.translate(
                "MainWindow", "End the agent's involvement in every call on both lines (Ctrl+Alt+0)"
            )
        )
        self.free_all_button.clicked.connect(self.free_all_lines)
        self.wrap_ups = WrapUpList()
        self.wrap_ups.codes_clicked.connect(self.pick_codes)
        self.wrap_ups.end_clicked.connect(self.end_call)
        right.addWidget(self.wrap_ups)
        free_row = QHBoxLayout()
        self.line_rule_note = QLabel(
            QCoreApplication.translate(
                "MainWindow",
                "8x8 puts a new call on the agent's first free line; ccdesk follows it and 8x8's answers.",
            )
        )
        set_role(self.line_rule_note, "hint")
        self.line_rule_note.setWordWrap(True)
        free_row.addWidget(self.line_rule_note, 1)
        free_row.addWidget(self.free_all_button)
        right.addLayout(free_row)
        self.recent_calls = RecentCalls()
        self.recent_calls.redial_requested.connect(self.redial)
        self.recent_calls.copied.connect(
            lambda _text: self.statusBar().showMessage(
                QCoreApplication.translate("MainWindow", "Number and interaction id copied."), 5000
            )
        )
        self._recent_records: list[CallRecord] = []  # the journal's, read when it changes
        right.addWidget(self.recent_calls)

        self.dial_side = QWidget()
        self.dial_side.setObjectName("dialSide")
        left_layout = QVBoxLayout(self.dial_side)
        left_layout.setContentsMargins(0, 0, 8, 0)
        left_layout.addWidget(self.dial_panel)
        self._dial_layout, self._lines_layout = left_layout, right
        self.lines_side = QWidget()
        self.lines_side.setObjectName("linesSide")
        self.lines_side.setLayout(right)
        right.setContentsMargins(8, 0, 0, 0)
        # dial | lines side by side, or lines above dial in the compact layout: a box layout (unlike a splitter)
        # gives wrapped words and buttons the height they need at the width they get
        self.body = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.body.addWidget(self.dial_side, 2)
        self.body.addWidget(self.lines_side, 3)

        content = QWidget()
        content.setObjectName("windowContent")
        content.setMaximumWidth(MAX_CONTENT_WIDTH)  # on a 2560 px screen: no 900 px Dial button
        outer = QVBoxLayout(content)
        outer.setContentsMargins(12, 10, 12, 6)
        outer.addWidget(self.header)
        self.file_problems = ProblemBars()
        outer.addWidget(self.file_problems)
        self.error_bar = ErrorBar()
        outer.addWidget(self.error_bar)
        outer.addLayout(self.body, 1)
        self.window_scroll = QScrollArea()
        self.window_scroll.setObjectName("windowScroll")
        self.window_scroll.setWidgetResizable(True)
        self.window_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # tabbing to a control scrolls it into view
        self.window_scroll.setFrameShape(QFrame.Shape.NoFrame)
        # never cut off: a window made narrower than its content (compact, large text) scrolls sideways
        self.window_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        centred = _Scrolled()
        centre_row = QHBoxLayout(centred)
        centre_row.setContentsMargins(0, 0, 0, 0)
        centre_row.addWidget(content)
        self.window_scroll.setWidget(centred)
        self.setCentralWidget(self.window_scroll)
        self._build_menus()
        self.statusBar().setObjectName("statusBar")
        # every window shortcut wins over any text field, list or table of this window (design.md)
        self._guard = ShortcutGuard(
            lambda: [keys for action in self.actions() for keys in action.shortcuts()], self
        )
        self._guard.watch_window(self)
        self.dial_panel.number_input.setFocus()  # the first key typed goes to the number, never the status

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
        self.set_compact(self.preference("compact"), remember=False)
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
        self.identity_label.setAccessibleName(QCoreApplication.translate("MainWindow", "Agent"))
        self.where_label = QLabel()
        self.where_label.setObjectName("whereLabel")
        set_role(self.where_label, "hint")
        self.where_label.setAccessibleName(QCoreApplication.translate("MainWindow", "Profile and platform"))
        self.connection_label = QLabel()
        self.connection_label.setObjectName("connectionLabel")
        self.connection_label.setAccessibleName(QCoreApplication.translate("MainWindow", "Connection state"))
        # the event stream's state: Live, Reconnecting in n s, Failed: reason (hidden without a stream)
        self.stream_state = StreamIndicator(
            self, "streamStateLabel", QCoreApplication.translate("MainWindow", "Event stream state"), 360
        )
        self.stream_state.ticker.timeout.connect(self._render_stream)
        self.demo_label = QLabel(QCoreApplication.translate("MainWindow", "DEMO · simulated 8x8"))
        self.demo_label.setObjectName("demoBadge")
        set_role(self.demo_label, "demo")
        self.demo_label.setToolTip(
            QCoreApplication.translate(
                "MainWindow", "ccdesk is talking to its built-in simulator, not to 8x8"
            )
        )
        self.status_input = StatusButton()
        self._status_entries: list[tuple[int, StatusCode | None]] = []
        self._fill_status_choices()
        self.status_input.chosen.connect(self._on_status_chosen)
        self.status_note = QLabel()
        self.status_note.setObjectName("agentStatusLabel")
        self.status_note.setAccessibleName(QCoreApplication.translate("MainWindow", "Agent status note"))
        set_role(self.status_note, "hint")
        plain_labels(self.identity_label, self.where_label, self.status_note)  # names and places from 8x8
        for label in (self.identity_label, self.where_label, self.status_note):
            label.setWordWrap(True)  # a narrow window wraps the words; it never cuts them
        who = QWidget()
        text = QVBoxLayout(who)
        text.setContentsMargins(0, 0, 0, 0)
        text.setSpacing(0)
        text.addWidget(self.identity_label)
        text.addWidget(self.where_label)
        state = QWidget()
        flow = FlowLayout(state, spacing=10)
        flow.addWidget(self.demo_label)
        flow.addWidget(self.connection_label)
        stream = QWidget()
        stream_row = QHBoxLayout(stream)
        stream_row.setContentsMargins(0, 0, 0, 0)
        stream_row.addWidget(self.stream_state.dot)
        stream_row.addWidget(self.stream_state.label)
        flow.addWidget(stream)
        flow.addWidget(self.status_note)
        status = QWidget()
        status_row = QHBoxLayout(status)
        status_row.setContentsMargins(0, 0, 0, 0)
        status_caption = QLabel(QCoreApplication.translate("MainWindow", "&Status"))
        status_caption.setBuddy(self.status_input)
        status_row.addWidget(status_caption)
        status_row.addWidget(self.status_input)
        flow.addWidget(status)
        row.addWidget(who, 1)
        row.addWidget(state, 0, Qt.AlignmentFlag.AlignVCenter)
        self._header_row, self._header_state = row, state

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
        file_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&File"))
        file_menu.addAction(
            self._action(
                QCoreApplication.translate("MainWindow", "&Settings…"),
                "Ctrl+,",
                self.open_settings,
                "settingsAction",
                "settings",
            )
        )
        file_menu.addAction(
            self._action(
                QCoreApplication.translate("MainWindow", "Su&pervisor console…"),
                "Ctrl+Shift+O",
                self.open_supervisor,
                "supervisorAction",
                "people",
            )
        )
        way = phone_links_route()
        if (
            way is not None
        ):  # where the OS lets an app ask (macOS 12+, the installed Windows app, Linux install.sh)
            file_menu.addAction(
                self._action(
                    QCoreApplication.translate("MainWindow", "Make ccdesk the app for p&hone links…"),
                    None,
                    partial(self.make_phone_app, way),
                    "phoneLinksAction",
                )
            )
        file_menu.addSeparator()
        for key, text, name in (
            ("closeToTray", QCoreApplication.translate("MainWindow", "&Close to tray"), "closeToTrayAction"),
            (
                "startMinimised",
                QCoreApplication.translate("MainWindow", "Start &minimised to the tray"),
                "startMinimisedAction",
            ),
        ):
            file_menu.addAction(self._preference_toggle(key, text, name))
        file_menu.addSeparator()
        # Ctrl+Q everywhere: Qt's standard Quit key is empty on Windows
        quit_keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Quit) or [QKeySequence("Ctrl+Q")]
        quit_action = self._action(
            QCoreApplication.translate("MainWindow", "&Quit"), None, self.quit, "quitAction"
        )
        quit_action.setShortcuts(quit_keys)
        file_menu.addAction(quit_action)
        call_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&Call"))
        call_menu.addAction(
            self._action(
                QCoreApplication.translate("MainWindow", "&Dial"),
                "Ctrl+Return",
                self.dial_panel.request_dial,
                "dialAction",
                "phone",
            )
        )
        call_menu.addAction(
            self._action(
                QCoreApplication.translate("MainWindow", "Focus the &number field"),
                "Ctrl+L",
                self._focus_number,
            )
        )
        call_menu.addAction(
            self._action(
                QCoreApplication.translate("MainWindow", "&Redial selected recent call"),
                "Ctrl+R",
                self.recent_calls.redial_selected,
            )
        )
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
                        _line_action_text(action, number), keys[number - 1], partial(slots[action], number)
                    )
                )
        call_menu.addSeparator()
        call_menu.addAction(
            self._action(
                QCoreApplication.translate("MainWindow", "Free &all lines…"),
                "Ctrl+Alt+0",
                self.free_all_lines,
                "",
                "free",
            )
        )
        call_menu.addSeparator()
        for key, text, name in (
            (
                "keepForceCall",
                QCoreApplication.translate("MainWindow", "Keep 'Force call' ticked after a call"),
                "keepForceCallAction",
            ),
            (
                "keepEndWrapUp",
                QCoreApplication.translate("MainWindow", "Keep 'Also end wrap-up' ticked after a call"),
                "keepEndWrapUpAction",
            ),
        ):
            call_menu.addAction(self._preference_toggle(key, text, name))
        view_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&View"))
        self.compact_action = self._action(
            QCoreApplication.translate("MainWindow", "&Compact layout (beside a CRM)"),
            "Ctrl+Shift+M",
            lambda: None,
            "compactLayoutAction",
        )
        self.compact_action.setCheckable(True)
        self.compact_action.toggled.connect(lambda on: self.set_compact(on))
        view_menu.addAction(self.compact_action)
        self.demo_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&Demo"))
        help_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&Help"))
        help_menu.addAction(
            self._action(
                QCoreApplication.translate("MainWindow", "&Keyboard shortcuts"), "F1", self.show_shortcuts
            )
        )
        help_menu.addAction(
            self._action(
                QCoreApplication.translate("MainWindow", "Save &diagnostics…"),
                None,
                self.save_diagnostics,
                "saveDiagnosticsAction",
            )
        )
        help_menu.addAction(
            self._action(
                QCoreApplication.translate("MainWindow", "&About ccdesk"),
                None,
                self.show_about,
                "aboutAction",
            )
        )

    def set_compact(self, compact: bool, *, remember: bool = True) -> None:
        """Compact: one column 360 px wide, the lines above the dial panel, to sit beside a CRM. Remembered."""
        self.compact = compact
        content = self.window_scroll.widget()
        if isinstance(content, _Scrolled):
            content.compact = compact
            content.updateGeometry()
        self.compact_action.blockSignals(True)
        self.compact_action.setChecked(compact)
        self.compact_action.blockSignals(False)
        self.body.setDirection(
            QBoxLayout.Direction.TopToBottom if compact else QBoxLayout.Direction.LeftToRight
        )
        first, second = (self.lines_side, self.dial_side) if compact else (self.dial_side, self.lines_side)
        self.body.removeWidget(first)
        self.body.removeWidget(second)
        self.body.addWidget(first, 0 if compact else 2 if first is self.dial_side else 3)
        self.body.addWidget(second, 0 if compact else 3 if second is self.lines_side else 2)
        self._header_row.setDirection(
            QHBoxLayout.Direction.TopToBottom if compact else QHBoxLayout.Direction.LeftToRight
        )
        self._header_row.setAlignment(
            self._header_state, Qt.AlignmentFlag.AlignLeft if compact else Qt.AlignmentFlag.AlignVCenter
        )
        margins = (0, 0, 0, 0)
        self._dial_layout.setContentsMargins(*(margins if compact else (0, 0, 8, 0)))
        self._lines_layout.setContentsMargins(*(margins if compact else (8, 0, 0, 0)))
        self.line_rule_note.setVisible(not compact)
        if remember:
            self._set_preference("compact", compact)
            if compact:
                self.resize(self.compact_width(), max(self.height(), 760))
            elif self.width() < 900:
                self.resize(1120, self.height())

    def compact_width(self) -> int:
        """360 px, or what the content needs when the text is larger (the system's font size up to 200%, a
        longer language): a compact window never cuts its controls off."""
        content = self.window_scroll.widget()
        assert content is not None
        scrollbar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        frame = self.width() - self.window_scroll.viewport().width()
        needed = content.minimumSizeHint().width() + scrollbar + max(0, frame - scrollbar)
        return max(COMPACT_WIDTH, needed)

    def _preference_toggle(self, key: str, text: str, name: str) -> QAction:
        """A checkable menu entry remembered in window.ini."""
        toggle = self._action(text, None, lambda: None, name)
        toggle.setCheckable(True)
        toggle.setChecked(self.preference(key))
        toggle.toggled.connect(lambda on, key=key: self._set_preference(key, on))
        return toggle

    def _click(self, action: str) -> Callable[[int], None]:
        """Menu and shortcut do exactly what the panel's button does, and nothing when it is disabled."""

        def run(number: int) -> None:
            button = self.panels[number]._buttons[action]
            if button.isEnabled():
                button.click()

        return run

    # -- session --------------------------------------------------------------------------------------------

    @property
    def lines(self) -> AgentCalls:
        """The agent's lines as the controller knows them (what the panels show)."""
        assert self.controller is not None
        return self.controller.lines

    def apply_session(self, session: Session, *, first: bool = False) -> None:
        """Show a (new) profile: header, lists, catalog, and calls the journal says may still be live.

        The old session is retired first: its queued actions are not sent (and said so), a dial in flight is
        waited for, and its answers never reach this window or the new profile's server.
        """
        dropped: list[str] = []
        if self.controller is not None:
            if self.supervisor is not None:  # its roster and actions belong to the old profile
                self.supervisor.close()
                self.supervisor = None
            old = self.controller
            dropped = old.retire(quitting=False)
            old.deleteLater()
        self.session = session
        controller = DeskController(session, self.bridge, self)
        self.controller = controller
        controller.calls_changed.connect(self._render)
        controller.busy_changed.connect(self._render)
        controller.placed.connect(self._on_placed)
        controller.dialing_changed.connect(self._on_dialing)
        controller.freeing_all_changed.connect(self._on_freeing_all)
        controller.notice.connect(self._notice)
        controller.alert.connect(self._alert)
        controller.failed.connect(self.error_bar.show_error)
        controller.agent_changed.connect(self._on_agent_changed)
        controller.connection_changed.connect(self._set_connection)
        controller.recent_changed.connect(self._refresh_recent)
        controller.journal_problem.connect(self._on_journal_problem)
        controller.journal_restarted.connect(self._on_journal_restarted)
        controller.stream_changed.connect(self._render_stream)
        self.dial_panel.set_in_flight(False)
        self._on_freeing_all(False)
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
            status_api = self.demo_menu.findChild(QAction, "demoAgentStatusApi")
            if status_api is not None:  # switched on or off: the header says so at once, not at the next poll
                status_api.toggled.connect(lambda _on: self.refresh_agent_status())
        self._refresh_header()
        self._on_agent_changed()
        self._set_connection(QCoreApplication.translate("MainWindow", "Connecting…"), "#7a8594")
        for problem in session.problems:
            self.show_file_problem(problem)
        self._recent_records = []  # the previous session's, until the journal is read
        controller.restore()
        self._render()
        self.when_painted(self._refresh_recent)  # history can arrive a moment after the window
        if dropped:
            self.statusBar().showMessage(
                QCoreApplication.translate(
                    "MainWindow", "Not sent to the previous profile: {actions} (queued when you switched)."
                ).format(actions=", ".join(task_words(name) for name in dropped)),
                20000,
            )
        self._render_stream()
        if not first:
            self.refresh_agent_status()
            controller.start_stream()
        elif not self._painted:  # the first request brings in the HTTP stack: let the window paint first
            QTimer.singleShot(FIRST_REQUEST_FALLBACK_MS, self._first_request)

    def _refresh_header(self) -> None:
        s = self.session.settings
        agent_status = self.controller.agent if self.controller is not None else None
        name = agent_status.name if agent_status is not None and agent_status.name else ""
        agent = (
            f"{name} ({s.agent_id})"
            if name
            else (s.agent_id or QCoreApplication.translate("MainWindow", "no agent set"))
        )
        self.identity_label.setText(agent)
        name = self.session.profile.name
        if name:
            where = QCoreApplication.translate("MainWindow", "Profile {profile} · tenant {tenant} · {where}")
        else:
            where = QCoreApplication.translate(
                "MainWindow", "Settings from the command line · tenant {tenant} · {where}"
            )
        self.where_label.setText(where.format(profile=name, tenant=s.tenant, where=self.session.where))
        if self.session.is_demo:
            title = QCoreApplication.translate("MainWindow", "ccdesk — {who} @ {tenant} (demo)")
        else:
            title = QCoreApplication.translate("MainWindow", "ccdesk — {who} @ {tenant}")
        self.setWindowTitle(title.format(who=name or s.agent_id, tenant=s.tenant))

    # -- what the agent asks for ----------------------------------------------------------------------------

    def dial(self, request: DialRequest) -> None:
        """Place a call on the line 8x8 will use (the first free one), journalling it before sending.

        Dialling a number whose last call got no answer asks first: that call may be live, and the customer
        would be called twice.
        """
        assert self.controller is not None
        if request.warnings:
            question = QCoreApplication.translate(
                "MainWindow", "{warnings}\n\n{preview}.\n\nDial anyway?"
            ).format(warnings="\n".join(request.warnings), preview=request.dial.preview)
            if not confirm(self, QCoreApplication.translate("MainWindow", "Dial anyway?"), question):
                self.dial_panel.set_in_flight(False)
                self.dial_panel.number_input.setFocus()
                return
        pending = self.controller.unknown_call_to(request)
        if pending is not None:
            question = QCoreApplication.translate(
                "MainWindow",
                "No answer came to the last call to {number} (line {line}): it may be live.\n\n"
                "Dial it again anyway? Check on that line asks 8x8 first.",
            ).format(number=request.dial.display, line=pending.line)
            if not confirm(
                self, QCoreApplication.translate("MainWindow", "Dial the same number again?"), question
            ):
                self.dial_panel.set_in_flight(False)
                return
        self.controller.dial(request)

    def _on_placed(self, line: int) -> None:
        """A call was placed: the number field empties (the number is in Recent calls) and Force call goes off."""
        del line
        self.dial_panel.set_number("")
        if not self.preference("keepForceCall"):
            self.dial_panel.force_check.setChecked(False)

    def hang_up(self, line_no: int) -> None:
        """Hang up the agent's leg of the call on this line (it goes to the wrap-up list)."""
        assert self.controller is not None
        if self.lines[line_no].interaction_id:
            self.controller.hang_up(line_no)

    def _end_call_on_line(self, line_no: int, end_post_processing: bool) -> None:
        self.end_call(self.lines[line_no].interaction_id, end_post_processing)

    def end_call(self, interaction_id: str, end_post_processing: bool) -> None:
        """End a call, on a line or in wrap-up; ending its wrap-up without the required codes asks first."""
        assert self.controller is not None
        call = self.lines.find(interaction_id)
        if call is None:
            return
        missing = self.session.catalog.missing_mandatory(call.codes)
        if end_post_processing and missing:
            names = ", ".join(m.name for m in missing)
            question = QCoreApplication.translate(
                "MainWindow",
                "Required transaction codes are missing for {call}: {codes}.\n\n"
                "End wrap-up anyway? The call will be recorded without them.",
            ).format(call=call.display or interaction_id, codes=names)
            if not confirm(
                self,
                QCoreApplication.translate("MainWindow", "End wrap-up without required codes?"),
                question,
            ):
                return
        self.controller.end_call(interaction_id, end_post_processing)
        if not self.preference("keepEndWrapUp"):  # back to off after each call, unless pinned
            for panel in self.panels.values():
                panel.end_post_check.setChecked(False)
            self.wrap_ups.reset_end_checks()

    def pick_codes(self, interaction_id: str) -> None:
        from ccdesk.ui.codes_picker import CodesDialog  # loaded on first use, not at start-up

        assert self.controller is not None
        call = self.lines.find(interaction_id)
        if call is None:
            return
        if call.state is LineState.WRAP_UP:
            title = QCoreApplication.translate("MainWindow", "Transaction codes — {call} (wrap-up)")
        else:
            title = QCoreApplication.translate("MainWindow", "Transaction codes — {call} (Line {line})")
        dialog = CodesDialog(
            self.session.catalog,
            call.codes,
            self.controller.recent_codes(),
            self,
            title=title.format(call=call.display or interaction_id, line=call.line),
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.set_codes(interaction_id, dialog.selected_codes())

    def set_codes(self, interaction_id: str, codes: list[TransactionCode]) -> None:
        """Send the chosen codes for a call (in order with other work on that call)."""
        assert self.controller is not None
        self.controller.set_codes(interaction_id, codes)

    def free_line(self, line_no: int) -> None:
        """Free the platform's line N: asks first, naming the call, when the line shows one; at once otherwise."""
        assert self.controller is not None
        call = self.lines[line_no]
        if call.state.holds_line:
            question = QCoreApplication.translate(
                "MainWindow",
                "Free line {line}? This cuts the agent's leg of {call}.\n\n"
                "The customer is disconnected from the agent; the call goes to wrap-up.",
            ).format(line=line_no, call=_name_call(call))
            title = QCoreApplication.translate("MainWindow", "Free line {line}?").format(line=line_no)
            if not confirm(self, title, question):
                return
        self.controller.free_line(line_no)

    def dismiss(self, line_no: int) -> None:
        """Drop an Unknown call the agent checked was never placed (nothing is sent)."""
        assert self.controller is not None
        self.controller.dismiss(line_no)

    def check(self, line_no: int) -> None:
        """What 8x8 says about the agent now, for the Unknown call on this line."""
        assert self.controller is not None
        self.controller.check(line_no)

    def free_all_lines(self) -> None:
        assert self.controller is not None
        calls = self.lines.held()
        cut = "".join(
            "\n"
            + QCoreApplication.translate("MainWindow", "• Line {line}: {call}").format(
                line=c.line, call=_name_call(c)
            )
            for c in calls
        )
        if cut:
            question = QCoreApplication.translate(
                "MainWindow",
                "End agent {agent}'s involvement in every call on both lines?\n\nThis cuts:{calls}\n\n"
                "Callers on those lines are disconnected from the agent.",
            ).format(agent=self.session.agent_id, calls=cut)
        else:
            question = QCoreApplication.translate(
                "MainWindow",
                "End agent {agent}'s involvement in every call on both lines?\n\n"
                "No call is shown on the lines; 8x8 may still hold one.\n\n"
                "Callers on those lines are disconnected from the agent.",
            ).format(agent=self.session.agent_id)
        if not confirm(self, QCoreApplication.translate("MainWindow", "Free all lines?"), question):
            return
        self.controller.free_all_lines()

    # -- what the controller says ---------------------------------------------------------------------------

    def _on_dialing(self, dialing: bool) -> None:
        self.dial_panel.set_in_flight(dialing)

    def _on_freeing_all(self, busy: bool) -> None:
        self.free_all_button.setEnabled(not busy)
        self.free_all_button.setText(
            QCoreApplication.translate("MainWindow", "Freeing…") if busy else _free_all_text()
        )

    def _notice(self, text: str, ms: int) -> None:
        self.statusBar().showMessage(text, ms)

    def _alert(self, title: str, text: str) -> None:
        """A failure: in the status bar already; as a desktop notification when the window is not seen."""
        if not self.isVisible() or self.isMinimized():
            self.ensure_tray().notify(title, text)

    def _on_journal_problem(self, problem: object) -> None:
        """The journal cannot be used (a JournalError): a bar says so; it works again (None): the bar goes."""
        if isinstance(problem, LocalFileError):
            self.show_file_problem(problem)
        else:
            self.file_problems.clear(self.session.journal.path)

    def _on_journal_restarted(self, text: str) -> None:
        self.file_problems.show_problem(self.session.journal.path, text)

    def show_file_problem(self, problem: LocalFileError | None) -> None:
        """One of ccdesk's own files has a problem: a bar at the top says which, and offers the way out."""
        if problem is None:
            return
        log.warning("%s", problem)
        self.file_problems.show_error(problem, on_move_aside=partial(self._move_aside, problem.path))

    def _move_aside(self, path: Path) -> Path | None:
        """The problem bar's 'Move aside and start fresh': the journal starts again; another file is set aside."""
        assert self.controller is not None
        if path == self.session.journal.path:
            return self.controller.reset_journal()
        return move_aside(path)

    def _set_connection(self, text: str, colour: str) -> None:
        dot = f"<span style='color:{colour}'>●</span>"  # markup, no words: the text arrives translated
        self.connection_label.setText(f"{dot} {html.escape(text, quote=False)}")

    def _render_stream(self) -> None:
        """The event stream's state in the header: Live, Reconnecting in n s, Off, Failed: reason."""
        self.stream_state.show(stream_view(self.controller) if self.controller is not None else None)

    # -- agent status ---------------------------------------------------------------------------------------

    @property
    def status_settled(self) -> bool:
        """True once the first status read has answered, whatever it said."""
        c = self.controller
        return c is not None and (c.agent is not None or not c.status_api or bool(c.status_error))

    def refresh_agent_status(self) -> None:
        if self.controller is not None and not self._closing:
            self.controller.refresh_agent_status()

    def _on_agent_changed(self) -> None:
        assert self.controller is not None
        self._fill_status_choices()
        agent, status_api, error = (
            self.controller.agent,
            self.controller.status_api,
            self.controller.status_error,
        )
        if not status_api:
            self.status_input.setEnabled(False)
            self.status_input.show_current(QCoreApplication.translate("MainWindow", "Not available"), None)
            self.status_note.setText("")
            self.status_input.setToolTip(
                QCoreApplication.translate(
                    "MainWindow",
                    "The Agent Status API is not enabled for this tenant, so ccdesk cannot show or change the "
                    "agent's status. Calls still work. 8x8 support can enable it.",
                )
            )
        elif error:
            self.status_input.setEnabled(True)
            self.status_input.show_current(QCoreApplication.translate("MainWindow", "Status unknown"), None)
            self.status_input.setToolTip(
                plain_tip(
                    QCoreApplication.translate("MainWindow", "The status could not be read: {error}").format(
                        error=error
                    )
                )
            )
            self.status_note.setText("")
        elif agent is not None:
            self.status_input.setEnabled(True)
            index = self._status_index(agent.status, (agent.status_code_list_id, agent.status_code_item_id))
            code = f" ({agent.status_code_short_code})" if agent.status_code_short_code else ""
            # Busy, wrap-up and the like cannot be chosen, but are shown in the same place.
            shown = f"{state_words(agent.status)}{code}"
            self.status_input.show_current(shown, index if index >= 0 else None)
            self.status_note.setText(foreign_call_words() if self.controller.foreign_call else "")
            self.status_note.setToolTip(foreign_call_tip() if self.controller.foreign_call else "")
            self.status_input.setToolTip(
                plain_tip(
                    QCoreApplication.translate("MainWindow", "Agent status: {status}").format(status=shown)
                )
            )
            if self.tray is not None:
                self.tray.show_status(agent.status, shown, self.lines)
        else:  # a new session: nothing read yet
            self.status_input.setEnabled(True)
            self.status_input.show_current("", None)
            self.status_note.setText("")
        self.status_note.setVisible(bool(self.status_note.text()))  # an empty note takes no room
        self._refresh_header()

    def _on_status_chosen(self, state: int, label: str, code: StatusCode | None) -> None:
        """A status the agent chose in the menu; logging out (no more calls until logged in again) asks first."""
        assert self.controller is not None
        if state == AgentState.LOGGED_OUT and not confirm(
            self,
            QCoreApplication.translate("MainWindow", "Log out of 8x8?"),
            QCoreApplication.translate(
                "MainWindow",
                "Log the agent out? 8x8 stops offering calls until the agent logs in again (Available).",
            ),
        ):
            self._on_agent_changed()  # the menu ticks the status 8x8 reported, not the refused choice
            return
        self.status_input.setEnabled(False)  # until the answer (agent_changed) says what the status is
        self.controller.set_agent_status(state, label, code)

    def _fill_status_choices(self) -> None:
        """The statuses an agent can choose, each followed by the status codes known for it (the guide marks the
        code fields of a status change required: codes come from the profile and from what 8x8 showed)."""
        entries: list[tuple[int, StatusCode | None]] = []
        for state in STATUS_CHOICES:
            entries.append((int(state), None))
            reason = state is not AgentState.WAIT_TRANSACT  # a code says why the agent is away
            codes = self.controller.status_codes(int(state)) if self.controller is not None and reason else []
            entries.extend((int(state), code) for code in codes)
        if entries == self._status_entries:
            return
        self.status_input.set_entries([(value, state_words(value), code) for value, code in entries])
        self._status_entries = entries

    def _status_index(self, state: int, code: tuple[int | None, int | None] = (None, None)) -> int:
        """The picker's entry for a status (and its code, when the code is one of the entries); -1 if none."""
        plain = -1
        for index, (entry_state, entry_code) in enumerate(self._status_entries):
            if entry_state != state:
                continue
            if entry_code is None:
                plain = index
            elif entry_code.key == code:
                return index
        return plain

    # -- views ----------------------------------------------------------------------------------------------

    def _render(self) -> None:
        """Show the model: each line's call, the wrap-up list, the tray; what is in flight is disabled."""
        controller = self.controller
        if controller is None:
            return
        catalog = self.session.catalog
        for number in LINES:
            call = self.lines[number]
            busy = frozenset(a for a in _ACTIONS if controller.is_busy(call, a))
            self.panels[number].show_call(call, catalog, busy)
        wrap_ups = self.lines.wrap_ups
        busy_rows = {
            c.interaction_id: frozenset(a for a in ("codes", "end") if controller.is_busy(c, a))
            for c in wrap_ups
        }
        self.wrap_ups.show_calls(wrap_ups, catalog, busy_rows)
        self._render_recent()
        if self.tray is not None:
            self.tray.show_state(self.lines)

    def _tick(self) -> None:
        now = time.time()
        for panel in self.panels.values():
            panel.tick(now)
        self.wrap_ups.tick(now)
        self.recent_calls.tick(now)

    def _refresh_recent(self) -> None:
        """The journal's calls changed: read them again."""
        if self.controller is None or self._closing:
            return
        self._recent_records = self.controller.recent(30)
        self._render_recent()

    def _render_recent(self) -> None:
        """Recent calls in the states the lines show (after every change of the model, not only the journal's)."""
        if self.controller is None:
            return
        rows = recent_rows(
            self._recent_records,
            self.lines,
            tenant=self.session.settings.tenant,
            agent_id=self.session.agent_id,
        )
        self.recent_calls.show_rows(rows)

    def redial(self, record: CallRecord) -> None:
        """Dial a recent call's number again through the Dial button's path, so every question a dial asks is
        asked (a line that may be busy, a short number, the same number as a call that may be live)."""
        self.dial_panel.apply_intent(redial_intent(record))
        self.dial_panel.request_dial()

    def _focus_number(self) -> None:
        self.dial_panel.number_input.setFocus()
        self.dial_panel.number_input.selectAll()

    def _save_presets(self, presets: dict) -> None:  # type: ignore[type-arg]
        profile = self.session.profile
        profile.data_presets = presets
        if self.session.is_demo:
            return  # the demo profile lives in memory only
        try:
            config = self.session.profiles.load()
            if profile.name in config.profiles:
                config.profiles[profile.name].data_presets = presets
                backup = self.session.profiles.save(config)
                if backup is not None:
                    self.statusBar().showMessage(
                        QCoreApplication.translate(
                            "MainWindow",
                            "Presets saved. The settings file held values ccdesk could not read: the old file is "
                            "kept as {backup}.",
                        ).format(backup=backup),
                        20000,
                    )
        except CCDeskError as exc:
            self.statusBar().showMessage(
                QCoreApplication.translate("MainWindow", "Presets not saved: {error} {explanation}").format(
                    error=exc, explanation=exc.explanation
                ),
                20000,
            )

    # -- dialogs --------------------------------------------------------------------------------------------

    def open_settings(self) -> None:
        from ccdesk.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(
            self.session.profiles,
            self.session.store,
            self._test_connection,
            current=None if self.session.is_demo else self.session.profile.name,
            running=self.session.profile if self.session.is_demo else None,
            catalogs_dir=self.session.dirs.config / "catalogs",
            parent=self,
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        name = dialog.chosen_profile()
        if dialog.token_for_session_only:
            self.error_bar.show_error(
                QCoreApplication.translate("MainWindow", "No OS keyring"),
                Presentation(
                    QCoreApplication.translate(
                        "MainWindow",
                        "The token is kept for this session only: ccdesk asks for it again at the next start "
                        "(or set CCDESK_TOKEN).",
                    )
                ),
            )
        if dialog.backup is not None:
            path = self.session.profiles.path
            log.warning("settings file %s held values ccdesk could not read; kept in %s", path, dialog.backup)
            self.file_problems.show_problem(
                path,
                QCoreApplication.translate(
                    "MainWindow",
                    "The settings file {path} held values ccdesk could not read; they are kept in {backup}",
                ).format(path=path, backup=dialog.backup),
                QCoreApplication.translate(
                    "MainWindow",
                    "Your new settings are saved. Copy anything you still need from the kept file.",
                ),
            )
        if self.session.reconnect is None:
            self.statusBar().showMessage(
                QCoreApplication.translate(
                    "MainWindow", "Profile {profile} saved. Start ccdesk without --demo to use it."
                ).format(profile=name),
                15000,
            )
            return
        try:
            self.apply_session(self.session.reconnect(name))
        except CCDeskError as exc:
            text = f"{exc}\n\n{explain(exc)}"
            title = QCoreApplication.translate("MainWindow", "Cannot use this profile")
            box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=self)
            box.setObjectName("profileProblem")
            box.setAccessibleName(title)
            box.setAccessibleDescription(
                QCoreApplication.translate(
                    "MainWindow",
                    "The profile just saved could not be used; the window keeps the previous one",
                )
            )
            box.setTextFormat(Qt.TextFormat.PlainText)
            box.exec()

    def open_supervisor(self) -> SupervisorWindow:
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
            if result.ok:
                callback(result.value)
            else:
                callback(ConnectionCheck(CheckOutcome.FAILED, str(result.error)))

        self.bridge.submit(
            "settings",
            "test connection",
            lambda c: check_connection(c, profile.agent_id, state_words),
            done,
            owner=ClientOwner(client),  # closes the client when the test has answered
        )

    def show_shortcuts(self) -> None:
        """Help > Keyboard shortcuts: every window key in one list, read aloud as one text."""
        rows = [
            QCoreApplication.translate("MainWindow", "Dial: Enter in the number field, or Ctrl+Return"),
            QCoreApplication.translate("MainWindow", "Focus the number field: Ctrl+L"),
            QCoreApplication.translate(
                "MainWindow",
                "Dial the selected recent call again: Enter or double-click in the list, or Ctrl+R",
            ),
            QCoreApplication.translate("MainWindow", "Free all lines: Ctrl+Alt+0"),
            QCoreApplication.translate("MainWindow", "Compact layout on or off: Ctrl+Shift+M"),
            QCoreApplication.translate("MainWindow", "Supervisor console: Ctrl+Shift+O"),
            QCoreApplication.translate("MainWindow", "Settings: Ctrl+,"),
            QCoreApplication.translate(
                "MainWindow", "Agent status: Alt+S, then Space opens its menu (typing never changes it)"
            ),
            QCoreApplication.translate(
                "MainWindow", "These keys work wherever the cursor is in this window."
            ),
        ]
        for action, (one, two) in LINE_SHORTCUTS.items():
            rows.append(_line_keys_text(action).format(line1=one, line2=two))
        title = QCoreApplication.translate("MainWindow", "Keyboard shortcuts")
        box = QMessageBox(
            QMessageBox.Icon.Information, title, "\n".join(rows), QMessageBox.StandardButton.Ok, self
        )
        box.setObjectName("shortcutsBox")
        box.setAccessibleName(title)
        box.setAccessibleDescription(
            QCoreApplication.translate("MainWindow", "The keys of this window and what each does")
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.exec()

    def make_phone_app(self, way: Route) -> None:
        """File > Make ccdesk the app for phone links: the OS's own way; the status bar says the next step."""
        self.statusBar().showMessage(make_ccdesk_the_phone_app(way).text, 20000)

    def save_diagnostics(self) -> None:
        """Help > Save diagnostics…: one zip for IT (logs, versions, settings; no token, numbers or journal)."""
        from ccdesk.ui.crash_notice import qt_versions, save_diagnostics

        dirs = self.session.dirs
        save_diagnostics(self, dirs, dirs.config_file, {**qt_versions(), "keyring": self._keyring_name()})

    def _keyring_name(self) -> str:
        try:
            return str(self.session.store.backend_name())  # type: ignore[attr-defined]
        except (AttributeError, CCDeskError):
            return QCoreApplication.translate("MainWindow", "none (demo or CCDESK_TOKEN)")

    def show_about(self) -> None:
        import platform

        import httpx
        import PySide6

        from ccdesk.ui.qt import qt_version

        keyring_name = self._keyring_name()
        versions = (
            f"Python {platform.python_version()} · Qt {qt_version()} · PySide6 {PySide6.__version__} · "
            f"httpx {httpx.__version__}"
        )
        # a static box (its title names it to screen readers): the caller's own QMessageBox.about
        QMessageBox.about(
            self,
            QCoreApplication.translate("MainWindow", "About ccdesk"),
            QCoreApplication.translate(
                "MainWindow",
                "<h3>ccdesk {version}</h3><p>A desktop controller for the 8x8 Contact Center.</p>"
                "<p>{versions}<br>Keyring: {keyring}<br>Data: {folder}</p>",
            ).format(
                version=__version__,
                versions=versions,
                keyring=html.escape(keyring_name),
                folder=html.escape(str(self.session.dirs.data)),
            ),
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
        if self.controller is not None and self.controller.agent is None:
            self.refresh_agent_status()
        if self.controller is not None:
            self.controller.start_stream()

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
            self.error_bar.show_error(
                QCoreApplication.translate("MainWindow", "Link refused"),
                present(exc, outcome=QCoreApplication.translate("MainWindow", "Nothing was dialled.")),
            )
            return
        if not self.dial_panel.offer_intent(intent):
            typed = self.dial_panel.number_input.text()
            question = QCoreApplication.translate(
                "MainWindow",
                "The number field holds {typed}, typed but not dialled.\n\nReplace it with {number} from the link?",
            ).format(typed=typed, number=intent.number)
            if not confirm(
                self, QCoreApplication.translate("MainWindow", "Replace the number being typed?"), question
            ):
                self.statusBar().showMessage(
                    QCoreApplication.translate(
                        "MainWindow", "Link not used: the number being typed was kept."
                    ),
                    8000,
                )
                return
            self.dial_panel.apply_intent(intent)
        if self.session.profile.dial_links_at_once and self.dial_panel.dial_button.isEnabled():
            self.dial_panel.request_dial()
        else:
            self.statusBar().showMessage(
                QCoreApplication.translate(
                    "MainWindow", "Number from a link: check the preview, then press Enter to dial."
                ),
                15000,
            )

    def receive_link(self, text: str) -> None:
        """A link or number handed over by a later launch: called on the listener's thread, shown on ours."""
        to_gui(partial(self.handle_link, text))

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
            self.tray = Tray(self, actions, [(int(state), state_words(state)) for state in STATUS_CHOICES])
            self.tray.show_state(self.lines)
        return self.tray

    def _set_status_from_tray(self, status: int) -> None:
        """The tray's Status menu: the same choice, and the same question before logging out, as the header's."""
        if self.status_input.isEnabled():
            self._on_status_chosen(status, state_words(status), None)

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
        settings = self._settings_file()
        geometry = settings.value("geometry")
        if settings.status() != QSettings.Status.NoError:  # damaged or unreadable: defaults, and say so
            path = Path(settings.fileName())
            log.warning("window state file %s cannot be read; defaults used", path)
            self.file_problems.show_problem(
                path,
                QCoreApplication.translate(
                    "MainWindow",
                    "The window state file {path} cannot be read, so the window's size and tray choices are "
                    "back to their defaults",
                ).format(path=path),
                QCoreApplication.translate(
                    "MainWindow", "Move it aside (ccdesk keeps it as a backup) and ccdesk starts a new one."
                ),
                on_move_aside=partial(self._move_aside, path),
            )
        elif geometry is not None:
            self.restoreGeometry(geometry)

    def closeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        """Leave once the session's work is settled: a dial in flight is waited for so its id is kept."""
        if (
            not self._quitting
            and self.preference("closeToTray")
            and self.tray is not None
            and self.tray.available
        ):
            event.ignore()  # close to the tray: the window hides, calls and requests go on
            self.hide()
            self.tray.notify(
                QCoreApplication.translate("MainWindow", "ccdesk is still running"),
                QCoreApplication.translate("MainWindow", "It keeps running in the tray; Quit from its menu."),
            )
            return
        self._closing = True
        if self.supervisor is not None:
            self.supervisor.close()  # cancels a bulk run before the shared bridge shuts down
        if self.tray is not None:
            self.tray.hide()
        self._ticker.stop()
        self._status_timer.stop()
        self._save_geometry()
        if self.controller is not None:
            self.controller.retire(quitting=True, pump=self._pump)
        self.bridge.shutdown(3000)
        super().closeEvent(event)

    def _pump(self) -> None:
        """Repaint while waiting for an answer at close or profile switch (no clicks are taken meanwhile)."""
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)

    def _save_geometry(self) -> None:
        settings = self._settings_file()
        settings.setValue("geometry", self.saveGeometry())
        settings.sync()
        if settings.status() != QSettings.Status.NoError:
            log.warning("window state not saved to %s (%s)", settings.fileName(), settings.status())


_ACTIONS = ("hang_up", "end", "codes", "free", "check")


def foreign_call_words() -> str:
    """The header's note when 8x8 says the agent is busy with a call ccdesk does not know."""
    return QCoreApplication.translate("MainWindow", "A call ccdesk did not place is on this agent")


def foreign_call_tip() -> str:
    return QCoreApplication.translate(
        "MainWindow",
        "8x8 reports the agent busy or in wrap-up, but no call ccdesk knows of is on the lines or in wrap-up: "
        "it was placed or taken elsewhere (Agent Workspace, another ccdesk). Free line 1 or 2 acts on it if needed.",
    )


def _free_all_text() -> str:
    return QCoreApplication.translate("MainWindow", "Free all lines…")


def _line_action_text(action: str, line: int) -> str:
    """A Call menu entry for one line's action ("Line 2: Hang up")."""
    if action == "hang_up":
        text = QCoreApplication.translate("MainWindow", "Line {line}: Hang up")
    elif action == "end":
        text = QCoreApplication.translate("MainWindow", "Line {line}: End call")
    elif action == "codes":
        text = QCoreApplication.translate("MainWindow", "Line {line}: Transaction codes…")
    else:
        text = QCoreApplication.translate("MainWindow", "Line {line}: Free line")
    return text.format(line=line)


def _line_keys_text(action: str) -> str:
    """A row of the shortcuts box for one line action, with {line1} and {line2} for its keys."""
    if action == "hang_up":
        return QCoreApplication.translate("MainWindow", "Hang up: {line1} (line 1), {line2} (line 2)")
    if action == "end":
        return QCoreApplication.translate("MainWindow", "End call: {line1} (line 1), {line2} (line 2)")
    if action == "codes":
        return QCoreApplication.translate(
            "MainWindow", "Transaction codes: {line1} (line 1), {line2} (line 2)"
        )
    return QCoreApplication.translate("MainWindow", "Free line: {line1} (line 1), {line2} (line 2)")


def _name_call(call: Call) -> str:
    """A call in words, for a question about cutting it: its number and interaction id."""
    who = call.display or QCoreApplication.translate("MainWindow", "a call")
    if call.interaction_id:
        return QCoreApplication.translate("MainWindow", "{call} (interaction {id})").format(
            call=who, id=call.interaction_id
        )
    if call.state is LineState.UNKNOWN:
        return QCoreApplication.translate(
            "MainWindow", "{call} (no interaction id: 8x8 never answered)"
        ).format(call=who)
    return who
