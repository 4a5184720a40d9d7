"""Every string the window shows goes through Qt's translation system: no bare English literal reaches a widget.

A static check over the window's sources (ccdesk/ui, ccdesk/app.py): a literal with letters passed straight to a
Qt text setter or widget constructor fails, with its file and line. What is translated arrives there as
QCoreApplication.translate(...) (or a variable); the completeness test then holds the translations to account.
A literal that is not words (a digit on the dial pad, a symbol) passes. A deliberate exception carries
`# not translated: <why>` on its line.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
SOURCES = [*sorted((ROOT / "ccdesk" / "ui").glob("*.py")), ROOT / "ccdesk" / "app.py"]
SETTERS = {
    "setText",
    "setWindowTitle",
    "setToolTip",
    "setStatusTip",
    "setWhatsThis",
    "setPlaceholderText",
    "setAccessibleName",
    "setAccessibleDescription",
    "setTitle",
    "setLabelText",
    "setInformativeText",
    "setDetailedText",
    "showMessage",
    "addMenu",
    "setHorizontalHeaderLabels",
    "setHeaderLabels",
    "setTabText",
    "addTab",
    "setSpecialValueText",
    "setSuffix",
    "setPrefix",
    "setFormat",
    "addItem",
    "setButtonText",
}
WIDGETS = {
    "QLabel",
    "QPushButton",
    "QAction",
    "QCheckBox",
    "QRadioButton",
    "QGroupBox",
    "QToolButton",
    "QMenu",
}
MESSAGE_BOXES = {"information", "warning", "critical", "question", "about"}
WORDS = re.compile(r"[A-Za-z]{2,}")
ALLOWED = {"ccdesk", "Ctrl", "Alt", "Shift", "OK"}  # the product's name, key names


def wording(node: ast.AST) -> str | None:
    """The English of a literal argument (plain or f-string), or None when it is not a literal with words."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        text = node.value
    elif isinstance(node, ast.JoinedStr):
        text = "".join(
            p.value for p in node.values if isinstance(p, ast.Constant) and isinstance(p.value, str)
        )
    else:
        return None
    words = [w for w in WORDS.findall(text) if w not in ALLOWED]
    return text if words else None


def bare_literals(path: Path, root: Path = ROOT) -> list[str]:
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
        owner = func.value.id if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) else ""
        if name in SETTERS:
            candidates = node.args[:1] if name not in ("addTab", "addItem") else node.args[:2]
        elif name in WIDGETS:
            candidates = node.args[:2]
        elif owner == "QMessageBox" and name in MESSAGE_BOXES:
            candidates = node.args[1:3]
        else:
            continue
        for arg in candidates:
            text = wording(arg)
            if text is not None and "# not translated:" not in lines[arg.lineno - 1]:
                found.append(f"{path.relative_to(root)}:{arg.lineno}: {name}({text!r})")
    return found


def test_no_bare_english_reaches_a_widget() -> None:
    found = [line for path in SOURCES for line in bare_literals(path)]
    assert not found, f"{len(found)} untranslatable string(s):\n" + "\n".join(found)


def test_the_check_sees_a_bare_literal(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "from ccdesk.ui.qt import QCoreApplication, QLabel\n"
        "a = QLabel('Queue')\n"
        "b = QLabel(QCoreApplication.translate('Panel', 'Queue'))\n"
        "button.setText(f'Free line {n}')\n"
        "key.setText('1')\n"
        "QMessageBox.warning(self, 'Link refused', text)\n"
        "box.setWindowTitle('ccdesk')\n"
    )
    assert bare_literals(sample, tmp_path) == [
        "sample.py:2: QLabel('Queue')",
        "sample.py:4: setText('Free line ')",
        "sample.py:6: warning('Link refused')",
    ]
