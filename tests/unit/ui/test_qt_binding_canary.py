"""The installed Qt binding keeps Python's reference counts: a broken PySide6/shiboken6 release fails here.

PySide6-Essentials 6.12.0 on CPython 3.11 loses a reference to None/True/False on every Python-side emit and
QRunnable.run override, and ccdesk then dies within minutes ("Fatal Python error: none_dealloc"). No ordinary
test runs long enough to see it, so this one does thousands of those operations in a child process (a fatal
error fails the test instead of killing pytest) and requires the counts not to fall.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

CANARY = Path(__file__).with_name("qt_binding_canary.py")


def test_signals_and_runnables_keep_the_reference_counts_of_none_true_and_false() -> None:
    done = subprocess.run(
        [sys.executable, str(CANARY)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    report = f"exit code {done.returncode}\n{done.stdout}{done.stderr[-2000:]}"
    assert done.returncode == 0, f"this PySide6/shiboken6 build corrupts reference counts: {report}"
    assert "canary: ok" in done.stdout, report
