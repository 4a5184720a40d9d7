"""Crashes leave a trail, and IT gets one zip.

Three parts, none of them Qt: a fault log (faulthandler writes the C-level and Python stacks of a segfault or a
fatal Python error to `crash.log` in the log folder, where nothing else would survive the process), exception
hooks (an uncaught exception on any thread is logged with its context, then reported once to the user), and
the diagnostics zip (logs, versions, platform and settings, with the token and every phone number taken out,
and never the journal, which holds dialled numbers).
"""

from __future__ import annotations

import contextlib
import faulthandler
import io
import json
import logging
import logging.handlers
import os
import re
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any, TextIO

from ccdesk import __version__
from ccdesk.api.redact import MASK, RedactingFilter
from ccdesk.api.words import translate
from ccdesk.core.local_files import PRIVATE_FILE, LocalFileError, os_problem, os_problem_words
from ccdesk.core.paths import AppDirs, make_private_dir

log = logging.getLogger("ccdesk")

CRASH_LOG = "crash.log"
#: crash.log is appended to by every session; past this size it is rotated once at start (to crash.log.1)
CRASH_LOG_LIMIT = 512 * 1024
NUMBER_MASK = "<number>"
VALUE_MASK = "<value>"

# -- the fault log ------------------------------------------------------------------------------------------

_fault_file: TextIO | None = None
_fault_path: Path | None = None


def enable_fault_log(logs_dir: Path) -> Path | None:
    """Send faulthandler's stacks to `logs_dir/crash.log` (appended, 0600); None when it cannot be written.

    Meant to run before Qt starts, so a crash inside Qt's own start-up leaves a stack too. Each session writes a
    header line (time, version, pid) so a stack can be matched to the session that died. Never raises: a
    read-only or full log folder must not stop ccdesk from starting.
    """
    global _fault_file, _fault_path
    path = logs_dir / CRASH_LOG
    if _fault_file is not None and _fault_path == path:
        return path  # already on (enabled before Qt started, then again by install_crash_reporting)
    handle: TextIO | None = None
    try:
        handle = _open_private_append(path)
        stamp = time.strftime("%Y-%m-%d %H:%M:%S%z")
        handle.write(
            f"==== {stamp} ccdesk {__version__} pid {os.getpid()} (Python {sys.version.split()[0]})\n"
        )
        handle.flush()
        faulthandler.enable(file=handle, all_threads=True)
    except (OSError, ValueError) as exc:
        if handle is not None:
            with contextlib.suppress(OSError):  # a full disk fails the close's flush too
                handle.close()
        log.warning("crash log %s not enabled: %s", path, os_problem(exc))
        return None
    previous, _fault_file, _fault_path = _fault_file, handle, path
    if previous is not None:
        previous.close()
    return path


def _open_private_append(path: Path) -> TextIO:
    """crash.log for appending, readable by its owner only; rotated once when it has grown too large."""
    make_private_dir(path.parent)
    if path.is_file() and path.stat().st_size > CRASH_LOG_LIMIT:
        os.replace(path, path.with_name(CRASH_LOG + ".1"))  # keeps its 0600
    return _open_private(path)  # stays open for the process's life


def _open_private(path: Path, errors: str | None = None) -> io.TextIOWrapper:
    """`path` opened for appending, created 0600 (and made 0600 if older and looser); never through a link."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND | getattr(os, "O_NOFOLLOW", 0), PRIVATE_FILE)
    try:
        if hasattr(os, "fchmod") and os.fstat(fd).st_mode & 0o077:
            os.fchmod(fd, PRIVATE_FILE)
        return open(fd, "a", encoding="utf-8", errors=errors)
    except BaseException:
        os.close(fd)
        raise


class PrivateLogHandler(logging.handlers.RotatingFileHandler):
    """ccdesk.log: rotated at 1 MB, 3 kept, each readable by its owner only (the renamed ones keep the 0600)."""

    def __init__(self, path: Path) -> None:
        super().__init__(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")

    def _open(self) -> io.TextIOWrapper:
        return _open_private(Path(self.baseFilename), self.errors)


def disable_fault_log() -> None:
    """Stop writing to crash.log and close it (for embedding hosts and tests that restore the process)."""
    global _fault_file, _fault_path
    if _fault_file is None:
        return
    faulthandler.disable()
    _fault_file.close()
    _fault_file = _fault_path = None


# -- exception hooks ----------------------------------------------------------------------------------------

Report = Callable[[str, BaseException], None]


@dataclass
class _Hooks:
    report: Report
    previous_excepthook: Callable[[type[BaseException], BaseException, TracebackType | None], Any]
    previous_threading_hook: Callable[[threading.ExceptHookArgs], Any]


_hooks: _Hooks | None = None
_hooks_lock = threading.Lock()


def install_exception_hooks(report: Report) -> None:
    """Log every uncaught exception (GUI thread, Qt slots, Python threads) with context, then `report` it.

    `report(context, exc)` may run on any thread. KeyboardInterrupt (and a thread's SystemExit) go to the hook
    that was there before, unchanged. Installing again only replaces `report`, so the hooks never chain to
    themselves; `uninstall_exception_hooks` puts the previous hooks back.
    """
    global _hooks
    with _hooks_lock:
        if _hooks is None:
            _hooks = _Hooks(report, sys.excepthook, threading.excepthook)
        else:
            _hooks.report = report
        sys.excepthook = _excepthook
        threading.excepthook = _threading_excepthook


def uninstall_exception_hooks() -> None:
    """Restore the hooks found at install time (where ours are still the ones installed)."""
    global _hooks
    with _hooks_lock:
        if _hooks is None:
            return
        if sys.excepthook is _excepthook:
            sys.excepthook = _hooks.previous_excepthook
        if threading.excepthook is _threading_excepthook:
            threading.excepthook = _hooks.previous_threading_hook
        _hooks = None


def _excepthook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    hooks = _hooks
    if hooks is None or issubclass(exc_type, KeyboardInterrupt):
        (hooks.previous_excepthook if hooks else sys.__excepthook__)(exc_type, exc, tb)
        return
    thread = threading.current_thread().name
    context = f"Uncaught exception in thread {thread} (sys.excepthook)"
    _log_and_report(hooks, context, _uncaught_words(thread), exc, tb)


def _threading_excepthook(args: threading.ExceptHookArgs) -> None:
    hooks = _hooks
    if hooks is None or issubclass(args.exc_type, (KeyboardInterrupt, SystemExit)):
        (hooks.previous_threading_hook if hooks else threading.__excepthook__)(args)
        return
    name = args.thread.name if args.thread is not None else "(unknown)"
    context = f"Uncaught exception in thread {name} (threading.excepthook)"
    exc = args.exc_value if args.exc_value is not None else RuntimeError(args.exc_type.__name__)
    _log_and_report(hooks, context, _uncaught_words(name), exc, args.exc_traceback)


def _uncaught_words(thread: str) -> str:
    """Where the problem happened, as the notice tells the agent (the log keeps the English, with the hook)."""
    return translate("Diagnostics", "Unexpected error in ccdesk's thread {thread}").format(thread=thread)


def _log_and_report(
    hooks: _Hooks, context: str, shown: str, exc: BaseException, tb: TracebackType | None
) -> None:
    log.error("%s", context, exc_info=(type(exc), exc, tb))
    try:
        hooks.report(shown, exc)
    except Exception:  # a failing notice must not hide the original problem, nor raise inside a hook
        log.exception("the problem above could not be reported to the user")


# -- scrubbing ----------------------------------------------------------------------------------------------

# Pattern texts, compiled on first use (re caches them) so importing this module at start-up costs nothing.
_SECRET_ASSIGNMENT = r"""(?ix)
    (\b(?:authorization|x-api-key|api[_-]?key|[a-z_]*token|[a-z_]*stream[_-]?key|password|passwd|secret)
     ["']?\s*[:=]\s*["']?)
    (?:(?:basic|bearer)\s+)?[^\s'",;&]+
"""
_BEARER = r"(?i)\b(bearer\s+)[A-Za-z0-9._~+/\-]+=*"

# Shapes in which ccdesk writes a number into a message (ccdesk.core.numbers and the dial preview).
_QUOTED_INPUT = (
    r"""('(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")"""
    r"(?= (?:is not a (?:possible )?phone number|is too long to be a phone number|has \* or #))"
)
_PREVIEW = r"[+\d][\d\s().\-]*(, sent as prefix \S*, number )\S+"
_NUMBER_FIELD = r"""(?ix)
    (\b(?:phone_?number|number|caller_?id|callerid|tel|callto)["']?(?:\s*[=:]\s*|\s+)["']?)
    ([^\s&,;'"<>]+)
"""
# Anywhere: an international number, a URL-encoded one, a North American one, a long run of digits.
_ANY_NUMBER = (
    r"\+\s?\d[\d\s().\-]{4,}\d",
    r"(?i)%2B\d{5,}",
    r"(?<![\w\-])\(?\d{3}\)?[\s.\-]\d{3}[\s.\-]\d{4}(?![\w\-])",
    r"(?<![\w\-.])(?<!pid )\d{7,15}(?![\w\-.])",
)
# Digits in groups ("020 7946 0958", "0171-555-0199"): a number when 7 digits or more and not a date.
_GROUPED = r"(?<![\w\-.:/])\(?\d{2,5}\)?(?:[ \-]\(?\d{2,5}\)?){1,4}(?![\w\-:/]|\.\d)"
_DATE = r"\d{4}-\d{2}-\d{2}\b"


def scrub_secrets(text: str) -> str:
    """Mask what looks like a credential: Basic and Bearer headers, token=, password=, API keys."""
    text = RedactingFilter(()).redact(text)
    text = re.sub(_SECRET_ASSIGNMENT, rf"\g<1>{MASK}", text)
    return re.sub(_BEARER, rf"\g<1>{MASK}", text)


def scrub_numbers(text: str) -> str:
    """Replace phone numbers with `<number>`: in ccdesk's own message shapes, and anything that looks like one."""
    text = re.sub(_QUOTED_INPUT, f"'{NUMBER_MASK}'", text)
    text = re.sub(_PREVIEW, rf"{NUMBER_MASK}\g<1>{NUMBER_MASK}", text)
    for pattern in _ANY_NUMBER:
        text = re.sub(pattern, NUMBER_MASK, text)
    text = re.sub(_GROUPED, _mask_grouped, text)
    return re.sub(_NUMBER_FIELD, _mask_field, text)


def _mask_grouped(match: re.Match[str]) -> str:
    text = match.group(0)
    if sum(ch.isdigit() for ch in text) < 7 or re.match(_DATE, text):
        return text
    return NUMBER_MASK


def _mask_field(match: re.Match[str]) -> str:
    value = match.group(2)
    if sum(ch.isdigit() for ch in value) < 3:  # "line number: 2", "number of calls" stay readable
        return match.group(0)
    return match.group(1) + NUMBER_MASK


def scrub(text: str) -> str:
    """Both scrubbers: what goes into the zip from a log."""
    return scrub_numbers(scrub_secrets(text))


_SECRET_KEY = r"(?i)token|secret|password|passwd|credential|api[_-]?key|stream[_-]?key|auth"
_NUMBER_LISTS = frozenset({"caller_ids"})


def redact_settings(value: Any, key: str = "") -> Any:
    """config.json for IT: secret-looking keys dropped, caller ids, numbers and preset values replaced."""
    if key == "data_presets":
        return _redact_presets(value)
    if key in _NUMBER_LISTS and isinstance(value, list):
        return [_mask_choice(item) for item in value]
    if isinstance(value, dict):
        return {k: redact_settings(v, str(k)) for k, v in value.items() if not re.search(_SECRET_KEY, str(k))}
    if isinstance(value, list):
        return [redact_settings(item, key) for item in value]
    if isinstance(value, str):
        return NUMBER_MASK if _looks_like_number(value) else scrub(value)
    return value


def _redact_presets(value: Any) -> Any:
    """Attached-data presets hold customers' data: keep the field names, drop every value."""
    if isinstance(value, dict):
        return {k: _redact_presets(v) for k, v in value.items()}
    if isinstance(value, list):
        if len(value) == 2 and isinstance(value[0], str) and not isinstance(value[1], (list, dict)):
            return [scrub(value[0]), VALUE_MASK]
        return [_redact_presets(item) for item in value]
    return VALUE_MASK


def _mask_choice(item: Any) -> Any:
    if isinstance(item, dict):
        return {
            k: NUMBER_MASK if k == "value" else redact_settings(v, str(k))
            for k, v in item.items()
            if not re.search(_SECRET_KEY, str(k))
        }
    return NUMBER_MASK


def _looks_like_number(text: str) -> bool:
    digits = re.sub(r"[\s().\-]", "", text).removeprefix("+")
    return len(digits) >= 6 and digits.isdigit()


# -- the diagnostics zip ------------------------------------------------------------------------------------

_ENVIRONMENT = (
    "CCDESK_HOME",
    "CCDESK_PROFILE",
    "CCDESK_PLATFORM",
    "CCDESK_BASE_URL",
    "CCDESK_TENANT",
    "CCDESK_USERNAME",
    "CCDESK_AGENT",
    "CCDESK_STREAM_URL",
    "CCDESK_STREAM_REGION",
    "CCDESK_TLS_TRUST",
    "CCDESK_TOKEN",
    "CCDESK_STREAM_KEY",
    "QT_QPA_PLATFORM",
    "QT_SCALE_FACTOR",
    "XDG_SESSION_TYPE",
    "XDG_CURRENT_DESKTOP",
)


def write_diagnostics(
    target: Path, *, dirs: AppDirs, config_file: Path | None, extra: Mapping[str, str]
) -> Path:
    """Write one zip for IT at `target`: logs, versions, platform, settings; no token, numbers or journal.

    `extra` adds versions only the caller knows (Qt, PySide6, the keyring backend). The zip is written beside
    the target and renamed into place, so a failure leaves no half file; it raises LocalFileError naming
    `target` when the folder is read-only or the disk full.
    """
    import zipfile

    notes: list[str] = []
    entries = [*_log_entries(dirs.logs, notes), *_settings_entries(config_file, notes)]
    entries.insert(0, ("about.txt", _about(dirs, extra, notes)))
    tmp: str | None = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        with (
            os.fdopen(fd, "wb") as raw,
            zipfile.ZipFile(raw, "w", compression=zipfile.ZIP_DEFLATED) as archive,
        ):
            for name, text in entries:
                archive.writestr(name, text)
        os.replace(tmp, target)
    except OSError as exc:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
        missing = isinstance(exc, FileNotFoundError) and not target.parent.is_dir()
        raise LocalFileError(
            target,
            "diagnostics",
            translate("Diagnostics", "cannot be written: its folder does not exist")
            if missing
            else os_problem_words(exc),
            remedy=translate(
                "Diagnostics",
                "Choose another folder (for example Documents) with free space, then save again.",
            ),
        ) from exc
    return target


def _log_entries(logs_dir: Path, notes: list[str]) -> list[tuple[str, str]]:
    entries: list[tuple[str, str]] = []
    try:
        names = sorted(
            p.name
            for p in logs_dir.iterdir()
            if re.fullmatch(r"(ccdesk\.log|crash\.log)(\.\d+)?", p.name) and p.is_file()
        )
    except OSError as exc:
        notes.append(f"log folder {logs_dir}: {os_problem(exc)}")
        return entries
    for name in names:
        try:
            text = (logs_dir / name).read_text(encoding="utf-8", errors="replace")
        except OSError as exc:
            notes.append(f"{name}: {os_problem(exc)}")
            continue
        entries.append((f"logs/{name}", scrub(text)))
    if not entries:
        notes.append(f"no log files in {logs_dir}")
    return entries


def _settings_entries(config_file: Path | None, notes: list[str]) -> list[tuple[str, str]]:
    if config_file is None:
        notes.append("settings: none (the command line or environment gave them)")
        return []
    try:
        data = json.loads(config_file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        notes.append(f"settings: {config_file} does not exist yet")
        return []
    except (OSError, UnicodeError) as exc:
        notes.append(f"settings: {config_file} {os_problem(exc)}")
        return []
    except json.JSONDecodeError as exc:
        notes.append(
            f"settings: {config_file} is not valid JSON ({exc.msg}, line {exc.lineno}); not included"
        )
        return []
    return [("config.json", json.dumps(redact_settings(data), indent=2) + "\n")]


def _about(dirs: AppDirs, extra: Mapping[str, str], notes: list[str]) -> str:
    import platform

    import httpx

    versions = {
        "ccdesk": __version__,
        "Python": f"{platform.python_version()} ({platform.python_implementation()}, {sys.executable})",
        "httpx": httpx.__version__,
        **{name: scrub(value) for name, value in extra.items()},
    }
    system = {
        "OS": platform.platform(),
        "machine": platform.machine(),
        "packaged": "yes" if getattr(sys, "frozen", False) else "no",
        "time zone": "/".join(time.tzname),
    }
    folders = {"config": str(dirs.config), "data": str(dirs.data), "logs": str(dirs.logs)}
    environment = {
        name: ("(set)" if re.search(_SECRET_KEY, name) else scrub(os.environ[name]))
        for name in _ENVIRONMENT
        if name in os.environ
    }
    sections = [
        ("ccdesk diagnostics", {"written": time.strftime("%Y-%m-%d %H:%M:%S%z")}),
        ("versions", versions),
        ("platform", system),
        ("folders", folders),
        ("environment", environment),
    ]
    lines = [
        "Logs, versions, platform and settings for IT. Left out: the token and any secret-looking setting,",
        f"phone numbers (replaced by {NUMBER_MASK}), attached-data values ({VALUE_MASK}), and the call journal.",
    ]
    for title, values in sections:
        if values:
            lines += ["", f"[{title}]", *(f"{k}: {v}" for k, v in values.items())]
    if notes:
        lines += ["", "[notes]", *notes]
    return "\n".join(lines) + "\n"
