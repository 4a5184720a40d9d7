"""Read whatever a failing server sent into reasons and a message, without ever failing ourselves.

The platform normally answers faults as `{"reasons": [...], "message": "..."}`, but gateways answer with HTML,
the Agent Status API with `<API><Error>403 - Forbidden.</Error></API>`, and proxies with anything at all. The
reasons are kept verbatim (the window matches documented reasons); only control characters are blanked out and
lengths bounded, because the text ends up on a terminal and in a dialog.
"""

from __future__ import annotations

import codecs
import html
import json
import re
from collections.abc import Mapping
from typing import Any

MAX_BODY_PARSED = 64 * 1024
MAX_REASONS = 20
MAX_REASON_LENGTH = 500
MAX_TEXT_LENGTH = 300

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]+")
_SPACES = re.compile(r"\s+")
_XML_ERROR = re.compile(r"<(error|message|reason)\b[^>]*>(.*?)</\1\s*>", re.IGNORECASE | re.DOTALL)
_HTML_TITLE = re.compile(r"<title\b[^>]*>(.*?)</title\s*>", re.IGNORECASE | re.DOTALL)
_HTML_DROP = re.compile(r"<(script|style)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^>]*>")
_CHARSET = re.compile(r"""charset\s*=\s*["']?([\w.:-]+)""", re.IGNORECASE)
_HTML_START = re.compile(r"\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body)\b", re.IGNORECASE | re.DOTALL)


def clean_text(value: Any, limit: int = MAX_REASON_LENGTH) -> str:
    """One line of printable text, at most `limit` characters."""
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)
    text = _SPACES.sub(" ", _CONTROL.sub(" ", text)).strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _reasons(value: Any) -> list[str]:
    if value is None:
        return []
    items = value if isinstance(value, list) else [value]
    return [text for text in (clean_text(item) for item in items if item is not None) if text]


def _from_json(data: Any) -> tuple[list[str], str]:
    if isinstance(data, list):
        return _reasons(data), ""
    if not isinstance(data, dict):
        return _reasons(data), ""
    reasons = _reasons(data.get("reasons")) + _reasons(data.get("reason"))
    error = data.get("error")
    if isinstance(error, dict):
        reasons += _reasons(error.get("message"))
    else:
        reasons += _reasons(error)
    errors = data.get("errors")
    if isinstance(errors, list):
        for item in errors:
            reasons += _reasons(item.get("message") if isinstance(item, dict) else item)
    message = data.get("message")
    if isinstance(message, str) and message.strip():
        return reasons, clean_text(message)
    problem = [clean_text(data[key]) for key in ("title", "detail") if isinstance(data.get(key), str)]
    return reasons, ": ".join(text for text in problem if text)


def _from_markup(text: str) -> tuple[list[str], str]:
    errors = [clean_text(html.unescape(_TAG.sub(" ", inner))) for _, inner in _XML_ERROR.findall(text)]
    errors = [error for error in errors if error]
    if errors:
        return errors, ""
    title = _HTML_TITLE.search(text)
    if title and clean_text(html.unescape(title.group(1))):
        return [], clean_text(html.unescape(title.group(1)), MAX_TEXT_LENGTH)
    body = html.unescape(_TAG.sub(" ", _HTML_DROP.sub(" ", text)))
    return [], clean_text(body, MAX_TEXT_LENGTH)


def media_type(headers: Mapping[str, str]) -> str:
    """The Content-Type header(s), lower-cased ("" when there is none)."""
    return " ".join(str(v) for k, v in headers.items() if str(k).lower() == "content-type").lower()


def decode_text(headers: Mapping[str, str], body: bytes) -> str:
    """A body as text, the one way success and fault bodies are both read: a UTF-8 byte-order mark wins, then
    the charset the Content-Type declares, then UTF-8. Never raises: undecodable bytes become U+FFFD.
    """
    if body.startswith(codecs.BOM_UTF8):
        return body[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace")
    declared = _CHARSET.search(media_type(headers))
    if declared:
        try:
            return body.decode(declared.group(1), errors="replace")
        except (LookupError, UnicodeError):  # unknown, not a text encoding, or strict-only: read as UTF-8
            pass
    return body.decode("utf-8", errors="replace")


def is_html(headers: Mapping[str, str], text: str) -> bool:
    """Whether an answer is a web page (a proxy's, a sign-in portal's): 8x8's APIs answer JSON or XML."""
    kind = media_type(headers)
    if "html" in kind:
        return True
    return "json" not in kind and bool(_HTML_START.match(text[:4096]))


def _parse(headers: Mapping[str, str], body: bytes) -> tuple[list[str], str]:
    text = decode_text(headers, body[:MAX_BODY_PARSED]).strip().lstrip("\ufeff")
    if not text:
        return [], ""
    content_type = media_type(headers)
    if text[0] in "{[" or "json" in content_type:
        try:
            return _from_json(json.loads(text))
        except ValueError:
            pass  # not JSON after all (or truncated): fall through to the text readings
    if text.startswith("<") or "html" in content_type or "xml" in content_type:
        return _from_markup(text)
    return [clean_text(text, MAX_TEXT_LENGTH)], ""


def parse_fault(status: int, headers: Mapping[str, str], body: bytes) -> tuple[tuple[str, ...], str]:
    """Reasons (verbatim, cleaned) and a message from a fault response. Never raises.

    `status` is accepted for symmetry with the caller and future per-status quirks; the reading does not
    depend on it today.
    """
    del status
    try:
        reasons, message = _parse(headers, bytes(body))
    except Exception:  # a fault parser that fails would hide the real fault
        return (), ""
    return tuple(reason for reason in reasons if reason)[:MAX_REASONS], message
