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
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ccdesk.api.errors import (
    AuthenticationError,
    CCDeskError,
    ConnectionFailedError,
    GoneError,
    OutcomeUnknownError,
    PermissionDeniedError,
    RequestTimeoutError,
)
from ccdesk.api.models import (
    AgentStatus,
    ApiResult,
    PlaceCallRequest,
    PlaceCallResult,
    StatusChange,
    TransactionCode,
)
from ccdesk.core.explain import explain
from ccdesk.core.journal import CallRecord, JournalError
from ccdesk.core.lines import LINES, UNKNOWN_ADVICE, LineBook, LineState
from ccdesk.core.local_files import move_aside
from ccdesk.ui.bridge import Bridge, TaskResult, to_gui
from ccdesk.ui.qt import QObject, Signal

if TYPE_CHECKING:
    from ccdesk.api.client import CCClient
    from ccdesk.api.retry import RetryNotice
    from ccdesk.ui.dial_panel import DialRequest
    from ccdesk.ui.session import Session

log = logging.getLogger("ccdesk.ui.controller")

#: waiting for requests in flight when the window closes, besides a dial (whose answer is always waited for)
CLOSE_WAIT_MS = 3000
FORGOTTEN = "Checked by the agent: no call was placed."
LEG_ALREADY_DOWN = (
    "The agent's leg is already down (8x8 no longer has the agent on this call): the call is in wrap-up."
)


def _lane(line: int) -> str:
    return f"line:{line}"


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

    #: a line's state changed (render line N)
    line_changed = Signal(int)
    #: an action on a line started or finished (line, action, busy)
    busy_changed = Signal(int, str, bool)
    #: a dial request is in flight (True) or answered (False)
    dialing_changed = Signal(bool)
    #: "free all lines" in flight
    freeing_all_changed = Signal(bool)
    #: a message for the status bar (text, milliseconds; 0 until replaced)
    notice = Signal(str, int)
    #: a failure the agent must see even with the window hidden (title, text)
    alert = Signal(str, str)
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

    def __init__(self, session: Session, bridge: Bridge, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.bridge = bridge
        self.lines = LineBook()
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

    # -- start and end ----------------------------------------------------------------------------------------

    def restore(self) -> list[int]:
        """Bring back the calls the journal says may still be live (after a crash or restart); returns lines used.

        Dials whose process stopped before 8x8 answered come back as Unknown on their line, so the agent sees
        them and settles them instead of dialling over a call that may be live.
        """
        journal, settings = self.session.journal, self.session.settings
        try:
            journal.settle_orphans(window_starting=True)
            records = journal.open_calls(tenant=settings.tenant, agent_id=self.session.agent_id)
        except JournalError as exc:
            self._journal_failed(exc)
            return []
        leftovers = self.lines.restore(records)
        restored = [n for n in LINES if self.lines[n].state is not LineState.IDLE]
        for number in LINES:
            self.line_changed.emit(number)
        unknown = [n for n in restored if self.lines[n].state is LineState.UNKNOWN]
        if unknown:
            first = self.lines[unknown[0]]
            self.notice.emit(
                f"Line {unknown[0]}: a call to {first.display or 'a number'} may be live: ccdesk got no answer "
                "to its request. Free the line, or Forget it if you know no call was placed.",
                30000,
            )
        elif restored:
            self.notice.emit(
                f"Restored {len(restored)} call(s) from the journal: line(s) {', '.join(map(str, restored))}.",
                15000,
            )
        if leftovers:
            log.warning("%d open call(s) in the journal did not fit on the lines", len(leftovers))
        return restored

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
        dropped = self.bridge.retire(session)
        if quitting:
            wait_ms = CLOSE_WAIT_MS
            if self.dialing:
                self.notice.emit(
                    "Waiting for 8x8's answer to the call request, so its interaction id is kept…", 0
                )
                wait_ms = int(session.client.longest_dial * 1000)  # the client exists: it is dialling
            self.bridge.wait(wait_ms, owner=session, pump=pump)
            if session.working:
                session.abandon()
        session.close()
        return dropped

    # -- dialing ----------------------------------------------------------------------------------------------

    def dial(self, request: DialRequest) -> bool:
        """Place a call on the line 8x8 will use (the first free one), journalling it before sending."""
        if self.dialing:
            return False
        line_no = self.lines.free_line()
        if line_no is None:
            self.dialing_changed.emit(False)
            self.notice.emit("Both lines hold calls as far as ccdesk knows: end or free a line first.", 10000)
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
            self.notice.emit(str(exc), 10000)
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
            except Exception as exc:  # a bug after the request may have gone out: the call may exist
                log.exception("dial failed unexpectedly")
                unknown_error = OutcomeUnknownError(
                    f"ccdesk failed while dialling ({type(exc).__name__}); the call may have been placed."
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

        self.lines.update(
            line_no,
            state=LineState.DIALING,
            display=dial.display,
            interaction_id="",
            started_at=time.time(),
            codes=(),
            error="",
            advice="",
            row_id=None,
            warning="",
        )
        self._set_dialing(True)
        self.line_changed.emit(line_no)
        self._submit(_lane(line_no), "dial", place, partial(self._dialled, line_no))
        self.notice.emit(f"Line {line_no}: dialling {dial.preview}…", 0)
        return True

    def _dialled(self, line_no: int, task: TaskResult[Dialled]) -> None:
        self._set_dialing(False)
        outcome = task.value
        if (
            outcome is None
        ):  # the journal could not record the dial (or a bug before sending): nothing was sent
            self.lines.reset(line_no)
            self.line_changed.emit(line_no)
            self._not_dialled(task.error)
            return
        if outcome.journal_error is None:
            self._journal_ok()
        if outcome.placed is not None:
            placed = outcome.placed
            warning = _journal_warning(outcome.journal_error, placed.interaction_id)
            self.lines.update(
                line_no,
                state=LineState.LIVE,
                interaction_id=placed.interaction_id,
                row_id=outcome.row,
                warning=warning,
            )
            note = " The agent is handling other interactions." if placed.agent_was_busy else ""
            self.notice.emit(f"Line {line_no}: {placed.summary}.{note}", 10000)
            if outcome.journal_error is not None:
                self.alert.emit(f"Line {line_no}: call placed, not journalled", warning)
                self._journal_failed(outcome.journal_error)
        else:
            error = outcome.error
            unknown = isinstance(error, OutcomeUnknownError)
            fields = self._error_fields(error)
            self.lines.update(
                line_no,
                state=LineState.UNKNOWN if unknown else LineState.FAILED,
                row_id=outcome.row if unknown else None,
                error=fields["error"],
                advice=f"{fields['advice']} {UNKNOWN_ADVICE}" if unknown else fields["advice"],
            )
            self._report_error(f"Line {line_no}: dial", error)
        self.line_changed.emit(line_no)
        self.recent_changed.emit()
        self.refresh_agent_status()

    def _not_dialled(self, error: BaseException | None) -> None:
        self._set_dialing(False)
        if isinstance(error, JournalError):
            self._journal_failed(error)
            text = f"Nothing was dialled: {error} {error.remedy}"
            self.notice.emit(text, 30000)
            self.alert.emit("ccdesk: nothing was dialled", text)
        else:
            self._report_error("Dial", error)

    def _set_dialing(self, dialing: bool) -> None:
        self.dialing = dialing
        self.dialing_changed.emit(dialing)

    # -- line actions -----------------------------------------------------------------------------------------

    def hang_up(self, line_no: int) -> None:
        iid, agent, journal = self.lines[line_no].interaction_id, self.session.agent_id, self.session.journal

        def work(client: CCClient) -> Done:
            result = client.hang_up(iid, agent)
            return Done(result, _write(partial(journal.hung_up, iid)))

        self._run(line_no, "hang_up", work, self._hung_up)

    def _hung_up(self, line_no: int, task: TaskResult[Done]) -> None:
        if _leg_gone(task.error):  # the agent's leg is down already (a retried hang-up, or the caller left)
            iid = self.lines[line_no].interaction_id
            self._journal_write(partial(self.session.journal.hung_up, iid))
            said = self._error_fields(task.error)["error"]  # the platform's words stay on the panel
            self.lines.update(line_no, state=LineState.WRAP_UP, error=said, advice=LEG_ALREADY_DOWN)
            self.notice.emit(f"Line {line_no}: {LEG_ALREADY_DOWN}", 10000)
            self.line_changed.emit(line_no)
            self.recent_changed.emit()
            self.refresh_agent_status()
            return
        if task.ok:
            self.lines.update(line_no, state=LineState.WRAP_UP, error="", advice="")
        self._after(line_no, "hang up", task)

    def end_call(self, line_no: int, end_post_processing: bool) -> None:
        iid, journal = self.lines[line_no].interaction_id, self.session.journal

        def work(client: CCClient) -> Done:
            result = client.end_call(iid, end_post_processing=end_post_processing)
            return Done(result, _write(partial(journal.ended, iid)))

        self._run(line_no, "end", work, self._ended)

    def _ended(self, line_no: int, task: TaskResult[Done]) -> None:
        if isinstance(task.error, GoneError):  # already terminated: the call is over either way
            self._journal_write(partial(self.session.journal.ended, self.lines[line_no].interaction_id))
        if task.ok or isinstance(task.error, GoneError):
            self.lines.reset(line_no)
        self._after(line_no, "end call", task)

    def set_codes(self, line_no: int, codes: list[TransactionCode]) -> None:
        """Send the chosen codes for the call on `line_no` (in order with other work on that line)."""
        iid, agent, journal = self.lines[line_no].interaction_id, self.session.agent_id, self.session.journal

        def work(client: CCClient) -> Done:
            result = client.set_transaction_codes(iid, agent, codes)
            return Done(result, _write(partial(journal.codes_set, iid, [str(c) for c in codes])))

        self._run(line_no, "codes", work, partial(self._codes_set, codes))

    def _codes_set(self, codes: list[TransactionCode], line_no: int, task: TaskResult[Done]) -> None:
        if task.ok:
            self.lines.update(line_no, codes=tuple(codes), error="", advice="")
        self._after(line_no, "set codes", task)

    def free_line(self, line_no: int) -> None:
        """Free the platform's line N, whatever ccdesk believes is on it."""
        agent, journal = self.session.agent_id, self.session.journal

        def work(client: CCClient) -> Done:
            result = client.free_line(agent, line_no)
            return Done(result, _write(partial(journal.lines_freed, agent, line_no, result.reasons)))

        self._run(line_no, "free", work, self._line_freed)

    def _line_freed(self, line_no: int, task: TaskResult[Done]) -> None:
        if _nothing_to_free(task.error):  # the platform's "nothing there": the line is free, as asked
            self._journal_write(partial(self.session.journal.lines_freed, self.session.agent_id, line_no))
            self.lines.reset(line_no)
            self.notice.emit(f"Line {line_no}: {explain(task.error)}", 10000)  # type: ignore[arg-type]
            self.line_changed.emit(line_no)
            self.recent_changed.emit()
            return
        if task.ok:
            self.lines.reset(line_no)
        self._after(line_no, "free line", task)

    def forget(self, line_no: int) -> None:
        """The agent checked: the call shown as Unknown on this line was not placed. Nothing is sent."""
        line = self.lines[line_no]
        if line.state is not LineState.UNKNOWN:
            return
        if line.row_id is not None:
            self._journal_write(partial(self.session.journal.dismissed, line.row_id, FORGOTTEN))
        self.lines.reset(line_no)
        self.line_changed.emit(line_no)
        self.recent_changed.emit()
        self.notice.emit(f"Line {line_no}: forgotten; nothing was sent to 8x8.", 8000)

    def free_all_lines(self) -> None:
        agent, journal = self.session.agent_id, self.session.journal

        def work(client: CCClient) -> Done:
            result = client.free_lines(agent)
            return Done(result, _write(partial(journal.lines_freed, agent)))

        self.freeing_all_changed.emit(True)
        self._submit("lines", "free all", work, self._all_freed)

    def _all_freed(self, task: TaskResult[Done]) -> None:
        self.freeing_all_changed.emit(False)
        if task.ok or _nothing_to_free(task.error):
            if not task.ok:
                self._journal_write(partial(self.session.journal.lines_freed, self.session.agent_id))
            for number in LINES:
                self.lines.reset(number)
                self.line_changed.emit(number)
            message = task.value.result.summary if task.value is not None else explain(task.error)  # type: ignore[arg-type]
            self.notice.emit(f"All lines: {message}", 10000)
            self._journal_warning_after(task.value)
        else:
            self._report_error("Free all lines", task.error)
        self.recent_changed.emit()
        self.refresh_agent_status()

    def _run(
        self,
        line_no: int,
        action: str,
        work: Callable[[CCClient], Done],
        done: Callable[[int, TaskResult[Done]], None],
    ) -> None:
        self.busy_changed.emit(line_no, action, True)

        def finished(task: TaskResult[Done]) -> None:
            self.busy_changed.emit(line_no, action, False)
            done(line_no, task)

        self._submit(_lane(line_no), action, work, finished)

    def _after(self, line_no: int, what: str, task: TaskResult[Done]) -> None:
        if task.ok and task.value is not None and task.value.journal_error is None:
            self._journal_ok()
        if task.ok and task.value is not None:
            self.notice.emit(f"Line {line_no}: {task.value.result.summary}", 10000)
            if task.value.journal_error is not None:
                self.lines.update(line_no, warning=_journal_warning(task.value.journal_error, ""))
            self._journal_warning_after(task.value)
        elif not task.ok:
            if isinstance(task.error, GoneError):
                self.lines.reset(line_no)
            self.lines.update(line_no, **self._error_fields(task.error))
            self._report_error(f"Line {line_no}: {what}", task.error)
        self.line_changed.emit(line_no)
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
        self.recent_changed.emit()
        return backup

    def _journal_started_again(self) -> None:
        """The journal file was deleted or replaced while ccdesk ran: a new one was started; put our calls in it."""
        if self._retired:
            return
        self._rewrite_lines_into_journal()
        text = (
            f"The call journal {self.session.journal.path} was deleted or replaced while ccdesk was running. "
            "A new one was started, and the calls on screen were written to it again; calls made before are "
            "no longer in the recent list."
        )
        self.journal_restarted.emit(text)
        self.alert.emit("ccdesk: call journal started again", text)
        self.recent_changed.emit()

    def _rewrite_lines_into_journal(self) -> None:
        for number in LINES:
            line = self.lines[number]
            if not line.interaction_id or line.state not in (LineState.LIVE, LineState.WRAP_UP):
                continue
            self._journal_write(
                partial(
                    self._adopt_line,
                    line.interaction_id,
                    number,
                    line.display,
                    [str(c) for c in line.codes],
                    line.state is LineState.WRAP_UP,
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

    # -- agent status -----------------------------------------------------------------------------------------

    def refresh_agent_status(self) -> None:
        if (
            not self.session.agent_id
            or not self.status_api
            or self._retired
            or self.bridge.is_busy("status", self.session)
        ):
            return
        agent = self.session.agent_id
        self._submit("status", "agent status", lambda c: c.get_agent(agent), self._agent_read)

    def _agent_read(self, task: TaskResult[AgentStatus]) -> None:
        if task.ok and task.value is not None:
            self.agent, self.status_api, self.status_error = task.value, True, ""
        elif isinstance(task.error, PermissionDeniedError):
            self.status_api = False
        elif task.error is not None:
            self.status_error = str(task.error)
        self.agent_changed.emit()

    def set_agent_status(self, state: int, label: str) -> None:
        agent = self.session.agent_id
        change = StatusChange(int(state))

        def done(task: TaskResult[Any]) -> None:
            if task.ok:
                self.notice.emit(f"Status set to {label}.", 8000)
            else:
                self._report_error("Set status", task.error)
            self.refresh_agent_status()

        self._submit("status", "set status", lambda c: c.set_agent_status(agent, change), done)

    # -- plumbing ---------------------------------------------------------------------------------------------

    def _submit(
        self, lane: str, name: str, fn: Callable[[CCClient], Any], callback: Callable[[TaskResult[Any]], None]
    ) -> None:
        def answered(task: TaskResult[Any]) -> None:
            self._note_connection(task)
            callback(task)

        self.bridge.submit(lane, name, fn, answered, owner=self.session)

    def _note_connection(self, task: TaskResult[Any]) -> None:
        """Keep the header's connection state true to the last answer."""
        error = task.error
        if isinstance(task.value, Dialled) and task.value.error is not None:
            error = task.value.error
        if error is None or (
            isinstance(error, CCDeskError)
            and error.status
            and error.status < 500
            and not isinstance(error, AuthenticationError)
        ):
            self.connection_changed.emit("Connected", "#1f9d55")
        elif isinstance(error, AuthenticationError):
            self.connection_changed.emit("Token rejected — open Settings", "#d64545")
        elif isinstance(error, ConnectionFailedError | RequestTimeoutError | OutcomeUnknownError):
            self.connection_changed.emit("Offline", "#d64545")
        elif isinstance(error, CCDeskError) and not isinstance(error, JournalError):
            self.connection_changed.emit("Platform error", "#c77700")

    def _on_retry_notice(self, notice: RetryNotice) -> None:
        if self._retired:
            return
        what = "rate limited" if "429" in notice.reason else notice.reason
        self.notice.emit(
            f"{notice.method} {notice.path}: {what}; retrying in {notice.delay:.0f} s…",
            int(notice.delay * 1000) + 2000,
        )

    @staticmethod
    def _error_fields(error: BaseException | None) -> dict[str, str]:
        if isinstance(error, JournalError):
            return {"error": str(error), "advice": error.remedy}
        if isinstance(error, CCDeskError):
            status = f"HTTP {error.status}: " if error.status else ""
            return {"error": f"{status}{error.detail}", "advice": explain(error)}
        log.error("unexpected failure", exc_info=error)
        return {
            "error": f"Unexpected error: {error!r}",
            "advice": "This is a bug in ccdesk; please report it (Help > Save diagnostics…).",
        }

    def _report_error(self, where: str, error: BaseException | None) -> None:
        fields = self._error_fields(error)
        self.notice.emit(f"{where} failed: {fields['error']} — {fields['advice']}", 20000)
        self.alert.emit(f"ccdesk: {where} failed", f"{fields['error']}\n{fields['advice']}")


def _journal_warning(error: JournalError | None, interaction_id: str) -> str:
    """What the agent must know when a call's answer could not be written to the journal."""
    if error is None:
        return ""
    keep = f"Note the interaction id {interaction_id}: " if interaction_id else ""
    return (
        f"Not written to the journal: {error.problem}. {keep}ccdesk cannot bring this call back after a restart. "
        f"{error.remedy}"
    )


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
