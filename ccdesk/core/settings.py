"""Which tenant, agent and host to talk to: command-line option, then environment, then the saved profile.

The command line and the window resolve settings the same way, so a script and the window pointed at the same
profile always agree. Where the API lives is taken whole from the highest level that names it (a platform code
on the command line beats a base URL in the profile).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ccdesk.api.errors import ConfigurationError
from ccdesk.api.platforms import base_url_for_platform, validate_base_url
from ccdesk.api.words import translate
from ccdesk.core.credentials import CredentialStore, account_name, resolve_token
from ccdesk.core.profiles import Config, Profile

if TYPE_CHECKING:  # httpx is imported when the first client is made, not when settings are read
    import httpx

    from ccdesk.api.client import CCClient

#: option name -> environment variable (design.md, section 3)
ENVIRONMENT = {
    "profile": "CCDESK_PROFILE",
    "platform": "CCDESK_PLATFORM",
    "base_url": "CCDESK_BASE_URL",
    "tenant": "CCDESK_TENANT",
    "username": "CCDESK_USERNAME",
    "agent": "CCDESK_AGENT",
    "home": "CCDESK_HOME",
}


@dataclass(frozen=True)
class Settings:
    """Everything needed to make a client, except the token."""

    profile_name: str
    base_url: str
    tenant: str
    username: str
    agent_id: str
    region: str
    notes: tuple[str, ...] = ()
    profile: Profile | None = None

    @property
    def account(self) -> str:
        """The keyring entry holding this login's token."""
        return account_name(self.tenant, self.username)

    def require_agent(self) -> str:
        if not self.agent_id:
            raise ConfigurationError(
                translate(
                    "Settings",
                    "No agent id: pass --agent, set CCDESK_AGENT, or save it in the profile (the agent's Internal Id "
                    "from Configuration Manager > Users).",
                )
            )
        return self.agent_id


def pick(options: Mapping[str, str | None], env: Mapping[str, str], key: str) -> str | None:
    """An option, else its environment variable; None when neither is set."""
    value = options.get(key)
    if value:
        return value
    return env.get(ENVIRONMENT[key]) or None


def resolve_settings(
    options: Mapping[str, str | None], config: Config, env: Mapping[str, str] | None = None
) -> Settings:
    """Merge options, environment and the chosen profile into Settings, or say what is missing."""
    env = os.environ if env is None else env
    profile = config.profile(pick(options, env, "profile"))
    levels: list[Mapping[str, str | None]] = [
        {k: options.get(k) for k in ("platform", "base_url")},
        {k: env.get(ENVIRONMENT[k]) for k in ("platform", "base_url")},
    ]
    if profile is not None:
        levels.append({"platform": profile.platform, "base_url": profile.base_url})
    notes: list[str] = []
    base_url = ""
    for level in levels:
        if level.get("base_url"):
            base_url = validate_base_url(str(level["base_url"]))
            break
        if level.get("platform"):
            base_url, note = base_url_for_platform(str(level["platform"]))
            if note:
                notes.append(note)
            break
    if not base_url:
        raise ConfigurationError(
            translate(
                "Settings",
                "Where is your contact center? Pass --platform (e.g. na12) or --base-url, set CCDESK_PLATFORM, or "
                "save a profile.",
            )
        )
    tenant = pick(options, env, "tenant") or (profile.tenant if profile else "")
    if not tenant:
        raise ConfigurationError(
            translate("Settings", "No tenant: pass --tenant, set CCDESK_TENANT, or save it in the profile.")
        )
    username = pick(options, env, "username") or (profile.username if profile else "") or tenant
    agent = pick(options, env, "agent") or (profile.agent_id if profile else "")
    region = options.get("region") or (profile.region if profile else "") or "US"
    return Settings(
        profile_name=profile.name if profile else "",
        base_url=base_url,
        tenant=tenant,
        username=username,
        agent_id=agent,
        region=region.upper(),
        notes=tuple(notes),
        profile=profile,
    )


def make_client(
    settings: Settings,
    store: CredentialStore,
    *,
    env: Mapping[str, str] | None = None,
    transport: httpx.BaseTransport | None = None,
    read_timeout: float | None = None,
    on_retry: Callable | None = None,  # type: ignore[type-arg]
) -> CCClient:
    """A client for these settings, with the token from CCDESK_TOKEN or the keyring."""
    from ccdesk.api.client import CCClient

    token = resolve_token(store, settings.account, env)
    kwargs: dict[str, object] = {}
    if read_timeout is not None:
        kwargs["read_timeout"] = read_timeout
    if on_retry is not None:
        kwargs["on_retry"] = on_retry
    return CCClient(
        base_url=settings.base_url,
        tenant=settings.tenant,
        username=settings.username,
        token=token,
        transport=transport,
        **kwargs,  # type: ignore[arg-type]
    )


def settings_for_profile(profile: Profile) -> Settings:
    """Settings from one profile alone (the window's Settings dialog tests unsaved profiles this way)."""
    name = profile.name or "unsaved"
    return resolve_settings({"profile": name}, Config(profiles={name: profile}, default_profile=name), {})


def client_for_profile(
    profile: Profile,
    token: str | None,
    store: CredentialStore,
    *,
    transport: httpx.BaseTransport | None = None,
) -> CCClient:
    """A client for `profile`, with a typed token or else the stored one."""
    settings = settings_for_profile(profile)
    env = {"CCDESK_TOKEN": token} if token else {}
    return make_client(settings, store, env=env, transport=transport)
