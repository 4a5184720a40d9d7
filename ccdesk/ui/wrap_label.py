"""A label for one long word (an interaction id): it wraps anywhere instead of running out of its panel.

QLabel breaks lines only between words, so at 200% text size or in a narrow compact window an id like
"int-17d58c5f5f4a…" was cut off. This label draws its text wrapped at any character and asks its layout for the
height that takes. Its text stays the plain id (what text(), a screen reader and the Copy button give).
"""

from __future__ import annotations

from ccdesk.ui.qt import QLabel, QPainter, QRect, QSize, Qt, QWidget

_FLAGS = int(Qt.TextFlag.TextWrapAnywhere) | int(Qt.AlignmentFlag.AlignLeft) | int(Qt.AlignmentFlag.AlignTop)


class WrapAnywhereLabel(QLabel):
    """Plain text wrapped at any character; no mouse selection (its panel has a Copy button)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)

    def _height(self, width: int) -> int:
        if not self.text():
            return 0
        bound = self.fontMetrics().boundingRect(QRect(0, 0, max(1, width), 100_000), _FLAGS, self.text())
        margins = self.contentsMargins()
        return bound.height() + margins.top() + margins.bottom()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        margins = self.contentsMargins()
        return self._height(width - margins.left() - margins.right())

    def sizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        return QSize(metrics.horizontalAdvance(self.text()) + 2, metrics.height())

    def minimumSizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        return QSize(metrics.averageCharWidth() * 4, metrics.height() if self.text() else 0)

    def paintEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        painter = QPainter(self)
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.setFont(self.font())
        painter.drawText(self.contentsRect(), _FLAGS, self.text())
        painter.end()
