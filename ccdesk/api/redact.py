"""Keep the Action Request Token out of every log line.

The client itself never logs headers or the token, but httpx and httpcore log at DEBUG and a traceback can
quote anything. A filter on each *handler* sees every record that reaches it, including those propagated from
the httpx/httpcore loggers (a filter on a logger only sees records logged on that very logger), so the command
line and the window attach this to their handlers.
"""

from __future__ import annotations

import base64
import logging
import re
from collections.abc import Iterable

MASK = "***"
_BASIC = re.compile(r"\b(Basic\s+)[A-Za-z0-9+/_\-]+=*", re.IGNORECASE)


def basic_credential(username: str, token: str) -> str:
    """The base64 part of `Authorization: Basic ...`, encoded as httpx.BasicAuth encodes it (UTF-8)."""
    return base64.b64encode(f"{username}:{token}".encode()).decode("ascii")


class RedactingFilter(logging.Filter):
    """Rewrites each record's message (and traceback text) with every secret replaced by `***`.

    Replaced: each secret verbatim; its Basic form `base64(user:secret)` for each of `usernames`; and any
    `Basic <credential>` text. The message is rendered first and the args dropped, so a secret
    split between the format string and its arguments is caught too.
    """

    def __init__(self, secrets: Iterable[str], *, usernames: Iterable[str] = ()) -> None:
        super().__init__()
        plain = {secret for secret in secrets if secret}
        users = set(usernames)
        encoded = {basic_credential(user, secret) for user in users for secret in plain}
        # Longest first, so a secret that contains another is masked whole.
        self._secrets = sorted(plain | encoded, key=len, reverse=True)

    def redact(self, text: str) -> str:
        for secret in self._secrets:
            text = text.replace(secret, MASK)
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


def install_redaction(
    target: logging.Handler | logging.Logger, *secrets: str, usernames: Iterable[str] = ()
) -> RedactingFilter:
    """Attach a RedactingFilter to a handler, or to a logger and every handler it has now; returns the filter.

    Prefer handlers: a logger's own filter does not see records propagated from child loggers such as httpx.
    """
    redacting = RedactingFilter(secrets, usernames=usernames)
    target.addFilter(redacting)
    if isinstance(target, logging.Logger):
        for handler in target.handlers:
            handler.addFilter(redacting)
    return redacting
