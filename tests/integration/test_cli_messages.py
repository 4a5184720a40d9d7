"""What ccdesk-cli says, against the simulator over real HTTP (issue 12, points 4 and 5 on the command line).

Errors go through the one presentation: "ccdesk-cli: <plain words and the next step>" first, in the command
line's terms (`--force`, not a check box), then 8x8's words on their own line; never an exception's class name,
never a sentence twice. Success is said in ccdesk's words, never 8x8's raw "… was successful". Nothing to free is
success. One vocabulary: wrap-up.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import httpx
import pytest
from cli_run import Run, runner

from ccdesk import cli
from ccdesk.sim import Simulator
from ccdesk.sim.server import RunningServer

AGENT = "ag0VYyLh0YTsymdbtYIaaaa"
TENANT = "acmecorp01"
#: CamelCase words ending in Error or Exception: an exception's class name
CLASS_NAME = re.compile(r"\b[A-Z][a-z]+(?:[A-Z][a-z]+)*(?:Error|Exception)\b")


@pytest.fixture
def run(env: dict[str, str]) -> Callable[..., Run]:
    return runner(env)


def _sentences(text: str) -> list[str]:
    return [s.strip().lower() for s in re.split(r"(?<=[.!?])\s+", text) if s.strip()]


def assert_presented(err: str) -> None:
    """The one presentation: a "ccdesk-cli: " line, then at most one "8x8 said"/"Details" line; said once."""
    lines = err.splitlines()
    assert lines[0].startswith("ccdesk-cli: "), err
    assert all(line.startswith(("  8x8 said: ", "  Details: ")) for line in lines[1:]), err
    assert len(lines) <= 2, err
    said = _sentences(lines[0])
    assert len(said) == len(set(said)), err
    assert not CLASS_NAME.search(err), err


def test_a_busy_agent_is_told_to_add_force_then_8x8s_words(run) -> None:
    assert run("call", "+16175551984").code == 0
    busy = run("call", "+16175551985")
    assert busy.code == 4
    assert_presented(busy.err)
    first, second = busy.err.splitlines()
    assert first == (
        "ccdesk-cli: Nothing was dialled. The agent is on another call: add --force to use the free line, or "
        "free a line first (ccdesk-cli free --line 1|2)."
    )
    assert second == (
        f"  8x8 said: HTTP 400: Agent=[{AGENT}] not available to handle interaction, already on busy phone "
        "interaction"
    )
    assert "Tick" not in busy.err and "Force call" not in busy.err


def test_an_agent_on_break_is_named_not_guessed(run, server: RunningServer) -> None:
    httpx.post(f"{server.root_url}/_sim/agents/{AGENT}", json={"status": 3}).raise_for_status()
    refused = run("call", "+16175551984", "--force")
    assert refused.code == 4
    assert_presented(refused.err)
    assert refused.err.startswith(
        "ccdesk-cli: Nothing was dialled. The agent is on break, so 8x8 gives them no calls: set the agent's "
        "status to Available (ccdesk-cli set-status available), then dial again."
    )
    assert "both lines are busy" not in refused.err


def test_transport_and_auth_failures_are_plain_words(run) -> None:
    closed = run("hangup", "int-1", extra_env={"CCDESK_BASE_URL": "http://127.0.0.1:9/api/v1"})
    assert closed.code == 5
    assert_presented(closed.err)
    assert "Could not reach the 8x8 platform" in closed.err
    wrong = run("end", "int-1", extra_env={"CCDESK_TOKEN": "old-token"})
    assert wrong.code == 3
    assert_presented(wrong.err)
    assert "(ccdesk-cli login)" in wrong.err and "Settings" not in wrong.err
    assert wrong.err.splitlines()[1].startswith("  8x8 said: HTTP 401")


def test_a_bug_in_ccdesk_is_said_as_one_never_by_class_name(run, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(_ctx: object) -> int:
        raise KeyError("a-missing-key")

    monkeypatch.setitem(cli.COMMANDS, "recent", broken)
    done = run("recent")
    assert done.code == 1
    assert done.err == (
        "ccdesk-cli: Something failed inside ccdesk. This is a bug: please report it with the diagnostics (run "
        "again with --verbose).\n"
    )
    as_json = run("recent", "--json")
    assert as_json.code == 1 and as_json.json["error"] == "InternalError" and as_json.json["exit_code"] == 1
    assert "KeyError" not in as_json.out + as_json.err and "Traceback" not in as_json.err


def test_success_is_said_in_ccdesks_words(run) -> None:
    placed = run("call", "+16175551984", "--queue", "598")
    iid = placed.out.strip()
    assert placed.code == 0 and placed.out == f"{iid}\n"  # the contract: the interaction id alone on stdout
    said = [
        run("codes", iid, "12:234").err,
        run("hangup", iid).err,
        run("end", iid, "--end-wrap-up").err,
    ]
    second = run("call", "+16175551984").out.strip()
    said.append(run("free", "--line", "1").err)
    assert said == [
        f"Transaction codes 12:234 set on call {iid}.\n"
        "The call holds 12:234 (codes of lists not sent stay set; as far as ccdesk knows).\n",
        f"Agent {AGENT} hung up call {iid}; wrap-up follows.\n"
        f"  To end the call and its wrap-up: ccdesk-cli end {iid} --end-wrap-up\n",
        f"Call {iid} and its wrap-up ended.\n",
        f"Line 1 of agent {AGENT} freed (call {second} was on it).\n",
    ]
    for text in said:
        assert "successful" not in text and "interactionGuid" not in text and "Hangup" not in text


def test_end_wrap_up_is_the_contracts_end_post_processing(run, sim: Simulator) -> None:
    first = run("call", "+16175551984").out.strip()
    second = run("call", "+16175551985", "--force").out.strip()
    assert run("end", first, "--end-wrap-up").code == 0
    assert sim.requests[-1].query == {"endPostProcessing": "true"}
    assert run("end", second, "--end-post-processing").code == 0
    assert sim.requests[-1].query == {"endPostProcessing": "true"}
    assert "also end the wrap-up (8x8 calls it post-processing)" in " ".join(run("end", "--help").out.split())


def test_nothing_to_free_is_success_with_its_own_line(run, sim: Simulator) -> None:
    both = run("free")
    assert both.code == 0
    assert both.err == f"Nothing to free: both lines of agent {AGENT} are already free.\n"
    line = run("free", "--line", "1")
    assert line.code == 0
    assert line.err == f"Nothing to free: line 1 of agent {AGENT} is already free.\n"
    assert [r.method for r in sim.requests] == ["DELETE", "DELETE"]  # 8x8 was asked, and answered 400
    many = run("free", "--agent", AGENT, "--agent", "agAQDqmvKiRbG4ekigNSmbbb")
    assert many.code == 0 and "2 agent(s): 2 nothing to free." in many.err


def test_a_transaction_code_without_its_list_shows_the_form(run, sim: Simulator) -> None:
    done = run("codes", "x", "12")
    assert done.code == 2
    assert (
        done.err == "ccdesk-cli: '12' is not LIST:ITEM (for example 12:234). See 'ccdesk-cli codes --help'.\n"
    )
    letters = run("codes", "x", "12:abc")
    assert letters.code == 2 and "(LIST:ITEM, for example 12:234)" in letters.err
    assert "invalid" not in (done.err + letters.err).lower()
    assert sim.requests == []


@pytest.mark.parametrize("command", ["", "call", "hangup", "end", "codes", "free", "set-status", "agents"])
def test_help_speaks_one_vocabulary(run, command: str) -> None:
    text = " ".join(run(*([command] if command else []), "--help").out.split())
    cleaned = text.replace("--end-post-processing", "").replace("8x8 calls it post-processing", "")
    assert not re.search(r"post[- ]?processing", cleaned, re.I)
    assert not re.search(r"\bdial(?:ing|ed)\b|\bhang-up\b|interactionGuid", cleaned)
    if command in ("", "hangup", "end", "free", "agents"):
        assert "wrap-up" in text


def test_the_table_says_wrap_up_and_json_keeps_8x8s_status(run) -> None:
    iid = run("call", "+16175551984").out.strip()
    assert run("hangup", iid).code == 0
    table = run("agents", "--status", "wrap-up")
    assert table.code == 0
    [row] = [line for line in table.out.splitlines() if AGENT in line]
    assert "Wrap-up" in row and "Post-processing" not in table.out
    [agent] = run("agents", "--status", "8", "--json").json["agents"]
    assert (
        agent["status"] == 8 and agent["status_label"] == "Wrap-up"
    )  # the number is 8x8's; the label is ours
