"""The hand-off endpoint under attack: jamming clients, squatted paths and neighbours' sockets, file modes."""

from __future__ import annotations

import hashlib
import os
import re
import secrets
import shutil
import socket
import stat
import struct
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from ccdesk.core import instance
from ccdesk.core.instance import (
    PIPE_SDDL,
    Inbox,
    InstanceServer,
    _authkey,
    hand_off,
    peer_uid,
    pipe_mode,
    pipe_name,
    pipe_open_mode,
    runtime_folder,
    socket_path,
)
from ccdesk.core.local_files import LocalFileError
from ccdesk.core.paths import app_dirs

posix = pytest.mark.skipif(sys.platform == "win32", reason="Unix sockets")
NOBODY = 65534


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    return app_dirs(tmp_path / "home").ensure().data


@pytest.fixture
def server(data: Path) -> Iterator[list[str]]:
    received: list[str] = []
    running = InstanceServer(data, received.append)
    try:
        yield received
    finally:
        running.stop()


def _connect(path: Path) -> socket.socket:
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.connect(str(path))
    return sock


def _timed_hand_off(data: Path, message: str) -> tuple[bool, float]:
    started = time.monotonic()
    took = hand_off(data, message)
    return took, time.monotonic() - started


def _garbage(path: Path) -> None:
    with _connect(path) as sock:
        sock.sendall(secrets.token_bytes(700))


def _half_open(path: Path) -> None:
    for _ in range(3):
        _connect(path).close()


def _leaves_before_the_answer(path: Path) -> None:
    with _connect(path) as sock:
        sock.sendall(instance.MAGIC[:5])


@posix
@pytest.mark.parametrize("attack", [_garbage, _half_open, _leaves_before_the_answer])
def test_a_bad_client_does_not_stop_the_next_hand_off(data: Path, server: list[str], attack) -> None:  # type: ignore[no-untyped-def]
    attack(socket_path(data))
    took, seconds = _timed_hand_off(data, "tel:+16175551984")
    assert took and server == ["tel:+16175551984"], f"hand-off failed after {seconds:.3f} s"


@posix
def test_an_idle_connection_does_not_block_the_next_hand_off(data: Path, server: list[str]) -> None:
    with _connect(socket_path(data)):
        took, _ = _timed_hand_off(data, "show")
        assert took and server == ["show"]


@posix
def test_a_burst_of_100_bad_connections_then_a_working_hand_off(data: Path, server: list[str]) -> None:
    path = socket_path(data)
    idle = []
    try:
        for n in range(100):
            kind = n % 4
            if kind == 0:
                _garbage(path)
            elif kind == 1:
                _connect(path).close()
            elif kind == 2:
                _leaves_before_the_answer(path)
            else:
                idle.append(_connect(path))  # held open while the real launch comes
        took, seconds = _timed_hand_off(data, "tel:+16175551984")
        print(f"hand-off after a burst of 100 bad connections: {seconds * 1000:.1f} ms")
        assert took and server == ["tel:+16175551984"]
    finally:
        for sock in idle:
            sock.close()
    assert hand_off(data, "show") and server[-1] == "show"  # and it keeps serving


@posix
def test_a_listener_whose_window_fails_keeps_serving(data: Path) -> None:
    received: list[str] = []

    def take(message: str) -> None:
        received.append(message)
        if message == "boom":
            raise RuntimeError("the window is gone")

    running = InstanceServer(data, take)
    try:
        assert not hand_off(data, "boom")
        assert hand_off(data, "show") and received == ["boom", "show"]
    finally:
        running.stop()


@posix
def test_a_second_listener_does_not_steal_a_live_endpoint(data: Path, server: list[str]) -> None:
    with pytest.raises(LocalFileError, match="in use by another ccdesk window"):
        InstanceServer(data, server.append)
    assert hand_off(data, "show") and server == ["show"]


@posix
def test_folder_and_socket_are_private_and_the_socket_goes_at_stop(data: Path) -> None:
    running = InstanceServer(data, lambda message: None)
    path = socket_path(data)
    try:
        assert path.parent == data / "run"
        assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
        assert stat.S_ISSOCK(path.lstat().st_mode) and stat.S_IMODE(path.lstat().st_mode) == 0o600
    finally:
        running.stop()
    assert not path.exists()


@posix
def test_a_stale_socket_of_our_own_is_replaced(data: Path) -> None:
    path = socket_path(data)
    path.parent.mkdir(mode=0o700)
    dead = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    dead.bind(str(path))
    dead.close()  # a crash leaves the file behind
    received: list[str] = []
    running = InstanceServer(data, received.append)
    try:
        assert hand_off(data, "show") and received == ["show"]
    finally:
        running.stop()


@posix
def test_stop_leaves_a_socket_that_is_not_the_one_it_made(data: Path) -> None:
    running = InstanceServer(data, lambda message: None)
    path = socket_path(data)
    path.unlink()
    other = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    other.bind(str(path))
    try:
        running.stop()
        assert stat.S_ISSOCK(path.lstat().st_mode)
    finally:
        other.close()


@posix
def test_a_folder_others_can_reach_is_refused(data: Path) -> None:
    folder = data / "run"
    folder.mkdir(mode=0o700)
    folder.chmod(0o755)
    assert not hand_off(data, "show")
    with pytest.raises(LocalFileError, match="can be reached by other users") as caught:
        InstanceServer(data, lambda message: None)
    assert caught.value.path == folder and "should be 0700" in str(caught.value)
    assert "Links and files opened from other launches" in caught.value.remedy


@posix
def test_a_very_long_home_still_gets_an_endpoint(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    data = app_dirs(tmp_path / ("h" * 90)).ensure().data
    assert len(str(socket_path(data))) > 110
    received: list[str] = []
    running = InstanceServer(data, received.append)
    try:
        assert hand_off(data, "show") and received == ["show"]
    finally:
        running.stop()


def _fake_stat(mode: int, uid: int) -> os.stat_result:
    return os.stat_result((mode, 0, 0, 1, uid, 0, 0, 0, 0, 0))


@pytest.mark.parametrize(
    ("mode", "owner", "chosen"),
    [
        (stat.S_IFDIR | 0o700, 1000, "xdg"),
        (stat.S_IFDIR | 0o755, 1000, "data"),  # others can look in
        (stat.S_IFDIR | 0o1777, 0, "data"),  # a shared folder like /tmp
        (stat.S_IFDIR | 0o700, 1001, "data"),  # someone else's
        (stat.S_IFLNK | 0o777, 1000, "data"),  # a link to who knows where
    ],
)
def test_xdg_runtime_dir_is_used_only_when_it_is_the_users_own(mode: int, owner: int, chosen: str) -> None:
    data = Path("/home/u/.local/share/ccdesk")
    folder = runtime_folder(
        data, {"XDG_RUNTIME_DIR": "/run/user/1000"}, uid=1000, lstat=lambda p: _fake_stat(mode, owner)
    )
    assert folder == (Path("/run/user/1000/ccdesk") if chosen == "xdg" else data / "run")


def test_without_xdg_runtime_dir_the_endpoint_is_in_the_data_folder_not_a_shared_one() -> None:
    data = Path("/home/u/.local/share/ccdesk")
    for environ in ({}, {"XDG_RUNTIME_DIR": ""}, {"XDG_RUNTIME_DIR": "relative/dir"}):
        assert socket_path(data, environ, uid=1000) == data / "run" / "handoff.sock"
    assert not str(socket_path(data, {}, uid=1000)).startswith(tempfile.gettempdir() + os.sep)


def test_each_home_has_its_own_endpoint_in_xdg_runtime_dir(tmp_path: Path) -> None:
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    environ = {"XDG_RUNTIME_DIR": str(runtime)}
    first, second = socket_path(tmp_path / "a", environ), socket_path(tmp_path / "b", environ)
    assert first.parent == second.parent == runtime / "ccdesk" and first != second


def test_peer_uid_reads_linux_and_macos_credentials() -> None:
    class Fake:
        def __init__(self, answer: bytes) -> None:
            self.answer = answer
            self.asked: tuple[int, int, int] | None = None

        def getsockopt(self, level: int, option: int, size: int) -> bytes:
            self.asked = (level, option, size)
            return self.answer

    linux = Fake(struct.pack("3i", 4242, 1000, 1000))
    assert peer_uid(linux, "linux") == 1000  # type: ignore[arg-type]
    assert linux.asked == (socket.SOL_SOCKET, 17, 12)
    xucred = struct.pack("=IIh", 0, 501, 1) + bytes(66)  # cr_version, cr_uid, cr_ngroups, cr_groups
    mac = Fake(xucred)
    assert peer_uid(mac, "darwin") == 501  # type: ignore[arg-type]
    assert mac.asked == (0, 1, 76)  # SOL_LOCAL, LOCAL_PEERCRED, sizeof(struct xucred)
    assert peer_uid(Fake(b""), "sunos5") is None  # type: ignore[arg-type]


@posix
def test_peer_uid_of_a_real_socket_pair_is_ours() -> None:
    if not sys.platform.startswith("linux"):
        pytest.skip("SO_PEERCRED")
    left, right = socket.socketpair()
    with left, right:
        assert peer_uid(left) == os.getuid()


def test_the_windows_pipe_name_comes_from_the_users_secret_not_from_anything_guessable(data: Path) -> None:
    """Another user of a shared Windows host could otherwise make the pipe first, or guess where links go."""
    key = _authkey(data)
    name = pipe_name(key)
    assert re.fullmatch(r"\\\\\.\\pipe\\ccdesk-[0-9a-f]{40}", name)
    assert name == pipe_name(_authkey(data))  # both launches of this user and home agree
    assert name != pipe_name(secrets.token_bytes(32))  # another home or user: another secret, another name
    assert key.hex()[:16] not in name  # the name does not give the key away
    for guessable in (
        os.environ.get("USERNAME", "ann"),
        str(data),
        hashlib.sha256(str(data).encode()).hexdigest()[:16],
    ):
        assert guessable not in name


def test_links_that_come_before_the_window_wait_and_arrive_in_order() -> None:
    inbox = Inbox()
    inbox.put("tel:+1")
    inbox.put("show")
    got: list[str] = []
    inbox.attach(got.append)
    assert got == ["tel:+1", "show"]
    inbox.put("tel:+2")  # once attached, straight through
    assert got == ["tel:+1", "show", "tel:+2"]


def test_the_inbox_keeps_only_the_latest_links_while_waiting() -> None:
    inbox = Inbox()
    for n in range(Inbox.LIMIT + 5):
        inbox.put(f"tel:+{n}")
    got: list[str] = []
    inbox.attach(got.append)
    assert got == [f"tel:+{n}" for n in range(5, Inbox.LIMIT + 5)]


def test_a_listener_before_the_window_takes_a_hand_off_for_it(data: Path) -> None:
    inbox = Inbox()
    server = InstanceServer(data, inbox.put)
    try:
        assert hand_off(data, "tel:+442079460018")  # the window does not exist yet: the launch still exits
        got: list[str] = []
        inbox.attach(got.append)
        assert got == ["tel:+442079460018"]
    finally:
        server.stop()


def test_windows_pipe_is_new_user_only_and_local() -> None:
    first, later = pipe_open_mode(first=True), pipe_open_mode(first=False)
    assert first & 0x00080000 and not later & 0x00080000  # FILE_FLAG_FIRST_PIPE_INSTANCE on the first only
    assert first & 0x3 == 0x3 and first & 0x40000000  # duplex, overlapped (multiprocessing's reads need it)
    assert pipe_mode() & 0x8 and pipe_mode() & 0x4  # PIPE_REJECT_REMOTE_CLIENTS, whole messages
    assert PIPE_SDDL.startswith("D:P") and PIPE_SDDL.count("(") == 1 and PIPE_SDDL.endswith(";;;OW)")


# -- another user on the same machine (needs root to become them) --------------------------------------------

SQUATTER = textwrap.dedent(
    """
    import os, select, socket, sys
    os.setgid(int(sys.argv[2])); os.setuid(int(sys.argv[2]))  # from here on, another user
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.bind(sys.argv[1]); sock.listen(16)
    print("ready", flush=True)
    connections = received = 0
    while True:
        ready, _, _ = select.select([sock, sys.stdin], [], [], 5)
        if sock not in ready:  # told to finish (or nobody came for 5 s): connections waiting are counted first
            break
        conn, _ = sock.accept()
        connections += 1
        conn.settimeout(0.5)
        try:
            received += len(conn.recv(65536))
        except OSError:
            pass
        conn.close()
    print(connections, received, flush=True)
    """
)


class Squatter:
    """A listener run by another user (nobody), bound in a shared folder, then moved where ccdesk looks."""

    def __init__(self, shared: Path) -> None:
        self.path = shared / "squat.sock"
        self.process = subprocess.Popen(
            [sys.executable, "-c", SQUATTER, str(self.path), str(NOBODY)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.process.stdout is not None and self.process.stdout.readline().strip() == "ready"

    def finish(self) -> tuple[int, int]:
        """(connections, bytes) the other user's listener saw."""
        out, _ = self.process.communicate("", timeout=10)
        connections, received = out.split()
        return int(connections), int(received)


@pytest.fixture
def shared() -> Iterator[Path]:
    if sys.platform == "win32" or os.geteuid() != 0:
        pytest.skip("becoming another user needs root")
    folder = Path(tempfile.mkdtemp())
    folder.chmod(0o1777)
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def test_a_socket_of_another_user_is_neither_talked_to_nor_removed(data: Path, shared: Path) -> None:
    squatter = Squatter(shared)
    path = socket_path(data)
    path.parent.mkdir(mode=0o700)
    os.rename(squatter.path, path)  # another user's socket where ours should be
    assert not hand_off(data, "tel:+16175551984")
    with pytest.raises(LocalFileError, match="belongs to another user") as caught:
        InstanceServer(data, lambda message: None)
    assert caught.value.path == path and "Links and files opened from other launches" in caught.value.remedy
    assert path.lstat().st_uid == NOBODY  # still there
    assert squatter.finish() == (0, 0)  # never connected to


def test_a_folder_of_another_user_is_refused_without_connecting(data: Path, shared: Path) -> None:
    squatter = Squatter(shared)
    path = socket_path(data)
    path.parent.mkdir(mode=0o700)
    os.rename(squatter.path, path)
    os.chown(path.parent, NOBODY, NOBODY)
    os.chown(path, os.getuid(), os.getgid())  # even a socket that looks like ours, in their folder
    assert not hand_off(data, "show")
    with pytest.raises(LocalFileError, match="belongs to another user") as caught:
        InstanceServer(data, lambda message: None)
    assert caught.value.path == path.parent
    assert path.exists() and squatter.finish() == (0, 0)


def test_a_listener_of_another_user_is_not_sent_the_link(data: Path, shared: Path) -> None:
    squatter = Squatter(shared)
    path = socket_path(data)
    path.parent.mkdir(mode=0o700)
    os.rename(squatter.path, path)
    os.chown(path, os.getuid(), os.getgid())  # the file passes for ours; the process behind it does not
    assert not hand_off(data, "tel:+16175551984")
    assert squatter.finish() == (1, 0)  # it connected, asked who is there, and sent nothing


@pytest.mark.skipif(sys.platform != "win32", reason="Windows mutex (Inno Setup's AppMutex)")
def test_ccdesk_holds_the_mutex_the_installer_waits_for() -> None:
    import ctypes

    windll = getattr(ctypes, "windll")  # noqa: B009
    synchronize = 0x00100000
    assert not windll.kernel32.OpenMutexW(synchronize, False, instance.APP_MUTEX)  # not running yet
    instance.hold_app_mutex()
    handle = windll.kernel32.OpenMutexW(synchronize, False, instance.APP_MUTEX)
    assert handle, "the uninstaller would not see that ccdesk runs"
    windll.kernel32.CloseHandle(handle)
