"""The one way the window reaches the API: work runs on a small QThreadPool, answers come back as signals.

Work is submitted on a *lane* (`line:1`, `line:2`, `dial`, `status`, ...). Tasks on one lane run in order, one at
a time (codes before end on the same line); different lanes run concurrently. Every exception is caught on the
worker and delivered as a result, so a failure never kills a thread or reaches Qt's event loop. No widget is
touched from a worker: callbacks run on the GUI thread.
"""

from __future__ import annotations

import itertools
import logging
import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from ccdesk.ui.qt import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal, Slot

if TYPE_CHECKING:
    from ccdesk.api.client import CCClient

log = logging.getLogger("ccdesk.ui.bridge")
T = TypeVar("T")

DEFAULT_THREADS = 4


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
    client: CCClient | None = None


class _Runnable(QRunnable):
    """Runs one task on a pool thread and posts the outcome back; never lets an exception escape."""

    def __init__(self, task: _Task, client: CCClient, post: Callable[[int, object, object], None]) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._task, self._client, self._post = task, client, post

    def run(self) -> None:
        try:
            value, error = self._task.fn(self._client), None
        except BaseException as exc:  # delivered to the GUI thread as a result
            value, error = None, exc
        self._post(self._task.task_id, value, error)


class Bridge(QObject):
    """Moves API work off the GUI thread and answers on it."""

    #: every finished task, for the status bar and logs
    finished = Signal(object)
    #: a lane became busy (True) or idle (False)
    lane_busy = Signal(str, bool)
    _posted = Signal(int, object, object)

    def __init__(
        self,
        client: CCClient | Callable[[], CCClient],
        parent: QObject | None = None,
        *,
        threads: int = DEFAULT_THREADS,
    ) -> None:
        super().__init__(parent)
        self._source = _source(client)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max(1, threads))
        self._ids = itertools.count(1)
        self._queues: dict[str, deque[_Task]] = {}
        self._running: dict[int, _Task] = {}
        self._closed = False
        self._posted.connect(self._on_posted, Qt.ConnectionType.QueuedConnection)

    @property
    def client(self) -> CCClient:
        return self._source()

    def submit(
        self,
        lane: str,
        name: str,
        fn: Callable[[CCClient], T],
        callback: Callable[[TaskResult[T]], None] | None = None,
        *,
        client: CCClient | None = None,
    ) -> int:
        """Queue `fn(client)` on `lane`; `callback` gets the TaskResult on the GUI thread.

        `client` overrides the bridge's own, e.g. to test settings that are not saved yet.
        """
        if self._closed:
            raise RuntimeError("the bridge is shut down")
        task = _Task(next(self._ids), lane, name, fn, callback, client)  # type: ignore[arg-type]
        queue = self._queues.setdefault(lane, deque())
        queue.append(task)
        if len(queue) == 1:
            self.lane_busy.emit(lane, True)
            self._start(task)
        return task.task_id

    def is_busy(self, lane: str) -> bool:
        return bool(self._queues.get(lane))

    def pending(self) -> int:
        """Tasks queued or running, on every lane."""
        return sum(len(q) for q in self._queues.values())

    def shutdown(self, timeout_ms: int = 3000) -> bool:
        """Drop queued work, wait up to `timeout_ms` for running work; True when every thread is gone."""
        self._closed = True
        for queue in self._queues.values():
            while len(queue) > 1:
                queue.pop()
        done = self._pool.waitForDone(timeout_ms)
        if not done:
            log.warning("%d request(s) still running at shutdown", self._pool.activeThreadCount())
        return done

    def _start(self, task: _Task) -> None:
        self._running[task.task_id] = task
        log.debug("start %s on %s", task.name, task.lane)
        try:
            client = task.client or self._source()
        except (
            Exception
        ) as exc:  # the client could not be made (no token...): the task fails, the lane moves on
            self._posted.emit(task.task_id, None, exc)
            return
        self._pool.start(_Runnable(task, client, self._posted.emit))

    @Slot(int, object, object)
    def _on_posted(self, task_id: int, value: object, error: object) -> None:
        task = self._running.pop(task_id)
        result = TaskResult(
            task_id, task.lane, task.name, value, error if isinstance(error, BaseException) else None
        )
        queue = self._queues[task.lane]
        queue.popleft()
        # Advance the lane before the callback runs, so work the callback submits queues behind it correctly.
        if queue:
            if not self._closed:
                self._start(queue[0])
        else:
            del self._queues[task.lane]
            self.lane_busy.emit(task.lane, False)
        if error is not None:
            log.info("%s on %s failed: %s", task.name, task.lane, error)
        if task.callback is not None:
            task.callback(result)
        self.finished.emit(result)


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


def _source(client: CCClient | Callable[[], CCClient]) -> Callable[[], CCClient]:
    return client if callable(client) else (lambda: client)
