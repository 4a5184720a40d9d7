"""Suite-wide isolation: no real home, no real keyring, no display, no thread left behind."""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Property tests search the same examples on every run, so a run (and CI) is reproducible and never red by
# luck; `HYPOTHESIS_PROFILE=explore` searches afresh (and the benchmarks run longer searches).
settings.register_profile("suite", derandomize=True, database=None)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "suite"))
# The real OS keyring is never touched: any accidental use fails loudly instead.
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own CCDESK_HOME and none of the developer's CCDESK_* settings."""
    for name in list(os.environ):
        if name.startswith("CCDESK_"):
            monkeypatch.delenv(name, raising=False)
    home = tmp_path / "ccdesk-home"
    monkeypatch.setenv("CCDESK_HOME", str(home))
    return home


@pytest.fixture(autouse=True)
def no_log_handler_left_behind() -> Iterator[None]:
    """A window wires its log file into the root logger; each test's file belongs to that test's home."""
    yield
    root = logging.getLogger()
    for handler in [h for h in root.handlers if getattr(h, "_ccdesk", False)]:
        root.removeHandler(handler)
        handler.close()


@pytest.fixture(autouse=True)
def no_thread_left_behind() -> Iterator[None]:
    """Fail a test that leaves a thread running (servers, pools and workers must be stopped)."""
    before = set(threading.enumerate())
    yield
    deadline = time.monotonic() + 2.0
    while True:
        # Qt's pool threads show up as _DummyThread once Python code ran on them; they are drained by the
        # window fixtures (QThreadPool.waitForDone) and never reported as finished by `threading`.
        extra = [
            t
            for t in threading.enumerate()
            if t not in before and t.is_alive() and not isinstance(t, threading._DummyThread)
        ]
        if not extra or time.monotonic() > deadline:
            break
        time.sleep(0.02)
    assert not extra, f"threads left running: {[t.name for t in extra]}"


@pytest.fixture(autouse=True)
def logging_levels_restored() -> Iterator[None]:
    """A command run with -v sets the root logger to DEBUG: later tests must not pay for debug records."""
    names = ("", "httpx", "httpcore", "ccdesk")
    levels = {name: logging.getLogger(name).level for name in names}
    yield
    for name, level in levels.items():
        logging.getLogger(name).setLevel(level)


@pytest.fixture(autouse=True)
def english_words_after() -> Iterator[None]:
    """A test that puts the API and core layers' words in another language leaves them English for the next."""
    yield
    from ccdesk.api import words

    words.use(None)


@pytest.fixture
def french_words() -> None:
    """The API and core layers' words in the French ccdesk ships, as in a French window."""
    from ccdesk.api import words
    from tests.shipped_french import french

    words.use(french)
