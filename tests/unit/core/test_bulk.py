"""The bulk runner: a bound on requests in flight, cancel, rate limiting that slows instead of failing."""

from __future__ import annotations

import sqlite3
import threading
import time

import pytest

from ccdesk.api.errors import RateLimitedError, RejectedError
from ccdesk.api.models import ApiResult, StatusChange, StatusChangeResult
from ccdesk.core.bulk import (
    BulkRun,
    internal_error,
    plan,
    result_error,
    result_words,
    status_words,
    worst_exit_code,
)
from ccdesk.core.explain import present
from ccdesk.core.operations import Action, Operation, OperationResult, Outcome


class FakeClient:
    """Counts requests in flight; fails or rate-limits chosen agents; its bulk endpoint takes PUT."""

    bulk_status_method = "PUT"

    def __init__(self, delay: float = 0.02, fail: set[str] = frozenset(), limit_first: int = 0) -> None:
        self.delay = delay
        self.fail = fail
        self.limit_first = limit_first
        self.in_flight = 0
        self.most = 0
        self.calls: list[str] = []
        self.bulk_sizes: list[int] = []
        self._lock = threading.Lock()

    def _enter(self, what: str) -> None:
        with self._lock:
            self.in_flight += 1
            self.most = max(self.most, self.in_flight)
            self.calls.append(what)
            limited = self.limit_first > 0
            self.limit_first -= 1
        try:
            time.sleep(self.delay)
            if limited:
                raise RateLimitedError(status=429, retry_after=0.05, reasons=["Too many requests"])
            if what in self.fail:
                raise RejectedError(status=400, reasons=[f"Agent [{what}] has a problem"])
        finally:
            with self._lock:
                self.in_flight -= 1

    def free_lines(self, agent_id: str) -> ApiResult:
        self._enter(agent_id)
        return ApiResult(reasons=(f"Hangup all calls for agent [{agent_id}] was successful.",))

    def set_agent_statuses(self, entries):  # type: ignore[no-untyped-def]
        self._enter("bulk")
        self.bulk_sizes.append(len(entries))
        return [
            StatusChangeResult(e.agent_id, 400 if e.agent_id in self.fail else 200, "OK") for e in entries
        ]


def frees(n: int) -> list[Operation]:
    return [Operation(Action.FREE_LINES, f"ag{i:03d}") for i in range(n)]


@pytest.mark.parametrize("bound", [1, 4, 8])
def test_never_more_requests_in_flight_than_the_bound(bound: int) -> None:
    client = FakeClient()
    results = BulkRun(client, frees(24), concurrency=bound).run()  # type: ignore[arg-type]
    assert client.most <= bound
    assert [r.outcome for r in results] == [Outcome.DONE] * 24
    assert [r.operation.agent_id for r in results] == [f"ag{i:03d}" for i in range(24)]


def test_failures_are_rows_not_a_stop() -> None:
    client = FakeClient(fail={"ag003", "ag007"})
    results = BulkRun(client, frees(10), concurrency=3).run()  # type: ignore[arg-type]
    failed = [r for r in results if r.outcome is Outcome.FAILED]
    assert [r.operation.agent_id for r in failed] == ["ag003", "ag007"]
    assert failed[0].reasons == ("Agent [ag003] has a problem",) and failed[0].exit_code == 4
    assert sum(r.outcome is Outcome.DONE for r in results) == 8


def test_cancel_stops_sending_new_requests() -> None:
    client = FakeClient(delay=0.05)
    seen: list[str] = []
    run = BulkRun(
        client, frees(20), concurrency=1, on_result=lambda r: (seen.append(r.outcome), run.cancel())
    )
    results = run.run()
    assert len(client.calls) == 1  # the one in flight finished; nothing more was sent
    assert results[0].outcome is Outcome.DONE
    assert {r.outcome for r in results[1:]} == {Outcome.NOT_SENT} and len(results) == 20


def test_rate_limiting_slows_the_batch_instead_of_failing_it() -> None:
    client = FakeClient(limit_first=3)
    run = BulkRun(client, frees(8), concurrency=4)  # type: ignore[arg-type]
    results = run.run()
    assert [r.outcome for r in results] == [Outcome.DONE] * 8
    assert run.slowed >= 1 and len(client.calls) == 8 + 3


def test_status_changes_go_in_chunks_of_100_with_per_agent_results() -> None:
    change = StatusChange(3, 801, 1725, "Lunch")
    ops = [Operation(Action.SET_STATUS, f"ag{i:03d}", change=change) for i in range(250)]
    assert [len(job.operations) for job in plan(ops)] == [100, 100, 50]
    client = FakeClient(fail={"ag042"})
    results = BulkRun(client, ops, concurrency=2).run()  # type: ignore[arg-type]
    assert sorted(client.bulk_sizes) == [50, 100, 100]
    assert [r.operation.agent_id for r in results if r.outcome is Outcome.FAILED] == ["ag042"]
    assert results[0].status == 200


def test_each_status_result_names_the_bulk_request_that_carried_it() -> None:
    """The audit trail records exactly what was sent: this agent's entry of the bulk body, and the method."""
    ops = [
        Operation(Action.SET_STATUS, "ag1", change=StatusChange(3, 801, 1725, "Lunch"), bulk_method="POST")
    ]
    assert ops[0].request_line("acme") == (
        'POST /tenants/acme/agentstatus/agents/bulk {"agent-id": "ag1", "agent-status": 3, '
        '"status-code-item-id": 1725, "status-code-item-short-code": "Lunch", "status-code-list-id": 801}'
    )
    [done] = BulkRun(FakeClient(), ops).run()  # type: ignore[arg-type]  # the client ended up on PUT
    assert done.operation.request_line("acme").startswith("PUT /tenants/acme/agentstatus/agents/bulk {")
    [failed] = BulkRun(FakeClient(fail={"bulk"}), ops).run()  # type: ignore[arg-type]
    assert failed.outcome is Outcome.FAILED and failed.operation.bulk_method == "PUT"


def test_the_bound_is_checked() -> None:
    with pytest.raises(ValueError):
        BulkRun(FakeClient(), frees(1), concurrency=0)  # type: ignore[arg-type]


class BrokenClient(FakeClient):
    """Raises something that is not a ccdesk error (a bug, or IDNA refusing a host name) for chosen agents."""

    def __init__(self, broken: set[str], **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.broken = broken

    def free_lines(self, agent_id: str) -> ApiResult:
        if agent_id in self.broken:
            raise ValueError(f"unexpected answer for {agent_id}")
        return super().free_lines(agent_id)

    def set_agent_statuses(self, entries):  # type: ignore[no-untyped-def]
        if any(e.agent_id in self.broken for e in entries):
            raise UnicodeError("encoding with 'idna' codec failed (UnicodeError: label too long)")
        return super().set_agent_statuses(entries)


def test_an_unexpected_error_in_a_job_fails_its_agents_and_the_run_goes_on(
    caplog: pytest.LogCaptureFixture,
) -> None:
    client = BrokenClient({"ag003", "ag007"})
    reported: list[str] = []
    run = BulkRun(client, frees(12), concurrency=2, on_result=lambda r: reported.append(r.operation.agent_id))
    results = run.run()
    assert [r.operation.agent_id for r in results] == [f"ag{i:03d}" for i in range(12)]  # input order
    assert sorted(reported) == [f"ag{i:03d}" for i in range(12)]  # each reported exactly once
    failed = {r.operation.agent_id: r for r in results if r.outcome is Outcome.FAILED}
    assert sorted(failed) == ["ag003", "ag007"]
    assert failed["ag003"].reasons == (
        "ccdesk internal error: ValueError: unexpected answer for ag003 (details in the log)",
    )
    assert failed["ag003"].exit_code == 1 and failed["ag003"].status is None
    assert sum(r.outcome is Outcome.DONE for r in results) == 10
    logged = [r for r in caplog.records if r.exc_info and "ag003" in r.getMessage()]
    assert logged and logged[0].exc_info[0] is ValueError  # the traceback is in the log


def test_an_unexpected_error_in_a_status_chunk_fails_every_agent_of_that_chunk() -> None:
    change = StatusChange(3)
    ops = [Operation(Action.SET_STATUS, f"ag{i:03d}", change=change) for i in range(150)]
    results = BulkRun(BrokenClient({"ag120"}), ops, concurrency=2).run()  # type: ignore[arg-type]
    assert [r.operation.agent_id for r in results] == [op.agent_id for op in ops]
    assert {r.outcome for r in results[:100]} == {Outcome.DONE}
    assert {r.outcome for r in results[100:]} == {Outcome.FAILED}
    assert results[149].reasons[0].startswith("ccdesk internal error: UnicodeError: encoding with 'idna'")


def test_a_failing_on_result_never_loses_a_result() -> None:
    def audit(result: OperationResult) -> None:
        seen.append(result.operation.agent_id)
        if int(result.operation.agent_id[2:]) % 5 == 0:
            raise sqlite3.OperationalError("database or disk is full")

    seen: list[str] = []
    run = BulkRun(FakeClient(), frees(20), concurrency=2, on_result=audit)  # type: ignore[arg-type]
    results = run.run()
    assert [r.outcome for r in results] == [Outcome.DONE] * 20
    assert sorted(seen) == [f"ag{i:03d}" for i in range(20)]
    assert sorted(r.operation.agent_id for r, _ in run.report_errors) == ["ag000", "ag005", "ag010", "ag015"]
    assert {type(e) for _, e in run.report_errors} == {sqlite3.OperationalError}


def test_cancel_after_an_internal_error_still_reports_not_sent() -> None:
    client = BrokenClient({"ag000"}, delay=0.01)
    run = BulkRun(client, frees(10), concurrency=1, on_result=lambda _r: run.cancel())
    results = run.run()
    assert results[0].outcome is Outcome.FAILED and results[0].exit_code == 1
    assert [r.outcome for r in results[1:]] == [Outcome.NOT_SENT] * 9
    assert results[1].reasons == ("Cancelled before it was sent.",)
    assert client.calls == []  # the broken one never reached the fake; nothing more was sent


def test_a_worker_stopped_by_an_internal_error_still_accounts_for_every_agent() -> None:
    ticks = iter(range(3))

    def clock() -> float:  # a clock that breaks after three readings stops every worker in its tracks
        return float(next(ticks))

    run = BulkRun(FakeClient(), frees(8), concurrency=2, clock=clock)  # type: ignore[arg-type]
    results = run.run()
    assert [r.operation.agent_id for r in results] == [f"ag{i:03d}" for i in range(8)]
    assert {r.outcome for r in results} <= {Outcome.DONE, Outcome.FAILED}
    stopped = [r for r in results if r.outcome is Outcome.FAILED]
    assert stopped and all(r.exit_code == 1 for r in stopped)
    assert stopped[-1].reasons[0].startswith("ccdesk internal error:")


def test_a_request_in_hand_when_its_worker_stopped_is_reported_as_such() -> None:
    ticks = iter(range(1))  # read once to send the first request, then broken when the 429 asks for a pause
    client = FakeClient(limit_first=1)
    run = BulkRun(client, frees(3), concurrency=1, clock=lambda: float(next(ticks)))  # type: ignore[arg-type]
    results = run.run()
    assert [r.reasons for r in results] == [
        ("ccdesk internal error: the run stopped while handling this request (details in the log)",),
        ("ccdesk internal error: the run stopped before this request was sent (details in the log)",),
        ("ccdesk internal error: the run stopped before this request was sent (details in the log)",),
    ]


def test_the_exit_code_is_the_worst_by_severity_not_the_largest_number() -> None:
    assert worst_exit_code([]) == 0
    assert worst_exit_code([0, 4, 0]) == 4
    assert worst_exit_code([4, 3]) == 3  # authentication is worse than one rejected agent
    assert worst_exit_code([5, 3, 4]) == 5
    assert worst_exit_code([5, 1]) == 1  # ccdesk itself failed: worse than a server error
    assert worst_exit_code([1, 6]) == 6  # outcome unknown: check before retrying
    assert worst_exit_code([6, 130, 1]) == 130  # interrupted: some agents were not sent at all


# -- results in words ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("operation", "outcome", "words"),
    [
        (Operation(Action.FREE_LINE, "a", line=2), Outcome.DONE, "Line 2 freed"),
        (Operation(Action.FREE_LINES, "a"), Outcome.DONE, "Lines freed"),
        (Operation(Action.HANG_UP, "a", interaction_id="i"), Outcome.DONE, "Hung up"),
        (
            Operation(Action.END_CALL, "a", interaction_id="i", end_post_processing=True),
            Outcome.DONE,
            "Call and wrap-up ended",
        ),
        (
            Operation(Action.SET_STATUS, "a", change=StatusChange(3, 801, 1725, "Lunch")),
            Outcome.DONE,
            "Status set to On break (Lunch)",
        ),
        (
            Operation(Action.SET_STATUS, "a", change=StatusChange(4)),
            Outcome.FAILED,
            "Set to Available: failed",
        ),
        (Operation(Action.FREE_LINE, "a", line=1), Outcome.NOTHING, "Free line 1: nothing to free"),
        (Operation(Action.FREE_LINES, "a"), Outcome.NOT_SENT, "Free all lines: not sent (cancelled)"),
        (Operation(Action.FREE_LINES, "a"), Outcome.DRY_RUN, "Free all lines: dry run, not sent"),
    ],
)
def test_a_result_in_plain_words_never_the_platforms_success_text(
    operation: Operation, outcome: Outcome, words: str
) -> None:
    result = OperationResult(operation, outcome, 200, ("Hangup all calls for agent [x] was successful.",))
    assert result_words(result) == words


def test_a_failed_result_is_presented_by_the_one_presentation() -> None:
    free = Operation(Action.FREE_LINES, "ag1")
    refused = OperationResult.from_error(free, RejectedError(status=400, reasons=("Agent is locked",)))
    shown = present(result_error(refused))
    assert shown.summary == "The platform refused the request; its reasons say why."
    assert shown.details == "HTTP 400: Agent is locked"
    nothing = OperationResult.from_error(
        free, RejectedError(status=400, reasons=("Agent [ag1] has no phone interactions in progress.",))
    )
    assert present(result_error(nothing)).summary == "Nothing to free: the agent's lines are already free."
    broken = internal_error(free, ValueError("unexpected answer"))
    shown = present(result_error(broken))
    assert "ValueError" not in shown.text() and shown.summary.startswith("Something failed inside ccdesk.")
    assert result_error(OperationResult(free, Outcome.DONE, 200)) is None
    assert status_words(8) == "Wrap-up" and status_words(99) == "Status 99"
