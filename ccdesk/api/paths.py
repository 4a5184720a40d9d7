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
from ccdesk.api.ids import Sentences, refusal
from ccdesk.api.words import translate

MAX_SEGMENT_LENGTH = 256
_FORBIDDEN = frozenset("/\\?#%")

# Each field's own sentences, for the refusals a person can meet: an agent or interaction id reaches `segment`
# already checked by `ids` (which refuses more), so only the tenant, a group id and a stream topic's parts can fail
# here; any other label reads the English sentence with the label in it.
_EMPTY: Sentences = {
    "tenant": lambda: translate("Paths", "The tenant is empty."),
    "topic namespace": lambda: translate("Paths", "The topic namespace is empty."),
    "topic name": lambda: translate("Paths", "The topic name is empty."),
}
_TOO_LONG: Sentences = {
    "tenant": lambda: translate("Paths", "The tenant is too long ({length} characters; at most {most})."),
    "topic namespace": lambda: translate(
        "Paths", "The topic namespace is too long ({length} characters; at most {most})."
    ),
    "topic name": lambda: translate(
        "Paths", "The topic name is too long ({length} characters; at most {most})."
    ),
}
_DOTS: Sentences = {
    "tenant": lambda: translate("Paths", "The tenant cannot be {value}."),
    "group id": lambda: translate("Paths", "The group id cannot be {value}."),
    "topic namespace": lambda: translate("Paths", "The topic namespace cannot be {value}."),
    "topic name": lambda: translate("Paths", "The topic name cannot be {value}."),
}
_SPACES: Sentences = {
    "tenant": lambda: translate("Paths", "The tenant must not contain spaces or line breaks: {value}."),
    "group id": lambda: translate("Paths", "The group id must not contain spaces or line breaks: {value}."),
    "topic namespace": lambda: translate(
        "Paths", "The topic namespace must not contain spaces or line breaks: {value}."
    ),
    "topic name": lambda: translate(
        "Paths", "The topic name must not contain spaces or line breaks: {value}."
    ),
}
_INVISIBLE: Sentences = {
    "tenant": lambda: translate(
        "Paths", "The tenant must not contain control or invisible characters: {value}."
    ),
    "topic namespace": lambda: translate(
        "Paths", "The topic namespace must not contain control or invisible characters: {value}."
    ),
    "topic name": lambda: translate(
        "Paths", "The topic name must not contain control or invisible characters: {value}."
    ),
}
_FORBIDDEN_CHARACTER: Sentences = {
    "tenant": lambda: translate("Paths", "The tenant must not contain {character}: {value}."),
    "group id": lambda: translate("Paths", "The group id must not contain {character}: {value}."),
    "topic namespace": lambda: translate(
        "Paths", "The topic namespace must not contain {character}: {value}."
    ),
    "topic name": lambda: translate("Paths", "The topic name must not contain {character}: {value}."),
}


def segment(label: str, value: str) -> str:
    """Validate `value` as one path segment and return it percent-encoded; `label` names it in errors."""
    if not isinstance(value, str):  # only code passes other types: a programmer's error, said in English
        raise InvalidInput(f"The {label} must be text, not {type(value).__name__}.")
    if not value:
        raise InvalidInput(refusal(_EMPTY, label, "The {label} is empty."))
    if len(value) > MAX_SEGMENT_LENGTH:
        raise InvalidInput(
            refusal(
                _TOO_LONG,
                label,
                "The {label} is too long ({length} characters; at most {most}).",
                length=len(value),
                most=MAX_SEGMENT_LENGTH,
            )
        )
    if value in {".", ".."}:
        raise InvalidInput(refusal(_DOTS, label, "The {label} cannot be {value}.", value=repr(value)))
    for char in value:
        if char.isspace():
            raise InvalidInput(
                refusal(
                    _SPACES,
                    label,
                    "The {label} must not contain spaces or line breaks: {value}.",
                    value=repr(value),
                )
            )
        if unicodedata.category(char).startswith("C"):
            raise InvalidInput(
                refusal(
                    _INVISIBLE,
                    label,
                    "The {label} must not contain control or invisible characters: {value}.",
                    value=repr(value),
                )
            )
        if char in _FORBIDDEN:
            raise InvalidInput(
                refusal(
                    _FORBIDDEN_CHARACTER,
                    label,
                    "The {label} must not contain {character}: {value}.",
                    character=repr(char),
                    value=repr(value),
                )
            )
    return quote(value, safe="")


def line_number(value: int | str) -> int:
    """An agent line: 1 or 2 (the strings "1" and "2" from a command line are accepted too)."""
    return ids.line(value)
