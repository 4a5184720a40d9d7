"""ccdesk's folders are 0700 and its files 0600 on POSIX: made so, and tightened at start (issue 11, SECURITY.md).

The journal holds numbers dialled and attached data; the log and config name the tenant and agent. Each test
starts from the usual desktop umask (022), under which plain files come out 0644.
"""

from __future__ import annotations

import json
import logging
import os
import stat
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from ccdesk.app import _configure_logging
from ccdesk.core.journal import Journal
from ccdesk.core.paths import AppDirs, app_dirs, restrict_umask

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")

ROOT = Path(__file__).resolve().parents[3]


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


def _modes(home: Path) -> dict[str, int]:
    """Every folder and file under ccdesk's three folders, by path relative to `home`."""
    found: dict[str, int] = {}
    for top in ("config", "data", "logs"):
        for folder, dirs, files in os.walk(home / top):
            for name in [folder, *(os.path.join(folder, f) for f in files + dirs)]:
                found[os.path.relpath(name, home)] = _mode(Path(name))
    return found


def _assert_private(modes: dict[str, int], home: Path) -> None:
    loose = {
        name: oct(mode)
        for name, mode in modes.items()
        if mode != (0o700 if (home / name).is_dir() else 0o600) and not (home / name).is_symlink()
    }
    assert loose == {}


@pytest.fixture
def desktop_umask() -> Iterator[None]:
    """The usual umask for this test; the process's own is put back after (restrict_umask changes it)."""
    previous = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(previous)


def _run(code: str, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CCDESK_")}
    env.update(CCDESK_HOME=str(home), CCDESK_TOKEN="not-a-real-token", QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=lambda: os.umask(0o022),  # the child only sets its umask, then execs
    )


CLI = "import sys; from ccdesk.cli import main; sys.exit(main())"


def test_a_real_cli_start_leaves_only_private_folders_and_files(isolated_home: Path) -> None:
    done = _run(
        CLI, isolated_home, "--platform", "na12", "--tenant", "acmecorp01", "--agent", "1001", "recent"
    )

    assert done.returncode == 0, done.stderr
    modes = _modes(isolated_home)
    assert "data/journal.sqlite3" in modes
    _assert_private(modes, isolated_home)


WINDOW_SET_UP = textwrap.dedent(
    """
    import json, logging, os, sys
    from pathlib import Path
    from ccdesk.ui.qt import QApplication
    from ccdesk.app import _session_for, start_logging
    from ccdesk.core.diagnostics import enable_fault_log

    app = QApplication([sys.argv[0]])
    argv = ["--platform", "na12", "--tenant", "acmecorp01", "--agent", "1001", "--no-stream"]
    args, session = _session_for(argv, None, None, agent_required=True)  # nothing is sent before the window
    enable_fault_log(session.dirs.logs)
    start_logging(args, session)
    logging.getLogger("ccdesk").warning("a line in ccdesk.log")
    session.profiles.save(session.profiles.load())
    session.journal.begin_dial(
        profile="", tenant="acmecorp01", agent_id="1001", display="+1 212 555 0100", prefix="", number="12125550100"
    )
    home = Path(os.environ["CCDESK_HOME"])
    print(json.dumps({str(p.relative_to(home)): os.lstat(p).st_mode & 0o777 for p in home.rglob("*")}))
    session.close()
    """
)


def test_the_windows_session_set_up_makes_its_files_private_without_the_umask(isolated_home: Path) -> None:
    """The set-up alone (as create_main_window runs it, without main's umask): explicit modes everywhere."""
    done = _run(WINDOW_SET_UP, isolated_home)

    assert done.returncode == 0, done.stderr
    modes = json.loads(done.stdout.splitlines()[-1])
    for name in (
        "config/config.json",
        "data/journal.sqlite3",
        "data/journal.sqlite3-wal",
        "data/journal.sqlite3-shm",
        "logs/ccdesk.log",
        "logs/crash.log",
    ):
        assert modes.get(name) == 0o600, (name, modes)
    for name in ("config", "data", "logs"):
        assert modes[name] == 0o700, (name, modes)


@pytest.mark.usefixtures("desktop_umask")
def test_the_journal_and_its_wal_and_shm_files_are_private(tmp_path: Path) -> None:
    path = tmp_path / "data" / "journal.sqlite3"
    journal = Journal(path)
    try:
        journal.begin_dial(
            profile="p", tenant="t", agent_id="1", display="0100", prefix="", number="12125550100"
        )
        for name in ("journal.sqlite3", "journal.sqlite3-wal", "journal.sqlite3-shm"):
            assert _mode(path.with_name(name)) == 0o600, name
        assert _mode(path.parent) == 0o700
    finally:
        journal.close()


@pytest.mark.usefixtures("desktop_umask")
def test_an_older_journal_left_readable_is_made_private_when_opened(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    Journal(path).close()
    path.chmod(0o644)

    Journal(path).close()

    assert _mode(path) == 0o600


@pytest.mark.usefixtures("desktop_umask")
def test_the_log_and_its_rotated_files_are_private(tmp_path: Path) -> None:
    dirs = AppDirs(config=tmp_path / "config", data=tmp_path / "data", logs=tmp_path / "logs")
    assert _configure_logging(dirs, False, []) is None
    handler = next(h for h in logging.getLogger().handlers if getattr(h, "_ccdesk", False))
    handler.maxBytes = 200  # type: ignore[attr-defined]  # rotate after a line or two
    for n in range(8):
        logging.getLogger("ccdesk").warning("line %d of a log that rotates", n)
    handler.flush()

    names = sorted(p.name for p in dirs.logs.iterdir())
    assert names == ["ccdesk.log", "ccdesk.log.1", "ccdesk.log.2", "ccdesk.log.3"]
    assert {name: _mode(dirs.logs / name) for name in names} == dict.fromkeys(names, 0o600)


@pytest.mark.usefixtures("desktop_umask")
def test_restrict_umask_makes_every_new_file_private(tmp_path: Path) -> None:
    restrict_umask()
    (tmp_path / "export.csv").write_text("made by ccdesk after start\n", encoding="utf-8")
    (tmp_path / "folder").mkdir()

    assert _mode(tmp_path / "export.csv") == 0o600
    assert _mode(tmp_path / "folder") == 0o700


def _loose_home(home: Path, outside: Path) -> None:
    """A home as an older ccdesk (or umask 022) left it, with links pointing out of ccdesk's folders."""
    for folder in ("config", "config/catalogs", "data", "logs"):
        (home / folder).mkdir(parents=True, exist_ok=True)
        (home / folder).chmod(0o755)
    for name in ("config/config.json", "config/window.ini", "config/catalogs/work.json", "logs/ccdesk.log.1"):
        (home / name).write_text("{}\n", encoding="utf-8")
        (home / name).chmod(0o644)
    outside.mkdir()
    (outside / "shared.txt").write_text("someone else's\n", encoding="utf-8")
    (outside / "shared.txt").chmod(0o644)
    (outside).chmod(0o755)
    (home / "data" / "link-to-file").symlink_to(outside / "shared.txt")
    (home / "logs" / "link-to-folder").symlink_to(outside, target_is_directory=True)


def test_a_real_start_tightens_loose_folders_and_files_and_follows_no_link(
    isolated_home: Path, tmp_path: Path
) -> None:
    outside = tmp_path / "outside"
    _loose_home(isolated_home, outside)

    done = _run(
        CLI, isolated_home, "--platform", "na12", "--tenant", "acmecorp01", "--agent", "1001", "recent"
    )

    assert done.returncode == 0, done.stderr
    _assert_private(_modes(isolated_home), isolated_home)
    assert _mode(outside) == 0o755
    assert _mode(outside / "shared.txt") == 0o644
    assert (isolated_home / "data" / "link-to-file").is_symlink()


@pytest.mark.skipif(os.geteuid() != 0, reason="giving a file to another user needs root")
def test_another_users_file_is_left_alone(tmp_path: Path) -> None:
    dirs = AppDirs(config=tmp_path / "config", data=tmp_path / "data", logs=tmp_path / "logs").ensure()
    theirs = dirs.data / "theirs.txt"
    theirs.write_text("not ccdesk's\n", encoding="utf-8")
    theirs.chmod(0o644)
    os.chown(theirs, 65534, 65534)
    mine = dirs.data / "journal.sqlite3-wal"
    mine.write_bytes(b"")
    mine.chmod(0o644)

    assert dirs.tighten() == []

    assert _mode(theirs) == 0o644
    assert _mode(mine) == 0o600


def test_a_file_that_cannot_be_tightened_is_a_warning_not_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    dirs = app_dirs(tmp_path)
    dirs.ensure()
    stuck = dirs.logs / "ccdesk.log"
    stuck.write_text("a line\n", encoding="utf-8")
    stuck.chmod(0o644)
    real_fchmod = os.fchmod

    def refuse(fd: int, mode: int) -> None:
        if os.path.samestat(os.fstat(fd), os.stat(stuck)):
            raise PermissionError(1, "Operation not permitted")
        real_fchmod(fd, mode)

    monkeypatch.setattr(os, "fchmod", refuse)
    caplog.set_level(logging.WARNING, logger="ccdesk")

    assert dirs.ensure() is dirs  # goes on

    assert f"{stuck} may be readable by other users" in caplog.text
    assert "Traceback" not in caplog.text
    [problem] = dirs.tighten()
    assert problem.path == stuck and problem.exit_code == 2


def test_nothing_posix_runs_on_windows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    dirs = app_dirs(tmp_path).ensure()
    (dirs.data).chmod(0o755)
    previous = os.umask(0o022)
    try:
        monkeypatch.setattr(os, "name", "nt")
        restrict_umask()
        problems = dirs.tighten()
        monkeypatch.undo()
        assert os.umask(0o022) == 0o022
    finally:
        os.umask(previous)
    assert problems == []
    assert _mode(dirs.data) == 0o755
