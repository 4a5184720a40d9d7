"""Ids that become URL path segments.

An id typed by a person or copied from a log ends up inside a URL path. Without checking, `../agents` or `a/b`
would silently address a different resource, and `a?b` would turn half of it into a query. Each value is
refused unless it is plainly one segment, then percent-encoded so that nothing in it can be read as URL
syntax.
"""

from __future__ import annotations

import unicodedata
from urllib.parse import quote

from ccdesk.api import ids
from ccdesk.api.errors import InvalidInput

MAX_SEGMENT_LENGTH = 256
_FORBIDDEN = frozenset("/\\?#%")


def segment(label: str, value: str) -> str:
    """Validate `value` as one path segment and return it percent-encoded; `label` names it in errors."""
    if not isinstance(value, str):
        raise InvalidInput(f"The {label} must be text, not {type(value).__name__}.")
    if not value:
        raise InvalidInput(f"The {label} is empty.")
    if len(value) > MAX_SEGMENT_LENGTH:
        raise InvalidInput(
            f"The {label} is too long ({len(value)} characters; at most {MAX_SEGMENT_LENGTH})."
        )
    if value in {".", ".."}:
        raise InvalidInput(f"The {label} cannot be {value!r}.")
    for char in value:
        if char.isspace():
            raise InvalidInput(f"The {label} must not contain spaces or line breaks: {value!r}.")
        if unicodedata.category(char).startswith("C"):
            raise InvalidInput(f"The {label} must not contain control or invisible characters: {value!r}.")
        if char in _FORBIDDEN:
            raise InvalidInput(f"The {label} must not contain {char!r}: {value!r}.")
    return quote(value, safe="")


def line_number(value: int | str) -> int:
    """An agent line: 1 or 2 (the strings "1" and "2" from a command line are accepted too)."""
    return ids.line(value)
