"""8x8 Event Streaming applied to the agent's calls: the window shows what the platform says as it happens.

Events are applied as states, never as steps ("this call is now in wrap-up"), so an event seen twice, late or out
of order changes nothing a newer one already set:
- Created, Queued, Assigned, Accepted, CustomerAccepted, hold and other in-call events: the call is live.
- InteractionPostProcess: the agent's leg is down, the call is in wrap-up (its line is free).
- InteractionEndPostProcess, Deassigned, Deleted, Rejected, Unqueued: the call is over for this agent.
A call never goes back to an earlier state, and a call that is over stays over. Within one publisher
(`msgInfo.instanceId`), an event with a lower `msgInfo.sequenceId` than one already applied for the same call or
agent is stale and skipped.

Which line: no event says (NOTES.md, section 4). A call ccdesk did not place takes the lowest free line, the rule
8x8's place call follows for ccdesk's own calls (README, "Which line a call is on").

An outbound event for a call ccdesk has not heard of while a dial is in flight is held until 8x8 answers the
dial (the stream can be faster than the REST answer); an outbound event while a dial's outcome is unknown
resolves it: the call was placed.

Every batch is written to the journal with the resume position in one transaction, so a restart resumes after
the last applied event and never applies one twice; message ids already applied are skipped (a redelivery: the
journal's most recent ids are remembered at start). With `background=True` the writes run in order on a thread of
their own, so a slow disk (an fsync, a WAL checkpoint) never holds the thread that owns the model.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from enum import IntEnum
from functools import partial

from ccdesk.api import words
from ccdesk.api.events import AgentStatusEvent, InteractionEvent, StreamMessage
from ccdesk.core.journal import CallState, Journal, JournalError, StreamCallChange
from ccdesk.core.lines import LINES, AgentCalls, Call, LineState
from ccdesk.core.numbers import split_number

log = logging.getLogger(__name__)

#: a placed call with no event this long after it was placed means the stream is not this tenant's (seconds)
SILENCE_AFTER = 20.0
#: how many finished calls and message ids are remembered to refuse late events and redeliveries
MEMORY = 4096
#: a translate function, (context, English text) -> the words to use: `words.translate`, or `_as_written`
Translate = Callable[[str, str], str]


class Phase(IntEnum):
    """How far a call has gone, for this agent; a call only moves forward."""

    LIVE = 1
    WRAP_UP = 2
    OVER = 3


_WRAP_UP_EVENTS = frozenset({"InteractionPostProcess"})
_OVER_EVENTS = frozenset(
    {
        "InteractionEndPostProcess",
        "InteractionDeassigned",
        "InteractionDeleted",
        "InteractionRejected",
        "InteractionUnqueued",
    }
)
#: events that say nothing about whether the call is on the agent's line (recording, media, queue timers)
_NEUTRAL_EVENTS = frozenset(
    {
        "InteractionRecordingStarted",
        "RecordingStatus",
        "InteractionRecordingReady",
        "MediaProxyAdded",
        "MediaProxyRemoved",
        "InteractionQueueTimeout",
        "GuestChatEnd",
    }
)
_LIVE_EVENTS = frozenset(
    {
        "InteractionCreated",
        "InteractionQueued",
        "InteractionAssigned",
        "InteractionAccepted",
        "InteractionCustomerAccepted",
        "LineHoldStatus",
        "LineMuteStatus",
        "InteractionReconnect",
        "InteractionChanged",
        "InteractionParticipantChange",
        "InteractionJoined",
    }
)


def phase_of(event: InteractionEvent) -> Phase | None:
    """What an interaction event says about the call, or None when it says nothing (or is unknown)."""
    if event.event in _OVER_EVENTS:
        return Phase.OVER
    if event.event in _WRAP_UP_EVENTS:
        return Phase.WRAP_UP
    if event.event in _LIVE_EVENTS:
        return Phase.LIVE
    return None


def _as_written(context: str, text: str) -> str:
    """The English text itself: what the journal keeps, whatever language the window speaks."""
    return text


def _model_phase(call: Call) -> Phase:
    return Phase.WRAP_UP if call.state is LineState.WRAP_UP else Phase.LIVE


@dataclass
class ApplyReport:
    """What one batch did (for the benchmark, the tests and the log)."""

    applied: int = 0
    duplicates: int = 0
    stale: int = 0
    ignored: int = 0
    statuses: list[AgentStatusEvent] = field(default_factory=list)


class LiveLines:
    """Applies stream messages to the agent's `AgentCalls` and records them in the journal.

    Runs on the thread that owns the model (the GUI thread); `resume_from` may be called from the reader's.
    """

    def __init__(
        self,
        calls: AgentCalls,
        *,
        agent_id: str,
        topic: str,
        journal: Journal | None = None,
        profile: str = "",
        tenant: str = "",
        on_journal_error: Callable[[JournalError], None] | None = None,
        clock: Callable[[], float] = time.time,
        background: bool = False,
        region: str = "US",
    ) -> None:
        """`on_journal_error` is called on the thread that wrote (the writer's, with `background`)."""
        self.calls = calls
        self.agent_id = agent_id
        #: the journal's key for the resume position: tenant and topic
        self.topic = topic
        self.journal = journal
        self.profile, self.tenant = profile, tenant
        #: where national numbers in events are read (the profile's region)
        self.region = region
        self._on_journal_error = on_journal_error
        self._clock = clock
        self._lock = threading.Lock()
        self._position: str | None = None
        self._seen_ids: OrderedDict[str, None] = OrderedDict()
        if journal is not None:
            try:
                self._position = journal.stream_position(topic)
                journal.prune_stream()
                for message_id in journal.stream_recent(topic, MEMORY):
                    self._seen_ids[message_id] = None
            except JournalError as exc:
                self._journal_failed(exc)
        self._writer: _Writer | None = None
        if background and journal is not None and str(journal.path) != ":memory:":
            try:  # a connection of its own: the model's thread reads the journal while this one writes
                self._writer = _Writer(Journal(journal.path), self._journal_failed)
            except JournalError as exc:
                log.warning("event stream: journal writes stay on the model's thread: %s", exc)
        self._over: OrderedDict[str, None] = OrderedDict()
        self._sequence: dict[tuple[str, str], int] = {}
        #: events for calls ccdesk is dialling but 8x8 has not answered yet: applied once the answer names them
        self._pending: dict[str, tuple[Phase, InteractionEvent]] = {}
        #: interaction ids an event was heard for (a placed call nobody hears of means a silent stream)
        self._heard: OrderedDict[str, None] = OrderedDict()
        self._known: set[str] = set()
        self._changes: list[StreamCallChange] = []
        self._applying = False
        self.total = ApplyReport()
        calls.subscribe(self._model_changed)
        self._model_changed()

    def close(self) -> None:
        """Stop following the model and finish the journal writes (the stream is stopped; a new LiveLines starts
        with the next one)."""
        self.calls.unsubscribe(self._model_changed)
        if self._writer is not None:
            self._writer.close()

    def flush(self) -> None:
        """Wait until every batch applied so far is in the journal."""
        if self._writer is not None:
            self._writer.flush()

    def _write(
        self, applied: list[tuple[str, str, str]], position: str | None, changes: list[StreamCallChange]
    ) -> None:
        journal = self.journal
        if journal is None:
            return
        if self._writer is not None:
            self._writer.put(
                partial(self._writer.journal.stream_applied, self.topic, applied, position, changes)
            )
            return
        try:
            journal.stream_applied(self.topic, applied, position, changes)
        except JournalError as exc:
            self._journal_failed(exc)

    # -- position ---------------------------------------------------------------------------------------------

    def resume_from(self) -> str | None:
        """The last applied message id (the reader resumes after it), or None to start at `latest`."""
        with self._lock:
            return self._position

    # -- applying ---------------------------------------------------------------------------------------------

    def apply(self, messages: Sequence[StreamMessage]) -> ApplyReport:
        """Apply a batch in arrival order; returns what it did. Status events are returned for the caller."""
        report = ApplyReport()
        if not messages:
            return report
        fresh = [m for m in messages if m.message_id not in self._seen_ids]
        report.duplicates += len(messages) - len(fresh)
        applied: list[tuple[str, str, str]] = []
        with self.calls.batch():  # the views redraw once for the whole batch
            self._applying = True
            try:
                for message in fresh:
                    if message.message_id in self._seen_ids:  # the same id twice in one batch
                        report.duplicates += 1
                        continue
                    self._remember(self._seen_ids, message.message_id)
                    kind, iid = self._apply_one(message, report)
                    applied.append((message.message_id, kind, iid))
            finally:
                self._applying = False
            self._model_changed()
        if applied:
            position = applied[-1][0]
            with self._lock:
                self._position = position
            changes, self._changes = self._changes, []
            self._write(applied, position, changes)
        self._add(report)
        return report

    def _apply_one(self, message: StreamMessage, report: ApplyReport) -> tuple[str, str]:
        body = message.body
        if isinstance(body, AgentStatusEvent):
            if body.agent_id != self.agent_id or self._is_stale(("agent", body.agent_id), body):
                report.stale += body.agent_id == self.agent_id
                report.ignored += body.agent_id != self.agent_id
                return "AgentStatusChange", ""
            report.statuses.append(body)
            report.applied += 1
            return "AgentStatusChange", ""
        if not isinstance(body, InteractionEvent):
            report.ignored += 1
            return body.kind, ""
        iid = body.interaction_id
        phase = phase_of(body)
        if not iid or phase is None or not self._concerns(body):
            report.ignored += 1
            return body.event, iid
        if self._is_stale(("call", iid), body):
            report.stale += 1
            return body.event, iid
        self._remember(self._heard, iid)
        self._set_phase(iid, phase, body)
        report.applied += 1
        return body.event, iid

    def _concerns(self, event: InteractionEvent) -> bool:
        """On the agent's own topic every event is the agent's; InteractionDeleted carries no agentId at all."""
        iid = event.interaction_id
        return (
            event.involves(self.agent_id)
            or self.topic.endswith(f"agent-v1/{self.agent_id}")
            or iid in self._known
            or iid in self._pending
        )

    def _is_stale(self, key: tuple[str, str], event: InteractionEvent | AgentStatusEvent) -> bool:
        if event.sequence_id is None:
            return False
        slot = (f"{key[0]}:{key[1]}", event.instance_id or "")
        last = self._sequence.get(slot)
        if last is not None and event.sequence_id <= last:
            return True
        self._sequence[slot] = event.sequence_id
        if len(self._sequence) > MEMORY:
            self._sequence.pop(next(iter(self._sequence)))
        return False

    def _set_phase(self, iid: str, phase: Phase, event: InteractionEvent) -> None:
        """Make the model hold `iid` in `phase` (never moving a call backwards, never bringing one back)."""
        if iid in self._over:
            return
        call = self.calls.find(iid)
        if call is not None:
            if call.foreign and event.number and not _digits(call.display):
                self.calls.note(iid, display=self._display(event))  # a later event named the caller
            current = _model_phase(call)
            if phase <= current:
                return
            if phase is Phase.WRAP_UP:
                self.calls.leg_down(iid)
                self._changes.append(StreamCallChange(iid, CallState.WRAP_UP))
            else:
                self._end(iid)
            return
        if event.outbound is not False and self._dialing():
            held = self._pending.get(iid)
            if held is None or phase > held[0]:
                self._pending[iid] = (phase, event)
            return
        unknown = self._unknown_line(event)
        if unknown is not None and event.outbound is not False:
            row = self.calls[unknown].row_id
            if phase is Phase.OVER:
                self.calls.dismiss(unknown)
                self._changes.append(StreamCallChange(iid, CallState.ENDED, row_id=row))
                self._finish(iid)
                return
            self.calls.adopt_unknown(unknown, iid)
            self._changes.append(StreamCallChange(iid, CallState.LIVE, row_id=row, line=unknown))
            if phase is Phase.WRAP_UP:
                self.calls.leg_down(iid)
                self._changes.append(StreamCallChange(iid, CallState.WRAP_UP))
            return
        if phase is Phase.OVER:
            self._finish(iid)
            return
        line = self.calls.another_call(iid, self._display(event), wrap_up=phase is Phase.WRAP_UP)
        state = CallState.WRAP_UP if phase is Phase.WRAP_UP else CallState.LIVE
        if line is None and phase is Phase.LIVE:
            log.warning("event stream: %s is on the agent but both lines show a call", iid)
            return
        self._changes.append(
            StreamCallChange(
                iid,
                state,
                line=line,
                adopt=True,
                display=self._display(event, _as_written),  # the journal keeps English
                profile=self.profile,
                tenant=self.tenant,
                agent_id=self.agent_id,
            )
        )

    def _display(self, event: InteractionEvent, translate: Translate = words.translate) -> str:
        """What the panel says of a call ccdesk did not place: its number (formatted) and where it came from, in
        the window's language (`translate`; the journal's copy is English)."""
        number = ""
        if event.number:
            try:
                number = split_number(event.number, self.region).display
            except ValueError:
                number = event.number
        inbound = event.outbound is False
        if number and inbound:
            return translate("LiveLines", "{number} · inbound").format(number=number)
        if number:
            return translate("LiveLines", "{number} · placed elsewhere").format(number=number)
        if inbound:
            return translate("LiveLines", "Another call (inbound)")
        return translate("LiveLines", "Another call (placed elsewhere)")

    def _end(self, iid: str) -> None:
        self.calls.gone(iid)
        self._changes.append(StreamCallChange(iid, CallState.ENDED))
        self._finish(iid)

    def _finish(self, iid: str) -> None:
        self._pending.pop(iid, None)
        self._remember(self._over, iid)

    def _dialing(self) -> bool:
        return any(self.calls[n].state is LineState.DIALING for n in LINES)

    def _unknown_line(self, event: InteractionEvent) -> int | None:
        """The line of an unknown-outcome dial this event may be about (same number, or the only one)."""
        unknown = [
            n for n in LINES if self.calls[n].state is LineState.UNKNOWN and not self.calls[n].interaction_id
        ]
        if event.number:
            digits = "".join(ch for ch in event.number if ch.isdigit())
            same = [n for n in unknown if digits and _digits(self.calls[n].display).endswith(digits[-7:])]
            if same:
                return same[0]
        return unknown[0] if len(unknown) == 1 else None

    # -- the model moved (ccdesk's own actions, or this class) ------------------------------------------------

    def _model_changed(self) -> None:
        """Calls that left the model are over for good; events held for a dial apply once 8x8 answered it."""
        if self._applying:
            return
        now = {c.interaction_id for c in self._all_calls() if c.interaction_id}
        for iid in self._known - now:
            self._finish(iid)
        self._known = now
        ready = [iid for iid in self._pending if iid in now]
        dialing = self._dialing()
        if not ready and (dialing or not self._pending):
            return
        held, self._pending = self._pending, {}
        self._applying = True
        try:
            for iid, (phase, event) in held.items():
                if iid in now or not dialing:
                    self._set_phase(iid, phase, event)
                else:
                    self._pending[iid] = (phase, event)
        finally:
            self._applying = False
        self._known = {c.interaction_id for c in self._all_calls() if c.interaction_id}
        changes, self._changes = self._changes, []
        if changes:
            with self._lock:
                position = self._position
            self._write([], position, changes)

    def _all_calls(self) -> Iterable[Call]:
        yield from (self.calls[n] for n in LINES)
        yield from self.calls.wrap_ups

    # -- the stream is silent -------------------------------------------------------------------------------

    def unheard(self, *, live_since: float | None, now: float | None = None) -> list[Call]:
        """Calls ccdesk placed at least SILENCE_AFTER seconds ago, while the stream was live, that no event named."""
        if live_since is None:
            return []
        now = self._clock() if now is None else now
        return [
            c
            for c in (self.calls[n] for n in LINES)
            if c.state is LineState.LIVE
            and c.interaction_id
            and not c.foreign
            and c.interaction_id not in self._heard
            and c.started_at is not None
            and c.started_at >= live_since
            and now - c.started_at >= SILENCE_AFTER
        ]

    # -- helpers ----------------------------------------------------------------------------------------------

    def _journal_failed(self, exc: JournalError) -> None:
        log.warning("event stream: journal: %s", exc)
        if self._on_journal_error is not None:
            self._on_journal_error(exc)

    def _add(self, report: ApplyReport) -> None:
        self.total.applied += report.applied
        self.total.duplicates += report.duplicates
        self.total.stale += report.stale
        self.total.ignored += report.ignored

    @staticmethod
    def _remember(memory: OrderedDict[str, None], key: str) -> None:
        memory[key] = None
        memory.move_to_end(key)
        if len(memory) > MEMORY:
            memory.popitem(last=False)


class _Writer:
    """Runs journal writes in order on a thread of its own, on a connection of its own."""

    def __init__(self, journal: Journal, on_error: Callable[[JournalError], None]) -> None:
        self.journal = journal
        self._on_error = on_error
        self._queue: queue.Queue[Callable[[], None] | None] = queue.Queue()
        self._thread = threading.Thread(target=self._run, name="ccdesk-stream-journal", daemon=True)
        self._thread.start()

    def put(self, job: Callable[[], None]) -> None:
        self._queue.put(job)

    def flush(self) -> None:
        self._queue.join()

    def close(self) -> None:
        self._queue.put(None)
        self._thread.join(10)
        self.journal.close()

    def _run(self) -> None:
        while True:
            job = self._queue.get()
            try:
                if job is None:
                    return
                job()
            except JournalError as exc:
                self._on_error(exc)
            except Exception:  # a bug must not stop the writes behind it
                log.exception("event stream: journal write failed")
            finally:
                self._queue.task_done()


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())
