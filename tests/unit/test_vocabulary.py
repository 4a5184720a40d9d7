"""One word for one thing in every view, the command line and README (issue 12, point 5).

Every string literal a user can read (window, tray, supervisor, command line, core messages; not docstrings,
not identifiers) and README are searched for the words ccdesk chose not to use. 8x8's own terms stay where
they name 8x8's API: the `--end-post-processing` option (a contract), the `endPostProcessing` parameter,
automation names, and a sentence that says "8x8 calls it post-processing".
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
#: where user-facing words live; api/ and sim/ speak 8x8's language (its reasons, its field names) on purpose
SOURCES = sorted(
    p
    for p in (ROOT / "ccdesk").rglob("*.py")
    if not {"api", "sim"} & set(p.relative_to(ROOT / "ccdesk").parts[:-1])
)

WORDS = {
    "post-processing (say wrap-up)": re.compile(r"\bpost[- ]?processing\b", re.I),
    "dialing/dialed (say dialling/dialled)": re.compile(r"\bdial(?:ing|ed|er)\b", re.I),
    "hang-up as a noun or hangup in prose (say hang up)": re.compile(
        r"\bhang-up\b|\bhangup\b(?! INTERACTION)", re.I
    ),
    "wrap-up codes (say transaction codes)": re.compile(r"\b(?:wrap-up|disposition) codes?\b", re.I),
    "interactionGuid (say interaction id)": re.compile(r"interactionGuid|\bGUID\b"),
}
ALLOWED = re.compile(
    r"--end-post-processing|endPostProcessing|end_post_processing|8x8 calls it post-processing"
    r"|ccdesk-cli hangup|`[^`\n]*`|'hangup'|\"hangup\"|\bhangup INTERACTION|POST_PROCESS"
)


def _user_strings(path: Path) -> list[tuple[int, str]]:
    """String literals of a module that are not docstrings and not bare identifiers."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            text = node.value
            if re.fullmatch(r"[\w.:/-]*", text):  # an identifier, key, path or option name, not words
                continue
            found.append((node.lineno, text))
    return found


def _offences(text: str) -> list[str]:
    cleaned = ALLOWED.sub("", text)
    return [name for name, pattern in WORDS.items() if pattern.search(cleaned)]


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_the_code_says_one_word_for_one_thing(path: Path) -> None:
    bad = [
        f"{path.name}:{line}: {name}: {text!r}"
        for line, text in _user_strings(path)
        for name in _offences(text)
    ]
    assert bad == []


def test_readme_says_one_word_for_one_thing() -> None:
    bad = []
    for number, line in enumerate((ROOT / "README.md").read_text(encoding="utf-8").splitlines(), 1):
        bad += [f"README.md:{number}: {name}: {line.strip()}" for name in _offences(line)]
    assert bad == []


@pytest.mark.parametrize(
    ("text", "offends"),
    [
        ("Also end post-processing", True),
        ("Dialing…", True),
        ("the call was dialed", True),
        ("Ending call with interactionGuid=[x] was successful", True),
        ("Also end wrap-up", False),
        ("Dialling…", False),
        ("--end-post-processing  also end the wrap-up (8x8 calls it post-processing)", False),
    ],
)
def test_the_checker_knows_the_words(text: str, offends: bool) -> None:
    assert bool(_offences(text)) is offends
