"""The `ccdesk` program as a process: --self-test proves the whole stack works, and says so when it does not."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def _env(home: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CCDESK_")}
    env.update({"CCDESK_HOME": str(home), "QT_QPA_PLATFORM": "offscreen", **extra})
    return env


def test_self_test_passes(isolated_home: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "ccdesk", "--self-test"],
        env=_env(isolated_home),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "self-test: passed" in done.stdout
    for step in ("dial", "set codes", "hang up", "end the call", "free line 1"):
        assert f"ok   {step}" in done.stdout


def test_self_test_fails_when_the_simulator_fails(isolated_home: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "ccdesk", "--self-test", "--sim-fault", "status:500"],
        env=_env(isolated_home),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 1
    assert "FAIL" in done.stdout and "HTTP 500" in done.stdout
