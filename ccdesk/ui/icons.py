"""Icons from the SVG sources in resources/icons, tinted for the current palette and sharp at any scale.

The line icons use `currentColor`; each is rendered in the palette's text colour at several sizes, so they read in
light and dark themes and stay crisp on high-DPI screens.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files

from PySide6.QtSvg import QSvgRenderer

from ccdesk.ui.qt import QApplication, QByteArray, QColor, QIcon, QPainter, QPalette, QPixmap, Qt

_SIZES = (16, 20, 24, 32, 48, 64, 128, 256)


def svg_source(name: str) -> str:
    return files("ccdesk.resources").joinpath(f"icons/{name}.svg").read_text(encoding="utf-8")


@cache
def _icon(name: str, colour: str) -> QIcon:
    data = QByteArray(svg_source(name).replace("currentColor", colour).encode("utf-8"))
    renderer = QSvgRenderer(data)
    result = QIcon()
    for size in _SIZES:
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        renderer.render(painter)
        painter.end()
        result.addPixmap(pixmap)
    return result


def icon(name: str, colour: QColor | str | None = None) -> QIcon:
    """A themed icon; `colour` overrides the palette's text colour."""
    if colour is None:
        app = QApplication.instance()
        palette = app.palette() if isinstance(app, QApplication) else QPalette()
        colour = palette.color(QPalette.ColorRole.ButtonText)
    name_of_colour = colour.name() if isinstance(colour, QColor) else colour
    return _icon(name, name_of_colour)


def app_icon() -> QIcon:
    return _icon("ccdesk", "#ffffff")


def clear_cache() -> None:
    """Forget rendered icons (the palette changed)."""
    _icon.cache_clear()
