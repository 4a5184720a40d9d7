"""The transaction-code catalog: names for the numeric list and item ids the API speaks.

8x8 has no API that lists transaction codes, so each profile imports a catalog file (JSON):

    {
      "lists": [
        {"id": 12, "name": "Call Outcome", "mandatory": true, "multiple": false,
         "items": [{"id": 234, "name": "Sale closed"}, {"id": 235, "name": "Callback requested"}]}
      ]
    }

`id`s are whole numbers; `mandatory` (default false) marks lists wrap-up must not end without;
`multiple` (default false) allows several codes from the list. Unknown keys are ignored. A sample lives in
resources/transaction-codes.sample.json. Codes missing from the catalog can still be entered as LIST:ITEM.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ccdesk.api.errors import ConfigurationError
from ccdesk.api.models import MAX_TRANSACTION_CODES, TransactionCode
from ccdesk.api.words import translate
from ccdesk.core.local_files import LocalFileError, os_problem_words

KIND = "transaction-code catalog"


@dataclass(frozen=True)
class CodeItem:
    id: int
    name: str


@dataclass(frozen=True)
class CodeList:
    id: int
    name: str
    mandatory: bool = False
    multiple: bool = False
    items: tuple[CodeItem, ...] = ()

    def item(self, item_id: int) -> CodeItem | None:
        return next((i for i in self.items if i.id == item_id), None)


@dataclass(frozen=True)
class Catalog:
    lists: tuple[CodeList, ...] = ()
    source: str = ""

    def code_list(self, list_id: int) -> CodeList | None:
        return next((c for c in self.lists if c.id == list_id), None)

    def name_of(self, code: TransactionCode) -> str:
        """`List: Item` by name when known, else the raw `list:item`, so nothing shows as blank."""
        code_list = self.code_list(code.list_id)
        item = code_list.item(code.item_id) if code_list else None
        if code_list and item:
            return f"{code_list.name}: {item.name}"
        return str(code)

    def problems(self, codes: Iterable[TransactionCode]) -> list[str]:
        """What the platform would refuse, found before sending (too many, several from a single list)."""
        codes = list(dict.fromkeys(codes))
        found: list[str] = []
        if len(codes) > MAX_TRANSACTION_CODES:
            found.append(
                translate("Codes", "At most {most} codes can be set; {count} are chosen.").format(
                    most=MAX_TRANSACTION_CODES, count=len(codes)
                )
            )
        per_list: dict[int, int] = {}
        for code in codes:
            per_list[code.list_id] = per_list.get(code.list_id, 0) + 1
        for list_id, count in per_list.items():
            code_list = self.code_list(list_id)
            if code_list and not code_list.multiple and count > 1:
                found.append(
                    translate("Codes", "'{list}' allows one code; {count} are chosen.").format(
                        list=code_list.name, count=count
                    )
                )
        return found

    def missing_mandatory(self, codes: Iterable[TransactionCode]) -> list[CodeList]:
        chosen = {c.list_id for c in codes}
        return [c for c in self.lists if c.mandatory and c.id not in chosen]


def amend(held: Iterable[TransactionCode], sent: Iterable[TransactionCode]) -> tuple[TransactionCode, ...]:
    """The codes a call holds after a set-codes request: the one reading ccdesk and its simulator share.

    The OpenAPI file says the PUT "Ammends the transaction codes" (operation addTransactionCodes); the guide
    calls it "Set the Transaction Codes" with "Transaction Code Lists and List Items to be added". So a request
    amends list by list: a list it does not name keeps its codes, a list it names holds exactly the codes sent
    for it. "Up to six transaction codes can be assigned to a transaction" counts what is held after that
    (check it with `Catalog.problems(amend(held, sent))`). Kept lists stay in their place; new ones follow.
    """
    sent_by_list: dict[int, list[TransactionCode]] = {}
    for code in sent:
        picked = sent_by_list.setdefault(code.list_id, [])
        if code not in picked:
            picked.append(code)
    after: list[TransactionCode] = []
    placed: set[int] = set()
    for code in held:
        if code.list_id not in sent_by_list:
            if code not in after:
                after.append(code)
        elif code.list_id not in placed:
            placed.add(code.list_id)
            after.extend(sent_by_list[code.list_id])
    for list_id, codes in sent_by_list.items():
        if list_id not in placed:
            after.extend(codes)
    return tuple(after)


@dataclass
class _Reader:
    errors: list[str] = field(default_factory=list)

    def whole(self, value: Any, list_number: int, item_number: int | None = None) -> int | None:
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            if item_number is None:
                words = translate("Codes", "list #{list}: id must be a whole number, got {value}")
            else:
                words = translate(
                    "Codes", "list #{list} item #{item}: id must be a whole number, got {value}"
                )
            self.errors.append(words.format(list=list_number, item=item_number, value=repr(value)))
            return None
        return value


def parse_catalog(data: Any, source: str = "") -> Catalog:
    """Validate and build a Catalog; every problem is reported at once, with where it is."""
    reader = _Reader()
    if not isinstance(data, dict) or not isinstance(data.get("lists"), list):
        raise ConfigurationError(
            translate("Codes", '{source}: expected an object with a "lists" array.').format(
                source=source or translate("Codes", "Catalog")
            )
        )
    lists: list[CodeList] = []
    seen: set[int] = set()
    for n, raw in enumerate(data["lists"], 1):
        if not isinstance(raw, dict):
            reader.errors.append(translate("Codes", "list #{list}: must be an object").format(list=n))
            continue
        list_id = reader.whole(raw.get("id"), n)
        if list_id is not None and list_id in seen:
            reader.errors.append(
                translate("Codes", "list #{list}: id {id} appears twice").format(list=n, id=list_id)
            )
        items: list[CodeItem] = []
        for m, item in enumerate(raw.get("items") or [], 1):
            if not isinstance(item, dict):
                reader.errors.append(
                    translate("Codes", "list #{list} item #{item}: must be an object").format(list=n, item=m)
                )
                continue
            item_id = reader.whole(item.get("id"), n, m)
            if item_id is not None:
                items.append(CodeItem(item_id, str(item.get("name") or item_id)))
        if list_id is None:
            continue
        seen.add(list_id)
        lists.append(
            CodeList(
                id=list_id,
                name=str(raw.get("name") or translate("Codes", "List {id}").format(id=list_id)),
                mandatory=bool(raw.get("mandatory", False)),
                multiple=bool(raw.get("multiple", False)),
                items=tuple(items),
            )
        )
    if reader.errors:
        raise ConfigurationError(
            translate("Codes", "{source} has problems: {problems}").format(
                source=source or translate("Codes", "Catalog"), problems="; ".join(reader.errors[:10])
            )
        )
    return Catalog(tuple(lists), source)


def load_catalog(path: str | Path) -> Catalog:
    """The catalog in `path`; LocalFileError naming the file when it is missing, unreadable or not JSON."""
    path = Path(path)
    remedy = translate("Codes", "Import the catalog again in Settings > Transaction codes, or fix the file.")
    try:
        data = json.loads(path.read_bytes().decode("utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise LocalFileError(path, KIND, os_problem_words(exc), remedy=remedy) from exc
    except json.JSONDecodeError as exc:
        problem = translate("Codes", "is not valid JSON ({error})").format(error=exc)
        raise LocalFileError(path, KIND, problem, remedy=remedy) from exc
    return parse_catalog(data, str(path))
