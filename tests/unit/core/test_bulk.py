"""The bulk runner: a bound on requests in flight, cancel, rate limiting that slows instead of failing."""

from __future__ import annotations

import threading
import time

import pytest

from ccdesk.api.errors import RateLimitedError, RejectedError
from ccdesk.api.models import ApiResult, StatusChange, StatusChangeResult
from ccdesk.core.bulk import BulkRun, plan
from ccdesk.core.operations import Action, Operation, Outcome


class FakeClient:
    """Counts requests in flight; fails or rate-limits chosen agents."""

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


def test_the_bound_is_checked() -> None:
    with pytest.raises(ValueError):
        BulkRun(FakeClient(), frees(1), concurrency=0)  # type: ignore[arg-type]
