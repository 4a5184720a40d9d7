"""Small modal questions, kept for actions that cannot be undone (routine failures never open a dialog)."""

from __future__ import annotations

from ccdesk.ui.plain import auto_text
from ccdesk.ui.qt import QMessageBox, QWidget


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    """Ask before an irreversible action; Cancel is the default, so a stray Enter never destroys anything.
    `text` (it can name agents and numbers) is shown as written."""
    buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel
    answer = QMessageBox.question(parent, title, auto_text(text), buttons, QMessageBox.StandardButton.Cancel)
    return answer == QMessageBox.StandardButton.Yes
