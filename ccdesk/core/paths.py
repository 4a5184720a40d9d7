"""Where ccdesk keeps its files: the platform's folders, or everything under CCDESK_HOME.

CCDESK_HOME exists for tests and portable installs: with it set, nothing is read from or written to the
user's real profile folders. Folders ccdesk creates are private (0700 on POSIX, design.md); folders that already
exist are left as their owner made them.
"""

from __future__ import annotations

import errno
import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from ccdesk.core.local_files import LocalFileError

APP_NAME = "ccdesk"
HOME_ENV = "CCDESK_HOME"


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
        return self


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
        problem = f"cannot be created: {blocker} is a file, not a folder"
        remedy = f"Move or rename {blocker}, or choose another folder with --home (or CCDESK_HOME)."
    else:
        code = exc.errno
        if code == errno.EROFS:
            problem = "cannot be created: the disk is read-only"
        elif code in (errno.EACCES, errno.EPERM):
            problem = "cannot be created: permission denied"
        elif code == errno.ENOSPC:
            problem = "cannot be created: the disk is full"
        else:
            problem = f"cannot be created ({exc.strerror or exc})"
        remedy = (
            "Fix the permissions of the folder above it or free some space, or choose another folder with "
            "--home (or CCDESK_HOME)."
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
