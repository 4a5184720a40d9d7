"""Light and dark themes that follow the system (or --theme), on Qt's Fusion style for the same look everywhere."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ccdesk.core.lines import LineState
from ccdesk.ui import icons
from ccdesk.ui.contrast import NON_TEXT, contrast_ratio
from ccdesk.ui.qt import (
    QApplication,
    QColor,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QPainter,
    QPalette,
    QPixmapCache,
    QProxyStyle,
    QStyle,
    QStyleOption,
    Qt,
    QToolButton,
    QWidget,
)

if TYPE_CHECKING:
    from PySide6.QtWidgets import QStyleOptionComplex

# The style's rendered pixmaps are kept in Qt's QPixmapCache, 10 MiB by default. A shift's worth of one window's
# changing states (timers, progress, badges at new widths) filled all of it, so the resident memory grew by 11 MiB
# before levelling off (tests/benchmarks/soak.py); 2 MiB holds what the window shows at once.
STYLE_PIXMAP_CACHE_KIB = 2048

# Badge fills under white text: each at least 4.5:1 with white (WCAG 2.1 SC 1.4.3), in both themes
_STATE_COLOURS = {
    LineState.IDLE: "#5f6b7a",
    LineState.DIALING: "#2563c9",
    LineState.LIVE: "#1a7f37",
    LineState.WRAP_UP: "#9a5b00",
    LineState.FAILED: "#c03737",
    LineState.UNKNOWN: "#b4530a",  # needs the agent's attention: a call may be live
}
_DEMO = "#9a5b00"

_BADGE = "background: %s; color: white; border-radius: 9px; padding: 2px 10px; font-weight: 600;"


def set_role(widget: QWidget, role: str) -> None:
    """Give a widget its look by role (heading, number, mono, hint, error, demo, pad).

    Fonts and palettes rather than an application style sheet: a style sheet makes Qt polish every widget
    through its slower style-sheet engine, which cost a fifth of the window's start-up.
    """
    font = QFont(widget.font())
    palette = QPalette(widget.palette())
    base = QApplication.font().pointSizeF()
    text = QApplication.palette().color(QPalette.ColorRole.WindowText)
    if role == "heading":
        font.setBold(True)
        font.setPointSizeF(base * 1.2)
    elif role == "number":
        font.setBold(True)
        font.setPointSizeF(base * 1.55)
    elif role in ("mono", "mono-small"):
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(base * (1.05 if role == "mono" else 0.92))
        if role == "mono-small":
            text = QApplication.palette().color(QPalette.ColorRole.PlaceholderText)
    elif role == "hint":
        text = QApplication.palette().color(QPalette.ColorRole.PlaceholderText)
    elif role == "error":
        text = QColor(error_colour())
    elif role == "pad":
        font.setPointSizeF(base * 1.3)
        widget.setMinimumSize(52, 36)
    elif role == "demo":
        widget.setStyleSheet(f"QLabel {{ {badge_style(_DEMO)} }}")
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):  # disabled text stays greyed
        palette.setColor(group, QPalette.ColorRole.WindowText, text)
        palette.setColor(group, QPalette.ColorRole.Text, text)
    widget.setFont(font)
    widget.setPalette(palette)


def badge_style(colour: str) -> str:
    """The rounded pill of line states and the demo badge (one small widget-local style sheet each)."""
    return _BADGE % colour


def is_dark(palette: QPalette | None = None) -> bool:
    palette = palette or QApplication.palette()
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def state_colour(state: LineState) -> str:
    return _STATE_COLOURS[state]


def error_colour() -> str:
    return "#ff7b72" if is_dark() else "#b42318"


def focus_colour(palette: QPalette | None = None) -> str:
    """The keyboard focus ring: at least 3:1 against the window, the fields and the buttons (WCAG SC 1.4.11)."""
    return "#58a6ff" if is_dark(palette) else "#1f6fb2"


def edge_colour(palette: QPalette | None = None, enabled: bool = True) -> str:
    """The edge of check boxes, radio buttons and text fields: 3:1 against what is around them (SC 1.4.11).

    Fusion outlines them with the window colour darkened, 2:1 on the light palette and nearly nothing on the dark
    one. Disabled controls are exempt; theirs stays faint so that they look disabled.
    """
    if is_dark(palette):
        return "#9aa4b0" if enabled else "#59616b"
    return "#808080" if enabled else "#c4c4c4"


def _dark_palette() -> QPalette:
    p = QPalette()
    window, base, text = QColor("#1f2329"), QColor("#15181c"), QColor("#e6e8eb")
    p.setColor(QPalette.ColorRole.Window, window)
    p.setColor(QPalette.ColorRole.WindowText, text)
    p.setColor(QPalette.ColorRole.Base, base)
    p.setColor(QPalette.ColorRole.AlternateBase, QColor("#262b31"))
    p.setColor(QPalette.ColorRole.ToolTipBase, QColor("#2b3037"))
    p.setColor(QPalette.ColorRole.ToolTipText, text)
    p.setColor(QPalette.ColorRole.PlaceholderText, QColor("#8b949e"))
    p.setColor(QPalette.ColorRole.Text, text)
    p.setColor(QPalette.ColorRole.Button, QColor("#2a2f36"))
    p.setColor(QPalette.ColorRole.ButtonText, text)
    p.setColor(QPalette.ColorRole.BrightText, QColor("#ff7b72"))
    p.setColor(QPalette.ColorRole.Highlight, QColor("#2f6fcf"))
    p.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
    p.setColor(QPalette.ColorRole.Link, QColor("#58a6ff"))
    p.setColor(QPalette.ColorRole.LinkVisited, QColor("#bc8cff"))
    p.setColor(QPalette.ColorRole.Mid, QColor("#3a4049"))
    p.setColor(QPalette.ColorRole.Dark, QColor("#101316"))
    p.setColor(QPalette.ColorRole.Light, QColor("#3d444d"))
    disabled = QColor("#7d8590")  # exempt from SC 1.4.3, still 3:1 on the window, the fields and the buttons
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return p


def _light_palette(standard: QPalette) -> QPalette:
    """Fusion's light palette with the colours that fell short of WCAG AA made darker.

    Its selection (white on #308cc6) was 3.7:1 and its placeholder (half-transparent black) 3.9:1; its disabled
    text, 1.6:1, is exempt but hard to read at all.
    """
    p = QPalette(standard)
    p.setColor(QPalette.ColorRole.Highlight, QColor("#1f6fb2"))
    p.setColor(QPalette.ColorRole.PlaceholderText, QColor("#5f6670"))
    p.setColor(QPalette.ColorRole.BrightText, QColor("#b42318"))
    p.setColor(QPalette.ColorRole.LinkVisited, QColor("#6f42c1"))
    disabled = QColor("#858585")
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return p


def _system_wants_dark() -> bool:
    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


class _ReadableStyle(QProxyStyle):
    """Fusion, with edges and a keyboard focus ring that can be seen in both themes (WCAG 2.1 SC 1.4.11, 2.4.7).

    Fusion outlines check boxes, radio buttons and text fields with the window colour darkened: 2:1 on the light
    palette, and on the dark one almost the window itself ("Force call" looked like text without a box). Its focus
    frame is a faint half-transparent line, easy to lose on the dark palette. This draws a clear edge on those
    controls and a 2 px ring in `focus_colour` on whatever has the keyboard focus: buttons, tool buttons, check
    boxes, the current item of a list or table (Qt's focus frame), text fields, combo boxes and spin boxes.
    """

    _INDICATORS = (
        QStyle.PrimitiveElement.PE_IndicatorCheckBox,
        QStyle.PrimitiveElement.PE_IndicatorRadioButton,
        QStyle.PrimitiveElement.PE_IndicatorItemViewItemCheck,
    )
    _FIELDS = (QStyle.ComplexControl.CC_ComboBox, QStyle.ComplexControl.CC_SpinBox)

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        if element == QStyle.PrimitiveElement.PE_FrameFocusRect:
            # Qt's focus frame of tool buttons, check boxes and the current item of a list: keyboard focus only
            if option.state & QStyle.StateFlag.State_KeyboardFocusChange:
                _ring(painter, option, inset=0, on=getattr(option, "backgroundColor", None))
            return
        super().drawPrimitive(element, option, painter, widget)
        if element in self._INDICATORS:
            _edge(painter, option, round_=element == QStyle.PrimitiveElement.PE_IndicatorRadioButton)
        elif element == QStyle.PrimitiveElement.PE_FrameLineEdit:
            _edge(painter, option)
            if option.state & QStyle.StateFlag.State_HasFocus:
                _ring(painter, option)
        elif element == QStyle.PrimitiveElement.PE_PanelButtonCommand and _keyboard_focus(option):
            if not isinstance(widget, QToolButton):  # a tool button has its focus frame
                _ring(painter, option)  # Fusion draws no focus frame on push buttons
        elif element == QStyle.PrimitiveElement.PE_Frame and _keyboard_focus(option):
            _ring(painter, option, inset=0)  # round a list or table, which may have no current item

    def drawComplexControl(
        self,
        control: QStyle.ComplexControl,
        option: QStyleOptionComplex,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawComplexControl(control, option, painter, widget)
        if control in self._FIELDS and option.state & QStyle.StateFlag.State_HasFocus:
            _ring(painter, option)


def _keyboard_focus(option: QStyleOption) -> bool:
    focus = QStyle.StateFlag.State_HasFocus | QStyle.StateFlag.State_KeyboardFocusChange
    return option.state & focus == focus


def _edge(painter: QPainter, option: QStyleOption, round_: bool = False) -> None:
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(QColor(edge_colour(option.palette, bool(option.state & QStyle.StateFlag.State_Enabled))))
    box = option.rect.toRectF().adjusted(0.5, 0.5, -0.5, -0.5)
    if round_:
        painter.drawEllipse(box.adjusted(0.5, 0.5, -0.5, -0.5))
    else:
        painter.drawRoundedRect(box, 2, 2)
    painter.restore()


def _ring(painter: QPainter, option: QStyleOption, inset: float = 1.0, on: QColor | None = None) -> None:
    """A 2 px rounded ring just inside `option.rect` (a widget cannot paint outside itself).

    On a selected item (`on`, the selection colour) the focus colour may not show: the ring takes the selected
    text's colour there.
    """
    colour = QColor(focus_colour(option.palette))
    if on is not None and on.isValid() and contrast_ratio(colour, on) < NON_TEXT:
        colour = option.palette.color(QPalette.ColorRole.HighlightedText)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    pen = painter.pen()
    pen.setColor(colour)
    pen.setWidthF(2.0)
    painter.setPen(pen)
    painter.drawRoundedRect(
        option.rect.toRectF().adjusted(1 + inset, 1 + inset, -1 - inset, -1 - inset), 3, 3
    )
    painter.restore()


def apply_theme(app: QApplication, theme: str = "system") -> bool:
    """Style the application; returns True when the dark palette is in use."""
    app.setStyle(_ReadableStyle("Fusion"))
    QPixmapCache.setCacheLimit(STYLE_PIXMAP_CACHE_KIB)
    dark = theme == "dark" or (theme == "system" and _system_wants_dark())
    app.setPalette(_dark_palette() if dark else _light_palette(app.style().standardPalette()))
    icons.clear_cache()
    return dark
