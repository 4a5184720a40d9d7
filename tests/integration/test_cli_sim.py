"""ccdesk-cli and the client against the simulator over real HTTP on loopback.

The simulator was written from the API documents alone, so agreement here means both sides read them the same
way. Most commands run in-process (fast, same code path as the program); a whole call also runs as real
`ccdesk-cli` processes.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from cli_run import Run, runner

from ccdesk.core.credentials import MemoryStore
from ccdesk.core.journal import CallState, Journal
from ccdesk.core.paths import app_dirs
from ccdesk.sim import Simulator
from ccdesk.sim.server import RunningServer
from tests.doc_examples import DOC_PLACE_CALL_BODY

TENANT = "acmecorp01"
AGENT = "ag0VYyLh0YTsymdbtYIaaaa"
OTHER_AGENT = "agAQDqmvKiRbG4ekigNSmbbb"
TOKEN = "s3cret-Action-Token-0042"


@pytest.fixture
def run(env: dict[str, str]) -> Callable[..., Run]:
    return runner(env)


def _api_requests(sim: Simulator) -> list[tuple[str, str]]:
    return [(r.method, r.path) for r in sim.requests]


def test_a_whole_call(run, sim: Simulator, isolated_home: Path) -> None:
    placed = run(
        "call",
        "+1 (617) 555-1984",
        "--queue",
        "598",
        "--dialplan",
        "12",
        "--caller-id",
        "12015551212",
        "--force",
        "--data",
        "Name=Bilbo Baggins",
        "--data",
        "Loyalty Level=Gold",
        "--ctl",
        "AccountRef=BB123987",
        "--ctl",
        "DueDate=2022-12-25",
    )
    assert placed.code == 0, placed.err
    iid = placed.out.strip()
    assert iid.startswith("int-") and iid.endswith(f"-phone-00-{TENANT}")
    assert "+1 617-555-1984, sent as prefix 1, number 6175551984" in placed.err
    body = sim.requests[-1].json
    assert body == DOC_PLACE_CALL_BODY  # the document's example, sent by the command line
    [call] = sim.state.snapshot()["interactions"]
    assert (call["id"], call["line"]) == (iid, 1)
    assert call["ctlUserData"] == body["ctlUserData"]  # attached data kept on the interaction

    codes = run("codes", iid, "12:234", "2281:7361")
    assert codes.code == 0 and f"Transaction codes 12:234 2281:7361 set on call {iid}." in codes.err
    assert sim.requests[-1].json == {
        "selections": [{"id": 12, "codes": [{"id": 234}]}, {"id": 2281, "codes": [{"id": 7361}]}]
    }
    hung = run("hangup", iid)
    assert hung.code == 0 and f"Agent {AGENT} hung up call {iid}; wrap-up follows." in hung.err
    assert run("agents", "--json").json["agents"][0]["status"] == 8  # post-processing
    ended = run("end", iid, "--end-post-processing")
    assert ended.code == 0 and f"Call {iid} and its wrap-up ended." in ended.err
    assert sim.requests[-1].query == {"endPostProcessing": "true"}
    assert run("agents", "--json").json["agents"][0]["status"] == 4  # available again at once

    second = run("call", "6175551984", "--region", "US").out.strip()
    freed = run("free", "--line", "1")
    assert freed.code == 0 and f"Line 1 of agent {AGENT} freed (call {second} was on it)." in freed.err

    assert _api_requests(sim)[:5] == [
        ("POST", f"/api/v1/tenants/{TENANT}/calls"),
        ("PUT", f"/api/v1/tenants/{TENANT}/calls/{iid}/agent/{AGENT}/transaction-codes"),
        ("DELETE", f"/api/v1/tenants/{TENANT}/calls/{iid}/agent/{AGENT}"),
        ("GET", f"/api/v1/tenants/{TENANT}/agentstatus/agents"),
        ("DELETE", f"/api/v1/tenants/{TENANT}/calls/{iid}"),
    ]
    journal = Journal(app_dirs(isolated_home).journal_file)
    record = journal.by_interaction(iid)
    assert record is not None and record.state is CallState.ENDED
    assert record.codes == ("12:234", "2281:7361")
    # the second call's line was freed: its leg is cut, its wrap-up open (as 8x8 has it)
    assert [(c.interaction_id, c.state) for c in journal.open_calls()] == [(second, CallState.WRAP_UP)]


def test_json_output_is_machine_readable(run) -> None:
    placed = run("--json", "call", "+16175551984")
    assert placed.code == 0
    assert placed.json["ok"] is True and placed.json["interaction_id"].startswith("int-")
    assert placed.json["reasons"] == ["Call successfully initiated"]
    failed = run("end", "int-nope", "--json")
    assert failed.code == 4
    assert failed.json == {
        "ok": False,
        "error": "RejectedError",
        "status": 400,
        "exit_code": 4,
        "reasons": ["Interaction [int-nope] was not found."],
        "message": "Bad Request",
        "explanation": failed.json["explanation"],
    }


# Every documented fault reason, produced by the simulator's own rules.


def test_agent_busy_on_one_line(run) -> None:
    assert run("call", "+16175551984", "--queue", "598").code == 0
    busy = run("call", "+16175551985")
    assert busy.code == 4
    assert (
        f"Agent=[{AGENT}] not available to handle interaction, already on busy phone interaction" in busy.err
    )
    assert "add --force" in busy.err and "Force call" not in busy.err  # the next step, in the CLI's terms
    forced = run("call", "+16175551985", "--force")
    assert forced.code == 0 and "handling other interactions" in forced.err
    both = run("call", "+16175551986", "--force")
    assert both.code == 4
    assert f"Agent=[{AGENT}] not available to handle interaction" in both.err
    assert "already on busy" not in both.err


def test_agent_on_break_cannot_take_a_call(run, server: RunningServer) -> None:
    import httpx

    httpx.post(server.root_url + f"/_sim/agents/{AGENT}", json={"status": 3}).raise_for_status()
    refused = run("call", "+16175551984", "--force")
    assert refused.code == 4 and f"Agent=[{AGENT}] not available to handle interaction" in refused.err


def test_transaction_code_reasons(run) -> None:
    iid = run("call", "+16175551984", "--queue", "598").out.strip()
    bad = run("codes", iid, "12:999")
    assert bad.code == 4 and "Invalid transaction code, listId=[12] itemId=[999]" in bad.err
    single = run("codes", iid, "12:234", "12:235")
    assert single.code == 4 and "lists=[12] are not supporting multiple choice" in single.err
    unknown = run("codes", "int-184a0c5493f-nope-phone-00-acmecorp01", "12:234")
    assert (
        unknown.code == 4
        and "Interaction [int-184a0c5493f-nope-phone-00-acmecorp01] was not found." in unknown.err
    )


def test_interaction_reasons(run) -> None:
    iid = run("call", "+16175551984").out.strip()
    other = run("hangup", iid, "--agent", OTHER_AGENT)
    assert other.code == 4 and f"Interaction [{iid}] for agent [{OTHER_AGENT}] was not found" in other.err
    missing = run("end", "int-nothing")
    assert missing.code == 4 and "Interaction [int-nothing] was not found." in missing.err
    assert run("end", iid, "--end-post-processing").code == 0
    gone = run("end", iid)
    assert gone.code == 4 and "HTTP 410" in gone.err and "already terminated" in gone.err


def test_free_with_nothing_to_free_is_success(run) -> None:
    """8x8 answers 400 with "has no phone interactions" or "Failed to find any interaction on line" (the
    OpenAPI file's DeleteCallFaultResponse): the lines are free, which is what was asked."""
    nothing = run("free")
    assert nothing.code == 0, nothing.err
    assert nothing.err == f"Nothing to free: both lines of agent {AGENT} are already free.\n"
    assert (
        nothing.out == f"{AGENT}\tnothing to free\tAgent [{AGENT}] has no phone interactions in progress.\n"
    )
    line = run("free", "--line", "2")
    assert line.code == 0 and line.err == f"Nothing to free: line 2 of agent {AGENT} is already free.\n"
    assert "HTTP 400" not in line.err
    as_json = run("free", "--line", "2", "--json")
    assert as_json.code == 0 and as_json.json["ok"] is True
    assert as_json.json["results"][0]["outcome"] == "nothing to free"
    run("call", "+16175551984")
    everything = run("free")
    assert everything.code == 0 and everything.err == f"Both lines of agent {AGENT} freed.\n"


def test_authentication_and_authorization(run, sim: Simulator) -> None:
    wrong = run("free", extra_env={"CCDESK_TOKEN": "old-token"})
    assert wrong.code == 3 and "HTTP 401" in wrong.err and "new token" in wrong.err
    tenant = run("free", "--tenant", "someoneelse", "--username", TENANT)
    assert tenant.code == 3 and "HTTP 403" in tenant.err
    sim.agent_status_api = False
    off = run("agents")
    assert off.code == 3 and "403 - Forbidden." in off.err and "Agent Status API" in off.err


def test_roster_filter(run) -> None:
    listed = run("agents", "--status", "available", "--json")
    assert listed.code == 0
    agents = listed.json["agents"]
    assert agents and all(a["status"] == 4 for a in agents)
    assert any(a["agent_id"] == AGENT and a["name"] for a in agents)
    table = run("agents", "--status", "4,5")
    assert AGENT in table.out and table.out.count("\n") >= 2


# Retries


def test_503_on_a_delete_is_retried(run, sim: Simulator) -> None:
    run("call", "+16175551984")
    sim.add_fault("status", status=503, method="DELETE")
    freed = run("free")
    assert freed.code == 0
    assert [m for m, _ in _api_requests(sim)].count("DELETE") == 2


def test_retry_after_is_honoured(run, sim: Simulator) -> None:
    run("call", "+16175551984")
    sim.add_fault("status", status=429, retry_after=1, method="DELETE")
    assert run("free").code == 0
    assert [m for m, _ in _api_requests(sim)].count("DELETE") == 2


def test_retry_after_beyond_the_cap_is_reported_not_slept(run, sim: Simulator) -> None:
    sim.add_fault("status", status=429, retry_after=600, method="DELETE")
    limited = run("free")
    assert limited.code == 4 and "HTTP 429" in limited.err and "600 s" in limited.err
    assert [m for m, _ in _api_requests(sim)].count("DELETE") == 1


def test_503_on_place_call_is_sent_once(run, sim: Simulator) -> None:
    sim.add_fault("status", status=503, method="POST")
    failed = run("call", "+16175551984")
    assert failed.code == 5
    assert _api_requests(sim) == [("POST", f"/api/v1/tenants/{TENANT}/calls")]


def test_dropped_connection_after_sending_is_an_unknown_outcome(
    run, sim: Simulator, isolated_home: Path
) -> None:
    sim.add_fault("drop", method="POST")
    unknown = run("call", "+16175551984")
    assert unknown.code == 6
    assert "do not" in unknown.err.lower() or "before dialling again" in unknown.err
    assert _api_requests(sim) == [("POST", f"/api/v1/tenants/{TENANT}/calls")]
    [record] = Journal(app_dirs(isolated_home).journal_file).open_calls()
    assert record.state is CallState.UNKNOWN and record.number == "6175551984"


# Bad input: a clear message, exit 2, and nothing reaches the server.


@pytest.mark.parametrize(
    ("argv", "fragment"),
    [
        (("end", "../x"), "interaction"),
        (("end", "a/b"), "interaction"),
        (("end", "a?b"), "interaction"),
        (("end", "a#b"), "interaction"),
        (("hangup", " x"), "interaction"),
        (("end", ""), "interaction"),
        (("hangup", "int-1", "--agent", "../admin"), "agent"),
        (("free", "--line", "3"), "line 1 and line 2"),
        (("free", "--line", "0"), "line 1 and line 2"),
        (("codes", "int-1", "1:1", "1:2", "1:3", "1:4", "1:5", "1:6", "1:7"), "At most 6"),
        (("codes", "int-1", "12:234", "12:234"), "twice"),
        (("codes", "int-1", "12-234"), "LIST:ITEM"),
        (("call", "call me maybe"), "not a phone number"),
        (("call", "12"), "phone number"),
        (("call", "+16175551984", "--data", "novalue"), "NAME=VALUE"),
        (("call", "+16175551984", "--base-url", "http://example.com/api/v1"), "loopback"),
        (("call", "+16175551984", "--tenant", "acme/../x"), "tenant"),
        (("call", "+16175551984", "--platform", "mars1", "--base-url", ""), "platform"),
        (("frobnicate",), "unknown command 'frobnicate'"),
    ],
)
def test_bad_input_sends_nothing(run, sim: Simulator, argv: tuple[str, ...], fragment: str) -> None:
    extra = {"CCDESK_BASE_URL": ""} if "--platform" in argv else None
    result = run(*argv, extra_env=extra)
    assert result.code == 2, result.err
    assert fragment.lower() in result.err.lower()
    assert sim.requests == []


def test_missing_token_names_the_environment_variable(run, sim: Simulator) -> None:
    result = run("free", extra_env={"CCDESK_TOKEN": ""})
    assert result.code == 2 and "CCDESK_TOKEN" in result.err
    assert sim.requests == []


# The real program, as scripts run it.


def _cli(env: dict[str, str], *argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ccdesk.cli", *argv],
        env={**env, "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_ccdesk_cli_processes_through_a_whole_call(env: dict[str, str], sim: Simulator) -> None:
    placed = _cli(env, "call", "+1 617 555 1984", "--queue", "598")
    assert placed.returncode == 0, placed.stderr
    iid = placed.stdout.strip()
    assert iid.startswith("int-") and "\n" not in iid
    assert _cli(env, "codes", iid, "12:234").returncode == 0
    assert _cli(env, "hangup", iid).returncode == 0
    assert _cli(env, "end", iid, "--end-post-processing").returncode == 0
    free_line = _cli(env, "free", "--line", "1")
    assert free_line.returncode == 0 and "Nothing to free: line 1 of agent" in free_line.stderr
    sim.add_fault("drop", method="POST")
    assert _cli(env, "call", "+16175551984").returncode == 6


# Secrets


def test_the_token_appears_nowhere(
    run, sim: Simulator, isolated_home: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A whole session at debug level, a failure and a retry included: no log record, output or file has the token."""
    import base64
    import logging

    caplog.set_level(logging.DEBUG)
    for name in ("httpx", "httpcore", "ccdesk"):
        logging.getLogger(name).setLevel(logging.DEBUG)
    basic = base64.b64encode(f"{TENANT}:{TOKEN}".encode()).decode()
    store = MemoryStore()
    results = [run("-v", "login", stdin=TOKEN + "\n", extra_env={"CCDESK_TOKEN": ""}, store=store)]
    assert results[0].code == 0, results[0].err
    assert store.tokens == {f"{TENANT}@{TENANT}": TOKEN}
    iid = run("-v", "call", "+16175551984", "--queue", "598", store=store).out.strip()
    sim.add_fault("status", status=503, method="PUT")
    results += [
        run("-v", "codes", iid, "12:234", store=store),
        run("-v", "hangup", iid, extra_env={"CCDESK_TOKEN": ""}, store=store),
        run("-v", "end", iid, "--end-post-processing", store=store),
        run("-v", "free", extra_env={"CCDESK_TOKEN": "wrong-" + TOKEN}, store=store),
        run("-v", "agents", store=store),
    ]
    assert [r.code for r in results] == [0, 0, 0, 0, 3, 0]
    assert "retry" in results[1].err.lower() or "503" in results[1].err
    for result in results:
        assert "HTTP Request" in result.err or "->" in result.err  # the verbose log did print requests
        for secret in (TOKEN, basic):
            assert secret not in result.out and secret not in result.err
    for record in caplog.records:
        text = record.getMessage()
        assert TOKEN not in text and basic not in text
    files = [p for p in isolated_home.rglob("*") if p.is_file()]
    assert files, "the session should have written its config and journal"
    for path in files:
        data = path.read_bytes()
        assert TOKEN.encode() not in data and basic.encode() not in data, path


def test_without_a_keyring_the_command_line_names_ccdesk_token(run, sim: Simulator) -> None:
    """This machine, like CI, is a headless Linux box without Secret Service: login and token look-up say so."""
    from ccdesk.core.credentials import KeyringStore

    login = run("login", stdin=TOKEN + "\n", extra_env={"CCDESK_TOKEN": ""}, store=KeyringStore())
    assert login.code == 2 and "CCDESK_TOKEN" in login.err and "keyring" in login.err.lower()
    free = run("free", extra_env={"CCDESK_TOKEN": ""}, store=KeyringStore())
    assert free.code == 2 and "CCDESK_TOKEN" in free.err
    assert not [r for r in sim.requests if r.method != "GET"]  # nothing but the login check was sent


def test_login_keeps_the_profile_settings_it_does_not_touch(run, isolated_home: Path) -> None:
    from ccdesk.core.profiles import Choice, Config, Profile, ProfileStore

    store = ProfileStore(app_dirs(isolated_home).config_file)
    kept = Profile(
        "work",
        tenant=TENANT,
        agent_id=AGENT,
        queues=[Choice("598", "Sales")],
        dial_links_at_once=True,
        data_presets={"vip": {"ext": [["Tier", "Gold"]], "ctl": []}},
    )
    store.save(Config({"work": kept}, "work"))
    done = run("--profile", "work", "login", stdin=TOKEN + "\n", extra_env={"CCDESK_TOKEN": ""})
    assert done.code == 0, done.err
    after = store.load().profiles["work"]
    assert (
        after.queues == kept.queues and after.dial_links_at_once and after.data_presets == kept.data_presets
    )
