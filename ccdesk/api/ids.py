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
from collections.abc import Callable, Mapping

from ccdesk.api.errors import InvalidInput
from ccdesk.api.words import translate

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

#: label -> its refusal, one whole sentence per field (French does not put a field's name in a sentence the way
#: English does: "L'identifiant d'agent est vide", "La valeur de la donnée jointe est trop longue").
Sentences = Mapping[str, Callable[[], str]]

_EMPTY: Sentences = {
    "agent id": lambda: translate("Ids", "The agent id is empty."),
    "interaction id": lambda: translate("Ids", "The interaction id is empty."),
    "group id": lambda: translate("Ids", "The group id is empty."),
    "queue id": lambda: translate("Ids", "The queue id is empty."),
    "dial plan id": lambda: translate("Ids", "The dial plan id is empty."),
    "caller id": lambda: translate("Ids", "The caller id is empty."),
    "status code's short code": lambda: translate("Ids", "The status code's short code is empty."),
    "attached data name": lambda: translate("Ids", "The attached data name is empty."),
    "transaction code list id": lambda: translate("Ids", "The transaction code list id is empty."),
    "transaction code item id": lambda: translate("Ids", "The transaction code item id is empty."),
    "status code list id": lambda: translate("Ids", "The status code list id is empty."),
    "status code item id": lambda: translate("Ids", "The status code item id is empty."),
}
_TOO_LONG: Sentences = {
    "agent id": lambda: translate("Ids", "The agent id is too long ({length} characters; at most {most})."),
    "interaction id": lambda: translate(
        "Ids", "The interaction id is too long ({length} characters; at most {most})."
    ),
    "group id": lambda: translate("Ids", "The group id is too long ({length} characters; at most {most})."),
    "queue id": lambda: translate("Ids", "The queue id is too long ({length} characters; at most {most})."),
    "dial plan id": lambda: translate(
        "Ids", "The dial plan id is too long ({length} characters; at most {most})."
    ),
    "caller id": lambda: translate("Ids", "The caller id is too long ({length} characters; at most {most})."),
    "status code's short code": lambda: translate(
        "Ids", "The status code's short code is too long ({length} characters; at most {most})."
    ),
    "attached data name": lambda: translate(
        "Ids", "The attached data name is too long ({length} characters; at most {most})."
    ),
    "attached data value": lambda: translate(
        "Ids", "The attached data value is too long ({length} characters; at most {most})."
    ),
    "transaction code list id": lambda: translate(
        "Ids", "The transaction code list id is too long ({length} characters; at most {most})."
    ),
    "transaction code item id": lambda: translate(
        "Ids", "The transaction code item id is too long ({length} characters; at most {most})."
    ),
    "status code list id": lambda: translate(
        "Ids", "The status code list id is too long ({length} characters; at most {most})."
    ),
    "status code item id": lambda: translate(
        "Ids", "The status code item id is too long ({length} characters; at most {most})."
    ),
}
_INVISIBLE: Sentences = {
    "agent id": lambda: translate(
        "Ids", "The agent id must not contain control, line-break or bidi characters: {value}."
    ),
    "interaction id": lambda: translate(
        "Ids", "The interaction id must not contain control, line-break or bidi characters: {value}."
    ),
    "group id": lambda: translate(
        "Ids", "The group id must not contain control, line-break or bidi characters: {value}."
    ),
    "status code's short code": lambda: translate(
        "Ids",
        "The status code's short code must not contain control, line-break or bidi characters: {value}.",
    ),
    "attached data name": lambda: translate(
        "Ids", "The attached data name must not contain control, line-break or bidi characters: {value}."
    ),
    "attached data value": lambda: translate(
        "Ids", "The attached data value must not contain control, line-break or bidi characters: {value}."
    ),
}
_NOT_DIGITS: Sentences = {
    "queue id": lambda: translate("Ids", "The queue id must be digits 0-9 only, got {value}."),
    "dial plan id": lambda: translate("Ids", "The dial plan id must be digits 0-9 only, got {value}."),
    "caller id": lambda: translate("Ids", "The caller id must be digits 0-9 only, got {value}."),
    "transaction code list id": lambda: translate(
        "Ids", "The transaction code list id must be digits 0-9 only, got {value}."
    ),
    "transaction code item id": lambda: translate(
        "Ids", "The transaction code item id must be digits 0-9 only, got {value}."
    ),
    "status code list id": lambda: translate(
        "Ids", "The status code list id must be digits 0-9 only, got {value}."
    ),
    "status code item id": lambda: translate(
        "Ids", "The status code item id must be digits 0-9 only, got {value}."
    ),
}
_NOT_ONE_WORD: Sentences = {
    "agent id": lambda: translate(
        "Ids", "The agent id must be one word without spaces or / \\ ? # %: {value}."
    ),
    "interaction id": lambda: translate(
        "Ids", "The interaction id must be one word without spaces or / \\ ? # %: {value}."
    ),
}
_DOTS: Sentences = {
    "agent id": lambda: translate("Ids", "The agent id cannot be {value}."),
    "interaction id": lambda: translate("Ids", "The interaction id cannot be {value}."),
}
_NOT_WHOLE: Sentences = {
    "transaction code list id": lambda: translate(
        "Ids", "The transaction code list id must be a whole number, got {value}."
    ),
    "transaction code item id": lambda: translate(
        "Ids", "The transaction code item id must be a whole number, got {value}."
    ),
    "status code list id": lambda: translate(
        "Ids", "The status code list id must be a whole number, got {value}."
    ),
    "status code item id": lambda: translate(
        "Ids", "The status code item id must be a whole number, got {value}."
    ),
}
_OUT_OF_RANGE: Sentences = {
    "transaction code list id": lambda: translate(
        "Ids", "The transaction code list id must be a whole number from 0 to {most}, got {value}."
    ),
    "transaction code item id": lambda: translate(
        "Ids", "The transaction code item id must be a whole number from 0 to {most}, got {value}."
    ),
    "status code list id": lambda: translate(
        "Ids", "The status code list id must be a whole number from 0 to {most}, got {value}."
    ),
    "status code item id": lambda: translate(
        "Ids", "The status code item id must be a whole number from 0 to {most}, got {value}."
    ),
}


def refusal(sentences: Sentences, label: str, generic: str, **values: object) -> str:
    """`label`'s own sentence from `sentences`, in the window's language, with `values` put in. A label without one
    (a caller's own, which no window shows) reads `generic`, English with the label in it, as it always did."""
    sentence = sentences.get(label)
    return sentence().format(**values) if sentence is not None else generic.format(label=label, **values)


def shown(value: object, limit: int = 40) -> str:
    """A value as an error message may quote it: escaped (ASCII only) and cut short."""
    text = ascii(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _text(label: str, value: object) -> str:
    if not isinstance(value, str):  # only code passes other types: a programmer's error, said in English
        raise InvalidInput(f"The {label} must be text, not {type(value).__name__}.")
    return value


def _sized(label: str, value: str, most: int) -> None:
    if not value:
        raise InvalidInput(refusal(_EMPTY, label, "The {label} is empty."))
    if len(value) > most:
        raise InvalidInput(
            refusal(
                _TOO_LONG,
                label,
                "The {label} is too long ({length} characters; at most {most}).",
                length=f"{len(value):,}",
                most=most,
            )
        )


def clean_text(label: str, value: object, *, most: int, allow_empty: bool = False) -> str:
    """Free text sent as is (a short code, attached data): refused if it holds control or bidi characters."""
    text = _text(label, value)
    if text == "" and allow_empty:
        return text
    _sized(label, text, most)
    for char in text:
        if unicodedata.category(char) in _REFUSED_CATEGORIES:
            raise InvalidInput(
                refusal(
                    _INVISIBLE,
                    label,
                    "The {label} must not contain control, line-break or bidi characters: {value}.",
                    value=shown(text),
                )
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
        raise InvalidInput(
            refusal(
                _NOT_DIGITS, label, "The {label} must be digits 0-9 only, got {value}.", value=shown(text)
            )
        )
    return text


def _word(label: str, value: object, most: int) -> str:
    text = clean_text(label, value, most=most)
    for char in text:
        if char.isspace() or char in _PATH_SYNTAX:
            raise InvalidInput(
                refusal(
                    _NOT_ONE_WORD,
                    label,
                    "The {label} must be one word without spaces or / \\ ? # %: {value}.",
                    value=shown(text),
                )
            )
    if text in {".", ".."}:
        raise InvalidInput(refusal(_DOTS, label, "The {label} cannot be {value}.", value=repr(text)))
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
        raise InvalidInput(
            refusal(_NOT_WHOLE, label, "The {label} must be a whole number, got {value}.", value=shown(value))
        )
    if not 0 <= number <= MAX_CODE_ID:
        raise InvalidInput(
            refusal(
                _OUT_OF_RANGE,
                label,
                "The {label} must be a whole number from 0 to {most}, got {value}.",
                most=f"{MAX_CODE_ID:,}",
                value=shown(value),
            )
        )
    return number


def short_code(value: object) -> str:
    """A status code's short code (e.g. `Lunch`, `St 1`)."""
    text = clean_text("status code's short code", value, most=MAX_SHORT_CODE)
    if not text.strip():
        raise InvalidInput(
            translate("Ids", "A status code needs its short code (Configuration Manager > Status Codes).")
        )
    return text


def line(value: object) -> int:
    """An agent line: 1 or 2 (the strings "1" and "2" from a command line are accepted too)."""
    if isinstance(value, str) and value in {"1", "2"}:
        return int(value)
    if isinstance(value, int) and not isinstance(value, bool) and value in {1, 2}:
        return value
    raise InvalidInput(
        translate("Ids", "The line number must be 1 or 2, got {value}.").format(value=shown(value))
    )


def data_name(value: object) -> str:
    """The name of an attached data item (extTransactionData, ctlUserData)."""
    text = clean_text("attached data name", value, most=MAX_DATA_NAME)
    if not text.strip():
        raise InvalidInput(translate("Ids", "Attached data needs a name for every value."))
    return text


def data_value(value: object) -> str:
    """The value of an attached data item; may be empty."""
    return clean_text("attached data value", value, most=MAX_DATA_VALUE, allow_empty=True)
