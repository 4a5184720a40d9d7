"""Soak: a whole shift in one run. The real window places N calls against the simulator over loopback HTTP.

Each cycle is what an agent does all day: type the number, Dial, set the transaction codes, Hang up, End call
with "Also end wrap-up". About 5% of the requests fail through injected faults (500, 503, 429 with
Retry-After, a timeout, a dropped connection; seeded). After a failure the agent recovers as a person would:
an Unknown call is freed when the platform holds it and forgotten when it does not, a call left on a line is
ended (or its line freed), and before every dial the platform's lines are checked to be free. The simulator
runs in its own process, so the resident memory measured is the window's alone.

Printed: cycles completed, faults injected, recoveries, double dials (more than one POST reaching the
simulator for one press of Dial), controls left disabled once a cycle settled, exceptions that reached
sys.excepthook, resident memory at cycle 50 and at the end, and the elapsed time. Goals (exit status 1 when
one is missed): no crash, 0 double dials, 0 stuck controls, 0 exceptions, every cycle completed or recovered,
under 5 MiB of growth from cycle 50 to the end.

The soak runs in a child process with CCDESK_HOME in a temporary folder and its own token, so the parent can
say whether the process ended cleanly. With --quit the run ends the way a user quits: Ctrl+Q sent to the
window as a key event, then the event loop must return and the process exit cleanly. Run:

    python tests/benchmarks/soak.py [--cycles 1000] [--seed 1] [--quit]
    xvfb-run -a env QT_QPA_PLATFORM=xcb .venv/bin/python tests/benchmarks/soak.py --quit   # a virtual screen

Offscreen by default. Not a test: tests/gui/test_soak.py runs the same driver for 60 cycles in the suite.
"""

from __future__ import annotations

import argparse
import contextlib
import faulthandler
import gc
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from types import TracebackType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # Qt and ccdesk are imported in the child only: the parent just watches the process
    import httpx

    from ccdesk.ui.main_window import MainWindow

AGENT = "ag0VYyLh0YTsymdbtYIaaaa"
TENANT = "acmecorp01"
TOKEN = "soak-T0ken"
NUMBER = "+1 617 555 1984"
CODES = ((12, 234), (3050, 9101))  # the sample catalog's two mandatory lists, as ccdesk --self-test sets them
FAULT_KINDS = ("500", "503", "429", "timeout", "drop")
MEMORY_MARK = 50  # the cycle whose resident memory is the baseline (start-up and first-use costs are paid)
MEMORY_GOAL = 5 * 1024 * 1024
SETTLE_TIMEOUT = 60.0  # seconds for the window to answer an action; longer counts as a stuck control
#: what a line panel's buttons say when nothing of theirs is in flight
IDLE_TEXTS = {
    "hangUpButton": "Hang up",
    "endCallButton": "End call",
    "transactionCodesButton": "Codes…",
    "checkCallButton": "Check",
    "dismissCallButton": "Dismiss",
}
#: which request each step sends: (method, a piece of its path); "{iid}" is the call's interaction id
STEP_REQUESTS = {
    "dial": ("POST", "/calls"),
    "codes": ("PUT", "/transaction-codes"),
    "hang up": ("DELETE", "/calls/{iid}/agent/"),
    "end": ("DELETE", "/calls/{iid}"),
    "status": ("GET", "/agentstatus/"),
}


@dataclass
class SoakConfig:
    """How long and how hard to soak; the suite's short run has fewer cycles and shorter timeouts."""

    cycles: int = 1000
    seed: int = 1
    #: the chance that each request of a cycle (four actions, four status reads) is given a fault
    fault_rate: float = 0.05
    #: the client's read timeout (ccdesk --timeout); a timeout fault answers after `timeout_delay`, later
    read_timeout: float = 1.0
    timeout_delay: float = 1.5
    retry_after: int = 1
    progress: Callable[[str], None] | None = None
    progress_every: int = 100


@dataclass
class SoakReport:
    """What the run saw; `goals()` says which were missed."""

    cycles: int = 0
    clean: int = 0
    recovered: int = 0
    failed: list[str] = field(default_factory=list)
    requests: int = 0
    faults: Counter[str] = field(default_factory=Counter)
    status_faults: int = 0
    absorbed: int = 0
    shown: int = 0
    #: the failures the agent saw: "step -> line state (HTTP status)"
    failures: Counter[str] = field(default_factory=Counter)
    recoveries: Counter[str] = field(default_factory=Counter)
    double_dials: list[str] = field(default_factory=list)
    stuck: list[str] = field(default_factory=list)
    exceptions: list[str] = field(default_factory=list)
    qt_warnings: Counter[str] = field(default_factory=Counter)
    #: confirmations answered Yes, as the agent means them ("Free line 1?")
    questions: Counter[str] = field(default_factory=Counter)
    dialogs: list[str] = field(default_factory=list)
    rss_mark: int | None = None
    rss_end: int | None = None
    rss_kind: str = ""
    elapsed: float = 0.0

    @property
    def growth(self) -> int | None:
        if self.rss_mark is None or self.rss_end is None:
            return None
        return self.rss_end - self.rss_mark

    def goals(self) -> list[tuple[str, bool]]:
        """(goal, met) for each goal of the soak; the memory goal only once the run passed the mark."""
        goals = [
            ("0 double dials", not self.double_dials),
            ("0 stuck controls", not self.stuck),
            ("0 exceptions", not self.exceptions),
            (
                "every cycle completed or recovered",
                not self.failed and self.clean + self.recovered == self.cycles,
            ),
        ]
        if self.growth is not None:
            goals.append(("under 5 MiB growth from cycle 50", self.growth < MEMORY_GOAL))
        return goals

    def lines(self) -> list[str]:
        faults = sum(self.faults.values())
        share = f" ({faults / self.requests:.1%})" if self.requests else ""
        kinds = ", ".join(f"{kind} x{self.faults[kind]}" for kind in FAULT_KINDS)
        actions = ", ".join(f"{what} x{n}" for what, n in sorted(self.recoveries.items())) or "none needed"
        seen = ", ".join(f"{what} x{n}" for what, n in sorted(self.failures.items())) or "none"
        out = [
            f"cycles completed    : {self.clean + self.recovered} of {self.cycles} "
            f"({self.clean} clean, {self.recovered} recovered, {len(self.failed)} failed)",
            f"faults injected     : {faults} of {self.requests} API requests{share}: {kinds}",
            f"  on actions        : {faults - self.status_faults} ({self.absorbed} absorbed by ccdesk's "
            f"retries, {self.shown} shown to the agent); on status reads: {self.status_faults}",
            f"failures seen       : {seen}",
            f"recoveries          : {self.recovered} cycles; what the agent did: {actions}",
            f"double dials        : {len(self.double_dials)}",
            f"controls stuck      : {len(self.stuck)}",
            f"exceptions          : {len(self.exceptions)} (sys.excepthook, threading.excepthook, "
            "unraisable)",
            f"Qt warnings         : {self.qt_warnings.total()} ({len(self.qt_warnings)} distinct, below); "
            f"unexpected dialogs: {len(self.dialogs)}",
            "confirmations       : "
            + (", ".join(f"{title} x{n}" for title, n in self.questions.most_common()) or "none")
            + " (answered Yes)",
        ]
        if self.rss_mark is not None and self.rss_end is not None:
            out.append(
                f"resident memory     : {_mib(self.rss_mark)} at cycle {MEMORY_MARK}, {_mib(self.rss_end)} "
                f"at the end ({(self.rss_end - self.rss_mark) / 2**20:+.1f} MiB{self.rss_kind})"
            )
        elif self.rss_end is not None:
            out.append(f"resident memory     : {_mib(self.rss_end)} at the end (run too short for cycle 50)")
        per_cycle = self.elapsed / self.cycles * 1000 if self.cycles else 0.0
        out.append(f"elapsed             : {self.elapsed:.1f} s ({per_cycle:.0f} ms per cycle)")
        for title, items in (
            ("failed cycles", self.failed),
            ("double dials", self.double_dials),
            ("stuck controls", self.stuck),
            ("exceptions", self.exceptions),
            ("unexpected dialogs", self.dialogs),
            ("Qt warnings", [f"{text} (x{n})" for text, n in self.qt_warnings.most_common()]),
        ):
            out.extend(f"  {title}: {item}" for item in items[:5])
        missed = [goal for goal, met in self.goals() if not met]
        out.append(f"goals               : {'all met' if not missed else 'MISSED: ' + '; '.join(missed)}")
        return out


def _mib(size: int) -> str:
    return f"{size / 2**20:.1f} MiB"


def resident_memory() -> tuple[int, str]:
    """This process's resident memory in bytes, and a note when the figure is a peak rather than current."""
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE"), ""
    except (OSError, ValueError, IndexError, AttributeError):
        pass
    if sys.platform == "win32":
        import ctypes
        from ctypes import wintypes

        class Counters(ctypes.Structure):
            _fields_ = [("cb", wintypes.DWORD), ("PageFaultCount", wintypes.DWORD)] + [
                (name, ctypes.c_size_t)
                for name in (
                    "PeakWorkingSetSize",
                    "WorkingSetSize",
                    "QuotaPeakPagedPoolUsage",
                    "QuotaPagedPoolUsage",
                    "QuotaPeakNonPagedPoolUsage",
                    "QuotaNonPagedPoolUsage",
                    "PagefileUsage",
                    "PeakPagefileUsage",
                )
            ]

        counters = Counters()
        counters.cb = ctypes.sizeof(counters)
        process = ctypes.windll.kernel32.GetCurrentProcess()  # type: ignore[attr-defined]
        psapi = ctypes.windll.psapi  # type: ignore[attr-defined]
        psapi.GetProcessMemoryInfo(process, ctypes.byref(counters), counters.cb)
        return int(counters.WorkingSetSize), ""
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return (peak if sys.platform == "darwin" else peak * 1024), ", peak RSS: no current figure on this system"


class SimServer:
    """The simulator in its own process (this script, --serve-sim), driven through its /_sim/ endpoints."""

    def __init__(self, seed: int) -> None:
        import httpx

        self._process = subprocess.Popen(
            [sys.executable, os.path.abspath(__file__), "--serve-sim", "--seed", str(seed)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self._process.stdout is not None
        first = self._process.stdout.readline().strip()
        if not first.startswith("ccdesk-sim listening on "):
            self.stop()
            raise RuntimeError(f"the simulator did not start: {first!r}")
        self.url = first.rsplit(" ", 1)[1]
        self._control: httpx.Client = httpx.Client(
            base_url=self.url.removesuffix("/api/v1") + "/_sim", timeout=30
        )

    def add_fault(self, **fault: Any) -> None:
        self._control.post("/faults", json=fault).raise_for_status()

    def pending_faults(self) -> list[dict[str, Any]]:
        return self._json("GET", "/faults")  # type: ignore[no-any-return]

    def clear_faults(self) -> None:
        self._json("DELETE", "/faults")

    def take_requests(self) -> list[dict[str, Any]]:
        """The request log since the last call, emptied (so it stays small over a long run)."""
        logged = self._json("GET", "/requests")
        self._json("DELETE", "/requests")
        return logged  # type: ignore[no-any-return]

    def lines(self) -> list[str | None]:
        """The agent's two lines as the platform sees them: the interaction id on each, or None."""
        return self._json("GET", "/lines")  # type: ignore[no-any-return]

    def _json(self, method: str, path: str) -> Any:
        answer = self._control.request(method, path)
        answer.raise_for_status()
        return answer.json()

    def stop(self) -> None:
        with contextlib.suppress(AttributeError):
            self._control.close()
        if self._process.stdin is not None:
            self._process.stdin.close()  # the simulator stops at the end of its input
        try:
            self._process.wait(10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        if self._process.stdout is not None:
            self._process.stdout.close()

    def __enter__(self) -> SimServer:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()


def serve_sim(seed: int) -> None:
    """The simulator on a loopback port until stdin closes; GET /_sim/lines answers the agent's two lines.

    ccdesk-sim's /_sim/state lists every interaction ever placed: read before each dial, it would grow with
    the run and its parsing would show up in the window's memory. The lines alone stay the same size.
    """
    import json

    from ccdesk.sim.app import SimRequest, SimResponse, Simulator
    from ccdesk.sim.server import serve_in_thread
    from ccdesk.sim.state import TenantState

    class LinesSimulator(Simulator):
        def handle(self, request: SimRequest) -> SimResponse:
            if request.method == "GET" and request.path == "/_sim/lines":
                lines = list(self.state.agents[AGENT].lines)
                return SimResponse(200, {"Content-Type": "application/json"}, json.dumps(lines).encode())
            return super().handle(request)

    simulator = LinesSimulator(TenantState(seed=seed), token=TOKEN, seed=seed)
    with serve_in_thread(simulator) as server:
        print(f"ccdesk-sim listening on {server.url}", flush=True)
        sys.stdin.read()


def window_argv(url: str, read_timeout: float) -> list[str]:
    """`ccdesk ARGV` for a real session against the simulator (CCDESK_TOKEN must hold TOKEN)."""
    return ["--base-url", url, "--tenant", TENANT, "--agent", AGENT, "--timeout", str(read_timeout)]


class Soak:
    """Drives one real window through the cycles, as an agent would, and keeps the score."""

    def __init__(self, window: MainWindow, sim: SimServer, config: SoakConfig) -> None:
        from ccdesk.api.models import TransactionCode

        self.window = window
        self.sim = sim
        self.config = config
        self.report = SoakReport()
        self.random = random.Random(config.seed)
        self.codes = [TransactionCode(*code) for code in CODES]

    # -- the run --------------------------------------------------------------------------------------------

    def run(self) -> SoakReport:
        """All the cycles; exceptions, Qt warnings and stray dialogs are counted while they run."""
        from ccdesk.ui.qt import QTimer

        started = time.monotonic()
        watchdog = QTimer()
        watchdog.setInterval(250)
        watchdog.timeout.connect(self._close_dialogs)
        watchdog.start()
        with self._hooks():
            self._settle()
            self.report.requests += len(self.sim.take_requests())
            for number in range(1, self.config.cycles + 1):
                self._cycle(number)
                self.report.cycles = number
                if number == MEMORY_MARK:
                    self.report.rss_mark, self.report.rss_kind = self._memory()
                if number % self.config.progress_every == 0:
                    self._progress(number, started)
            self.report.rss_end, self.report.rss_kind = self._memory()
        watchdog.stop()
        self.report.elapsed = time.monotonic() - started
        return self.report

    def _progress(self, number: int, started: float) -> None:
        if self.config.progress is not None:
            rss, _ = resident_memory()
            self.config.progress(
                f"cycle {number}/{self.config.cycles}: {sum(self.report.faults.values())} faults, "
                f"{self.report.recovered} recovered, RSS {_mib(rss)}, {time.monotonic() - started:.0f} s"
            )

    def _memory(self) -> tuple[int, str]:
        gc.collect()
        self._pump()
        return resident_memory()

    @contextlib.contextmanager
    def _hooks(self) -> Iterator[None]:
        """Count what reaches the exception hooks and Qt's message handler; put the previous ones back."""
        from ccdesk.ui.qt import QMessageBox, QtMsgType, qInstallMessageHandler

        report = self.report
        saved = sys.excepthook, threading.excepthook, sys.unraisablehook
        saved_question = QMessageBox.question

        def answer_yes(_parent: Any, title: str, _text: str, *args: Any, **kwargs: Any) -> Any:
            report.questions[title] += 1  # "Free line 1?": the agent means it
            return QMessageBox.StandardButton.Yes

        QMessageBox.question = answer_yes  # type: ignore[method-assign]

        def on_exception(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
            import traceback

            report.exceptions.append(f"{kind.__name__}: {exc} (cycle {report.cycles + 1})")
            traceback.print_exception(kind, exc, tb)

        def on_thread(args: threading.ExceptHookArgs) -> None:
            report.exceptions.append(f"thread {args.thread.name if args.thread else '?'}: {args.exc_value!r}")

        def on_unraisable(args: Any) -> None:
            report.exceptions.append(f"unraisable in {args.object!r}: {args.exc_value!r}")

        def on_qt_message(kind: Any, context: Any, text: str) -> None:
            if kind != QtMsgType.QtDebugMsg and kind != QtMsgType.QtInfoMsg:
                report.qt_warnings[text] += 1

        sys.excepthook, threading.excepthook, sys.unraisablehook = on_exception, on_thread, on_unraisable
        previous = qInstallMessageHandler(on_qt_message)
        try:
            yield
        finally:
            qInstallMessageHandler(previous)
            sys.excepthook, threading.excepthook, sys.unraisablehook = saved
            QMessageBox.question = saved_question  # type: ignore[method-assign]

    # -- one cycle ------------------------------------------------------------------------------------------

    def _cycle(self, number: int) -> None:
        from ccdesk.core.lines import LineState

        lines = self.window.lines
        self._free_platform_lines("before dial")
        failure = ""
        line_no = lines.free_line() or 1
        if not self._step("dial", "", self._dial, lambda: lines[line_no].state is LineState.LIVE):
            failure = self._failure("dial", line_no)
        iid = lines[line_no].interaction_id

        def call_codes() -> list[Any]:
            call = lines.find(iid)
            return list(call.codes) if call is not None else []

        def in_wrap_up() -> bool:
            call = lines.find(iid)
            return call is not None and call.state is LineState.WRAP_UP and not call.error

        steps: tuple[tuple[str, Callable[[], None], Callable[[], bool]], ...] = (
            (
                "codes",
                lambda: self.window.set_codes(iid, self.codes),
                lambda: call_codes() == self.codes and not lines[line_no].error,
            ),
            ("hang up", lambda: self._click(line_no, "hangUpButton"), in_wrap_up),
            ("end", lambda: self._end_wrap_up(iid), lambda: lines.find(iid) is None),
        )
        for name, act, done in steps:
            if failure:
                break
            if not self._step(name, iid, act, done):
                failure = self._failure(name, line_no)
        if failure:
            if self._recover(line_no):
                self.report.recovered += 1
            else:
                self.report.failed.append(f"cycle {number}: {failure}; not recovered ({self._describe()})")
        else:
            self.report.clean += 1
        logged = self.sim.take_requests()
        self.report.requests += len(logged)
        posts = [r for r in logged if r["method"] == "POST" and r["path"].endswith("/calls")]
        if len(posts) > 1:
            self.report.double_dials.append(f"cycle {number}: {len(posts)} POSTs for one press of Dial")
        elif not posts:
            self.report.failed.append(f"cycle {number}: Dial pressed, nothing reached the platform")
        self._check_controls(number)

    def _failure(self, step: str, line_no: int) -> str:
        """Note what the agent saw when `step` failed (by step, line state and HTTP status); describe it."""
        line = self.window.lines[line_no]
        status = line.error.split(":")[0] if line.error.startswith("HTTP ") else ""
        self.report.failures[f"{step} -> {line.state.label}" + (f" ({status})" if status else "")] += 1
        return f"{step}: {line.state.label} {line.error}".strip()

    def _step(self, name: str, iid: str, act: Callable[[], None], done: Callable[[], bool]) -> bool:
        """One action with its chance of faults; True when the line shows the outcome an agent expects."""
        injected: dict[str, str] = {}
        if self.random.random() < self.config.fault_rate:
            injected[STEP_REQUESTS[name][0]] = self._inject(name, iid)
        if self.random.random() < self.config.fault_rate:
            injected["GET"] = self._inject("status", iid)
        act()
        self._settle()
        ok = done()
        if injected:
            pending = {fault["method"] for fault in self.sim.pending_faults()}
            if pending:
                self.sim.clear_faults()
            for method, kind in injected.items():
                if method in pending:
                    continue
                self.report.faults[kind] += 1
                if method == "GET":
                    self.report.status_faults += 1
                elif ok:
                    self.report.absorbed += 1
                else:
                    self.report.shown += 1
        return ok

    def _inject(self, step: str, iid: str) -> str:
        """One seeded fault on the next request of `step`; returns its kind."""
        method, path = STEP_REQUESTS[step]
        kind = self.random.choice(FAULT_KINDS)
        where = {"method": method, "path_contains": path.format(iid=iid), "count": 1}
        if kind == "timeout":
            # sometimes the platform did the work before the answer was lost, sometimes not
            options = {
                "kind": "timeout",
                "delay": self.config.timeout_delay,
                "apply": self.random.random() < 0.5,
            }
        elif kind == "drop":
            options = {"kind": "drop"}
        elif kind == "429":
            options = {"kind": "status", "status": 429, "retry_after": self.config.retry_after}
        else:
            options = {"kind": "status", "status": int(kind)}
        self.sim.add_fault(**options, **where)
        return kind

    def _dial(self) -> None:
        from PySide6.QtTest import QTest

        from ccdesk.ui.qt import QCheckBox, QLineEdit, QPushButton

        field_ = self._find(QLineEdit, "numberInput")
        field_.clear()
        QTest.keyClicks(field_, NUMBER)
        self._find(QCheckBox, "forceCallCheck").setChecked(False)
        self._find(QPushButton, "dialButton").click()

    def _end(self, line_no: int) -> None:
        from ccdesk.ui.qt import QCheckBox

        also_end_wrap_up = self._find(QCheckBox, "endPostProcessingCheck", self._panel(line_no))
        also_end_wrap_up.setChecked(True)
        self._click(line_no, "endCallButton")

    def _end_wrap_up(self, iid: str) -> None:
        """End a call in the wrap-up list, with its wrap-up."""
        from ccdesk.ui.qt import QCheckBox, QPushButton, QWidget

        row = self.window.findChild(QWidget, f"wrapUp_{iid}")
        if row is None:
            self.report.stuck.append(f"cycle {self.report.cycles + 1}: no wrap-up row for {iid}")
            return
        self._find(QCheckBox, "wrapUpEndPostProcessingCheck", row).setChecked(True)
        end = self._find(QPushButton, "wrapUpEndButton", row)
        if not end.isEnabled():
            self.report.stuck.append(f"cycle {self.report.cycles + 1}: End of {iid} in wrap-up disabled")
            return
        end.click()

    # -- recovery, as an agent would ------------------------------------------------------------------------

    def _recover(self, line_no: int) -> bool:
        """Back to no call anywhere: True when neither ccdesk nor the platform holds a call any more."""
        from ccdesk.core.lines import LineState

        line = self.window.lines[line_no]
        if line.state is LineState.UNKNOWN:
            # the agent looks at the platform (8x8's agent console): free the call if it is there, else dismiss
            if self.sim.lines()[line_no - 1]:
                self._act(line_no, "freeLineButton", "free line (unknown call)")
            else:
                self._act(line_no, "dismissCallButton", "dismiss (unknown call)")
        elif line.state is LineState.LIVE and line.interaction_id:
            self._end(line_no)
            self.report.recoveries["end call"] += 1
            self._settle()
            if self.window.lines[line_no].state.holds_line:
                self._act(line_no, "freeLineButton", "free line")
        elif line.state is not LineState.IDLE or not self.window.lines.wrap_ups:
            # the dial was refused (Failed): nothing is on the line, the agent just dials again
            self.report.recoveries["none (dial refused)"] += 1
        self._free_platform_lines("after a failure")
        for call in self.window.lines.wrap_ups:  # what the failure left in wrap-up, ended with its wrap-up
            self.report.recoveries["end wrap-up"] += 1
            self._end_wrap_up(call.interaction_id)
            self._settle()
        held = any(self.window.lines[n].state.holds_line for n in (1, 2))
        return not held and not self.window.lines.wrap_ups and not any(self.sim.lines())

    def _free_platform_lines(self, why: str) -> None:
        """Free every line the platform holds a call on (whatever ccdesk shows there)."""
        for index, iid in enumerate(self.sim.lines()):
            if iid:
                self._act(index + 1, "freeLineButton", f"free line ({why})")
                if any(c.interaction_id == iid for c in self.window.lines.wrap_ups):
                    self._end_wrap_up(iid)
                    self._settle()

    def _act(self, line_no: int, button: str, what: str) -> None:
        self.report.recoveries[what] += 1
        self._click(line_no, button)
        self._settle()

    # -- the window -----------------------------------------------------------------------------------------

    def _settle(self) -> None:
        """Until no request is in flight and the last answers are on screen (a hang counts as stuck)."""
        window, controller = self.window, self.window.controller
        assert controller is not None
        if not self._wait(lambda: window.bridge.pending() == 0 and not controller.dialing):
            self.report.stuck.append(
                f"cycle {self.report.cycles + 1}: still waiting for answers after {SETTLE_TIMEOUT:.0f} s"
            )
        self._pump()

    def _wait(self, condition: Callable[[], bool], timeout: float = SETTLE_TIMEOUT) -> bool:
        deadline = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > deadline:
                return False
            self._pump()
            time.sleep(0.001)
        return True

    @staticmethod
    def _pump() -> None:
        """What one turn of the application's event loop does, deferred deletions included.

        processEvents() alone never deletes what deleteLater() queued (Qt leaves that to the event loop), so
        objects Qt itself deletes that way, such as the fade animation of the number field's clear button,
        would pile up here as a leak no user ever has. QTest.qWait pumps the same way.
        """
        from ccdesk.ui.qt import QApplication, QCoreApplication, QEvent

        QApplication.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    def _check_controls(self, number: int) -> None:
        """Once a cycle settled: Dial usable with a valid number, no panel button busy, Free all usable."""
        from PySide6.QtTest import QTest

        from ccdesk.ui.qt import QLineEdit, QPushButton

        stuck = self.report.stuck
        field_ = self._find(QLineEdit, "numberInput")
        if not field_.text():
            QTest.keyClicks(field_, NUMBER)
        dial = self._find(QPushButton, "dialButton")
        if not dial.isEnabled() or dial.text() != "Dial":
            stuck.append(f"cycle {number}: Dial shows {dial.text()!r}, enabled={dial.isEnabled()}")
        for line_no in (1, 2):
            for name, idle in {**IDLE_TEXTS, "freeLineButton": f"Free line {line_no}"}.items():
                button = self._find(QPushButton, name, self._panel(line_no))
                if button.text() != idle:
                    stuck.append(f"cycle {number}: line {line_no} {name} shows {button.text()!r}")
            free = self._find(QPushButton, "freeLineButton", self._panel(line_no))
            if not free.isEnabled():
                stuck.append(f"cycle {number}: line {line_no} Free line disabled")
        free_all = self._find(QPushButton, "freeAllLinesButton")
        if not free_all.isEnabled():
            stuck.append(f"cycle {number}: Free all lines shows {free_all.text()!r}, disabled")

    def _click(self, line_no: int, name: str) -> None:
        from ccdesk.ui.qt import QPushButton

        button = self._find(QPushButton, name, self._panel(line_no))
        if not button.isEnabled():
            self.report.stuck.append(
                f"cycle {self.report.cycles + 1}: line {line_no} {name} disabled when needed "
                f"({self.window.lines[line_no].state.label})"
            )
            return
        button.click()

    def _panel(self, line_no: int) -> Any:
        from ccdesk.ui.qt import QWidget

        return self._find(QWidget, f"linePanel_{line_no}")

    def _find(self, kind: type, name: str, parent: Any = None) -> Any:
        widget = (parent or self.window).findChild(kind, name)
        if widget is None:
            raise LookupError(f"no {kind.__name__} named {name}")
        return widget

    def _describe(self) -> str:
        window_lines = ", ".join(f"line {n} {self.window.lines[n].state.label}" for n in (1, 2))
        return f"window: {window_lines}; platform: {self.sim.lines()}"

    def _close_dialogs(self) -> None:
        """A modal dialog would stop the run: note it and close it (none is expected)."""
        from ccdesk.ui.qt import QApplication

        dialog = QApplication.activeModalWidget()
        if dialog is not None:
            self.report.dialogs.append(f"cycle {self.report.cycles + 1}: {dialog.windowTitle()!r}")
            dialog.close()


# -- the benchmark: a child process that soaks, a parent that watches how it ends ---------------------------


def open_window(url: str, read_timeout: float) -> MainWindow:
    """The real window (ccdesk.app.create_main_window), shown, with its first status read answered."""
    from ccdesk.app import create_main_window
    from ccdesk.ui.qt import QApplication

    window: MainWindow = create_main_window(window_argv(url, read_timeout))
    deadline = time.monotonic() + 20
    while not (window.isVisible() and window.status_settled) and time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.005)
    if not window.status_settled:
        raise RuntimeError("the window never read the agent's status")
    return window


def close_window(window: MainWindow) -> None:
    """As the suite's fixture does: close, drain the worker threads, delete."""
    from ccdesk.ui.qt import QApplication

    window.close()
    window.bridge.shutdown(5000)
    window.deleteLater()
    QApplication.processEvents()


def quit_with_ctrl_q(window: MainWindow) -> list[str]:
    """The Quit key (Ctrl+Q) as a key event on the window; the event loop must return with the window closed.

    The key is the one File > Quit has (QKeySequence.StandardKey.Quit). Where the platform defines none (the
    offscreen platform, Windows) there is nothing to press: the run says so and quits through File > Quit.
    """
    from PySide6.QtTest import QTest

    from ccdesk.ui.qt import QAction, QApplication, QTimer

    app = QApplication.instance()
    action = window.findChild(QAction, "quitAction")
    assert isinstance(app, QApplication) and action is not None
    keys = action.shortcut()
    combination = keys[0] if not keys.isEmpty() else None  # type: ignore[index]
    window.raise_()
    window.activateWindow()
    active = QTest.qWaitForWindowActive(window, 5000)
    problems: list[str] = []
    sent: list[float] = []
    how = f"{keys.toString()} sent to the window (active: {active})"
    if combination is None:
        how = (
            f"File > Quit (no Quit key on the {app.platformName()} platform: use a screen, e.g. xcb on Xvfb)"
        )

    def press() -> None:
        sent.append(time.monotonic())
        if combination is None:
            action.trigger()
        else:
            QTest.keyClick(window, combination.key(), combination.keyboardModifiers())

    def too_long() -> None:
        problems.append(f"{keys.toString() or 'File > Quit'} did not end the event loop within 60 s")
        app.exit(3)

    QTimer.singleShot(0, press)
    QTimer.singleShot(60_000, too_long)
    code = app.exec()
    waited = (time.monotonic() - sent[0]) * 1000 if sent else 0.0
    print(f"quit                : {how}; the event loop returned {code} after {waited:.0f} ms", flush=True)
    if code != 0:
        problems.append(f"the event loop returned {code}")
    if window.isVisible():
        problems.append("the window is still visible")
    if window.bridge.pending():
        problems.append(f"{window.bridge.pending()} request(s) still pending")
    if not window.bridge.shutdown(5000):
        problems.append("worker threads still running")
    return problems


def child_main(args: argparse.Namespace) -> int:
    """The soak itself, in this process: print the figures, return 0 when every goal was met."""
    faulthandler.enable()  # a crash prints where it happened
    from ccdesk.ui.qt import QApplication

    app = QApplication.instance() or QApplication([sys.argv[0]])
    assert isinstance(app, QApplication)
    app.setApplicationName("ccdesk")
    config = SoakConfig(
        cycles=args.cycles,
        seed=args.seed,
        fault_rate=args.fault_rate,
        read_timeout=args.timeout,
        progress=lambda text: print(text, flush=True),
    )
    platform = app.platformName()
    print(
        f"soak: {config.cycles} cycles, the real window against ccdesk-sim over loopback HTTP "
        f"(seed {config.seed}, faults on {config.fault_rate:.0%} of requests, read timeout "
        f"{config.read_timeout:g} s, Qt platform {platform}, PID {os.getpid()})",
        flush=True,
    )
    problems: list[str] = []
    with SimServer(config.seed) as sim:
        window = open_window(sim.url, config.read_timeout)
        report = Soak(window, sim, config).run()
        if args.quit:
            problems = quit_with_ctrl_q(window)
        else:
            close_window(window)
    for line in report.lines():
        print(line, flush=True)
    for problem in problems:
        print(f"quit problem        : {problem}", flush=True)
    missed = [goal for goal, met in report.goals() if not met]
    return 1 if missed or problems else 0


def describe_exit(code: int) -> str:
    if code < 0:
        with contextlib.suppress(ValueError):
            return f"CRASHED: killed by {signal.Signals(-code).name}"
        return f"CRASHED: killed by signal {-code}"
    if code == 0:
        return "clean (exit status 0)"
    if code == 1:
        return "clean, but a goal was missed (exit status 1)"
    return f"CRASHED or failed: exit status {code}"


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--cycles", type=int, default=1000, help="call cycles to run (default 1000)")
    parser.add_argument("--seed", type=int, default=1, help="seed of the fault mix and the simulator")
    parser.add_argument("--fault-rate", type=float, default=0.05, help="share of requests given a fault")
    parser.add_argument("--timeout", type=float, default=1.0, help="the client's read timeout (seconds)")
    parser.add_argument("--quit", action="store_true", help="end with Ctrl+Q sent to the window")
    parser.add_argument(
        "--keep-home", action="store_true", help="keep the temporary CCDESK_HOME (logs, journal)"
    )
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--serve-sim", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve_sim:
        serve_sim(args.seed)
        return 0
    if args.child:
        return child_main(args)
    home = tempfile.mkdtemp(prefix="ccdesk-soak-")
    env = {name: value for name, value in os.environ.items() if not name.startswith("CCDESK_")}
    env.update(
        CCDESK_HOME=home,
        CCDESK_TOKEN=TOKEN,
        PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",  # the real keyring is never touched
    )
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    started = time.monotonic()
    code = subprocess.call([sys.executable, os.path.abspath(__file__), *sys.argv[1:], "--child"], env=env)
    print(f"process exit        : {describe_exit(code)} after {time.monotonic() - started:.1f} s", flush=True)
    if args.keep_home:
        print(f"CCDESK_HOME kept    : {home}")
    else:
        shutil.rmtree(home, ignore_errors=True)
    return code if code >= 0 else 2


if __name__ == "__main__":
    raise SystemExit(main())
