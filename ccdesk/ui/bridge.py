"""The one way the window reaches the API: work runs on a small QThreadPool, answers come back on the GUI thread.

Work is submitted on a *lane* (`line:1`, `line:2`, `status`, ...) by an *owner*, the session it belongs to. Tasks
on one lane of one owner run in order, one at a time (codes before end on the same line); different lanes, and
the same lane of different owners, run concurrently, so a profile switched away from never holds up the new one.
Each task runs with its owner's client, so work queued for one profile can never reach another profile's server.

Every exception is caught on the worker and delivered as a result, so a failure never kills a thread or reaches
Qt's event loop. Answers reach the GUI thread through `to_gui`, the one path from any thread to widgets. An owner
that is `retired` (the window moved on) gets no callbacks: its queued work is dropped, its running work finishes
(writing what it must to the journal) and only then is it told, through `work_finished`, that it may close.
"""

from __future__ import annotations

import itertools
import logging
import sys
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar

from ccdesk.ui.qt import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal, Slot

if TYPE_CHECKING:
    from ccdesk.api.client import CCClient

log = logging.getLogger("ccdesk.ui.bridge")
T = TypeVar("T")

DEFAULT_THREADS = 4


class Owner(Protocol):
    """Whoever submits work: a session. The bridge counts its running work and tells it when that ends."""

    #: set when the owner's window moved on: no callback of its work runs any more
    retired: bool

    @property
    def client(self) -> CCClient: ...

    def work_started(self) -> None: ...

    def work_finished(self) -> None: ...


class ClientOwner:
    """An owner for one-off work with a client of its own (testing unsaved settings); closes it when done."""

    retired = False

    def __init__(self, client: CCClient) -> None:
        self._client = client
        self._work = 0

    @property
    def client(self) -> CCClient:
        return self._client

    def work_started(self) -> None:
        self._work += 1

    def work_finished(self) -> None:
        self._work -= 1
        if not self._work:
            self._client.close()


@dataclass(frozen=True)
class TaskResult(Generic[T]):
    """What came back from one piece of work: a value or the exception it raised."""

    task_id: int
    lane: str
    name: str
    value: T | None = None
    error: BaseException | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


@dataclass
class _Task:
    task_id: int
    lane: str
    name: str
    fn: Callable[[CCClient], Any]
    callback: Callable[[TaskResult[Any]], None] | None
    owner: Owner

    @property
    def key(self) -> tuple[int, str]:
        return (id(self.owner), self.lane)


class _Runnable(QRunnable):
    """Runs one task on a pool thread and hands the outcome back; never lets an exception escape."""

    def __init__(self, task: _Task, client: CCClient, done: Callable[[int, object, object], None]) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._task, self._client, self._done = task, client, done

    def run(self) -> None:
        task, client, done = self._task, self._client, self._done
        # PySide's QThreadPool wrapper can keep a finished runnable's Python object (the soak found 36 status reads'
        # kept after 500 cycles, each with its task's closure and answer): it must hold nothing by then.
        self._task = self._client = self._done = None  # type: ignore[assignment]
        try:
            value, error = task.fn(client), None
        except BaseException as exc:  # delivered to the GUI thread as a result
            value, error = None, exc
        done(task.task_id, value, error)


class Bridge(QObject):
    """Moves API work off the GUI thread and answers on it."""

    def __init__(self, parent: QObject | None = None, *, threads: int = DEFAULT_THREADS) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max(1, threads))
        self._ids = itertools.count(1)
        self._queues: dict[tuple[int, str], deque[_Task]] = {}
        self._running: dict[int, _Task] = {}
        self._answered: deque[tuple[int, object, object]] = deque()
        self._answers = threading.Condition()
        self._closed = False

    def submit(
        self,
        lane: str,
        name: str,
        fn: Callable[[CCClient], T],
        callback: Callable[[TaskResult[T]], None] | None = None,
        *,
        owner: Owner,
    ) -> int:
        """Queue `fn(owner.client)` on `owner`'s `lane`; `callback` gets the TaskResult on the GUI thread."""
        if self._closed:
            raise RuntimeError("the bridge is shut down")
        task = _Task(next(self._ids), lane, name, fn, callback, owner)  # type: ignore[arg-type]
        queue = self._queues.setdefault(task.key, deque())
        queue.append(task)
        if len(queue) == 1:
            self._start(task)
        return task.task_id

    def is_busy(self, lane: str, owner: Owner | None = None) -> bool:
        """Work queued or running on `lane` (of `owner`, or of anyone)."""
        return any(q for (who, name), q in self._queues.items() if name == lane and _mine(who, owner))

    def pending(self, owner: Owner | None = None) -> int:
        """Tasks queued or running, on every lane (of `owner`, or of anyone)."""
        return sum(len(q) for (who, _), q in self._queues.items() if _mine(who, owner))

    def retire(self, owner: Owner) -> list[str]:
        """The owner's window moved on: drop its queued work (returns what was dropped); no more callbacks.

        Work already running finishes on its own client, writing what it must; the owner hears of each end
        through `work_finished`, so it closes only when nothing of its own is left running.
        """
        owner.retired = True
        dropped: list[str] = []
        for key, queue in list(self._queues.items()):
            if key[0] != id(owner):
                continue
            while len(queue) > 1:
                dropped.append(queue.pop().name)
        if dropped:
            log.info("not sent after the session closed: %s", ", ".join(reversed(dropped)))
        return list(reversed(dropped))

    def wait(
        self, timeout_ms: int, owner: Owner | None = None, *, pump: Callable[[], None] | None = None
    ) -> bool:
        """Block until the running work (of `owner`, or all) has answered, at most `timeout_ms`; True if it has.

        Answers that arrived are processed before returning, so owners waiting to close can close. `pump` runs
        every tenth of a second meanwhile (a window repaints its "waiting for…" message with it).
        """
        deadline = time.monotonic() + max(0, timeout_ms) / 1000
        while True:
            self._drain()
            if not any(_mine(id(t.owner), owner) for t in self._running.values()):
                return True
            with self._answers:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return False
                if not self._answered:
                    self._answers.wait(min(remaining, 0.1))
            if pump is not None:
                pump()

    def shutdown(self, timeout_ms: int = 3000) -> bool:
        """Drop queued work, wait up to `timeout_ms` for running work; True when every task has answered."""
        self._closed = True
        for queue in self._queues.values():
            while len(queue) > 1:
                queue.pop()
        done = self.wait(timeout_ms)
        if not done:
            log.warning("%d request(s) still running at shutdown", len(self._running))
        return done and self._pool.waitForDone(max(0, timeout_ms))

    def _start(self, task: _Task) -> None:
        self._running[task.task_id] = task
        task.owner.work_started()
        log.debug("start %s on %s", task.name, task.lane)
        try:
            client = task.owner.client
        except (
            Exception
        ) as exc:  # the client could not be made (no token...): the task fails, the lane moves on
            self._answer(task.task_id, None, exc)
            return
        self._pool.start(_Runnable(task, client, self._answer))

    def _answer(self, task_id: int, value: object, error: object) -> None:
        """From any thread: keep the answer, and have the GUI thread process it."""
        with self._answers:
            self._answered.append((task_id, value, error))
            self._answers.notify_all()
        to_gui(self._drain)

    def _drain(self) -> None:
        """On the GUI thread: every answer that has arrived, in order: the lane moves on, then the callback."""
        while True:
            with self._answers:
                if not self._answered:
                    return
                task_id, value, error = self._answered.popleft()
            task = self._running.pop(task_id, None)
            if task is None:
                continue
            self._finish(task, value, error)

    def _finish(self, task: _Task, value: object, error: object) -> None:
        result = TaskResult(
            task.task_id, task.lane, task.name, value, error if isinstance(error, BaseException) else None
        )
        queue = self._queues[task.key]
        queue.popleft()
        # Advance the lane before the callback runs, so work the callback submits queues behind it correctly.
        if queue:
            if not self._closed:
                self._start(queue[0])
        else:
            del self._queues[task.key]
        if result.error is not None:
            log.info("%s on %s failed: %s", task.name, task.lane, result.error)
        try:
            if task.callback is not None and not task.owner.retired and not self._closed:
                task.callback(result)
        except Exception:  # a bug in a callback must not stop the answers queued behind it
            sys.excepthook(*sys.exc_info())
        finally:
            task.owner.work_finished()


def _mine(who: int, owner: Owner | None) -> bool:
    return owner is None or who == id(owner)


class _Courier(QObject):
    """Lives on the GUI thread; whatever is handed to it from any thread runs there, in order."""

    carry = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.carry.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    @Slot(object)
    def _deliver(self, job: Callable[[], object]) -> None:
        job()


_courier: _Courier | None = None
_courier_lock = threading.Lock()


def to_gui(job: Callable[[], object]) -> None:
    """Run `job()` soon on the GUI thread, from any thread (the GUI thread included: it runs later, in order).

    The one path from worker threads to widgets: task results, retry notices, bulk results, links handed over by
    a later launch and crash notices all travel through it. An exception in `job` reaches sys.excepthook.
    """
    global _courier
    courier = _courier
    if courier is None:
        with _courier_lock:
            if _courier is None:
                made = _Courier()
                app = QCoreApplication.instance()
                if app is not None and made.thread() is not app.thread():
                    made.moveToThread(app.thread())
                _courier = made
            courier = _courier
    courier.carry.emit(job)
