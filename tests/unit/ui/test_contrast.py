"""Both themes meet WCAG 2.1 AA contrast: text 4.5:1 (SC 1.4.3), control edges and the focus ring 3:1 (SC 1.4.11);
and the focus ring is really drawn where the keyboard is."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import pytest
from pytestqt.qtbot import QtBot

from ccdesk.core.lines import LineState
from ccdesk.ui.contrast import NON_TEXT, TEXT, contrast_ratio
from ccdesk.ui.qt import (
    QApplication,
    QCheckBox,
    QColor,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPalette,
    QPushButton,
    QSpinBox,
    Qt,
    QTableWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from ccdesk.ui.theme import (
    apply_theme,
    badge_style,
    edge_colour,
    error_colour,
    focus_colour,
    set_role,
    state_colour,
)

R = QPalette.ColorRole
THEMES = ("light", "dark")


@pytest.fixture(params=THEMES)
def palette(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[QPalette]:
    """The palette ccdesk applies for the theme; the application's own is put back after."""
    before = QPalette(qapp.palette())
    apply_theme(qapp, request.param)
    yield QPalette(qapp.palette())
    qapp.setPalette(before)


def test_the_wcag_formula_gives_the_known_ratios(qapp: QApplication) -> None:
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#ffffff", "#000000") == pytest.approx(21.0)
    assert contrast_ratio("#3c7a9e", "#3c7a9e") == pytest.approx(1.0)
    assert contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)  # the lightest grey for AA
    assert contrast_ratio("#959595", "#ffffff") == pytest.approx(3.0, abs=0.01)
    # half-transparent black shows as mid grey on white, not as black
    assert contrast_ratio(QColor(0, 0, 0, 128), "#ffffff") == pytest.approx(4.0, abs=0.05)


TEXT_PAIRS = [
    (R.WindowText, R.Window),
    (R.Text, R.Base),
    (R.Text, R.AlternateBase),
    (R.ButtonText, R.Button),
    (R.HighlightedText, R.Highlight),
    (R.ToolTipText, R.ToolTipBase),
    (R.PlaceholderText, R.Base),
    (R.PlaceholderText, R.Window),  # the "hint" role: small grey text on the window
    (R.Link, R.Base),
    (R.Link, R.Window),
    (R.LinkVisited, R.Base),
    (R.BrightText, R.Window),
    (R.BrightText, R.Base),
]


@pytest.mark.parametrize(("text", "background"), TEXT_PAIRS, ids=lambda r: r.name)
def test_palette_text_is_readable(
    palette: QPalette, text: QPalette.ColorRole, background: QPalette.ColorRole
) -> None:
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        ratio = contrast_ratio(palette.color(group, text), palette.color(group, background))
        assert ratio >= TEXT, f"{group.name} {text.name} on {background.name}: {ratio:.2f}:1"


@pytest.mark.parametrize("background", [R.Window, R.Base, R.Button], ids=lambda r: r.name)
def test_disabled_text_stays_legible(palette: QPalette, background: QPalette.ColorRole) -> None:
    """Exempt from SC 1.4.3, but a disabled "Dial" should still be read: 3:1."""
    group = QPalette.ColorGroup.Disabled
    for role in (R.WindowText, R.Text, R.ButtonText):
        ratio = contrast_ratio(palette.color(group, role), palette.color(group, background))
        assert ratio >= NON_TEXT, f"disabled {role.name} on {background.name}: {ratio:.2f}:1"


def test_error_text_is_readable(palette: QPalette) -> None:
    for background in (R.Window, R.Base):
        assert contrast_ratio(error_colour(), palette.color(background)) >= TEXT, background.name


def _badge(style: str) -> tuple[str, str]:
    """The fill and the text colour of a badge's style sheet."""
    fill = re.search(r"background:\s*([^;]+);", style)
    text = re.search(r"(?<![-\w])color:\s*([^;]+);", style)
    assert fill and text, style
    return fill.group(1).strip(), text.group(1).strip()


@pytest.mark.parametrize("state", list(LineState), ids=lambda s: s.name)
def test_line_state_badges_are_readable(palette: QPalette, state: LineState) -> None:
    fill, text = _badge(badge_style(state_colour(state)))
    assert contrast_ratio(text, fill) >= TEXT, f"{state.name}: {text} on {fill}"


def test_the_demo_badge_is_readable(palette: QPalette, qtbot: QtBot) -> None:
    label = QLabel("DEMO")
    qtbot.addWidget(label)
    set_role(label, "demo")
    fill, text = _badge(label.styleSheet())
    assert contrast_ratio(text, fill) >= TEXT, f"{text} on {fill}"


@pytest.mark.parametrize("role", ["hint", "mono-small", "error", "heading"])
def test_text_roles_are_readable(palette: QPalette, qtbot: QtBot, role: str) -> None:
    label = QLabel("text")
    qtbot.addWidget(label)
    set_role(label, role)
    ratio = contrast_ratio(label.palette().color(R.WindowText), palette.color(R.Window))
    assert ratio >= TEXT, f"{role}: {ratio:.2f}:1"


@pytest.mark.parametrize("background", [R.Window, R.Base, R.Button], ids=lambda r: r.name)
def test_the_focus_ring_and_control_edges_stand_out(
    palette: QPalette, background: QPalette.ColorRole
) -> None:
    behind = palette.color(background)
    assert contrast_ratio(focus_colour(palette), behind) >= NON_TEXT, "focus ring"
    if background != R.Button:  # check boxes and text fields sit on the window and are filled with the base
        assert contrast_ratio(edge_colour(palette), behind) >= NON_TEXT, "edge"


def _near(image_colour: QColor, colour: QColor) -> bool:
    return (
        abs(image_colour.red() - colour.red()) <= 8
        and abs(image_colour.green() - colour.green()) <= 8
        and abs(image_colour.blue() - colour.blue()) <= 8
    )


def _ring_pixels(widget: QWidget, colour: QColor) -> int:
    image = widget.grab().toImage()
    return sum(
        _near(image.pixelColor(x, y), colour) for y in range(image.height()) for x in range(image.width())
    )


def _tool_button() -> QToolButton:
    button = QToolButton()
    button.setText("Codes")
    return button


def _table() -> QTableWidget:
    table = QTableWidget(2, 2)
    table.setFixedHeight(90)
    table.setTabKeyNavigation(False)  # Tab leaves the table, as in ccdesk's
    return table


KINDS: dict[str, Callable[[], QWidget]] = {
    "button": lambda: QPushButton("Dial"),
    "tool button": _tool_button,
    "line edit": QLineEdit,
    "combo": lambda: _combo(editable=False),
    "editable combo": lambda: _combo(editable=True),
    "check box": lambda: QCheckBox("Force call"),
    "spin box": QSpinBox,
    "list": lambda: QListWidget(),
    "table": _table,
}


def _combo(editable: bool) -> QComboBox:
    combo = QComboBox()
    combo.addItems(["Available", "Break"])
    combo.setEditable(editable)
    return combo


@pytest.mark.parametrize("kind", list(KINDS))
def test_tab_shows_a_ring_in_the_focus_colour(palette: QPalette, qtbot: QtBot, kind: str) -> None:
    """Tab onto each kind of control: the ring appears around it, and is gone when the focus moves on."""
    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    first, target, after = QLineEdit(), KINDS[kind](), QPushButton("After")
    for widget in (first, target, after):
        layout.addWidget(widget)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    first.setFocus()
    ring = QColor(focus_colour(palette))
    before = _ring_pixels(target, ring)
    qtbot.keyClick(first, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: target.hasFocus() or target.isAncestorOf(QApplication.focusWidget() or window))
    shown = _ring_pixels(target, ring)
    # a 2 px ring round a control at least 20 px high is well over 100 pixels
    assert shown >= before + 100, (
        f"{kind}: {before} pixels of the focus colour before, {shown} with the focus"
    )
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    qtbot.waitUntil(after.hasFocus)
    assert _ring_pixels(target, ring) <= before + 10, f"{kind}: the ring stays after the focus left"


def test_the_dial_buttons_white_text_meets_aa_hovered_or_not() -> None:
    from ccdesk.ui.dial_panel import DIAL_COLOUR, DIAL_HOVER_COLOUR

    for fill in (DIAL_COLOUR, DIAL_HOVER_COLOUR):
        assert contrast_ratio("#ffffff", fill) >= 4.5, fill
