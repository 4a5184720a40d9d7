"""Keep the Action Request Token out of every log line.

The client itself never logs headers or the token, but httpx and httpcore log at DEBUG and a traceback can
quote anything. A filter on each *handler* sees every record that reaches it, including those propagated from
the httpx/httpcore loggers (a filter on a logger only sees records logged on that very logger), so the command
line and the window attach this to their handlers.
"""

from __future__ import annotations

import base64
import binascii
import logging
import re
from collections.abc import Iterable

MASK = "***"
_BASIC = re.compile(r"\b(Basic\s+)[A-Za-z0-9+/_\-]+=*", re.IGNORECASE)
# Long enough to hold "u:" plus a token; shorter runs are ordinary words.
_BASE64 = re.compile(r"[A-Za-z0-9+/]{8,}={0,2}")


class RedactingFilter(logging.Filter):
    """Rewrites each record's message (and traceback text) with every secret replaced by `***`.

    Replaced: each secret verbatim; any base64 text that decodes to something containing a secret (the Basic
    credential `base64(username:token)`, whatever the username); and any `Basic <credential>` text at all. The
    message is rendered first and the args dropped, so a secret split between format and arguments is caught.
    """

    def __init__(self, secrets: Iterable[str]) -> None:
        super().__init__()
        # Longest first, so a secret that contains another is masked whole.
        self._secrets = sorted({secret for secret in secrets if secret}, key=len, reverse=True)

    def _hides_secret(self, match: re.Match[str]) -> str:
        text = match.group(0)
        try:
            decoded = base64.b64decode(text + "=" * (-len(text) % 4), validate=True).decode("utf-8", "ignore")
        except (binascii.Error, ValueError):
            return text
        return MASK if any(secret in decoded for secret in self._secrets) else text

    def redact(self, text: str) -> str:
        for secret in self._secrets:
            text = text.replace(secret, MASK)
        if self._secrets:
            text = _BASE64.sub(self._hides_secret, text)
        return _BASIC.sub(rf"\g<1>{MASK}", text)

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a malformed record must still be redacted, not dropped or crash the handler
            message = f"{record.msg} {record.args!r}"
        record.msg = self.redact(message)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self.redact(record.exc_text)
        if record.stack_info:
            record.stack_info = self.redact(record.stack_info)
        return True


def install_redaction(target: logging.Handler | logging.Logger, *secrets: str) -> RedactingFilter:
    """Attach a RedactingFilter to a handler, or to a logger and every handler it has now; returns the filter.

    Prefer handlers: a logger's own filter does not see records propagated from child loggers such as httpx.
    """
    redacting = RedactingFilter(secrets)
    target.addFilter(redacting)
    if isinstance(target, logging.Logger):
        for handler in target.handlers:
            handler.addFilter(redacting)
    return redacting
