"""The agent's two lines and the calls on them, as one model every view renders (no Qt here).

What holds a line, decided once (README, "Which line a call is on"):
- The documents say an agent has two lines ("free the agent's line 1 or 2"), that place call fails with "already on
  busy phone interaction" when a line is taken (unless forceCall) and with "not available" when both are, and that
  freeing a line answers "... leg on line [N] assigned to interaction [X] ...". They never say which line a new call
  takes, nor when a line is freed.
- Inferred, and shared with the simulator: a call holds a line while the agent's leg is up; hanging up the leg,
  ending the call and freeing the line release it; a new call takes the lowest free line. A call whose leg is down
  may still be in wrap-up (post-processing): it holds no line and is listed apart, with its codes and End.
- 8x8's word corrects the guess: the free-line answer names the interaction that was on the line; "Failed to find
  any interaction on line [N]" and "has no phone interactions in progress" say a line is empty; a place-call answer
  without "Agent is handling other interactions" says no other line was taken; an agent status that is neither
  busy nor post-processing says no wrap-up is open.

Listeners are told after every change (the window, the tray and the recent list redraw from the model).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from enum import StrEnum

from ccdesk.api.models import TransactionCode
from ccdesk.api.words import translate
from ccdesk.core.journal import CallRecord, CallState

LINES = (1, 2)


def unknown_advice() -> str:
    """What Check, Free and Dismiss do for a call whose request got no answer, in the window's language."""
    return translate(
        "Lines",
        "Check asks 8x8 about the agent; Free the line to end whatever is on it; Dismiss if no call was placed.",
    )


class LineState(StrEnum):
    IDLE = "idle"
    DIALING = "dialing"
    LIVE = "on a call"
    WRAP_UP = "wrap-up"
    FAILED = "failed"
    #: a call request went out and no answer came (a timeout, a 5xx, or ccdesk stopped): the call may be live
    UNKNOWN = "unknown"

    @property
    def label(self) -> str:
        """The state as the window and the command line name it (translated in the window)."""
        return {
            LineState.IDLE: lambda: translate("Lines", "Idle"),
            LineState.DIALING: lambda: translate("Lines", "Dialling…"),
            LineState.LIVE: lambda: translate("Lines", "On a call"),
            LineState.WRAP_UP: lambda: translate("Lines", "Wrap-up"),
            LineState.FAILED: lambda: translate("Lines", "Failed"),
            LineState.UNKNOWN: lambda: translate("Lines", "Unknown: may be live"),
        }[self]()

    @property
    def holds_line(self) -> bool:
        """The agent's leg is (or may be) up: 8x8 will not put a new call on this line."""
        return self in (LineState.DIALING, LineState.LIVE, LineState.UNKNOWN)


@dataclass(frozen=True)
class Call:
    """A call as the agent sees it: on a line (or an empty line, IDLE), or in wrap-up."""

    line: int
    state: LineState = LineState.IDLE
    display: str = ""
    interaction_id: str = ""
    started_at: float | None = None
    codes: tuple[TransactionCode, ...] = ()
    #: what went wrong and the next step, in plain words (core.explain.present's summary)
    error: str = ""
    #: more to do, beside the error (what Check, Free and Dismiss do for an unknown call)
    advice: str = ""
    #: 8x8's own words about the error, verbatim with the HTTP status: shown on demand
    details: str = ""
    #: the journal row of the call (to settle an unknown call that has no interaction id)
    row_id: int | None = None
    #: something the agent must know beside the state (the journal could not record the call...)
    warning: str = ""
    #: End was sent without ending wrap-up: the call is over, its post-processing open
    ended: bool = False
    #: ccdesk did not place this call (inbound, Agent Workspace): 8x8's event stream showed it
    foreign: bool = False

    @property
    def number(self) -> int:
        """The line the call is (or was) on."""
        return self.line

    def elapsed(self, now: float | None = None) -> float | None:
        if self.started_at is None or self.state in (LineState.IDLE, LineState.FAILED):
            return None
        return max(0.0, (time.time() if now is None else now) - self.started_at)


#: what the panels showed before: an empty line is a Call in the IDLE state
Line = Call


class AgentCalls:
    """The agent's two lines and the wrap-ups that hold no line; the one model the window, tray and recent render."""

    def __init__(self) -> None:
        self._lines: dict[int, Call] = {n: Call(n) for n in LINES}
        self._wrap_ups: dict[str, Call] = {}
        self._listeners: list[Callable[[], None]] = []
        self._batching = 0
        self._missed = False

    # -- reading ----------------------------------------------------------------------------------------------

    def __getitem__(self, number: int) -> Call:
        return self._lines[number]

    @property
    def wrap_ups(self) -> list[Call]:
        """Calls in wrap-up, oldest first."""
        return list(self._wrap_ups.values())

    def find(self, interaction_id: str) -> Call | None:
        """The call with this interaction id, on a line or in wrap-up."""
        if not interaction_id:
            return None
        for call in self._lines.values():
            if call.interaction_id == interaction_id:
                return call
        return self._wrap_ups.get(interaction_id)

    def free_line(self) -> int | None:
        """The line 8x8 will use for the next call: the lowest one no call holds."""
        return next((n for n in LINES if not self._lines[n].state.holds_line), None)

    def held(self) -> list[Call]:
        """Calls holding a line."""
        return [c for c in self._lines.values() if c.state.holds_line]

    def is_empty(self) -> bool:
        return not self.held() and not self._wrap_ups

    # -- listening --------------------------------------------------------------------------------------------

    def subscribe(self, listener: Callable[[], None]) -> None:
        """`listener()` runs after every change."""
        self._listeners.append(listener)

    def unsubscribe(self, listener: Callable[[], None]) -> None:
        """Stop telling `listener` (a view or an event stream that is going away)."""
        if listener in self._listeners:
            self._listeners.remove(listener)

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Listeners are told once, after the block, however many changes it made (a burst of events is drawn
        once, not once per event)."""
        self._batching += 1
        try:
            yield
        finally:
            self._batching -= 1
            if not self._batching and self._missed:
                self._missed = False
                self._changed()

    def _changed(self) -> None:
        if self._batching:
            self._missed = True
            return
        for listener in list(self._listeners):
            listener()

    # -- changes ----------------------------------------------------------------------------------------------

    def dialing(self, line: int, display: str) -> Call:
        """A dial request is on its way for `line`."""
        self._lines[line] = Call(line, LineState.DIALING, display=display, started_at=time.time())
        self._changed()
        return self._lines[line]

    def placed(
        self, line: int, interaction_id: str, row_id: int | None, *, others_busy: bool, warning: str = ""
    ) -> int:
        """8x8 placed the call; returns the line it is on.

        `others_busy` is 8x8's "Agent is handling other interactions". Without it, no other line was taken: a
        call ccdesk showed on another line has lost its leg (the caller hung up) and goes to wrap-up, an unknown
        call was never live, and the new call is on the lowest line.
        """
        call = replace(self._lines[line], state=LineState.LIVE, interaction_id=interaction_id, row_id=row_id)
        call = replace(call, warning=warning)
        if not others_busy:
            for other in LINES:
                if other != line and self._lines[other].state.holds_line:
                    self._leave_line(other)
            target = LINES[0]
            if target != line:
                self._lines[line] = Call(line)
                line = target
        self._lines[line] = replace(call, line=line)
        self._changed()
        return line

    def not_placed(self, line: int, *, error: str = "", advice: str = "", details: str = "") -> None:
        """8x8 refused the call (or it was never sent): the line shows why and holds nothing."""
        if error:
            self._lines[line] = replace(
                self._lines[line], state=LineState.FAILED, error=error, advice=advice, details=details
            )
        else:
            self._lines[line] = Call(line)
        self._changed()

    def unknown(self, line: int, row_id: int | None, *, error: str, advice: str, details: str = "") -> None:
        """No answer came to the call request: the call may be live, so it keeps its line until settled."""
        self._lines[line] = replace(
            self._lines[line],
            state=LineState.UNKNOWN,
            row_id=row_id,
            error=error,
            advice=advice,
            details=details,
        )
        self._changed()

    def leg_down(self, interaction_id: str, *, ended: bool = False) -> Call | None:
        """The agent's leg of this call is down (hung up, freed, the caller left): it goes to wrap-up."""
        for number, call in self._lines.items():
            if call.interaction_id == interaction_id and call.state.holds_line:
                self._leave_line(number, ended=ended)
                self._changed()
                return self._wrap_ups.get(interaction_id)
        wrap = self._wrap_ups.get(interaction_id)
        if wrap is not None and ended and not wrap.ended:
            self._wrap_ups[interaction_id] = replace(wrap, ended=True)
            self._changed()
        return self._wrap_ups.get(interaction_id)

    def ended(self, interaction_id: str, *, end_post_processing: bool) -> None:
        """End call answered: with its wrap-up ended the call is gone; without, it stays in wrap-up."""
        if end_post_processing:
            self.gone(interaction_id)
        else:
            self.leg_down(interaction_id, ended=True)

    def gone(self, interaction_id: str) -> None:
        """The call and its wrap-up are over (ended with post-processing, or 8x8 says it no longer exists)."""
        for number, call in self._lines.items():
            if call.interaction_id == interaction_id:
                self._lines[number] = Call(number)
        self._wrap_ups.pop(interaction_id, None)
        self._changed()

    def codes_set(self, interaction_id: str, codes: Iterable[TransactionCode]) -> None:
        self._update(interaction_id, codes=tuple(codes), error="", advice="", details="")

    def note(self, interaction_id: str, **fields: str) -> None:
        """Error, advice or warning text for a call (by interaction id)."""
        self._update(interaction_id, **fields)

    def note_line(self, line: int, **fields: str) -> None:
        """Error, advice or warning text for whatever the line shows."""
        self._lines[line] = replace(self._lines[line], **fields)  # type: ignore[arg-type]
        self._changed()

    def is_unknown_dial(self, line: int, named: str) -> bool:
        """Whether `named` (cut from `line` by a free) is the call shown there as Unknown, whose id never came:
        8x8 names an interaction the model does not hold anywhere else."""
        shown, other = self._lines[line], self._lines[next(n for n in LINES if n != line)]
        return (
            bool(named)
            and shown.state is LineState.UNKNOWN
            and not shown.interaction_id
            and other.interaction_id != named
            and named not in self._wrap_ups
        )

    def line_freed(self, line: int, named: list[str]) -> None:
        """8x8 freed `line`; its answer names the interaction that was on it (`named`, when it does).

        That call goes to wrap-up. When 8x8 names a call the model had elsewhere (or not at all), the model was
        wrong: the named call is the one that was on this line, and the call shown here is moved to the other
        line if that one is free.
        """
        shown = self._lines[line]
        cut = named[0] if named else shown.interaction_id
        if self.is_unknown_dial(line, cut):
            # the call whose answer never came is the one 8x8 names: it was placed, and now its leg is down
            self._lines[line] = replace(shown, state=LineState.LIVE, interaction_id=cut)
            self._leave_line(line)
        elif not cut or shown.interaction_id == cut:
            self._leave_line(line)
        else:
            other = next(n for n in LINES if n != line)
            if self._lines[other].interaction_id == cut:
                self._leave_line(other)
            else:
                self._wrap_ups[cut] = Call(
                    line, LineState.WRAP_UP, interaction_id=cut, started_at=time.time()
                )
            if shown.state.holds_line and not self._lines[other].state.holds_line:
                self._lines[other] = replace(shown, line=other)
            self._lines[line] = Call(line)
        self._changed()

    def line_empty(self, line: int) -> None:
        """8x8 says nothing is on `line`: a call shown there lost its leg (wrap-up); an unknown one never was."""
        self._leave_line(line)
        self._changed()

    def all_freed(self) -> None:
        """Every line freed (or 8x8 says the agent has no call in progress)."""
        for number in LINES:
            self._leave_line(number)
        self._changed()

    def wrap_ups_closed(self) -> list[Call]:
        """8x8 says no wrap-up is open (the agent is neither busy nor in post-processing); returns those closed."""
        closed = list(self._wrap_ups.values())
        if closed:
            self._wrap_ups.clear()
            self._changed()
        return closed

    def another_call(self, interaction_id: str, display: str, *, wrap_up: bool = False) -> int | None:
        """A call ccdesk did not place, seen on 8x8's event stream: on the lowest free line (or in wrap-up).

        Returns the line it was put on, None when it went to the wrap-up list or no line is free (the model
        then holds two calls already, and the next answer from 8x8 corrects it).
        """
        call = Call(
            LINES[0],
            LineState.LIVE,
            display=display,
            interaction_id=interaction_id,
            started_at=time.time(),
            foreign=True,
        )
        if wrap_up:
            self._wrap_ups[interaction_id] = replace(call, state=LineState.WRAP_UP)
            self._changed()
            return None
        line = self.free_line()
        if line is None:
            return None
        self._lines[line] = replace(call, line=line)
        self._changed()
        return line

    def adopt_unknown(self, line: int, interaction_id: str) -> Call:
        """8x8's event stream names the call behind an unknown outcome on `line`: it was placed and is live."""
        call = replace(
            self._lines[line],
            state=LineState.LIVE,
            interaction_id=interaction_id,
            error="",
            advice="",
            details="",
        )
        self._lines[line] = call
        self._changed()
        return call

    def dismiss(self, line: int) -> Call:
        """The agent checked: the unknown call on this line was never placed."""
        call = self._lines[line]
        self._lines[line] = Call(line)
        self._changed()
        return call

    def clear(self) -> None:
        self._lines = {n: Call(n) for n in LINES}
        self._wrap_ups.clear()
        self._changed()

    def _update(self, interaction_id: str, **fields: object) -> None:
        for number, call in self._lines.items():
            if call.interaction_id == interaction_id:
                self._lines[number] = replace(call, **fields)  # type: ignore[arg-type]
        if interaction_id in self._wrap_ups:
            self._wrap_ups[interaction_id] = replace(self._wrap_ups[interaction_id], **fields)  # type: ignore[arg-type]
        self._changed()

    def _leave_line(self, line: int, *, ended: bool = False) -> None:
        """The call on `line` no longer holds it: a placed call goes to wrap-up; anything else is cleared."""
        call = self._lines[line]
        self._lines[line] = Call(line)
        if call.state is LineState.LIVE and call.interaction_id:
            self._wrap_ups[call.interaction_id] = replace(
                call, state=LineState.WRAP_UP, error="", advice="", details="", ended=ended or call.ended
            )

    def restore(self, records: list[CallRecord]) -> list[CallRecord]:
        """Put journal calls that may still be live back where they were; returns those that did not fit.

        Live calls take their line; calls in wrap-up go to the wrap-up list. A call whose request got no answer
        (ccdesk stopped, or the answer never came) comes back as Unknown on the line it was dialled on, with its
        number and its interaction id if one was recorded, so the agent sees it and can settle it.
        """
        left: list[CallRecord] = []
        for record in records:
            codes = tuple(TransactionCode.parse(c) for c in record.codes)
            started = record.placed_at or record.created_at
            if record.state is CallState.WRAP_UP and record.interaction_id:
                self._wrap_ups[record.interaction_id] = Call(
                    record.line or LINES[0],
                    LineState.WRAP_UP,
                    display=record.display,
                    interaction_id=record.interaction_id,
                    started_at=started,
                    codes=codes,
                    row_id=record.id,
                )
                continue
            number = (
                record.line
                if record.line in LINES and not self._lines[record.line].state.holds_line
                else self.free_line()
            )
            if number is None:
                left.append(record)
                continue
            unknown = record.state in (CallState.DIALING, CallState.UNKNOWN)
            self._lines[number] = Call(
                number,
                LineState.UNKNOWN if unknown else LineState.LIVE,
                display=record.display,
                interaction_id=record.interaction_id or "",
                started_at=started,
                codes=codes,
                row_id=record.id,
                error=_unknown_error(record.last_error) if unknown else "",
                advice=unknown_advice() if unknown else "",
            )
        self._changed()
        return left


def _unknown_error(last_error: str) -> str:
    """Why a call restored from the journal shows as Unknown."""
    if not last_error:
        return translate("Lines", "No answer came to the call request: the call may be live.")
    return translate("Lines", "{error}: the call may be live.").format(error=last_error)
