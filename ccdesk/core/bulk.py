"""Bulk actions for supervisors: many agents, a bounded number of requests at a time, safe to cancel.

- At most `concurrency` requests are in flight (default 4). Cancel stops sending new ones; requests already sent
  finish and report, the rest are reported "not sent".
- Rate limiting slows the batch instead of failing it: when the platform still answers 429 after the client's
  own retries, every worker pauses for the Retry-After (or a growing back-off), the bound halves, and the
  agent is tried again later.
- Status changes use the bulk endpoint, up to 100 agents a request, reading its per-agent (207) results.

No Qt here: the window runs `BulkRun.run` on a worker and the command line runs it directly.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ccdesk.api.errors import CCDeskError
from ccdesk.api.models import MAX_BULK_AGENTS, BulkStatusRequest
from ccdesk.core.operations import Action, Operation, OperationResult, Outcome, perform

if TYPE_CHECKING:
    from ccdesk.api.client import CCClient

DEFAULT_CONCURRENCY = 4
MAX_CONCURRENCY = 32
MAX_REQUEUES = 6
FIRST_PAUSE = 1.0
MAX_PAUSE = 60.0


@dataclass(frozen=True)
class Job:
    """One request: a single operation, or a chunk of status changes sent together."""

    operations: tuple[Operation, ...]

    def run(self, client: CCClient) -> list[OperationResult]:
        if len(self.operations) == 1 and self.operations[0].action is not Action.SET_STATUS:
            return [perform(client, self.operations[0])]
        entries = [BulkStatusRequest(op.agent_id, op.change) for op in self.operations]  # type: ignore[arg-type]
        try:
            answers = client.set_agent_statuses(entries)
        except CCDeskError as exc:
            return [OperationResult.from_error(op, exc) for op in self.operations]
        results = []
        for op, answer in zip(self.operations, answers, strict=True):
            reasons = tuple(r for r in (answer.reason, answer.message) if r)
            if answer.ok:
                results.append(OperationResult(op, Outcome.DONE, answer.change_status, reasons))
            else:
                code = 3 if answer.change_status in (401, 403) else 4 if answer.change_status else 5
                results.append(
                    OperationResult(op, Outcome.FAILED, answer.change_status or None, reasons, code)
                )
        return results


def plan(operations: Sequence[Operation]) -> list[Job]:
    """Status changes in chunks of at most 100 per request; everything else one request per agent."""
    statuses = [op for op in operations if op.action is Action.SET_STATUS]
    others = [Job((op,)) for op in operations if op.action is not Action.SET_STATUS]
    chunks = [Job(tuple(statuses[i : i + MAX_BULK_AGENTS])) for i in range(0, len(statuses), MAX_BULK_AGENTS)]
    return others + chunks


class BulkRun:
    """Runs jobs concurrently with a bound; results come back per agent, in the order given."""

    def __init__(
        self,
        client: CCClient,
        operations: Sequence[Operation],
        *,
        concurrency: int = DEFAULT_CONCURRENCY,
        on_result: Callable[[OperationResult], None] | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if not 1 <= concurrency <= MAX_CONCURRENCY:
            raise ValueError(f"concurrency must be between 1 and {MAX_CONCURRENCY}")
        self._client = client
        self._operations = list(operations)
        self._queue: deque[tuple[Job, int]] = deque((job, 0) for job in plan(self._operations))
        self._concurrency = concurrency
        self._limit = concurrency
        self._active = 0
        self._pause_until = 0.0
        self._pause = FIRST_PAUSE
        self._on_result = on_result
        self._clock = clock
        self._cancel = threading.Event()
        self._lock = threading.Condition()
        self._results: dict[int, OperationResult] = {}
        self._index = {id(op): i for i, op in enumerate(self._operations)}
        self._report_lock = threading.Lock()
        self.sent = 0
        self.slowed = 0

    @property
    def results(self) -> list[OperationResult]:
        """Results so far, in the order the operations were given."""
        with self._report_lock:
            return [self._results[i] for i in sorted(self._results)]

    @property
    def total(self) -> int:
        return len(self._operations)

    def cancel(self) -> None:
        """Send nothing more; what is in flight finishes."""
        self._cancel.set()
        with self._lock:
            self._lock.notify_all()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> list[OperationResult]:
        workers = [
            threading.Thread(target=self._work, name=f"ccdesk-bulk-{n}", daemon=True)
            for n in range(min(self._concurrency, max(1, len(self._queue))))
        ]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join()
        for job, _ in self._queue:  # cancelled before their turn
            for op in job.operations:
                self._report(
                    OperationResult(op, Outcome.NOT_SENT, reasons=("Cancelled before it was sent.",))
                )
        self._queue.clear()
        return self.results

    def _take(self) -> tuple[Job, int] | None:
        with self._lock:
            while True:
                if self._cancel.is_set() or not self._queue:
                    return None
                wait = self._pause_until - self._clock()
                if wait <= 0 and self._active < self._limit:
                    self._active += 1
                    self.sent += 1
                    return self._queue.popleft()
                self._lock.wait(timeout=max(0.01, wait) if wait > 0 else None)

    def _work(self) -> None:
        while (taken := self._take()) is not None:
            job, tries = taken
            try:
                results = job.run(self._client)
            finally:
                with self._lock:
                    self._active -= 1
                    self._lock.notify_all()
            limited = [r for r in results if r.outcome is Outcome.FAILED and r.status == 429]
            wait = max((r.retry_after or 0 for r in limited), default=0)
            if limited and tries < MAX_REQUEUES and wait <= MAX_PAUSE:  # a longer wait is reported, not slept
                self._slow_down(job, tries, wait)
                continue
            for result in results:
                self._report(result)

    def _slow_down(self, job: Job, tries: int, retry_after: float) -> None:
        with self._lock:
            self.slowed += 1
            pause = retry_after or self._pause
            self._pause = min(MAX_PAUSE, self._pause * 2)
            self._pause_until = max(self._pause_until, self._clock() + pause)
            self._limit = max(1, self._limit // 2)
            self._queue.appendleft((job, tries + 1))
            self._lock.notify_all()

    def _report(self, result: OperationResult) -> None:
        """Keep the result and pass it on (audit first, then display: the caller's on_result does both)."""
        with self._report_lock:
            self._results[self._index[id(result.operation)]] = result
            if self._on_result is not None:
                self._on_result(result)
