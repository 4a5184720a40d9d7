"""Light and dark themes that follow the system (or --theme), on Qt's Fusion style for the same look everywhere."""

from __future__ import annotations

from ccdesk.core.lines import LineState
from ccdesk.ui import icons
from ccdesk.ui.qt import (
    QApplication,
    QColor,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QPainter,
    QPalette,
    QProxyStyle,
    QStyle,
    QStyleOption,
    Qt,
    QWidget,
)

_STATE_COLOURS = {
    LineState.IDLE: "#7a8594",
    LineState.DIALING: "#2f7de1",
    LineState.LIVE: "#1f9d55",
    LineState.WRAP_UP: "#c77700",
    LineState.FAILED: "#d64545",
    LineState.UNKNOWN: "#b4530a",  # needs the agent's attention: a call may be live
}

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
        widget.setStyleSheet(f"QLabel {{ {badge_style('#c77700')} }}")
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
    p.setColor(QPalette.ColorRole.Highlight, QColor("#2f7de1"))
    p.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
    p.setColor(QPalette.ColorRole.Link, QColor("#58a6ff"))
    p.setColor(QPalette.ColorRole.Mid, QColor("#3a4049"))
    p.setColor(QPalette.ColorRole.Dark, QColor("#101316"))
    p.setColor(QPalette.ColorRole.Light, QColor("#3d444d"))
    disabled = QColor("#6e7681")
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return p


def _system_wants_dark() -> bool:
    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


class _ReadableIndicators(QProxyStyle):
    """Fusion, with check boxes and radio buttons whose edge can be seen on the dark palette.

    Fusion outlines an indicator with the window colour darkened, which on a dark window is almost the window
    itself: "Force call" and "Also end wrap-up" looked like text without a box.
    """

    _INDICATORS = (
        QStyle.PrimitiveElement.PE_IndicatorCheckBox,
        QStyle.PrimitiveElement.PE_IndicatorRadioButton,
        QStyle.PrimitiveElement.PE_IndicatorItemViewItemCheck,
    )

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawPrimitive(element, option, painter, widget)
        if element not in self._INDICATORS or not is_dark(option.palette):
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        enabled = bool(option.state & QStyle.StateFlag.State_Enabled)
        painter.setPen(QColor("#9aa4b0" if enabled else "#59616b"))
        box = option.rect.adjusted(1, 1, -1, -1)
        if element == QStyle.PrimitiveElement.PE_IndicatorRadioButton:
            painter.drawEllipse(box)
        else:
            painter.drawRoundedRect(box, 2, 2)
        painter.restore()


def apply_theme(app: QApplication, theme: str = "system") -> bool:
    """Style the application; returns True when the dark palette is in use."""
    app.setStyle(_ReadableIndicators("Fusion"))
    dark = theme == "dark" or (theme == "system" and _system_wants_dark())
    app.setPalette(_dark_palette() if dark else app.style().standardPalette())
    icons.clear_cache()
    return dark
