"""The agent's two lines as ccdesk knows them.

The API never reports which line a call sits on: 8x8 puts a new call on the agent's first free line, and ccdesk
mirrors that rule. So a line's state here is ccdesk's own knowledge, rebuilt from the journal after a restart;
"Free line N" always acts on the platform's line, whatever ccdesk believes.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field, replace
from enum import StrEnum

from ccdesk.api.models import TransactionCode
from ccdesk.core.journal import CallRecord, CallState

LINES = (1, 2)


class LineState(StrEnum):
    IDLE = "idle"
    DIALING = "dialing"
    LIVE = "on a call"
    WRAP_UP = "wrap-up"
    FAILED = "failed"
    #: a call request went out and no answer came (a timeout, or ccdesk stopped): the call may be live
    UNKNOWN = "unknown"

    @property
    def label(self) -> str:
        return {
            LineState.IDLE: "Idle",
            LineState.DIALING: "Dialing…",
            LineState.LIVE: "On a call",
            LineState.WRAP_UP: "Wrap-up",
            LineState.FAILED: "Failed",
            LineState.UNKNOWN: "Unknown: may be live",
        }[self]

    @property
    def holds_call(self) -> bool:
        """A call ccdesk must not dial over: live, in wrap-up, still being dialled, or possibly live."""
        return self in (LineState.DIALING, LineState.LIVE, LineState.WRAP_UP, LineState.UNKNOWN)


@dataclass(frozen=True)
class Line:
    """One line's state: what the panel shows."""

    number: int
    state: LineState = LineState.IDLE
    display: str = ""
    interaction_id: str = ""
    started_at: float | None = None
    codes: tuple[TransactionCode, ...] = ()
    error: str = ""
    advice: str = ""
    #: the journal row of the call (to settle an unknown call that has no interaction id)
    row_id: int | None = None
    #: something the agent must know beside the state (the journal could not record the call...)
    warning: str = ""

    def elapsed(self, now: float | None = None) -> float | None:
        if self.started_at is None or not self.state.holds_call:
            return None
        return max(0.0, (time.time() if now is None else now) - self.started_at)


@dataclass
class LineBook:
    """Both lines; the rules for which line a new call goes on."""

    lines: dict[int, Line] = field(default_factory=lambda: {n: Line(n) for n in LINES})

    def __getitem__(self, number: int) -> Line:
        return self.lines[number]

    def update(self, number: int, **changes: object) -> Line:
        self.lines[number] = replace(self.lines[number], **changes)  # type: ignore[arg-type]
        return self.lines[number]

    def reset(self, number: int) -> Line:
        self.lines[number] = Line(number)
        return self.lines[number]

    def free_line(self) -> int | None:
        """The line 8x8 will use for the next call: the first one not holding a call."""
        return next((n for n in LINES if not self.lines[n].state.holds_call), None)

    def restore(self, records: list[CallRecord]) -> list[CallRecord]:
        """Put journal calls that may still be live back on their lines; returns those that did not fit.

        A call whose request got no answer (ccdesk stopped, or the answer never came) comes back as Unknown on
        the line it was dialled on, with its number and its interaction id if one was recorded, so the agent
        sees it and can settle it instead of dialling over it.
        """
        left: list[CallRecord] = []
        for record in records:
            number = (
                record.line if record.line in LINES and not self.lines[record.line].state.holds_call else None
            )
            number = number or self.free_line()
            if number is None:
                left.append(record)
                continue
            if record.state in (CallState.DIALING, CallState.UNKNOWN):
                state = LineState.UNKNOWN
            else:
                state = LineState.WRAP_UP if record.state is CallState.WRAP_UP else LineState.LIVE
            self.lines[number] = Line(
                number,
                state,
                display=record.display,
                interaction_id=record.interaction_id or "",
                started_at=record.placed_at or record.created_at,
                codes=tuple(TransactionCode.parse(c) for c in record.codes),
                row_id=record.id,
                error=f"{record.last_error or 'No answer came to the call request'}: the call may be live."
                if state is LineState.UNKNOWN
                else "",
                advice=UNKNOWN_ADVICE if state is LineState.UNKNOWN else "",
            )
        return left


UNKNOWN_ADVICE = "Free the line to end whatever is on it, or Forget if you know no call was placed."
