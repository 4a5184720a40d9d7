"""The translations are complete: every string the window shows is in French, with its placeholders and plurals.

packaging/translations.py extracts the strings from the sources with Qt's lupdate and compares them with the
committed resources/i18n/ccdesk_<lang>.ts; a string added without its French, a translation that lost a {name} or
%n, an entry the sources no longer have, or an unfinished one fails here.
"""

from __future__ import annotations

import importlib.util
import sys
import textwrap
from pathlib import Path
from types import ModuleType

import pytest

TOOL = Path(__file__).resolve().parents[3] / "packaging" / "translations.py"


def load_tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("ccdesk_translations_under_test", TOOL)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


tool = load_tool()


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_string_is_translated_with_its_placeholders(lang: str) -> None:
    found = tool.problems(lang)
    assert not found, f"{len(found)} problem(s) in ccdesk_{lang}.ts:\n" + "\n".join(found[:40])


def test_french_covers_the_window_not_a_handful() -> None:
    entries = tool.read_ts(tool.ts_path("fr"))
    contexts = {e.context for e in entries}
    assert len(entries) > 300
    for context in ("MainWindow", "DialPanel", "LinePanel", "SettingsDialog", "SupervisorWindow"):
        assert context in contexts, f"no French for {context}"
    assert any(e.numerus for e in entries), "counts are translated with plural forms"


SOURCE = """
from ccdesk.ui.qt import QCoreApplication

class Panel:
    def texts(self, line: int, count: int) -> list[str]:
        return [
            QCoreApplication.translate("Panel", "Free line {line}").format(line=line),
            QCoreApplication.translate("Panel", "%n line(s) freed", None, count),
            QCoreApplication.translate("Panel", "Hang up"),
        ]
"""


def ts(messages: str) -> str:
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1" language="fr_FR">\n'
        f"<context>\n<name>Panel</name>\n{textwrap.dedent(messages)}</context>\n</TS>\n"
    )


FREE = (
    "<message><source>Free line {line}</source><translation>Libérer la ligne {line}</translation></message>\n"
)
FREED = (
    '<message numerus="yes"><source>%n line(s) freed</source><translation><numerusform>%n ligne libérée'
    "</numerusform><numerusform>%n lignes libérées</numerusform></translation></message>\n"
)
HANG_UP = "<message><source>Hang up</source><translation>Raccrocher</translation></message>\n"


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    (tmp_path / "ccdesk" / "ui").mkdir(parents=True)
    (tmp_path / "ccdesk" / "ui" / "panel.py").write_text(SOURCE)
    for layer in ("api", "core"):
        (tmp_path / "ccdesk" / layer).mkdir()
    for empty in ("app.py", "api/words.py", "core/lines.py", "cli_parser.py"):
        (tmp_path / "ccdesk" / empty).write_text("")
    (tmp_path / "resources" / "i18n").mkdir(parents=True)
    return tmp_path


def check(tree: Path, messages: str) -> list[str]:
    (tree / "resources" / "i18n" / "ccdesk_fr.ts").write_text(ts(messages), encoding="utf-8")
    return list(tool.problems("fr", tree))


def test_a_complete_catalogue_passes(tree: Path) -> None:
    assert check(tree, FREE + FREED + HANG_UP) == []


def test_a_string_without_french_fails(tree: Path) -> None:
    found = check(tree, FREE + FREED)
    assert found == ["not in the .ts (run update, then translate): [Panel] 'Hang up'"]


def test_an_unfinished_translation_fails(tree: Path) -> None:
    unfinished = HANG_UP.replace("<translation>", '<translation type="unfinished">')
    assert check(tree, FREE + FREED + unfinished) == ["untranslated: [Panel] 'Hang up'"]


def test_a_lost_placeholder_fails(tree: Path) -> None:
    lost = FREE.replace("Libérer la ligne {line}", "Libérer la ligne")
    found = check(tree, lost + FREED + HANG_UP)
    assert found and "placeholders differ in [Panel] 'Free line {line}'" in found[0]


def test_an_entry_the_sources_dropped_fails(tree: Path) -> None:
    gone = "<message><source>Dial</source><translation>Appeler</translation></message>\n"
    found = check(tree, FREE + FREED + HANG_UP + gone)
    assert found == ["no longer in the sources (run update): [Panel] 'Dial'"]


def test_an_obsolete_entry_fails(tree: Path) -> None:
    old = '<message><source>Dial</source><translation type="vanished">Appeler</translation></message>\n'
    assert "obsolete entry: [Panel] 'Dial'" in check(tree, FREE + FREED + HANG_UP + old)


def _translate_calls(path: Path) -> list[tuple[str, str, int]]:
    """Every translate("Context", "literal", ...) call in a source file, as Python reads it."""
    import ast

    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call) or len(node.args) < 2:
            continue
        name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        context, text = node.args[0], node.args[1]
        literal = isinstance(context, ast.Constant) and isinstance(text, ast.Constant)
        if name == "translate" and literal and isinstance(context.value, str) and isinstance(text.value, str):
            found.append((context.value, text.value, node.lineno))
    return found


def test_lupdate_extracts_every_translate_call_python_sees() -> None:
    """lupdate's Python reader misses some calls (a count written as len(x), for one); such a string would stay
    English without anything failing, so every call Python sees must be in the .ts."""
    known = {(e.context, e.source) for e in tool.read_ts(tool.ts_path("fr"))}
    missed = [
        f"{path.relative_to(TOOL.parents[1])}:{line}: [{context}] {text!r}"
        for path in tool.source_files()
        for context, text, line in _translate_calls(path)
        if (context, text) not in known
    ]
    assert not missed, "not extracted by lupdate (write the call more plainly):\n" + "\n".join(missed)
