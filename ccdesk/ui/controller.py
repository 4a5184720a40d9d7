"""The agent's use cases for one session: dial, hang up, set codes, end, free, status.

The window is a view: it shows what this controller says (the lines, the agent's status, messages) and hands it
what the agent asked for. The controller owns the session's work: every request runs on the bridge with the
session's own client, and the journal is written on the worker, before the window hears of the answer. When the
window moves on (another profile, or quitting) the controller retires the session: queued work is dropped, a dial
in flight is waited for so its interaction id is recorded, and the session closes once nothing of it runs.

Journal failures never lose a call: a dial that cannot be recorded first is not sent; an answer that cannot be
recorded is still shown, with its interaction id and a warning saying what to do.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ccdesk.api.errors import (
    AgentStatusApiOffError,
    AuthenticationError,
    CCDeskError,
    ConfigurationError,
    ConnectionFailedError,
    GoneError,
    OutcomeUnknownError,
    RequestTimeoutError,
)
from ccdesk.api.models import (
    AgentState,
    AgentStatus,
    ApiResult,
    PlaceCallRequest,
    PlaceCallResult,
    StatusChange,
    StatusCode,
    TransactionCode,
)
from ccdesk.core.codes import amend
from ccdesk.core.explain import Presentation, present
from ccdesk.core.journal import CallRecord, JournalError, interactions_named
from ccdesk.core.lines import LINES, AgentCalls, Call, LineState, unknown_advice
from ccdesk.core.live import SILENCE_AFTER, LiveLines
from ccdesk.core.local_files import move_aside
from ccdesk.core.recent import DISMISSED, NOT_LIVE
from ccdesk.core.roster import status_codes_for
from ccdesk.ui.agent_states import state_words
from ccdesk.ui.bridge import Bridge, TaskResult, to_gui
from ccdesk.ui.qt import QCoreApplication, QObject, QTimer, Signal

if TYPE_CHECKING:
    from ccdesk.api.client import CCClient
    from ccdesk.api.events import AgentStatusEvent, StreamMessage
    from ccdesk.api.retry import RetryNotice
    from ccdesk.ui.dial_panel import DialRequest
    from ccdesk.ui.live_stream import LiveStream
    from ccdesk.ui.session import Session

log = logging.getLogger("ccdesk.ui.controller")

#: waiting for requests in flight when the window closes, besides a dial (whose answer is always waited for)
CLOSE_WAIT_MS = 3000
#: how often the window asks whether the event stream has gone quiet about a placed call
SILENCE_CHECK_MS = 5000
#: the recent list is redrawn this long after events changed calls (a burst redraws it a few times a second)
RECENT_AFTER_STREAM_MS = 300
#: agent statuses that say the agent is on a call (the guide: a direct call may show as BUSY or DIRECT_CALL)
_CALLING = frozenset(
    {AgentState.BUSY, AgentState.DIRECT_CALL, AgentState.PROCESS_TRANSACT, AgentState.TRANSACT_OFFERED}
)
#: agent statuses that say a call or its wrap-up is still going on
_ON_A_CALL = _CALLING | {AgentState.POST_PROCESS}


def _line_lane(line: int) -> str:
    return f"line:{line}"


def _call_lane(interaction_id: str) -> str:
    """Work on one call runs in order (codes before End); different calls run side by side."""
    return f"call:{interaction_id}"


def task_words(name: str) -> str:
    """A queued request's name ("hang_up", "free line"…) in the window's language, for "not sent" notes."""
    words = {
        "dial": QCoreApplication.translate("DeskController", "dial"),
        "hang_up": QCoreApplication.translate("DeskController", "hang up"),
        "end": QCoreApplication.translate("DeskController", "end call"),
        "codes": QCoreApplication.translate("DeskController", "transaction codes"),
        "free line": QCoreApplication.translate("DeskController", "free line"),
        "free all": QCoreApplication.translate("DeskController", "free all lines"),
        "check": QCoreApplication.translate("DeskController", "check"),
        "agent status": QCoreApplication.translate("DeskController", "read the status"),
        "set status": QCoreApplication.translate("DeskController", "set the status"),
    }
    return words.get(name, name)


@dataclass(frozen=True)
class Dialled:
    """How a dial ended, from the worker: placed (with its id), refused, or unknown; and what the journal did."""

    row: int
    placed: PlaceCallResult | None = None
    error: CCDeskError | None = None
    journal_error: JournalError | None = None


@dataclass(frozen=True)
class Done:
    """An action the platform answered, and the journal's failure to record it (None when it did)."""

    result: ApiResult
    journal_error: JournalError | None = None


def _write(action: Callable[[], object]) -> JournalError | None:
    """Run one journal write; its failure is returned (to be shown), never raised past an answered request."""
    try:
        action()
    except JournalError as exc:
        log.warning("journal not written: %s", exc)
        return exc
    return None


class DeskController(QObject):
    """One session's calls, lines and agent status, and everything the agent can do with them."""

    #: the lines or the wrap-ups changed (the model's listeners are told through this signal)
    calls_changed = Signal()
    #: an action started or finished: render what is busy (`busy`)
    busy_changed = Signal()
    #: a dial request is in flight (True) or answered (False)
    dialing_changed = Signal(bool)
    #: "free all lines" in flight
    freeing_all_changed = Signal(bool)
    #: a message for the status bar (text, milliseconds; 0 until replaced)
    notice = Signal(str, int)
    #: a failure the agent must see even with the window hidden (title, text)
    alert = Signal(str, str)
    #: a failure that belongs to no line panel, to show whole (title, core.explain.Presentation)
    failed = Signal(str, object)
    #: the agent's status, or the Status API's availability, changed
    agent_changed = Signal()
    #: the connection as the last answer showed it (text, colour)
    connection_changed = Signal(str, str)
    #: the journal's calls changed (the recent-calls list)
    recent_changed = Signal()
    #: the journal cannot be used (a JournalError), or works again (None)
    journal_problem = Signal(object)
    #: the journal file was deleted or replaced while running and started again (what to tell the agent)
    journal_restarted = Signal(str)
    #: a call was placed, on this line (the window empties the number field)
    placed = Signal(int)
    #: the event stream's state (or its silence warning) changed: the header redraws
    stream_changed = Signal()

    def __init__(self, session: Session, bridge: Bridge, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.bridge = bridge
        self.lines = AgentCalls()
        self.lines.subscribe(self.calls_changed.emit)
        #: (target, action) pairs in flight: ("call:<iid>", "hang_up"), ("line:1", "free")...
        self.busy: set[tuple[str, str]] = set()
        self._rejected: set[str] = set()  # the APIs ("calls", "status") whose last answer rejected the token
        self._names: dict[
            str, str
        ] = {}  # interaction id -> the number shown, for the words said after an action
        #: 8x8 reports the agent busy or in post-processing while ccdesk knows of no call: said in the header
        self.foreign_call = False
        self._generation = 0  # answers that changed the model: a status read sent before one is not trusted
        self.agent: AgentStatus | None = None
        #: False once the tenant's Agent Status API answered that it is switched off
        self.status_api = True
        #: why the status is unknown (the last read failed), or ""
        self.status_error = ""
        self.dialing = False
        self._retired = False
        self._journal_troubled = False  # a journal problem is on screen: the next good write takes it away
        session.retry_listener = lambda notice: to_gui(partial(self._on_retry_notice, notice))
        session.journal.on_reopened = lambda: to_gui(self._journal_started_again)
        #: 8x8's event stream, when the session has one: applies its events to `lines`
        self.live: LiveLines | None = None
        self.stream: LiveStream | None = None
        #: why the stream could not be started (half set up), shown in the header
        self.stream_problem = ""
        #: a call placed a while ago that no event named: the stream is probably another region's
        self.stream_warning = ""
        self._silence_timer = QTimer(self)
        self._silence_timer.setInterval(SILENCE_CHECK_MS)
        self._silence_timer.timeout.connect(self._check_silence)
        # the recent list follows the stream at most a few times a second (and after the journal writer wrote)
        self._recent_timer = QTimer(self)
        self._recent_timer.setSingleShot(True)
        self._recent_timer.setInterval(RECENT_AFTER_STREAM_MS)
        self._recent_timer.timeout.connect(self.recent_changed.emit)

    # -- start and end ----------------------------------------------------------------------------------------

    def restore(self) -> None:
        """Bring back the calls the journal says may still be live (after a crash or restart).

        Dials whose process stopped before 8x8 answered come back as Unknown on their line, so the agent sees
        them and settles them instead of dialling over a call that may be live; calls in wrap-up come back to
        the wrap-up list.
        """
        journal, settings = self.session.journal, self.session.settings
        try:
            journal.settle_orphans(window_starting=True)
            records = journal.open_calls(tenant=settings.tenant, agent_id=self.session.agent_id)
        except JournalError as exc:
            self._journal_failed(exc)
            return
        leftovers = self.lines.restore(records)
        unknown = [self.lines[n] for n in LINES if self.lines[n].state is LineState.UNKNOWN]
        restored = len(self.lines.held()) + len(self.lines.wrap_ups)
        if unknown:
            first = unknown[0]
            if first.display:
                text = QCoreApplication.translate(
                    "DeskController",
                    "Line {line}: a call to {who} may be live: ccdesk got no answer to its request. Check, Free the "
                    "line, or Dismiss it if you know no call was placed.",
                ).format(line=first.line, who=first.display)
            else:
                text = QCoreApplication.translate(
                    "DeskController",
                    "Line {line}: a call may be live: ccdesk got no answer to its request. Check, Free the line, "
                    "or Dismiss it if you know no call was placed.",
                ).format(line=first.line)
            self.notice.emit(text, 30000)
        elif restored:
            self.notice.emit(
                QCoreApplication.translate(
                    "DeskController", "Restored %n call(s) from the journal.", None, restored
                ),
                15000,
            )
        if leftovers:
            log.warning("%d open call(s) in the journal did not fit on the lines", len(leftovers))

    def retire(self, *, quitting: bool, pump: Callable[[], None] | None = None) -> list[str]:
        """The window is done with this session. Returns the names of queued actions that were not sent.

        Queued work is dropped and no answer reaches the window any more. Switching profile, the requests in
        flight finish in the background on this session's own client, writing the journal as they answer, and
        the session closes after the last one. Quitting, a dial in flight is waited for (as long as the client
        can take to answer) so its interaction id reaches the journal; other requests get CLOSE_WAIT_MS, then
        are abandoned (they fail at once) so the process can end.
        """
        self._retired = True
        session = self.session
        session.retry_listener = None
        self.stop_stream()
        dropped = self.bridge.retire(session)
        if quitting:
            wait_ms = CLOSE_WAIT_MS
            if self.dialing:
                self.notice.emit(
                    QCoreApplication.translate(
                        "DeskController",
                        "Waiting for 8x8's answer to the call request, so its interaction id is kept…",
                    ),
                    0,
                )
                wait_ms = int(session.client.longest_dial * 1000)  # the client exists: it is dialling
            self.bridge.wait(wait_ms, owner=session, pump=pump)
            if session.working:
                session.abandon()
        session.close()
        return dropped

    # -- dialing ----------------------------------------------------------------------------------------------

    def unknown_call_to(self, request: DialRequest) -> Call | None:
        """An Unknown call (no answer came) to the same number: dialling again may call the customer twice."""
        return next(
            (
                c
                for c in self.lines.held()
                if c.state is LineState.UNKNOWN and c.display == request.dial.display
            ),
            None,
        )

    def dial(self, request: DialRequest) -> bool:
        """Place a call on the line 8x8 will use (the first free one), journalling it before sending."""
        if self.dialing:
            return False
        line_no = self.lines.free_line()
        if line_no is None:
            self.dialing_changed.emit(False)
            self.notice.emit(
                QCoreApplication.translate(
                    "DeskController",
                    "Both lines hold calls as far as ccdesk knows: end or free a line first.",
                ),
                10000,
            )
            return False
        session, agent = self.session, self.session.agent_id
        try:
            body = PlaceCallRequest(
                agent_id=agent,
                prefix=request.dial.prefix,
                number=request.dial.number,
                caller_id=request.caller_id,
                queue_id=request.queue_id,
                dialplan_id=request.dialplan_id,
                force_call=request.force_call,
                ext_transaction_data=request.ext_data,
                ctl_user_data=request.ctl_data,
            )
        except CCDeskError as exc:
            self.dialing_changed.emit(False)
            self.failed.emit(
                QCoreApplication.translate("DeskController", "Not dialled"),
                present(exc, outcome=QCoreApplication.translate("DeskController", "Nothing was dialled.")),
            )
            return False
        journal = session.journal
        if journal.problem is not None:
            self._not_dialled(journal.problem)
            return False
        profile, tenant, dial = session.profile.name, session.settings.tenant, request.dial

        def place(client: CCClient) -> Dialled:
            row = journal.begin_dial(  # a JournalError here: nothing is sent
                profile=profile,
                tenant=tenant,
                agent_id=agent,
                display=dial.display,
                prefix=dial.prefix,
                number=dial.number,
                line=line_no,
                answer_within=client.longest_dial,
            )
            try:
                placed = client.place_call(body)
            except CCDeskError as exc:
                unknown = isinstance(exc, OutcomeUnknownError)
                failed = partial(journal.dial_failed, row, str(exc), outcome_unknown=unknown)
                return Dialled(row, error=exc, journal_error=_write(failed))
            except Exception:  # a bug after the request may have gone out: the call may exist
                log.exception("dial failed unexpectedly")
                unknown_error = OutcomeUnknownError(
                    QCoreApplication.translate(
                        "DeskController",
                        "ccdesk failed while dialling, after the request may have gone out; the call may have "
                        "been placed. This is a bug: please report it (Help > Save diagnostics).",
                    )
                )
                return Dialled(
                    row,
                    error=unknown_error,
                    journal_error=_write(
                        partial(journal.dial_failed, row, str(unknown_error), outcome_unknown=True)
                    ),
                )
            # the interaction id, before anything else; if the journal fails, the id is still shown
            recorded = partial(journal.placed, row, placed.interaction_id, line_no)
            return Dialled(row, placed, journal_error=_write(recorded))

        self.lines.dialing(line_no, dial.display)
        self._set_dialing(True)
        self._submit("dial", "dial", place, partial(self._dialled, line_no))
        self.notice.emit(
            QCoreApplication.translate("DeskController", "Line {line}: dialling {number}…").format(
                line=line_no, number=dial.preview
            ),
            0,
        )
        return True

    def _dialled(self, line_no: int, task: TaskResult[Dialled]) -> None:
        self._set_dialing(False)
        self._generation += 1
        outcome = task.value
        if (
            outcome is None
        ):  # the journal could not record the dial (or a bug before sending): nothing was sent
            self.lines.not_placed(line_no)
            self._not_dialled(task.error)
            return
        if outcome.journal_error is None:
            self._journal_ok()
        if outcome.placed is not None:
            placed = outcome.placed
            others = [c for c in self.lines.held() if c.line != line_no]
            warning = _journal_warning(outcome.journal_error, placed.interaction_id)
            line = self.lines.placed(
                line_no,
                placed.interaction_id,
                outcome.row,
                others_busy=placed.agent_was_busy,
                warning=warning,
            )
            if line != line_no or (others and not placed.agent_was_busy):
                self._write_line_moves(line, placed.interaction_id, others)
            who = self.lines[line].display or placed.interaction_id
            if placed.agent_was_busy and not others:
                self.foreign_call = True
                self.agent_changed.emit()
                said = QCoreApplication.translate(
                    "DeskController",
                    "Line {line}: dialled {who}. 8x8 says the agent is also on a call ccdesk did not place.",
                )
            else:
                said = QCoreApplication.translate("DeskController", "Line {line}: dialled {who}.")
            self.notice.emit(said.format(line=line, who=who), 10000)
            self.placed.emit(line)
            if outcome.journal_error is not None:
                self.alert.emit(
                    QCoreApplication.translate(
                        "DeskController", "Line {line}: call placed, not journalled"
                    ).format(line=line),
                    warning,
                )
                self._journal_failed(outcome.journal_error)
        else:
            error = outcome.error
            if isinstance(error, OutcomeUnknownError):
                fields = self._error_fields(error)
                self.lines.unknown(line_no, outcome.row, advice=unknown_advice(), **fields)
                self.notice.emit(
                    QCoreApplication.translate(
                        "DeskController",
                        "Line {line}: no answer from 8x8: the call may be live (see line {line}).",
                    ).format(line=line_no),
                    0,
                )
            else:
                nothing = QCoreApplication.translate("DeskController", "Nothing was dialled.")
                self.lines.not_placed(line_no, **self._error_fields(error, outcome=nothing))
                self.notice.emit(
                    QCoreApplication.translate(
                        "DeskController", "Line {line}: not dialled (line {line} says why)."
                    ).format(line=line_no),
                    15000,
                )
            self._alert_about(
                QCoreApplication.translate("DeskController", "Line {line}: not dialled").format(line=line_no),
                error,
                outcome=QCoreApplication.translate("DeskController", "Nothing was dialled."),
            )
        self.recent_changed.emit()
        self.refresh_agent_status()

    def _write_line_moves(self, line: int, interaction_id: str, others: list[Call]) -> None:
        """8x8's answer showed the other line was free: record where the new call is and what left its line."""
        journal = self.session.journal
        self._journal_write(partial(journal.on_line, interaction_id, line))
        for other in others:
            if other.interaction_id:
                self._journal_write(partial(journal.hung_up, other.interaction_id))
            elif other.row_id is not None:
                self._journal_write(partial(journal.dismissed, other.row_id, NOT_LIVE))

    def _not_dialled(self, error: BaseException | None) -> None:
        self._set_dialing(False)
        if isinstance(error, JournalError):
            self._journal_failed(error)
        self._report_error(
            QCoreApplication.translate("DeskController", "Not dialled"),
            error,
            outcome=QCoreApplication.translate("DeskController", "Nothing was dialled."),
        )

    def _set_dialing(self, dialing: bool) -> None:
        self.dialing = dialing
        self.dialing_changed.emit(dialing)

    # -- actions on a call ------------------------------------------------------------------------------------

    def hang_up(self, line_no: int) -> None:
        """Hang up the agent's leg of the call on this line; the call goes to wrap-up."""
        iid, agent, journal = self.lines[line_no].interaction_id, self.session.agent_id, self.session.journal

        def work(client: CCClient) -> Done:
            result = client.hang_up(iid, agent)
            return Done(result, _write(partial(journal.hung_up, iid)))

        self._run_on_call(iid, "hang_up", work, partial(self._hung_up, iid))

    def _hung_up(self, iid: str, task: TaskResult[Done]) -> None:
        if task.ok or _leg_gone(task.error) or isinstance(task.error, GoneError):
            # 400 "not found for agent": the leg is down already (a retried hang-up, or the caller left);
            # 410 "already terminated": the call is over, its wrap-up may still be open
            if not task.ok:
                self._journal_write(partial(self.session.journal.hung_up, iid))
            self.lines.leg_down(iid, ended=isinstance(task.error, GoneError))
            if not task.ok:
                said = present(task.error).details  # the platform's words stay in view, on demand
                down = _leg_already_down()
                self.lines.note(iid, error=down, advice="", details=said)
                self.notice.emit(
                    QCoreApplication.translate("DeskController", "Hang up: {reason}").format(reason=down),
                    15000,
                )
        self._after(iid, "hang up", task)

    def end_call(self, iid: str, end_post_processing: bool) -> None:
        """End the call (on a line or in wrap-up); with `end_post_processing` its wrap-up ends too."""
        journal = self.session.journal

        def work(client: CCClient) -> Done:
            result = client.end_call(iid, end_post_processing=end_post_processing)
            return Done(result, _write(partial(journal.ended, iid)))

        self._run_on_call(iid, "end", work, partial(self._ended, iid, end_post_processing))

    def _ended(self, iid: str, end_post_processing: bool, task: TaskResult[Done]) -> None:
        if isinstance(task.error, GoneError):
            self._journal_write(partial(self.session.journal.ended, iid))
            if end_post_processing:  # 8x8 has nothing left of it
                self.lines.gone(iid)
            else:  # already ended; its wrap-up may still be open (End with "also end wrap-up" closes it)
                self.lines.leg_down(iid, ended=True)
        elif task.ok:
            self.lines.ended(iid, end_post_processing=end_post_processing)
        self._after(iid, "end call", task)

    def set_codes(self, iid: str, codes: list[TransactionCode]) -> None:
        """Send the chosen codes for a call (in order with other work on that call).

        The platform amends list by list (core.codes.amend): the call then holds the codes sent for the lists
        they name, and keeps those of the lists they do not; the journal and the screen show what it holds.
        """
        agent, journal = self.session.agent_id, self.session.journal
        call = self.lines.find(iid)
        held = amend(call.codes if call is not None else (), codes)

        def work(client: CCClient) -> Done:
            result = client.set_transaction_codes(iid, agent, codes)
            return Done(result, _write(partial(journal.codes_set, iid, [str(c) for c in held])))

        self._run_on_call(iid, "codes", work, partial(self._codes_set, iid, list(held)))

    def _codes_set(self, iid: str, codes: list[TransactionCode], task: TaskResult[Done]) -> None:
        if task.ok:
            self.lines.codes_set(iid, codes)
        elif isinstance(task.error, GoneError):  # the call and its wrap-up are over: nothing to code
            self._journal_write(partial(self.session.journal.ended, iid))
            self.lines.gone(iid)
        self._after(iid, "set codes", task)

    # -- actions on a line ------------------------------------------------------------------------------------

    def free_line(self, line_no: int) -> None:
        """Free the platform's line N, whatever ccdesk believes is on it."""
        agent, journal = self.session.agent_id, self.session.journal

        def work(client: CCClient) -> Done:
            result = client.free_line(agent, line_no)
            return Done(result, _write(partial(journal.lines_freed, agent, line_no, result.reasons)))

        self._busy(_line_lane(line_no), "free", True)

        def done(task: TaskResult[Done]) -> None:
            try:  # the answer is shown while Free is still in flight: the panel says the line was freed
                self._line_freed(line_no, task)
            finally:
                self._busy(_line_lane(line_no), "free", False)

        self._submit(_line_lane(line_no), "free line", work, done)

    def _line_freed(self, line_no: int, task: TaskResult[Done]) -> None:
        self._generation += 1
        if _nothing_to_free(task.error):  # the platform's "nothing there": the line is free, as asked
            self._journal_write(partial(self.session.journal.lines_freed, self.session.agent_id, line_no))
            self.lines.line_empty(line_no)
            self.notice.emit(
                QCoreApplication.translate(
                    "DeskController", "Line {line}: nothing to free, it was already free."
                ).format(line=line_no),
                10000,
            )
            self.recent_changed.emit()
            self.refresh_agent_status()
            return
        if task.ok and task.value is not None:
            before = self.lines[line_no]
            named = interactions_named(task.value.result.reasons)
            if named and before.row_id is not None and self.lines.is_unknown_dial(line_no, named[0]):
                # the unknown dial was placed after all: its journal row gets the id 8x8 named, and its leg is down
                journal = self.session.journal
                self._journal_write(partial(journal.placed, before.row_id, named[0], line_no))
                self._journal_write(partial(journal.hung_up, named[0]))
            self.lines.line_freed(line_no, named)
            if before.display:
                freed = QCoreApplication.translate(
                    "DeskController", "Line {line} freed (it held the call to {who})."
                ).format(line=line_no, who=before.display)
            else:
                freed = QCoreApplication.translate("DeskController", "Line {line} freed.").format(
                    line=line_no
                )
            self.notice.emit(freed, 10000)
            self._journal_warning_after(task.value)
        elif not task.ok:
            outcome = QCoreApplication.translate("DeskController", "The line was not freed.")
            self.lines.note_line(line_no, **self._error_fields(task.error, outcome=outcome))
            self.notice.emit(
                QCoreApplication.translate(
                    "DeskController", "Line {line}: not freed (line {line} says why)."
                ).format(line=line_no),
                15000,
            )
            self._alert_about(
                QCoreApplication.translate("DeskController", "Line {line}: not freed").format(line=line_no),
                task.error,
                outcome=outcome,
            )
        self.recent_changed.emit()
        self.refresh_agent_status()

    def dismiss(self, line_no: int) -> None:
        """The agent checked: the call shown as Unknown on this line was not placed. Nothing is sent."""
        call = self.lines[line_no]
        if call.state is not LineState.UNKNOWN:
            return
        if call.row_id is not None:
            self._journal_write(partial(self.session.journal.dismissed, call.row_id, DISMISSED))
        self.lines.dismiss(line_no)
        self.recent_changed.emit()
        self.notice.emit(
            QCoreApplication.translate(
                "DeskController", "Line {line}: dismissed; nothing was sent to 8x8."
            ).format(line=line_no),
            8000,
        )

    def check(self, line_no: int) -> None:
        """What 8x8 says about the agent now, for an Unknown call on this line (reads the agent's status)."""
        if not self.status_api:
            self._checked(
                line_no,
                QCoreApplication.translate(
                    "DeskController",
                    "The Agent Status API is switched off for this tenant, so ccdesk cannot ask 8x8 about the "
                    "agent. Free the line to end whatever is on it, or Dismiss this call if you know it was not "
                    "placed.",
                ),
            )
            return
        agent, generation = self.session.agent_id, self._generation
        self._busy(_line_lane(line_no), "check", True)

        def done(task: TaskResult[AgentStatus]) -> None:
            self._busy(_line_lane(line_no), "check", False)
            self._agent_read(task, generation=generation)
            self._checked(line_no, self._what_status_says(line_no, task))

        self._submit("status", "check", lambda c: c.get_agent(agent), done)

    def _checked(self, line_no: int, text: str) -> None:
        """Check's finding stays on the unknown call's panel (and in the status bar)."""
        if self.lines[line_no].state is LineState.UNKNOWN:
            self.lines.note_line(
                line_no,
                advice=QCoreApplication.translate("DeskController", "Checked: {finding}").format(
                    finding=text
                ),
            )
        self.notice.emit(
            QCoreApplication.translate("DeskController", "Line {line}: {finding}").format(
                line=line_no, finding=text
            ),
            20000,
        )

    def _what_status_says(self, line_no: int, task: TaskResult[AgentStatus]) -> str:
        """What the agent's status means for the unknown call on this line, in plain words."""
        if task.value is None:
            return QCoreApplication.translate("DeskController", "8x8 could not be asked: {reason}").format(
                reason=present(task.error).summary
            )
        status = task.value
        others = [c for c in self.lines.held() if c.state is LineState.LIVE]
        if status.status in _CALLING and others:
            said = QCoreApplication.translate(
                "DeskController",
                "8x8 reports the agent as {status}. The agent is on a call, which may be only the one on the "
                "other line.",
            )
        elif status.status in _CALLING:
            said = QCoreApplication.translate(
                "DeskController",
                "8x8 reports the agent as {status}. The agent is on a call: this one may be live. Free the line to "
                "end it.",
            )
        elif status.status == AgentState.POST_PROCESS:
            said = QCoreApplication.translate(
                "DeskController",
                "8x8 reports the agent as {status}. A call has ended and its wrap-up is open: this call was "
                "probably placed. Free the line.",
            )
        else:
            said = QCoreApplication.translate(
                "DeskController",
                "8x8 reports the agent as {status}. The agent is not on a call: this one is not live. Dismiss it.",
            )
        return said.format(status=state_words(status.status))

    def free_all_lines(self) -> None:
        agent, journal = self.session.agent_id, self.session.journal

        def work(client: CCClient) -> Done:
            result = client.free_lines(agent)
            return Done(result, _write(partial(journal.lines_freed, agent)))

        self.freeing_all_changed.emit(True)
        self._submit("lines", "free all", work, self._all_freed)

    def _all_freed(self, task: TaskResult[Done]) -> None:
        self._generation += 1
        self.freeing_all_changed.emit(False)
        if task.ok or _nothing_to_free(task.error):
            if not task.ok:
                self._journal_write(partial(self.session.journal.lines_freed, self.session.agent_id))
            self.lines.all_freed()
            message = (
                QCoreApplication.translate("DeskController", "Both lines freed.")
                if task.ok
                else QCoreApplication.translate(
                    "DeskController", "Nothing to free: both lines were already free."
                )
            )
            self.notice.emit(message, 10000)
            self._journal_warning_after(task.value)
        else:
            self._report_error(QCoreApplication.translate("DeskController", "Lines not freed"), task.error)
        self.recent_changed.emit()
        self.refresh_agent_status()

    def _run_on_call(
        self,
        iid: str,
        action: str,
        work: Callable[[CCClient], Done],
        done: Callable[[TaskResult[Done]], None],
    ) -> None:
        target = _call_lane(iid)
        call = self.lines.find(iid)
        if call is not None and call.display:
            self._names[iid] = (
                call.display
            )  # for the words said when it is done (the call may be gone by then)
        self._busy(target, action, True)

        def finished(task: TaskResult[Done]) -> None:
            try:  # the answer is shown while the action is still in flight: the panel names what moved the call
                done(task)
            finally:
                self._busy(target, action, False)

        self._submit(target, action, work, finished)

    def _busy(self, target: str, action: str, busy: bool) -> None:
        if busy:
            self.busy.add((target, action))
        else:
            self.busy.discard((target, action))
        self.busy_changed.emit()

    def is_busy(self, call: Call, action: str) -> bool:
        """Whether `action` is in flight for this call (or, for line actions, its line)."""
        if action in ("free", "check"):
            return (_line_lane(call.line), action) in self.busy
        return bool(call.interaction_id) and (_call_lane(call.interaction_id), action) in self.busy

    def _after(self, iid: str, what: str, task: TaskResult[Done]) -> None:
        self._generation += 1
        if task.ok and task.value is not None and task.value.journal_error is None:
            self._journal_ok()
        if task.ok and task.value is not None:
            self.notice.emit(_done_words(what, self._names.pop(iid, ""), self.lines.find(iid)), 10000)
            if task.value.journal_error is not None:
                self.lines.note(iid, warning=_journal_warning(task.value.journal_error, ""))
            self._journal_warning_after(task.value)
        elif not task.ok and not _leg_gone(task.error) and not isinstance(task.error, GoneError):
            outcome = _not_done(what)
            self.lines.note(iid, **self._error_fields(task.error, outcome=outcome))
            call = self.lines.find(iid)
            on_line = call is not None and bool(call.line) and call.state.holds_line
            line = call.line if call is not None else 0
            self.notice.emit(_not_done_notice(what, line if on_line else None), 15000)
            self._alert_about(_failed_title(what), task.error, outcome=outcome)
        self.recent_changed.emit()
        self.refresh_agent_status()

    # -- the journal ------------------------------------------------------------------------------------------

    def _journal_failed(self, error: JournalError) -> None:
        self._journal_troubled = True
        self.journal_problem.emit(error)

    def _journal_ok(self) -> None:
        """A write went through: a journal problem on screen is over (the lock was released...)."""
        if self._journal_troubled:
            self._journal_troubled = False
            self.journal_problem.emit(None)

    def _journal_write(self, action: Callable[[], object]) -> None:
        """A journal write on the GUI thread (after an answer): a failure is shown, never raised."""
        error = _write(action)
        if error is not None:
            self._journal_failed(error)
            self.notice.emit(f"{error} {error.remedy}", 20000)

    def _journal_warning_after(self, done: Done | None) -> None:
        if done is not None and done.journal_error is not None:
            self._journal_failed(done.journal_error)

    def reset_journal(self) -> Path | None:
        """Start the journal again: a broken file is moved aside first (kept whole); returns that backup.

        Raises LocalFileError when the journal still cannot be used (the problem bar then says why).
        """
        journal = self.session.journal
        backup = None
        if journal.path.exists() or journal.path.is_symlink():
            backup = move_aside(journal.path)
        journal.retry()
        self._journal_troubled = False
        self._rewrite_lines_into_journal()
        self.restore()
        self._restart_stream()
        self.recent_changed.emit()
        return backup

    def _restart_stream(self) -> None:
        """The journal is a new file: the stream's writer and resume position follow it."""
        if self.stream is not None:
            self.stop_stream()
            self.start_stream()

    def _journal_started_again(self) -> None:
        """The journal file was deleted or replaced while ccdesk ran: a new one was started; put our calls in it."""
        if self._retired:
            return
        self._rewrite_lines_into_journal()
        self._restart_stream()
        text = QCoreApplication.translate(
            "DeskController",
            "The call journal {path} was deleted or replaced while ccdesk was running. A new one was started, and "
            "the calls on screen were written to it again; calls made before are no longer in the recent list.",
        ).format(path=self.session.journal.path)
        self.journal_restarted.emit(text)
        self.alert.emit(
            QCoreApplication.translate("DeskController", "ccdesk: call journal started again"), text
        )
        self.recent_changed.emit()

    def _rewrite_lines_into_journal(self) -> None:
        calls = [self.lines[n] for n in LINES if self.lines[n].state is LineState.LIVE] + self.lines.wrap_ups
        for call in calls:
            if not call.interaction_id:
                continue
            self._journal_write(
                partial(
                    self._adopt_line,
                    call.interaction_id,
                    call.line,
                    call.display,
                    [str(c) for c in call.codes],
                    call.state is LineState.WRAP_UP,
                )
            )

    def _adopt_line(self, iid: str, number: int, display: str, codes: list[str], wrap_up: bool) -> CallRecord:
        session, journal = self.session, self.session.journal
        record = journal.adopt(
            iid,
            profile=session.profile.name,
            tenant=session.settings.tenant,
            agent_id=session.agent_id,
            line=number,
            display=display,
        )
        if codes:
            journal.codes_set(iid, codes)
        if wrap_up:
            journal.hung_up(iid)
        return record

    def recent(self, limit: int = 30) -> list[CallRecord]:
        """The journal's recent calls (empty when the journal cannot be read; its problem is shown)."""
        try:
            return self.session.journal.recent(limit)
        except JournalError as exc:
            self._journal_failed(exc)
            return []

    def recent_codes(self) -> list[TransactionCode]:
        seen: dict[TransactionCode, None] = {}
        for record in self.recent(40):
            for text in record.codes:
                seen.setdefault(TransactionCode.parse(text), None)
        return list(seen)[:6]

    # -- 8x8's event stream ----------------------------------------------------------------------------------

    def start_stream(self) -> None:
        """Follow 8x8's event stream when the session has one; without one the window works from answers alone."""
        session = self.session
        if session.stream_factory is None or self.stream is not None or self._retired:
            return
        try:
            settings = session.stream_factory()
        except (ConfigurationError, OSError) as exc:
            self.stream_problem = str(exc)
            log.warning("event stream not started: %s", exc)
            self.stream_changed.emit()
            return
        if settings is None:
            return
        from ccdesk.ui.live_stream import LiveStream

        _redact_in_logs(settings.key)

        endpoint = settings.endpoint
        self.live = LiveLines(
            self.lines,
            agent_id=session.agent_id,
            topic=f"{endpoint.tenant}/{endpoint.topic}",
            journal=session.journal,
            profile=session.profile.name,
            tenant=session.settings.tenant,
            on_journal_error=lambda exc: to_gui(partial(self._journal_failed, exc)),
            background=True,
            region=session.settings.region or "US",
        )
        self.stream = LiveStream(
            endpoint, settings.key, apply=self.apply_stream, resume_from=self.live.resume_from, parent=self
        )
        self.stream.status_changed.connect(self.stream_changed.emit)
        self.stream.start()
        self._silence_timer.start()
        self.stream_changed.emit()

    def stop_stream(self) -> None:
        """Stop reading the event stream (closing, or before following it again from scratch)."""
        self._silence_timer.stop()
        self._recent_timer.stop()
        if self.stream is not None:
            self.stream.stop()
            self.stream.deleteLater()
        if self.live is not None:
            self.live.close()
        self.stream, self.live, self.stream_warning = None, None, ""

    def apply_stream(self, messages: list[StreamMessage]) -> None:
        """Messages from the stream, on the GUI thread, in arrival order."""
        if self._retired or self.live is None:
            return
        report = self.live.apply(messages)
        if report.applied:
            self._generation += 1  # a status read sent before these events is older than what they said
            if not self._recent_timer.isActive():
                self._recent_timer.start()
        if report.statuses:  # the newest status of the batch; older ones were already overtaken
            self._status_event(report.statuses[-1])
        if self.stream_warning and not self.live.unheard(live_since=self._live_since()):
            self.stream_warning = ""
            self.stream_changed.emit()

    def _status_event(self, event: AgentStatusEvent) -> None:
        """The agent's status changed (here, in Agent Workspace or by a supervisor): header, tray, wrap-ups."""
        if event.state is None:
            return
        old = self.agent
        list_id, _, item_id = (event.reason_code_user or "").partition("=")
        self.agent = AgentStatus(
            agent_id=event.agent_id,
            name=old.name if old is not None else "",
            status=event.state,
            status_code_list_id=int(list_id) if list_id.isdigit() else None,
            status_code_item_id=int(item_id) if item_id.isdigit() else None,
            sub_status=event.sub_state if event.sub_state not in (None, "none") else None,
        )
        self.status_error = ""
        # wrap-ups are closed by their own events (EndPostProcess...), not guessed from the status: a status
        # event read with older events of the same batch would close a wrap-up opened after it
        self.foreign_call = self.agent.status in _ON_A_CALL and self.lines.is_empty()
        self.agent_changed.emit()

    def _live_since(self) -> float | None:
        return self.stream.live_since if self.stream is not None else None

    def _check_silence(self) -> None:
        if self.live is None:
            return
        unheard = self.live.unheard(live_since=self._live_since())
        silence = round(SILENCE_AFTER)  # a name, not an expression: lupdate reads only a plain count argument
        warning = (
            QCoreApplication.translate(
                "DeskController",
                "No events for a call placed %n s ago: check the stream's region and topic.",
                None,
                silence,
            )
            if unheard
            else ""
        )
        if warning != self.stream_warning:
            self.stream_warning = warning
            if warning:
                log.warning(
                    "event stream: no events for a call placed %.0f s ago (%s)",
                    SILENCE_AFTER,
                    ", ".join(c.interaction_id for c in unheard),
                )
            self.stream_changed.emit()

    # -- agent status -----------------------------------------------------------------------------------------

    def refresh_agent_status(self) -> None:
        if (
            not self.session.agent_id
            or not self.status_api
            or self._retired
            or self.bridge.is_busy("status", self.session)
        ):
            return
        agent, generation = self.session.agent_id, self._generation
        read = partial(self._agent_read, generation=generation)
        self._submit("status", "agent status", lambda c: c.get_agent(agent), read)

    def _agent_read(self, task: TaskResult[AgentStatus], *, generation: int | None = None) -> None:
        if task.ok and task.value is not None:
            self.agent, self.status_api, self.status_error = task.value, True, ""
            if generation is None or generation == self._generation:  # no answer changed the model meanwhile
                self._reconcile_with_status(task.value)
        elif isinstance(task.error, AgentStatusApiOffError):
            self.status_api = False
        elif task.error is not None:
            self.status_error = str(task.error)
        self.agent_changed.emit()

    def _reconcile_with_status(self, status: AgentStatus) -> None:
        """8x8's word on the agent corrects the model: no wrap-up is open unless busy or post-processing;
        busy or post-processing with no call ccdesk knows of is a call ccdesk did not place."""
        on_a_call = status.status in _ON_A_CALL
        if not on_a_call:
            self._close_wrap_ups()
        self.foreign_call = on_a_call and self.lines.is_empty()

    def _close_wrap_ups(self) -> None:
        closed = self.lines.wrap_ups_closed()
        for call in closed:
            self._journal_write(partial(self.session.journal.ended, call.interaction_id))
        if closed:
            self.recent_changed.emit()

    def status_codes(self, state: int) -> list[StatusCode]:
        """The status codes to offer with `state`: the profile's, and one seen on the agent in that status."""
        seen = [self.agent] if self.agent is not None else []
        return status_codes_for(state, self.session.profile.status_codes, seen)

    def set_agent_status(self, state: int, label: str, code: StatusCode | None = None) -> None:
        """Set the agent's status through the Agent Status API, with a status code when one is chosen."""
        agent = self.session.agent_id
        change = code.change(int(state)) if code is not None else StatusChange(int(state))
        self._generation += 1

        def done(task: TaskResult[Any]) -> None:
            if task.ok:
                self.notice.emit(
                    QCoreApplication.translate("DeskController", "Status set to {status}.").format(
                        status=label
                    ),
                    8000,
                )
                # a status set through the Agent Status API ends the agent's post-processing (its wrap-ups)
                self._close_wrap_ups()
            else:
                self._report_error(QCoreApplication.translate("DeskController", "Set status"), task.error)
            self.refresh_agent_status()

        self._submit("status", "set status", lambda c: c.set_agent_status(agent, change), done)

    # -- plumbing ---------------------------------------------------------------------------------------------

    def _submit(
        self, lane: str, name: str, fn: Callable[[CCClient], Any], callback: Callable[[TaskResult[Any]], None]
    ) -> None:
        def answered(task: TaskResult[Any]) -> None:
            self._note_connection(task, "status" if lane == "status" else "calls")
            callback(task)

        self.bridge.submit(lane, name, fn, answered, owner=self.session)

    def _note_connection(self, task: TaskResult[Any], api: str) -> None:
        """Keep the header's connection state true to the last answer.

        A rejected token stays said until that same API (calls or agent status) accepts a request again: a
        status read that works does not make a refused Call API "Connected".
        """
        error = task.error
        if isinstance(task.value, Dialled) and task.value.error is not None:
            error = task.value.error
        answered = error is None or (isinstance(error, CCDeskError) and error.status and error.status < 500)
        if isinstance(error, AuthenticationError):
            self._rejected.add(api)
        elif answered:
            self._rejected.discard(api)
        if len(self._rejected) == 2:
            self.connection_changed.emit(
                QCoreApplication.translate("DeskController", "Token rejected — open Settings"), "#d64545"
            )
        elif "status" in self._rejected:
            self.connection_changed.emit(
                QCoreApplication.translate(
                    "DeskController", "Token rejected (Agent Status API) — open Settings"
                ),
                "#d64545",
            )
        elif self._rejected:
            self.connection_changed.emit(
                QCoreApplication.translate("DeskController", "Token rejected (Call API) — open Settings"),
                "#d64545",
            )
        elif answered:
            self.connection_changed.emit(QCoreApplication.translate("DeskController", "Connected"), "#1f9d55")
        elif isinstance(error, ConnectionFailedError | RequestTimeoutError | OutcomeUnknownError):
            self.connection_changed.emit(QCoreApplication.translate("DeskController", "Offline"), "#d64545")
        elif isinstance(error, CCDeskError) and not isinstance(error, JournalError):
            self.connection_changed.emit(
                QCoreApplication.translate("DeskController", "Platform error"), "#c77700"
            )

    def _on_retry_notice(self, notice: RetryNotice) -> None:
        if self._retired:
            return
        seconds = round(notice.delay)
        if "429" in notice.reason:
            text = QCoreApplication.translate(
                "DeskController", "8x8 asks ccdesk to slow down; trying again in %n s…", None, seconds
            )
        else:
            text = QCoreApplication.translate(
                "DeskController", "8x8 did not answer; trying again in %n s…", None, seconds
            )
        self.notice.emit(text, int(notice.delay * 1000) + 2000)

    def _present(self, error: BaseException | None, outcome: str = "") -> Presentation:
        """The one presentation (core.explain), told the agent's status so a refusal names it."""
        if error is not None and not isinstance(error, CCDeskError):
            log.error("unexpected failure", exc_info=error)
        known = (
            self.agent.label if self.agent is not None and self.status_api and not self.status_error else None
        )
        return present(error, outcome=outcome, agent_status=known)

    def _error_fields(self, error: BaseException | None, outcome: str = "") -> dict[str, str]:
        """A call's or line's error text for the model: plain words first, 8x8's words as details."""
        shown = self._present(error, outcome)
        return {"error": shown.summary, "details": shown.details}

    def _alert_about(self, title: str, error: BaseException | None, outcome: str = "") -> None:
        self.alert.emit(f"ccdesk: {title}", self._present(error, outcome).text())

    def _report_error(self, title: str, error: BaseException | None, outcome: str = "") -> None:
        """A failure that belongs to no line: shown whole above the content, and in the tray when hidden."""
        self.failed.emit(title, self._present(error, outcome))
        self.notice.emit(  # not a stale "dialling…"
            QCoreApplication.translate("DeskController", "{title} (the message above says why).").format(
                title=title
            ),
            15000,
        )
        self._alert_about(title, error, outcome)


def _leg_already_down() -> str:
    return QCoreApplication.translate(
        "Controller",
        "The agent's leg is already down (8x8 no longer has the agent on this call): the call is in wrap-up.",
    )


def _not_done(what: str) -> str:
    """What did not happen, said first when an action on a call fails."""
    if what == "hang up":
        return QCoreApplication.translate("Controller", "The call was not hung up.")
    if what == "end call":
        return QCoreApplication.translate("Controller", "The call was not ended.")
    return QCoreApplication.translate("Controller", "The transaction codes were not set.")


def _failed_title(what: str) -> str:
    if what == "hang up":
        return QCoreApplication.translate("Controller", "Hang up failed")
    if what == "end call":
        return QCoreApplication.translate("Controller", "End call failed")
    return QCoreApplication.translate("Controller", "Set codes failed")


def _not_done_notice(what: str, line: int | None) -> str:
    """The status bar's word on a failed action: where the call is that says why (its line, or wrap-up)."""
    if line is None:
        if what == "hang up":
            return QCoreApplication.translate(
                "Controller", "Hang up: not done (the call in wrap-up says why)."
            )
        if what == "end call":
            return QCoreApplication.translate(
                "Controller", "End call: not done (the call in wrap-up says why)."
            )
        return QCoreApplication.translate("Controller", "Set codes: not done (the call in wrap-up says why).")
    if what == "hang up":
        text = QCoreApplication.translate(
            "Controller", "Hang up: not done (the call in line {line} says why)."
        )
    elif what == "end call":
        text = QCoreApplication.translate(
            "Controller", "End call: not done (the call in line {line} says why)."
        )
    else:
        text = QCoreApplication.translate(
            "Controller", "Set codes: not done (the call in line {line} says why)."
        )
    return text.format(line=line)


def _done_words(what: str, display: str, call: Call | None) -> str:
    """Success in ccdesk's words (8x8's raw "Ending call with interactionGuid=[…] was successful" is not)."""
    if what == "hang up":
        if display:
            return QCoreApplication.translate(
                "Controller", "Hung up the call to {who}; it is in wrap-up."
            ).format(who=display)
        return QCoreApplication.translate("Controller", "Hung up the call; it is in wrap-up.")
    if what == "end call":
        gone = call is None or not call.ended
        if display and gone:
            text = QCoreApplication.translate("Controller", "Ended the call to {who} and its wrap-up.")
        elif display:
            text = QCoreApplication.translate(
                "Controller", "Ended the call to {who}; its wrap-up is still open."
            )
        elif gone:
            text = QCoreApplication.translate("Controller", "Ended the call and its wrap-up.")
        else:
            text = QCoreApplication.translate("Controller", "Ended the call; its wrap-up is still open.")
        return text.format(who=display)
    if display:
        return QCoreApplication.translate("Controller", "Transaction codes set on the call to {who}.").format(
            who=display
        )
    return QCoreApplication.translate("Controller", "Transaction codes set on the call.")


def _redact_in_logs(secret: str) -> None:
    """The stream key joins the token among what ccdesk's log handlers mask."""
    from ccdesk.api.redact import install_redaction

    for handler in logging.getLogger().handlers:
        if getattr(handler, "_ccdesk", False):
            install_redaction(handler, secret)


def _journal_warning(error: JournalError | None, interaction_id: str) -> str:
    """What the agent must know when a call's answer could not be written to the journal."""
    if error is None:
        return ""
    if interaction_id:
        return QCoreApplication.translate(
            "Controller",
            "Not written to the journal: {problem}. Note the interaction id {id}: ccdesk cannot bring this call "
            "back after a restart. {remedy}",
        ).format(problem=error.problem, id=interaction_id, remedy=error.remedy)
    return QCoreApplication.translate(
        "Controller",
        "Not written to the journal: {problem}. ccdesk cannot bring this call back after a restart. {remedy}",
    ).format(problem=error.problem, remedy=error.remedy)


_LEG_GONE = re.compile(r"Interaction \[.*\] for agent \[.*\] was not found", re.IGNORECASE)


def _leg_gone(error: BaseException | None) -> bool:
    """8x8's answer to hanging up a leg that is not there: what was asked is already so.

    A hang-up whose answer was lost to a timeout is retried (DELETE is idempotent) and the retry finds the leg
    gone; so does hanging up after the caller left. Either way the agent is off the call.
    """
    return isinstance(error, CCDeskError) and any(_LEG_GONE.search(r) for r in error.reasons)


def _nothing_to_free(error: BaseException | None) -> bool:
    """The platform's 'nothing there' answers: the line is free, which is what was asked."""
    if not isinstance(error, CCDeskError):
        return False
    return any(
        "no phone interactions in progress" in r or "Failed to find any interaction on line" in r
        for r in error.reasons
    )
