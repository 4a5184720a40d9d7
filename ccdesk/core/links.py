"""Click-to-dial links: `tel:`, `callto:`, and ccdesk's own `ccdesk:` link, read strictly.

Links arrive from web pages and CRMs, so every field is validated and anything unexpected is refused with a
message; a link only fills the dial field unless the profile says to dial links at once.

The `ccdesk:` link carries what a CRM knows about the call:

    ccdesk:dial?number=%2B16175551984&queue=598&callerid=12015551212&dialplan=12&force=1
               &data.Name=Bilbo%20Baggins&ctl.AccountRef=BB123987

- `number` (required): as typed by a person or `+` international; `prefix` switches to raw mode as on the
  command line. A `+` in `number` and `callerid` is a plus as written (`number=+1617...` and `number=%2B1617...`
  mean the same): form encoding's `+` for a space would turn `+49...` into a national number.
- `queue`, `dialplan`: digits (ccdesk.api.ids, the rules every request follows); `callerid`: digits (an optional
  `+` is dropped).
- `force`: `1`/`true` or `0`/`false`.
- `data.NAME=VALUE` (extTransactionData) and `ctl.NAME=VALUE` (ctlUserData): at most 20 of each, names up to 64
  characters, values up to 512, no control characters.
`ccdesk://dial?...` is accepted too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import unquote, unquote_plus, urlsplit

from ccdesk.api import ids
from ccdesk.api.errors import InvalidInput
from ccdesk.api.models import NameValue
from ccdesk.api.words import translate

MAX_LINK_LENGTH = 4096
MAX_DATA_ITEMS = 20
MAX_NAME = ids.MAX_DATA_NAME
MAX_VALUE = ids.MAX_DATA_VALUE
#: Fields read as written, percent-decoding only: a `+` in them is a plus, never a space.
_AS_WRITTEN = frozenset({"number", "callerid", "prefix", "queue", "dialplan", "force"})
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_NUMBER_SCHEMES = ("tel", "callto", "sip", "sips")


@dataclass(frozen=True)
class DialIntent:
    """What a link asks for. `number` is still the person-readable text: the dial panel parses and previews it."""

    number: str
    prefix: str | None = None
    queue_id: str | None = None
    caller_id: str | None = None
    dialplan_id: str | None = None
    force_call: bool | None = None
    ext_data: tuple[NameValue, ...] = ()
    ctl_data: tuple[NameValue, ...] = ()


def parse_link(text: str) -> DialIntent:
    """A DialIntent from a link or a plain number; InvalidInput says what is wrong, and nothing is dialled."""
    text = text.strip()
    if not text:
        raise InvalidInput(translate("Links", "The link is empty."))
    if len(text) > MAX_LINK_LENGTH:
        raise InvalidInput(translate("Links", "The link is too long to be a phone link."))
    if _CONTROL.search(unquote(text)):
        raise InvalidInput(translate("Links", "The link contains control characters; it was ignored."))
    scheme = text.split(":", 1)[0].lower() if ":" in text else ""
    if scheme in _NUMBER_SCHEMES:
        return DialIntent(number=_plain_number(text))
    if scheme == "ccdesk":
        return _ccdesk_link(text)
    if scheme and not scheme.isdigit() and not text.startswith("+"):
        raise InvalidInput(
            translate(
                "Links", "ccdesk does not handle {scheme}: links; use tel:, callto: or ccdesk:."
            ).format(scheme=scheme)
        )
    return DialIntent(number=_plain_number(text))


def _plain_number(text: str) -> str:
    from ccdesk.core.numbers import clean

    number = clean(text)
    if not number or not re.fullmatch(r"\+?[0-9*#]{1,32}", number):
        raise InvalidInput(
            translate("Links", "{text!r} does not hold a phone number; nothing was dialled.").format(
                text=text
            )
        )
    return number


def _ccdesk_link(text: str) -> DialIntent:
    parts = urlsplit(text)
    action = (parts.netloc or parts.path).strip("/").lower()
    if action != "dial":
        raise InvalidInput(
            translate(
                "Links", "Unknown ccdesk link action {action!r}; the only one is ccdesk:dial?number=..."
            ).format(action=action)
        )
    if parts.fragment:
        raise InvalidInput(translate("Links", "A ccdesk link cannot have a #fragment."))
    fields: dict[str, str] = {}
    ext: list[NameValue] = []
    ctl: list[NameValue] = []
    for key, value in _query_pairs(parts.query):
        lower = key.lower()
        if lower.startswith(("data.", "ctl.")):
            target = ext if lower.startswith("data.") else ctl
            target.append(_data_item(key.split(".", 1)[1], value))
            if len(target) > MAX_DATA_ITEMS:
                raise InvalidInput(
                    translate(
                        "Links", "A ccdesk link carries at most {limit} data items of each kind."
                    ).format(limit=MAX_DATA_ITEMS)
                )
            continue
        if lower not in ("number", "prefix", "queue", "callerid", "dialplan", "force"):
            raise InvalidInput(
                translate("Links", "Unknown field {field!r} in the ccdesk link.").format(field=key)
            )
        if lower in fields:
            raise InvalidInput(
                translate("Links", "The field {field!r} appears twice in the ccdesk link.").format(field=key)
            )
        fields[lower] = value
    if "number" not in fields:
        raise InvalidInput(translate("Links", "The ccdesk link has no number."))
    try:
        for name, check in (("queue", ids.queue_id), ("dialplan", ids.dialplan_id)):
            if name in fields:
                check(fields[name])
        caller = fields.get("callerid")
        if caller is not None:
            caller = ids.caller_id(caller.removeprefix("+"), allow_empty=False)
    except InvalidInput as exc:
        raise InvalidInput(translate("Links", "In the link: {problem}").format(problem=exc.message)) from exc
    prefix = fields.get("prefix")
    if prefix is not None and not re.fullmatch(r"[0-9]{0,8}", prefix):
        raise InvalidInput(
            translate("Links", "The prefix {prefix!r} in the link must be digits.").format(prefix=prefix)
        )
    return DialIntent(
        number=_plain_number(fields["number"]),
        prefix=prefix,
        queue_id=fields.get("queue"),
        caller_id=caller,
        dialplan_id=fields.get("dialplan"),
        force_call=_flag(fields["force"]) if "force" in fields else None,
        ext_data=tuple(ext),
        ctl_data=tuple(ctl),
    )


def _query_pairs(query: str) -> list[tuple[str, str]]:
    """The query's fields: `number` and the other plain fields percent-decoded only, data fields as forms are.

    urllib's parse_qsl reads every `+` as a space, which turned `number=+4930123456` into a national number.
    """
    if not query:
        return []
    pieces = query.split("&")
    if len(pieces) > 2 * MAX_DATA_ITEMS + 10:
        raise InvalidInput(translate("Links", "The ccdesk link has too many fields."))
    pairs = []
    for piece in pieces:
        key, sep, value = piece.partition("=")
        if not sep or not key:
            raise InvalidInput(
                translate("Links", "The ccdesk link is malformed (field {field} is not NAME=VALUE).").format(
                    field=ids.shown(piece)
                )
            )
        name = unquote(key)
        decode = unquote if name.lower() in _AS_WRITTEN else unquote_plus
        pairs.append((name, decode(value)))
    return pairs


def _data_item(name: str, value: str) -> NameValue:
    try:
        return NameValue(name, value)
    except InvalidInput as exc:
        raise InvalidInput(
            translate("Links", "Attached data in the link: {problem}").format(problem=exc.message)
        ) from exc


def _flag(value: str) -> bool:
    lowered = value.strip().lower()
    if lowered in ("1", "true", "yes"):
        return True
    if lowered in ("0", "false", "no", ""):
        return False
    raise InvalidInput(
        translate("Links", "force must be 1 or 0 in the link, got {value!r}.").format(value=value)
    )
