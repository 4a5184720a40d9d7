"""PyInstaller runtime hook: give a windowed build somewhere to print when asked to.

A Windows GUI-subsystem executable (console=False) starts with sys.stdout/sys.stderr set to None, as pythonw.exe
does, so `ccdesk.exe --self-test` would print nothing for packaging/build.py to read. When CCDESK_STDIO_LOG names
a file, the missing streams write there instead. Without the variable nothing changes.
"""

import os
import sys

_path = os.environ.get("CCDESK_STDIO_LOG")
if _path and (sys.stdout is None or sys.stderr is None):
    _log = open(_path, "a", encoding="utf-8", buffering=1)  # noqa: SIM115 (lives as long as the process)
    if sys.stdout is None:
        sys.stdout = _log
    if sys.stderr is None:
        sys.stderr = _log
