"""Icons from the SVG sources in resources/icons, tinted for the current palette and sharp at any scale.

The line icons use `currentColor`; each is drawn in the palette's button-text colour by a small icon engine that
renders the SVG at exactly the size asked for (so it stays crisp on high-DPI screens) and only when first shown
(so start-up does not pay for icons nobody has seen yet).
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files

from ccdesk.ui.qt import (
    QApplication,
    QByteArray,
    QColor,
    QIcon,
    QIconEngine,
    QPainter,
    QPalette,
    QPixmap,
    QRect,
    QSize,
    Qt,
)

DISABLED_OPACITY = 0.4


def svg_source(name: str) -> str:
    return files("ccdesk.resources").joinpath(f"icons/{name}.svg").read_text(encoding="utf-8")


class _SvgEngine(QIconEngine):
    """Renders one SVG on demand, per size and mode, and keeps what it rendered."""

    def __init__(self, svg: bytes) -> None:
        super().__init__()
        self._svg = svg
        self._pixmaps: dict[tuple[int, int, QIcon.Mode], QPixmap] = {}

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        key = (size.width(), size.height(), mode)
        cached = self._pixmaps.get(key)
        if cached is None:
            from PySide6.QtSvg import QSvgRenderer  # loaded with the first icon drawn

            cached = QPixmap(size)
            cached.fill(Qt.GlobalColor.transparent)
            painter = QPainter(cached)
            if mode == QIcon.Mode.Disabled:
                painter.setOpacity(DISABLED_OPACITY)
            QSvgRenderer(QByteArray(self._svg)).render(painter)
            painter.end()
            self._pixmaps[key] = cached
        return cached

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        ratio = painter.device().devicePixelRatioF() if painter.device() else 1.0
        size = QSize(round(rect.width() * ratio), round(rect.height() * ratio))
        painter.drawPixmap(rect, self.pixmap(size, mode, state))

    def clone(self) -> QIconEngine:
        return _SvgEngine(self._svg)


@cache
def _icon(name: str, colour: str) -> QIcon:
    return QIcon(_SvgEngine(svg_source(name).replace("currentColor", colour).encode("utf-8")))


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


def draw_state_mark(painter: QPainter, box: QRect, state: str, colour: QColor) -> None:
    """The tray icon's mark of the lines' state in `box`, told apart by its shape as well as by `colour`.

    WCAG 2.1 SC 1.4.1: colour is never the only signal (a colour-blind agent, a monochrome tray). Idle is a hollow
    ring, a call a filled dot, wrap-up a half-filled dot, an error a warning triangle; each has a white edge so
    that it stands out from the icon under it.
    """
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    white = QColor("#ffffff")
    area = box.toRectF()
    size = area.width()
    if state == "error":
        painter.setPen(white)
        painter.setBrush(colour)
        apex = (area.topLeft() + area.topRight()) / 2
        painter.drawPolygon([apex, area.bottomRight(), area.bottomLeft()])
        bar = max(1.0, size / 7)
        side = (size - bar) / 2
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(white)
        painter.drawRect(area.adjusted(side, size * 0.32, -side, -size * 0.32))  # the "!"
        painter.drawRect(area.adjusted(side, size * 0.76, -side, -(size * 0.24 - bar)))
    else:
        painter.setPen(white)
        painter.setBrush(white if state in ("idle", "wrap-up") else colour)
        painter.drawEllipse(area)
        if state != "call":
            ring = painter.pen()
            ring.setColor(colour)
            ring.setWidthF(max(1.5, size / 5))
            painter.setPen(ring)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            inner = area.adjusted(
                ring.widthF() / 2, ring.widthF() / 2, -ring.widthF() / 2, -ring.widthF() / 2
            )
            painter.drawEllipse(inner)
            if state == "wrap-up":  # the right half filled: the call is half done
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(colour)
                painter.drawPie(inner, -90 * 16, 180 * 16)
    painter.restore()
