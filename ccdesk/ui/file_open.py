"""macOS hands URL clicks (tel:, callto:, ccdesk:) to a running app as file-open events, not as arguments."""

from __future__ import annotations

from collections.abc import Callable

from ccdesk.ui.qt import QEvent, QObject


class FileOpenFilter(QObject):
    """Installed on the QApplication: turns each FileOpen event into a call of `on_link`."""

    def __init__(self, on_link: Callable[[str], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._on_link = on_link

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FileOpen:
            url = event.url()  # type: ignore[attr-defined]
            self._on_link(url.toString() if not url.isEmpty() else event.file())  # type: ignore[attr-defined]
            return True
        return False
