"""Which certificate authorities ccdesk trusts, decided in one place for every TLS connection it makes.

Windows and macOS: the operating system's trust store, through `truststore`. That store holds the roots IT deploys
by policy, among them a TLS-inspecting corporate proxy's; certifi's bundle, which httpx uses by default, does not,
and there every request failed with "certificate verify failed" although the OS trusted the proxy.
Linux: certifi's bundle by default (the same roots on every distribution), or the system's (OpenSSL's default
paths, SSL_CERT_FILE/SSL_CERT_DIR) with CCDESK_TLS_TRUST=system. Either way certificates and host names are always
verified: there is no setting that turns verification off.
"""

from __future__ import annotations

import enum
import os
import ssl
import sys
from collections.abc import Mapping

from ccdesk.api.errors import ConfigurationError
from ccdesk.api.words import translate

TRUST_ENV = "CCDESK_TLS_TRUST"


class Trust(enum.StrEnum):
    """Whose list of certificate authorities is trusted."""

    #: the operating system's trust store (Windows, macOS: truststore; Linux: OpenSSL's paths)
    SYSTEM = "system"
    #: Mozilla's list as shipped by certifi
    CERTIFI = "certifi"


def default_trust(platform: str = sys.platform) -> Trust:
    """The system's store on Windows and macOS, where IT deploys its roots (an inspecting proxy's), else certifi's."""
    return Trust.SYSTEM if platform in ("win32", "darwin") else Trust.CERTIFI


def trust_choice(environ: Mapping[str, str] = os.environ, platform: str = sys.platform) -> Trust:
    """CCDESK_TLS_TRUST, or the platform's default; a bad value is a ConfigurationError before any request."""
    value = environ.get(TRUST_ENV, "").strip().lower()
    if not value:
        return default_trust(platform)
    try:
        return Trust(value)
    except ValueError:
        raise ConfigurationError(
            translate(
                "Tls",
                "{variable} must be 'system' (the operating system's certificate authorities) or 'certifi' (the list "
                "shipped with ccdesk), not {value}.",
            ).format(variable=TRUST_ENV, value=repr(environ[TRUST_ENV]))
        ) from None


def trust_in_use(environ: Mapping[str, str] = os.environ, platform: str = sys.platform) -> Trust:
    """The trust a certificate was checked against, for the words of a failure: trust_choice(), or the platform's
    default when the setting is unusable (a failure is no place to raise about it)."""
    try:
        return trust_choice(environ, platform)
    except ConfigurationError:
        return default_trust(platform)


def tls_context(trust: Trust | None = None) -> ssl.SSLContext:
    """A client context that verifies certificates and host names against `trust` (default: trust_choice())."""
    trust = trust_choice() if trust is None else trust
    if trust is Trust.SYSTEM:
        import truststore

        context: ssl.SSLContext = truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    else:
        import certifi

        context = ssl.create_default_context(cafile=certifi.where())
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    context.check_hostname = True
    context.verify_mode = ssl.CERT_REQUIRED
    return context
