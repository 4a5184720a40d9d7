"""Time from process start to the first painted window, `ccdesk --demo` beside a bare PySide6 window.

Both are started the same way (a fresh interpreter, the same Qt platform); each child notes the wall clock at
the first Paint event of its main window, then idles one second and reports its resident memory. Run:

    python tests/benchmarks/startup.py [--runs 7] [--platform offscreen|xcb]

Prints medians; the figures go into README. Not a test: timings on shared machines vary.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

CHILD = r"""
import json, sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QLabel

painted = []

def rss_kib() -> int:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if not painted and event.type() == QEvent.Type.Paint and isinstance(obj, QMainWindow):
            painted.append(time.time())
            QTimer.singleShot(1000, finish)
        return False

def finish():
    print(json.dumps({"painted": painted[0], "rss_kib": rss_kib()}), flush=True)
    QApplication.instance().quit()

app = QApplication(sys.argv[:1])
spy = FirstPaint()
app.installEventFilter(spy)
if sys.argv[1] == "bare":
    window = QMainWindow()
    window.setCentralWidget(QLabel("bare PySide6 window"))
    window.resize(1120, 760)
    window.show()
    app.exec()
else:
    from ccdesk.app import main
    main(["--demo"])
"""


def run_once(kind: str, platform: str) -> tuple[float, int]:
    env = {**os.environ, "QT_QPA_PLATFORM": platform, "CCDESK_HOME": tempfile.mkdtemp(prefix="ccdesk-bench-")}
    started = time.time()
    done = subprocess.run(
        [sys.executable, "-c", CHILD, kind], env=env, capture_output=True, text=True, timeout=120, check=True
    )
    line = [text for text in done.stdout.splitlines() if text.startswith("{")][-1]
    result = json.loads(line)
    return result["painted"] - started, result["rss_kib"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--platform", default=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    args = parser.parse_args()
    run_once("bare", args.platform)  # warm the disk cache for both
    run_once("ccdesk", args.platform)
    figures: dict[str, tuple[float, float]] = {}
    for kind in ("bare", "ccdesk"):
        samples = [run_once(kind, args.platform) for _ in range(args.runs)]
        figures[kind] = (statistics.median(s[0] for s in samples), statistics.median(s[1] for s in samples))
    bare, ours = figures["bare"], figures["ccdesk"]
    print(f"platform {args.platform}, {args.runs} runs each, medians")
    print(f"bare PySide6 window : first paint {bare[0] * 1000:6.0f} ms, idle RSS {bare[1] / 1024:5.1f} MiB")
    print(f"ccdesk --demo       : first paint {ours[0] * 1000:6.0f} ms, idle RSS {ours[1] / 1024:5.1f} MiB")
    print(f"ratio               : {ours[0] / bare[0]:.2f}x (target 1.5x or less)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
