"""ccdesk's own files when they go wrong: which file, what is wrong with it, and the way out.

Every file ccdesk reads or writes (config, journal, catalog, window state, instance key, logs) may be corrupt, of
the wrong type, locked, read-only, missing or on a full disk. Those failures become a `LocalFileError` naming the
file, never a traceback; a broken file is moved aside under a new name (never deleted, never overwritten) so
nothing the user made is lost.

The window shows these errors in its language: each sentence is translated when the error is made (after the
window installed its translator), whole, with the file's path and the problem put in. `os_problem` keeps its English
words for logs, diagnostics reports and text matched by code; `os_problem_words` says the same for a person.
"""

from __future__ import annotations

import errno
import os
import sqlite3
import stat
import sys
import time
from collections.abc import Callable
from pathlib import Path

from ccdesk.api.errors import ConfigurationError
from ccdesk.api.words import translate


class LocalFileError(ConfigurationError):
    """One of ccdesk's own files cannot be used. Nothing was sent; the command line exits 2."""

    exit_code = 2
    path: Path  # type: ignore[assignment]  # the file, where other CCDeskErrors carry an HTTP path

    def __init__(
        self,
        path: Path | str,
        kind: str,
        problem: str,
        *,
        remedy: str = "",
        can_move_aside: bool = False,
    ) -> None:
        self.kind = kind
        self.problem = problem
        self.can_move_aside = can_move_aside
        self.remedy = remedy or (
            translate(
                "LocalFileError", "Move it aside (ccdesk keeps it as a backup) and ccdesk starts a new one."
            )
            if can_move_aside
            else translate("LocalFileError", "Check the file and its folder, then try again.")
        )
        sentence = self._sentence(kind).format(kind=kind, path=Path(path), problem=problem)
        super().__init__(sentence, explanation=self.remedy)
        self.path = Path(path)  # after super(), which sets the HTTP path to None

    @staticmethod
    def _sentence(kind: str) -> str:
        """The error's sentence for a kind of file, with {path} and {problem} (and {kind}) to fill in: whole, so a
        translation may order them as its language needs. The kinds ccdesk's modules use each have their own."""
        known: dict[str, Callable[[], str]] = {
            "": lambda: translate("LocalFileError", "The file {path} {problem}"),
            "call journal": lambda: translate("LocalFileError", "The call journal file {path} {problem}"),
            "settings": lambda: translate("LocalFileError", "The settings file {path} {problem}"),
            "transaction-code catalog": lambda: translate(
                "LocalFileError", "The transaction-code catalog file {path} {problem}"
            ),
            "instance key": lambda: translate("LocalFileError", "The instance key file {path} {problem}"),
            "hand-off endpoint": lambda: translate(
                "LocalFileError", "The hand-off endpoint file {path} {problem}"
            ),
            "log": lambda: translate("LocalFileError", "The log file {path} {problem}"),
            "diagnostics": lambda: translate("LocalFileError", "The diagnostics file {path} {problem}"),
            "ccdesk folder": lambda: translate("LocalFileError", "The ccdesk folder {path} {problem}"),
        }
        words = known.get(kind)
        if words is not None:
            return words()
        # a kind such as "backup folder" names a folder; any other kind names a file
        if kind.endswith("folder"):
            return translate("LocalFileError", "The {kind} {path} {problem}")
        return translate("LocalFileError", "The {kind} file {path} {problem}")


def _as_written(context: str, text: str) -> str:
    """The English text itself: `_problem`'s words for logs and reports, whatever language the window speaks."""
    return text


def os_problem(exc: BaseException) -> str:
    """Plain words for an OS or SQLite failure on a file: full disk, read-only, locked, denied, missing.

    Always English: for logs, diagnostics reports and code that matches the words ("locked" in it). A person reads
    `os_problem_words`."""
    return _problem(exc, _as_written)


def os_problem_words(exc: BaseException) -> str:
    """`os_problem` in the window's language (English without a translator): the problem of a LocalFileError, or
    part of any sentence a person reads."""
    return _problem(exc, translate)


def _problem(exc: BaseException, translate: Callable[[str, str], str]) -> str:
    """The words for `exc`, through `translate` (named so, as lupdate finds the words by that call)."""
    if isinstance(exc, sqlite3.Error):
        text = str(exc).lower()
        if "locked" in text or "busy" in text:
            return translate("LocalFiles", "is locked by another program")
        if "full" in text:
            return translate("LocalFiles", "cannot be written: the disk is full")
        if "readonly" in text or "read-only" in text:
            return translate("LocalFiles", "cannot be written: it or its folder is read-only")
        if "not a database" in text or "malformed" in text or "corrupt" in text:
            return translate("LocalFiles", "is damaged (not a readable SQLite database)")
        if "unable to open" in text:
            return translate(
                "LocalFiles", "cannot be opened (is it a folder, or is its folder missing or read-only?)"
            )
        return translate("LocalFiles", "cannot be used ({reason})").format(reason=exc)
    if isinstance(exc, OSError):
        code = exc.errno
        if code == errno.ENOSPC or code == getattr(errno, "EDQUOT", -1):
            return translate("LocalFiles", "cannot be written: the disk is full")
        if code == errno.EROFS:
            return translate("LocalFiles", "cannot be written: the disk is read-only")
        if code in (errno.EACCES, errno.EPERM):
            return translate("LocalFiles", "cannot be used: permission denied (read-only file or folder?)")
        if code == errno.ENOENT:
            return translate("LocalFiles", "is missing")
        if code == errno.EISDIR:
            return translate("LocalFiles", "is a folder, not a file")
        if code == errno.ENOTDIR:
            return translate("LocalFiles", "cannot be reached: part of its path is a file, not a folder")
        return translate("LocalFiles", "cannot be used ({reason})").format(reason=exc.strerror or exc)
    if isinstance(exc, UnicodeError):
        return translate("LocalFiles", "is not readable text (not UTF-8)")
    return translate("LocalFiles", "cannot be used ({reason})").format(reason=exc)


#: ccdesk's files and folders on POSIX: the user's alone (its journal holds numbers dialled and attached data)
PRIVATE_FILE = 0o600
PRIVATE_FOLDER = 0o700
# what open(O_NOFOLLOW) answers for a symbolic link (EMLINK on FreeBSD), and ENXIO for a socket
_NOT_A_PLAIN_FILE = (errno.ELOOP, errno.EMLINK, errno.ENXIO, errno.EISDIR)


def make_private(path: Path, *, create: bool = False, dir_fd: int | None = None) -> LocalFileError | None:
    """Make ccdesk's file `path` 0600 (and create it so when `create`); the problem when it cannot, never raises.

    Only a plain file owned by this user is changed, and a symbolic link is never followed (so nothing outside
    ccdesk's folders is touched); a missing file, a link, a socket or another user's file is left as it is.
    With `dir_fd`, `path.name` is opened in that (already opened) folder. Does nothing outside POSIX, where
    the files live in the user's own profile.
    """
    if sys.platform == "win32":
        return None
    flags = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_NOCTTY | (os.O_CREAT if create else 0)
    try:
        fd = os.open(path.name if dir_fd is not None else path, flags, PRIVATE_FILE, dir_fd=dir_fd)
    except FileNotFoundError:
        return None
    except OSError as exc:
        return None if exc.errno in _NOT_A_PLAIN_FILE else not_private(path, "", exc)
    try:
        st = os.fstat(fd)
        if stat.S_ISREG(st.st_mode) and st.st_uid == os.geteuid() and st.st_mode & 0o077:
            os.fchmod(fd, PRIVATE_FILE)
    except OSError as exc:
        return not_private(path, "", exc)
    finally:
        os.close(fd)
    return None


def not_private(path: Path, kind: str, exc: OSError) -> LocalFileError:
    """A file or folder of ccdesk's that other users may read and that could not be made private."""
    mode = "0700" if kind.endswith("folder") else "0600"
    return LocalFileError(
        path,
        kind,
        translate(
            "LocalFiles",
            "may be readable by other users of this computer and could not be made private ({mode}): {reason}",
        ).format(mode=mode, reason=exc.strerror or exc),
        remedy=translate(
            "LocalFiles",
            "ccdesk goes on. Check who owns it and its rights (only you should read it), then restart ccdesk.",
        ),
    )


def move_aside(path: Path) -> Path:
    """Rename a broken file (or folder) to `NAME.broken-YYYYmmdd-HHMMSS[-n]` beside it; returns the new path.

    The original is kept whole as a backup; an existing backup is never overwritten. SQLite's companion files
    (-wal, -shm) travel with a database so they are never replayed into a new one.
    """
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.broken-{stamp}")
    n = 1
    while target.exists() or target.is_symlink():
        n += 1
        target = path.with_name(f"{path.name}.broken-{stamp}-{n}")
    try:
        os.replace(path, target)
        for suffix in ("-wal", "-shm", "-journal"):
            companion = path.with_name(path.name + suffix)
            if companion.exists():
                os.replace(companion, target.with_name(target.name + suffix))
    except OSError as exc:
        raise LocalFileError(
            path,
            "",
            translate("LocalFiles", "could not be moved aside: {problem}").format(
                problem=os_problem_words(exc)
            ),
            remedy=translate("LocalFiles", "Move or rename {path} yourself, then start ccdesk again.").format(
                path=path
            ),
        ) from exc
    return target
