"""Bulk actions for supervisors: many agents, a bounded number of requests at a time, safe to cancel.

- At most `concurrency` requests are in flight (default 4). Cancel stops sending new ones; requests already sent
  finish and report, the rest are reported "not sent".
- Rate limiting slows the batch instead of failing it: when the platform still answers 429 after the client's
  own retries, every worker pauses for the Retry-After (or a growing back-off), the bound halves, and the
  agent is tried again later.
- Status changes use the bulk endpoint, up to 100 agents a request, reading its per-agent (207) results; each
  result names the method the endpoint took (`Operation.bulk_method`), so the audit trail shows what was sent.
- An agents file is read as a stream with bounds (`read_agents_file`): at most MAX_AGENTS_FILE agents and
  MAX_AGENTS_FILE_BYTES, so `/dev/zero` or a huge file is refused at once instead of filling memory.
- Every operation gets exactly one result, whatever happens: an exception that is not a ccdesk error (a bug, a
  host name IDNA refuses) fails that job's agents with a reason naming it, and a failing `on_result` (an audit
  write on a full disk) is kept in `report_errors`; neither stops a worker nor loses a result.

No Qt here: the window runs `BulkRun.run` on a worker and the command line runs it directly.
"""

from __future__ import annotations

import codecs
import csv
import logging
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from ccdesk.api import ids
from ccdesk.api.errors import CCDeskError, InvalidInput, error_for_status
from ccdesk.api.models import MAX_BULK_AGENTS, AgentState, BulkStatusRequest, state_label
from ccdesk.core.operations import Action, Operation, OperationResult, Outcome, perform

if TYPE_CHECKING:
    from ccdesk.api.client import CCClient

log = logging.getLogger("ccdesk.core.bulk")
log.addHandler(logging.NullHandler())  # tracebacks go to the log the program set up, never bare onto stderr

DEFAULT_CONCURRENCY = 4
MAX_CONCURRENCY = 64
#: An agents file holds at most this many agents and bytes, and no line longer than MAX_AGENTS_FILE_LINE.
MAX_AGENTS_FILE = 100_000
MAX_AGENTS_FILE_BYTES = 10 * 1024 * 1024
MAX_AGENTS_FILE_LINE = 4096
_CHUNK = 64 * 1024
_HEADERS = ("agent id", "id", "agent")
MAX_REQUEUES = 6
FIRST_PAUSE = 1.0
MAX_PAUSE = 60.0
EXIT_INTERNAL = 1  # ccdesk itself failed (not the platform): the exit code of an internal error
#: Exit codes from least to most severe; a bulk run exits with its worst (see `worst_exit_code`).
SEVERITY = (0, 4, 3, 5, EXIT_INTERNAL, 6, 130)


@dataclass(frozen=True)
class Job:
    """One request: a single operation, or a chunk of status changes sent together."""

    operations: tuple[Operation, ...]

    def run(self, client: CCClient) -> list[OperationResult]:
        if len(self.operations) == 1 and self.operations[0].action is not Action.SET_STATUS:
            return [perform(client, self.operations[0])]
        entries = [BulkStatusRequest(op.agent_id, op.change) for op in self.operations]  # type: ignore[arg-type]
        error: CCDeskError | None = None
        try:
            answers = client.set_agent_statuses(entries)
        except CCDeskError as exc:
            error = exc
        sent = [replace(op, bulk_method=client.bulk_status_method) for op in self.operations]
        if error is not None:
            return [OperationResult.from_error(op, error) for op in sent]
        results = []
        for op, answer in zip(sent, answers, strict=True):
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
    return [job for job, _ in _planned(operations)]


def _planned(operations: Sequence[Operation]) -> list[tuple[Job, tuple[int, ...]]]:
    """The plan with each job's positions in the input, so results map back even if an operation repeats."""
    statuses = [i for i, op in enumerate(operations) if op.action is Action.SET_STATUS]
    others = [(i,) for i, op in enumerate(operations) if op.action is not Action.SET_STATUS]
    chunks = [tuple(statuses[i : i + MAX_BULK_AGENTS]) for i in range(0, len(statuses), MAX_BULK_AGENTS)]
    return [(Job(tuple(operations[i] for i in where)), where) for where in others + chunks]


def internal_failure(operation: Operation, what: str) -> OperationResult:
    """A failure inside ccdesk, not an answer from the platform, said plainly; its traceback is logged."""
    return OperationResult(
        operation,
        Outcome.FAILED,
        reasons=(f"ccdesk internal error: {what} (details in the log)",),
        exit_code=EXIT_INTERNAL,
        advice="This is a problem in ccdesk, not an answer from 8x8: the request may or may not have been "
        "sent, so check the agent before trying again.",
    )


def internal_error(operation: Operation, error: BaseException) -> OperationResult:
    """`internal_failure` naming the exception, on one line (a result row is one line)."""
    text = " ".join(str(error).split())
    text = text if len(text) <= 200 else text[:199] + "…"
    return internal_failure(operation, f"{type(error).__name__}: {text}" if text else type(error).__name__)


def action_words(operation: Operation) -> str:
    """What the operation does, in the words a person reads ("Free line 2", "Set to On break (Lunch)")."""
    action = operation.action
    if action is Action.FREE_LINE:
        return f"Free line {operation.line}"
    if action is Action.FREE_LINES:
        return "Free all lines"
    if action is Action.HANG_UP:
        return "Hang up"
    if action is Action.END_CALL:
        return "End the call and its wrap-up" if operation.end_post_processing else "End the call"
    assert operation.change is not None
    return f"Set to {status_words(operation.change.status)}{_code(operation.change.short_code)}"


def status_words(status: int) -> str:
    """A status as a supervisor reads it: 8x8's post-processing is "Wrap-up" (one word for one thing)."""
    return "Wrap-up" if status == AgentState.POST_PROCESS else state_label(status)


def _code(short_code: str | None) -> str:
    return f" ({short_code})" if short_code else ""


def result_words(result: OperationResult) -> str:
    """How one agent's operation ended, in ccdesk's plain words (never 8x8's success text): "Line 2 freed",
    "Free all lines: nothing to free", "Set to Available: failed"."""
    op, outcome = result.operation, result.outcome
    if outcome is Outcome.DONE:
        if op.action is Action.FREE_LINE:
            return f"Line {op.line} freed"
        if op.action is Action.FREE_LINES:
            return "Lines freed"
        if op.action is Action.HANG_UP:
            return "Hung up"
        if op.action is Action.END_CALL:
            return "Call and wrap-up ended" if op.end_post_processing else "Call ended"
        return action_words(op).replace("Set to", "Status set to", 1)
    said = {
        Outcome.NOTHING: "nothing to free",
        Outcome.FAILED: "failed",
        Outcome.NOT_SENT: "not sent (cancelled)",
        Outcome.DRY_RUN: "dry run, not sent",
    }[outcome]
    return f"{action_words(op)}: {said}"


def result_error(result: OperationResult) -> BaseException | None:
    """The error a failed or nothing-to-free result stands for, to be put in words by `explain.present`; None
    for the others. A failure inside ccdesk is one (never shown by its class name); the platform's answers keep
    its status and reasons, and the advice worked out when it came."""
    if result.outcome not in (Outcome.FAILED, Outcome.NOTHING):
        return None
    if result.exit_code == EXIT_INTERNAL:
        return RuntimeError("; ".join(result.reasons))
    kind = error_for_status(result.status) if result.status else CCDeskError
    return kind(
        status=result.status,
        reasons=result.reasons,
        explanation=result.advice or None,
        retry_after=result.retry_after,
    )


def worst_exit_code(codes: Iterable[int]) -> int:
    """The exit code of a bulk run: its agents' worst by severity (`SEVERITY`), not the largest number.

    0 done < 4 rejected or nothing to free < 3 authentication < 5 server or network < 1 ccdesk itself failed
    < 6 outcome unknown (check before retrying) < 130 interrupted (some agents were not sent at all). A code
    outside that order (2, a configuration problem met mid-run) ranks with 1.
    """
    rank = {code: n for n, code in enumerate(SEVERITY)}
    return max(codes, key=lambda code: (rank.get(code, rank[EXIT_INTERNAL]), code), default=0)


class BulkRun:
    """Runs jobs concurrently with a bound; one result per operation, in the order given, whatever happens."""

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
        self._queue: deque[tuple[Job, tuple[int, ...], int]] = deque(
            (job, where, 0) for job, where in _planned(self._operations)
        )
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
        self._report_errors: list[tuple[OperationResult, Exception]] = []
        self._report_lock = threading.Lock()
        self.sent = 0
        self.slowed = 0

    @property
    def results(self) -> list[OperationResult]:
        """Results so far, in the order the operations were given."""
        with self._report_lock:
            return [self._results[i] for i in sorted(self._results)]

    @property
    def report_errors(self) -> list[tuple[OperationResult, Exception]]:
        """Results whose `on_result` raised (an audit write that failed) with what it raised; all are kept."""
        with self._report_lock:
            return list(self._report_errors)

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
        """Send everything (or until cancelled); returns one result per operation, in input order."""
        workers = [
            threading.Thread(target=self._work, name=f"ccdesk-bulk-{n}", daemon=True)
            for n in range(min(self._concurrency, max(1, len(self._queue))))
        ]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join()
        with self._lock:
            unsent = [
                (op, i) for job, where, _ in self._queue for op, i in zip(job.operations, where, strict=True)
            ]
            self._queue.clear()
        for op, i in unsent:  # cancelled before their turn, or every worker stopped on an internal error
            if self.cancelled:
                self._report(
                    i, OperationResult(op, Outcome.NOT_SENT, reasons=("Cancelled before it was sent.",))
                )
            else:
                self._report(i, internal_failure(op, "the run stopped before this request was sent"))
        missing = [(i, op) for i, op in enumerate(self._operations) if i not in self._results]
        for i, op in missing:  # in a worker's hands when it stopped: it may have been sent
            self._report(i, internal_failure(op, "the run stopped while handling this request"))
        return self.results

    def _take(self) -> tuple[Job, tuple[int, ...], int] | None:
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
        """One worker; anything unexpected is logged and ends only this worker (`run` accounts for it)."""
        try:
            while (taken := self._take()) is not None:
                job, where, tries = taken
                try:
                    results = self._send(job)
                finally:
                    with self._lock:
                        self._active -= 1
                        self._lock.notify_all()
                limited = [r for r in results if r.outcome is Outcome.FAILED and r.status == 429]
                wait = max((r.retry_after or 0 for r in limited), default=0)
                # a longer wait is reported, not slept
                if limited and tries < MAX_REQUEUES and wait <= MAX_PAUSE:
                    self._slow_down(job, where, tries, wait)
                    continue
                for i, result in zip(where, results, strict=True):
                    self._report(i, result)
        except Exception:
            log.exception("a bulk worker stopped on an internal error")

    def _send(self, job: Job) -> list[OperationResult]:
        """The job's results; an exception that is not a ccdesk error fails each of its agents, naming it."""
        try:
            return job.run(self._client)
        except Exception as exc:
            agents = ", ".join(op.agent_id for op in job.operations[:5])
            more = f" and {len(job.operations) - 5} more" if len(job.operations) > 5 else ""
            log.error("bulk request for %s%s failed inside ccdesk", agents, more, exc_info=exc)
            return [internal_error(op, exc) for op in job.operations]

    def _slow_down(self, job: Job, where: tuple[int, ...], tries: int, retry_after: float) -> None:
        with self._lock:
            self.slowed += 1
            pause = retry_after or self._pause
            self._pause = min(MAX_PAUSE, self._pause * 2)
            self._pause_until = max(self._pause_until, self._clock() + pause)
            self._limit = max(1, self._limit // 2)
            self._queue.appendleft((job, where, tries + 1))
            self._lock.notify_all()

    def _report(self, position: int, result: OperationResult) -> None:
        """Keep the result, then pass it on (audit first, then display: the caller's on_result does both).

        A failing on_result is logged and kept in `report_errors`: the result stays kept and counted.
        """
        with self._report_lock:
            self._results[position] = result
            if self._on_result is None:
                return
            try:
                self._on_result(result)
            except Exception as exc:
                log.error("reporting the result for %s failed", result.operation.agent_id, exc_info=exc)
                self._report_errors.append((result, exc))


def read_agents_file(path: Path) -> list[str]:
    """Agent ids from a CSV (first column; a header row is skipped) or one id a line, in file order, once each.

    Read as a stream: a file beyond MAX_AGENTS_FILE agents or MAX_AGENTS_FILE_BYTES, a line beyond
    MAX_AGENTS_FILE_LINE characters, or an id the validator refuses is InvalidInput before anything is sent.
    """
    try:
        with path.open("rb") as stream:
            if os.fstat(stream.fileno()).st_size > MAX_AGENTS_FILE_BYTES:  # a file's size refuses it unread
                raise _too_large(path)
            return _agent_ids(path, csv.reader(_lines(path, stream)))
    except OSError as exc:
        raise InvalidInput(f"Cannot read {path}: {exc.strerror or exc}.") from exc
    except csv.Error as exc:
        raise InvalidInput(f"{path} is not a readable CSV file ({exc}).") from exc


def _lines(path: Path, stream: BinaryIO) -> Iterator[str]:
    """The file's text lines, decoded as UTF-8 chunk by chunk, never more than the bounds in memory."""
    read = stream.read
    decoder = codecs.getincrementaldecoder("utf-8-sig")()
    pending, total = "", 0
    while True:
        chunk: bytes = read(_CHUNK)
        total += len(chunk)
        if total > MAX_AGENTS_FILE_BYTES:  # a pipe or a device has no size to check first
            raise _too_large(path)
        try:
            pending += decoder.decode(chunk, final=not chunk)
        except UnicodeDecodeError as exc:
            raise InvalidInput(f"{path} is not a UTF-8 text file.") from exc
        if "\x00" in pending:
            raise InvalidInput(f"{path} holds NUL bytes: it is not a text file of agent ids.")
        *lines, pending = pending.split("\n")
        for line in lines:
            yield line + "\n"
        if len(pending) > MAX_AGENTS_FILE_LINE:
            raise InvalidInput(
                f"{path} has a line longer than {MAX_AGENTS_FILE_LINE:,} characters: not a file of agent ids."
            )
        if not chunk:
            if pending:
                yield pending
            return


def _too_large(path: Path) -> InvalidInput:
    return InvalidInput(
        f"{path} is larger than {MAX_AGENTS_FILE_BYTES // (1024 * 1024)} MB; an agents file lists at "
        f"most {MAX_AGENTS_FILE:,} agents. Split it, or check that it is the right file."
    )


def _agent_ids(path: Path, rows: Iterator[list[str]]) -> list[str]:
    found: dict[str, None] = {}
    for number, row in enumerate(rows, 1):
        cells = [cell.strip() for cell in row]
        if not cells or not cells[0] or cells[0].startswith("#"):
            continue
        if number == 1 and cells[0].lower().replace("_", " ").replace("-", " ") in _HEADERS:
            continue
        try:
            found[ids.agent_id(cells[0])] = None
        except InvalidInput as exc:
            raise InvalidInput(f"{path}, row {number}: {exc.message}") from exc
        if len(found) > MAX_AGENTS_FILE:
            raise InvalidInput(
                f"{path} lists more than {MAX_AGENTS_FILE:,} agents; at most that many at a time."
            )
    if not found:
        raise InvalidInput(f"{path} lists no agent ids.")
    return list(found)
