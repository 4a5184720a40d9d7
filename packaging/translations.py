"""ccdesk's translations: extract, check and compile, with the Qt tools PySide6-Essentials ships.

    python packaging/translations.py update     # lupdate: resources/i18n/ccdesk_<lang>.ts from the sources
    python packaging/translations.py check      # what is untranslated, obsolete, stale or has broken placeholders
    python packaging/translations.py compile DIR  # lrelease: DIR/ccdesk_<lang>.qm (packaging/build.py does this)

The `.ts` files are the sources (in git, translated by people); `.qm` files are built, never committed.
tests/unit/ui/test_translations.py runs the check: a string added to the window without its French fails it.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "resources" / "i18n"
LANGUAGES = ("fr", "en")
#: English needs only its plural forms ("1 line freed", "2 lines freed"): every other source text is English
PLURAL_ONLY = ("en",)
#: the modules whose strings the window shows (the CLI and the API layer stay English)
SOURCES = ("ccdesk/ui", "ccdesk/app.py")
#: {name}, {0}, %1, %n: what a translation must keep, each as many times as the source has it
PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*(?:![rsa])?(?::[^{}]*)?\}|\{\d+\}|%(?:\d+|n|L\d+)")


def qt_tool(name: str) -> Path:
    """PySide6's copy of a Qt tool (lupdate, lrelease)."""
    import PySide6

    folder = Path(PySide6.__file__).parent
    for candidate in (folder / f"{name}.exe", folder / name):
        if candidate.is_file():
            return candidate
    found = shutil.which(f"pyside6-{name}")
    if found:
        return Path(found)
    raise SystemExit(f"translations: {name} not found (it comes with PySide6-Essentials)")


def source_files(root: Path = ROOT) -> list[Path]:
    files: list[Path] = []
    for entry in SOURCES:
        path = root / entry
        files += sorted(path.rglob("*.py")) if path.is_dir() else [path]
    return files


def ts_path(lang: str, root: Path = ROOT) -> Path:
    return root / "resources" / "i18n" / f"ccdesk_{lang}.ts"


def run_lupdate(ts: Path, root: Path = ROOT) -> None:
    """Bring `ts` up to date with the sources: new strings added unfinished, vanished ones dropped."""
    ts.parent.mkdir(parents=True, exist_ok=True)
    plural_only = ["-pluralonly"] if ts.stem.rsplit("_", 1)[-1] in PLURAL_ONLY else []
    subprocess.run(
        [str(qt_tool("lupdate")), "-silent", "-no-obsolete", "-locations", "none", *plural_only]
        + [str(path) for path in source_files(root)]
        + ["-ts", str(ts)],
        check=True,
        cwd=root,
    )


@dataclass(frozen=True)
class Entry:
    context: str
    source: str
    translations: tuple[str, ...]
    unfinished: bool
    obsolete: bool
    numerus: bool


def read_ts(ts: Path) -> list[Entry]:
    entries = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = translation.get("type", "") if translation is not None else "unfinished"
            numerus = message.get("numerus") == "yes"
            if translation is None:
                texts: tuple[str, ...] = ()
            elif numerus:
                texts = tuple(form.text or "" for form in translation.iter("numerusform"))
            else:
                texts = (translation.text or "",)
            entries.append(
                Entry(
                    name,
                    message.findtext("source") or "",
                    texts,
                    kind == "unfinished",
                    kind in ("obsolete", "vanished"),
                    numerus,
                )
            )
    return entries


def placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(text))


def problems(lang: str, root: Path = ROOT) -> list[str]:
    """Everything that keeps `lang` from being complete, one line each (empty: complete)."""
    committed = ts_path(lang, root)
    if not committed.is_file():
        return [f"{committed.relative_to(root)} does not exist: run `python packaging/translations.py update`"]
    found: list[str] = []
    with tempfile.TemporaryDirectory() as scratch:
        fresh = Path(scratch) / committed.name
        shutil.copy(committed, fresh)
        run_lupdate(fresh, root)
        now = {(e.context, e.source) for e in read_ts(fresh)}
    entries = read_ts(committed)
    kept = {(e.context, e.source) for e in entries if not e.obsolete}
    for context, source in sorted(now - kept):
        found.append(f"not in the .ts (run update, then translate): [{context}] {source!r}")
    for context, source in sorted(kept - now):
        found.append(f"no longer in the sources (run update): [{context}] {source!r}")
    for e in entries:
        where = f"[{e.context}] {e.source!r}"
        if e.obsolete:
            found.append(f"obsolete entry: {where}")
            continue
        if e.unfinished or not e.translations or not all(t.strip() for t in e.translations):
            found.append(f"untranslated: {where}")
            continue
        expected = placeholders(e.source)
        for text in e.translations:
            got = placeholders(text)
            if e.numerus:  # a plural form may spell out the one (“un appel”) instead of %n
                got = [p for p in got if p != "%n"]
                want = [p for p in expected if p != "%n"]
            else:
                want = expected
            if got != want:
                found.append(f"placeholders differ in {where}: source {expected}, translation {text!r}")
    return found


def compile_all(out: Path, root: Path = ROOT) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    made = []
    for lang in LANGUAGES:
        qm = out / f"ccdesk_{lang}.qm"
        subprocess.run(
            [str(qt_tool("lrelease")), "-silent", str(ts_path(lang, root)), "-qm", str(qm)], check=True
        )
        made.append(qm)
    return made


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Extract, check and compile ccdesk's translations.")
    parser.add_argument("command", choices=("update", "check", "compile"))
    parser.add_argument("out", nargs="?", type=Path, help="compile: the folder for the .qm files")
    args = parser.parse_args(argv)
    if args.command == "update":
        for lang in LANGUAGES:
            run_lupdate(ts_path(lang))
            entries = read_ts(ts_path(lang))
            todo = sum(1 for e in entries if e.unfinished)
            print(f"{ts_path(lang).relative_to(ROOT)}: {len(entries)} strings, {todo} to translate")
        return 0
    if args.command == "check":
        found = [f"{lang}: {line}" for lang in LANGUAGES for line in problems(lang)]
        print("\n".join(found) or "translations complete")
        return 1 if found else 0
    if args.out is None:
        parser.error("compile needs the output folder")
    for qm in compile_all(args.out):
        print(qm)
    return 0


if __name__ == "__main__":
    sys.exit(main())
