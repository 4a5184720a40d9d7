"""Recent calls as the agent reads them: the journal's calls, with their state taken from the model of the lines.

The journal is written as things happen, by the worker that sent a request and by the event stream's own writer, so
for a moment (or, when a write failed, for good) it can lag behind what the lines show. The recent list must never
contradict the lines: a call the model shows is in the state the model shows, and a call of this agent that the
model no longer shows is over, whatever the journal last said. Calls of other agents or tenants (another profile
in the same journal) keep the journal's word, the only one there is.

Each row also says how long the call lasted (from 8x8 placing it to the agent's leg going down, or still running),
and identical failures in a row (same number, same reason) are one row with a count, so a run of refusals does not
push every other call out of view. No Qt here: the window renders these rows, and the text is the same anywhere.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass

from ccdesk.api.words import translate
from ccdesk.core.journal import CallRecord, CallState
from ccdesk.core.lines import LINES, AgentCalls, Call, LineState
from ccdesk.core.links import DialIntent
from ccdesk.core.time_words import date_time, when


def state_words(state: CallState) -> str:
    """What each state is called in the list (the vocabulary of issue 12: "dialling", "wrap-up"), in the
    window's language."""
    words = {
        CallState.DIALING: translate("Recent", "dialling"),
        CallState.LIVE: translate("Recent", "on a call"),
        CallState.WRAP_UP: translate("Recent", "in wrap-up"),
        CallState.ENDED: translate("Recent", "ended"),
        CallState.FAILED: translate("Recent", "failed"),
        CallState.UNKNOWN: translate("Recent", "may be live: no answer came"),
    }
    return words[state]


_FROM_MODEL = {
    LineState.DIALING: CallState.DIALING,
    LineState.LIVE: CallState.LIVE,
    LineState.WRAP_UP: CallState.WRAP_UP,
    LineState.FAILED: CallState.FAILED,
    LineState.UNKNOWN: CallState.UNKNOWN,
}
#: journal states the model overrules for this agent's calls: not shown by the model means over
_OPEN = (CallState.LIVE, CallState.WRAP_UP)
SEPARATOR = "  ·  "
#: the reasons ccdesk itself writes to the journal when it closes a call no answer came for (kept in English there,
#: like everything the journal keeps, and put in the window's language by `reason_words`)
DISMISSED = "Checked by the agent: no call was placed."
NOT_LIVE = "8x8 placed the next call with no other line taken: this one was not live."
#: the multiplication sign after a repeated failure's state (an escape: ruff flags the character)
TIMES = "\u00d7"


@dataclass(frozen=True)
class RecentRow:
    """One row of the recent list: a call, or a run of identical failures (`count` > 1)."""

    #: the calls the row stands for, newest first (several for a run of identical failures)
    records: tuple[CallRecord, ...]
    #: the state as the agent's lines show it (the journal's word only for calls the model cannot know)
    state: CallState
    #: when 8x8 placed the call, and when the agent's leg went down (None while running or not known)
    placed_at: float | None = None
    stopped_at: float | None = None

    @property
    def record(self) -> CallRecord:
        """The newest call of the row: what Redial dials and Copy copies."""
        return self.records[0]

    @property
    def ids(self) -> tuple[int, ...]:
        """Its journal rows, newest first: a selection follows any of them across refreshes."""
        return tuple(r.id for r in self.records)

    @property
    def count(self) -> int:
        return len(self.records)

    @property
    def running(self) -> bool:
        """Its duration grows: the call is on a line now."""
        return self.state is CallState.LIVE and self.placed_at is not None

    def duration(self, now: float | None = None) -> float | None:
        """Seconds from placed to the leg going down (or to `now` while running); None when not known."""
        if self.placed_at is None:
            return None
        if self.running:
            end = time.time() if now is None else now
        elif self.state in (CallState.WRAP_UP, CallState.ENDED) and self.stopped_at is not None:
            end = self.stopped_at
        else:
            return None
        return max(0.0, end - self.placed_at)

    @property
    def who(self) -> str:
        return self.record.display or self.record.number

    def text(self, now: float | None = None) -> str:
        """The row as one line: when, number, line, state (a count after the state for repeats), duration."""
        now = time.time() if now is None else now
        state = state_words(self.state) + (f" {TIMES}{self.count}" if self.count > 1 else "")
        parts = [f"{when(self.record.created_at, now)}   {self.who}"]
        if self.record.line and self.state is not CallState.FAILED:
            parts.append(translate("Recent", "line {line}").format(line=self.record.line))
        parts.append(state)
        seconds = self.duration(now)
        if seconds is not None:
            parts.append(format_duration(seconds))
        return SEPARATOR.join(parts)

    @property
    def details(self) -> str:
        """What the tooltip says (plain text; the platform's reasons verbatim): times, interaction id, reason."""
        record = self.record
        if self.count > 1:
            first = self.records[-1].created_at
            lines = [
                translate("Recent", "Failed {count} times in a row, from {first} to {last}").format(
                    count=self.count, first=date_time(first), last=date_time(record.created_at)
                )
            ]
        else:
            lines = [translate("Recent", "Dialled {when}").format(when=date_time(record.created_at))]
        if record.interaction_id:
            lines.append(translate("Recent", "Interaction id: {id}").format(id=record.interaction_id))
        if record.last_error:
            lines.append(reason_words(record.last_error))
        return "\n".join(lines)

    @property
    def copy_text(self) -> str:
        """What Copy puts on the clipboard: the number and the interaction id, tab-separated."""
        return "\t".join(x for x in (self.who, self.record.interaction_id or "") if x)


def recent_rows(
    records: Iterable[CallRecord], calls: AgentCalls, *, tenant: str, agent_id: str
) -> list[RecentRow]:
    """The rows for the journal's `records` (newest first), in the state `calls` shows for this agent's calls.

    Calls without a number (seen on the event stream, placed elsewhere) cannot be dialled again and are left out.
    """
    dialling = {n for n in LINES if calls[n].state is LineState.DIALING and calls[n].row_id is None}
    rows: list[RecentRow] = []
    for record in records:
        if not record.number:
            continue
        call = _model_call(record, calls, dialling)
        own = record.tenant == tenant and record.agent_id == agent_id
        state = _state(record, call, own=own)
        placed = record.placed_at
        if placed is None and call is not None and state is CallState.LIVE:
            placed = call.started_at  # placed a moment ago: the journal's writer has not caught up
        row = RecentRow((record,), state, placed, record.hung_up_at or record.ended_at)
        previous = rows[-1] if rows else None
        if previous is not None and _same_failure(previous, row):
            rows[-1] = RecentRow((*previous.records, record), CallState.FAILED)
        else:
            rows.append(row)
    return rows


def redial_intent(record: CallRecord) -> DialIntent:
    """What to put in the dial form to dial this call's number again, the way it was dialled.

    A parsed number is shown in international form (it starts with '+'): it is dialled as +prefix number. A raw
    one (an extension, a service code) had its prefix sent as typed: it goes back in raw mode with that prefix.
    """
    if record.display.startswith("+") or not record.display:
        return DialIntent(number=f"+{record.prefix}{record.number}" if record.prefix else record.number)
    return DialIntent(number=record.number, prefix=record.prefix)


def reason_words(reason: str) -> str:
    """A call's reason from the journal as the tooltip shows it: ccdesk's own reasons in the window's language;
    any other (the platform's words, an error as the agent read it) verbatim."""
    if reason == DISMISSED:
        return translate("Recent", "Checked by the agent: no call was placed.")
    if reason == NOT_LIVE:
        return translate(
            "Recent", "8x8 placed the next call with no other line taken: this one was not live."
        )
    return reason


def format_duration(seconds: float) -> str:
    """Like the line panels' timers: 02:31, or 1:02:03 past an hour."""
    whole = int(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


def _model_call(record: CallRecord, calls: AgentCalls, dialling: set[int]) -> Call | None:
    """The model's call for this journal row: by interaction id, by journal row, or the dial in flight on its line.

    A dial's row is written before its request goes out and its answer before the window hears of it, so the
    newest row on a line that shows Dialling (with no row yet) is that dial, whatever the journal says of it.
    """
    if record.interaction_id:
        call = calls.find(record.interaction_id)
        if call is not None:
            return call
    for number in LINES:
        if calls[number].row_id == record.id and calls[number].state is not LineState.IDLE:
            return calls[number]
    line = record.line
    if (
        line in dialling
        and record.state in (CallState.DIALING, CallState.LIVE)
        and calls[line].display == record.display
    ):
        dialling.discard(line)  # only the newest row on that line is the dial in flight
        return calls[line]
    return None


def _state(record: CallRecord, call: Call | None, *, own: bool) -> CallState:
    if call is not None:
        return _FROM_MODEL.get(call.state, record.state)
    if own and record.state in _OPEN:
        return CallState.ENDED
    return record.state


def _same_failure(previous: RecentRow, row: RecentRow) -> bool:
    """Two failures in a row to the same number for the same reason, by the same agent."""
    a, b = previous.record, row.record
    return (
        previous.state is CallState.FAILED
        and row.state is CallState.FAILED
        and (a.tenant, a.agent_id, a.prefix, a.number, a.last_error)
        == (b.tenant, b.agent_id, b.prefix, b.number, b.last_error)
    )
