"""How `ccdesk-cli` writes for a terminal: escaped server values, aligned tables, durations in plain words.

Values ccdesk did not write (names, reasons, ids from 8x8) never reach a terminal raw: a control or bidi character
could move the cursor or reorder the line. Tables are aligned by what a terminal shows (a CJK character takes two
columns, a combining accent none), so a long or foreign name never breaks the columns.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

#: Characters a terminal must never get raw from a value ccdesk did not write: controls (escape sequences,
#: line breaks), format characters (bidi overrides, zero-width), line and paragraph separators.
_UNPRINTABLE = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})


def escaped(value: object) -> str:
    """A server-supplied value as printed: one line, every control, bidi or separator character escaped."""
    text = value if isinstance(value, str) else str(value)
    if not any(unicodedata.category(ch) in _UNPRINTABLE for ch in text):
        return text
    return "".join(ascii(ch)[1:-1] if unicodedata.category(ch) in _UNPRINTABLE else ch for ch in text)


def lines_escaped(text: str) -> str:
    """ccdesk's own multi-line text, each line passed through `escaped` (the values in it are escaped first)."""
    return "\n".join(escaped(line) for line in text.split("\n"))


def display_width(text: str) -> int:
    """Columns `text` takes in a terminal: wide (CJK) characters two, combining marks none."""
    width = 0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width


def table(header: Sequence[str], rows: Sequence[Sequence[str]], *, right: Sequence[int] = ()) -> str:
    """Rows under a header, each column as wide as its widest cell (nothing is cut); `right` columns right-aligned.

    Cells are printed as given: escape server values before. The last column is not padded (no trailing spaces).
    """
    widths = [max(display_width(row[i]) for row in [header, *rows]) for i in range(len(header))]
    lines = []
    for row in [header, *rows]:
        cells = []
        for i, cell in enumerate(row):
            pad = " " * (widths[i] - display_width(cell))
            last = i == len(row) - 1
            cells.append(pad + cell if i in right else cell + ("" if last else pad))
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines)


def duration(seconds: float) -> str:
    """A time in status as a person says it: 45 s, 12 min, 1 h 05 min, 3 d 4 h."""
    seconds = max(0, int(seconds))
    if seconds < 60:
        return f"{seconds} s"
    minutes = seconds // 60
    if minutes < 60:
        return f"{minutes} min"
    hours, minutes = divmod(minutes, 60)
    if hours < 24:
        return f"{hours} h {minutes:02d} min"
    days, hours = divmod(hours, 24)
    return f"{days} d {hours} h"
