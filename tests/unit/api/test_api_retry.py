"""The retry policy, table by table: back-off ceilings, Retry-After in both forms, and when to give up."""

from __future__ import annotations

import random
from datetime import UTC, datetime

import pytest

from ccdesk.api.retry import RetryPolicy, parse_retry_after

NOW = datetime(2024, 5, 1, 12, 0, 0, tzinfo=UTC)


class MaxRandom(random.Random):
    """Always draws the top of the range, so the exponential ceiling itself is visible."""

    def uniform(self, a: float, b: float) -> float:
        return b


@pytest.mark.parametrize(
    ("value", "seconds"),
    [
        (None, None),
        ("", None),
        ("   ", None),
        ("0", 0.0),
        ("2", 2.0),
        (" 120 ", 120.0),
        ("-1", None),
        ("1.5", None),
        ("soon", None),
        ("٣", None),
        ("Wed, 01 May 2024 12:00:10 GMT", 10.0),
        ("Wed, 01 May 2024 11:59:00 GMT", 0.0),
        ("Wed, 01 May 2024 12:02:00 +0000", 120.0),
        ("Wed, 01 May 2024 12:00:05", 5.0),
        ("Wed, 99 Foo 2024 12:00:05 GMT", None),
    ],
)
def test_parse_retry_after(value: str | None, seconds: float | None) -> None:
    assert parse_retry_after(value, NOW) == seconds


@pytest.mark.parametrize(
    ("attempt", "ceiling"),
    [(1, 0.5), (2, 1.0), (3, 2.0), (4, 4.0), (5, 8.0), (6, 8.0), (9, 8.0)],
)
def test_backoff_ceiling_doubles_up_to_max_delay(attempt: int, ceiling: float) -> None:
    policy = RetryPolicy(max_attempts=10, rng=MaxRandom())
    assert policy.delay_for(attempt) == ceiling


def test_full_jitter_stays_between_zero_and_the_ceiling() -> None:
    policy = RetryPolicy(max_attempts=10, rng=random.Random(42))
    delays = [policy.delay_for(3) for _ in range(200)]
    assert all(d is not None and 0 <= d <= 2.0 for d in delays)
    assert len(set(delays)) > 100  # actually jittered


def test_same_seed_same_delays() -> None:
    first = RetryPolicy(rng=random.Random(5))
    second = RetryPolicy(rng=random.Random(5))
    assert [first.delay_for(n) for n in (1, 2, 3)] == [second.delay_for(n) for n in (1, 2, 3)]


@pytest.mark.parametrize(
    ("attempt", "header", "expected"),
    [
        (1, "2", 2.0),
        (3, "2", 2.0),
        (1, "0", 0.0),
        (1, "30", 30.0),
        (1, "31", None),
        (1, "120", None),
        (4, "2", None),  # attempts exhausted: Retry-After does not buy another
        (4, None, None),
        (1, "Wed, 01 May 2024 12:00:20 GMT", 20.0),
        (1, "Wed, 01 May 2024 13:00:00 GMT", None),
        (1, "garbage", 0.5),  # unreadable header: plain back-off
    ],
)
def test_delay_for_table(attempt: int, header: str | None, expected: float | None) -> None:
    policy = RetryPolicy(rng=MaxRandom())
    assert policy.delay_for(attempt, header, now=NOW) == expected


def test_single_attempt_policy_never_retries() -> None:
    assert RetryPolicy(max_attempts=1).delay_for(1) is None


@pytest.mark.parametrize(
    "options", [{"max_attempts": 0}, {"base_delay": -1.0}, {"max_delay": -1.0}, {"retry_after_cap": -1.0}]
)
def test_nonsense_policies_are_refused(options: dict[str, float]) -> None:
    with pytest.raises(ValueError):
        RetryPolicy(**options)  # type: ignore[arg-type]
