"""ccdesk-cli with its own files broken: a short message naming the file and exit 2, never a traceback.

Settings that are merely wrong-typed do not stop a command: it runs, and says once (on stderr) what was ignored.
Runs in-process like test_cli_sim; as root here, permission cases are simulated by refusing the read or mkdir.
"""

from __future__ import annotations

import errno
import io
import json
import os
from dataclasses import dataclass
from pathlib import Path

import pytest

from ccdesk import cli
from ccdesk.core.credentials import MemoryStore
from ccdesk.core.paths import app_dirs
from ccdesk.core.profiles import ProfileStore
from ccdesk.sim import Simulator
from ccdesk.sim.server import RunningServer

TENANT = "acmecorp01"
AGENT = "ag0VYyLh0YTsymdbtYIaaaa"
TOKEN = "s3cret-Action-Token-0042"


@dataclass
class Run:
    code: int
    out: str
    err: str


@pytest.fixture
def config_file(isolated_home: Path) -> Path:
    return app_dirs(isolated_home).config_file


@pytest.fixture
def run(server: RunningServer, isolated_home: Path):  # type: ignore[no-untyped-def]
    """ccdesk-cli in-process; `configured=False` leaves tenant and host to the (broken) config file."""

    def invoke(*argv: str, configured: bool = True, stdin: str = "") -> Run:
        env = {"CCDESK_HOME": str(isolated_home), "CCDESK_TOKEN": TOKEN}
        if configured:
            env |= {"CCDESK_BASE_URL": server.url, "CCDESK_TENANT": TENANT, "CCDESK_AGENT": AGENT}
        out, err = io.StringIO(), io.StringIO()
        code = cli.main(
            list(argv), env=env, store=MemoryStore(), stdin=io.StringIO(stdin), stdout=out, stderr=err
        )
        return Run(code, out.getvalue(), err.getvalue())

    return invoke


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def refused(result: Run, path: Path, fragment: str, sim: Simulator) -> None:
    """Exit 2, the file and the problem named on one short message with its remedy, nothing sent."""
    assert result.code == 2, result.err
    assert "Traceback" not in result.err
    assert f"ccdesk-cli: The settings file {path} {fragment}" in result.err
    assert len(result.err.strip().splitlines()) <= 3, result.err  # short: the message and the way out
    assert sim.requests == []


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        (b"\xff\xfe{\x00}", "is not readable text (not UTF-8)"),
        ('{"profiles": {"work": {"tenant": "acme",}}}', "is not valid JSON"),
        ('[{"profiles": {}}]', "must hold a JSON object {...}, not a list [...]"),
        ("", "is empty"),
    ],
    ids=["not UTF-8", "not JSON", "a JSON list", "empty"],
)
def test_a_config_that_cannot_be_read_is_named(
    run, sim: Simulator, config_file: Path, content: str | bytes, fragment: str
) -> None:
    write(config_file, content)
    result = run("agents")
    refused(result, config_file, fragment, sim)
    assert "Move it aside" in result.err
    assert config_file.read_bytes() == (content if isinstance(content, bytes) else content.encode())


def test_a_config_that_is_a_folder_is_named(run, sim: Simulator, config_file: Path) -> None:
    config_file.mkdir(parents=True)
    refused(run("agents"), config_file, "is a folder, not a file", sim)


def test_an_unreadable_config_is_named(
    run, sim: Simulator, config_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(config_file, "{}")
    real = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self == config_file:
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)  # root ignores chmod 000
    refused(run("agents"), config_file, "cannot be used: permission denied", sim)


def test_json_errors_name_the_file(run, config_file: Path) -> None:
    write(config_file, "{nope")
    result = run("--json", "agents")
    assert result.code == 2 and "Traceback" not in result.err
    shape = json.loads(result.out)
    assert shape == {
        "ok": False,
        "error": "LocalFileError",
        "status": None,
        "reasons": [],
        "message": shape["message"],
        "explanation": "Move it aside (ccdesk keeps it as a backup) and ccdesk starts a new one.",
        "exit_code": 2,
        "file": str(config_file),
    }
    assert shape["message"].startswith(f"The settings file {config_file} is not valid JSON")


@pytest.mark.parametrize(
    ("config", "note"),
    [
        ({"profiles": []}, "'profiles' must be an object (profile name -> settings); ignored"),
        ({"profiles": {"work": "acme"}}, "profile 'work' must be an object; ignored"),
        (
            {"profiles": {"work": {"queues": 5, "region": 7}}},
            "profile 'work': 'queues' must be a list; ignored",
        ),
    ],
    ids=["profiles a list", "a profile that is text", "queues a number"],
)
def test_wrong_typed_settings_are_noted_once_and_the_command_runs(
    run, sim: Simulator, config_file: Path, config: dict, note: str
) -> None:
    write(config_file, json.dumps(config))
    result = run("agents")
    assert result.code == 0, result.err
    assert "Traceback" not in result.err
    assert result.err.count(f"note: {config_file}: {note}\n") == 1
    assert sim.requests  # the command went ahead
    assert json.loads(config_file.read_text(encoding="utf-8")) == config  # reading never rewrites


def test_a_saved_profile_with_wrong_typed_settings_still_works(
    run, sim: Simulator, config_file: Path, server: RunningServer
) -> None:
    profile = {"base_url": server.url, "tenant": TENANT, "agent_id": AGENT, "queues": 5, "region": 7}
    write(config_file, json.dumps({"default_profile": "work", "profiles": {"work": profile}}))
    result = run("agents", configured=False)
    assert result.code == 0, result.err
    assert f"note: {config_file}: profile 'work': 'queues' must be a list; ignored" in result.err
    assert f"note: {config_file}: profile 'work': 'region' must be text; ignored" in result.err
    assert (
        sim.requests[-1].path == f"/api/v1/tenants/{TENANT}/agentstatus/agents"
    )  # the profile's host and tenant


def test_login_keeps_a_config_it_could_not_read_whole(run, config_file: Path, server: RunningServer) -> None:
    original = json.dumps(
        {
            "default_profile": "work",
            "profiles": {"work": {"base_url": server.url, "tenant": TENANT, "agent_id": AGENT, "queues": 5}},
        }
    )
    write(config_file, original)
    login = run("login", configured=False, stdin=TOKEN + "\n")
    assert login.code == 0, login.err
    [backup] = config_file.parent.glob("config.json.broken-*")
    assert backup.read_text(encoding="utf-8") == original  # what the user wrote, kept whole
    assert f"the old file is kept as {backup}" in login.err
    assert ProfileStore(config_file).load().problems == ()


def test_a_read_only_home_is_named(
    run, sim: Simulator, isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def mkdir(self: Path, mode: int = 0o777, parents: bool = False, exist_ok: bool = False) -> None:
        raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(self))

    monkeypatch.setattr(Path, "mkdir", mkdir)  # root writes anywhere: the read-only disk is simulated
    result = run("agents")
    assert result.code == 2 and "Traceback" not in result.err
    assert (
        f"The ccdesk folder {isolated_home / 'config'} cannot be created: the disk is read-only" in result.err
    )
    assert "--home" in result.err
    assert sim.requests == []


def test_a_file_where_the_home_folder_should_be_is_named(run, sim: Simulator, isolated_home: Path) -> None:
    write(isolated_home, "not a folder")
    result = run("agents")
    assert result.code == 2 and "Traceback" not in result.err
    assert f"{isolated_home} is a file, not a folder" in result.err
    assert f"Move or rename {isolated_home}" in result.err
    assert isolated_home.read_text(encoding="utf-8") == "not a folder"
    assert sim.requests == []
