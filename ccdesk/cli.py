"""`ccdesk-cli`: the window's powers for scripts.

Without --json a human line goes to stderr and only the useful value (an interaction id, a table) to stdout, so
`iid=$(ccdesk-cli call ...)` works. Exit codes are a contract (design.md): 0 done, 2 bad input (nothing sent),
3 authentication/authorization, 4 rejected, 5 server or network, 6 outcome unknown.
"""

from __future__ import annotations

import argparse
import contextlib
import getpass
import json
import logging
import math
import os
import signal
import sys
import threading
import time
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import quote

import httpx

from ccdesk import __version__
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
    SETTABLE_STATES,
    AgentState,
    ApiResult,
    NameValue,
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
from ccdesk.core.audit import AuditTrail, Who
from ccdesk.core.bulk import (
    DEFAULT_CONCURRENCY,
    EXIT_INTERNAL,
    MAX_CONCURRENCY,
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
from ccdesk.core.explain import explain
from ccdesk.core.journal import CallRecord, Journal, JournalError
from ccdesk.core.local_files import LocalFileError, os_problem
from ccdesk.core.numbers import split_number
from ccdesk.core.operations import Action, Operation, OperationResult, Outcome
from ccdesk.core.paths import app_dirs, restrict_umask
from ccdesk.core.profiles import Config, Profile, ProfileStore, remember_bulk_status_method
from ccdesk.core.roster import Roster
from ccdesk.core.settings import Settings, make_client, resolve_settings
from ccdesk.core.stream_settings import StreamSettings, resolve_stream_settings

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
        print(_lines_escaped(text), file=self.stderr)

    def emit(self, value: Any, human: str | None = None) -> None:
        """The command's result: JSON with --json (ASCII, escaped), else the useful value alone on stdout."""
        if self.args.json:
            print(json.dumps(value, indent=None, sort_keys=True, ensure_ascii=True), file=self.stdout)
        elif human is not None:
            print(_lines_escaped(human), file=self.stdout)


#: Characters a terminal must never get raw from a value ccdesk did not write: controls (escape sequences,
#: line breaks), format characters (bidi overrides, zero-width), line and paragraph separators.
_UNPRINTABLE = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})


def escaped(value: object) -> str:
    """A server-supplied value as printed: one line, every control, bidi or separator character escaped."""
    text = value if isinstance(value, str) else str(value)
    if not any(unicodedata.category(ch) in _UNPRINTABLE for ch in text):
        return text
    return "".join(ascii(ch)[1:-1] if unicodedata.category(ch) in _UNPRINTABLE else ch for ch in text)


def _lines_escaped(text: str) -> str:
    """ccdesk's own multi-line text, each line passed through `escaped` (the values in it are escaped first)."""
    return "\n".join(escaped(line) for line in text.split("\n"))


def _global_options(parser: argparse.ArgumentParser, *, suppress: bool, agents: bool = False) -> None:
    """Options accepted before or after the command (design.md)."""
    default: Any = argparse.SUPPRESS if suppress else None
    group = parser.add_argument_group("connection (each also an environment variable)")
    group.add_argument("--profile", default=default, help="saved profile to use [CCDESK_PROFILE]")
    group.add_argument("--platform", default=default, help="platform code, e.g. na12 [CCDESK_PLATFORM]")
    group.add_argument(
        "--base-url", default=default, help="API base URL; http only for loopback [CCDESK_BASE_URL]"
    )
    group.add_argument("--tenant", default=default, help="tenant name [CCDESK_TENANT]")
    group.add_argument(
        "--username", default=default, help="Basic-auth username, default the tenant [CCDESK_USERNAME]"
    )
    if agents:  # bulk commands: --agent names the agents to act on, and may be repeated
        group.add_argument(
            "--agent",
            action="append",
            default=default,
            metavar="ID",
            help="an agent to act on (repeatable; default: the profile's agent) [CCDESK_AGENT]",
        )
    else:
        group.add_argument("--agent", default=default, help="the agent's Internal Id [CCDESK_AGENT]")
    group.add_argument(
        "--home", default=default, help="keep all ccdesk files under this folder [CCDESK_HOME]"
    )
    group.add_argument(
        "--stream-url",
        default=default,
        metavar="URL",
        help="8x8 event stream scheme and host, e.g. wss://pulsar-ws-use1.8x8.com; ws:// only for loopback "
        "[CCDESK_STREAM_URL]",
    )
    group.add_argument(
        "--stream-region",
        default=default,
        metavar="REGION",
        help=f"8x8 event stream region: {', '.join(REGIONS)} [CCDESK_STREAM_REGION]",
    )
    out = parser.add_argument_group("output")
    out.add_argument("--json", action="store_true", default=default, help="machine-readable output on stdout")
    out.add_argument(
        "-v", "--verbose", action="store_true", default=default, help="log each request (redacted)"
    )
    out.add_argument(
        "--timeout", type=_positive_float, default=default, metavar="SECONDS", help="read timeout"
    )


def _positive_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds") from None
    if not 0 < value <= 600:
        raise argparse.ArgumentTypeError("the timeout must be between 0 and 600 seconds")
    return value


def _name_value(text: str) -> NameValue:
    name, sep, value = text.partition("=")
    if not sep or not name.strip():
        raise argparse.ArgumentTypeError(f"expected NAME=VALUE, got {ids.shown(text)}")
    try:
        return NameValue(name.strip(), value)
    except InvalidInput as exc:  # argparse shows an ArgumentTypeError's words, not a ValueError's
        raise argparse.ArgumentTypeError(exc.message) from exc


def _transaction_code(text: str) -> TransactionCode:
    try:
        return TransactionCode.parse(text)
    except InvalidInput as exc:
        raise argparse.ArgumentTypeError(exc.message) from exc


def _minutes(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{ids.shown(text)} is not a number of minutes") from None
    if not math.isfinite(value) or value < 0:
        raise argparse.ArgumentTypeError(f"minutes are a finite number, 0 or more; got {ids.shown(text)}")
    return value


def _concurrency(text: str) -> int:
    if not ids.is_ascii_digits(text) or not 1 <= int(text) <= MAX_CONCURRENCY:
        raise argparse.ArgumentTypeError(f"concurrency is a whole number from 1 to {MAX_CONCURRENCY}")
    return int(text)


_SETTABLE = {
    "available": AgentState.WAIT_TRANSACT,
    "on-break": AgentState.ON_BREAK,
    "break": AgentState.ON_BREAK,
    "work-offline": AgentState.WORK_OFFLINE,
    "offline": AgentState.WORK_OFFLINE,
    "logged-out": AgentState.LOGGED_OUT,
}


def _settable_status(text: str) -> AgentState:
    key = text.strip().lower().replace("_", "-").replace(" ", "-")
    if key in _SETTABLE:
        return _SETTABLE[key]
    if key.isdigit() and int(key) in {s.value for s in SETTABLE_STATES}:
        return AgentState(int(key))
    raise argparse.ArgumentTypeError(
        f"{text!r} cannot be set; use available, on-break, work-offline or logged-out (4, 3, 5, 1)"
    )


def _command(commands: Any, name: str, *, agents: bool = False, **kwargs: Any) -> argparse.ArgumentParser:
    """A sub-command with its own copy of the global options, so they work before or after the command.

    (argparse's `parents=` would share option objects between sub-commands, and a bulk command's repeatable
    --agent must not change the others'.)
    """
    parser: argparse.ArgumentParser = commands.add_parser(name, **kwargs)
    _global_options(parser, suppress=True, agents=agents)
    return parser


def _bulk_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--agents-file",
        type=Path,
        metavar="FILE",
        help="agent ids to act on: a CSV (first column) or one id a line",
    )
    parser.add_argument(
        "--concurrency",
        type=_concurrency,
        default=DEFAULT_CONCURRENCY,
        metavar="N",
        help=f"requests in flight at once (default {DEFAULT_CONCURRENCY})",
    )
    parser.add_argument(
        "--dry-run", action="store_true", help="print exactly what would be sent; send nothing"
    )


MAX_RECENT = 1000


def _limit(text: str) -> int:
    if not (text.isascii() and text.isdigit()) or not 1 <= int(text) <= MAX_RECENT:
        raise argparse.ArgumentTypeError(f"the limit is a whole number from 1 to {MAX_RECENT}")
    return int(text)


def _count(text: str) -> int:
    if not (text.isascii() and text.isdigit()) or not 1 <= int(text) <= 10**9:
        raise argparse.ArgumentTypeError("the count is a whole number of events, at least 1")
    return int(text)


def _line(text: str) -> int:
    if text not in ("1", "2"):
        raise argparse.ArgumentTypeError(f"the agent has line 1 and line 2; got {text!r}")
    return int(text)


class _Parser(argparse.ArgumentParser):
    """argparse that raises instead of exiting, so bad input maps to exit code 2 through one path."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise InvalidInput(f"{message} (see {self.prog} --help)")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="ccdesk-cli",
        description="Place and manage 8x8 Contact Center calls for an agent.",
        epilog="Exit codes: 0 done, 2 bad input (nothing sent), 3 authentication, 4 rejected by the API, "
        "5 server or network failure, 6 outcome unknown (do not redial blindly). The token comes from "
        "CCDESK_TOKEN or the OS keyring (ccdesk-cli login).",
    )
    parser.add_argument("--version", action="version", version=f"ccdesk {__version__}")
    _global_options(parser, suppress=False)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    call = _command(commands, "call", help="place a call for the agent; prints its id")
    call.add_argument("number", help="number to dial: +1 617 555 1984, a national number, or a tel: link")
    call.add_argument("--prefix", help="send the number as typed after this prefix (raw mode)")
    call.add_argument("--region", help="two-letter region for national numbers (default: profile's, else US)")
    call.add_argument("--caller-id", default=None, help="caller id to present (default: the agent's)")
    call.add_argument("--queue", help="queue id to associate the call with")
    call.add_argument("--dialplan", help="dial plan id to apply")
    call.add_argument(
        "--force", action="store_true", help="offer the call even if the agent is on the other line"
    )
    call.add_argument(
        "--data",
        type=_name_value,
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="extTransactionData element (repeatable)",
    )
    call.add_argument(
        "--ctl",
        type=_name_value,
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="ctlUserData element (repeatable)",
    )

    codes = _command(commands, "codes", help="set transaction codes on a call")
    codes.add_argument("interaction")
    codes.add_argument("codes", nargs="+", metavar="LIST:ITEM", type=_transaction_code)

    end = _command(commands, "end", help="end a call")
    end.add_argument("interaction")
    end.add_argument(
        "--end-post-processing", action="store_true", help="also end the agent's post-processing"
    )

    hangup = _command(commands, "hangup", help="hang up the agent's leg of a call")
    hangup.add_argument("interaction")

    free = _command(commands, "free", agents=True, help="free agents' lines (both, or one)")
    free.add_argument("--line", type=_line, help="free only this line (1 or 2)")
    _bulk_options(free)

    status = _command(commands, "set-status", agents=True, help="set agents' status (bulk endpoint)")
    status.add_argument(
        "status",
        type=_settable_status,
        metavar="STATUS",
        help="available, on-break, work-offline or logged-out (or 4, 3, 5, 1)",
    )
    status.add_argument("--code", metavar="LIST:ITEM:SHORT", help="status code, e.g. 801:1725:Lunch")
    _bulk_options(status)

    login = _command(commands, "login", help="store the token (or the event stream key) in the OS keyring")
    login.add_argument(
        "--stream-key",
        action="store_true",
        help="store the event stream key instead: the Data Request Token or an Admin Console key, read from "
        f"the prompt or stdin, never from the command line [or {STREAM_KEY_ENV}]",
    )

    watch = _command(
        commands,
        "watch",
        help="print the event stream's events as JSON lines",
        description="Print each event of the 8x8 event stream as one JSON line on stdout (messageId, "
        "publishTime, redeliveryCount, properties and the decoded payload; text is escaped, so one event is "
        "always one line). Progress goes to stderr. Ctrl-C or SIGTERM stops it (exit 0). --timeout S stops "
        "after S seconds without an event.",
    )
    watch.add_argument(
        "--topic",
        metavar="NAMESPACE/TOPIC",
        help="topic to read (default: the profile's, else agent-v1/AGENT)",
    )
    watch.add_argument(
        "--from",
        dest="start",
        default="latest",
        metavar="latest|earliest|ID",
        help="where to start: latest (default), earliest (everything kept), or after a message id",
    )
    watch.add_argument("--count", type=_count, metavar="N", help="stop after N events")

    recent = _command(commands, "recent", help="the journal's recent calls and their states")
    recent.add_argument(
        "--limit",
        type=_limit,
        default=20,
        metavar="N",
        help=f"how many calls (default 20, at most {MAX_RECENT})",
    )

    agents = _command(commands, "agents", help="list the tenant's agents and statuses")
    agents.add_argument(
        "--status",
        action="append",
        default=[],
        metavar="STATUS",
        help="only agents in this status (name such as busy, or number; repeatable)",
    )
    agents.add_argument(
        "--stuck-minutes",
        type=_minutes,
        metavar="N",
        help="only agents busy or in post-processing for more than N minutes (as seen by ccdesk)",
    )
    agents.add_argument("--group", metavar="ID", help="only the agents of this agent group (its groupId)")
    return parser


def _resolve_status_filter(values: Sequence[str]) -> set[int]:
    wanted: set[int] = set()
    for value in values:
        for part in value.split(","):
            part = part.strip()
            if not part:
                continue
            if part.isdigit():
                wanted.add(int(part))
                continue
            key = part.upper().replace("-", "_").replace(" ", "_")
            aliases = {
                "AVAILABLE": "WAIT_TRANSACT",
                "POST_PROCESSING": "POST_PROCESS",
                "BREAK": "ON_BREAK",
                "OFFLINE": "WORK_OFFLINE",
                "WRAP_UP": "POST_PROCESS",
            }
            key = aliases.get(key, key)
            if key not in AgentState.__members__:
                names = ", ".join(s.name.lower() for s in AgentState)
                raise InvalidInput(f"Unknown status {part!r}; use a number or one of: {names}.")
            wanted.add(AgentState[key].value)
    return wanted


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
    ctx.say(result.summary)
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
    ctx.say(result.summary)
    ctx.emit(_result_json(result))
    return EXIT_OK


def cmd_hangup(ctx: Context) -> int:
    agent = ctx.settings.require_agent()
    iid = ctx.args.interaction
    result = ctx.audited(Operation(Action.HANG_UP, agent, interaction_id=iid))
    ctx.remember(lambda: ctx.journal.adopt(iid, tenant=ctx.settings.tenant, agent_id=agent))
    ctx.remember(lambda: ctx.journal.hung_up(iid))
    ctx.say(result.summary)
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


_OUTCOME_CODES = {Outcome.DONE: 0, Outcome.DRY_RUN: 0, Outcome.NOTHING: 4, Outcome.NOT_SENT: EXIT_INTERRUPTED}


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
        if single and result.outcome is Outcome.DONE:
            ctx.say(escaped(result.summary))
        elif single:
            status = f"HTTP {result.status}: " if result.status else ""
            ctx.say(f"ccdesk-cli: {status}{escaped(result.summary)}")
            if result.advice:
                ctx.say(f"  {result.advice}")
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


def cmd_agents(ctx: Context) -> int:
    wanted = _resolve_status_filter(ctx.args.status)
    group = ctx.args.group
    with ctx.client() as client:
        agents = client.list_agents(group_id=group)
    roster = Roster(ctx.journal, ctx.settings.tenant)
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
    width = max((len(escaped(r["agent_id"])) for r in rows), default=8)
    table = "\n".join(
        f"{escaped(r['agent_id']):<{width}}  {r['status']:>2}  {r['status_label']:<16}  "
        f"{r['minutes_in_status']:>6.1f} min  {escaped(r['name'])}".rstrip()
        for r in rows
    )
    ctx.emit({"ok": True, "agents": rows}, table if rows else None)
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
    "codes": cmd_codes,
    "end": cmd_end,
    "hangup": cmd_hangup,
    "free": cmd_free,
    "login": cmd_login,
    "agents": cmd_agents,
    "set-status": cmd_set_status,
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


def _report(error: CCDeskError, args: argparse.Namespace | None, stdout: TextIO, stderr: TextIO) -> int:
    next_step = explain(error)
    if args is not None and getattr(args, "json", False):
        print(
            json.dumps(
                {
                    "ok": False,
                    "error": type(error).__name__,
                    "status": error.status,
                    "reasons": list(error.reasons),
                    "message": error.message,
                    "explanation": next_step,
                    "exit_code": error.exit_code,
                    **({"file": str(error.path)} if isinstance(error, LocalFileError) else {}),
                },
                sort_keys=True,
            ),
            file=stdout,
        )
    print(_lines_escaped(f"ccdesk-cli: {error}"), file=stderr)
    if next_step and next_step != error.detail:
        print(_lines_escaped(f"  {next_step}"), file=stderr)
    return error.exit_code


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
    args: argparse.Namespace | None = None
    handler: logging.Handler | None = None
    journal: Journal | None = None
    try:
        parser = build_parser()
        args = parser.parse_args(argv)
        if not args.command:
            parser.print_help(stderr)
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
    except CCDeskError as exc:
        return _report(exc, args, stdout, stderr)
    except KeyboardInterrupt:
        print("ccdesk-cli: interrupted", file=stderr)
        return EXIT_INTERRUPTED
    finally:
        if journal is not None:
            journal.close()
        if handler is not None:
            logging.getLogger().removeHandler(handler)


if __name__ == "__main__":
    raise SystemExit(main())
