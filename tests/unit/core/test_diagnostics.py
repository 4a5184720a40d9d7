"""Crashes leave a trail (crash.log, logged uncaught exceptions) and IT gets one zip without secrets or numbers."""

from __future__ import annotations

import base64
import faulthandler
import json
import logging
import os
import stat
import subprocess
import sys
import textwrap
import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from ccdesk import __version__
from ccdesk.core.diagnostics import (
    disable_fault_log,
    enable_fault_log,
    install_exception_hooks,
    scrub,
    uninstall_exception_hooks,
    write_diagnostics,
)
from ccdesk.core.local_files import LocalFileError
from ccdesk.core.paths import AppDirs, app_dirs

TOKEN = "s3cr3t-Action-Request-Token"
BASIC = base64.b64encode(f"acmecorp01:{TOKEN}".encode()).decode()
NUMBERS = ("6175551984", "617-555-1984", "555-1984", "12015551212", "7946 0958")
POSIX = os.name == "posix"


@pytest.fixture
def dirs() -> AppDirs:
    return app_dirs().ensure()


@pytest.fixture
def fault_log_restored() -> Iterator[None]:
    """crash.log is process-wide: put faulthandler back on stderr (pytest's own) after the test."""
    was_enabled = faulthandler.is_enabled()
    yield
    disable_fault_log()
    if was_enabled:
        faulthandler.enable(file=sys.__stderr__)


@pytest.fixture
def hooks_restored() -> Iterator[None]:
    before = (sys.excepthook, threading.excepthook)
    yield
    uninstall_exception_hooks()
    assert (sys.excepthook, threading.excepthook) == before


def _fill(dirs: AppDirs) -> None:
    """A profile, logs as a real session writes them (and worse), a crash log and a journal with a number."""
    config = {
        "version": 1,
        "default_profile": "work",
        "profiles": {
            "work": {
                "platform": "na12",
                "tenant": "acmecorp01",
                "agent_id": "ag0VYyLh0YTsymdbtYIaaaa",
                "caller_ids": [{"value": "12015551212", "name": "Main line"}, "+1 617-555-1984"],
                "queues": [{"value": "598", "name": "Sales"}],
                "data_presets": {"Bilbo": {"ext": [["Name", "Bilbo Baggins"], ["Phone", "6175551984"]]}},
                "token": TOKEN,
                "stream_key": TOKEN,
            }
        },
    }
    dirs.config_file.write_text(json.dumps(config), encoding="utf-8")
    (dirs.logs / "ccdesk.log").write_text(
        "2025-01-02 10:11:12,345 INFO ccdesk.api.client: POST /api/v1/tenants/acmecorp01/agents/x/calls"
        " -> 200 in 88 ms, retries=0\n"
        "2025-01-02 10:11:13,001 INFO ccdesk.ui.bridge: dial on line:1 failed: '+1 617-555-1984' is not a "
        "possible phone number in region US.\n"
        f"2025-01-02 10:11:14,002 DEBUG httpcore: send_request_headers: Authorization: Basic {BASIC}\n"
        f"2025-01-02 10:11:15,003 ERROR ccdesk: unexpected failure token={TOKEN}\n"
        "2025-01-02 10:11:16,004 INFO ccdesk: link ccdesk:dial?number=%2B16175551984&queue=598\n",
        encoding="utf-8",
    )
    (dirs.logs / "ccdesk.log.1").write_text(
        "2025-01-01 09:00:00,000 INFO ccdesk: +1 617-555-1984, sent as prefix 1, number 6175551984\n"
        "2025-01-01 09:00:01,000 INFO ccdesk: callerid 020 7946 0958\n",
        encoding="utf-8",
    )
    (dirs.logs / "crash.log").write_text("Fatal Python error: Segmentation fault\n", encoding="utf-8")
    dirs.journal_file.write_text("dialled 6175551984", encoding="utf-8")


def _contents(path: Path) -> dict[str, str]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name).decode("utf-8") for name in archive.namelist()}


def test_the_zip_has_logs_versions_and_settings(dirs: AppDirs, tmp_path: Path) -> None:
    _fill(dirs)
    extra = {"Qt": "6.11.3", "PySide6": "6.11.3", "keyring backend": "SecretService Keyring"}

    written = write_diagnostics(tmp_path / "diag.zip", dirs=dirs, config_file=dirs.config_file, extra=extra)

    entries = _contents(written)
    expected = {"about.txt", "config.json", "logs/ccdesk.log", "logs/ccdesk.log.1", "logs/crash.log"}
    assert expected <= set(entries)
    about = entries["about.txt"]
    for line in (
        f"ccdesk: {__version__}",
        "Python: ",
        "httpx: ",
        "Qt: 6.11.3",
        "keyring backend: SecretService",
    ):
        assert line in about
    assert "OS: " in about
    assert "Segmentation fault" in entries["logs/crash.log"]
    assert "POST /api/v1/tenants/acmecorp01/agents/x/calls -> 200 in 88 ms" in entries["logs/ccdesk.log"]
    settings = json.loads(entries["config.json"])["profiles"]["work"]
    assert settings["tenant"] == "acmecorp01"
    assert settings["queues"] == [{"value": "598", "name": "Sales"}]
    assert settings["caller_ids"] == [{"value": "<number>", "name": "Main line"}, "<number>"]
    assert settings["data_presets"] == {"Bilbo": {"ext": [["Name", "<value>"], ["Phone", "<value>"]]}}


def test_the_zip_has_no_token_no_numbers_and_no_journal(dirs: AppDirs, tmp_path: Path) -> None:
    _fill(dirs)

    written = write_diagnostics(tmp_path / "d.zip", dirs=dirs, config_file=dirs.config_file, extra={})

    entries = _contents(written)
    assert not [name for name in entries if "journal" in name or "sqlite" in name]
    everything = "\n".join(entries.values())
    assert TOKEN not in everything
    assert BASIC not in everything
    assert "Bilbo Baggins" not in everything
    for number in NUMBERS:
        assert number not in everything
    assert "token" not in json.loads(entries["config.json"])["profiles"]["work"]


def test_a_broken_settings_file_is_named_not_copied(dirs: AppDirs, tmp_path: Path) -> None:
    dirs.config_file.write_text('{"profiles": {"work": {"caller_ids": ["6175551984"', encoding="utf-8")

    written = write_diagnostics(tmp_path / "d.zip", dirs=dirs, config_file=dirs.config_file, extra={})

    entries = _contents(written)
    assert "config.json" not in entries
    assert "is not valid JSON" in entries["about.txt"]
    assert "6175551984" not in "\n".join(entries.values())


def test_an_unwritable_target_is_a_local_file_error_naming_it(dirs: AppDirs, tmp_path: Path) -> None:
    target = tmp_path / "a-folder-already"
    target.mkdir()

    with pytest.raises(LocalFileError) as caught:
        write_diagnostics(target, dirs=dirs, config_file=None, extra={})

    assert caught.value.path == target
    assert str(target) in str(caught.value)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-folder-already", "ccdesk-home"]  # no half zip


def test_a_missing_folder_is_named(dirs: AppDirs, tmp_path: Path) -> None:
    target = tmp_path / "gone" / "d.zip"

    with pytest.raises(LocalFileError, match="its folder does not exist") as caught:
        write_diagnostics(target, dirs=dirs, config_file=None, extra={})

    assert caught.value.path == target


@pytest.mark.parametrize(
    ("line", "kept"),
    [
        ("2025-01-02 10:11:12,345 INFO ccdesk.bridge: start dial on line:1", "2025-01-02 10:11:12,345"),
        (
            "interaction int-18412345678-nempJR9b0nXcZbChiZmtZkLCE-phone-00-acme",
            "int-18412345678-nempJR9b0nX",
        ),
        ("==== 2025-01-02 10:11:12+0100 ccdesk 0.1.0 pid 4194303 (Python 3.11.7)", "pid 4194303"),
        ("3 of 40 agents at 127.0.0.1:54321, line number: 2", "127.0.0.1:54321, line number: 2"),
    ],
)
def test_scrubbing_keeps_what_is_not_a_number(line: str, kept: str) -> None:
    assert kept in scrub(line)


@pytest.mark.parametrize(
    "line",
    [
        "'(617) 555-1984' is not a phone number: it contains ( ).",
        '"617\'5551984" is too long to be a phone number.',
        "callto:6175551984 and tel:+16175551984",
        '{"phoneNumber": "6175551984"}',
        "dial 617.555.1984",
    ],
)
def test_scrubbing_removes_numbers(line: str) -> None:
    scrubbed = scrub(line)
    assert "<number>" in scrubbed
    assert "555" not in scrubbed


# -- the fault log ------------------------------------------------------------------------------------------


@pytest.mark.usefixtures("fault_log_restored")
def test_the_fault_log_is_private_and_names_the_session(tmp_path: Path) -> None:
    path = enable_fault_log(tmp_path / "logs")

    assert path == tmp_path / "logs" / "crash.log"
    header = path.read_text(encoding="utf-8")
    assert f"ccdesk {__version__} pid {os.getpid()}" in header
    assert faulthandler.is_enabled()
    if POSIX:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert enable_fault_log(tmp_path / "logs") == path  # already on: no second header
    assert path.read_text(encoding="utf-8") == header


@pytest.mark.usefixtures("fault_log_restored")
def test_a_log_folder_that_cannot_be_made_gives_none(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    blocker = tmp_path / "logs"
    blocker.write_text("a file where the folder should be", encoding="utf-8")

    assert enable_fault_log(blocker / "deeper") is None
    assert "crash log" in caplog.text


@pytest.mark.skipif(not POSIX or os.geteuid() == 0, reason="needs POSIX rights that apply (not root)")
@pytest.mark.usefixtures("fault_log_restored")
def test_a_read_only_log_folder_gives_none(tmp_path: Path) -> None:
    logs = tmp_path / "logs"
    logs.mkdir()
    logs.chmod(0o500)
    try:
        assert enable_fault_log(logs) is None
    finally:
        logs.chmod(0o700)


def test_a_segfault_leaves_its_stack_in_the_crash_log(tmp_path: Path) -> None:
    child = textwrap.dedent(
        """
        import faulthandler, os, sys
        from pathlib import Path
        from ccdesk.core.diagnostics import enable_fault_log

        def crash_here():
            faulthandler._sigsegv()

        print(os.getpid(), enable_fault_log(Path(sys.argv[1])), flush=True)
        crash_here()
        """
    )
    logs = tmp_path / "logs"

    done = subprocess.run(
        [sys.executable, "-c", child, str(logs)], capture_output=True, text=True, timeout=120, check=False
    )

    assert done.returncode != 0
    pid, path = done.stdout.split()
    assert Path(path) == logs / "crash.log"
    crash = (logs / "crash.log").read_text(encoding="utf-8")
    assert f"pid {pid}" in crash
    assert "Fatal Python error" in crash or "Windows fatal exception" in crash
    assert "crash_here" in crash
    # the stack went to the file, not to a console nobody reads
    assert "Fatal Python error" not in done.stderr


# -- exception hooks ----------------------------------------------------------------------------------------


@pytest.mark.usefixtures("hooks_restored")
def test_an_uncaught_exception_is_logged_with_context_and_reported(caplog: pytest.LogCaptureFixture) -> None:
    reports: list[tuple[str, BaseException]] = []
    install_exception_hooks(lambda context, exc: reports.append((context, exc)))
    try:
        raise ValueError("slot failed")
    except ValueError as exc:
        error = exc
        sys.excepthook(ValueError, exc, exc.__traceback__)

    [record] = [r for r in caplog.records if r.name == "ccdesk" and r.levelno == logging.ERROR]
    assert "MainThread" in record.getMessage()
    assert "sys.excepthook" in record.getMessage()
    assert record.exc_info is not None and record.exc_info[1] is error
    assert len(reports) == 1
    assert reports[0][1] is error
    assert "MainThread" in reports[0][0]


@pytest.mark.usefixtures("hooks_restored")
def test_a_thread_exception_is_logged_with_its_thread_and_reported(caplog: pytest.LogCaptureFixture) -> None:
    reports: list[tuple[str, BaseException]] = []
    install_exception_hooks(lambda context, exc: reports.append((context, exc)))

    def boom() -> None:
        raise RuntimeError("worker failed")

    worker = threading.Thread(target=boom, name="audit-writer")
    worker.start()
    worker.join()

    [record] = [r for r in caplog.records if r.name == "ccdesk" and r.levelno == logging.ERROR]
    assert "audit-writer" in record.getMessage()
    assert "threading.excepthook" in record.getMessage()
    assert "worker failed" in caplog.text  # the traceback
    [(context, exc)] = reports
    assert context == "Unexpected error in ccdesk's thread audit-writer"
    assert str(exc) == "worker failed"


@pytest.mark.usefixtures("hooks_restored", "french_words")
def test_the_notice_says_where_in_french_and_the_log_keeps_english(caplog: pytest.LogCaptureFixture) -> None:
    reports: list[str] = []
    install_exception_hooks(lambda context, exc: reports.append(context))
    worker = threading.Thread(target=lambda: 1 / 0, name="audit-writer")
    worker.start()
    worker.join()
    assert reports == ["Erreur inattendue dans le fil d'exécution audit-writer de ccdesk"]
    assert "Uncaught exception in thread audit-writer (threading.excepthook)" in caplog.text


def test_keyboard_interrupt_goes_to_the_previous_hook() -> None:
    original = sys.excepthook
    previous: list[type[BaseException]] = []
    sys.excepthook = lambda kind, exc, tb: previous.append(kind)
    reports: list[str] = []
    try:
        install_exception_hooks(lambda context, exc: reports.append(context))
        sys.excepthook(KeyboardInterrupt, KeyboardInterrupt(), None)
    finally:
        uninstall_exception_hooks()
        sys.excepthook = original

    assert previous == [KeyboardInterrupt]
    assert reports == []


@pytest.mark.usefixtures("hooks_restored")
def test_installing_twice_keeps_one_hook_and_uninstall_restores(caplog: pytest.LogCaptureFixture) -> None:
    original = (sys.excepthook, threading.excepthook)
    first: list[str] = []
    second: list[str] = []
    install_exception_hooks(lambda context, exc: first.append(context))
    install_exception_hooks(lambda context, exc: second.append(context))

    sys.excepthook(ValueError, ValueError("x"), None)

    assert (first, len(second)) == ([], 1)
    assert len([r for r in caplog.records if r.levelno == logging.ERROR]) == 1
    uninstall_exception_hooks()
    assert (sys.excepthook, threading.excepthook) == original


@pytest.mark.usefixtures("hooks_restored")
def test_a_failing_report_is_logged_not_raised(caplog: pytest.LogCaptureFixture) -> None:
    def broken(context: str, exc: BaseException) -> None:
        raise RuntimeError("the notice itself failed")

    install_exception_hooks(broken)

    sys.excepthook(ValueError, ValueError("x"), None)

    assert "could not be reported" in caplog.text
