"""Supervisor commands of ccdesk-cli against the simulator over loopback HTTP: bulk free, set-status, stuck agents."""

from __future__ import annotations

import io
import json
import logging
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from ccdesk import cli as cli_module
from ccdesk.core.audit import AuditTrail, export_csv, read_csv
from ccdesk.core.credentials import MemoryStore
from ccdesk.core.journal import Journal
from ccdesk.core.paths import app_dirs
from ccdesk.sim import Simulator, TenantState
from ccdesk.sim.server import RunningServer, serve_in_thread

TENANT = "acmecorp01"
TOKEN = "sup3rvisor-token"
AGENTS = [f"agSim{n:04d}" for n in range(1, 51)]


@pytest.fixture
def sim() -> Simulator:
    simulator = Simulator(TenantState(extra_agents=50, seed=5), token=TOKEN, seed=5)
    for agent in AGENTS:
        simulator.state.place_call(agent, "1", "6175550100", "", queue_id="598")
    return simulator


@pytest.fixture
def server(sim: Simulator) -> Iterator[RunningServer]:
    with serve_in_thread(sim) as running:
        yield running


@pytest.fixture
def env(server: RunningServer, isolated_home: Path) -> dict[str, str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith("CCDESK_")}
    return {
        **base,
        "CCDESK_BASE_URL": server.url,
        "CCDESK_TENANT": TENANT,
        "CCDESK_TOKEN": TOKEN,
        "CCDESK_HOME": str(isolated_home),
        "CCDESK_AGENT": "ag0VYyLh0YTsymdbtYIaaaa",
    }


def cli(env: dict[str, str], *argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ccdesk.cli", *argv],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def lines_in_use(sim: Simulator) -> dict[str, list[object]]:
    return {
        a["agent-id"]: [x for x in a["lines"] if x]
        for a in sim.state.snapshot()["agents"]
        if a["agent-id"] in AGENTS
    }


def test_bulk_free_from_a_file_of_50_agents(env, sim, tmp_path) -> None:  # type: ignore[no-untyped-def]
    agents_file = tmp_path / "agents.csv"
    agents_file.write_text("agent id,name\n" + "".join(f"{a},Agent {a}\n" for a in AGENTS))
    sim.clear_requests()
    done = cli(env, "free", "--agents-file", str(agents_file), "--concurrency", "8")
    assert done.returncode == 0, done.stderr
    rows = [line.split("\t") for line in done.stdout.splitlines()]
    assert sorted(r[0] for r in rows) == AGENTS and {r[1] for r in rows} == {"done"}
    assert all("Hangup all calls for agent" in r[2] for r in rows)
    assert "[50/50]" in done.stderr and "50 agent(s): 50 done." in done.stderr
    assert all(not lines for lines in lines_in_use(sim).values())
    assert len([r for r in sim.requests if r.method == "DELETE"]) == 50


def test_the_worst_code_wins_and_failures_carry_reasons(env, sim) -> None:  # type: ignore[no-untyped-def]
    sim.add_fault(
        "status",
        status=403,
        reasons=["You are not authorized to access this tenant."],
        path_contains="agSim0002",
    )
    argv = ["free", "--line", "1", "--agent", "agSim0001", "--agent", "agSim0002", "--agent", "agSim0003"]
    done = cli(env, *argv, "--agent", "ag1LmqEeEYRoOti9KjIi_Dng")  # the last one has nothing on line 1
    assert done.returncode == 3  # the worst of 0 (done), 3 (403) and 0 (nothing to free), by severity
    rows = {line.split("\t")[0]: line.split("\t")[1:] for line in done.stdout.splitlines()}
    assert rows["agSim0001"][0] == "done" and rows["agSim0003"][0] == "done"
    assert rows["agSim0002"] == ["failed", "You are not authorized to access this tenant."]
    assert rows["ag1LmqEeEYRoOti9KjIi_Dng"][0] == "nothing to free"


def test_dry_run_sends_nothing(env, sim) -> None:  # type: ignore[no-untyped-def]
    sim.clear_requests()
    done = cli(env, "free", "--line", "2", "--agent", "agSim0001", "--agent", "ag/../x", "--dry-run")
    assert done.returncode == 2 and "agent" in done.stderr  # a hostile id is refused before anything
    done = cli(env, "free", "--line", "2", "--agent", "agSim0001", "--agent", "agSim0002", "--dry-run")
    assert done.returncode == 0
    assert done.stdout.splitlines() == [
        f"DELETE /tenants/{TENANT}/agents/agSim0001/calls/line/2",
        f"DELETE /tenants/{TENANT}/agents/agSim0002/calls/line/2",
    ]
    status = cli(
        env, "set-status", "on-break", "--code", "801:1725:Lunch", "--agent", "agSim0003", "--dry-run"
    )
    assert status.returncode == 0 and '"status-code-item-short-code": "Lunch"' in status.stdout
    assert sim.requests == []


def test_set_status_uses_the_bulk_endpoint(env, sim) -> None:  # type: ignore[no-untyped-def]
    sim.clear_requests()
    done = cli(env, "--json", "set-status", "available", *[x for a in AGENTS[:5] for x in ("--agent", a)])
    assert done.returncode == 0, done.stderr
    results = json.loads(done.stdout)["results"]
    assert [r["outcome"] for r in results] == ["done"] * 5
    [bulk] = sim.requests
    assert (bulk.method, bulk.path) == ("POST", f"/api/v1/tenants/{TENANT}/agentstatus/agents/bulk")
    assert [a["agent-id"] for a in bulk.json["agents"]] == AGENTS[:5]


def test_stuck_agents(env, sim, isolated_home) -> None:  # type: ignore[no-untyped-def]
    cli(env, "agents")  # first sight of everyone
    journal = Journal(app_dirs(isolated_home).journal_file)
    with journal.transaction() as db:  # ccdesk saw agSim0001 busy ten minutes ago
        db.execute("UPDATE agent_seen SET since = since - 600 WHERE agent_id = 'agSim0001'")
    journal.close()
    stuck = cli(env, "--json", "agents", "--stuck-minutes", "5")
    assert [a["agent_id"] for a in json.loads(stuck.stdout)["agents"]] == ["agSim0001"]
    assert json.loads(stuck.stdout)["agents"][0]["minutes_in_status"] >= 10


def test_every_action_is_in_the_audit_trail_and_the_csv_round_trips(
    env, sim, isolated_home, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    cli(env, "free", "--agent", "agSim0001", "--agent", "agSim0002", "--concurrency", "1")
    cli(env, "free", "--line", "1", "--agent", "agSim0003", "--dry-run")
    cli(env, "set-status", "on-break", "--agent", "agSim0004")
    iid = cli(env, "call", "+16175551984").stdout.strip()
    cli(env, "end", iid, "--end-post-processing")
    journal = Journal(app_dirs(isolated_home).journal_file)
    records = AuditTrail(journal).records()
    assert [(r.action, r.agent_id, r.outcome) for r in reversed(records)] == [
        ("free-lines", "agSim0001", "done"),
        ("free-lines", "agSim0002", "done"),
        ("free-line", "agSim0003", "dry run"),
        ("set-status", "agSim0004", "done"),
        ("place-call", "ag0VYyLh0YTsymdbtYIaaaa", "done"),
        ("end-call", "ag0VYyLh0YTsymdbtYIaaaa", "done"),
    ]
    assert {r.source for r in records} == {"cli"} and all(r.tenant == TENANT for r in records)
    assert records[0].request == f"DELETE /tenants/{TENANT}/calls/{iid}?endPostProcessing=true"
    target = tmp_path / "audit.csv"
    export_csv(records, target)
    assert read_csv(target) == records


class IdnaRefusal(httpx.HTTPTransport):
    """Real HTTP to the simulator, except that some agents' requests fail as IDNA fails on a bad host name."""

    def __init__(self, broken: set[str]) -> None:
        super().__init__()
        self.broken = broken

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if any(agent in request.url.path for agent in self.broken):
            raise UnicodeError("encoding with 'idna' codec failed (UnicodeError: label empty or too long)")
        return super().handle_request(request)


def test_bulk_accounts_for_every_agent_when_audit_writes_and_jobs_fail(  # type: ignore[no-untyped-def]
    env, sim, tmp_path, isolated_home, monkeypatch, capfd
) -> None:
    agents = AGENTS[:40]
    agents_file = tmp_path / "agents.txt"
    agents_file.write_text("".join(f"{a}\n" for a in agents))
    full_disk = {a for a in agents if int(a[-4:]) % 5 == 0}  # every 5th agent's audit row cannot be written
    broken = {"agSim0007", "agSim0015", "agSim0033"}  # agSim0015 is in both
    record = AuditTrail.record

    def record_or_disk_full(self: AuditTrail, who, result):  # type: ignore[no-untyped-def]
        if result.operation.agent_id in full_disk:
            raise sqlite3.OperationalError("database or disk is full")
        return record(self, who, result)

    monkeypatch.setattr(AuditTrail, "record", record_or_disk_full)
    monkeypatch.setattr(logging.getLogger(), "handlers", [])  # as in a real process without -v (not pytest's)

    def run(*argv: str) -> tuple[int, str, str]:
        out, err = io.StringIO(), io.StringIO()
        code = cli_module.main(
            list(argv),
            env=env,
            store=MemoryStore(),
            transport=IdnaRefusal(broken),
            stdin=io.StringIO(),
            stdout=out,
            stderr=err,
        )
        return code, out.getvalue(), err.getvalue()

    code, out, err = run("free", "--agents-file", str(agents_file), "--concurrency", "4")
    assert code == 1  # ccdesk itself failed for some agents: worse than the platform's answers
    rows = [line.split("\t") for line in out.splitlines()]
    assert sorted(r[0] for r in rows) == agents and all(len(r) == 3 for r in rows)  # one line each
    outcomes = {r[0]: (r[1], r[2]) for r in rows}
    for agent in broken:
        assert outcomes[agent] == (
            "failed",
            "ccdesk internal error: UnicodeError: encoding with 'idna' codec failed (UnicodeError: label empty "
            "or too long) (details in the log)",
        )
    assert {outcomes[a][0] for a in set(agents) - broken} == {"done"}
    assert "Traceback" not in err
    journal_file = app_dirs(isolated_home).journal_file
    assert err.count("audit trail") == 1 and str(journal_file) in err and "the disk is full" in err
    assert "8 of 40" in err and "ccdesk itself failed for 3 agent(s)" in err
    journal = Journal(journal_file)
    recorded = sorted(r.agent_id for r in AuditTrail(journal).records())
    journal.close()
    assert recorded == sorted(set(agents) - full_disk)  # one row for every agent whose row could be written

    code, out, err = run("--json", "free", "--agents-file", str(agents_file))
    assert code == 1 and "Traceback" not in err
    document = json.loads(out)  # one document, one result per agent
    assert sorted(r["agent_id"] for r in document["results"]) == agents and document["ok"] is False
    assert {r["agent_id"] for r in document["results"] if not r["recorded"]} == full_disk
    assert {r["agent_id"] for r in document["results"] if r["outcome"] == "failed"} == broken
    assert "Traceback" not in capfd.readouterr().err  # nor on the process's own stderr (no -v: no log there)
