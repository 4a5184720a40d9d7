"""Where ccdesk keeps its files: the platform's folders, or everything under CCDESK_HOME.

CCDESK_HOME exists for tests and portable installs: with it set, nothing is read from or written to the
user's real profile folders.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

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
        for folder in (self.config, self.data, self.logs):
            folder.mkdir(parents=True, exist_ok=True)
        return self


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
