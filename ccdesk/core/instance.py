"""One running ccdesk per user (and per CCDESK_HOME): a second launch hands its link to the first and exits.

Local IPC through `multiprocessing.connection` (a Unix socket, or a named pipe on Windows) with an
authentication key kept in the user's data folder (mode 0600), so only the same user's processes can talk to the
running window; messages are plain UTF-8 bytes, never unpickled. No Qt networking module is needed, which keeps
the installers small.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import secrets
import sys
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from ccdesk.core.local_files import LocalFileError, os_problem
from ccdesk.core.paths import make_private_dir

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

HANDOFF_TIMEOUT = 2.0
MAX_MESSAGE = 8192
KIND = "instance key"


def _address(data_dir: Path) -> tuple[str, str]:
    """A short, per-user, per-home address (Unix socket paths are limited to about 100 bytes)."""
    tag = hashlib.sha256(str(data_dir.resolve()).encode()).hexdigest()[:16]
    user = os.environ.get("USERNAME") or os.environ.get("USER") or "user"
    if sys.platform == "win32":
        return rf"\\.\pipe\ccdesk-{user}-{tag}", "AF_PIPE"
    base = Path(os.environ.get("XDG_RUNTIME_DIR") or tempfile.gettempdir())
    return str(base / f"ccdesk-{os.getuid()}-{tag}.sock"), "AF_UNIX"


def _authkey(data_dir: Path) -> bytes:
    """The shared secret, made on first use; LocalFileError when it cannot be read or written."""
    path = data_dir / "instance.key"
    remedy = (
        f"Links and files opened from other launches cannot reach this window. Remove {path} if it is a "
        "folder or damaged, and check that its folder can be written."
    )
    try:
        key = path.read_bytes()
    except FileNotFoundError:
        key = b""
    except OSError as exc:
        raise LocalFileError(path, KIND, os_problem(exc), remedy=remedy) from exc
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
        raise LocalFileError(path, KIND, os_problem(exc), remedy=remedy) from exc
    return key


def hand_off(data_dir: Path, message: str) -> bool:
    """Give `message` to the running instance; True when one took it (then this process should exit)."""
    address, family = _address(data_dir)
    if family == "AF_UNIX" and not Path(address).exists():
        return False
    try:
        authkey = _authkey(data_dir)
    except LocalFileError:
        return False  # start normally; the window then says why links cannot reach it
    # Imported only when someone may be listening: a normal start skips it.
    from multiprocessing.connection import Client

    result: list[bool] = []

    def send() -> None:
        try:
            with Client(address, family=family, authkey=authkey) as conn:
                conn.send_bytes(message.encode("utf-8")[:MAX_MESSAGE])
                result.append(conn.poll(HANDOFF_TIMEOUT) and conn.recv_bytes(16) == b"ok")
        except (OSError, EOFError, ValueError):
            result.append(False)
        except Exception:  # multiprocessing.AuthenticationError and friends: not ours to talk to
            result.append(False)

    worker = threading.Thread(target=send, name="ccdesk-handoff", daemon=True)
    worker.start()
    worker.join(HANDOFF_TIMEOUT + 1)
    return bool(result and result[0])


class InstanceServer:
    """Listens for later launches; `on_message` runs on the listener thread (the window re-posts it)."""

    def __init__(self, data_dir: Path, on_message: Callable[[str], None]) -> None:
        """Start listening; LocalFileError when the key or the endpoint cannot be made (start without links)."""
        from multiprocessing.connection import Listener

        authkey = _authkey(data_dir)
        self._address, self._family = _address(data_dir)
        try:
            if self._family == "AF_UNIX":
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(self._address)  # a stale socket left by a crash (hand_off found nobody there)
            self._listener = Listener(self._address, family=self._family, authkey=authkey)
        except OSError as exc:
            raise LocalFileError(
                self._address,
                "hand-off endpoint",
                os_problem(exc),
                remedy="Links and files opened from other launches cannot reach this window.",
            ) from exc
        if self._family == "AF_UNIX":
            os.chmod(self._address, 0o600)
        self._on_message = on_message
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._serve, name="ccdesk-instance", daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stopped.is_set():
            try:
                conn = self._listener.accept()
            except OSError:
                return  # closed by stop()
            except Exception:  # a client that failed authentication: ignore it, keep serving
                continue
            self._handle(conn)

    def _handle(self, conn: Connection) -> None:
        with conn:
            try:
                if not conn.poll(HANDOFF_TIMEOUT):
                    return
                message = conn.recv_bytes(MAX_MESSAGE).decode(
                    "utf-8", errors="replace"
                )  # bytes: never unpickled
                if not self._stopped.is_set():
                    self._on_message(message)
                    conn.send_bytes(b"ok")
            except (OSError, EOFError, ValueError):
                return

    def stop(self) -> None:
        """Stop listening and join the thread: nothing outlives the window."""
        self._stopped.set()
        # accept() does not wake on close() everywhere: a last connection of our own unblocks it. It connects
        # without the handshake (authkey=None): a thread that already saw the stop never answers, and waiting
        # for that answer would hang the quit.
        from multiprocessing.connection import Client

        with contextlib.suppress(Exception):
            Client(self._address, family=self._family, authkey=None).close()
        self._listener.close()
        self._thread.join(5)
        if self._family == "AF_UNIX":
            with contextlib.suppress(FileNotFoundError):
                os.unlink(self._address)
