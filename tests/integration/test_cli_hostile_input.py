"""Hostile input to ccdesk-cli: every bad id or bound is refused with exit 2 before anything is sent, and a
hostile value from the platform reaches the terminal escaped, never as raw escape codes or extra lines."""

from __future__ import annotations

import contextlib
import io
import json
import os
import threading
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest

from ccdesk import cli
from ccdesk.api.errors import InvalidInput
from ccdesk.core import bulk
from ccdesk.core.bulk import MAX_AGENTS_FILE, read_agents_file
from ccdesk.core.credentials import MemoryStore
from ccdesk.core.paths import app_dirs
from ccdesk.core.profiles import ProfileStore

AGENT = "ag0VYyLh0YTsymdbtYIaaaa"
TOKEN = "s3cret-Action-Token-0042"


@dataclass
class Platform:
    """A fake 8x8 behind httpx.MockTransport: keeps every request, answers with `answer`."""

    answer: Callable[[httpx.Request], httpx.Response] = lambda _request: httpx.Response(
        200, json={"reasons": ["ok"], "message": "OK", "interactionGuid": "int-1"}
    )
    requests: list[httpx.Request] = field(default_factory=list)

    def handle(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return self.answer(request)


@dataclass
class Run:
    code: int
    out: str
    err: str


@pytest.fixture
def platform() -> Platform:
    return Platform()


@pytest.fixture
def run(platform: Platform, isolated_home: Path) -> Callable[..., Run]:
    env = {
        "CCDESK_BASE_URL": "https://vcc-na12.8x8.com/api/v1",
        "CCDESK_TENANT": "acmecorp01",
        "CCDESK_AGENT": AGENT,
        "CCDESK_TOKEN": TOKEN,
        "CCDESK_HOME": str(isolated_home),
    }

    def invoke(
        *argv: str, extra_env: dict[str, str] | None = None, stdin: str = "", store: Any = None
    ) -> Run:
        out, err = io.StringIO(), io.StringIO()
        code = cli.main(
            list(argv),
            env={key: value for key, value in {**env, **(extra_env or {})}.items() if value is not None},
            store=store or MemoryStore(),
            transport=httpx.MockTransport(platform.handle),
            stdin=io.StringIO(stdin),
            stdout=out,
            stderr=err,
        )
        return Run(code, out.getvalue(), err.getvalue())

    return invoke


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["call", "+16175551984", "--queue", "5\x0198"], "queue id must be digits"),
        (["call", "+16175551984", "--queue", "q\u202e1"], "queue id must be digits"),
        (["call", "+16175551984", "--queue", "\uff14"], "queue id must be digits"),  # full-width 4
        (["call", "+16175551984", "--dialplan", "1" * 100_000], "dial plan id is too long"),
        (["call", "+16175551984", "--caller-id", "1" * 5000], "caller id is too long"),
        (["call", "+16175551984", "--caller-id", "\u0661\u0662"], "caller id must be digits"),  # Arabic-Indic
        (["call", "+16175551984", "--data", "Name=a\x1b[31mb"], "control"),
        (["call", "+16175551984", "--agent", "ag\u202eX"], "agent id"),
        (["codes", "int-1", "1" * 20 + ":1"], "transaction code list id"),
        (["codes", "int-1", "\uff11:2"], "transaction code list id"),
        (["end", "int-1\nx"], "interaction id"),
        (["hangup", "int\u202e1"], "interaction id"),
        (["set-status", "on-break", "--code", "1" * 20 + ":1:Lunch"], "status code list id"),
        (["set-status", "on-break", "--code", "801:1725:Lu\x1bnch"], "short code"),
        (["free", "--agent", "a\x00b"], "agent id"),
        (["free", "--concurrency", "\uff14"], "concurrency"),
        (["free", "--concurrency", "65"], "concurrency"),
        (["free", "--concurrency", "0"], "concurrency"),
        (["agents", "--stuck-minutes", "nan"], "finite"),
        (["agents", "--stuck-minutes", "inf"], "finite"),
        (["agents", "--stuck-minutes", "-1"], "finite"),
        (["agents", "--group", "g\u202e1"], "group id"),
    ],
)
def test_each_hostile_id_is_refused_with_exit_2_and_nothing_sent(
    run: Callable[..., Run], platform: Platform, argv: list[str], said: str
) -> None:
    done = run(*argv)
    assert done.code == 2, done.err
    assert said in done.err
    assert platform.requests == []
    assert "\x1b" not in done.err and "\u202e" not in done.err  # the refused value is quoted escaped


def test_dev_zero_as_agents_file_is_refused_with_bounded_memory(
    run: Callable[..., Run], platform: Platform
) -> None:
    done = run("free", "--agents-file", "/dev/zero", "--dry-run")
    assert done.code == 2 and "NUL" in done.err
    tracemalloc.start()
    try:
        with pytest.raises(cli.InvalidInput):
            read_agents_file(Path("/dev/zero"))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 2 * 1024 * 1024
    assert platform.requests == []


def _sparse_huge(path: Path) -> None:
    with path.open("wb") as out:
        out.truncate(11 * 1024 * 1024)  # sparse: its size refuses it before a byte is read


def _nuls(path: Path) -> None:
    path.write_bytes(b"ag1\n" + b"\0" * 4096)


def _one_endless_line(path: Path) -> None:
    path.write_bytes(b"a\n" + b" " * (1024 * 1024))  # far past a line's bound, well within the size


def _too_many_agents(path: Path) -> None:
    path.write_text("".join(f"ag{i}\n" for i in range(MAX_AGENTS_FILE + 1)))


def _too_many_bytes(path: Path) -> None:
    path.write_bytes(b"a\n" * (6 * 1024 * 1024))  # 12 MB of short lines, one agent


@pytest.mark.parametrize(
    ("write", "said"),
    [
        (_sparse_huge, "larger than 10 MB"),
        (_nuls, "NUL"),
        (_one_endless_line, "longer than"),
        (_too_many_agents, f"more than {MAX_AGENTS_FILE:,}"),
        (_too_many_bytes, "larger than 10 MB"),
    ],
    ids=["sparse-huge", "nuls", "endless-line", "too-many-agents", "too-many-bytes"],
)
def test_an_oversized_or_overlong_agents_file_is_refused(
    run: Callable[..., Run], platform: Platform, tmp_path: Path, write: Callable[[Path], None], said: str
) -> None:
    path = tmp_path / "agents.csv"
    write(path)
    done = run("free", "--agents-file", str(path))
    assert done.code == 2 and said in done.err, done.err
    assert platform.requests == []


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="a named pipe")
def test_a_pipe_has_no_size_and_is_bounded_as_it_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bulk, "MAX_AGENTS_FILE_BYTES", 200_000)
    fifo = tmp_path / "agents.fifo"
    os.mkfifo(fifo)

    def write() -> None:
        with contextlib.suppress(BrokenPipeError):  # the reader stops at the bound and closes its end
            fifo.write_bytes(b"a\n" * 200_000)

    writer = threading.Thread(target=write)
    writer.start()
    try:
        with pytest.raises(InvalidInput, match="is larger than"):
            read_agents_file(fifo)
    finally:
        writer.join(5)


def test_an_agents_file_within_the_bounds_is_read_in_order(run: Callable[..., Run], tmp_path: Path) -> None:
    path = tmp_path / "agents.csv"
    path.write_text("\ufeffagent_id,name\nag1,Ann\n\n# note\nag2,Bob\nag1,Ann again\n", encoding="utf-8")
    done = run("free", "--agents-file", str(path), "--dry-run")
    assert done.code == 0, done.err
    assert [line.split()[1] for line in done.out.splitlines()] == [
        "/tenants/acmecorp01/agents/ag1/calls",
        "/tenants/acmecorp01/agents/ag2/calls",
    ]


def test_a_bad_id_inside_the_agents_file_names_its_row(run: Callable[..., Run], tmp_path: Path) -> None:
    path = tmp_path / "agents.csv"
    path.write_text("ag1\nag\u202e2\n", encoding="utf-8")
    done = run("free", "--agents-file", str(path), "--dry-run")
    assert done.code == 2 and "row 2" in done.err


def test_a_hostile_interaction_id_is_printed_escaped_on_one_line(
    run: Callable[..., Run], platform: Platform
) -> None:
    hostile = "int-1\x1b[31m\nrm -rf ~\u202e"
    platform.answer = lambda _r: httpx.Response(200, json={"reasons": ["ok"], "interactionGuid": hostile})
    done = run("call", "+16175551984")
    assert done.code == 0, done.err
    assert done.out == "int-1\\x1b[31m\\nrm -rf ~\\u202e\n"
    assert "\x1b" not in done.err
    as_json = run("call", "+16175551984", "--json")
    assert json.loads(as_json.out)["interaction_id"] == hostile and as_json.out.isascii()


def test_hostile_reasons_and_agent_names_are_escaped(run: Callable[..., Run], platform: Platform) -> None:
    platform.answer = lambda _r: httpx.Response(
        200,
        json={"data": [{"agent-id": AGENT, "agent-status": 4, "agent-name": "Eve\x1b]0;owned\x07\nX"}]},
    )
    agents = run("agents")
    assert agents.code == 0, agents.err
    assert "\x1b" not in agents.out and "\x07" not in agents.out
    assert len(agents.out.splitlines()) == 2  # the header and the agent's one row
    platform.answer = lambda _r: httpx.Response(
        207,
        json={"data": [{"agent-id": AGENT, "change-status": 400, "reason": "bad\x1b[2J\nstatus"}]},
    )
    status = run("set-status", "on-break", "--agent", AGENT, "--agent", "ag2")
    assert "\x1b" not in status.out + status.err
    assert all(line.count("\t") == 2 for line in status.out.splitlines())


def test_readme_login_creates_the_profile_on_a_fresh_home(
    run: Callable[..., Run], platform: Platform, isolated_home: Path
) -> None:
    platform.answer = lambda _r: httpx.Response(200, json={"agent-id": AGENT, "agent-status": 4})
    fresh = {"CCDESK_BASE_URL": None, "CCDESK_TENANT": None, "CCDESK_AGENT": None, "CCDESK_TOKEN": None}
    store = MemoryStore()
    done = run(
        "--profile", "work", "--platform", "na12", "--tenant", "acmecorp01", "--agent", AGENT, "login",
        stdin=TOKEN + "\n", extra_env=fresh, store=store,
    )  # fmt: skip
    assert done.code == 0, done.err
    saved = ProfileStore(app_dirs(isolated_home).config_file).load()
    assert saved.profiles["work"].tenant == "acmecorp01" and saved.profiles["work"].platform == "na12"
    assert saved.default_profile == "work"
    other = run("--profile", "nosuch", "free", extra_env=fresh, store=store)
    assert other.code == 2 and "There is no profile named 'nosuch'" in other.err
