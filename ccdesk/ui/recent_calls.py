"""The recent-calls list under the lines: each call's state as the lines show it, its duration, and redial.

It renders rows made by ccdesk.core.recent (the journal's calls in the model's states, identical failures as one
row with a count) and asks for nothing itself: Enter, a double-click, the Redial button or Ctrl+R (the window's
action calls `redial_selected`) emit `redial_requested(record)`, and the window dials it through the same path
as the Dial button, so every confirmation a dial asks is asked. Copy puts the number and interaction id on the
clipboard. Refreshes keep the selection on the same call, and `tick` makes running durations count.

Automation names: recentCallsList, redialButton, copyRecentButton.
"""

from __future__ import annotations

import time

from ccdesk.core.recent import RecentRow
from ccdesk.ui.icons import icon
from ccdesk.ui.plain import plain_tip
from ccdesk.ui.qt import (
    QAbstractItemView,
    QApplication,
    QCoreApplication,
    QEvent,
    QHBoxLayout,
    QKeyEvent,
    QKeySequence,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QObject,
    QPushButton,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ccdesk.ui.theme import set_role

#: what the empty list says, in English (the list shows its translation: `empty_text`)
EMPTY_TEXT = "No calls yet. Numbers you dial appear here: select one and press Enter to dial it again."
_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def empty_text() -> str:
    """What the list says while it has no call (EMPTY_TEXT, translated)."""
    return QCoreApplication.translate(
        "RecentCalls",
        "No calls yet. Numbers you dial appear here: select one and press Enter to dial it again.",
    )


class RecentCalls(QWidget):
    """Caption, Redial and Copy, and the list (objectName recentCallsList)."""

    #: dial this call's number again (a CallRecord): the window runs the Dial button's path
    redial_requested = Signal(object)
    #: the text Copy put on the clipboard (for the status bar)
    copied = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recentCalls")
        self._rows: list[RecentRow] = []
        caption = QLabel(QCoreApplication.translate("RecentCalls", "Recent calls"))
        set_role(caption, "heading")
        self.redial_button = QPushButton(icon("redial"), QCoreApplication.translate("RecentCalls", "Redial"))
        self.redial_button.setObjectName("redialButton")
        self.redial_button.setAccessibleName(
            QCoreApplication.translate("RecentCalls", "Dial the selected recent number again")
        )
        self.redial_button.setAccessibleDescription(
            QCoreApplication.translate(
                "RecentCalls", "Dials the selected call's number again, asking what a dial asks (Ctrl+R)"
            )
        )
        self.redial_button.setToolTip(
            QCoreApplication.translate(
                "RecentCalls", "Dial the selected number again (Enter or double-click in the list, Ctrl+R)"
            )
        )
        self.redial_button.clicked.connect(self.redial_selected)
        self.copy_button = QPushButton(icon("copy"), QCoreApplication.translate("RecentCalls", "Copy"))
        self.copy_button.setObjectName("copyRecentButton")
        self.copy_button.setAccessibleName(
            QCoreApplication.translate(
                "RecentCalls", "Copy the selected recent call's number and interaction id"
            )
        )
        self.copy_button.setAccessibleDescription(
            QCoreApplication.translate("RecentCalls", "Puts the number and interaction id on the clipboard")
        )
        self.copy_button.setToolTip(
            QCoreApplication.translate(
                "RecentCalls", "Copy the selected call's number and interaction id (Ctrl+C in the list)"
            )
        )
        self.copy_button.clicked.connect(self.copy_selected)
        self.list = QListWidget()
        self.list.setObjectName("recentCallsList")
        self.list.setAccessibleName(QCoreApplication.translate("RecentCalls", "Recent calls"))
        self.list.setAccessibleDescription(
            QCoreApplication.translate(
                "RecentCalls",
                "Calls placed lately, newest first; Enter or a double-click dials one again, Ctrl+C copies it",
            )
        )
        caption.setBuddy(self.list)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setMaximumHeight(150)
        # a narrow window wraps a row onto two lines; it never scrolls sideways or cuts it
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.itemDoubleClicked.connect(self._double_clicked)
        # a click makes a row current before it selects it: the buttons follow the selection
        self.list.itemSelectionChanged.connect(self._refresh_buttons)
        self.list.installEventFilter(self)

        bar = QHBoxLayout()
        bar.addWidget(caption)
        bar.addStretch(1)
        bar.addWidget(self.redial_button)
        bar.addWidget(self.copy_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.list)
        self.show_rows([])

    # -- rendering --------------------------------------------------------------------------------------------

    def show_rows(self, rows: list[RecentRow], now: float | None = None) -> None:
        """Show `rows` (newest first); the selected call stays selected, the list does not jump."""
        now = time.time() if now is None else now
        if rows and [r.ids for r in rows] == [r.ids for r in self._rows]:
            self._rows = list(rows)
            for index, row in enumerate(rows):
                self._fill(self._item(index), row, now)
            self._refresh_buttons()
            return
        kept = self.selected_row()
        scroll = self.list.verticalScrollBar().value()
        self._rows = list(rows)
        self.list.blockSignals(True)
        self.list.clear()
        for row in rows:
            item = QListWidgetItem()
            self._fill(item, row, now)
            self.list.addItem(item)
        if not rows:
            empty = QListWidgetItem(empty_text())
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(empty)
        if kept is not None:
            again = next((i for i, r in enumerate(rows) if set(r.ids) & set(kept.ids)), None)
            if again is not None:
                self.list.setCurrentRow(again)
        self.list.blockSignals(False)
        self.list.verticalScrollBar().setValue(scroll)
        self._refresh_buttons()

    def tick(self, now: float | None = None) -> None:
        """Running durations count up (called each second with the window's other timers)."""
        now = time.time() if now is None else now
        for index, row in enumerate(self._rows):
            if row.running:
                self._item(index).setText(row.text(now))

    def rows(self) -> list[RecentRow]:
        return list(self._rows)

    def selected_row(self) -> RecentRow | None:
        index = self.list.currentRow()
        item = self.list.currentItem()
        if item is None or not item.isSelected() or not 0 <= index < len(self._rows):
            return None
        return self._rows[index]

    def select_row(self, index: int) -> None:
        """Make row `index` the current, selected one (as a click or arrow key does)."""
        self.list.setCurrentRow(index)

    # -- actions ----------------------------------------------------------------------------------------------

    def redial_selected(self) -> None:
        """Ask the window to dial the selected call's number again (nothing when no call is selected)."""
        row = self.selected_row()
        if row is not None:
            self.redial_requested.emit(row.record)

    def copy_selected(self) -> None:
        row = self.selected_row()
        if row is not None:
            QApplication.clipboard().setText(row.copy_text)
            self.copied.emit(row.copy_text)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter on a selected call redials it; Ctrl+C copies it."""
        if watched is self.list and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in _ENTER_KEYS and event.modifiers() in (
                Qt.KeyboardModifier.NoModifier,
                Qt.KeyboardModifier.KeypadModifier,
            ):
                self.redial_selected()
                return True
            if event.matches(QKeySequence.StandardKey.Copy) and self.selected_row() is not None:
                self.copy_selected()
                return True
        return super().eventFilter(watched, event)

    def _double_clicked(self, item: QListWidgetItem) -> None:
        """The call double-clicked is the one dialled (the empty-list text is not a call)."""
        index = self.list.row(item)
        if 0 <= index < len(self._rows):
            self.redial_requested.emit(self._rows[index].record)

    def _item(self, index: int) -> QListWidgetItem:
        item = self.list.item(index)
        assert item is not None
        return item

    @staticmethod
    def _fill(item: QListWidgetItem, row: RecentRow, now: float) -> None:
        text = row.text(now)
        if item.text() != text:
            item.setText(text)
        item.setToolTip(plain_tip(row.details))

    def _refresh_buttons(self) -> None:
        selected = self.selected_row() is not None
        self.redial_button.setEnabled(selected)
        self.copy_button.setEnabled(selected)
