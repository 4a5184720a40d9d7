"""Saved connection profiles, shared by the command line and the window.

The file is JSON, written atomically (temp file, fsync, rename) so a crash mid-save never leaves half a
config. It never holds the token: tokens live in the OS keyring or CCDESK_TOKEN only, and a token-like key
found in the file is refused rather than silently used.

People edit this file by hand, so a wrong-typed setting does not stop ccdesk: it is left at its default and
reported in `Config.problems`. A file that cannot be read as a config at all raises `LocalFileError`. A save never
silently replaces a file that held something it would drop: that file is first copied aside as a backup.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from ccdesk.api import ids
from ccdesk.api.errors import ConfigurationError, InvalidInput
from ccdesk.api.models import BULK_STATUS_METHODS, StatusCode
from ccdesk.api.words import translate
from ccdesk.core.local_files import LocalFileError, os_problem_words
from ccdesk.core.paths import make_private_dir

CONFIG_VERSION = 1
_SECRET_KEYS = frozenset(
    {
        "token",
        "password",
        "secret",
        "action_token",
        "api_token",
        "stream_key",
        "api_key",
        "x-api-key",
        "x_api_key",
    }
)
_TEXT_FIELDS = (
    "platform",
    "base_url",
    "tenant",
    "username",
    "agent_id",
    "region",
    "catalog_file",
    "stream_region",
    "stream_url",
    "stream_topic",
)
#: event stream settings are written only when set, so a file without a stream reads the same in older ccdesks
_OPTIONAL_TEXT = ("stream_region", "stream_url", "stream_topic")
_CHOICE_FIELDS = ("caller_ids", "queues", "dial_plans")
_CHOICE_CHECKS = {"caller_ids": ids.caller_id, "queues": ids.queue_id, "dial_plans": ids.dialplan_id}
_PRESET_PARTS = ("ext", "ctl")


def _not_an_object(data: Any) -> str:
    """Why a settings file's top level is refused, naming what it holds instead of an object."""
    if isinstance(data, list):
        return translate("Profiles", "must hold a JSON object {...}, not a list [...]")
    if isinstance(data, str):
        return translate("Profiles", "must hold a JSON object {...}, not text")
    if isinstance(data, bool):
        return translate("Profiles", "must hold a JSON object {...}, not true/false")
    if isinstance(data, int | float):
        return translate("Profiles", "must hold a JSON object {...}, not a number")
    return translate("Profiles", "must hold a JSON object {...}, not null")


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
    #: the tenant's status codes (Configuration Manager > Status Codes), offered beside a status change
    status_codes: list[StatusCode] = field(default_factory=list)
    #: the method this tenant's bulk status endpoint accepted ("POST" or "PUT"; "" not known yet)
    bulk_status_method: str = ""
    #: 8x8 Event Streaming: region (uk3, us1, us2) or an explicit wss:// URL; "" for neither (no stream)
    stream_region: str = ""
    stream_url: str = ""
    #: the topic to read, namespace/topic; "" reads the agent's own topic agent-v1/{agent_id}
    stream_topic: str = ""

    @property
    def effective_username(self) -> str:
        """The Basic-auth username, which defaults to the tenant name as the document says."""
        return self.username or self.tenant

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("name")
        for key in _OPTIONAL_TEXT:
            if not data[key]:
                data.pop(key)
        return data

    @classmethod
    def from_json(cls, name: str, data: Mapping[str, Any], problems: list[str] | None = None) -> Profile:
        """A profile from its JSON body; each wrong-typed or unknown setting is skipped and noted in `problems`."""
        secrets = _SECRET_KEYS.intersection(k.lower() for k in data)
        if secrets:
            raise ConfigurationError(
                translate(
                    "Profiles",
                    "Profile '{name}' contains a secret ({keys}). Tokens and keys belong in the OS keyring or "
                    "CCDESK_TOKEN / CCDESK_STREAM_KEY, never in the config file: remove it from the file.",
                ).format(name=name, keys=", ".join(sorted(secrets)))
            )
        found: list[str] = []
        profile = cls(name=name)
        for key, value in data.items():
            if value is None:
                continue  # an empty setting: the default
            if key in _TEXT_FIELDS:
                if isinstance(value, str):
                    setattr(profile, key, value)
                else:
                    found.append(translate("Profiles", "'{key}' must be text; ignored").format(key=key))
            elif key in _CHOICE_FIELDS:
                setattr(profile, key, _choices(key, value, found))
            elif key == "dial_links_at_once":
                if isinstance(value, bool):
                    profile.dial_links_at_once = value
                else:
                    found.append(
                        translate("Profiles", "'{key}' must be true or false; ignored").format(key=key)
                    )
            elif key == "data_presets":
                profile.data_presets = _presets(value, found)
            elif key == "status_codes":
                profile.status_codes = _status_codes(value, found)
            elif key == "bulk_status_method":
                if isinstance(value, str) and value.upper() in ("", *BULK_STATUS_METHODS):
                    profile.bulk_status_method = value.upper()
                else:
                    found.append(
                        translate("Profiles", '\'{key}\' must be "POST" or "PUT"; ignored').format(key=key)
                    )
            else:
                found.append(translate("Profiles", "unknown setting '{key}'; ignored").format(key=key))
        if problems is not None:
            problems.extend(
                translate("Profiles", "profile '{name}': {problem}").format(name=name, problem=text)
                for text in found
            )
        return profile


def _choices(key: str, value: Any, problems: list[str]) -> list[Choice]:
    """A list of ids (or {"value", "name"} objects); numbers are read as ids, anything else is skipped."""
    if not isinstance(value, list):
        problems.append(translate("Profiles", "'{key}' must be a list; ignored").format(key=key))
        return []
    choices: list[Choice] = []
    for n, item in enumerate(value, 1):
        raw = item.get("value") if isinstance(item, dict) else item
        name = item.get("name") if isinstance(item, dict) else ""
        if isinstance(raw, bool) or not isinstance(raw, str | int) or not str(raw).strip():
            problems.append(
                translate(
                    "Profiles", "'{key}' item #{n} is not an id or an object with a \"value\"; ignored"
                ).format(key=key, n=n)
            )
            continue
        try:  # the one validator: a profile's ids reach requests like typed ones
            checked = _CHOICE_CHECKS[key](str(raw).strip())
        except InvalidInput as exc:
            problems.append(
                translate("Profiles", "'{key}' item #{n}: {problem}; ignored").format(
                    key=key, n=n, problem=exc.message
                )
            )
            continue
        choices.append(Choice(checked, name if isinstance(name, str) and _safe(name) else ""))
    return choices


def _safe(text: str) -> bool:
    """A display name without control or bidi characters (they are dropped, not shown)."""
    try:
        ids.clean_text("name", text, most=200, allow_empty=True)
    except InvalidInput:
        return False
    return True


def _status_codes(value: Any, problems: list[str]) -> list[StatusCode]:
    """Status codes as {"list_id", "item_id", "short_code", "name"} objects; each unusable one is skipped."""
    if not isinstance(value, list):
        problems.append(translate("Profiles", "'status_codes' must be a list; ignored"))
        return []
    codes: list[StatusCode] = []
    for n, item in enumerate(value, 1):
        try:
            if not isinstance(item, dict):
                raise InvalidInput(translate("Profiles", "it is not an object"))
            fields: dict[str, Any] = {key: item.get(key) for key in ("list_id", "item_id", "short_code")}
            codes.append(StatusCode(**fields, name=item.get("name") or ""))
        except InvalidInput as exc:
            problems.append(
                translate(
                    "Profiles",
                    "'status_codes' item #{n} is not a status code {{list_id, item_id, short_code, name}} ({problem}); "
                    "ignored",
                ).format(n=n, problem=exc.message.rstrip("."))
            )
    return codes


def remember_bulk_status_method(store: ProfileStore, profile_name: str, method: str) -> bool:
    """Save the bulk status method a profile's tenant accepted; True when config.json changed.

    Only a saved profile remembers it (settings from the environment alone have nowhere to keep it). The
    file is read again first, so the save keeps whatever else changed in it meanwhile.
    """
    if not profile_name or method not in BULK_STATUS_METHODS:
        return False
    config = store.load()
    profile = config.profiles.get(profile_name)
    if profile is None or profile.bulk_status_method == method:
        return False
    profile.bulk_status_method = method
    store.save(config)
    return True


def _presets(value: Any, problems: list[str]) -> dict[str, dict[str, list[list[str]]]]:
    """Attached-data presets, keeping only well-formed [name, value] rows."""
    if not isinstance(value, dict):
        problems.append(
            translate("Profiles", "'data_presets' must be an object (preset name -> data); ignored")
        )
        return {}
    presets: dict[str, dict[str, list[list[str]]]] = {}
    for preset, body in value.items():
        if not isinstance(body, dict):
            problems.append(
                translate("Profiles", "preset '{preset}' must be an object; ignored").format(preset=preset)
            )
            continue
        parts: dict[str, list[list[str]]] = {}
        for part in _PRESET_PARTS:
            rows = body.get(part) or []
            rows = rows if isinstance(rows, list) else [rows]
            parts[part] = [[str(row[0]), str(row[1])] for row in rows if _pair(row)]
            if len(parts[part]) < len(rows):
                problems.append(
                    translate(
                        "Profiles",
                        "preset '{preset}': '{part}' holds rows that are not [name, value]; ignored",
                    ).format(preset=preset, part=part)
                )
        problems.extend(
            translate("Profiles", "preset '{preset}': unknown part '{part}'; ignored").format(
                preset=preset, part=k
            )
            for k in body
            if k not in _PRESET_PARTS
        )
        presets[str(preset)] = parts
    return presets


def _pair(row: Any) -> bool:
    """A [name, value] row of text (numbers are read as text)."""
    return (
        isinstance(row, list)
        and len(row) == 2
        and all(isinstance(cell, str | int | float) and not isinstance(cell, bool) for cell in row)
    )


@dataclass
class Config:
    """Everything in config.json."""

    profiles: dict[str, Profile] = field(default_factory=dict)
    default_profile: str = ""
    #: what was wrong in the file and skipped, in plain words ("profile 'work': 'queues' must be a list; ignored")
    problems: tuple[str, ...] = ()

    def profile(self, name: str | None) -> Profile | None:
        """The named profile, else the default one, else the only one; None when none applies."""
        if name:
            found = self.profiles.get(name)
            if found is None:
                known = ", ".join(sorted(self.profiles)) or translate("Profiles", "none saved yet")
                raise ConfigurationError(
                    translate("Profiles", "There is no profile named '{name}' (profiles: {known}).").format(
                        name=name, known=known
                    )
                )
            return found
        if self.default_profile in self.profiles:
            return self.profiles[self.default_profile]
        if len(self.profiles) == 1:
            return next(iter(self.profiles.values()))
        return None


class ProfileStore:
    """Loads and saves config.json."""

    KIND = "settings"

    def __init__(self, path: Path) -> None:
        self.path = path

    def load(self) -> Config:
        """The saved config (empty when there is none); LocalFileError when the file cannot be read as one."""
        raw = self._read()
        return Config() if raw is None else self._parse(raw)

    def save(self, config: Config) -> Path | None:
        """Write `config`; returns the backup copy made first when the file held something this save drops.

        A file ccdesk could not read whole (damaged, wrong-typed settings, unknown keys) is the user's work: it
        is copied to NAME.broken-TIMESTAMP before being replaced. When the write fails, the file is untouched.
        """
        data = {
            "version": CONFIG_VERSION,
            "default_profile": config.default_profile,
            "profiles": {name: p.to_json() for name, p in sorted(config.profiles.items())},
        }
        backup = self._back_up_if_lossy()
        try:
            write_atomically(self.path, json.dumps(data, indent=2, sort_keys=False) + "\n")
        except OSError as exc:
            raise LocalFileError(
                self.path,
                self.KIND,
                translate("Profiles", "could not be saved: {problem}").format(problem=os_problem_words(exc)),
                remedy=translate(
                    "Profiles",
                    "The settings were not changed. Free some disk space or fix the folder's permissions, then save "
                    "again.",
                ),
            ) from exc
        return backup

    def _read(self) -> bytes | None:
        try:
            return self.path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise LocalFileError(self.path, self.KIND, os_problem_words(exc), can_move_aside=True) from exc

    def _parse(self, raw: bytes) -> Config:
        try:
            data = json.loads(raw.decode("utf-8"))
        except UnicodeDecodeError as exc:
            raise LocalFileError(self.path, self.KIND, os_problem_words(exc), can_move_aside=True) from exc
        except json.JSONDecodeError as exc:
            problem = (
                translate("Profiles", "is empty")
                if not raw.strip()
                else translate("Profiles", "is not valid JSON ({error})").format(error=exc)
            )
            raise LocalFileError(self.path, self.KIND, problem, can_move_aside=True) from exc
        if not isinstance(data, dict):
            raise LocalFileError(
                self.path,
                self.KIND,
                _not_an_object(data),
                can_move_aside=True,
            )
        problems = [
            translate("Profiles", "unknown setting '{key}'; ignored").format(key=key)
            for key in data
            if key not in ("version", "default_profile", "profiles")
        ]
        version = data.get("version", CONFIG_VERSION)
        if isinstance(version, int) and version > CONFIG_VERSION:
            problems.append(
                translate(
                    "Profiles", "written by a newer ccdesk (version {version}); settings it added are ignored"
                ).format(version=version)
            )
        bodies = data.get("profiles")
        bodies = {} if bodies is None else bodies
        if not isinstance(bodies, dict):
            problems.append(
                translate("Profiles", "'profiles' must be an object (profile name -> settings); ignored")
            )
            bodies = {}
        profiles: dict[str, Profile] = {}
        for name, body in bodies.items():
            if not isinstance(body, dict):
                problems.append(
                    translate("Profiles", "profile '{name}' must be an object; ignored").format(name=name)
                )
                continue
            try:
                profiles[name] = Profile.from_json(name, body, problems)
            except ConfigurationError as exc:
                raise LocalFileError(
                    self.path,
                    self.KIND,
                    translate("Profiles", "is refused: {reason}").format(reason=exc.message),
                    remedy=translate(
                        "Profiles",
                        "Remove the secret from the file (store the token with ccdesk-cli login or Settings).",
                    ),
                ) from exc
        default = data.get("default_profile") or ""
        if not isinstance(default, str):
            problems.append(translate("Profiles", "'default_profile' must be text; ignored"))
            default = ""
        return Config(profiles=profiles, default_profile=default, problems=tuple(problems))

    def _back_up_if_lossy(self) -> Path | None:
        """Copy the file aside when replacing it would lose something ccdesk could not read."""
        raw = self._read()
        if raw is None:
            return None
        try:
            if not self._parse(raw).problems:
                return None
        except ConfigurationError:
            pass  # damaged, or holding a secret: still the user's file, kept whole
        return keep_copy(self.path, raw, self.KIND)


def keep_copy(path: Path, raw: bytes, kind: str) -> Path:
    """Write `raw` (the file's old content) to a new NAME.broken-TIMESTAMP beside it; never overwrites one."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    n = 1
    while True:
        target = path.with_name(f"{path.name}.broken-{stamp}" + (f"-{n}" if n > 1 else ""))
        try:
            fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            n += 1
            continue
        except OSError as exc:
            raise _not_backed_up(path, kind, exc) from exc
        break
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(raw)
            handle.flush()
            os.fsync(handle.fileno())
    except OSError as exc:
        target.unlink(missing_ok=True)
        raise _not_backed_up(path, kind, exc) from exc
    return target


def _not_backed_up(path: Path, kind: str, exc: OSError) -> LocalFileError:
    problem = translate("Profiles", "could not be backed up before saving: {problem}; nothing was saved")
    return LocalFileError(path, kind, problem.format(problem=os_problem_words(exc)))


def write_atomically(path: Path, text: str) -> None:
    """Replace `path` with `text` so readers see the old file or the new one, never a mix (nor a temp file)."""
    make_private_dir(path.parent)
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
