"""ccdesk-cli's help and usage errors as a person meets them (issue 12, the command line).

Every command's --help says what it does and shows an example; every argument has help; the global options are
listed once (in `ccdesk-cli --help`) yet accepted before or after the command; the commands are listed in the
order a person works; a typo gets "did you mean"; a usage error exits 2 with nothing sent, and with --json it
is a JSON object on stdout too.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from collections.abc import Callable

import pytest
from cli_run import Run, runner

from ccdesk.cli_parser import build_parser
from ccdesk.sim import Simulator

AGENT = "ag0VYyLh0YTsymdbtYIaaaa"
TENANT = "acmecorp01"
COMMANDS = ["call", "hangup", "end", "codes", "free", "set-status", "agents", "login", "recent", "watch"]
GLOBALS = ["--profile", "--platform", "--base-url", "--tenant", "--username", "--home", "--stream-url"]
GLOBALS += ["--stream-region", "--json", "--verbose", "--timeout"]


@pytest.fixture
def run(env: dict[str, str]) -> Callable[..., Run]:
    return runner(env)


def _subparsers() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    [commands] = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return dict(commands.choices)


def test_the_commands_are_the_contracts() -> None:
    assert list(_subparsers()) == COMMANDS


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_help_has_a_description_an_example_and_no_global_options(run, command: str) -> None:
    shown = run(command, "--help")
    assert shown.code == 0 and shown.err == ""
    usage, _, rest = shown.out.partition("\n\n")
    assert usage.startswith(f"usage: ccdesk-cli {command} ")
    description = rest.split("\n\n")[0]
    assert not description.startswith(("positional arguments", "options"))
    assert len(description.split()) >= 10 and description.rstrip().endswith(".")  # one or two sentences
    examples = shown.out.split("examples:\n", 1)[1].split("\n\n")[0].splitlines()
    assert examples and all("ccdesk-cli " in line and command in line for line in examples[:1])
    assert any(re.search(rf"ccdesk-cli .*\b{re.escape(command)}\b", line) for line in examples)
    for option in GLOBALS:  # listed once, in ccdesk-cli --help: neither in the usage nor as an option here
        assert option not in usage, option
        assert not re.search(rf"^\s+(?:-\w, )?{re.escape(option)}\b", shown.out, re.M), option
    assert "go before or after the command: 'ccdesk-cli --help' lists them." in " ".join(shown.out.split())


@pytest.mark.parametrize("command", COMMANDS)
def test_every_argument_of_every_command_has_help(command: str) -> None:
    parser = _subparsers()[command]
    for action in parser._actions:
        if action.help == argparse.SUPPRESS:
            assert set(action.option_strings) & {*GLOBALS, "--agent", "-v"}, action  # only the hidden globals
            continue
        assert action.help and len(action.help.split()) >= 2, (command, action.dest)
        if not action.option_strings:
            assert (action.metavar and action.metavar.isupper()) or ":" in (action.metavar or ""), action.dest


def test_the_top_help_lists_the_global_options_once_and_the_commands_in_working_order(run) -> None:
    shown = run("--help")
    assert shown.code == 0 and shown.err == ""
    text = shown.out
    assert text.startswith("usage: ccdesk-cli [global options] COMMAND")
    assert "global options (before or after the command" in text
    for option in [*GLOBALS, "--agent"]:
        assert len(re.findall(rf"^\s+(?:-\w, )?{re.escape(option)}\b", text, re.M)) == 1, option
    listing = text.split("commands:\n", 1)[1].split("\n\n")[0]
    first = [re.match(r"\s+([a-z-]+)", line) for line in listing.splitlines() if line.startswith("    ")]
    order = list(dict.fromkeys(m.group(1) for m in first if m))
    assert order == COMMANDS
    titles = [line.strip() for line in listing.splitlines() if line.startswith("  ") and line.endswith(":")]
    assert titles == [
        "Calls (the agent's two lines):",
        "The agent's status:",
        "Supervisor (many agents at once):",
        "Setup:",
        "Journal:",
        "Event stream:",
    ]
    assert "free --agent ID..." in listing and "set-status STATUS --agent ID..." in listing
    assert "examples:" in text and "Exit codes:" in text


def test_version_goes_to_stdout(run) -> None:
    shown = run("--version")
    assert shown.code == 0 and shown.out.startswith("ccdesk ")


def test_global_options_are_accepted_after_the_command(run, env: dict[str, str], sim: Simulator) -> None:
    after = run(
        "agents",
        "--base-url",
        env["CCDESK_BASE_URL"],
        "--tenant",
        TENANT,
        "--username",
        TENANT,
        "--agent",
        AGENT,
        "--home",
        env["CCDESK_HOME"],
        "--timeout",
        "5",
        "--stream-region",
        "us1",
        "-v",
        "--json",
    )
    assert after.code == 0, after.err
    assert after.json["ok"] is True and "GET" in after.err  # --json and -v took effect
    before = run("--json", "--tenant", TENANT, "--timeout", "5", "agents")
    assert before.code == 0 and before.json["agents"] == after.json["agents"]


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["hang-up", "int-1"], "Unknown command 'hang-up': did you mean 'hangup'?"),
        (["set-staus", "available"], "did you mean 'set-status'?"),
        (["call", "+16175551984", "--forse"], "Unknown option '--forse': did you mean '--force'?"),
        (["end", "int-1", "--end-wrapup"], "did you mean '--end-wrap-up'?"),
        (["set-status", "availble"], "did you mean 'available'?"),
        (["agents", "--status", "wrapup"], "did you mean 'wrap-up'?"),
    ],
)
def test_a_typo_gets_did_you_mean_exit_2_and_nothing_sent(
    run, sim: Simulator, argv: list[str], said: str
) -> None:
    done = run(*argv)
    assert done.code == 2
    assert said in done.err and done.err.startswith("ccdesk-cli: ")
    assert "invalid choice" not in done.err and "Traceback" not in done.err
    assert sim.requests == []


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["end"], "The following arguments are required: INTERACTION. See 'ccdesk-cli end --help'."),
        (["codes", "int-1"], "LIST:ITEM"),
        (["free", "--line", "3"], "--line: the agent has line 1 and line 2; got '3'"),
        (["frobnicate"], "the commands are call, hangup, end, codes, free, set-status, agents, login"),
        (["recent", "extra"], "Unexpected argument 'extra'."),
    ],
)
def test_usage_errors_say_what_is_wrong_and_where_the_help_is(
    run, sim: Simulator, argv: list[str], said: str
) -> None:
    done = run(*argv)
    assert done.code == 2 and said in done.err
    assert "usage:" not in done.err  # one line that says it, not argparse's usage dump
    assert sim.requests == []


@pytest.mark.parametrize(
    "argv",
    [
        ["--json", "codes", "int-1", "12"],
        ["codes", "int-1", "12", "--json"],
        ["--json", "hang-up", "int-1"],
        ["end", "--json"],
        ["--json"],
        ["--json", "agents", "--status", "nope"],
    ],
)
def test_with_json_a_usage_error_is_a_json_object_on_stdout(run, sim: Simulator, argv: list[str]) -> None:
    done = run(*argv)
    assert done.code == 2
    answer = done.json
    assert answer["ok"] is False and answer["exit_code"] == 2
    assert answer["error"] and answer["message"]
    assert done.err.startswith("ccdesk-cli: ") and answer["message"] in done.err  # the person still reads it
    assert sim.requests == []


def test_the_program_exits_2_on_a_typo_and_0_on_help(env: dict[str, str]) -> None:
    def program(*argv: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "ccdesk.cli", *argv],
            env={**env, "PATH": "/usr/bin:/bin"},
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )

    typo = program("hang-up", "int-1")
    assert typo.returncode == 2 and "did you mean 'hangup'?" in typo.stderr and typo.stdout == ""
    helped = program("end", "--help")
    assert helped.returncode == 0 and "examples:" in helped.stdout and helped.stderr == ""


FRENCH = {"LANG": "fr_CA.UTF-8"}


def test_help_follows_the_system_s_language(run) -> None:
    shown = run("--help", extra_env=FRENCH)
    assert shown.code == 0
    text = shown.out.replace("\u00a0", " ")
    assert text.startswith("utilisation : ccdesk-cli [options globales] COMMANDE [options] [arguments]")
    assert "commandes :\n  Appels (les deux lignes de l'agent) :" in text
    assert "exemples :" in text and "Codes de sortie : 0 fait" in " ".join(text.split())
    command = run("free", "--help", extra_env=FRENCH).out.replace("\u00a0", " ")
    assert "options :\n  -h, --help" in command and "libérer seulement cette ligne" in command
    assert "Les options globales" in command


@pytest.mark.parametrize("env_language", [{"LANG": "fr_FR.UTF-8"}, {"LANGUAGE": "fr", "LANG": "de_DE.UTF-8"}])
def test_what_scripts_read_stays_english_in_a_french_system(
    run, sim: Simulator, env_language: dict[str, str]
) -> None:
    refused = run("codes", "int-1", "12", extra_env=env_language)  # a usage error: words a script may match
    assert refused.code == 2 and "is not LIST:ITEM" in refused.err and "utilisation" not in refused.err
    listed = run("recent", extra_env=env_language)
    assert listed.code == 0 and listed.err.startswith("0 most recent call(s) in ")
    assert run("--help", extra_env={**env_language, "LC_ALL": "C"}).out.startswith("usage: ")  # C is English


def test_the_window_s_help_is_french_with_lang_fr(capsys: pytest.CaptureFixture[str]) -> None:
    from ccdesk import app

    with pytest.raises(SystemExit) as done:
        app.main(["--lang", "fr", "--help"])
    assert done.value.code == 0
    shown = capsys.readouterr().out.replace("\u00a0", " ")
    assert shown.startswith("utilisation : ccdesk ")
    assert "--demo" in shown and "fonctionner avec le simulateur intégré" in shown
