"""The agent's status in the header: a button that opens a menu, so only a deliberate choice changes it.

The first release used a combo box that had the focus at start: a typed letter, a space or an arrow key changed
the agent's status. A menu changes nothing until an entry is chosen (a click, or Enter on a highlighted entry),
as 8x8 Agent Workspace and Amazon Connect's CCP behave. The button shows the status 8x8 last reported, including
the ones an agent cannot choose (Busy, Wrap-up).
"""

from __future__ import annotations

from ccdesk.api.models import StatusCode
from ccdesk.ui.qt import QAction, QActionGroup, QCoreApplication, QMenu, Qt, QToolButton, QWidget, Signal


class StatusButton(QToolButton):
    """Shows the agent's status; its menu lists the statuses (and status codes) an agent may choose."""

    #: the agent chose an entry: (state, label, status code or None)
    chosen = Signal(int, str, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("agentStatusInput")
        self.setAccessibleName(QCoreApplication.translate("StatusButton", "Agent status"))
        self.setAccessibleDescription(
            QCoreApplication.translate(
                "StatusButton",
                "Shows the status 8x8 reports; opens a menu to choose another (Space or Enter)",
            )
        )
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.setMinimumWidth(120)
        self._menu = QMenu(self)
        self._menu.setObjectName("agentStatusMenu")
        self._menu.setAccessibleName(QCoreApplication.translate("StatusButton", "Agent statuses"))
        self._menu.setAccessibleDescription(
            QCoreApplication.translate(
                "StatusButton", "The statuses an agent can choose, each with its status codes below it"
            )
        )
        self.setMenu(self._menu)
        self._group = QActionGroup(self)
        self._group.setExclusive(True)
        self._entries: list[tuple[int, str, StatusCode | None]] = []
        self._actions: list[QAction] = []
        self.show_current("", None)

    def set_entries(self, entries: list[tuple[int, str, StatusCode | None]]) -> None:
        """The choices, in order: (state, label, code); a code's entry is indented under its status."""
        if entries == self._entries:
            return
        for action in self._actions:
            self._group.removeAction(action)
        self._menu.clear()  # deletes the old actions (the menu owns them)
        self._actions = []
        for state, label, code in entries:
            text = f"    {code.label}" if code is not None else label
            action = QAction(text, self._menu)
            action.setCheckable(True)
            action.setData(len(self._actions))
            action.triggered.connect(lambda _checked=False, s=state, t=label, c=code: self._choose(s, t, c))
            self._group.addAction(action)
            self._menu.addAction(action)
            self._actions.append(action)
        self._entries = list(entries)

    def _choose(self, state: int, label: str, code: StatusCode | None) -> None:
        self.chosen.emit(state, f"{label} — {code.label}" if code is not None else label, code)

    def entry_texts(self) -> list[str]:
        """Each choice as 'Status' or 'Status — Code' (what `choose` takes)."""
        return [f"{label} — {code.label}" if code is not None else label for _, label, code in self._entries]

    def choose(self, text: str) -> None:
        """Pick the entry with this text, as a click in the menu does (automation and tests)."""
        self._actions[self.entry_texts().index(text)].trigger()

    def show_current(self, text: str, index: int | None) -> None:
        """What 8x8 says the status is (any status, choosable or not); `index` ticks its menu entry."""
        self.setText(text or QCoreApplication.translate("StatusButton", "Status unknown"))
        for position, action in enumerate(self._actions):
            action.setChecked(position == index)

    def current_text(self) -> str:
        return self.text()
