"""`ccdesk-cli`'s arguments: the commands in a logical order, each with a description, examples and help for
every argument.

The global options (connection and output) are listed once, in `ccdesk-cli --help`, and accepted before or after
the command (design.md's contract): each command keeps a hidden copy of them. Usage errors say what is wrong in
plain words, name the expected form, suggest the closest command or option ("did you mean 'hangup'?") and leave
through one path: `InvalidInput`, exit code 2, nothing sent.
"""

from __future__ import annotations

import argparse
import difflib
import math
import sys
import textwrap
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, NoReturn, TextIO

from ccdesk import __version__
from ccdesk.api import ids
from ccdesk.api.errors import InvalidInput
from ccdesk.api.models import SETTABLE_STATES, AgentState, NameValue, TransactionCode
from ccdesk.api.stream import REGIONS
from ccdesk.core.bulk import DEFAULT_CONCURRENCY, MAX_CONCURRENCY
from ccdesk.core.credentials import STREAM_KEY_ENV
from ccdesk.core.help_words import HelpWords, TranslatedParser, given, help_width, help_words

PROG = "ccdesk-cli"
MAX_RECENT = 1000


def overview(w: HelpWords) -> tuple[tuple[str, tuple[tuple[str, str], ...]], ...]:
    """The commands as `ccdesk-cli --help` lists them: by what a person is doing, in the order they do it."""
    return (
        (
            w.translate("CliHelp", "Calls (the agent's two lines)"),
            (
                ("call NUMBER", w.translate("CliHelp", "place a call; prints its interaction id")),
                ("hangup INTERACTION", w.translate("CliHelp", "hang up the agent's leg; wrap-up follows")),
                ("end INTERACTION", w.translate("CliHelp", "end a call (--end-wrap-up: and wrap-up)")),
                ("codes INTERACTION LIST:ITEM...", w.translate("CliHelp", "set transaction codes on a call")),
                ("free [--line 1|2]", w.translate("CliHelp", "free the agent's lines for the next call")),
            ),
        ),
        (
            w.translate("CliHelp", "The agent's status"),
            (("set-status STATUS", w.translate("CliHelp", "set the agent's own status")),),
        ),
        (
            w.translate("CliHelp", "Supervisor (many agents at once)"),
            (
                ("agents", w.translate("CliHelp", "agents: status, code, time in status")),
                ("set-status STATUS --agent ID...", w.translate("CliHelp", "set many agents' status")),
                ("free --agent ID...", w.translate("CliHelp", "free many agents' lines")),
            ),
        ),
        (
            w.translate("CliHelp", "Setup"),
            (("login", w.translate("CliHelp", "store the token in the OS keyring")),),
        ),
        (
            w.translate("CliHelp", "Journal"),
            (("recent", w.translate("CliHelp", "recent calls and their states")),),
        ),
        (
            w.translate("CliHelp", "Event stream"),
            (("watch", w.translate("CliHelp", "8x8's live events as JSON lines")),),
        ),
    )


def _globals_note(w: HelpWords) -> str:
    return w.translate(
        "CliHelp",
        "Global options (--profile, --json, -v, --timeout and the connection options) go before or after the "
        "command: '{prog} --help' lists them.",
    ).format(prog=PROG)


class ParserExit(Exception):
    """`--help` or `--version` was answered: the command ends with this exit code (0), nothing else runs."""

    def __init__(self, code: int) -> None:
        super().__init__(code)
        self.code = code


def _fill(*paragraphs: str) -> str:
    return "\n\n".join(textwrap.fill(p, help_width(), break_on_hyphens=False) for p in paragraphs)


def _epilog(w: HelpWords, examples: Sequence[str], *notes: str) -> str:
    """Examples as typed (never re-wrapped), then notes, then where the global options are."""
    lines = [w.heading(w.translate("CliHelp", "examples")), *(f"  {example}" for example in examples)]
    return "\n".join(lines) + "\n\n" + _fill(*notes, _globals_note(w))


class _Parser(TranslatedParser):
    """argparse that raises instead of exiting and writes help where it is told (the tests' streams).

    Every usage error becomes one `InvalidInput` with the way to the help, so bad input maps to exit code 2
    through the one error presentation.
    """

    def __init__(
        self,
        *args: Any,
        out: TextIO | None = None,
        err: TextIO | None = None,
        words: HelpWords | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, words=words, **kwargs)
        self._out, self._err = out, err
        self.commands: _Commands | None = None

    def error(self, message: str) -> NoReturn:
        raise InvalidInput(f"{_plain(message)} See '{self.prog} --help'.")

    def exit(self, status: int = 0, message: str | None = None) -> NoReturn:
        if message:
            self._print_message(message, sys.stderr)
        raise ParserExit(status)

    def _print_message(self, message: str, file: Any = None) -> None:
        if not message:
            return
        if file is None or file is sys.stdout:
            file = self._out or sys.stdout
        elif file is sys.stderr:
            file = self._err or sys.stderr
        file.write(message)

    def _check_value(self, action: argparse.Action, value: Any) -> None:
        if isinstance(action, _Commands) and value not in action.choices:
            raise argparse.ArgumentError(action, _unknown_command(value, action.choices))
        super()._check_value(action, value)

    def parse_args(self, args: Sequence[str] | None = None, namespace: Any = None) -> argparse.Namespace:  # type: ignore[override]
        parsed, extras = self.parse_known_args(args, namespace)
        if extras:
            command = getattr(parsed, "command", None)
            parser = self.commands.choices.get(command, self) if self.commands and command else self
            parser.error(_unknown_arguments(extras, [self, parser]))
        return parsed


class _Commands(argparse._SubParsersAction):  # type: ignore[type-arg]
    """The command positional; `_Parser._check_value` turns a typo into "did you mean"."""


def _plain(message: str) -> str:
    """argparse's words as a sentence: "argument --line: x" -> "--line: x"; a positional's name dropped."""
    if message.startswith("argument "):
        name, sep, rest = message[len("argument ") :].partition(": ")
        if sep:
            message = f"{name}: {rest}" if name.startswith("-") else rest
    message = message[:1].upper() + message[1:]
    return message if message.endswith((".", "?", "!")) else message + "."


def _closest(word: str, choices: Iterable[str]) -> str | None:
    """The choice a typo most likely meant (difflib), or None when nothing is close."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return close[0] if close else None


def _unknown_command(value: object, choices: Iterable[str]) -> str:
    names = list(choices)
    meant = _closest(str(value), names)
    if meant:
        return f"unknown command {ids.shown(value)}: did you mean '{meant}'?"
    return f"unknown command {ids.shown(value)}; the commands are {', '.join(names)}."


def _unknown_arguments(extras: Sequence[str], parsers: Sequence[argparse.ArgumentParser]) -> str:
    options = [s for parser in parsers for action in parser._actions for s in action.option_strings]
    first = extras[0]
    if not first.startswith("-"):
        return f"unexpected argument {ids.shown(first)}."
    name = first.partition("=")[0]
    meant = _closest(name, options)
    return f"unknown option {ids.shown(name)}" + (f": did you mean '{meant}'?" if meant else ".")


# -- value types: each refusal names the expected form ----------------------------------------------------------


def _positive_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{ids.shown(text)} is not a number of seconds") from None
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
    if text.count(":") != 1:
        raise argparse.ArgumentTypeError(f"{ids.shown(text)} is not LIST:ITEM (for example 12:234)")
    try:
        return TransactionCode.parse(text)
    except InvalidInput as exc:
        raise argparse.ArgumentTypeError(
            f"{exc.message.rstrip('.')} (LIST:ITEM, for example 12:234)"
        ) from exc


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


def _status_key(text: str) -> str:
    return text.strip().lower().replace("_", "-").replace(" ", "-")


def _settable_status(text: str) -> AgentState:
    key = _status_key(text)
    if key in _SETTABLE:
        return _SETTABLE[key]
    if key.isdigit() and int(key) in {s.value for s in SETTABLE_STATES}:
        return AgentState(int(key))
    meant = _closest(key, _SETTABLE)
    raise argparse.ArgumentTypeError(
        (
            f"{ids.shown(text)} is not a status: did you mean '{meant}'? Use "
            if meant
            else f"{ids.shown(text)} cannot be set; use "
        )
        + "available, on-break, work-offline or logged-out (or 4, 3, 5, 1)"
    )


#: Words `agents --status` understands: 8x8's names (WAIT_TRANSACT as wait-transact) and the ones people say.
STATUS_WORDS: dict[str, int] = {
    **{state.name.lower().replace("_", "-"): state.value for state in AgentState},
    "available": AgentState.WAIT_TRANSACT.value,
    "break": AgentState.ON_BREAK.value,
    "offline": AgentState.WORK_OFFLINE.value,
    "offered": AgentState.TRANSACT_OFFERED.value,
    "processing": AgentState.PROCESS_TRANSACT.value,
    "wrap-up": AgentState.POST_PROCESS.value,
    "post-processing": AgentState.POST_PROCESS.value,
}
_STATUS_SHOWN = (
    "available, busy, wrap-up, on-break, work-offline, logged-out, logged-in, offered, processing, direct-call, "
    "on-email, unknown"
)


def status_filter(values: Sequence[str]) -> set[int]:
    """`agents --status` values (repeatable, comma-separated, names or numbers) as status numbers."""
    wanted: set[int] = set()
    for value in values:
        for part in value.split(","):
            key = _status_key(part)
            if not key:
                continue
            if key.isdigit():
                wanted.add(int(key))
            elif key in STATUS_WORDS:
                wanted.add(STATUS_WORDS[key])
            else:
                meant = _closest(key, STATUS_WORDS)
                raise InvalidInput(
                    f"Unknown status {ids.shown(part.strip())}"
                    + (f": did you mean '{meant}'? " if meant else ". ")
                    + f"Use a number or one of: {_STATUS_SHOWN}."
                )
    return wanted


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
        raise argparse.ArgumentTypeError(f"the agent has line 1 and line 2; got {ids.shown(text)}")
    return int(text)


# -- the parser -------------------------------------------------------------------------------------------------


def _global_options(
    parser: argparse.ArgumentParser, w: HelpWords, *, shown: bool, bulk: bool = False
) -> None:
    """Options accepted before or after the command (design.md): listed in `ccdesk-cli --help` only.

    Each command has a hidden copy (defaults suppressed, so a value given before the command is kept). For `free`
    and `set-status`, `--agent` names the agents to act on (repeatable) and is part of the command's own help.
    """
    default: Any = None if shown else argparse.SUPPRESS

    def hidden(text: str) -> str:
        return text if shown else argparse.SUPPRESS

    title = w.translate(
        "CliHelp", "global options (before or after the command; [NAME]: the environment variable)"
    )
    group = parser.add_argument_group(title) if shown else parser
    if shown:
        group.add_argument("-h", "--help", action="help", help=w.translate("Help", "show this help and exit"))
        group.add_argument(
            "--version",
            action="version",
            version=f"ccdesk {__version__}",
            help=w.translate("Help", "show the version and exit"),
        )
    group.add_argument(
        "--profile",
        default=default,
        metavar="NAME",
        help=hidden(w.translate("Help", "saved profile to use [CCDESK_PROFILE]")),
    )
    group.add_argument(
        "--platform",
        default=default,
        metavar="CODE",
        help=hidden(w.translate("Help", "platform code, e.g. na12 [CCDESK_PLATFORM]")),
    )
    group.add_argument(
        "--base-url",
        default=default,
        metavar="URL",
        help=hidden(
            w.translate(
                "CliHelp", "API base URL instead of the platform's; http only for loopback [CCDESK_BASE_URL]"
            )
        ),
    )
    group.add_argument(
        "--tenant",
        default=default,
        metavar="NAME",
        help=hidden(w.translate("Help", "tenant name [CCDESK_TENANT]")),
    )
    group.add_argument(
        "--username",
        default=default,
        metavar="NAME",
        help=hidden(w.translate("CliHelp", "Basic-auth username, default the tenant [CCDESK_USERNAME]")),
    )
    if bulk:
        parser.add_argument(
            "--agent",
            action="append",
            default=default,
            metavar="ID",
            help=w.translate("CliHelp", "an agent to act on (repeatable; default: the profile's agent)"),
        )
    else:
        group.add_argument(
            "--agent",
            default=default,
            metavar="ID",
            help=hidden(w.translate("Help", "the agent's Internal Id [CCDESK_AGENT]")),
        )
    group.add_argument(
        "--home",
        default=default,
        metavar="DIR",
        help=hidden(w.translate("CliHelp", "keep all ccdesk files under DIR [CCDESK_HOME]")),
    )
    group.add_argument(
        "--stream-url",
        default=default,
        metavar="URL",
        help=hidden(
            w.translate(
                "CliHelp",
                "8x8 event stream scheme and host, e.g. wss://pulsar-ws-use1.8x8.com; ws:// only for loopback "
                "[CCDESK_STREAM_URL]",
            )
        ),
    )
    group.add_argument(
        "--stream-region",
        default=default,
        metavar="REGION",
        help=hidden(
            w.translate("CliHelp", "8x8 event stream region: {regions} [CCDESK_STREAM_REGION]").format(
                regions=", ".join(REGIONS)
            )
        ),
    )
    group.add_argument(
        "--json",
        action="store_true",
        default=default,
        help=hidden(w.translate("CliHelp", "machine-readable output on stdout (errors too)")),
    )
    group.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        default=default,
        help=hidden(w.translate("CliHelp", "log each request (redacted) on stderr")),
    )
    group.add_argument(
        "--timeout",
        type=_positive_float,
        default=default,
        metavar="SECONDS",
        help=hidden(w.translate("CliHelp", "read timeout; for watch, stop after this long without an event")),
    )


def _bulk_options(parser: argparse.ArgumentParser, w: HelpWords) -> None:
    parser.add_argument(
        "--agents-file",
        type=Path,
        metavar="FILE",
        help=w.translate("CliHelp", "agent ids to act on: a CSV (first column) or one id a line"),
    )
    parser.add_argument(
        "--concurrency",
        type=_concurrency,
        default=DEFAULT_CONCURRENCY,
        metavar="N",
        help=w.translate("CliHelp", "requests in flight at once, 1 to {most} (default {default})").format(
            most=MAX_CONCURRENCY, default=DEFAULT_CONCURRENCY
        ),
    )
    parser.add_argument(
        "--dry-run",
        action="store_true",
        help=w.translate("CliHelp", "print exactly what would be sent; send nothing"),
    )


def _overview(w: HelpWords) -> str:
    groups = overview(w)
    width = max(len(synopsis) for _, entries in groups for synopsis, _ in entries)
    lines = []
    for title, entries in groups:
        lines.append(f"  {w.heading(title)}")
        lines += [f"    {synopsis:<{width}}  {summary}" for synopsis, summary in entries]
    return "\n".join(lines)


def build_parser(
    out: TextIO | None = None, err: TextIO | None = None, words: HelpWords | None = None
) -> _Parser:
    """The whole command line; help and usage go to `out` and `err` (default: the process's), in the language of
    `words` (default: the system's)."""
    w = help_words() if words is None else words
    parser = _Parser(
        prog=PROG,
        usage=w.translate("CliHelp", "{prog} [global options] COMMAND [options] [arguments]").format(
            prog=PROG
        ),
        add_help=False,
        out=out,
        err=err,
        words=w,
        description=_fill(
            w.translate(
                "CliHelp",
                "Place and manage 8x8 Contact Center calls from a terminal or a script: the agent's calls and "
                "lines, the agent's status, supervisors' actions on many agents, ccdesk's call journal and 8x8's "
                "event stream.",
            )
        )
        + "\n\n"
        + w.heading(w.translate("CliHelp", "commands"))
        + "\n"
        + _overview(w),
        epilog=w.translate(
            "CliHelp", "Run '{prog} COMMAND --help' for a command's options and examples."
        ).format(prog=PROG)
        + "\n\n"
        + w.heading(w.translate("CliHelp", "examples"))
        + "\n"
        + "\n".join(
            f"  {line}"
            for line in (
                f"{PROG} --profile work --platform na12 --tenant acmecorp01 --agent ag0VYyLh0YTsymdbtYIaaaa login",
                f'iid=$({PROG} call "+1 (617) 555-1984" --queue 598)',
                f'{PROG} codes "$iid" 12:234',
                'ccdesk-cli hangup "$iid"',
                f'{PROG} end "$iid" --end-wrap-up',
                f"{PROG} agents --stuck-minutes 10",
            )
        )
        + "\n\n"
        + _fill(
            w.translate(
                "CliHelp",
                "Without --json, the result goes to stdout (an interaction id, a table) and messages to stderr. "
                "The Action Request Token comes from CCDESK_TOKEN or the OS keyring (ccdesk-cli login), never from "
                "an option.",
            ),
            w.translate(
                "CliHelp",
                "Exit codes: 0 done; 2 bad input, nothing sent; 3 authentication or authorization (401/403); "
                "4 rejected by 8x8; 5 server or network failure; 6 outcome unknown: the call may have been placed, "
                "so check the agent's lines before dialling again. free and set-status also: 1 ccdesk itself "
                "failed; 130 cancelled with Ctrl+C.",
            ),
        ),
    )
    _global_options(parser, w, shown=True)
    parser.register("action", "parsers", _Commands)
    commands = parser.add_subparsers(
        dest="command", metavar="COMMAND", parser_class=_Parser, help=argparse.SUPPRESS
    )
    assert isinstance(commands, _Commands)
    parser.commands = commands

    def command(
        name: str, description: str, examples: Sequence[str], *notes: str, bulk: bool = False
    ) -> _Parser:
        sub: _Parser = commands.add_parser(
            name,
            prog=f"{PROG} {name}",
            description=_fill(description),
            epilog=_epilog(w, examples, *notes),
            out=out,
            err=err,
            words=w,
        )
        _global_options(sub, w, shown=False, bulk=bulk)
        return sub

    interaction_help = w.translate(
        "CliHelp", "the call's interaction id, as '{prog} call' printed it"
    ).format(prog=PROG)

    call = command(
        "call",
        w.translate(
            "CliHelp",
            "Place a call for the agent: 8x8 rings the agent, then dials the number. Prints the call's interaction "
            "id on stdout (keep it for 'codes', 'hangup' and 'end') and the number as sent on stderr.",
        ),
        [
            f'iid=$({PROG} call "+1 (617) 555-1984" --queue 598 --dialplan 12)',
            f"{PROG} call 6175551984 --region US --force",
            f"{PROG} call 1234 --prefix 9",
            f'{PROG} call +16175551984 --data "Name=Bilbo Baggins" --ctl AccountRef=BB123987',
        ],
        w.translate(
            "CliHelp",
            "A number is split into country code and national number (+1 (617) 555-1984 is sent as prefix 1, "
            "number 6175551984). With --prefix the digits are sent as typed after that prefix, for extensions and "
            "service codes. Exit code 6: the request may have reached 8x8 but no answer came; check the agent's "
            "lines before dialling again.",
        ),
    )
    call.add_argument(
        "number",
        metavar="NUMBER",
        help=w.translate("CliHelp", "number to dial: +1 617 555 1984, a national number, or a tel: link"),
    )
    call.add_argument(
        "--prefix",
        metavar="P",
        help=w.translate("CliHelp", "send the number as typed after this prefix (raw mode)"),
    )
    call.add_argument(
        "--region",
        metavar="CC",
        help=w.translate(
            "CliHelp", "two-letter region for national numbers (default: the profile's, else US)"
        ),
    )
    call.add_argument(
        "--caller-id",
        metavar="N",
        default=None,
        help=w.translate("CliHelp", "caller id to present (default: the agent's)"),
    )
    call.add_argument(
        "--queue", metavar="ID", help=w.translate("CliHelp", "queue id to associate the call with")
    )
    call.add_argument("--dialplan", metavar="ID", help=w.translate("CliHelp", "dial plan id to apply"))
    call.add_argument(
        "--force",
        action="store_true",
        help=w.translate(
            "CliHelp",
            "offer the call even when the agent is on a call on the other line (no help when both lines are "
            "busy, or the agent is on break or logged out)",
        ),
    )
    call.add_argument(
        "--data",
        type=_name_value,
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help=w.translate("CliHelp", "extTransactionData element, shown to the agent (repeatable)"),
    )
    call.add_argument(
        "--ctl",
        type=_name_value,
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help=w.translate("CliHelp", "ctlUserData element, for integrations (repeatable)"),
    )

    hangup = command(
        "hangup",
        w.translate(
            "CliHelp",
            "Hang up the agent's leg of a call. The agent's wrap-up follows; a transfer or conference goes on "
            "without the agent.",
        ),
        [
            'ccdesk-cli hangup "$iid"',
            "ccdesk-cli hangup int-184a0c5493f-nempJR9b0nXcZbChiZmtZkLCE-phone-00-acmecorp01",
        ],
    )
    hangup.add_argument("interaction", metavar="INTERACTION", help=interaction_help)

    end = command(
        "end",
        w.translate(
            "CliHelp",
            "End a call: 8x8 ends the interaction. With --end-wrap-up the agent's wrap-up ends too, even when a "
            "mandatory transaction code is missing.",
        ),
        [f'{PROG} end "$iid"', f'{PROG} end "$iid" --end-wrap-up'],
    )
    end.add_argument("interaction", metavar="INTERACTION", help=interaction_help)
    end.add_argument(
        "--end-wrap-up",
        "--end-post-processing",
        dest="end_post_processing",
        action="store_true",
        help=w.translate("CliHelp", "also end the wrap-up (8x8 calls it post-processing)"),
    )

    codes = command(
        "codes",
        w.translate(
            "CliHelp",
            "Set transaction codes on a call, at most 6 per call. Each request changes only the lists it names: a "
            "list named holds exactly the codes sent for it, the others keep theirs. Prints what the call holds "
            "afterwards, as far as ccdesk knows.",
        ),
        [f'{PROG} codes "$iid" 12:234', f'{PROG} codes "$iid" 12:234 2281:7361'],
    )
    codes.add_argument("interaction", metavar="INTERACTION", help=interaction_help)
    codes.add_argument(
        "codes",
        nargs="+",
        metavar="LIST:ITEM",
        type=_transaction_code,
        help=w.translate(
            "CliHelp",
            "a transaction code: list id and item id, e.g. 12:234 (several codes: one after another)",
        ),
    )

    free = command(
        "free",
        w.translate(
            "CliHelp",
            "Free the agent's lines for the next call: 8x8 cuts the agent's leg of the calls on them (wrap-up "
            "follows; a transfer or conference goes on without the agent). A line that is already free is not an "
            "error. With --agent or --agents-file, frees many agents' lines at once.",
        ),
        [
            f"{PROG} free",
            f"{PROG} free --line 2",
            f"{PROG} free --agent agAQDqmvKiRbG4ekigNSmbbb --agent ag0VYyLh0YTsymdbtYIaaaa --dry-run",
            f"{PROG} free --agents-file stuck.txt --concurrency 8",
        ],
        w.translate(
            "CliHelp",
            "stdout gets one line per agent: the agent id, done, nothing to free, failed or not sent, and 8x8's "
            "words, tab-separated (with --json, one document). The exit code is the worst agent's.",
        ),
        bulk=True,
    )
    free.add_argument(
        "--line",
        type=_line,
        metavar="1|2",
        help=w.translate("CliHelp", "free only this line (default: both)"),
    )
    _bulk_options(free, w)

    status = command(
        "set-status",
        w.translate(
            "CliHelp",
            "Set the agent's status, or with --agent or --agents-file many agents' at once, through the Agent "
            "Status API's bulk endpoint.",
        ),
        [
            f"{PROG} set-status available",
            f"{PROG} set-status on-break --code 801:1725:Lunch",
            f"{PROG} set-status work-offline --agent agAQDqmvKiRbG4ekigNSmbbb --dry-run",
        ],
        w.translate(
            "CliHelp",
            "stdout gets one line per agent: the agent id, done, failed or not sent, and 8x8's words, "
            "tab-separated (with --json, one document). The exit code is the worst agent's.",
        ),
        bulk=True,
    )
    status.add_argument(
        "status",
        type=_settable_status,
        metavar="STATUS",
        help=w.translate("CliHelp", "available, on-break, work-offline or logged-out (or 4, 3, 5, 1)"),
    )
    status.add_argument(
        "--code",
        metavar="LIST:ITEM:SHORT",
        help=w.translate("CliHelp", "status code (the reason shown beside the status), e.g. 801:1725:Lunch"),
    )
    _bulk_options(status, w)

    agents = command(
        "agents",
        w.translate(
            "CliHelp",
            "List the tenant's agents as a table: name, agent id, status, status code and time in status. The "
            "Agent Status API says what each agent is doing, not since when: ccdesk counts from the first time it "
            "saw the agent in that status (here or in the window), and shows '-' for an agent first seen now.",
        ),
        [
            f"{PROG} agents",
            f"{PROG} agents --status busy --status wrap-up",
            f"{PROG} agents --stuck-minutes 10 --json | jq -r '.agents[].agent_id' > stuck.txt",
            f"{PROG} agents --group 300",
        ],
    )
    agents.add_argument(
        "--status",
        action="append",
        default=[],
        metavar="STATUS",
        help=w.translate(
            "CliHelp",
            "only agents in this status: a name such as busy, wrap-up or available, or a number (repeatable)",
        ),
    )
    agents.add_argument(
        "--stuck-minutes",
        type=_minutes,
        metavar="N",
        help=w.translate(
            "CliHelp", "only agents busy or in wrap-up for more than N minutes (as ccdesk has seen them)"
        ),
    )
    agents.add_argument(
        "--group",
        metavar="ID",
        help=w.translate("CliHelp", "only the agents of this agent group (its groupId)"),
    )

    login = command(
        "login",
        w.translate(
            "CliHelp",
            "Check the Action Request Token with a harmless read and store it in the OS keyring; the connection "
            "options given are saved in the profile. The token is read from a hidden prompt or stdin, never from "
            "the command line.",
        ),
        [
            f"{PROG} --profile work --platform na12 --tenant acmecorp01 --agent ag0VYyLh0YTsymdbtYIaaaa login",
            f"printf '%s\\n' \"$TOKEN\" | {PROG} --profile work login",
            f"{PROG} --stream-region us1 login --stream-key",
        ],
        w.translate(
            "CliHelp",
            "Without a keyring (a headless server), set CCDESK_TOKEN instead.",
        ),
    )
    login.add_argument(
        "--stream-key",
        action="store_true",
        help=w.translate(
            "CliHelp",
            "store the event stream key instead: the Data Request Token or an Admin Console key, read from "
            "the prompt or stdin [or {variable}]",
        ).format(variable=STREAM_KEY_ENV),
    )

    recent = command(
        "recent",
        w.translate(
            "CliHelp",
            "List the calls in ccdesk's journal, newest first, with their states. A call whose ccdesk stopped "
            "before 8x8 answered shows as 'unknown: may be live' until the agent's line is freed.",
        ),
        [f"{PROG} recent", f"{PROG} recent --limit 5 --json | jq -r '.calls[0].interaction_id'"],
    )
    recent.add_argument(
        "--limit",
        type=_limit,
        default=20,
        metavar="N",
        help=w.translate("CliHelp", "how many calls (default 20, at most {most})").format(most=MAX_RECENT),
    )

    watch = command(
        "watch",
        w.translate(
            "CliHelp",
            "Print each event of 8x8's event stream as one JSON line on stdout (messageId, publishTime, "
            "redeliveryCount, properties and the decoded payload; text is escaped, so one event is always one "
            "line). Progress goes to stderr. Ctrl+C or SIGTERM stops it (exit 0); so does --timeout S after S "
            "seconds without an event.",
        ),
        [
            f"{PROG} --stream-region us1 watch",
            f"{PROG} watch --count 5 | jq -c .payload",
            f"{PROG} watch --topic event-v1/all --from earliest --timeout 30",
        ],
        w.translate(
            "CliHelp",
            "The stream key (Data Request Token or Admin Console key) comes from CCDESK_STREAM_KEY or the keyring "
            "({prog} login --stream-key).",
        ).format(prog=PROG),
    )
    watch.add_argument(
        "--topic",
        metavar="NAMESPACE/TOPIC",
        help=w.translate("CliHelp", "topic to read (default: the profile's, else agent-v1/AGENT)"),
    )
    watch.add_argument(
        "--from",
        dest="start",
        default="latest",
        metavar="latest|earliest|ID",
        help=w.translate(
            "CliHelp", "where to start: latest (default), earliest (everything kept), or after a message id"
        ),
    )
    watch.add_argument(
        "--count", type=_count, metavar="N", help=w.translate("CliHelp", "stop after N events")
    )
    return parser


def wants_json(argv: Sequence[str]) -> bool:
    """Whether --json was given (before any `--`): argument errors are then JSON too, before parsing succeeded."""
    return given(argv, "--json")
