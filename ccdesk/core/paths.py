"""Where ccdesk keeps its files: the platform's folders, or everything under CCDESK_HOME.

CCDESK_HOME exists for tests and portable installs: with it set, nothing is read from or written to the
user's real profile folders. On POSIX ccdesk's folders are private (0700) and its files too (0600): created that
way (`restrict_umask`, explicit modes) and tightened at start when found looser (SECURITY.md). On Windows they
live in the user's own profile.
"""

from __future__ import annotations

import errno
import logging
import os
import stat
import sys
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from ccdesk.api.words import translate
from ccdesk.core.local_files import PRIVATE_FOLDER, LocalFileError, make_private, not_private

APP_NAME = "ccdesk"
HOME_ENV = "CCDESK_HOME"

log = logging.getLogger("ccdesk")


@dataclass(frozen=True)
class AppDirs:
    """The three folders ccdesk writes to; created on first use, never at import."""

    config: Path
    data: Path
    logs: Path

    @property
    def config_file(self) -> Path:
        return self.config / "config.json"

    @property
    def journal_file(self) -> Path:
        return self.data / "journal.sqlite3"

    def ensure(self) -> AppDirs:
        """Create the folders; LocalFileError naming the one that cannot be made, and the way out."""
        for folder in (self.config, self.data, self.logs):
            try:
                make_private_dir(folder)
            except OSError as exc:
                raise folder_error(folder, exc) from exc
        for problem in self.tighten():  # ccdesk goes on: said, never a traceback
            log.warning("%s %s", problem, problem.explanation)
        return self

    def tighten(self) -> list[LocalFileError]:
        """Make the folders 0700 and ccdesk's files in them 0600 where an older version or umask left them looser.

        Only what this user owns is changed; symbolic links inside the folders are never followed, so nothing
        outside them is touched. Returns what could not be made private. Nothing to do outside POSIX.
        """
        if os.name != "posix":
            return []
        problems: list[LocalFileError] = []
        for folder in (self.config, self.data, self.logs):
            _tighten_folder(folder, None, 1, problems)
        return problems


def restrict_umask() -> None:
    """From here on, every file and folder this process creates is private to the user (umask 077, POSIX)."""
    if os.name == "posix":
        os.umask(0o077)


def _tighten_folder(folder: Path, dir_fd: int | None, depth: int, problems: list[LocalFileError]) -> None:
    """`folder` 0700 and its files 0600, its subfolders `depth` levels down too; a link inside is skipped."""
    if sys.platform == "win32":  # the user's own profile: nothing to tighten
        return
    flags = os.O_RDONLY | os.O_DIRECTORY | (os.O_NOFOLLOW if dir_fd is not None else 0)
    try:
        fd = os.open(folder.name if dir_fd is not None else folder, flags, dir_fd=dir_fd)
    except FileNotFoundError:
        return
    except OSError as exc:
        if dir_fd is None or exc.errno not in (errno.ELOOP, errno.EMLINK, errno.ENOTDIR):
            problems.append(not_private(folder, "ccdesk folder", exc))
        return
    try:
        st = os.fstat(fd)
        if st.st_uid != os.geteuid():
            return  # not the user's: neither changed nor looked into
        if stat.S_IMODE(st.st_mode) & 0o077:
            os.fchmod(fd, PRIVATE_FOLDER)
        with os.scandir(fd) as entries:
            for entry in entries:
                if entry.is_symlink():
                    continue
                if entry.is_dir(follow_symlinks=False):
                    if depth > 0:
                        _tighten_folder(folder / entry.name, fd, depth - 1, problems)
                elif (problem := make_private(folder / entry.name, dir_fd=fd)) is not None:
                    problems.append(problem)
    except OSError as exc:
        problems.append(not_private(folder, "ccdesk folder", exc))
    finally:
        os.close(fd)


def make_private_dir(folder: Path) -> None:
    """Create `folder` and its missing parents, each 0700 (mkdir(parents=True) gives parents the default mode)."""
    try:
        folder.mkdir(mode=0o700)
    except FileNotFoundError:
        if folder.parent == folder:
            raise
        make_private_dir(folder.parent)
        folder.mkdir(mode=0o700, exist_ok=True)
    except FileExistsError:
        if not folder.is_dir():
            raise


def folder_error(folder: Path, exc: OSError) -> LocalFileError:
    """Why a folder cannot be made or used, in plain words: a file in the way, read-only, denied, full."""
    blocker = next((p for p in (folder, *folder.parents) if _file_in_the_way(p)), None)
    if blocker is not None:
        problem = translate("Paths", "cannot be created: {blocker} is a file, not a folder").format(
            blocker=blocker
        )
        remedy = translate(
            "Paths", "Move or rename {blocker}, or choose another folder with --home (or CCDESK_HOME)."
        ).format(blocker=blocker)
    else:
        code = exc.errno
        if code == errno.EROFS:
            problem = translate("Paths", "cannot be created: the disk is read-only")
        elif code in (errno.EACCES, errno.EPERM):
            problem = translate("Paths", "cannot be created: permission denied")
        elif code == errno.ENOSPC:
            problem = translate("Paths", "cannot be created: the disk is full")
        else:
            problem = translate("Paths", "cannot be created ({reason})").format(reason=exc.strerror or exc)
        remedy = translate(
            "Paths",
            "Fix the permissions of the folder above it or free some space, or choose another folder with --home (or "
            "CCDESK_HOME).",
        )
    return LocalFileError(folder, "ccdesk folder", problem, remedy=remedy)


def _file_in_the_way(path: Path) -> bool:
    try:
        return path.exists() and not path.is_dir()
    except OSError:  # a folder above that cannot even be looked into
        return False


def app_dirs(home: str | os.PathLike[str] | None = None) -> AppDirs:
    """Folders for `home` (an explicit --home), else CCDESK_HOME, else the platform's user folders."""
    root = home if home is not None else os.environ.get(HOME_ENV) or None
    if root:
        base = Path(root).expanduser().resolve()
        return AppDirs(config=base / "config", data=base / "data", logs=base / "logs")
    return AppDirs(
        config=Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
        data=Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
        logs=Path(platformdirs.user_log_dir(APP_NAME, appauthor=False)),
    )
