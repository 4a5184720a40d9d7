"""The API and core layers' words are English until the window installs a translator; the command line never installs
one."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

import ccdesk
from ccdesk.api import errors, words
from ccdesk.api.errors import CCDeskError, InvalidInput, RejectedError
from ccdesk.core.explain import Voice, explain, present
from ccdesk.core.lines import LineState
from ccdesk.core.links import parse_link
from ccdesk.core.numbers import split_number

BUSY = "Agent=[ag1] not available to handle interaction, already on busy phone interaction"
FRENCH = {
    (
        "Explain",
        "The agent is on another call: tick Force call to use the free line, or free a line (Free line on the "
        "line, or Free all lines).",
    ): "L'agent est déjà en communication : cochez Forcer l'appel pour utiliser la ligne libre, ou libérez une "
    "ligne.",
    ("Explain", "8x8 said: {details}"): "Réponse de 8x8 : {details}",
    ("Explain", "8x8 said"): "Réponse de 8x8",
    ("Lines", "Wrap-up"): "Post-appel",
    ("Numbers", "{display}, sent as prefix {prefix}, number {number}"): (
        "{display}, envoyé avec le préfixe {prefix}, numéro {number}"
    ),
    ("Links", "The link is empty."): "Le lien est vide.",
}
#: (context, source) -> the French forms for 0 or 1, and for more
FRENCH_PLURALS = {("Bulk", "%n line(s) freed"): ("%n ligne libérée", "%n lignes libérées")}


def french(context: str, text: str, n: int = -1) -> str:
    """A translator as Qt's behaves: the source text back when it has no translation (with %n filled in)."""
    forms = FRENCH_PLURALS.get((context, text))
    if forms is not None and n >= 0:
        return forms[0 if n <= 1 else 1].replace("%n", str(n))
    found = FRENCH.get((context, text), text)
    return found.replace("%n", str(n)) if n >= 0 else found


@pytest.fixture(autouse=True)
def english_after() -> Iterator[None]:
    yield
    words.use(None)


def test_english_until_a_translator_is_installed():
    assert words.translate("Lines", "Wrap-up") == "Wrap-up"
    assert LineState.WRAP_UP.label == "Wrap-up"
    assert explain(RejectedError(status=400, reasons=[BUSY])).startswith("The agent is on another call: tick")


def test_the_installed_translator_gives_the_window_its_language():
    words.use(french)
    error = RejectedError(status=400, reasons=[BUSY])
    assert explain(error).startswith("L'agent est déjà en communication")
    shown = present(error)
    assert shown.summary.startswith("L'agent est déjà en communication")
    assert shown.details_heading == "Réponse de 8x8"
    assert f"Réponse de 8x8 : HTTP 400: {BUSY}" in shown.text()
    assert LineState.WRAP_UP.label == "Post-appel"
    assert split_number("+1 617 555 1984").preview == (
        "+1 617-555-1984, envoyé avec le préfixe 1, numéro 6175551984"
    )
    with pytest.raises(InvalidInput, match="Le lien est vide"):
        parse_link(" ")


@pytest.mark.parametrize(
    ("count", "english"), [(0, "0 lines freed"), (1, "1 line freed"), (2, "2 lines freed")]
)
def test_counts_read_as_english_without_a_translator(count: int, english: str) -> None:
    assert words.translate("Bulk", "%n line(s) freed", None, count) == english


@pytest.mark.parametrize(
    ("count", "shown"), [(0, "0 ligne libérée"), (1, "1 ligne libérée"), (2, "2 lignes libérées")]
)
def test_counts_take_the_translation_s_plural_forms(count: int, shown: str) -> None:
    words.use(french)
    assert words.translate("Bulk", "%n line(s) freed", None, count) == shown


def test_a_count_without_its_translation_stays_english() -> None:
    words.use(french)
    assert words.translate("Bulk", "%n agent(s) left as they were", None, 2) == "2 agents left as they were"


def test_untranslated_words_stay_english():
    words.use(french)
    assert LineState.IDLE.label == "Idle"


def test_use_none_restores_english():
    words.use(french)
    words.use(None)
    assert LineState.WRAP_UP.label == "Wrap-up"
    assert present(RejectedError(status=400, reasons=[BUSY])).text().endswith(f"8x8 said: HTTP 400: {BUSY}")


@pytest.mark.parametrize(
    "kind",
    [
        cls
        for cls in vars(errors).values()
        if isinstance(cls, type) and issubclass(cls, CCDeskError) and "default_explanation" in vars(cls)
    ],
)
def test_window_explanations_match_the_api_layer(kind):
    """explain.py keeps a translatable copy of each error's default words: in English they are the API's own."""
    expected = kind.default_explanation.replace("(ccdesk-cli login or Settings)", "(Settings)")
    assert explain(kind(), voice=Voice.WINDOW) == expected


def test_the_command_line_never_installs_a_translator():
    """The CLI stays English byte for byte: no cli module imports `words` or the window's i18n."""
    package = Path(ccdesk.__file__).parent
    modules = sorted(package.glob("cli*.py"))
    assert package / "cli.py" in modules
    for path in modules:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                module = node.module or ""
                named = {alias.name for alias in node.names}
                assert module not in ("ccdesk.api.words", "ccdesk.ui.i18n"), path
                assert not (module == "ccdesk.api" and "words" in named), path
                assert not (module == "ccdesk.ui" and "i18n" in named), path
            elif isinstance(node, ast.Import):
                assert not {a.name for a in node.names} & {"ccdesk.api.words", "ccdesk.ui.i18n"}, path
            elif isinstance(node, ast.Attribute):
                assert not (node.attr == "use" and getattr(node.value, "id", "") == "words"), path


def test_details_come_as_one_sentence_under_their_heading():
    error = RejectedError(status=400, reasons=[BUSY])
    assert present(error).details_line == f"8x8 said: HTTP 400: {BUSY}"
    words.use(french)
    assert present(error).details_line == f"Réponse de 8x8 : HTTP 400: {BUSY}"
    assert present(None).details_line == ""
