"""A bar at the top of the window for one of ccdesk's own files that has a problem (never a modal dialog).

The window starts anyway and says what is wrong here: which file, the problem, the way out, and the buttons that
apply (move the broken file aside and start fresh, open its folder, dismiss). File paths and messages are data,
so they are always shown as plain text, never as rich text.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ccdesk.core.local_files import LocalFileError
from ccdesk.ui import icons
from ccdesk.ui.qt import (
    QCoreApplication,
    QDesktopServices,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPalette,
    QPushButton,
    Qt,
    QUrl,
    QVBoxLayout,
    QWidget,
)

#: moves the broken file aside and starts a fresh one; returns the backup's path (LocalFileError if it cannot)
MoveAside = Callable[[], Path | None]

ICON_SIZE = 20


class FileProblemBar(QFrame):
    """One file's problem: the words, and the buttons that apply to it."""

    def __init__(
        self,
        path: Path,
        message: str,
        remedy: str = "",
        *,
        on_move_aside: MoveAside | None = None,
        open_url: Callable[[QUrl], object] = QDesktopServices.openUrl,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.path = path
        self._on_move_aside = on_move_aside
        self._open_url = open_url
        self.setObjectName("fileProblemBar")
        self.setAccessibleName(QCoreApplication.translate("FileProblemBar", "Problem with a ccdesk file"))
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setBackgroundRole(QPalette.ColorRole.AlternateBase)  # set off from the window, in either theme
        self.setAutoFillBackground(True)

        icon = QLabel()
        icon.setObjectName("fileProblemIcon")
        icon.setAccessibleName(QCoreApplication.translate("FileProblemBar", "Warning"))
        icon.setPixmap(icons.icon("warning").pixmap(ICON_SIZE, ICON_SIZE))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)

        self.text = QLabel()
        self.text.setObjectName("fileProblemText")
        self.text.setAccessibleName(QCoreApplication.translate("FileProblemBar", "File problem"))
        self.text.setTextFormat(Qt.TextFormat.PlainText)  # paths and messages are data, never markup
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.move_button = self._button(
            "moveAsideButton",
            QCoreApplication.translate("FileProblemBar", "&Move aside and start fresh"),
            self._move_aside,
        )
        self.move_button.setAccessibleName(
            QCoreApplication.translate("FileProblemBar", "Move the file aside as a backup and start fresh")
        )
        self.move_button.setAccessibleDescription(
            QCoreApplication.translate(
                "FileProblemBar", "Renames the file as a backup beside it; ccdesk starts a new one"
            )
        )
        self.move_button.setVisible(on_move_aside is not None)
        self.open_button = self._button(
            "openFolderButton",
            QCoreApplication.translate("FileProblemBar", "Open &folder"),
            self._open_folder,
        )
        self.open_button.setAccessibleName(
            QCoreApplication.translate("FileProblemBar", "Open the file's folder")
        )
        self.open_button.setAccessibleDescription(
            QCoreApplication.translate("FileProblemBar", "Shows the folder in the file manager")
        )
        self.dismiss_button = self._button(
            "dismissProblemButton", QCoreApplication.translate("FileProblemBar", "Dismiss"), self.dismiss
        )
        self.dismiss_button.setAccessibleName(
            QCoreApplication.translate("FileProblemBar", "Dismiss this message")
        )
        self.dismiss_button.setAccessibleDescription(
            QCoreApplication.translate("FileProblemBar", "Hides this bar; the file is left as it is")
        )

        row = QHBoxLayout(self)
        row.setContentsMargins(8, 6, 8, 6)
        row.addWidget(icon, 0)
        row.addWidget(self.text, 1)
        for button in (self.move_button, self.open_button, self.dismiss_button):
            row.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        self._say(message, remedy)

    def _button(self, name: str, label: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(label)
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    @staticmethod
    def _words(message: str, remedy: str) -> str:
        return f"{message}\n{remedy}" if remedy else message

    def says(self, message: str, remedy: str) -> bool:
        """Whether the bar shows exactly these words now."""
        return self.text.text() == self._words(message, remedy)

    @property
    def has_move_aside(self) -> bool:
        return self._on_move_aside is not None and not self.move_button.isHidden()

    def _say(self, message: str, remedy: str) -> None:
        text = self._words(message, remedy)
        self.text.setText(text)
        self.setAccessibleDescription(text)

    def _move_aside(self) -> None:
        if self._on_move_aside is None:
            return
        try:
            backup = self._on_move_aside()
        except LocalFileError as exc:
            self._say(str(exc), exc.remedy)  # could not be moved: say why, keep the buttons
            return
        self.move_button.hide()
        if backup is not None:
            text = QCoreApplication.translate(
                "FileProblemBar",
                "Started fresh: the {name} that had a problem was moved aside. The old file is kept as {backup}.",
            ).format(name=self.path.name, backup=backup)
        else:
            text = QCoreApplication.translate(
                "FileProblemBar", "Started fresh: the {name} that had a problem was moved aside."
            ).format(name=self.path.name)
        self._say(text, "")

    def _open_folder(self) -> None:
        """The file's folder, or the nearest folder above it that exists (a folder that could not be made)."""
        folder = next((p for p in self.path.parents if _is_folder(p)), self.path.parent)
        self._open_url(QUrl.fromLocalFile(str(folder)))

    def dismiss(self) -> None:
        self.hide()
        self.deleteLater()
        bars = self.parent()
        if isinstance(bars, ProblemBars):
            bars.forget(self)


def _is_folder(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:  # cannot even be looked into
        return False


class ProblemBars(QWidget):
    """The stack of problem bars at the top of the window: one bar per file, hidden when there is none."""

    def __init__(
        self, parent: QWidget | None = None, *, open_url: Callable[[QUrl], object] = QDesktopServices.openUrl
    ) -> None:
        super().__init__(parent)
        self.setObjectName("fileProblems")
        self.setAccessibleName(QCoreApplication.translate("ProblemBars", "Problems with ccdesk's files"))
        self._open_url = open_url
        self._bars: dict[Path, FileProblemBar] = {}
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(4)
        self.hide()

    def show_problem(
        self, path: Path, message: str, remedy: str = "", *, on_move_aside: MoveAside | None = None
    ) -> FileProblemBar:
        """Show (or replace) the bar for `path`; a new problem with the same file never stacks a second bar."""
        old = self._bars.get(path)
        if (
            old is not None
            and old.says(message, remedy)
            and old.has_move_aside == (on_move_aside is not None)
        ):
            return old  # the same words again (a second failed dial): the bar stays as it is
        self._bars.pop(path, None)
        if old is not None:
            old.dismiss()
        bar = FileProblemBar(
            path, message, remedy, on_move_aside=on_move_aside, open_url=self._open_url, parent=self
        )
        self._bars[path] = bar
        self._layout.addWidget(bar)
        bar.show()  # a child added to a stack already on screen stays hidden until shown
        self.show()
        return bar

    def show_error(self, error: LocalFileError, *, on_move_aside: MoveAside | None = None) -> FileProblemBar:
        """The bar for a LocalFileError; the move-aside button only when the error says the file can be."""
        return self.show_problem(
            error.path,
            str(error),
            error.remedy,
            on_move_aside=on_move_aside if error.can_move_aside else None,
        )

    def clear(self, path: Path) -> None:
        """The file at `path` works again: its bar goes."""
        bar = self._bars.get(path)
        if bar is not None:
            bar.dismiss()

    def forget(self, bar: FileProblemBar) -> None:
        if self._bars.get(bar.path) is bar:
            del self._bars[bar.path]
        if not self._bars:
            self.hide()

    def paths(self) -> list[Path]:
        """The files with a problem shown, in the order they were reported."""
        return list(self._bars)
