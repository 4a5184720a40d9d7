"""`ccdesk-cli`: the window's powers for scripts.

Without --json a human line goes to stderr and only the useful value (an interaction id, a table) to stdout, so
`iid=$(ccdesk-cli call ...)` works. Exit codes are a contract (design.md): 0 done, 2 bad input (nothing sent),
3 authentication/authorization, 4 rejected, 5 server or network, 6 outcome unknown. The arguments are in
cli_parser.py, the terminal's formatting in cli_output.py; errors become words in core.explain.present.
"""

from __future__ import annotations

import argparse
import contextlib
import getpass
import json
import logging
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import partial
from typing import Any, TextIO
from urllib.parse import quote

import httpx

from ccdesk.api import ids
from ccdesk.api.client import CCClient
from ccdesk.api.errors import (
    AgentStatusApiOffError,
    AuthenticationError,
    CCDeskError,
    ConfigurationError,
    ConnectionFailedError,
    InvalidInput,
    OutcomeUnknownError,
    PermissionDeniedError,
)
from ccdesk.api.events import UNDECODABLE, OtherEvent, StreamMessage
from ccdesk.api.models import (
    BULK_STATUS_METHODS,
    AgentState,
    AgentStatus,
    ApiResult,
    PlaceCallRequest,
    StatusChange,
    TransactionCode,
    state_label,
    transaction_codes_body,
)
from ccdesk.api.redact import install_redaction
from ccdesk.api.stream import (
    REGIONS,
    StreamConfigError,
    StreamReader,
    StreamState,
    StreamStatus,
    probe,
    validate_key,
    validate_start,
    validate_stream_url,
)
from ccdesk.cli_output import duration, escaped, lines_escaped, table
from ccdesk.cli_parser import ParserExit, build_parser, status_filter, wants_json
from ccdesk.core.audit import AuditTrail, Who
from ccdesk.core.bulk import (
    EXIT_INTERNAL,
    BulkRun,
    read_agents_file,
    worst_exit_code,
)
from ccdesk.core.codes import amend
from ccdesk.core.credentials import (
    STREAM_KEY_ENV,
    TOKEN_ENV,
    CredentialStore,
    KeyringStore,
    MemoryStore,
    resolve_token,
    stream_account_name,
)
from ccdesk.core.explain import Presentation, Voice, advice, explain, present
from ccdesk.core.help_words import asks_for_help, help_words, system_language
from ccdesk.core.journal import CallRecord, Journal, JournalError, interactions_named
from ccdesk.core.local_files import LocalFileError, os_problem
from ccdesk.core.numbers import split_number
from ccdesk.core.operations import Action, Operation, OperationResult, Outcome
from ccdesk.core.paths import app_dirs, restrict_umask
from ccdesk.core.profiles import Config, Profile, ProfileStore, remember_bulk_status_method
from ccdesk.core.roster import Roster
from ccdesk.core.settings import Settings, make_client, resolve_settings
from ccdesk.core.stream_settings import StreamSettings, resolve_stream_settings

__all__ = ["InvalidInput", "build_parser", "escaped", "main"]

log = logging.getLogger("ccdesk.cli")

EXIT_OK = 0
EXIT_INTERRUPTED = 130


@dataclass
class Context:
    """What every command gets: parsed arguments, settings and the means to talk and write."""

    args: argparse.Namespace
    settings: Settings
    store: CredentialStore
    journal: Journal
    env: Mapping[str, str]
    transport: httpx.BaseTransport | None
    stdout: TextIO
    stderr: TextIO
    stdin: TextIO
    log_handler: logging.Handler | None = None
    _journal_warned: bool = False
    #: what a failure of this command means for the user, said before the advice ("Nothing was dialled.")
    outcome: str = ""
    #: the agent's status as read after a refusal, so the advice names it instead of guessing
    agent_status: str | None = None

    @property
    def audit(self) -> AuditTrail:
        return AuditTrail(self.journal)

    @property
    def who(self) -> Who:
        s = self.settings
        return Who("cli", s.profile_name, s.username, s.tenant)

    def audited(self, operation: Operation) -> ApiResult:
        """Run one operation, writing it to the audit trail whether it succeeds or fails."""
        with self.client() as client:
            try:
                result = operation.run(client)
            except CCDeskError as exc:
                failed = OperationResult.from_error(operation, exc)
                self.remember(lambda: self.audit.record(self.who, failed))
                raise
        self.remember(lambda: self.audit.record(self.who, OperationResult.from_answer(operation, result)))
        return result

    def note(
        self,
        action: str,
        agent_id: str,
        request: str,
        outcome: str,
        status: int | None,
        reasons: Sequence[str],
        *,
        interaction_id: str = "",
    ) -> None:
        """The audit row of an action the command line took (a row that cannot be written is a warning)."""
        self.remember(
            partial(
                self.audit.note,
                self.who,
                action,
                agent_id,
                request,
                outcome,
                status,
                tuple(reasons),
                interaction_id=interaction_id,
            )
        )

    def remember(self, write: Callable[[], object]) -> bool:
        """A journal or audit write after the platform answered: its failure is a warning, never a failed command.

        The platform has acted; failing the command now would hide that (and a script would redo it). The
        warning says what was not kept and what to do. Returns False when the write failed.
        """
        try:
            write()
        except JournalError as exc:
            if not self._journal_warned:
                self._journal_warned = True
                self.say(f"warning: not written to the journal: {exc}. {exc.remedy}")
            return False
        return True

    def redact(self, secret: str) -> None:
        """Keep a secret learnt mid-command (a typed token) out of the verbose log."""
        if self.log_handler is not None:
            install_redaction(self.log_handler, secret)

    def client(self) -> CCClient:
        return make_client(
            self.settings, self.store, env=self.env, transport=self.transport, read_timeout=self.args.timeout
        )

    def say(self, text: str) -> None:
        """A line for the person at the terminal (stderr), never mixed into machine output."""
        print(lines_escaped(text), file=self.stderr)

    def emit(self, value: Any, human: str | None = None) -> None:
        """The command's result: JSON with --json (ASCII, escaped), else the useful value alone on stdout."""
        if self.args.json:
            print(json.dumps(value, indent=None, sort_keys=True, ensure_ascii=True), file=self.stdout)
        elif human is not None:
            print(lines_escaped(human), file=self.stdout)


def _result_json(result: ApiResult, **extra: Any) -> dict[str, Any]:
    return {
        "ok": True,
        "status": result.status,
        "reasons": list(result.reasons),
        "message": result.message,
        **extra,
    }


def cmd_call(ctx: Context) -> int:
    args = ctx.args
    agent = ctx.settings.require_agent()
    dial = split_number(args.number, args.region or ctx.settings.region, args.prefix)
    request = PlaceCallRequest(
        agent_id=agent,
        prefix=dial.prefix,
        number=dial.number,
        caller_id=args.caller_id or "",
        queue_id=args.queue,
        dialplan_id=args.dialplan,
        force_call=args.force,
        ext_transaction_data=tuple(args.data),
        ctl_user_data=tuple(args.ctl),
    )
    with ctx.client() as client:
        row = ctx.journal.begin_dial(  # journal first: when this fails, nothing is sent (exit 2)
            profile=ctx.settings.profile_name,
            tenant=ctx.settings.tenant,
            agent_id=agent,
            display=dial.display,
            prefix=dial.prefix,
            number=dial.number,
            answer_within=client.longest_dial,
        )
        sent = f"POST /tenants/{quote(ctx.settings.tenant, safe='')}/calls {json.dumps(request.to_json())}"
        try:
            result = client.place_call(request)
        except CCDeskError as exc:
            unknown = isinstance(exc, OutcomeUnknownError)
            ctx.remember(partial(ctx.journal.dial_failed, row, str(exc), outcome_unknown=unknown))
            outcome = "outcome unknown" if unknown else Outcome.FAILED.value
            ctx.note("place-call", agent, sent, outcome, exc.status, exc.reasons or (exc.message,))
            if exc.exit_code in (3, 4):  # 8x8 answered no: nothing rang
                ctx.outcome = "Nothing was dialled."
            ctx.agent_status = _status_in_the_way(client, agent, exc)
            raise
        iid = result.interaction_id
        # The interaction id is printed whatever the journal does: a call 8x8 placed is never lost.
        journalled = ctx.remember(lambda: ctx.journal.placed(row, iid))
        ctx.note(
            "place-call", agent, sent, Outcome.DONE.value, result.status, result.reasons, interaction_id=iid
        )
    busy = " (the agent is handling other interactions)" if result.agent_was_busy else ""
    ctx.say(f"Calling {dial.preview} for agent {agent}{busy}.")
    if not journalled:
        ctx.say(
            f"  The call is placed: keep its interaction id {escaped(iid)}; ccdesk could not write it down."
        )
    ctx.emit(_result_json(result, interaction_id=iid, journalled=journalled), escaped(iid))
    return EXIT_OK


#: A status in which 8x8 gives an agent no calls, as the refusal's advice names it ("The agent is on break").
_NO_CALLS_IN: dict[int, str] = {
    AgentState.ON_BREAK.value: "On break",
    AgentState.LOGGED_OUT.value: "Logged out",
    AgentState.WORK_OFFLINE.value: "Working offline",
}


def _status_in_the_way(client: CCClient, agent: str, error: CCDeskError) -> str | None:
    """For "not available to handle interaction" (not the busy-line one): the agent's status, read now.

    8x8 refuses a call the same way for both lines busy, on break or logged out; one harmless read says which,
    so the advice names the status instead of guessing. A read that fails leaves the guess.
    """
    refused = [r for r in error.reasons if "not available to handle interaction" in r]
    if not refused or any("already on busy" in r for r in refused):
        return None
    try:
        status = client.get_agent(agent).status
    except CCDeskError:
        return None
    return _NO_CALLS_IN.get(status)


def cmd_codes(ctx: Context) -> int:
    agent = ctx.settings.require_agent()
    codes: list[TransactionCode] = ctx.args.codes
    iid = ctx.args.interaction
    t, i, a = (quote(v, safe="") for v in (ctx.settings.tenant, iid, agent))
    sent = (
        f"PUT /tenants/{t}/calls/{i}/agent/{a}/transaction-codes {json.dumps(transaction_codes_body(codes))}"
    )
    with ctx.client() as client:
        try:
            result = client.set_transaction_codes(iid, agent, codes)
        except CCDeskError as exc:
            reasons = exc.reasons or (exc.message,)
            ctx.note("set-codes", agent, sent, Outcome.FAILED.value, exc.status, reasons, interaction_id=iid)
            raise
    ctx.note("set-codes", agent, sent, Outcome.DONE.value, result.status, result.reasons, interaction_id=iid)
    held: list[str] = []

    def keep_codes() -> None:
        """The journal keeps what the call holds now: the request amended the codes it knew (core.codes.amend)."""
        record = ctx.journal.adopt(iid, tenant=ctx.settings.tenant, agent_id=agent)
        before: list[TransactionCode] = []
        for text in record.codes:
            with contextlib.suppress(InvalidInput):  # a code the journal holds in another form is dropped
                before.append(TransactionCode.parse(text))
        held.extend(str(code) for code in amend(before, codes))
        ctx.journal.codes_set(iid, held)

    known = ctx.remember(keep_codes)
    sent_codes = " ".join(str(code) for code in codes)
    ctx.say(f"Transaction codes {sent_codes} set on call {escaped(iid)}.")
    if known:
        ctx.say(
            f"The call holds {' '.join(held)} (codes of lists not sent stay set; as far as ccdesk knows)."
        )
    ctx.emit(_result_json(result, held=held if known else None))
    return EXIT_OK


def cmd_end(ctx: Context) -> int:
    operation = Operation(
        Action.END_CALL,
        ctx.settings.agent_id,
        interaction_id=ctx.args.interaction,
        end_post_processing=ctx.args.end_post_processing,
    )
    result = ctx.audited(operation)
    iid = ctx.args.interaction
    ctx.remember(lambda: ctx.journal.adopt(iid, tenant=ctx.settings.tenant, agent_id=ctx.settings.agent_id))
    ctx.remember(lambda: ctx.journal.ended(iid))
    wrap_up = " and its wrap-up" if ctx.args.end_post_processing else ""
    ctx.say(f"Call {escaped(iid)}{wrap_up} ended.")
    ctx.emit(_result_json(result))
    return EXIT_OK


def cmd_hangup(ctx: Context) -> int:
    agent = ctx.settings.require_agent()
    iid = ctx.args.interaction
    result = ctx.audited(Operation(Action.HANG_UP, agent, interaction_id=iid))
    ctx.remember(lambda: ctx.journal.adopt(iid, tenant=ctx.settings.tenant, agent_id=agent))
    ctx.remember(lambda: ctx.journal.hung_up(iid))
    ctx.say(
        f"Agent {escaped(agent)} hung up call {escaped(iid)}; wrap-up follows.\n"
        f"  To end the call and its wrap-up: ccdesk-cli end {escaped(iid)} --end-wrap-up"
    )
    ctx.emit(_result_json(result))
    return EXIT_OK


def _targets(ctx: Context) -> list[str]:
    """The agents a bulk command acts on: --agent (repeatable), --agents-file, else the profile's agent."""
    targets = [ids.agent_id(agent) for agent in ctx.args.targets]  # refused before anything is sent
    if ctx.args.agents_file is not None:
        targets += read_agents_file(ctx.args.agents_file)
    targets = list(dict.fromkeys(targets))
    return targets or [ctx.settings.require_agent()]


def cmd_free(ctx: Context) -> int:
    line = ctx.args.line
    action = Action.FREE_LINE if line else Action.FREE_LINES
    return _run_bulk(ctx, [Operation(action, agent, line=line) for agent in _targets(ctx)])


def cmd_set_status(ctx: Context) -> int:
    state = ctx.args.status
    change = StatusChange.parse_code(int(state), ctx.args.code) if ctx.args.code else StatusChange(int(state))
    method = _bulk_method(ctx)
    ops = [Operation(Action.SET_STATUS, agent, change=change, bulk_method=method) for agent in _targets(ctx)]
    return _run_bulk(ctx, ops)


def _bulk_method(ctx: Context) -> str:
    """The method the bulk status endpoint is sent with first: the profile's remembered one, else POST."""
    profile = ctx.settings.profile
    return (profile.bulk_status_method if profile else "") or BULK_STATUS_METHODS[0]


def _remember_bulk_method(ctx: Context, method: str) -> None:
    """Keep in the profile the bulk status method the tenant accepted, so the next run sends it first."""
    if method == _bulk_method(ctx):
        return
    store = ProfileStore(app_dirs(ctx.args.home or ctx.env.get("CCDESK_HOME") or None).config_file)
    try:
        if remember_bulk_status_method(store, ctx.settings.profile_name, method):
            ctx.say(
                f"note: this tenant's bulk status endpoint takes {method}; profile saved to send it first."
            )
    except CCDeskError as exc:  # the changes were made: a settings file that cannot be written is a warning
        ctx.say(f"warning: could not remember that the bulk status endpoint takes {method}: {exc}")


#: Nothing to free is success: the lines are free, which is what was asked.
_OUTCOME_CODES = {Outcome.DONE: 0, Outcome.DRY_RUN: 0, Outcome.NOTHING: 0, Outcome.NOT_SENT: EXIT_INTERRUPTED}


def _done_words(result: OperationResult) -> str:
    """A result in ccdesk's words (never 8x8's raw success text), naming the call a freed line held."""
    op = result.operation
    agent = escaped(op.agent_id)
    if op.action is Action.FREE_LINE:
        if result.outcome is Outcome.NOTHING:
            return f"Nothing to free: line {op.line} of agent {agent} is already free."
        held = ", ".join(escaped(iid) for iid in interactions_named(result.reasons))
        return f"Line {op.line} of agent {agent} freed" + (f" (call {held} was on it)." if held else ".")
    if op.action is Action.FREE_LINES:
        if result.outcome is Outcome.NOTHING:
            return f"Nothing to free: both lines of agent {agent} are already free."
        return f"Both lines of agent {agent} freed."
    if op.action is Action.SET_STATUS and op.change is not None:
        code = f" ({escaped(op.change.short_code)})" if op.change.short_code else ""
        return f"Agent {agent} is now {_status_words(op.change.status).lower()}{code}."
    return f"{escaped(op.title)}: done."


def _result_presentation(result: OperationResult) -> Presentation:
    """A failed agent's result as the one presentation shows errors, with the advice in the CLI's terms.

    The result keeps 8x8's reasons but not the error (core.operations), so the advice is found again from the
    reasons; the error's own advice is the fallback.
    """
    summary = advice(result.reasons, voice=Voice.CLI) or result.advice.replace(
        "(Settings)", "(ccdesk-cli login)"
    )
    said = "; ".join(result.reasons)
    if result.status:
        return Presentation(
            summary or "8x8 refused the request.", f"HTTP {result.status}: {said}" if said else ""
        )
    return Presentation(summary or said, said if said != summary else "", from_platform=False)


def _run_bulk(ctx: Context, operations: list[Operation]) -> int:
    """Run operations with the bound: one result line per agent on stdout, progress on stderr; the worst code.

    Every agent gets its line, and its audit row when the journal can be written, whatever happens in a job.
    """
    tenant = ctx.settings.tenant
    unrecorded: list[tuple[OperationResult, Exception]] = []

    def record(result: OperationResult) -> None:
        """The audit row (and the journal's note of freed lines); a failure is kept and said once, at the end."""
        op = result.operation
        try:
            ctx.audit.record(ctx.who, result)
            if result.outcome is Outcome.DONE and op.action in (Action.FREE_LINE, Action.FREE_LINES):
                ctx.journal.lines_freed(op.agent_id, op.line, result.reasons)
        except Exception as exc:  # a full disk, a locked file...: the result is still shown
            log.info("the audit row for %s was not written", op.agent_id, exc_info=exc)  # said below, once
            unrecorded.append((result, exc))

    if ctx.args.dry_run:
        for op in operations:
            record(OperationResult(op, Outcome.DRY_RUN))
        ctx.emit(
            {"ok": True, "dry_run": True, "requests": [op.request_line(tenant) for op in operations]},
            "\n".join(op.request_line(tenant) for op in operations),
        )
        ctx.say(f"Dry run: {len(operations)} request(s) listed, nothing sent.")
        return _say_unrecorded(ctx, unrecorded, len(operations), EXIT_OK)
    total, done = len(operations), [0]
    single = total == 1

    def report(result: OperationResult) -> None:  # on a worker thread, one at a time: audit first, then show
        record(result)
        op = result.operation
        done[0] += 1
        if single and result.outcome in (Outcome.DONE, Outcome.NOTHING):
            ctx.say(_done_words(result))
        elif single and result.outcome is Outcome.FAILED:
            _say_presentation(ctx.stderr, _result_presentation(result))
        elif single:
            ctx.say(f"{escaped(op.title)}: {result.outcome.value}.")
        else:
            ctx.say(f"[{done[0]}/{total}] {escaped(op.agent_id)}: {result.outcome.value}")
        if not ctx.args.json:  # one line per agent, whatever the platform's reasons hold
            summary = escaped(" ".join(result.summary.split()))
            print(f"{escaped(op.agent_id)}\t{result.outcome.value}\t{summary}", file=ctx.stdout, flush=True)

    with ctx.client() as client:
        client.bulk_status_method = _bulk_method(ctx)
        run = BulkRun(client, operations, concurrency=ctx.args.concurrency, on_result=report)
        worker = threading.Thread(target=run.run, name="ccdesk-cli-bulk")
        worker.start()
        try:
            while worker.is_alive():
                worker.join(0.1)
        except KeyboardInterrupt:
            run.cancel()
            ctx.say("Cancelling: nothing more is sent; waiting for requests in flight…")
            worker.join()
        results = run.results
        if any(op.action is Action.SET_STATUS for op in operations) and run.sent:
            _remember_bulk_method(ctx, client.bulk_status_method)
    codes = [r.exit_code if r.outcome is Outcome.FAILED else _OUTCOME_CODES[r.outcome] for r in results]
    counts = {outcome: sum(r.outcome is outcome for r in results) for outcome in Outcome}
    if not single:
        parts = [f"{n} {outcome.value}" for outcome, n in counts.items() if n]
        extra = f" (rate limited {run.slowed} time(s): slowed down)" if run.slowed else ""
        ctx.say(f"{total} agent(s): " + ", ".join(parts) + extra + ".")
    internal = sum(code == EXIT_INTERNAL for code in codes)
    shown = run.report_errors  # showing a result failed (stdout closed?): ccdesk's own failure too
    if internal or shown:
        where = "see the log above" if ctx.log_handler is not None else "run with -v to log the details"
        what = f"for {internal} agent(s)" if internal else f"to show {len(shown)} result(s)"
        ctx.say(f"ccdesk-cli: ccdesk itself failed {what}, not 8x8; {where}.")
        codes.append(EXIT_INTERNAL)
    missing = {id(r) for r, _ in unrecorded}
    ctx.emit(
        {
            "ok": worst_exit_code(codes) == 0 and not unrecorded,
            "results": [
                {
                    "agent_id": r.operation.agent_id,
                    "outcome": r.outcome.value,
                    "status": r.status,
                    "reasons": list(r.reasons),
                    "request": r.operation.request_line(tenant),
                    "recorded": id(r) not in missing,
                }
                for r in results
            ],
        }
    )
    return _say_unrecorded(ctx, unrecorded, total, worst_exit_code(codes))


def _say_unrecorded(
    ctx: Context, unrecorded: list[tuple[OperationResult, Exception]], total: int, code: int
) -> int:
    """Once, on stderr: which results the audit trail lacks, in which file, and what to do; then at least 1."""
    if not unrecorded:
        return code
    error = unrecorded[0][1]
    problem = error.problem if isinstance(error, LocalFileError) else os_problem(error)
    agents = [r.operation.agent_id for r, _ in unrecorded]
    named = ", ".join(agents[:5]) + (f" and {len(agents) - 5} more" if len(agents) > 5 else "")
    ctx.say(
        f"ccdesk-cli: the audit trail lacks {len(agents)} of {total} result(s) ({named}): the journal "
        f"{ctx.journal.path} {problem}.\n  The result lines are the only record of those: keep them, and fix the "
        "journal (free disk space, or close the program holding it) before the next run."
    )
    return worst_exit_code([code, EXIT_INTERNAL])


_CALL_STATES = {
    "dialing": "dialling",
    "live": "live",
    "wrap-up": "wrap-up",
    "ended": "ended",
    "failed": "failed",
    "unknown": "unknown: may be live",
}


def _call_json(record: CallRecord) -> dict[str, Any]:
    return {
        "row": record.id,
        "created_at": record.created_at,
        "state": record.state.value,
        "number": record.display or (f"+{record.prefix} {record.number}" if record.prefix else record.number),
        "line": record.line,
        "interaction_id": record.interaction_id or "",
        "agent_id": record.agent_id,
        "profile": record.profile,
        "codes": list(record.codes),
        "last_error": record.last_error,
    }


def cmd_recent(ctx: Context) -> int:
    """The journal's recent calls, newest first, with their states (an unknown one may still be live)."""
    calls = [_call_json(r) for r in ctx.journal.recent(ctx.args.limit)]
    lines = []
    for call in calls:
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(call["created_at"]))
        line = f"line {call['line']}" if call["line"] else "-"
        state = _CALL_STATES.get(call["state"], call["state"])
        lines.append(
            f"{when}  {state:<20}  {line:<6}  {escaped(call['number'] or '-'):<18}  "
            f"{escaped(call['interaction_id'] or '-')}  {escaped(call['last_error'])}".rstrip()
        )
    ctx.say(f"{len(calls)} most recent call(s) in {ctx.journal.path}, newest first.")
    ctx.emit({"ok": True, "calls": calls}, "\n".join(lines) if lines else None)
    return EXIT_OK


def _name_orphans(journal: Journal, stderr: TextIO) -> None:
    """Calls whose ccdesk stopped before 8x8 answered (killed, crashed): said once, on the next run."""
    try:
        orphans = journal.settle_orphans()
    except JournalError as exc:  # the command itself says what is wrong with the journal when it needs it
        log.info("orphaned dials not checked: %s", exc)
        return
    for record in orphans:
        when = time.strftime("%H:%M", time.localtime(record.created_at))
        number = record.display or record.number or "a number"
        line = f" on line {record.line}" if record.line else ""
        free = f"ccdesk-cli free --line {record.line}" if record.line else "ccdesk-cli free"
        print(
            f"note: a call to {escaped(number)}{line}, dialled at {when} for agent {escaped(record.agent_id)}, "
            "may be live: ccdesk "
            f"stopped before 8x8 answered. Check the agent's lines before dialling it again ('ccdesk-cli recent' "
            f"lists it; '{free}' ends whatever is on the agent's lines).",
            file=stderr,
        )


def _status_words(status: int) -> str:
    """A status as the table says it: 8x8's label, in ccdesk's vocabulary (wrap-up)."""
    return "Wrap-up" if status == AgentState.POST_PROCESS else state_label(status)


def _status_code_words(agent: AgentStatus) -> str:
    """The status code beside the status: its short code, else LIST:ITEM, else '-'."""
    if agent.status_code_short_code:
        return escaped(agent.status_code_short_code)
    if agent.status_code_list_id is not None and agent.status_code_item_id is not None:
        return f"{agent.status_code_list_id}:{agent.status_code_item_id}"
    return "-"


def cmd_agents(ctx: Context) -> int:
    """The roster as an aligned table with a header (stdout); --json keeps its shape.

    The Agent Status API says what each agent is doing, not since when: the time in status is ccdesk's memory
    (core.roster: when ccdesk first saw the agent in that status, or the stream's time for the change). An agent
    first seen in its status by this very read has no time yet, shown '-' rather than a false "0 min".
    """
    wanted = status_filter(ctx.args.status)
    group = ctx.args.group
    with ctx.client() as client:
        agents = client.list_agents(group_id=group)
    roster = Roster(ctx.journal, ctx.settings.tenant)
    before = roster.now()
    entries = roster.update(agents)
    now = roster.now()
    stuck = ctx.args.stuck_minutes
    seen = {e.agent_id: e for e in entries if stuck is None or e.is_stuck(now, stuck)}
    shown = [a for a in agents if (not wanted or a.status in wanted) and a.agent_id in seen]
    where = f"group {group} on {ctx.settings.tenant}" if group is not None else ctx.settings.tenant
    ctx.say(f"{len(shown)} of {len(agents)} agents in {where}.")
    rows = [
        {
            "agent_id": a.agent_id,
            "name": a.name,
            "status": a.status,
            "status_label": state_label(a.status),
            "status_code": a.status_code_short_code or "",
            "minutes_in_status": round((seen[a.agent_id].seconds_in_status(now) or 0) / 60, 1),
        }
        for a in shown
    ]
    cells, new = [], 0
    for agent in shown:
        entry = seen[agent.agent_id]
        first_seen = entry.since is None or (entry.since >= before and not entry.since_from_event)
        new += first_seen
        cells.append(
            [
                escaped(agent.name) or "-",
                escaped(agent.agent_id),
                _status_words(agent.status),
                _status_code_words(agent),
                "-" if first_seen else duration(entry.seconds_in_status(now) or 0),
            ]
        )
    header = ["NAME", "AGENT ID", "STATUS", "CODE", "IN STATUS"]
    ctx.emit({"ok": True, "agents": rows}, table(header, cells, right=[4]) if rows else None)
    if new and not ctx.args.json:
        ctx.say(
            "IN STATUS counts from when ccdesk first saw each agent in that status (8x8 does not say since "
            f"when); '-' means first seen now ({new} agent(s)), and the next run shows their times."
        )
    return EXIT_OK


def cmd_login(ctx: Context) -> int:
    """Check the token with a harmless read, then keep it in the keyring; save the profile's settings."""
    if ctx.args.stream_key:
        return _login_stream_key(ctx)
    _check_stream_options(ctx.args)
    settings = ctx.settings
    prompt = f"Action Request Token for {settings.account} (input hidden): "
    interactive = ctx.stdin.isatty()
    token = (getpass.getpass(prompt, stream=ctx.stderr) if interactive else ctx.stdin.readline()).strip()
    if not token:
        raise InvalidInput("No token was entered; nothing was stored.")
    ctx.redact(token)
    env = {**ctx.env, "CCDESK_TOKEN": token}
    checked = "not checked"
    with make_client(
        settings, _NullStore(), env=env, transport=ctx.transport, read_timeout=ctx.args.timeout
    ) as c:
        try:
            if settings.agent_id:
                c.get_agent(settings.agent_id)
            else:
                c.list_agents()
            checked = "accepted by the Agent Status API"
        except AuthenticationError:
            raise
        except AgentStatusApiOffError:
            checked = "not checked: the Agent Status API is not enabled for this tenant (the Call API may still work)"
        except CCDeskError as exc:
            checked = f"not checked ({exc})"
    ctx.store.set(settings.account, token)
    _save_profile(ctx)
    ctx.say(f"Token for {settings.account} stored in the OS keyring; {checked}.")
    ctx.emit({"ok": True, "account": settings.account, "checked": checked})
    return EXIT_OK


def _check_stream_options(args: argparse.Namespace) -> None:
    """Stream options that login would save are checked first, so a bad one is refused before anything is kept."""
    if args.stream_url:
        validate_stream_url(args.stream_url)
    if args.stream_region and args.stream_region.strip().lower() not in REGIONS:
        raise StreamConfigError(
            f"Unknown event stream region {args.stream_region!r}: use {', '.join(REGIONS)} (8x8's UK3, US1, US2)."
        )


def _login_stream_key(ctx: Context) -> int:
    """Keep the event stream key in the keyring (entry stream:TENANT), after trying it where the stream is known.

    A key 8x8 refuses (401) is not stored. A key accepted but refused the topic (403) is stored, and said so:
    it is the right tenant's key, and the topic may be what needs changing.
    """
    settings = ctx.settings
    _check_stream_options(ctx.args)
    account = stream_account_name(settings.tenant)
    prompt = f"Event stream key for tenant {settings.tenant} (Data Request Token or Admin Console key; input hidden): "
    interactive = ctx.stdin.isatty()
    key = (getpass.getpass(prompt, stream=ctx.stderr) if interactive else ctx.stdin.readline()).strip()
    if not key:
        raise InvalidInput("No key was entered; nothing was stored.")
    ctx.redact(key)
    key = validate_key(key)
    checked = "not checked: no event stream region or URL is set"
    try:
        stream = resolve_stream_settings(  # the typed key, as if stored, whatever the environment holds
            settings,
            MemoryStore({account: key}),
            options=_stream_options(ctx.args),
            env={name: value for name, value in ctx.env.items() if name != STREAM_KEY_ENV},
        )
    except StreamConfigError as exc:
        stream, checked = None, f"not checked ({exc.message.rstrip('.')})"
    if stream is not None:
        status = probe(stream.endpoint, key, timeout=ctx.args.timeout or 10.0)
        if status.state is StreamState.FAILED and status.http_status == 401:
            raise _refusal(status)
        if status.state is StreamState.LIVE:
            checked = f"accepted by {stream.endpoint.host} for {stream.topic}"
        elif status.state is StreamState.FAILED:
            checked = f"the key is known, but {status.detail[:1].lower()}{status.detail[1:]}"
        else:
            checked = f"not checked ({status.detail})"
    ctx.store.set(account, key)
    _save_profile(ctx)
    ctx.say(f"Event stream key for tenant {settings.tenant} stored in the OS keyring ({account}); {checked}.")
    if (ctx.env.get(STREAM_KEY_ENV) or "").strip():
        ctx.say(f"note: {STREAM_KEY_ENV} is set, and wins over the stored key while it is.")
    ctx.emit({"ok": True, "account": account, "checked": checked})
    return EXIT_OK


def _stream_options(args: argparse.Namespace) -> dict[str, str | None]:
    return {"stream_url": args.stream_url, "stream_region": args.stream_region}


class _Watch:
    """`ccdesk-cli watch`'s side of the reader: prints each event as one escaped JSON line, notes the states.

    Called on the reader's thread; the main thread waits on `done` (count reached, stdout closed, SIGTERM).
    """

    def __init__(self, ctx: Context, count: int | None) -> None:
        self.ctx = ctx
        self.count = count
        self.printed = 0
        self.last_id: str | None = None
        self.status: StreamStatus | None = None
        self.was_live = False
        self.why = ""
        self.done = threading.Event()
        self.timed_out = False
        self._quiet_since = time.monotonic()
        self._lock = threading.RLock()  # finish() also runs from the SIGTERM handler, on the waiting thread

    def resume_from(self) -> str | None:
        """After a drop, read on after the last event printed (None: --from, the first time)."""
        with self._lock:
            return self.last_id

    def quiet_for(self) -> float:
        with self._lock:
            return time.monotonic() - self._quiet_since

    def finish(self, why: str) -> None:
        with self._lock:
            self.why = self.why or why
        self.done.set()

    def message(self, message: StreamMessage) -> None:
        line = json.dumps(_watch_record(message), ensure_ascii=True)
        with self._lock:
            if self.done.is_set():
                return
            try:
                print(line, file=self.ctx.stdout, flush=True)
            except (BrokenPipeError, ValueError, OSError):  # `| head -n 1`, or stdout closed
                self.why = self.why or "output closed"
                self.done.set()
                return
            self.printed += 1
            self.last_id = message.message_id
            self._quiet_since = time.monotonic()
            reached = self.count is not None and self.printed >= self.count
        if reached:
            self.finish("--count reached")

    def state(self, status: StreamStatus) -> None:
        if status.state is StreamState.OFF:
            return  # the last state that said something is kept for the exit code
        self.status = status
        if status.state is StreamState.LIVE:
            self.was_live = True
            self.ctx.say(f"watch: live, {status.detail}.")
        elif status.state is StreamState.CONNECTING:
            self.ctx.say(f"watch: {status.detail}...")
        elif status.state is StreamState.RECONNECTING:
            self.ctx.say(f"watch: {status.detail}; trying again in {status.retry_in or 0:.1f} s.")
        elif status.state is StreamState.FAILED:
            self.finish("failed")


def _watch_record(message: StreamMessage) -> dict[str, Any]:
    record: dict[str, Any] = {
        "messageId": message.message_id,
        "publishTime": message.publish_time,
        "redeliveryCount": message.redelivery_count,
        "properties": dict(message.properties),
        "payload": message.payload,
    }
    if isinstance(message.body, OtherEvent) and message.body.kind == UNDECODABLE:
        record["problem"] = message.body.problem
    return record


def cmd_watch(ctx: Context) -> int:
    """Print the stream's events as JSON lines until Ctrl-C, SIGTERM, --count events or --timeout of silence."""
    args = ctx.args
    start = validate_start(args.start)
    stream = _watch_stream(ctx)
    ctx.redact(stream.key)
    watch = _Watch(ctx, args.count)
    reader = StreamReader(
        stream.endpoint,
        stream.key,
        on_message=watch.message,
        on_status=watch.state,
        resume_from=watch.resume_from,
        first_start=start,
    )
    thread = threading.Thread(target=reader.run, name="ccdesk-cli-watch", daemon=True)
    restore = _on_sigterm(lambda: watch.finish("terminated"))
    thread.start()
    try:
        while thread.is_alive() and not watch.done.wait(0.1):
            if args.timeout is not None and watch.quiet_for() >= args.timeout:
                watch.timed_out = True
                watch.finish(f"no event for {args.timeout:g} s")
    except KeyboardInterrupt:
        watch.finish("interrupted")
    finally:
        reader.stop()
        thread.join(5)
        restore()
    status = watch.status
    if status is not None and status.state is StreamState.FAILED:
        raise _refusal(status)
    if watch.timed_out and not watch.was_live and status is not None:
        raise ConnectionFailedError(
            f"The event stream never came live: {status.detail}.",
            explanation="Check the stream URL or region, the network and any proxy; then try again.",
        )
    ctx.say(f"watch: stopped ({watch.why or 'stopped'}); {watch.printed} event(s) printed.")
    return EXIT_OK


def _refusal(status: StreamStatus) -> CCDeskError:
    """The error for a stream that failed for good: 401/403 exit 3 like the API's, anything else 2."""
    words = status.detail.replace(f" (HTTP {status.http_status})", "")
    if status.http_status == 401:
        return AuthenticationError(words, status=401, explanation=words)
    if status.http_status == 403:
        return PermissionDeniedError(words, status=403, explanation=words)
    return StreamConfigError(status.detail)


def _watch_stream(ctx: Context) -> StreamSettings:
    stream = resolve_stream_settings(
        ctx.settings, ctx.store, options=_stream_options(ctx.args), env=ctx.env, topic=ctx.args.topic
    )
    if stream is None:
        raise StreamConfigError(
            f"No event stream is set up: pass --stream-region ({', '.join(REGIONS)}) or --stream-url, set "
            "CCDESK_STREAM_REGION or CCDESK_STREAM_URL, or save one in the profile (ccdesk-cli login "
            "--stream-key --stream-region R)."
        )
    return stream


def _on_sigterm(handler: Callable[[], None]) -> Callable[[], None]:
    """Run `handler` on SIGTERM while watching (main thread only); returns what puts the old handler back."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "SIGTERM"):
        return lambda: None
    previous = signal.signal(signal.SIGTERM, lambda _signum, _frame: handler())

    def restore() -> None:
        signal.signal(signal.SIGTERM, previous)

    return restore


class _NullStore:
    """Used while checking a token that is not stored yet."""

    def get(self, account: str) -> str | None:
        return None

    def set(self, account: str, token: str) -> None:
        return None

    def delete(self, account: str) -> None:
        return None


def _with_new_profile(config: Config, args: argparse.Namespace, env: Mapping[str, str]) -> Config:
    """For `login`, a named profile that does not exist yet is created (empty, filled from the options given).

    README's set-up (`ccdesk-cli --profile work --platform na12 --tenant ... login`) works on a fresh home; it is
    saved only when login succeeds (_save_profile). Other commands still refuse an unknown profile.
    """
    name = args.profile or env.get("CCDESK_PROFILE") or ""
    if args.command != "login" or not name or name in config.profiles:
        return config
    return replace(config, profiles={**config.profiles, name: Profile(name=name)})


def _save_profile(ctx: Context) -> None:
    """`login` with connection options saves them, so later commands need only --profile (or nothing)."""
    args, settings = ctx.args, ctx.settings
    store = ProfileStore(app_dirs(args.home).config_file)
    config = store.load()
    name = settings.profile_name or args.profile or "default"
    old = config.profiles.get(name) or Profile(name=name)
    profile = replace(  # keeps what login does not touch: lists, catalog, presets, dial-links setting
        old,
        name=name,
        platform=args.platform or (old.platform if not args.base_url else ""),
        base_url=args.base_url or (old.base_url if not args.platform else ""),
        tenant=settings.tenant,
        username=settings.username if settings.username != settings.tenant else old.username,
        agent_id=settings.agent_id,
        region=settings.region,
        stream_url=args.stream_url or (old.stream_url if not args.stream_region else ""),
        stream_region=(args.stream_region or "").strip().lower()
        or (old.stream_region if not args.stream_url else ""),
    )
    if not profile.platform and not profile.base_url:
        profile.base_url = settings.base_url
    config.profiles[name] = profile
    config.default_profile = config.default_profile or name
    backup = store.save(config)
    if backup is not None:
        ctx.say(f"note: {store.path} held settings ccdesk could not read; the old file is kept as {backup}.")


COMMANDS: dict[str, Callable[[Context], int]] = {
    "call": cmd_call,
    "hangup": cmd_hangup,
    "end": cmd_end,
    "codes": cmd_codes,
    "free": cmd_free,
    "set-status": cmd_set_status,
    "agents": cmd_agents,
    "login": cmd_login,
    "recent": cmd_recent,
    "watch": cmd_watch,
}


def _configure_logging(verbose: bool, stderr: TextIO, secrets: Sequence[str]) -> logging.Handler | None:
    if not verbose:
        return None
    handler = logging.StreamHandler(stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    install_redaction(handler, *secrets)
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    return handler


def _say_presentation(stderr: TextIO, shown: Presentation) -> None:
    """An error on stderr: "ccdesk-cli: <plain words and the next step>", then 8x8's words on their own line."""
    print(lines_escaped(f"ccdesk-cli: {shown.summary}"), file=stderr)
    if shown.details:
        print(lines_escaped(f"  {shown.details_heading}: {shown.details}"), file=stderr)


def _report(
    error: BaseException, ctx: Context | None, *, json_wanted: bool, stdout: TextIO, stderr: TextIO
) -> int:
    """Any error through the one presentation (core.explain.present), in the command line's terms; with --json
    also one JSON object on stdout. Returns the exit code: the error's own, or 1 for a failure of ccdesk's."""
    outcome, status = (ctx.outcome, ctx.agent_status) if ctx is not None else ("", None)
    shown = present(error, outcome=outcome, voice=Voice.CLI, agent_status=status)
    if isinstance(error, CCDeskError):
        code, kind = error.exit_code, type(error).__name__
        record = {
            "status": error.status,
            "reasons": list(error.reasons),
            "message": error.message,
            "explanation": explain(error, voice=Voice.CLI, agent_status=status),
            **({"file": str(error.path)} if isinstance(error, LocalFileError) else {}),
        }
    else:  # a bug: its words go to the log (-v), never its class name to the user
        log.debug("ccdesk-cli failed", exc_info=error)
        code, kind = EXIT_INTERNAL, "InternalError"
        record = {"status": None, "reasons": [], "message": shown.summary, "explanation": shown.summary}
    if json_wanted:
        answer = {"ok": False, "error": kind, "exit_code": code, **record}
        print(json.dumps(answer, sort_keys=True, ensure_ascii=True), file=stdout)
    _say_presentation(stderr, shown)
    return code


def main(
    argv: Sequence[str] | None = None,
    *,
    env: Mapping[str, str] | None = None,
    store: CredentialStore | None = None,
    transport: httpx.BaseTransport | None = None,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
) -> int:
    """Run one command; returns the exit code. Injectable streams/store/transport make it testable in-process."""
    restrict_umask()  # every file and folder made from here on is the user's alone (SECURITY.md)
    env = os.environ if env is None else env
    stdout, stderr, stdin = stdout or sys.stdout, stderr or sys.stderr, stdin or sys.stdin
    argv = list(sys.argv[1:] if argv is None else argv)
    json_wanted = wants_json(argv)
    ctx: Context | None = None
    handler: logging.Handler | None = None
    journal: Journal | None = None
    try:
        # help is for people, in the system's language; the rest of the output stays English for scripts
        language = system_language(env)
        parser = build_parser(stdout, stderr, help_words(language if asks_for_help(argv) else "en"))
        args = parser.parse_args(argv)
        json_wanted = bool(args.json)
        if not args.command:
            if json_wanted:
                raise InvalidInput("Name a command. See 'ccdesk-cli --help'.")
            build_parser(stdout, stderr, help_words(language)).print_help(stderr)
            return 2
        # free/set-status take --agent repeatedly (targets); elsewhere --agent names the profile's agent.
        args.targets = args.agent if isinstance(args.agent, list) else []
        if isinstance(args.agent, list):
            args.agent = None
        secrets = [env.get(TOKEN_ENV, ""), env.get(STREAM_KEY_ENV, "")]
        handler = _configure_logging(bool(args.verbose), stderr, [s for s in secrets if s])
        dirs = app_dirs(args.home or env.get("CCDESK_HOME") or None).ensure()
        config = ProfileStore(dirs.config_file).load()
        for problem in config.problems:  # before the settings: a skipped profile explains a missing tenant
            print(f"note: {dirs.config_file}: {problem}", file=stderr)
        config = _with_new_profile(config, args, env)
        settings = resolve_settings(vars(args), config, env)
        for note in settings.notes:
            print(f"note: {note}", file=stderr)
        store = store or KeyringStore()
        if handler is not None and args.command != "login":
            with contextlib.suppress(ConfigurationError):  # reported when the command asks for the token
                install_redaction(handler, resolve_token(store, settings.account, env))
        journal = Journal(dirs.journal_file)
        _name_orphans(journal, stderr)
        ctx = Context(args, settings, store, journal, env, transport, stdout, stderr, stdin, handler)
        return COMMANDS[args.command](ctx)
    except ParserExit as done:  # --help, --version
        return done.code
    except KeyboardInterrupt:
        print("ccdesk-cli: interrupted", file=stderr)
        return EXIT_INTERRUPTED
    except Exception as exc:
        return _report(exc, ctx, json_wanted=json_wanted, stdout=stdout, stderr=stderr)
    finally:
        if journal is not None:
            journal.close()
        if handler is not None:
            logging.getLogger().removeHandler(handler)


if __name__ == "__main__":
    raise SystemExit(main())
