"""ccdesk-cli against the simulator over loopback HTTP where the 8x8 documents allow two readings.

Each test checks the exact request sent and what the command says and exits with: a 500 or a web page, the
amended transaction codes, the bulk status endpoint's method (remembered per profile), status codes sent whole,
roster groups and pages, and which 403 means the Agent Status API is switched off.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from cli_run import Run, runner

from ccdesk.core.paths import app_dirs
from ccdesk.core.profiles import Config, Profile, ProfileStore
from ccdesk.sim import Simulator, TenantState
from ccdesk.sim.server import RunningServer, serve_in_thread

TENANT = "acmecorp01"
AGENT = "ag0VYyLh0YTsymdbtYIaaaa"
OTHER = "agAQDqmvKiRbG4ekigNSmbbb"
TOKEN = "s3cret-Action-Token-0042"
BULK = f"/api/v1/tenants/{TENANT}/agentstatus/agents/bulk"


@pytest.fixture
def run(env: dict[str, str]) -> Callable[..., Run]:
    return runner(env)


def held(sim: Simulator, iid: str) -> list[str]:
    [call] = [c for c in sim.state.snapshot()["interactions"] if c["id"] == iid]
    return [f"{lst['id']}:{code['id']}" for lst in call["codes"] for code in lst["codes"]]


# -- place call: a 500 is an unknown outcome -----------------------------------------------------------------


def test_a_500_answering_place_call_exits_6_and_the_call_is_kept_as_maybe_live(run, sim: Simulator) -> None:
    sim.add_fault("status", status=500, method="POST", path_contains="/calls", apply=True)
    done = run("call", "+16175551984", "--queue", "598")
    assert done.code == 6, done.err
    assert "HTTP 500" in done.err and "may have been placed" in done.err
    assert "Check the agent's lines before dialling again" in done.err
    assert [r.method for r in sim.requests] == ["POST"]  # sent once, never again
    assert run("--json", "recent").json["calls"][0]["state"] == "unknown"


def test_a_sign_in_page_answering_hang_up_exits_5_never_success(run, sim: Simulator) -> None:
    iid, _ = sim.state.place_call(AGENT, "1", "6175551984", "", queue_id="598")
    sim.add_fault("status", status=200, body="html", method="DELETE")
    done = run("--json", "hangup", iid)
    assert done.code == 5
    assert done.json["error"] == "ProxyAnswerError"
    assert "a proxy or sign-in page answered instead of 8x8" in done.json["explanation"].lower()
    assert len([r for r in sim.requests if r.method == "DELETE"]) == 1


# -- transaction codes amend ---------------------------------------------------------------------------------


def test_codes_amend_and_the_command_says_what_the_call_holds(run, sim: Simulator) -> None:
    iid = run("call", "+16175551984", "--queue", "598").out.strip()
    assert run("codes", iid, "12:234", "2281:7361").code == 0
    second = run("--json", "codes", iid, "2281:7362", "4410:1")
    assert second.code == 0, second.err
    assert second.json["held"] == ["12:234", "2281:7362", "4410:1"] == held(sim, iid)
    [put] = [r for r in sim.requests if r.method == "PUT"][-1:]
    assert put.path == f"/api/v1/tenants/{TENANT}/calls/{iid}/agent/{AGENT}/transaction-codes"
    assert put.json == {
        "selections": [{"id": 2281, "codes": [{"id": 7362}]}, {"id": 4410, "codes": [{"id": 1}]}]
    }
    human = run("codes", iid, "3050:9101")
    assert "The call holds 12:234 2281:7362 4410:1 3050:9101" in human.err
    too_many = run("codes", iid, *(f"2281:{i}" for i in range(7362, 7366)))  # 4 sent, 7 held after the amend
    assert too_many.code == 4
    assert "a maximum of 6 codes can be assigned" in too_many.err
    assert "counting those already set on it" in too_many.err
    assert "does not exist" not in too_many.err
    assert sorted(held(sim, iid)) == ["12:234", "2281:7362", "3050:9101", "4410:1"]  # refused whole


# -- bulk status: the method, remembered per profile ---------------------------------------------------------


@pytest.fixture
def profile(isolated_home: Path, server: RunningServer) -> ProfileStore:
    store = ProfileStore(app_dirs(isolated_home).config_file)
    work = Profile(name="work", base_url=server.url, tenant=TENANT, agent_id=AGENT)
    store.save(Config(profiles={"work": work}, default_profile="work"))
    return store


def test_set_status_falls_back_to_put_and_the_profile_remembers_it(
    run, sim: Simulator, profile: ProfileStore
) -> None:
    sim.bulk_status_method = "PUT"  # a tenant whose endpoint follows the guide
    first = run("--profile", "work", "set-status", "on-break", "--code", "801:1725:Lunch", "--agent", OTHER)
    assert first.code == 0, first.err
    assert [(r.method, r.path) for r in sim.requests] == [("POST", BULK), ("PUT", BULK)]
    assert (
        sim.requests[0].json
        == sim.requests[1].json
        == {
            "agents": [
                {
                    "agent-id": OTHER,
                    "agent-status": 3,
                    "status-code-list-id": 801,
                    "status-code-item-id": 1725,
                    "status-code-item-short-code": "Lunch",
                }
            ]
        }
    )
    assert "takes PUT" in first.err
    assert profile.load().profiles["work"].bulk_status_method == "PUT"
    assert first.out.split("\t")[:2] == [OTHER, "done"]
    sim.clear_requests()
    dry = run("--profile", "work", "set-status", "available", "--agent", OTHER, "--dry-run")
    assert (
        dry.out.strip()
        == f'PUT /tenants/{TENANT}/agentstatus/agents/bulk {{"agent-id": "{OTHER}", "agent-status": 4}}'
    )
    second = run("--profile", "work", "set-status", "available", "--agent", OTHER)
    assert second.code == 0 and "takes" not in second.err
    assert [r.method for r in sim.requests] == ["PUT"]
    assert sim.state.agent_record(OTHER)["agent-status"] == 4


def test_set_status_sends_post_first_where_the_profile_knows_nothing(run, sim: Simulator) -> None:
    done = run("set-status", "work-offline", "--code", "801:1722:Meet", "--agent", OTHER)
    assert done.code == 0, done.err
    assert [(r.method, r.path) for r in sim.requests] == [("POST", BULK)]
    assert "takes" not in done.err  # nothing to remember: the first method worked (and no profile is saved)


@pytest.mark.parametrize("code", ["801:1725:", "801:1725: "])
def test_a_status_code_without_its_short_code_is_refused_unsent(run, sim: Simulator, code: str) -> None:
    done = run("set-status", "on-break", "--code", code, "--agent", OTHER)
    assert done.code == 2
    assert sim.requests == []


# -- the roster: groups and pages ----------------------------------------------------------------------------


def test_agents_of_one_group(run, sim: Simulator) -> None:
    done = run("--json", "agents", "--group", "300")
    assert done.code == 0, done.err
    expected = sorted(a.id for a in sim.state.agents.values() if "300" in a.groups)
    assert sorted(a["agent_id"] for a in done.json["agents"]) == expected and len(expected) == 6
    assert sim.requests[-1].query == {"groupId": "300", "pageSize": "500", "pageIndex": "0"}
    assert "6 of 6 agents in group 300 on acmecorp01" in run("agents", "--group", "300").err


def test_agents_of_a_large_tenant_come_whole(run, env: dict[str, str]) -> None:
    big = Simulator(TenantState(extra_agents=1100, seed=2), token=TOKEN, seed=2)
    with serve_in_thread(big) as server:
        done = run("--json", "agents", extra_env={"CCDESK_BASE_URL": server.url})
    assert done.code == 0, done.err
    assert len(done.json["agents"]) == len(big.state.agents) > 1100  # the demo tenant's and 1,100 more
    assert [r.query["pageIndex"] for r in big.requests] == ["0", "1", "2"]


# -- 403s ---------------------------------------------------------------------------------------------------


def test_login_tells_the_agent_status_api_switched_off_from_a_tenant_refusal(run, sim: Simulator) -> None:
    sim.agent_status_api = False
    off = run("login", stdin=TOKEN + "\n")
    assert off.code == 0
    assert "the Agent Status API is not enabled" in off.err
    sim.agent_status_api = True
    other = run("login", "--tenant", "othertenant", "--username", TENANT, stdin=TOKEN + "\n")
    assert other.code == 0
    assert "You are not authorized to access this tenant" in other.err
    assert "not enabled" not in other.err


def test_a_call_api_403_exits_3_without_blaming_the_agent_status_api(run) -> None:
    done = run("free", "--tenant", "othertenant", "--username", TENANT)
    assert done.code == 3
    assert "You are not authorized to access this tenant" in done.out + done.err
    assert "Agent Status" not in done.out + done.err
