"""The French ccdesk ships (resources/i18n/ccdesk_fr.ts), as a translator for the API and core layers' words.

Tests of those layers have no Qt translator; this one reads the very translations the window loads, so a test
shows what a French agent reads, and a wording changed in the .ts without its test (or the reverse) fails.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from functools import cache
from pathlib import Path

TS = Path(__file__).resolve().parent.parent / "resources" / "i18n" / "ccdesk_fr.ts"


@cache
def _messages() -> dict[tuple[str, str], tuple[str, ...]]:
    found: dict[tuple[str, str], tuple[str, ...]] = {}
    for context in ET.parse(TS).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") is not None:
                continue
            forms = tuple(form.text or "" for form in translation.iter("numerusform"))
            found[(name, message.findtext("source") or "")] = forms or (translation.text or "",)
    return found


def french(context: str, text: str, n: int = -1) -> str:
    """Qt's behaviour with ccdesk_fr.qm loaded: the French (its plural form for `n`, French putting 0 and 1 in
    the singular), or the source text back when there is none."""
    forms = _messages().get((context, text))
    if forms is None:
        return text
    if n < 0:
        return forms[0]
    return forms[0 if n <= 1 or len(forms) == 1 else 1].replace("%n", str(n))
