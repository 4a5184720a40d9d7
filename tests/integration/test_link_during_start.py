"""A link clicked while ccdesk is still starting reaches it: the listener is up before the window exists.

The real `ccdesk` entry (ccdesk.app.main) runs in a child process, offscreen. Just before it builds its window, a
second launch (`python -m ccdesk tel:...`, what a browser starts for a clicked link) runs to completion: it must hand
its link over and exit 0, and the link must then appear in the window's dial field; no second window.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

CHILD = """
import subprocess, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLineEdit

import ccdesk.app as entry

real = entry.create_main_window
waited = []

def create_main_window(argv, *args, **kwargs):
    second = subprocess.run([sys.executable, "-m", "ccdesk", "tel:+44 20 7946 0018"], capture_output=True,
                            text=True, timeout=20)
    print(f"second launch: exit {second.returncode} {second.stderr.strip()}", flush=True)
    window = real(argv, *args, **kwargs)
    print(f"window painted when the link came: {window._painted}", flush=True)

    def check():
        number = window.findChild(QLineEdit, "numberInput").text()
        waited.append(1)
        if number or len(waited) > 200:
            print(f"dial field: {number!r}", flush=True)
            QApplication.quit()
        else:
            QTimer.singleShot(50, check)

    QTimer.singleShot(0, check)
    return window

entry.create_main_window = create_main_window
sys.exit(entry.main(["--demo"]))
"""


def test_a_link_clicked_during_start_up_reaches_the_starting_window(isolated_home: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CCDESK_")}
    env.update({"CCDESK_HOME": str(isolated_home), "QT_QPA_PLATFORM": "offscreen"})
    done = subprocess.run(
        [sys.executable, "-c", CHILD], env=env, capture_output=True, text=True, timeout=120, check=False
    )
    report = f"exit {done.returncode}\n{done.stdout}{done.stderr[-2000:]}"
    assert "second launch: exit 0" in done.stdout, report  # handed over, no second window
    assert "window painted when the link came: False" in done.stdout, report
    assert "dial field: '+44 20 7946 0018'" in done.stdout, report
    assert done.returncode == 0, report
