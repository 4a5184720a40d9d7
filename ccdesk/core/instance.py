"""One running ccdesk per user (and per CCDESK_HOME): a second launch hands its link to the first and exits.

POSIX: a Unix socket in a private folder (XDG_RUNTIME_DIR/ccdesk when that folder is the user's own and 0700,
else DATA/run), never a guessable name in a shared folder. Both sides refuse an endpoint whose folder or socket
belongs to someone else or can be reached by others, and check the other end's uid where the OS says it
(SO_PEERCRED on Linux, LOCAL_PEERCRED on macOS and the BSDs). Each message carries an HMAC made with a key kept in
the user's data folder (0600), and the answer proves the listener holds it too. The listener serves every
connection with a deadline from one selector loop, so a client that sends garbage, stays silent or leaves early
costs it nothing. Messages are plain UTF-8 bytes, never unpickled.

Windows: a named pipe through `multiprocessing.connection` with the same key (see `_windows_*`), named from that
key, so another user of a shared host cannot guess it and make it first. The later launch, started by the
foreground app (the browser whose link was clicked), passes its right to take the foreground on to the first
instance before handing over (AllowSetForegroundWindow): otherwise the window only flashes in the taskbar.

The listener starts before the window (see `Inbox`): a link clicked while ccdesk is still starting reaches this
instance instead of starting a second one.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import hmac
import logging
import os
import secrets
import selectors
import socket
import stat
import struct
import sys
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ccdesk.api.words import translate
from ccdesk.core.local_files import LocalFileError, os_problem_words
from ccdesk.core.paths import make_private_dir

log = logging.getLogger(__name__)

HANDOFF_TIMEOUT = 2.0  # the second launch gives up after this and opens its own window
SERVE_DEADLINE = 1.0  # the whole exchange, per connection, on the listener's side
MAX_MESSAGE = 8192
MAX_PENDING = 128  # connections open at once; the oldest is dropped beyond this
BACKLOG = 64
KIND = "instance key"
ENDPOINT_KIND = "hand-off endpoint"
MAGIC = b"ccdesk-handoff/1\n"
NONCE = 16
DIGEST = 32
_HEADER = struct.Struct(f">{len(MAGIC)}s{NONCE}sI{DIGEST}s")
SUN_PATH_MAX = 108 if sys.platform.startswith("linux") else 104  # sizeof(sun_path)
SOL_LOCAL = 0  # macOS/BSD <sys/un.h>
LOCAL_PEERCRED = 0x001


def _tag(data_dir: Path) -> str:
    return hashlib.sha256(str(data_dir.resolve()).encode()).hexdigest()[:16]


def no_links() -> str:
    """What a problem with the hand-off means to the user: the window works, without links from other launches."""
    return translate("Instance", "Links and files opened from other launches cannot reach this window.")


def folder_problem(info: os.stat_result, uid: int) -> str | None:
    """Why a folder may not hold the endpoint (another user's, reachable by others, a link), or None."""
    if not stat.S_ISDIR(info.st_mode):
        return translate("Instance", "is not a folder")
    if info.st_uid != uid:
        return translate("Instance", "belongs to another user (uid {uid}), so it was not used").format(
            uid=info.st_uid
        )
    if info.st_mode & 0o077:
        return translate("Instance", "can be reached by other users (mode {mode}, should be 0700)").format(
            mode=f"{stat.S_IMODE(info.st_mode):04o}"
        )
    return None


def socket_problem(info: os.stat_result, uid: int) -> str | None:
    """Why a path in the endpoint's folder may not be talked to or removed, or None."""
    if not stat.S_ISSOCK(info.st_mode):
        return translate("Instance", "is not a socket, so it was left alone")
    if info.st_uid != uid:
        return translate(
            "Instance", "belongs to another user (uid {uid}), so it was neither used nor removed"
        ).format(uid=info.st_uid)
    return None


def runtime_folder(
    data_dir: Path,
    environ: Mapping[str, str] = os.environ,
    uid: int | None = None,
    lstat: Callable[[str], os.stat_result] = os.lstat,
) -> Path:
    """XDG_RUNTIME_DIR/ccdesk when XDG_RUNTIME_DIR is the user's own 0700 folder, else DATA/run."""
    if uid is None:
        if sys.platform == "win32":  # no uid, no XDG_RUNTIME_DIR: the endpoint is a named pipe there
            return data_dir / "run"
        uid = os.getuid()
    xdg = environ.get("XDG_RUNTIME_DIR", "")
    if xdg and os.path.isabs(xdg):
        try:
            if folder_problem(lstat(xdg), uid) is None:
                return Path(xdg) / "ccdesk"
        except OSError:
            pass
    return data_dir / "run"


def socket_path(data_dir: Path, environ: Mapping[str, str] = os.environ, uid: int | None = None) -> Path:
    """The endpoint for `data_dir`: one per home, in the user's private runtime folder."""
    folder = runtime_folder(data_dir, environ, uid)
    return folder / ("handoff.sock" if folder == data_dir / "run" else f"handoff-{_tag(data_dir)}.sock")


@contextlib.contextmanager
def _sun_path(path: Path) -> Iterator[str]:
    """An address for bind/connect: the path, or on Linux a short /proc/self/fd path when it is too long."""
    if len(os.fsencode(str(path))) < SUN_PATH_MAX:
        yield str(path)
        return
    if not os.path.isdir("/proc/self/fd"):
        raise OSError(
            errno.ENAMETOOLONG,
            translate(
                "Instance", "the path is too long for a socket; set XDG_RUNTIME_DIR or use a shorter --home"
            ),
        )
    fd = os.open(path.parent, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_NOFOLLOW", 0))
    try:
        yield f"/proc/self/fd/{fd}/{path.name}"
    finally:
        os.close(fd)


def peer_uid(sock: socket.socket, platform: str = sys.platform) -> int | None:
    """The uid of the process at the other end, or None where the OS does not say."""
    if platform.startswith("linux"):
        creds = sock.getsockopt(socket.SOL_SOCKET, getattr(socket, "SO_PEERCRED", 17), struct.calcsize("3i"))
        return int(struct.unpack("3i", creds)[1])  # pid, uid, gid
    if platform == "darwin" or "bsd" in platform:
        # struct xucred {u_int cr_version; uid_t cr_uid; short cr_ngroups; gid_t cr_groups[16];}
        creds = sock.getsockopt(SOL_LOCAL, LOCAL_PEERCRED, 76)
        return int(struct.unpack_from("=II", creds)[1])
    return None


def _authkey(data_dir: Path) -> bytes:
    """The shared secret, made on first use; LocalFileError when it cannot be read or written."""
    path = data_dir / "instance.key"
    remedy = translate(
        "Instance",
        "Links and files opened from other launches cannot reach this window. Remove {path} if it is a folder or "
        "damaged, and check that its folder can be written.",
    ).format(path=path)
    try:
        key = path.read_bytes()
    except FileNotFoundError:
        key = b""
    except OSError as exc:
        raise LocalFileError(path, KIND, os_problem_words(exc), remedy=remedy) from exc
    if len(key) >= 32:
        return key
    key = secrets.token_bytes(32)
    try:
        make_private_dir(data_dir)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(key)
    except OSError as exc:
        with contextlib.suppress(OSError):
            path.unlink(missing_ok=True)  # a half-written key would be read as a wrong one
        raise LocalFileError(path, KIND, os_problem_words(exc), remedy=remedy) from exc
    return key


def _sign(key: bytes, side: bytes, nonce: bytes, payload: bytes = b"") -> bytes:
    return hmac.new(key, side + nonce + payload, hashlib.sha256).digest()


def encode_request(key: bytes, message: str, nonce: bytes) -> bytes:
    """The bytes a later launch sends: magic, nonce, length, HMAC, the message (UTF-8, cut to MAX_MESSAGE)."""
    payload = message.encode("utf-8")[:MAX_MESSAGE]
    return _HEADER.pack(MAGIC, nonce, len(payload), _sign(key, b"c", nonce, payload)) + payload


def hand_off(data_dir: Path, message: str) -> bool:
    """Give `message` to the running instance; True when one took it (then this process should exit)."""
    if sys.platform == "win32":
        return _windows_hand_off(data_dir, message)
    path = socket_path(data_dir)
    uid = os.getuid()
    try:
        if folder_problem(os.lstat(path.parent), uid) or socket_problem(os.lstat(path), uid):
            return False  # not ours to talk to: start normally, and the window says why links cannot reach it
    except OSError:
        return False  # nobody listening
    try:
        key = _authkey(data_dir)
    except LocalFileError:
        return False  # start normally; the window then says why links cannot reach it
    nonce = secrets.token_bytes(NONCE)
    deadline = time.monotonic() + HANDOFF_TIMEOUT
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
            sock.settimeout(HANDOFF_TIMEOUT)
            with _sun_path(path) as address:
                sock.connect(address)
            if peer_uid(sock) not in (None, uid):
                return False
            sock.sendall(encode_request(key, message, nonce))
            reply = b""
            while len(reply) < DIGEST:
                sock.settimeout(max(0.01, deadline - time.monotonic()))
                chunk = sock.recv(DIGEST - len(reply))
                if not chunk:
                    return False
                reply += chunk
            return hmac.compare_digest(reply, _sign(key, b"s", nonce))
    except OSError:
        return False


class Inbox:
    """Links handed over before the window exists wait here, in order, and reach it once it is attached.

    The listener starts before the window (a link clicked during start-up must not start a second ccdesk), so
    its first messages can come while the first-run dialog or the window is still being made. `put` is called
    from the listener's thread (and macOS's file-open events), `attach` from the GUI thread."""

    LIMIT = 32  # links queued before the window exists; older ones beyond this are dropped

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._waiting: list[str] = []
        self._receiver: Callable[[str], None] | None = None

    def put(self, message: str) -> None:
        with self._lock:
            receiver = self._receiver
            if receiver is None:
                self._waiting = [*self._waiting, message][-self.LIMIT :]
                return
        receiver(message)

    def attach(self, receiver: Callable[[str], None]) -> None:
        """From now on every message goes to `receiver`; those that waited go first, in the order they came."""
        with self._lock:
            waiting, self._waiting = self._waiting, []
            for message in waiting:
                receiver(message)
            self._receiver = receiver


@dataclass
class _Pending:
    """One connection being read: what came so far, and when it is given up."""

    deadline: float
    data: bytearray = field(default_factory=bytearray)


class InstanceServer:
    """Listens for later launches; `on_message` runs on the listener thread (the window re-posts it)."""

    # POSIX or Windows, one set or the other (declared so a type check on either OS knows both)
    _path: Path
    _uid: int
    _sock: socket.socket
    _inode: int
    _wake_r: socket.socket
    _wake_w: socket.socket
    _thread: threading.Thread
    _windows: _WindowsServer

    def __init__(self, data_dir: Path, on_message: Callable[[str], None]) -> None:
        """Start listening; LocalFileError when the key or the endpoint cannot be made (start without links)."""
        self._key = _authkey(data_dir)
        self._on_message = on_message
        self._stopped = threading.Event()
        if sys.platform == "win32":
            self._windows = _WindowsServer(data_dir, self._key, on_message)
            return
        self._path = socket_path(data_dir)
        self._uid = os.getuid()
        self._sock, self._inode = self._bind()
        self._wake_r, self._wake_w = socket.socketpair()
        self._thread = threading.Thread(target=self._serve, name="ccdesk-instance", daemon=True)
        self._thread.start()

    def _refuse(self, path: Path, problem: str) -> LocalFileError:
        return LocalFileError(path, ENDPOINT_KIND, problem, remedy=no_links())

    def _bind(self) -> tuple[socket.socket, int]:
        if sys.platform == "win32":
            raise NotImplementedError("POSIX only: Windows uses _WindowsServer")
        folder, path = self._path.parent, self._path
        try:
            make_private_dir(folder)
            problem = folder_problem(os.lstat(folder), self._uid)
            if problem:
                raise self._refuse(folder, problem)
            with contextlib.suppress(FileNotFoundError):
                problem = socket_problem(os.lstat(path), self._uid)
                if problem:
                    raise self._refuse(path, problem)
                self._remove_if_stale(path)
            sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            try:
                with _sun_path(path) as address:
                    sock.bind(address)
                os.chmod(path, 0o600)
                sock.listen(BACKLOG)
                sock.setblocking(False)
                return sock, os.lstat(path).st_ino
            except BaseException:
                sock.close()
                raise
        except OSError as exc:
            raise self._refuse(path, os_problem_words(exc)) from exc

    def _remove_if_stale(self, path: Path) -> None:
        """Remove our own socket left by a crash; a live one means another window of ours is listening."""
        if sys.platform == "win32":
            raise NotImplementedError("POSIX only")
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as probe, _sun_path(path) as address:
            probe.settimeout(0.5)
            try:
                probe.connect(address)
            except (ConnectionRefusedError, FileNotFoundError):
                os.unlink(path)
                return
            except OSError:
                pass
        raise self._refuse(path, translate("InstanceServer", "is in use by another ccdesk window of yours"))

    def _serve(self) -> None:
        selector = selectors.DefaultSelector()
        selector.register(self._sock, selectors.EVENT_READ)
        selector.register(self._wake_r, selectors.EVENT_READ)
        pending: dict[socket.socket, _Pending] = {}
        try:
            while not self._stopped.is_set():
                now = time.monotonic()
                timeout = max(0.0, min(p.deadline for p in pending.values()) - now) if pending else None
                try:
                    events = selector.select(timeout)
                except OSError:
                    log.exception("hand-off listener: select failed")
                    time.sleep(0.05)
                    continue
                for key, _mask in events:
                    if key.fileobj is self._wake_r:
                        return
                    conn = key.fileobj
                    assert isinstance(conn, socket.socket)
                    try:
                        if conn is self._sock:
                            self._accept(selector, pending)
                        else:
                            self._read(selector, pending, conn)
                    except Exception:  # whatever one client did, the listener goes on
                        log.exception("hand-off listener: a connection failed")
                        if conn is not self._sock:
                            self._drop(selector, pending, conn)
                now = time.monotonic()
                for conn in [c for c, p in pending.items() if p.deadline <= now]:
                    self._drop(selector, pending, conn)
        finally:
            for conn in list(pending):
                self._drop(selector, pending, conn)
            selector.close()

    def _accept(self, selector: selectors.BaseSelector, pending: dict[socket.socket, _Pending]) -> None:
        while True:
            try:
                conn, _ = self._sock.accept()
            except (BlockingIOError, InterruptedError):
                return
            except OSError:
                log.warning("hand-off listener: accept failed", exc_info=True)
                return
            try:
                if peer_uid(conn) not in (None, self._uid):
                    conn.close()
                    continue
                conn.setblocking(False)
                selector.register(conn, selectors.EVENT_READ)
            except (OSError, ValueError):
                conn.close()
                continue
            pending[conn] = _Pending(time.monotonic() + SERVE_DEADLINE)
            if len(pending) > MAX_PENDING:
                self._drop(selector, pending, next(iter(pending)))  # the oldest

    def _read(
        self, selector: selectors.BaseSelector, pending: dict[socket.socket, _Pending], conn: socket.socket
    ) -> None:
        state = pending.get(conn)
        if state is None:
            return
        try:
            chunk = conn.recv(_HEADER.size + MAX_MESSAGE - len(state.data))
        except (BlockingIOError, InterruptedError):
            return
        except OSError:
            chunk = b""
        if not chunk:
            self._drop(selector, pending, conn)
            return
        state.data += chunk
        outcome = self._complete(state.data)
        if outcome is False:
            self._drop(selector, pending, conn)
        elif isinstance(outcome, tuple):
            nonce, message = outcome
            self._drop(selector, pending, conn, answer=self._deliver(nonce, message))

    def _complete(self, data: bytearray) -> tuple[bytes, str] | bool:
        """(nonce, message) once a whole, signed request is in; True while more may come; False for garbage."""
        if not MAGIC.startswith(bytes(data[: len(MAGIC)])):
            return False
        if len(data) < _HEADER.size:
            return True
        _magic, nonce, length, digest = _HEADER.unpack_from(data)  # the magic was checked above
        if length > MAX_MESSAGE:
            return False
        if len(data) < _HEADER.size + length:
            return True
        payload = bytes(data[_HEADER.size : _HEADER.size + length])
        if len(data) != _HEADER.size + length or not hmac.compare_digest(
            digest, _sign(self._key, b"c", nonce, payload)
        ):
            return False
        return nonce, payload.decode("utf-8", errors="replace")

    def _deliver(self, nonce: bytes, message: str) -> bytes | None:
        if self._stopped.is_set():
            return None
        try:
            self._on_message(message)
        except Exception:  # the window's problem, not a reason to stop listening
            log.exception("hand-off: the window could not take a link")
            return None
        return _sign(self._key, b"s", nonce)

    @staticmethod
    def _drop(
        selector: selectors.BaseSelector,
        pending: dict[socket.socket, _Pending],
        conn: socket.socket,
        answer: bytes | None = None,
    ) -> None:
        pending.pop(conn, None)
        with contextlib.suppress(KeyError, ValueError, OSError):
            selector.unregister(conn)
        with contextlib.suppress(OSError):
            if answer:
                conn.send(answer)  # 32 bytes into an empty socket buffer: never blocks
        conn.close()

    def stop(self) -> None:
        """Stop listening and join the thread: nothing outlives the window."""
        self._stopped.set()
        if sys.platform == "win32":
            self._windows.stop()
            return
        with contextlib.suppress(OSError):
            self._wake_w.send(b"x")
        self._thread.join(5)
        self._sock.close()
        self._wake_r.close()
        self._wake_w.close()
        with contextlib.suppress(OSError):
            info = os.lstat(self._path)
            if info.st_ino == self._inode and info.st_uid == self._uid:  # only the socket this window made
                os.unlink(self._path)


def pipe_name(key: bytes) -> str:
    """The Windows pipe of the home whose instance key is `key`: the pipe namespace is shared by every session
    on the machine, so the name comes from the user's secret (per user and per home, and not guessable by
    anyone who cannot read the key file), never from a user name or path another user can compute."""
    return rf"\\.\pipe\ccdesk-{hmac.new(key, b'pipe name', hashlib.sha256).hexdigest()[:40]}"


#: held by ccdesk.exe while it runs: the installer and uninstaller (Inno Setup's AppMutex, packaging/windows/ccdesk.iss)
#: wait for it to close instead of leaving DLLs in use behind
APP_MUTEX = "ccdesk-6F1B6C53-6C0E-4B8B-9D55-3C1C2D0E8A41-running"
_held: list[int] = []


def hold_app_mutex() -> None:  # pragma: no cover - Windows only
    """Create APP_MUTEX for the life of the process (Windows closes it at exit); best effort."""
    import ctypes

    windll: Any = getattr(ctypes, "windll")  # noqa: B009 - absent from the Linux stubs mypy reads
    handle = windll.kernel32.CreateMutexW(None, False, APP_MUTEX)
    if handle:
        _held.append(handle)


ASFW_ANY = 0xFFFFFFFF  # winuser.h: (DWORD)-1, any process


def allow_foreground(pipe_handle: int) -> None:  # pragma: no cover - Windows only
    """Let the process at the other end of the pipe bring its window forward (we were started by the foreground
    app, so we hold that right and may pass it on). Best effort: without it the window only flashes."""
    import ctypes
    from ctypes import wintypes

    windll: Any = getattr(ctypes, "windll")  # noqa: B009 - absent from the Linux stubs mypy reads
    pid = wintypes.ULONG(0)
    if windll.kernel32.GetNamedPipeServerProcessId(wintypes.HANDLE(pipe_handle), ctypes.byref(pid)):
        windll.user32.AllowSetForegroundWindow(wintypes.DWORD(pid.value))
    else:
        windll.user32.AllowSetForegroundWindow(wintypes.DWORD(ASFW_ANY))


def _windows_hand_off(data_dir: Path, message: str) -> bool:
    """The Windows side of `hand_off`: the same signed request over the pipe."""
    try:
        key = _authkey(data_dir)
    except LocalFileError:
        return False
    from multiprocessing.connection import Client

    nonce = secrets.token_bytes(NONCE)
    result: list[bool] = []

    def send() -> None:
        try:
            with Client(pipe_name(key), family="AF_PIPE") as conn:
                allow_foreground(conn.fileno())  # before the link arrives, so the window may come forward
                conn.send_bytes(encode_request(key, message, nonce))
                ok = conn.poll(HANDOFF_TIMEOUT) and hmac.compare_digest(
                    conn.recv_bytes(DIGEST), _sign(key, b"s", nonce)
                )
                result.append(bool(ok))
        except Exception:  # OSError, EOFError, a reply too long: nobody of ours there
            result.append(False)

    worker = threading.Thread(target=send, name="ccdesk-handoff", daemon=True)
    worker.start()
    worker.join(HANDOFF_TIMEOUT + 1)
    return bool(result and result[0])


# Windows constants (winbase.h), so the decision below is plain data that tests check on any OS.
PIPE_ACCESS_DUPLEX = 0x00000003
FILE_FLAG_FIRST_PIPE_INSTANCE = 0x00080000
FILE_FLAG_OVERLAPPED = 0x40000000
PIPE_TYPE_MESSAGE = 0x00000004
PIPE_READMODE_MESSAGE = 0x00000002
PIPE_REJECT_REMOTE_CLIENTS = 0x00000008
#: protected DACL with one entry: full access for the pipe's owner (the user who started ccdesk), nobody else
PIPE_SDDL = "D:P(A;;GA;;;OW)"


def pipe_open_mode(first: bool) -> int:
    """CreateNamedPipe's open mode: the first instance must be new, so a pipe someone made first is refused."""
    return PIPE_ACCESS_DUPLEX | FILE_FLAG_OVERLAPPED | (FILE_FLAG_FIRST_PIPE_INSTANCE if first else 0)


def pipe_mode() -> int:
    """Whole messages (so a poll that says yes never blocks the read), local clients only."""
    return PIPE_TYPE_MESSAGE | PIPE_READMODE_MESSAGE | PIPE_REJECT_REMOTE_CLIENTS


def _private_pipe_listener(name: str) -> Any:  # pragma: no cover - Windows only
    """multiprocessing's PipeListener with ccdesk's flags and a user-only security descriptor."""
    import ctypes
    import importlib
    from ctypes import wintypes
    from multiprocessing import connection

    winapi: Any = importlib.import_module("_winapi")
    advapi32: Any = getattr(ctypes, "windll").advapi32  # noqa: B009 - absent from the Linux stubs mypy reads

    class SecurityAttributes(ctypes.Structure):
        _fields_ = [
            ("nLength", wintypes.DWORD),
            ("lpSecurityDescriptor", wintypes.LPVOID),
            ("bInheritHandle", wintypes.BOOL),
        ]

    descriptor = wintypes.LPVOID()
    if not advapi32.ConvertStringSecurityDescriptorToSecurityDescriptorW(
        PIPE_SDDL, 1, ctypes.byref(descriptor), None
    ):
        raise OSError(translate("Instance", "the pipe's security descriptor could not be made"))
    attributes = SecurityAttributes(ctypes.sizeof(SecurityAttributes), descriptor, False)
    base: Any = getattr(connection, "PipeListener")  # noqa: B009 - Windows only, absent from the stubs

    class PrivatePipeListener(base):  # type: ignore[misc]
        def _new_handle(self, first: bool = False) -> int:
            return int(
                winapi.CreateNamedPipe(
                    self._address,
                    pipe_open_mode(first),
                    pipe_mode() | winapi.PIPE_WAIT,
                    winapi.PIPE_UNLIMITED_INSTANCES,
                    8192,
                    8192,
                    winapi.NMPWAIT_WAIT_FOREVER,
                    ctypes.addressof(attributes),
                )
            )

    listener = PrivatePipeListener(name)
    listener._ccdesk_attributes = attributes  # kept alive as long as pipes are made from it
    return listener


class _WindowsServer:
    """The pipe listener: accepts on its thread, serves each client on a short-lived worker with a deadline."""

    def __init__(self, data_dir: Path, key: bytes, on_message: Callable[[str], None]) -> None:
        self._name = pipe_name(key)
        self._key = key
        self._on_message = on_message
        self._stopped = threading.Event()
        self._slots = threading.BoundedSemaphore(16)
        try:  # no authkey: its challenge would run inside accept() with no deadline; requests are signed
            self._listener = _private_pipe_listener(self._name)
        except OSError as exc:  # a pipe of that name made first by someone else: refused, never joined
            raise LocalFileError(self._name, ENDPOINT_KIND, os_problem_words(exc), remedy=no_links()) from exc
        self._thread = threading.Thread(target=self._serve, name="ccdesk-instance", daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stopped.is_set():
            try:
                conn = self._listener.accept()
            except OSError:
                if self._stopped.is_set():
                    return
                continue
            if self._stopped.is_set() or not self._slots.acquire(blocking=False):
                conn.close()
                continue
            threading.Thread(
                target=self._handle, args=(conn,), name="ccdesk-instance-client", daemon=True
            ).start()

    def _handle(self, conn: Any) -> None:
        try:
            with conn:
                if not conn.poll(SERVE_DEADLINE):  # message-mode pipe: True means a whole message is there
                    return
                data = conn.recv_bytes(_HEADER.size + MAX_MESSAGE)
                if len(data) < _HEADER.size:
                    return
                magic, nonce, length, digest = _HEADER.unpack_from(data)
                payload = data[_HEADER.size :]
                if magic != MAGIC or length != len(payload):
                    return
                if not hmac.compare_digest(digest, _sign(self._key, b"c", nonce, payload)):
                    return
                if not self._stopped.is_set():
                    self._on_message(payload.decode("utf-8", errors="replace"))
                    conn.send_bytes(_sign(self._key, b"s", nonce))
        except Exception:  # a client that left or sent garbage: this worker ends, the listener goes on
            log.debug("hand-off: a client was dropped", exc_info=True)
        finally:
            self._slots.release()

    def stop(self) -> None:
        self._stopped.set()
        from multiprocessing.connection import Client

        with contextlib.suppress(Exception):  # accept() does not wake on close(): a last connection does
            Client(self._name, family="AF_PIPE").close()
        self._listener.close()
        self._thread.join(5)
