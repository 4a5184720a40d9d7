"""A label that is always the same height, whatever its text: the widgets below it never move.

A word-wrapped QLabel grows a line when its text wraps once more, which made the dial panel jump while a number
was typed. This one wraps into a fixed number of lines, ends the last one with "…" when the text is longer, and
then shows the whole text in its tooltip. `text()` (and so screen readers) always has the whole text.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from ccdesk.ui.plain import plain_tip
from ccdesk.ui.qt import QEvent, QLabel, QPainter, QSize, QSizePolicy, Qt, QWidget

if TYPE_CHECKING:
    from PySide6.QtGui import QPaintEvent, QResizeEvent


def wrap(text: str, width: int, advance: Callable[[str], int], lines: int) -> tuple[list[str], bool]:
    """Greedy word wrap of `text` into at most `lines` lines of `width` pixels (`advance` measures a string); a
    word wider than a line is broken. The last line holds all the rest; `True` when that is too wide (cut)."""
    words = text.split()
    result: list[str] = []
    current = ""
    index = 0
    while index < len(words):
        if len(result) == lines - 1:
            rest = " ".join([current, *words[index:]] if current else words[index:])
            result.append(rest)
            return result, advance(rest) > width
        word = words[index]
        candidate = f"{current} {word}" if current else word
        if advance(candidate) <= width:
            current = candidate
            index += 1
        elif current:
            result.append(current)
            current = ""
        else:  # one word wider than the line: break it where it stops fitting
            cut = next((n for n in range(len(word) - 1, 0, -1) if advance(word[:n]) <= width), 1)
            result.append(word[:cut])
            words[index] = word[cut:]
    if current:
        result.append(current)
    return result, False


class FixedLinesLabel(QLabel):
    """Plain text in exactly `lines` lines of height: wrapped, the last line elided, the whole text in the tooltip
    when it is cut."""

    def __init__(self, lines: int = 2, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lines = lines
        self._cut = False
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def setText(self, text: str) -> None:
        super().setText(text)
        self._refresh_tip()
        self.update()

    def is_cut(self) -> bool:
        """True when the text does not fit and the label shows it elided."""
        return self._cut

    def shown_lines(self) -> list[str]:
        """The lines as drawn at the current width (the last one ending in "…" when the text is cut)."""
        width = max(1, self.contentsRect().width())
        metrics = self.fontMetrics()
        lines, cut = wrap(self.text(), width, metrics.horizontalAdvance, self._lines)
        if cut:
            lines[-1] = metrics.elidedText(lines[-1], Qt.TextElideMode.ElideRight, width)
        return lines

    # -- Qt -------------------------------------------------------------------------------------------------

    def sizeHint(self) -> QSize:
        return QSize(240, self._height())

    def minimumSizeHint(self) -> QSize:
        return QSize(60, self._height())

    def hasHeightForWidth(self) -> bool:
        return False

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._refresh_tip()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        self.updateGeometry()  # a new font is a new line height

    def paintEvent(self, event: QPaintEvent) -> None:
        del event  # the whole label is drawn: it is two short lines
        painter = QPainter(self)
        rect = self.contentsRect()
        step = self.fontMetrics().lineSpacing()
        flags = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextSingleLine)
        for number, line in enumerate(self.shown_lines()):
            line_rect = rect.adjusted(0, number * step, 0, 0)
            line_rect.setHeight(step)
            self.style().drawItemText(
                painter, line_rect, flags, self.palette(), self.isEnabled(), line, self.foregroundRole()
            )
        painter.end()

    def _height(self) -> int:
        margins = self.contentsMargins()
        return self.fontMetrics().lineSpacing() * self._lines + margins.top() + margins.bottom()

    def _refresh_tip(self) -> None:
        width = max(1, self.contentsRect().width())
        _lines, self._cut = wrap(self.text(), width, self.fontMetrics().horizontalAdvance, self._lines)
        self.setToolTip(plain_tip(self.text()) if self._cut else "")
