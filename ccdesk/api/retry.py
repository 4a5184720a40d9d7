"""When to try an idempotent request again, and how long to wait first.

Back-off is exponential with "full jitter" (a random wait between zero and the exponential ceiling) so that
many desks recovering from the same outage do not hammer the platform in step. A Retry-After the server sends
is honoured exactly, unless it asks for longer than `retry_after_cap`: then waiting would freeze the window,
so the client gives up and reports how long the server asked for.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import UTC, datetime


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (seconds or HTTP-date); None when absent or unreadable."""
    if value is None:
        return None
    text = value.strip()
    if not text:
        return None
    if text.isascii() and text.isdigit():
        return float(int(text))
    from email.utils import parsedate_to_datetime  # rare path; the email package is slow to import

    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    current = now or datetime.now(UTC)
    return max(0.0, (when - current).total_seconds())


@dataclass(frozen=True)
class RetryNotice:
    """Told to the caller before each back-off sleep, so a window can say "retrying in n s"."""

    attempt: int
    delay: float
    reason: str
    method: str
    path: str


@dataclass(frozen=True)
class RetryPolicy:
    """How often and how patiently idempotent requests are retried; `rng` is injectable for tests."""

    max_attempts: int = 4
    base_delay: float = 0.5
    max_delay: float = 8.0
    retry_after_cap: float = 30.0
    rng: random.Random = field(default_factory=random.Random, compare=False, repr=False)

    def __post_init__(self) -> None:
        if self.max_attempts < 1:
            raise ValueError("max_attempts must be at least 1")
        if min(self.base_delay, self.max_delay, self.retry_after_cap) < 0:
            raise ValueError("delays must not be negative")

    def delay_for(
        self, attempt: int, retry_after_header: str | None = None, *, now: datetime | None = None
    ) -> float | None:
        """Seconds to wait after failed attempt number `attempt` (1-based), or None to give up."""
        if attempt >= self.max_attempts:
            return None
        asked = parse_retry_after(retry_after_header, now)
        if asked is not None:
            return asked if asked <= self.retry_after_cap else None
        ceiling = min(self.max_delay, self.base_delay * 2 ** (attempt - 1))
        return self.rng.uniform(0.0, ceiling)
