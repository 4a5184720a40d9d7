"""Saved connection profiles, shared by the command line and the window.

The file is JSON, written atomically (temp file, fsync, rename) so a crash mid-save never leaves half a
config. It never holds the token: tokens live in the OS keyring or CCDESK_TOKEN only, and a token-like key
found in the file is refused rather than silently used.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from ccdesk.api.errors import ConfigurationError

CONFIG_VERSION = 1
_SECRET_KEYS = frozenset({"token", "password", "secret", "action_token", "api_token"})


@dataclass(frozen=True)
class Choice:
    """A value the platform knows by id (caller id, queue, dial plan) with the name people know it by."""

    value: str
    name: str = ""

    @property
    def label(self) -> str:
        return f"{self.name} ({self.value})" if self.name else self.value

    @classmethod
    def from_json(cls, data: Any) -> Choice:
        if isinstance(data, dict):
            return cls(str(data.get("value", "")), str(data.get("name", "")))
        return cls(str(data))


@dataclass
class Profile:
    """One tenant/agent to work as. Either `platform` or `base_url` says where the API is."""

    name: str
    platform: str = ""
    base_url: str = ""
    tenant: str = ""
    username: str = ""
    agent_id: str = ""
    region: str = "US"
    caller_ids: list[Choice] = field(default_factory=list)
    queues: list[Choice] = field(default_factory=list)
    dial_plans: list[Choice] = field(default_factory=list)
    catalog_file: str = ""
    #: a tel:/callto:/ccdesk: link dials at once instead of waiting for the agent to press Enter
    dial_links_at_once: bool = False
    #: attached-data presets: name -> {"ext": [[name, value], ...], "ctl": [[name, value], ...]}
    data_presets: dict[str, dict[str, list[list[str]]]] = field(default_factory=dict)

    @property
    def effective_username(self) -> str:
        """The Basic-auth username, which defaults to the tenant name as the document says."""
        return self.username or self.tenant

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("name")
        return data

    @classmethod
    def from_json(cls, name: str, data: dict[str, Any]) -> Profile:
        secrets = _SECRET_KEYS.intersection(k.lower() for k in data)
        if secrets:
            raise ConfigurationError(
                f"Profile '{name}' contains a secret ({', '.join(sorted(secrets))}). Tokens belong in the OS "
                "keyring or CCDESK_TOKEN, never in the config file: remove it from the file."
            )
        known = {f.name for f in fields(cls)} - {"name"}
        values: dict[str, Any] = {k: v for k, v in data.items() if k in known}
        for key in ("caller_ids", "queues", "dial_plans"):
            values[key] = [Choice.from_json(item) for item in values.get(key) or []]
        values["dial_links_at_once"] = values.get("dial_links_at_once") is True
        presets = values.get("data_presets")
        values["data_presets"] = presets if isinstance(presets, dict) else {}
        for key in ("platform", "base_url", "tenant", "username", "agent_id", "region", "catalog_file"):
            if key in values:
                values[key] = "" if values[key] is None else str(values[key])
        return cls(name=name, **values)


@dataclass
class Config:
    """Everything in config.json."""

    profiles: dict[str, Profile] = field(default_factory=dict)
    default_profile: str = ""

    def profile(self, name: str | None) -> Profile | None:
        """The named profile, else the default one, else the only one; None when none applies."""
        if name:
            found = self.profiles.get(name)
            if found is None:
                known = ", ".join(sorted(self.profiles)) or "none saved yet"
                raise ConfigurationError(f"There is no profile named '{name}' (profiles: {known}).")
            return found
        if self.default_profile in self.profiles:
            return self.profiles[self.default_profile]
        if len(self.profiles) == 1:
            return next(iter(self.profiles.values()))
        return None


class ProfileStore:
    """Loads and saves config.json."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def load(self) -> Config:
        try:
            raw = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return Config()
        try:
            data = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise ConfigurationError(f"{self.path} is not valid JSON ({exc}). Fix or remove it.") from exc
        if not isinstance(data, dict):
            raise ConfigurationError(f"{self.path} must hold a JSON object.")
        profiles = {
            str(name): Profile.from_json(str(name), body)
            for name, body in (data.get("profiles") or {}).items()
            if isinstance(body, dict)
        }
        return Config(profiles=profiles, default_profile=str(data.get("default_profile") or ""))

    def save(self, config: Config) -> None:
        data = {
            "version": CONFIG_VERSION,
            "default_profile": config.default_profile,
            "profiles": {name: p.to_json() for name, p in sorted(config.profiles.items())},
        }
        write_atomically(self.path, json.dumps(data, indent=2, sort_keys=False) + "\n")


def write_atomically(path: Path, text: str) -> None:
    """Replace `path` with `text` so readers see the old file or the new one, never a mix."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
