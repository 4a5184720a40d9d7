"""Window shortcuts win over a text field's own key bindings.

On a real X screen a QLineEdit claims Ctrl+E (end of line), Ctrl+H (delete back) and others before the window's
shortcuts see them, so "End call" did nothing while the cursor was in the number field. design.md promises that
every window shortcut works whatever has the focus: this filter, installed on the window's text fields, declines
the field's claim for exactly the window's own key sequences.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ccdesk.ui.qt import QEvent, QKeyEvent, QKeySequence, QObject


class ShortcutGuard(QObject):
    """Lets the window's shortcuts through the text fields it watches."""

    def __init__(
        self, shortcuts: Callable[[], Iterable[QKeySequence]], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._shortcuts = shortcuts

    def watch(self, *fields: QObject) -> None:
        for field in fields:
            field.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            pressed = QKeySequence(event.keyCombination())
            if any(
                pressed.matches(keys) == QKeySequence.SequenceMatch.ExactMatch for keys in self._shortcuts()
            ):
                event.ignore()  # not the field's: the window's shortcut takes it
                return True
        return False
