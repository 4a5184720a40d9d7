"""The platform's and links' words shown as plain text, never as markup.

Qt reads a QLabel's or QMessageBox's text as rich text when it "might be" rich text, and a tooltip likewise: a
reason holding `<h1>`, `<a href>` or `<img src>` would be drawn large, clickable or as a local image. Every text
that can hold words from 8x8, a link or a file goes through these helpers.
"""

from __future__ import annotations

import html
import sys

from ccdesk.ui.qt import QLabel, QMessageBox, Qt


def plain_tip(text: str | None) -> str:
    """A tooltip that shows `text` literally: escaped inside <qt>…</qt>, line breaks kept ('' hides the tip)."""
    if not text:
        return ""
    return "<qt>" + html.escape(text, quote=False).replace("\n", "<br>") + "</qt>"


def auto_text(text: str) -> str:
    """`text` for a place that guesses its format (QMessageBox's static functions): unchanged without a '<' (Qt
    guesses rich text only from a tag), else escaped rich text that shows it literally."""
    return plain_tip(text) if "<" in text else text


def plain_labels(*labels: QLabel) -> None:
    """Labels that show their text as written, whatever it holds."""
    for label in labels:
        label.setTextFormat(Qt.TextFormat.PlainText)


def plain_box(box: QMessageBox) -> QMessageBox:
    """A message box whose text and informative text are plain (Qt's informative label guesses, and opens links);
    call after setInformativeText. Its detailed text is plain already."""
    box.setTextFormat(Qt.TextFormat.PlainText)
    informative = box.findChild(QLabel, "qt_msgbox_informativelabel")
    if informative is not None:
        informative.setTextFormat(Qt.TextFormat.PlainText)
        informative.setOpenExternalLinks(False)
    return box


def notification_text(text: str) -> str:
    """A tray notification's body: freedesktop notification servers (Qt's D-Bus tray on Linux and BSD) may read
    the body as markup, so there it is escaped; Windows and macOS show it as written."""
    if sys.platform.startswith(("win", "darwin")):
        return text
    return html.escape(text, quote=False)
