"""Problems nobody would otherwise see: logged with their context, shown to the agent once, saved for IT.

Uncaught exceptions (in slots, on the GUI thread, on worker threads) and Qt's own warnings would go to a stderr
that a desktop user never sees. Here they go to the log; the first real problem of a session also opens a
non-blocking notice naming the log, with buttons to open the log folder and save diagnostics. Later problems only
go to the log, so a loop of failures never buries the window under message boxes.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ccdesk.core.diagnostics import (
    disable_fault_log,
    enable_fault_log,
    install_exception_hooks,
    uninstall_exception_hooks,
    write_diagnostics,
)
from ccdesk.core.local_files import LocalFileError
from ccdesk.core.paths import AppDirs
from ccdesk.ui.bridge import to_gui
from ccdesk.ui.plain import plain_box
from ccdesk.ui.qt import QCoreApplication, Qt, QtMsgType, qInstallMessageHandler, qt_version

if TYPE_CHECKING:
    from ccdesk.ui.qt import QMessageBox, QMessageLogContext, QWidget

# The widgets, the file dialog and QUrl are imported where they are used: this module is loaded at start-up,
# and touching those classes builds their enums (several milliseconds) for a notice that is rarely shown.

log = logging.getLogger("ccdesk.ui.crash_notice")
qt_log = logging.getLogger("ccdesk.qt")

OBJECT_NAME = "crashNotice"
LOG_FILE = "ccdesk.log"
_SUMMARY_LIMIT = 400


def qt_versions() -> dict[str, str]:
    """The versions only the Qt side knows, for the diagnostics zip."""
    import PySide6

    return {"Qt": qt_version(), "PySide6": PySide6.__version__}


class CrashNotice:
    """Reports problems from any thread: the first one of the session opens a notice, every one is logged.

    `report(context, exc)` is what the exception hooks call; `qt_message` is the Qt message handler.
    """

    def __init__(
        self,
        dirs: AppDirs,
        parent_provider: Callable[[], QWidget | None],
        *,
        extra: Callable[[], Mapping[str, str]] = qt_versions,
    ) -> None:
        self.dirs = dirs
        self._parent = parent_provider
        self._extra = extra
        self._lock = threading.Lock()
        self._reported = False
        self._previous_handler: Callable[[QtMsgType, QMessageLogContext, str], Any] | None = None
        self._handler_installed = False

    # -- from any thread --------------------------------------------------------------------------------------

    def report(self, context: str, exc: BaseException) -> None:
        """Show the notice for this problem, unless one was already shown this session (it is logged anyway)."""
        try:
            summary = f"{type(exc).__name__}: {exc}"
        except Exception:  # an exception whose str() fails still gets its notice
            summary = type(exc).__name__
        self._notify(context, summary)

    def qt_message(self, kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        """Qt's message handler: every message to the `ccdesk.qt` logger; a critical one opens the notice too."""
        where = [f"category {context.category}"] if context.category else []
        if context.file:
            where.append(f"{context.file}:{context.line}")
        if context.function:
            where.append(f"in {context.function}")
        suffix = f" ({', '.join(where)})" if where else ""
        name, level = _QT_LEVELS.get(kind, ("message", logging.WARNING))
        qt_log.log(level, "Qt %s: %s%s", name, message, suffix)
        if kind == QtMsgType.QtCriticalMsg:
            self._notify(QCoreApplication.translate("CrashNotice", "Qt reported a critical problem"), message)
        if self._previous_handler is not None:
            self._previous_handler(kind, context, message)

    def _notify(self, context: str, summary: str) -> None:
        if (
            QCoreApplication.instance() is None
        ):  # before Qt starts or after it ends: the log has it, no window
            return
        with self._lock:
            if self._reported:
                return
            self._reported = True
        to_gui(lambda: self._show(context, summary))

    # -- on the GUI thread ------------------------------------------------------------------------------------

    def _show(self, context: str, summary: str) -> None:
        from ccdesk.ui.qt import QMessageBox

        if len(summary) > _SUMMARY_LIMIT:
            summary = summary[: _SUMMARY_LIMIT - 1] + "…"
        box = QMessageBox(self._parent_widget())
        box.setObjectName(OBJECT_NAME)
        title = QCoreApplication.translate("CrashNotice", "ccdesk: a problem")
        box.setWindowTitle(title)
        box.setAccessibleName(title)
        box.setAccessibleDescription(
            QCoreApplication.translate(
                "CrashNotice", "ccdesk hit an unexpected problem and keeps running; the log has the details"
            )
        )
        box.setIcon(QMessageBox.Icon.Warning)
        box.setText(
            QCoreApplication.translate("CrashNotice", "ccdesk hit a problem; details in {log}").format(
                log=self.dirs.logs / LOG_FILE
            )
        )
        box.setInformativeText(
            QCoreApplication.translate(
                "CrashNotice",
                "{context}: {summary}\n\nccdesk keeps running. If something looks wrong, save the diagnostics and "
                "send the file to IT. Further problems this session go to the log only.",
            ).format(context=context, summary=summary)
        )
        plain_box(box)  # the summary can hold any text, the platform's included
        open_logs = box.addButton(
            QCoreApplication.translate("CrashNotice", "Open log folder"), QMessageBox.ButtonRole.ActionRole
        )
        open_logs.setObjectName("crashNoticeOpenLogs")
        open_logs.setAccessibleDescription(
            QCoreApplication.translate("CrashNotice", "Shows the folder of ccdesk's log in the file manager")
        )
        save = box.addButton(
            QCoreApplication.translate("CrashNotice", "Save diagnostics…"), QMessageBox.ButtonRole.ActionRole
        )
        save.setObjectName("crashNoticeSaveDiagnostics")
        save.setAccessibleDescription(
            QCoreApplication.translate(
                "CrashNotice",
                "Saves one zip for IT: logs, versions and settings, without the token or numbers",
            )
        )
        box.addButton(QMessageBox.StandardButton.Close)
        open_logs.clicked.connect(self.open_log_folder)
        save.clicked.connect(self.save_diagnostics)
        box.setWindowModality(Qt.WindowModality.NonModal)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.show()

    def _parent_widget(self) -> QWidget | None:
        try:
            parent = self._parent()
            if parent is not None:
                parent.objectName()  # raises RuntimeError once Qt has deleted the window
        except RuntimeError:
            return None
        return parent

    def open_log_folder(self) -> None:
        from ccdesk.ui.qt import QDesktopServices, QUrl

        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.dirs.logs))):
            log.warning("could not open the log folder %s", self.dirs.logs)

    def save_diagnostics(self) -> Path | None:
        return save_diagnostics(self._parent_widget(), self.dirs, self.dirs.config_file, self._extra())

    # -- lifetime ---------------------------------------------------------------------------------------------

    def install_qt_handler(self) -> None:
        """Route Qt's messages here; Qt's previous handler (if it was a Python one) still receives them."""
        if not self._handler_installed:
            self._previous_handler = qInstallMessageHandler(self.qt_message)
            self._handler_installed = True

    def uninstall(self) -> None:
        """Put back the exception hooks and Qt's message handler, and stop the crash log (tests, hosts)."""
        uninstall_exception_hooks()
        if self._handler_installed:
            qInstallMessageHandler(self._previous_handler)
            self._previous_handler = None
            self._handler_installed = False
        disable_fault_log()


_QT_LEVELS = {
    QtMsgType.QtDebugMsg: ("debug", logging.DEBUG),
    QtMsgType.QtInfoMsg: ("info", logging.INFO),
    QtMsgType.QtWarningMsg: ("warning", logging.WARNING),
    QtMsgType.QtCriticalMsg: ("critical", logging.ERROR),
    QtMsgType.QtFatalMsg: ("fatal", logging.CRITICAL),  # Qt aborts next; faulthandler writes the stack
}


def install_crash_reporting(
    dirs: AppDirs,
    parent_provider: Callable[[], QWidget | None],
    *,
    extra: Callable[[], Mapping[str, str]] = qt_versions,
) -> CrashNotice:
    """Crash log, exception hooks and Qt's message handler, once at start-up; returns the notice to keep."""
    enable_fault_log(dirs.logs)
    notice = CrashNotice(dirs, parent_provider, extra=extra)
    install_exception_hooks(notice.report)
    notice.install_qt_handler()
    return notice


def save_diagnostics(
    parent: QWidget | None, dirs: AppDirs, config_file: Path | None, extra: Mapping[str, str]
) -> Path | None:
    """Help > Save diagnostics…: ask where, write the zip, say where it went; None when cancelled or failed."""
    from ccdesk.ui.qt import QFileDialog, QMessageBox, QStandardPaths

    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    default = Path(folder or Path.home()) / f"ccdesk-diagnostics-{time.strftime('%Y%m%d-%H%M%S')}.zip"
    chosen, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("CrashNotice", "Save diagnostics"),
        str(default),
        QCoreApplication.translate("CrashNotice", "Zip archives (*.zip)"),
    )
    if not chosen:
        return None
    target = Path(chosen)
    with_suffix = target.with_name(target.name + ".zip")
    if target.suffix.lower() != ".zip" and not with_suffix.exists():  # some dialogs add it, some do not
        target = with_suffix
    try:
        written = write_diagnostics(target, dirs=dirs, config_file=config_file, extra=extra)
    except LocalFileError as exc:
        _message(
            parent,
            QMessageBox.Icon.Warning,
            QCoreApplication.translate("CrashNotice", "Diagnostics not saved"),
            f"{exc}\n\n{exc.remedy}",
        )
        return None
    _message(
        parent,
        QMessageBox.Icon.Information,
        QCoreApplication.translate("CrashNotice", "Diagnostics saved"),
        QCoreApplication.translate(
            "CrashNotice",
            "Saved to {path}\n\nSend this file to IT. It holds ccdesk's logs, versions and settings, without "
            "the token, phone numbers or the call journal.",
        ).format(path=written),
    )
    return written


def _message(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str) -> None:
    """A modal message in plain text (a path or an OS message must never be read as markup)."""
    from ccdesk.ui.qt import QMessageBox

    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("diagnosticsMessage")
    box.setAccessibleName(title)
    box.setAccessibleDescription(text)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.exec()
