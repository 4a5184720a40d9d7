"""`ccdesk` with a settings file it cannot read and nothing else saying where to connect: it says which file and
what is wrong, offers to move it aside (kept as a backup) and set up again, and never shows a traceback.

The real `ccdesk` entry (ccdesk.app.main) in a child process, offscreen, answering its dialogs as a user would.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

# Answers each modal dialog in turn: the start-up problem (`answer` = which button), then the first-run Settings
# dialog (Esc). Prints what it saw, so the test can check the words.
CHILD = """
import os, sys
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

app = QApplication([sys.argv[0]])
answer = sys.argv[1]
ticks = []

def answer_dialogs():
    ticks.append(1)
    if len(ticks) > 600:
        print("stuck: no dialog to answer", flush=True)
        os._exit(3)
    dialog = QApplication.activeModalWidget()
    if isinstance(dialog, QMessageBox) and dialog.objectName() == "startupProblem":
        print(f"problem: {dialog.text()}", flush=True)
        [button] = [b for b in dialog.buttons() if b.text() == answer]
        button.click()
    elif dialog is not None and type(dialog).__name__ == "SettingsDialog":
        print("settings dialog", flush=True)
        QTest.keyClick(dialog, Qt.Key.Key_Escape)
    QTimer.singleShot(50, answer_dialogs)

QTimer.singleShot(0, answer_dialogs)
from ccdesk.app import main
sys.exit(main([]))
"""

BROKEN = b'{"profiles": {"work": {"tenant": "acmecorp01"}}, oops'


def run(home: Path, answer: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CCDESK_") and k != "DISPLAY"}
    env.update({"CCDESK_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"})
    return subprocess.run(
        [sys.executable, "-c", CHILD, answer],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.fixture
def broken(isolated_home: Path) -> Path:
    config = isolated_home / "config" / "config.json"
    config.parent.mkdir(parents=True)
    config.write_bytes(BROKEN)
    return config


def test_move_aside_and_set_up_again(isolated_home: Path, broken: Path) -> None:
    done = run(isolated_home, "Move aside and set up again")
    report = f"exit {done.returncode}\n{done.stdout}{done.stderr[-3000:]}"
    assert f"problem: The settings file {broken} is not valid JSON" in done.stdout, report
    assert "settings dialog" in done.stdout, report  # then the first run, as on a new machine
    assert done.returncode == 0 and "Traceback" not in done.stderr, report
    [backup] = [p for p in broken.parent.iterdir() if p.name.startswith("config.json.broken-")]
    assert backup.read_bytes() == BROKEN and not broken.exists()


def test_quit_leaves_the_file_as_it_was(isolated_home: Path, broken: Path) -> None:
    done = run(isolated_home, "Quit")
    report = f"exit {done.returncode}\n{done.stdout}{done.stderr[-3000:]}"
    assert "problem: The settings file" in done.stdout, report
    assert done.returncode == 2 and "Traceback" not in done.stderr, report
    assert broken.read_bytes() == BROKEN
    assert [p.name for p in broken.parent.iterdir()] == ["config.json"]
