"""Tables of the supervisor console whose text is never cut: columns as wide as their content and header.

Qt elides a cell narrower than its text ("Unknown (never l…"). Columns grow to what they hold whenever it
changes, and never shrink under the supervisor's hand (a column they widened stays wide); the full text of
every cell is in its tooltip as well.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from ccdesk.ui.qt import QStyle, QTableView

#: a column starts this narrow and grows to what it holds (Qt's default of 100 px leaves empty columns wide)
NARROW = 40


def narrow_columns(view: QTableView) -> None:
    """Start every column narrow, for `fit_columns` to widen."""
    view.horizontalHeader().setDefaultSectionSize(NARROW)


def fit_columns(view: QTableView, columns: Iterable[int], minimum: Mapping[int, int] | None = None) -> None:
    """Widen each column to its content and its header (at least `minimum`), never narrower than it is."""
    header = view.horizontalHeader()
    least = minimum or {}
    for column in columns:
        if header.isSectionHidden(column):
            continue
        wanted = max(view.sizeHintForColumn(column), header.sectionSizeHint(column), least.get(column, 0))
        if wanted > view.columnWidth(column):
            view.setColumnWidth(column, wanted)


def fit_wrapped_column(view: QTableView, column: int, cap: int) -> bool:
    """Widen a column whose text wraps (the view wraps words) up to `cap`, and past it to its longest word: a
    word wider than its column is cut ("…"), a long sentence only wraps. True when the width changed (the rows
    must then be measured again)."""
    header, model = view.horizontalHeader(), view.model()
    metrics = view.fontMetrics()
    margin = 2 * (view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1) + 2
    longest = 0
    for row in range(model.rowCount()):
        text = str(model.index(row, column).data() or "")
        longest = max([longest, *(metrics.horizontalAdvance(word) for word in text.split())])
    wanted = max(
        header.sectionSizeHint(column), min(view.sizeHintForColumn(column), max(cap, longest + margin))
    )
    if wanted > view.columnWidth(column):
        view.setColumnWidth(column, wanted)
        return True
    return False
