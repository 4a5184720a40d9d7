"""Where a tenant's API lives: platform codes and explicit base URLs.

The token travels in every request, so the base URL is checked before anything is sent: https to any host,
plain http only to this computer (the simulator), and nothing in the URL that could smuggle credentials or a
query.
"""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import urlsplit

from ccdesk.api.errors import InvalidInput
from ccdesk.api.words import translate

_PLATFORM = re.compile(r"([a-z]{2})([0-9]+)([a-z]?)")

#: Platforms whose API is not on an 8x8 host (from 8x8's Agent Status OpenAPI file).
_OWN_HOSTS = {"bc2": "https://odcc2.bell.ca/api/v1"}


def base_url_for_platform(code: str) -> tuple[str, str | None]:
    """The API base URL for a platform code such as `na12`, and a note to show when the code was adjusted."""
    if not isinstance(code, str):  # only code passes other types: a programmer's error, said in English
        raise InvalidInput(f"A platform code is text such as na12, not {type(code).__name__}.")
    normal = code.strip().lower()
    match = _PLATFORM.fullmatch(normal) if code.isascii() else None
    if not match:
        raise InvalidInput(
            translate(
                "Platforms",
                "Platform code {code} is not valid: it is two letters and a number, such as na12 or eu9, as seen in "
                "the Configuration Manager address.",
            ).format(code=repr(code))
        )
    letters, digits, suffix = match.groups()
    platform = f"{letters}{digits}"
    note = None
    if suffix:
        note = translate(
            "Platforms",
            "Platform code {code} was used as {platform}: the letter after the number names a server, not the API "
            "host.",
        ).format(code=normal, platform=platform)
    if platform in _OWN_HOSTS:
        return _OWN_HOSTS[platform], note
    if letters == "bc":
        bell = translate(
            "Platforms",
            "Bell Canada tenants may use their own host; set the base URL if this one does not answer.",
        )
        note = f"{note} {bell}" if note else bell  # two whole sentences
    return f"https://vcc-{platform}.8x8.com/api/v1", note


def is_loopback_host(host: str) -> bool:
    """True for localhost, 127.0.0.0/8 and ::1: the only hosts plain http may reach."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def validate_base_url(url: str) -> str:
    """Check an explicit base URL and return it normalised (lower-case scheme and host, no trailing slash)."""
    if not isinstance(url, str) or not url.strip():
        raise InvalidInput(translate("Platforms", "The base URL is empty."))
    text = url.strip()
    shown = repr(text)
    if any(ch.isspace() or ord(ch) < 0x20 or ord(ch) == 0x7F for ch in text):
        raise InvalidInput(
            translate("Platforms", "The base URL {url} contains spaces or control characters.").format(
                url=shown
            )
        )
    if "?" in text or "#" in text:
        raise InvalidInput(
            translate("Platforms", "The base URL {url} must not have a query (?) or fragment (#).").format(
                url=shown
            )
        )
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError as exc:
        raise InvalidInput(
            translate("Platforms", "The base URL {url} is not valid: {problem}.").format(
                url=shown, problem=exc
            )
        ) from exc
    scheme = parts.scheme.lower()
    if scheme not in {"https", "http"}:
        raise InvalidInput(
            translate("Platforms", "The base URL {url} must start with https://.").format(url=shown)
        )
    host = parts.hostname
    if not host:
        raise InvalidInput(translate("Platforms", "The base URL {url} has no host.").format(url=shown))
    if "@" in parts.netloc:
        raise InvalidInput(
            translate(
                "Platforms",
                "The base URL must not contain a user name or password; the token is stored separately.",
            )
        )
    if scheme == "http" and not is_loopback_host(host):
        raise InvalidInput(
            translate(
                "Platforms",
                "The base URL {url} uses plain http: plain http is only allowed to this computer (loopback); use "
                "https.",
            ).format(url=shown)
        )
    netloc = f"[{host}]" if ":" in host else host
    if port is not None:
        netloc = f"{netloc}:{port}"
    return f"{scheme}://{netloc}{parts.path.rstrip('/')}"
