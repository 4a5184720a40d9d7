"""Window shortcuts win over every input's own key bindings.

On a real X screen a QLineEdit claims Ctrl+E (end of line), Ctrl+H (delete back) and others before the window's
shortcuts see them, so "End call" did nothing while the cursor was in the number field; tables, lists and combo
boxes claim keys of their own. design.md promises that every window shortcut works whatever has the focus: this
filter, on the application, declines any widget's claim for exactly the window's own key sequences while the
focus is anywhere inside the window it guards (dialogs of their own keep their keys).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ccdesk.ui.qt import QApplication, QEvent, QKeyEvent, QKeySequence, QObject, QWidget


class ShortcutGuard(QObject):
    """Lets the window's shortcuts through every input of the window it watches."""

    def __init__(
        self, shortcuts: Callable[[], Iterable[QKeySequence]], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._shortcuts = shortcuts
        self._window: QWidget | None = None

    def watch_window(self, window: QWidget) -> None:
        """Guard every widget inside `window`, including ones made later (table editors, new rows)."""
        self._window = window
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)  # Qt drops the filter when this guard (a child of the window) goes

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.ShortcutOverride or not isinstance(event, QKeyEvent):
            return False
        if not isinstance(watched, QWidget) or watched.window() is not self._window:
            return False
        pressed = QKeySequence(event.keyCombination())
        if any(pressed.matches(keys) == QKeySequence.SequenceMatch.ExactMatch for keys in self._shortcuts()):
            event.ignore()  # not the input's: the window's shortcut takes it
            return True
        return False
