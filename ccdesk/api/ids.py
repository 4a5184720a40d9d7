"""The one validator for every id and value that goes into a request.

The CLI, the window, links, the supervisor console and profiles all build requests through the client and
the request models, and those check each value here, so an id is judged the same way wherever it was typed.
The rules follow the 8x8 documents (cc-manage-phone-calls.txt and the OpenAPI files): queue, dial plan,
caller ID and code ids are numbers there, so only ASCII digits are accepted (`str.isdigit` also accepts
full-width and other scripts' digits, which is why it is not used); agent and interaction ids are strings
there, so any text that is plainly one word is (no spaces, no `/`, backslash, `?`, `#` or `%`: it becomes one
URL path segment, percent-encoded). Nothing may hold control, format or bidi characters. A refusal is
InvalidInput (exit 2): nothing was sent.

Limits (README "Ids and their limits" repeats them):

- agent id: one word, 1 to 64 characters (8x8's look like `ag0VYyLh0YTsymdbtYIaaaa`)
- group id: 1 to 64 characters of text (the OpenAPI file says only "string")
- interaction id: one word, 1 to 256 characters (8x8's look like `int-184a…-phone-00-acmecorp01`)
- queue id, dial plan id: ASCII digits, 1 to 10
- caller ID: ASCII digits, 1 to 15 (E.164's longest number); empty means the agent's own
- transaction code and status code list and item ids: whole numbers 0 to 2,147,483,647
- status code short code: 1 to 64 characters of text, no control or bidi characters
- line: 1 or 2
- attached data: names 1 to 64 characters, values up to 512, no control or bidi characters
"""

from __future__ import annotations

import re
import unicodedata

from ccdesk.api.errors import InvalidInput

MAX_WORD_ID = 64
MAX_INTERACTION_ID = 256
MAX_NUMERIC_ID = 10
MAX_CALLER_ID = 15
MAX_CODE_ID = 2**31 - 1
MAX_SHORT_CODE = 64
MAX_DATA_NAME = 64
MAX_DATA_VALUE = 512

_ASCII_DIGITS = re.compile(r"[0-9]+")
#: Characters an id that becomes a URL path segment never holds (paths.segment refuses them too).
_PATH_SYNTAX = frozenset("/\\?#%")
#: Categories never allowed in text: control, format (bidi overrides, zero-width), surrogates, private use,
#: unassigned, and the line and paragraph separators.
_REFUSED_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})


def shown(value: object, limit: int = 40) -> str:
    """A value as an error message may quote it: escaped (ASCII only) and cut short."""
    text = ascii(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _text(label: str, value: object) -> str:
    if not isinstance(value, str):
        raise InvalidInput(f"The {label} must be text, not {type(value).__name__}.")
    return value


def _sized(label: str, value: str, most: int) -> None:
    if not value:
        raise InvalidInput(f"The {label} is empty.")
    if len(value) > most:
        raise InvalidInput(f"The {label} is too long ({len(value):,} characters; at most {most}).")


def clean_text(label: str, value: object, *, most: int, allow_empty: bool = False) -> str:
    """Free text sent as is (a short code, attached data): refused if it holds control or bidi characters."""
    text = _text(label, value)
    if text == "" and allow_empty:
        return text
    _sized(label, text, most)
    for char in text:
        if unicodedata.category(char) in _REFUSED_CATEGORIES:
            raise InvalidInput(
                f"The {label} must not contain control, line-break or bidi characters: {shown(text)}."
            )
    return text


def is_ascii_digits(text: str) -> bool:
    """Whether `text` is one or more of 0-9 (not full-width or other scripts' digits, as str.isdigit allows)."""
    return bool(_ASCII_DIGITS.fullmatch(text))


def digits(label: str, value: object, *, most: int, allow_empty: bool = False) -> str:
    """ASCII digits only (0-9), 1 to `most` of them."""
    text = _text(label, value)
    if text == "" and allow_empty:
        return text
    _sized(label, text, most)
    if not _ASCII_DIGITS.fullmatch(text):
        raise InvalidInput(f"The {label} must be digits 0-9 only, got {shown(text)}.")
    return text


def _word(label: str, value: object, most: int) -> str:
    text = clean_text(label, value, most=most)
    for char in text:
        if char.isspace() or char in _PATH_SYNTAX:
            raise InvalidInput(f"The {label} must be one word without spaces or / \\ ? # %: {shown(text)}.")
    if text in {".", ".."}:
        raise InvalidInput(f"The {label} cannot be {text!r}.")
    return text


def agent_id(value: object) -> str:
    """An agent's Internal Id (e.g. ag0VYyLh0YTsymdbtYIaaaa)."""
    return _word("agent id", value, MAX_WORD_ID)


def group_id(value: object) -> str:
    """An agent group's id (the roster's groupId filter): the OpenAPI file says only "string", so any text
    without control or bidi characters; it is percent-encoded as one query value."""
    return clean_text("group id", value, most=MAX_WORD_ID)


def interaction_id(value: object) -> str:
    """A call's interactionGuid, as place call returned it."""
    return _word("interaction id", value, MAX_INTERACTION_ID)


def queue_id(value: object) -> str:
    """A queue's Id (Configuration Manager, Queues/Skills): a number."""
    return digits("queue id", value, most=MAX_NUMERIC_ID)


def dialplan_id(value: object) -> str:
    """A dial plan's ID (Configuration Manager, Dial Plans): a number."""
    return digits("dial plan id", value, most=MAX_NUMERIC_ID)


def caller_id(value: object, *, allow_empty: bool = True) -> str:
    """The caller ID to present: digits (a leading `+` is the caller's to drop); empty is the agent's own."""
    return digits("caller id", value, most=MAX_CALLER_ID, allow_empty=allow_empty)


def code_id(label: str, value: object) -> int:
    """A transaction code's or status code's list or item id: a whole number 0 to 2,147,483,647.

    Text must be ASCII digits; an int must not be a bool.
    """
    if isinstance(value, str):
        number = int(digits(label, value.strip(), most=MAX_NUMERIC_ID))
    elif isinstance(value, int) and not isinstance(value, bool):
        number = value
    else:
        raise InvalidInput(f"The {label} must be a whole number, got {shown(value)}.")
    if not 0 <= number <= MAX_CODE_ID:
        raise InvalidInput(
            f"The {label} must be a whole number from 0 to {MAX_CODE_ID:,}, got {shown(value)}."
        )
    return number


def short_code(value: object) -> str:
    """A status code's short code (e.g. `Lunch`, `St 1`)."""
    text = clean_text("status code's short code", value, most=MAX_SHORT_CODE)
    if not text.strip():
        raise InvalidInput("A status code needs its short code (Configuration Manager > Status Codes).")
    return text


def line(value: object) -> int:
    """An agent line: 1 or 2 (the strings "1" and "2" from a command line are accepted too)."""
    if isinstance(value, str) and value in {"1", "2"}:
        return int(value)
    if isinstance(value, int) and not isinstance(value, bool) and value in {1, 2}:
        return value
    raise InvalidInput(f"The line number must be 1 or 2, got {shown(value)}.")


def data_name(value: object) -> str:
    """The name of an attached data item (extTransactionData, ctlUserData)."""
    text = clean_text("attached data name", value, most=MAX_DATA_NAME)
    if not text.strip():
        raise InvalidInput("Attached data needs a name for every value.")
    return text


def data_value(value: object) -> str:
    """The value of an attached data item; may be empty."""
    return clean_text("attached data value", value, most=MAX_DATA_VALUE, allow_empty=True)
