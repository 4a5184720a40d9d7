"""The tray icon: the lines at a glance (idle, on a call, wrap-up, error) and the common actions one click away.

Its picture is the app icon with a dot in the colour of the busiest line, drawn at each size the desktop asks for.
Failures while the window is hidden become desktop notifications.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, partial

from ccdesk.core.lines import LINES, AgentCalls, LineState
from ccdesk.ui.icons import app_icon
from ccdesk.ui.plain import notification_text
from ccdesk.ui.qt import (
    QAction,
    QColor,
    QIcon,
    QMenu,
    QObject,
    QPainter,
    QPixmap,
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
        painter.setPen(QColor("#ffffff"))
        painter.setBrush(QColor(_STATE_COLOUR[state]))
        painter.drawEllipse(size - dot - 1, size - dot - 1, dot, dot)
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
    def __init__(self, parent: QWidget, actions: TrayActions, statuses: list[tuple[int, str]]) -> None:
        super().__init__(parent)
        self.state = "idle"
        #: the agent's status in words ("" until known): in the tooltip, and ticked in the Status menu
        self.agent_status = ""
        self._status_actions: dict[int, QAction] = {}
        self.icon = QSystemTrayIcon(tray_icon("idle"), parent)
        self.icon.setObjectName("trayIcon")
        self.icon.setToolTip("ccdesk: lines idle")
        self.menu = QMenu(parent)
        self.menu.setObjectName("trayMenu")
        self._add("trayShowAction", "Show ccdesk", actions.show)
        self._add("trayDialClipboardAction", "Dial from clipboard", actions.dial_clipboard)
        self.menu.addSeparator()
        for number in LINES:
            self._add(
                f"trayFreeLine{number}Action", f"Free line {number}", partial(actions.free_line, number)
            )
        self._add("trayFreeAllAction", "Free all lines…", actions.free_all)
        status = self.menu.addMenu("Status")
        status.setObjectName("trayStatusMenu")
        for value, label in statuses:
            action = QAction(label, self.menu)
            action.setObjectName(f"trayStatus_{value}")
            action.setCheckable(True)
            action.triggered.connect(lambda _checked=False, v=value: actions.set_status(v))
            status.addAction(action)
            self._status_actions[value] = action
        self.menu.addSeparator()
        self._add("trayQuitAction", "Quit", actions.quit)
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
        parts = [f"line {c.line} {c.state.label.lower()}" for c in calls.held()]
        if calls.wrap_ups:
            parts.append(f"{len(calls.wrap_ups)} in wrap-up")
        status = f"{self.agent_status} · " if self.agent_status else ""
        self.icon.setToolTip(
            f"ccdesk: {status}{', '.join(parts) or 'lines idle'}" + (" (offline)" if offline else "")
        )

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
