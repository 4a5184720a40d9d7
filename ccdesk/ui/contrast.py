"""How readable one colour is on another, by WCAG's measure: the check behind the themes' colour choices."""

from __future__ import annotations

from ccdesk.ui.qt import QColor

#: WCAG 2.1 SC 1.4.3 (AA): normal text needs 4.5:1 against its background
TEXT = 4.5
#: WCAG 2.1 SC 1.4.11 (AA): the edges of controls, focus indicators and meaningful graphics need 3:1
NON_TEXT = 3.0


def _linear(channel: float) -> float:
    """One sRGB channel (0-1) as linear light, as WCAG's definition of relative luminance does it."""
    return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4


def relative_luminance(colour: QColor | str) -> float:
    """WCAG 2.1 relative luminance: L = 0.2126 R + 0.7152 G + 0.0722 B of the linearised sRGB channels."""
    c = QColor(colour)
    return 0.2126 * _linear(c.redF()) + 0.7152 * _linear(c.greenF()) + 0.0722 * _linear(c.blueF())


def contrast_ratio(foreground: QColor | str, background: QColor | str) -> float:
    """WCAG 2.1 contrast ratio (L1 + 0.05) / (L2 + 0.05), L1 the lighter: 1 (none) to 21 (black on white).

    The measure of SC 1.4.3 Contrast (Minimum), 4.5:1 for text, and SC 1.4.11 Non-text Contrast, 3:1 for the
    boundaries of controls and focus indicators (https://www.w3.org/TR/WCAG21/#dfn-contrast-ratio). A
    see-through foreground (Qt's default placeholder text is half-transparent) is measured as it shows, blended
    over the background.
    """
    back = QColor(background)
    front = _over(QColor(foreground), back)
    lighter, darker = sorted((relative_luminance(front), relative_luminance(back)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _over(front: QColor, back: QColor) -> QColor:
    alpha = front.alphaF()
    return QColor.fromRgbF(
        front.redF() * alpha + back.redF() * (1 - alpha),
        front.greenF() * alpha + back.greenF() * (1 - alpha),
        front.blueF() * alpha + back.blueF() * (1 - alpha),
    )
