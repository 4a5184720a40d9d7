"""The first start without a profile: pressing Esc on the Settings dialog quits cleanly and saves nothing.

With PySide6-Essentials 6.12.0 this ended in a segmentation fault (exit 139) every time: the binding's fault,
invisible to an in-process test, so the real `ccdesk` entry runs in a child process, on a virtual X screen when
Xvfb is installed (as a user would see it) and offscreen otherwise.
"""

from __future__ import annotations

import os
import select
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

# The child: ccdesk.app.main() as the `ccdesk` command runs it, plus a timer that presses Esc on the first
# modal dialog (main() reuses the QApplication made here, created with the same arguments as its own).
CHILD = """
import os, sys
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

app = QApplication([sys.argv[0]])
waited = []

def press_escape():
    dialog = QApplication.activeModalWidget()
    if dialog is None:
        waited.append(1)
        if len(waited) > 600:  # 30 s without a dialog: say so instead of hanging
            print("no modal dialog appeared", flush=True)
            os._exit(3)
        QTimer.singleShot(50, press_escape)
        return
    print(f"dialog: {type(dialog).__name__}: {dialog.windowTitle()}", flush=True)
    QTest.keyClick(dialog, Qt.Key.Key_Escape)

QTimer.singleShot(0, press_escape)
from ccdesk.app import main
sys.exit(main([]))
"""


def _xcb_works(env: dict[str, str]) -> bool:
    """Qt's xcb plugin needs a few system libraries (libxcb-icccm4, libxcb-keysyms1...) besides the X server."""
    probe = "from PySide6.QtGui import QGuiApplication; QGuiApplication([])"
    done = subprocess.run(
        [sys.executable, "-c", probe], env=env, capture_output=True, timeout=60, check=False
    )
    return done.returncode == 0


@pytest.fixture
def screen() -> Iterator[dict[str, str]]:
    """QT_QPA_PLATFORM (and DISPLAY) for the child: a private Xvfb display if possible, else offscreen."""
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        yield {"QT_QPA_PLATFORM": "offscreen"}
        return
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        [xvfb, "-displayfd", str(write_end), "-screen", "0", "1280x800x24", "-nolisten", "tcp", "-noreset"],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    try:  # the pipe stays open while the server runs: Xvfb may write to it again and would die of SIGPIPE
        ready, _, _ = select.select([read_end], [], [], 30)
        number = os.read(read_end, 32).decode().strip() if ready else ""
        display = {"QT_QPA_PLATFORM": "xcb", "DISPLAY": f":{number}"}
        if number and _xcb_works({**os.environ, **display}):
            yield display
        else:
            yield {"QT_QPA_PLATFORM": "offscreen"}
    finally:
        server.terminate()
        server.wait(10)
        os.close(read_end)


def test_escape_on_the_first_run_settings_dialog_exits_0_and_writes_no_config(
    isolated_home: Path, screen: dict[str, str]
) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CCDESK_") and k != "DISPLAY"}
    env.update({"CCDESK_HOME": str(isolated_home), **screen})
    done = subprocess.run(
        [sys.executable, "-c", CHILD], env=env, capture_output=True, text=True, timeout=120, check=False
    )
    report = (
        f"on {screen['QT_QPA_PLATFORM']}: exit code {done.returncode}\n{done.stdout}{done.stderr[-2000:]}"
    )
    assert "dialog: SettingsDialog" in done.stdout, report
    assert done.returncode == 0, report
    config = isolated_home / "config"
    assert not config.exists() or not any(config.iterdir()), report
