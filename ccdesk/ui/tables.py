"""Reading the name/value tables the agent edits (attached data, a profile's lists)."""

from __future__ import annotations

from ccdesk.ui.qt import QTableWidget


def cell_text(table: QTableWidget, row: int, column: int) -> str:
    """A cell's text; a cell never filled in has no item, and reads as empty."""
    item = table.item(row, column)
    return item.text() if item is not None else ""
