"""Problems in slots, on worker threads and from Qt are logged with context and shown once; diagnostics save."""

from __future__ import annotations

import faulthandler
import logging
import sys
import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import qCritical, qWarning  # Qt's own ways to emit a message, for the test only
from pytestqt.qtbot import QtBot

from ccdesk.core.paths import AppDirs, app_dirs
from ccdesk.ui.crash_notice import CrashNotice, install_crash_reporting, save_diagnostics
from ccdesk.ui.qt import (
    QApplication,
    QDesktopServices,
    QFileDialog,
    QMessageBox,
    QPushButton,
    QTimer,
    QWidget,
    qInstallMessageHandler,
)

EXTRA = {"Qt": "test-qt", "keyring backend": "test-keyring"}


@pytest.fixture
def dirs() -> AppDirs:
    return app_dirs().ensure()


@pytest.fixture
def window(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def reporting(dirs: AppDirs, window: QWidget) -> Iterator[CrashNotice]:
    """Crash reporting as app.py installs it; hooks, Qt's handler and faulthandler are restored after."""
    hooks = (sys.excepthook, threading.excepthook)
    handler = qInstallMessageHandler(None)  # read the current handler (pytest-qt's) and put it back
    qInstallMessageHandler(handler)
    faulthandler_was_on = faulthandler.is_enabled()
    notice = install_crash_reporting(dirs, lambda: window, extra=lambda: EXTRA)
    yield notice
    notice.uninstall()
    if faulthandler_was_on:
        faulthandler.enable(file=sys.__stderr__)
    for box in notices():
        box.close()
    assert (sys.excepthook, threading.excepthook) == hooks
    assert qInstallMessageHandler(handler) is handler


def notices() -> list[QMessageBox]:
    return [
        w
        for w in QApplication.allWidgets()
        if w.objectName() == "crashNotice" and isinstance(w, QMessageBox) and w.isVisible()
    ]


def errors(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.name == "ccdesk" and r.levelno == logging.ERROR]


def raise_in_slot() -> None:
    raise ValueError("a slot failed")


def raise_on_worker() -> None:
    raise RuntimeError("a worker failed")


def run_worker(name: str) -> None:
    worker = threading.Thread(target=raise_on_worker, name=name)
    worker.start()
    worker.join()


def test_one_notice_for_exceptions_in_slots_and_on_a_thread(
    qtbot: QtBot, reporting: CrashNotice, dirs: AppDirs, window: QWidget, caplog: pytest.LogCaptureFixture
) -> None:
    QTimer.singleShot(0, raise_in_slot)
    QTimer.singleShot(0, raise_in_slot)
    qtbot.waitUntil(lambda: len(errors(caplog)) == 2)
    run_worker("bulk-worker")
    qtbot.waitUntil(lambda: len(errors(caplog)) == 3)

    qtbot.waitUntil(lambda: bool(notices()))
    for _ in range(3):
        QApplication.processEvents()

    [box] = notices()
    assert box.text() == f"ccdesk hit a problem; details in {dirs.logs / 'ccdesk.log'}"
    assert "ValueError: a slot failed" in box.informativeText()
    assert box.parent() is window
    assert not box.isModal()
    messages = [r.getMessage() for r in errors(caplog)]
    assert sum("MainThread" in m for m in messages) == 2
    assert any("bulk-worker" in m and "threading.excepthook" in m for m in messages)
    assert caplog.text.count("a slot failed") >= 2  # each one's traceback is in the log


def test_a_worker_thread_problem_reaches_the_gui_thread(
    qtbot: QtBot, reporting: CrashNotice, dirs: AppDirs, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)

    run_worker("audit-writer")
    qtbot.waitUntil(lambda: bool(notices()))

    [box] = notices()
    assert "audit-writer" in box.informativeText()
    assert "RuntimeError: a worker failed" in box.informativeText()
    assert box.thread() is QApplication.instance().thread()
    box.findChild(QPushButton, "crashNoticeOpenLogs").click()
    assert opened == [str(dirs.logs)]


def test_the_notice_saves_diagnostics_and_later_problems_are_only_logged(
    qtbot: QtBot,
    reporting: CrashNotice,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(tmp_path / "for-it.zip"), ""))
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    QTimer.singleShot(0, raise_in_slot)
    qtbot.waitUntil(lambda: bool(notices()))

    notices()[0].findChild(QPushButton, "crashNoticeSaveDiagnostics").click()

    with zipfile.ZipFile(tmp_path / "for-it.zip") as archive:
        assert "keyring backend: test-keyring" in archive.read("about.txt").decode()
    assert str(tmp_path / "for-it.zip") in shown[0]
    QTimer.singleShot(0, raise_in_slot)
    qtbot.waitUntil(lambda: len(errors(caplog)) == 2)
    QApplication.processEvents()
    assert notices() == []


def test_qt_messages_go_to_the_log_and_a_critical_one_shows_the_notice(
    qtbot: QtBot, reporting: CrashNotice, caplog: pytest.LogCaptureFixture
) -> None:
    qWarning("a harmless Qt warning")
    QApplication.processEvents()

    [warning] = [r for r in caplog.records if r.name == "ccdesk.qt" and "harmless" in r.getMessage()]
    assert warning.levelno == logging.WARNING
    assert warning.getMessage() == "Qt warning: a harmless Qt warning (category default)"
    assert not notices()

    qCritical("a critical Qt problem")
    qtbot.waitUntil(lambda: bool(notices()))

    [critical] = [r for r in caplog.records if r.name == "ccdesk.qt" and "critical Qt" in r.getMessage()]
    assert critical.levelno == logging.ERROR
    assert "a critical Qt problem" in notices()[0].informativeText()


def test_saving_diagnostics_says_where(
    window: QWidget, dirs: AppDirs, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[Any] = []

    def choose(*args: Any) -> tuple[str, str]:
        asked.append(args)
        return str(tmp_path / "diagnostics"), "Zip archives (*.zip)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", choose)
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append((box.windowTitle(), box.text())) or 0)

    written = save_diagnostics(window, dirs, dirs.config_file, EXTRA)

    assert written == tmp_path / "diagnostics.zip"
    assert zipfile.is_zipfile(written)
    assert Path(asked[0][2]).name.startswith("ccdesk-diagnostics-")
    assert shown == [("Diagnostics saved", shown[0][1])]
    assert str(written) in shown[0][1]


def test_a_diagnostics_zip_that_cannot_be_written_is_a_message(
    window: QWidget, dirs: AppDirs, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "no-such-folder" / "diag.zip"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(target), ""))
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append((box.windowTitle(), box.text())) or 0)

    assert save_diagnostics(window, dirs, dirs.config_file, EXTRA) is None

    [(title, text)] = shown
    assert title == "Diagnostics not saved"
    assert str(target) in text


def test_cancelling_the_file_dialog_writes_nothing(
    window: QWidget, dirs: AppDirs, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: ("", ""))
    monkeypatch.setattr(QMessageBox, "exec", lambda box: pytest.fail("no message after Cancel"))

    assert save_diagnostics(window, dirs, dirs.config_file, EXTRA) is None
