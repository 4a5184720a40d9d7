"""From what a person typed or pasted to the document's `prefix` + `number`.

Parsed numbers are split into the country calling code (`prefix`) and the national significant number
(`number`), as in the document's example: `+1 (617) 555-1984` is prefix `1`, number `6175551984`. Raw mode
(an explicit prefix) sends the digits as typed, for extensions and special numbers the parser rejects.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import unquote

from ccdesk.api.errors import InvalidInput

_LINK_SCHEMES = ("tel:", "callto:", "sip:", "sips:")
_VISUAL_SEPARATORS = re.compile(r"[\s\-.()\[\]/\u00a0\u2010-\u2015\u2212]")
_DIALLABLE = re.compile(r"^\+?[0-9*#]+$")
MAX_DIGITS = 32


@dataclass(frozen=True)
class DialNumber:
    """What will be sent, and how to show it."""

    prefix: str
    number: str
    display: str
    raw: bool = False

    @property
    def preview(self) -> str:
        """The line the window shows under the number field, so nobody dials a surprise."""
        return f"{self.display}, sent as prefix {self.prefix or '(empty)'}, number {self.number}"


def clean(text: str) -> str:
    """Strip link schemes, parameters and the separators people type or paste around numbers."""
    value = unquote(text.strip())
    lowered = value.lower()
    for scheme in _LINK_SCHEMES:
        if lowered.startswith(scheme):
            value = value[len(scheme) :].lstrip("/")
            break
    value = value.split(";", 1)[0]  # tel: parameters such as ;phone-context= or ;ext=
    if value.lower().startswith("sip") or "@" in value:
        value = value.split("@", 1)[0]
    return _VISUAL_SEPARATORS.sub("", value)


def split_number(text: str, region: str = "US", prefix: str | None = None) -> DialNumber:
    """Turn input into prefix and number, or raise InvalidInput saying what is wrong."""
    cleaned = clean(text)
    if not cleaned:
        raise InvalidInput("Enter a number to dial.")
    if not _DIALLABLE.match(cleaned):
        bad = sorted({ch for ch in cleaned if not (ch.isascii() and (ch.isdigit() or ch in "+*#"))})
        raise InvalidInput(
            f"{text.strip()!r} is not a phone number: it contains {' '.join(bad) or 'a misplaced +'}."
        )
    if len(cleaned) > MAX_DIGITS:
        raise InvalidInput(f"{text.strip()!r} is too long to be a phone number.")
    if prefix is not None:
        return _raw(cleaned, prefix)
    return _parsed(cleaned, region, text.strip())


def _raw(cleaned: str, prefix: str) -> DialNumber:
    prefix = prefix.strip().lstrip("+")
    if prefix and not (prefix.isascii() and prefix.isdigit()):
        raise InvalidInput(f"The prefix must be digits (or empty), got {prefix!r}.")
    if cleaned.startswith("+"):
        raise InvalidInput("With an explicit prefix, type the number without '+'.")
    display = f"{prefix} {cleaned}" if prefix else cleaned
    return DialNumber(prefix=prefix, number=cleaned, display=display, raw=True)


def load_metadata() -> None:
    """Load phonenumbers and its metadata now (about 50 ms), on a worker, so the first number formatted on the GUI
    thread (a call announced by the event stream) does not pay for it there."""
    import phonenumbers  # noqa: F401


def _parsed(cleaned: str, region: str, original: str) -> DialNumber:
    import phonenumbers  # its metadata is loaded on the first number typed, not at start-up

    if "*" in cleaned or "#" in cleaned:
        raise InvalidInput(f"{original!r} has * or #: use raw mode (an explicit prefix) for service codes.")
    region = (region or "").upper()
    if not cleaned.startswith("+") and region not in phonenumbers.SUPPORTED_REGIONS:
        raise InvalidInput(f"Unknown region {region!r}: use a two-letter country code such as US or GB.")
    try:
        parsed = phonenumbers.parse(cleaned, None if cleaned.startswith("+") else region)
    except phonenumbers.NumberParseException as exc:
        raise InvalidInput(f"{original!r} is not a phone number ({exc._msg}).") from exc
    if not phonenumbers.is_possible_number(parsed):
        where = "" if cleaned.startswith("+") else f" in region {region}"
        raise InvalidInput(
            f"{original!r} is not a possible phone number{where}. Check the digits, add the country code "
            "with +, or use raw mode for extensions."
        )
    return DialNumber(
        prefix=str(parsed.country_code),
        number=phonenumbers.national_significant_number(parsed),
        display=phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL),
    )


def format_as_you_type(text: str, region: str = "US") -> str:
    """Format partial input for the number field without changing what the person typed."""
    cleaned = clean(text)
    if not cleaned or not _DIALLABLE.match(cleaned) or "*" in cleaned or "#" in cleaned:
        return text
    import phonenumbers

    formatter = phonenumbers.AsYouTypeFormatter((region or "US").upper())
    result = ""
    for ch in cleaned:
        result = formatter.input_digit(ch)
    return result
