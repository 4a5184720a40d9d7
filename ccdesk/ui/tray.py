"""The tray icon: the lines at a glance (idle, on a call, wrap-up, error) and the common actions one click away.

Its picture is the app icon with a dot in the colour of the busiest line, drawn at each size the desktop asks for.
Failures while the window is hidden become desktop notifications.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, partial

from ccdesk.core.lines import LINES, AgentCalls, LineState
from ccdesk.ui import icons
from ccdesk.ui.icons import app_icon
from ccdesk.ui.line_panel import state_badge
from ccdesk.ui.plain import notification_text
from ccdesk.ui.qt import (
    QAction,
    QColor,
    QCoreApplication,
    QIcon,
    QMenu,
    QObject,
    QPainter,
    QPixmap,
    QRect,
    QSystemTrayIcon,
    Qt,
    QWidget,
)
from ccdesk.ui.theme import state_colour

SIZES = (16, 22, 24, 32, 48, 64)
_STATE_COLOUR = {
    "idle": state_colour(LineState.IDLE),
    "call": state_colour(LineState.LIVE),
    "wrap-up": state_colour(LineState.WRAP_UP),
    "error": state_colour(LineState.FAILED),
}


def tray_state(calls: AgentCalls, offline: bool = False) -> str:
    """The one state the icon shows: an error wins, then a live call, then wrap-up."""
    states = {calls[n].state for n in LINES}
    if offline or LineState.FAILED in states or LineState.UNKNOWN in states:
        return "error"
    if LineState.LIVE in states or LineState.DIALING in states:
        return "call"
    if calls.wrap_ups:
        return "wrap-up"
    return "idle"


@cache  # a burst of events flips the state many times a second: draw each icon once
def tray_icon(state: str) -> QIcon:
    base = app_icon()
    icon = QIcon()
    for size in SIZES:
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.drawPixmap(0, 0, base.pixmap(size, size))
        dot = max(6, size * 9 // 20)
        # a shape per state as well as a colour (icons.draw_state_mark)
        icons.draw_state_mark(
            painter, QRect(size - dot - 1, size - dot - 1, dot, dot), state, QColor(_STATE_COLOUR[state])
        )
        painter.end()
        icon.addPixmap(pixmap)
    return icon


@dataclass(frozen=True)
class TrayActions:
    """What the tray menu does; the window provides each."""

    show: Callable[[], None]
    dial_clipboard: Callable[[], None]
    free_line: Callable[[int], None]
    free_all: Callable[[], None]
    set_status: Callable[[int], None]
    quit: Callable[[], None]


class Tray(QObject):
    """The tray icon and its menu (Show, Dial from clipboard, Free line N, Status, Quit)."""

    def __init__(self, parent: QWidget, actions: TrayActions, statuses: list[tuple[int, str]]) -> None:
        super().__init__(parent)
        self.state = "idle"
        #: the agent's status in words ("" until known): in the tooltip, and ticked in the Status menu
        self.agent_status = ""
        self._status_actions: dict[int, QAction] = {}
        self.icon = QSystemTrayIcon(tray_icon("idle"), parent)
        self.icon.setObjectName("trayIcon")
        self.icon.setToolTip(QCoreApplication.translate("Tray", "ccdesk: lines idle"))
        self.menu = QMenu(parent)
        self.menu.setObjectName("trayMenu")
        self.menu.setAccessibleName(QCoreApplication.translate("Tray", "ccdesk tray menu"))
        self.menu.setAccessibleDescription(
            QCoreApplication.translate(
                "Tray", "Show the window, dial from the clipboard, free lines, set the status, quit"
            )
        )
        self._add("trayShowAction", QCoreApplication.translate("Tray", "Show ccdesk"), actions.show)
        self._add(
            "trayDialClipboardAction",
            QCoreApplication.translate("Tray", "Dial from clipboard"),
            actions.dial_clipboard,
        )
        self.menu.addSeparator()
        for number in LINES:
            self._add(
                f"trayFreeLine{number}Action",
                QCoreApplication.translate("Tray", "Free line {line}").format(line=number),
                partial(actions.free_line, number),
            )
        self._add(
            "trayFreeAllAction", QCoreApplication.translate("Tray", "Free all lines…"), actions.free_all
        )
        status = self.menu.addMenu(QCoreApplication.translate("Tray", "Status"))
        status.setObjectName("trayStatusMenu")
        status.setAccessibleName(QCoreApplication.translate("Tray", "Agent status"))
        status.setAccessibleDescription(
            QCoreApplication.translate("Tray", "Choose the agent's status; logging out asks first")
        )
        for value, label in statuses:
            action = QAction(label, self.menu)
            action.setObjectName(f"trayStatus_{value}")
            action.setCheckable(True)
            action.triggered.connect(lambda _checked=False, v=value: actions.set_status(v))
            status.addAction(action)
            self._status_actions[value] = action
        self.menu.addSeparator()
        self._add("trayQuitAction", QCoreApplication.translate("Tray", "Quit"), actions.quit)
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(
            lambda reason: actions.show() if reason == QSystemTrayIcon.ActivationReason.Trigger else None
        )
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.icon.show()

    def _add(self, name: str, text: str, slot: Callable[[], None]) -> QAction:
        action = QAction(text, self.menu)
        action.setObjectName(name)
        action.triggered.connect(lambda _checked=False: slot())
        self.menu.addAction(action)
        return action

    @property
    def available(self) -> bool:
        return QSystemTrayIcon.isSystemTrayAvailable()

    def show_state(self, calls: AgentCalls, offline: bool = False) -> None:
        state = tray_state(calls, offline)
        if state != self.state:
            self.state = state
            self.icon.setIcon(tray_icon(state))
        parts = [
            QCoreApplication.translate("Tray", "line {line} {state}").format(
                line=c.line, state=state_badge(c.state).lower()
            )
            for c in calls.held()
        ]
        if calls.wrap_ups:
            count = len(calls.wrap_ups)  # a variable: lupdate misses a call in the count argument
            parts.append(QCoreApplication.translate("Tray", "%n in wrap-up", None, count))
        lines = ", ".join(parts) or QCoreApplication.translate("Tray", "lines idle")
        if self.agent_status:
            lines = QCoreApplication.translate("Tray", "{status} · {lines}").format(
                status=self.agent_status, lines=lines
            )
        if offline:
            tip = QCoreApplication.translate("Tray", "ccdesk: {lines} (offline)")
        else:
            tip = QCoreApplication.translate("Tray", "ccdesk: {lines}")
        self.icon.setToolTip(tip.format(lines=lines))

    def show_status(self, value: int | None, label: str, calls: AgentCalls) -> None:
        """The agent's status (8x8's answer or its event stream): ticked in the menu, said in the tooltip."""
        self.agent_status = label
        for state, action in self._status_actions.items():
            action.setChecked(state == value)
        self.show_state(calls)

    def notify(self, title: str, text: str) -> None:
        """A desktop notification (used for failures while the window is hidden)."""
        if self.available:
            self.icon.showMessage(title, notification_text(text), QSystemTrayIcon.MessageIcon.Warning, 10_000)

    def hide(self) -> None:
        self.icon.hide()
