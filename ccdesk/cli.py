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
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TextIO

import httpx

from ccdesk import __version__
from ccdesk.api.client import CCClient
from ccdesk.api.errors import (
    AuthenticationError,
    CCDeskError,
    ConfigurationError,
    InvalidInput,
    OutcomeUnknownError,
    PermissionDeniedError,
)
from ccdesk.api.models import (
    AgentState,
    ApiResult,
    NameValue,
    PlaceCallRequest,
    TransactionCode,
    state_label,
)
from ccdesk.api.redact import install_redaction
from ccdesk.core.credentials import CredentialStore, KeyringStore, resolve_token
from ccdesk.core.explain import explain
from ccdesk.core.journal import Journal
from ccdesk.core.numbers import split_number
from ccdesk.core.paths import app_dirs
from ccdesk.core.profiles import Profile, ProfileStore
from ccdesk.core.settings import Settings, make_client, resolve_settings

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
        print(text, file=self.stderr)

    def emit(self, value: Any, human: str | None = None) -> None:
        """The command's result: JSON with --json, else the useful value alone on stdout."""
        if self.args.json:
            print(json.dumps(value, indent=None, sort_keys=True), file=self.stdout)
        elif human is not None:
            print(human, file=self.stdout)


def _global_options(parser: argparse.ArgumentParser, *, suppress: bool) -> None:
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
    group.add_argument("--agent", default=default, help="the agent's Internal Id [CCDESK_AGENT]")
    group.add_argument(
        "--home", default=default, help="keep all ccdesk files under this folder [CCDESK_HOME]"
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
        raise argparse.ArgumentTypeError(f"expected NAME=VALUE, got {text!r}")
    return NameValue(name.strip(), value)


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
    common = _Parser(add_help=False)
    _global_options(common, suppress=True)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    call = commands.add_parser("call", parents=[common], help="place a call for the agent; prints its id")
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

    codes = commands.add_parser("codes", parents=[common], help="set transaction codes on a call")
    codes.add_argument("interaction")
    codes.add_argument("codes", nargs="+", metavar="LIST:ITEM", type=TransactionCode.parse)

    end = commands.add_parser("end", parents=[common], help="end a call")
    end.add_argument("interaction")
    end.add_argument(
        "--end-post-processing", action="store_true", help="also end the agent's post-processing"
    )

    hangup = commands.add_parser("hangup", parents=[common], help="hang up the agent's leg of a call")
    hangup.add_argument("interaction")

    free = commands.add_parser("free", parents=[common], help="free the agent's lines (both, or one)")
    free.add_argument("--line", type=_line, help="free only this line (1 or 2)")

    commands.add_parser("login", parents=[common], help="store the token in the OS keyring (prompted)")

    agents = commands.add_parser("agents", parents=[common], help="list the tenant's agents and statuses")
    agents.add_argument(
        "--status",
        action="append",
        default=[],
        metavar="STATUS",
        help="only agents in this status (name such as busy, or number; repeatable)",
    )
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
        row = ctx.journal.begin_dial(
            profile=ctx.settings.profile_name,
            tenant=ctx.settings.tenant,
            agent_id=agent,
            display=dial.display,
            prefix=dial.prefix,
            number=dial.number,
        )
        try:
            result = client.place_call(request)
        except CCDeskError as exc:
            ctx.journal.dial_failed(row, str(exc), outcome_unknown=isinstance(exc, OutcomeUnknownError))
            raise
        ctx.journal.placed(row, result.interaction_id)
    busy = " (the agent is handling other interactions)" if result.agent_was_busy else ""
    ctx.say(f"Calling {dial.preview} for agent {agent}{busy}.")
    ctx.emit(_result_json(result, interaction_id=result.interaction_id), result.interaction_id)
    return EXIT_OK


def cmd_codes(ctx: Context) -> int:
    agent = ctx.settings.require_agent()
    codes: list[TransactionCode] = ctx.args.codes
    with ctx.client() as client:
        result = client.set_transaction_codes(ctx.args.interaction, agent, codes)
    record = ctx.journal.adopt(ctx.args.interaction, tenant=ctx.settings.tenant, agent_id=agent)
    ctx.journal.codes_set(ctx.args.interaction, [*record.codes, *(str(c) for c in codes)])
    ctx.say(result.summary)
    ctx.emit(_result_json(result))
    return EXIT_OK


def cmd_end(ctx: Context) -> int:
    with ctx.client() as client:
        result = client.end_call(ctx.args.interaction, end_post_processing=ctx.args.end_post_processing)
    ctx.journal.adopt(ctx.args.interaction, tenant=ctx.settings.tenant, agent_id=ctx.settings.agent_id)
    ctx.journal.ended(ctx.args.interaction)
    ctx.say(result.summary)
    ctx.emit(_result_json(result))
    return EXIT_OK


def cmd_hangup(ctx: Context) -> int:
    agent = ctx.settings.require_agent()
    with ctx.client() as client:
        result = client.hang_up(ctx.args.interaction, agent)
    ctx.journal.adopt(ctx.args.interaction, tenant=ctx.settings.tenant, agent_id=agent)
    ctx.journal.hung_up(ctx.args.interaction)
    ctx.say(result.summary)
    ctx.emit(_result_json(result))
    return EXIT_OK


def cmd_free(ctx: Context) -> int:
    agent = ctx.settings.require_agent()
    with ctx.client() as client:
        result = client.free_line(agent, ctx.args.line) if ctx.args.line else client.free_lines(agent)
    ctx.journal.lines_freed(agent, ctx.args.line, result.reasons)
    ctx.say(result.summary)
    ctx.emit(_result_json(result))
    return EXIT_OK


def cmd_agents(ctx: Context) -> int:
    wanted = _resolve_status_filter(ctx.args.status)
    with ctx.client() as client:
        agents = client.list_agents()
    shown = [a for a in agents if not wanted or a.status in wanted]
    ctx.say(f"{len(shown)} of {len(agents)} agents on {ctx.settings.tenant}.")
    rows = [
        {
            "agent_id": a.agent_id,
            "name": a.name,
            "status": a.status,
            "status_label": state_label(a.status),
            "status_code": a.status_code_short_code or "",
        }
        for a in shown
    ]
    width = max((len(r["agent_id"]) for r in rows), default=8)
    table = "\n".join(
        f"{r['agent_id']:<{width}}  {r['status']:>2}  {r['status_label']:<16}  {r['name']}".rstrip()
        for r in rows
    )
    ctx.emit({"ok": True, "agents": rows}, table if rows else None)
    return EXIT_OK


def cmd_login(ctx: Context) -> int:
    """Check the token with a harmless read, then keep it in the keyring; save the profile's settings."""
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
        except PermissionDeniedError:
            checked = "not checked: the Agent Status API is not enabled for this tenant (the Call API may still work)"
        except CCDeskError as exc:
            checked = f"not checked ({exc})"
    ctx.store.set(settings.account, token)
    _save_profile(ctx)
    ctx.say(f"Token for {settings.account} stored in the OS keyring; {checked}.")
    ctx.emit({"ok": True, "account": settings.account, "checked": checked})
    return EXIT_OK


class _NullStore:
    """Used while checking a token that is not stored yet."""

    def get(self, account: str) -> str | None:
        return None

    def set(self, account: str, token: str) -> None:
        return None

    def delete(self, account: str) -> None:
        return None


def _save_profile(ctx: Context) -> None:
    """`login` with connection options saves them, so later commands need only --profile (or nothing)."""
    args, settings = ctx.args, ctx.settings
    store = ProfileStore(app_dirs(args.home).config_file)
    config = store.load()
    name = settings.profile_name or args.profile or "default"
    old = config.profiles.get(name) or Profile(name=name)
    profile = Profile(
        name=name,
        platform=args.platform or (old.platform if not args.base_url else ""),
        base_url=args.base_url or (old.base_url if not args.platform else ""),
        tenant=settings.tenant,
        username=settings.username if settings.username != settings.tenant else old.username,
        agent_id=settings.agent_id,
        region=settings.region,
        caller_ids=old.caller_ids,
        queues=old.queues,
        dial_plans=old.dial_plans,
        catalog_file=old.catalog_file,
    )
    if not profile.platform and not profile.base_url:
        profile.base_url = settings.base_url
    config.profiles[name] = profile
    config.default_profile = config.default_profile or name
    store.save(config)


COMMANDS: dict[str, Callable[[Context], int]] = {
    "call": cmd_call,
    "codes": cmd_codes,
    "end": cmd_end,
    "hangup": cmd_hangup,
    "free": cmd_free,
    "login": cmd_login,
    "agents": cmd_agents,
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
                },
                sort_keys=True,
            ),
            file=stdout,
        )
    print(f"ccdesk-cli: {error}", file=stderr)
    if next_step and next_step != error.detail:
        print(f"  {next_step}", file=stderr)
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
        secrets = [env.get("CCDESK_TOKEN", "")]
        handler = _configure_logging(bool(args.verbose), stderr, [s for s in secrets if s])
        dirs = app_dirs(args.home or env.get("CCDESK_HOME") or None).ensure()
        config = ProfileStore(dirs.config_file).load()
        settings = resolve_settings(vars(args), config, env)
        for note in settings.notes:
            print(f"note: {note}", file=stderr)
        store = store or KeyringStore()
        if handler is not None and args.command != "login":
            with contextlib.suppress(ConfigurationError):  # reported when the command asks for the token
                install_redaction(handler, resolve_token(store, settings.account, env))
        journal = Journal(dirs.journal_file)
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
