"""Which 8x8 event stream a session reads: address, topic and key, from options, environment and profile.

Like `core.settings`, the address is taken whole from the highest level that names one: the command line
(--stream-url, --stream-region), then the environment (CCDESK_STREAM_URL, CCDESK_STREAM_REGION), then the profile;
at one level a URL beats a region. No address anywhere means no stream: None, ccdesk works as it always did, and
the keyring is not even read. An address without a key, or a key without an address, is a configuration error in
plain words. The key comes from CCDESK_STREAM_KEY or the keyring entry `stream:TENANT`, never from a file or argv.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field

from ccdesk.api.errors import ConfigurationError
from ccdesk.api.stream import StreamConfigError, StreamEndpoint, endpoint_for, validate_key
from ccdesk.api.words import translate
from ccdesk.core.credentials import STREAM_KEY_ENV, CredentialStore, resolve_stream_key, stream_account_name
from ccdesk.core.settings import Settings

URL_ENV = "CCDESK_STREAM_URL"
REGION_ENV = "CCDESK_STREAM_REGION"
#: the agent's own topic, offered by 8x8 "for agent desktop integrations" (connection.md)
DEFAULT_TOPIC = "agent-v1/{agent_id}"


def key_help() -> str:
    """Which key the stream takes and where to put it, in the window's language (English on the command line)."""
    return translate(
        "StreamSettings",
        "The stream key is the tenant's Data Request Token (Configuration Manager > Integration > API Token) or an "
        "Admin Console key with the 'Pulsar Event Stream' product (eght_...), not the Action Request Token the calls "
        "use. Store it with `ccdesk-cli login --stream-key` (or the window's Settings), or set CCDESK_STREAM_KEY.",
    )


@dataclass(frozen=True)
class StreamSettings:
    """Everything a StreamReader needs. The key is left out of repr so a logged settings object shows no secret."""

    endpoint: StreamEndpoint
    key: str = field(repr=False)
    topic: str

    @property
    def account(self) -> str:
        """The keyring entry that holds (or would hold) this tenant's stream key."""
        return stream_account_name(self.endpoint.tenant)


def resolve_stream_settings(
    settings: Settings,
    store: CredentialStore,
    *,
    options: Mapping[str, str | None] | None = None,
    env: Mapping[str, str] | None = None,
    topic: str | None = None,
) -> StreamSettings | None:
    """The session's stream, None when none is configured, or StreamConfigError saying what is missing.

    `options` holds `stream_url` and `stream_region` from the command line; `topic` overrides the profile's
    topic (ccdesk-cli watch --topic). A keyring that cannot be read raises ConfigurationError.
    """
    env = os.environ if env is None else env
    options = options or {}
    profile = settings.profile
    levels = [
        ("--stream-url/--stream-region", options.get("stream_url"), options.get("stream_region")),
        (f"{URL_ENV}/{REGION_ENV}", env.get(URL_ENV), env.get(REGION_ENV)),
    ]
    if profile is not None:
        levels.append(
            (
                translate("StreamSettings", "profile '{name}'").format(name=profile.name),
                profile.stream_url,
                profile.stream_region,
            )
        )
    chosen = next(
        (
            (origin, (url or "").strip(), (region or "").strip())
            for origin, url, region in levels
            if url or region
        ),
        None,
    )
    if chosen is None:
        if (env.get(STREAM_KEY_ENV) or "").strip():
            raise StreamConfigError(
                translate(
                    "StreamSettings",
                    "{key} is set but no event stream region or URL is: pass --stream-region (uk3, us1, us2) or "
                    "--stream-url, set {region} or {url}, or save one in the profile. Without one, unset {key}.",
                ).format(key=STREAM_KEY_ENV, region=REGION_ENV, url=URL_ENV)
            )
        return None
    origin, url, region = chosen
    wanted = (topic or (profile.stream_topic if profile else "") or "").strip()
    if not wanted:
        if not settings.agent_id:
            raise StreamConfigError(
                translate(
                    "StreamSettings",
                    "The event stream ({origin}) reads the agent's topic agent-v1/AGENT, but there is no agent id: "
                    "pass --agent, set CCDESK_AGENT, or save it in the profile (or give a stream topic).",
                ).format(origin=origin)
            )
        wanted = DEFAULT_TOPIC.format(agent_id=settings.agent_id)
    try:
        endpoint = endpoint_for(tenant=settings.tenant, topic=wanted, url=url or None, region=region or None)
    except StreamConfigError as exc:
        raise StreamConfigError(
            translate("StreamSettings", "{problem} (from {origin})").format(
                problem=exc.message, origin=origin
            )
        ) from None
    key = resolve_stream_key(store, settings.tenant, env)
    if key is None:
        raise StreamConfigError(
            translate(
                "StreamSettings",
                "The event stream is set up ({origin}) but there is no stream key for tenant {tenant}. {help}",
            ).format(origin=origin, tenant=settings.tenant, help=key_help())
        )
    try:
        key = validate_key(key)
    except ConfigurationError as exc:
        raise StreamConfigError(
            translate("StreamSettings", "{problem} {help}").format(problem=exc.message, help=key_help())
        ) from None
    return StreamSettings(endpoint=endpoint, key=key, topic=wanted)
