"""Run by test_qt_binding_canary.py in a child process: does this Qt binding keep Python's reference counts?

PySide6-Essentials 6.12.0 on CPython 3.11 drops a reference to True, False or None on every Python-side
Signal.emit() and every Python override of QRunnable.run(); after a few hundred the interpreter dies with
`Fatal Python error: none_dealloc` (or bool_dealloc). This script does what ccdesk does all day (signals emitted
from plain threads and from Qt's pool threads, QRunnable overrides and callables run by QThreadPool), checks the
counts of None, True and False after every batch, and exits 1 with the figures as soon as one falls, 0 if none
did. A binding that crashes outright makes the process die instead, which the test sees as well.

Usable on its own: `python tests/unit/ui/qt_binding_canary.py` (prints one line, exit 0 when the binding is sound).
On Python 3.12 and newer these three objects are immortal, so only a crash can show there.
"""

from __future__ import annotations

import sys
import threading

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal

BATCH = 250
BATCHES_PER_PHASE = 4  # 1,000 operations in each of the four phases
WARM_UP = 8
TOLERANCE = 16  # caches filled on first use may move a count by a few; a leak moves it by one per operation
VALUES = (None, True, False)


class Emitter(QObject):
    """A signal carrying Python objects, like the bridge's answers."""

    value = Signal(object)


class Receiver(QObject):
    """Lives on the main thread: emits from other threads reach it as queued calls."""

    def __init__(self) -> None:
        super().__init__()
        self.received = 0

    def on_value(self, value: object) -> None:
        self.received += 1


class EmittingRunnable(QRunnable):
    """A Python override of run() that emits, as a pool task answering the GUI does."""

    def __init__(self, emitter: Emitter, value: object) -> None:
        super().__init__()
        self.emitter = emitter
        self.value = value

    def run(self) -> None:
        self.emitter.value.emit(self.value)


class EmptyRunnable(QRunnable):
    """A Python override of run() that does nothing: the override alone must not cost a reference."""

    def run(self) -> None:
        pass


def counts() -> tuple[int, ...]:
    return tuple(sys.getrefcount(v) for v in VALUES)


def main() -> int:
    app = QCoreApplication([sys.argv[0]])
    receiver = Receiver()
    emitter = Emitter()
    emitter.value.connect(receiver.on_value)
    pool = QThreadPool()
    pool.setMaxThreadCount(4)
    expected = 0

    def drain() -> None:
        pool.waitForDone()
        while receiver.received < expected:
            app.processEvents()

    def from_threads(n: int) -> None:
        def work(offset: int) -> None:
            for i in range(n // 4):
                emitter.value.emit(VALUES[(i + offset) % 3])

        threads = [threading.Thread(target=work, args=(n,), name=f"canary-{n}") for n in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

    def from_pool(n: int) -> None:
        for i in range(n):
            pool.start(EmittingRunnable(emitter, VALUES[i % 3]))

    def empty_runs(n: int) -> None:
        for _ in range(n):
            pool.start(EmptyRunnable())

    def callables(n: int) -> None:
        for _ in range(n):
            pool.start(lambda: None)

    phases = [  # name, run n operations, signals that n operations deliver
        ("Signal.emit from threading.Thread", from_threads, lambda n: n // 4 * 4),
        ("Signal.emit from QRunnable.run on QThreadPool", from_pool, lambda n: n),
        ("QRunnable.run overrides", empty_runs, lambda n: 0),
        ("callables on QThreadPool", callables, lambda n: 0),
    ]
    # A few of each first: the binding fills its caches (signatures, enum types) on first use.
    for _name, phase, emits in phases:
        phase(WARM_UP)
        expected += emits(WARM_UP)
        drain()
    start = counts()
    done = 0
    for name, phase, emits in phases:
        for _ in range(BATCHES_PER_PHASE):
            phase(BATCH)
            expected += emits(BATCH)
            drain()
            done += BATCH
            now = counts()
            fell = [
                f"{v!r} {a}->{b}" for v, a, b in zip(VALUES, start, now, strict=True) if b < a - TOLERANCE
            ]
            if fell:
                print(f"canary: LEAK after {done} operations (now: {name}): {', '.join(fell)}", flush=True)
                return 1
    change = ", ".join(f"{v!r} {b - a:+d}" for v, a, b in zip(VALUES, start, counts(), strict=True))
    print(
        f"canary: ok, {done} operations ({expected} signals delivered); reference counts: {change}",
        flush=True,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
