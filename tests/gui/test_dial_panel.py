"""The dial panel as an agent types into it (issue 12, points 3 and 6, and click-to-dial): letters dialled as a
phone dials them, a warning before a number that is probably not what was meant, the field's grouping kept, a
preview that never moves the layout, a panel that works 340 px wide with a dial pad that folds away, and a link
that never silently replaces a half-typed number. Run on Xvfb too: keys are typed for real."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from gui_driver import Driver
from pytestqt.qtbot import QtBot

from ccdesk.core.links import parse_link
from ccdesk.ui.dial_panel import MAX_WIDTH, DialPanel, DialRequest
from ccdesk.ui.qt import (
    QApplication,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRect,
    Qt,
    QWidget,
)

AUTOMATION_NAMES = [
    (QLineEdit, "numberInput"),
    (QPushButton, "dialButton"),
    *[(QPushButton, f"dialPadKey_{key}") for key in [*"0123456789", "star", "hash", "plus"]],
    (QComboBox, "callerIdInput"),
    (QComboBox, "queueInput"),
    (QComboBox, "dialPlanInput"),
    (QCheckBox, "forceCallCheck"),
    (QWidget, "dialPadToggle"),
]


@pytest.fixture
def panel(qtbot: QtBot) -> Callable[..., DialPanel]:
    """A dial panel shown at `width` px, the focus in its number field."""

    def make(width: int = 340, region: str = "US") -> DialPanel:
        shown = DialPanel()
        qtbot.addWidget(shown)
        shown.set_region(region)
        shown.resize(width, 760)
        shown.show()
        qtbot.waitExposed(shown)
        shown.activateWindow()
        shown.number_input.setFocus()
        QApplication.processEvents()
        return shown

    return make


def preview(dial: DialPanel) -> str:
    return dial.findChild(QLabel, "dialPreviewLabel").text()


def type_into(qtbot: QtBot, dial: DialPanel, text: str) -> None:
    dial.number_input.clear()
    qtbot.keyClicks(dial.number_input, text)


def where(widget: QWidget) -> QRect:
    """The widget's place in its window (what a person sees move)."""
    top_left = widget.mapTo(widget.window(), widget.rect().topLeft())
    return QRect(top_left, widget.size())


# -- numbers -------------------------------------------------------------------------------------------------


def test_letters_are_dialled_as_a_phone_keypad_dials_them(panel, qtbot: QtBot) -> None:
    dial = panel()
    type_into(qtbot, dial, "1-800-FLOWERS")
    assert dial.number_input.text() == "1-800-FLOWERS"
    assert preview(dial) == "1-800-3569377 → +1 800-356-9377, sent as prefix 1, number 8003569377"
    with qtbot.waitSignal(dial.dial_requested) as sent:
        qtbot.keyClick(dial.number_input, Qt.Key.Key_Return)
    request: DialRequest = sent.args[0]
    assert (request.dial.prefix, request.dial.number, request.warnings) == ("1", "8003569377", ())


def test_a_word_is_refused_without_spelling_its_letters(panel, qtbot: QtBot) -> None:
    dial = panel()
    type_into(qtbot, dial, "hello")
    assert "type its digits" in preview(dial) and "h e l l o" not in preview(dial)
    assert not dial.dial_button.isEnabled()


def test_a_local_number_is_warned_before_dialling(panel, qtbot: QtBot) -> None:
    """555-1984 was sent as +1 5551984 without a word: now the window can ask "Dial anyway?"."""
    dial = panel()
    type_into(qtbot, dial, "555-1984")
    assert dial.warnings() == ("555-1984 looks incomplete: add the area code.",)
    assert preview(dial).startswith("555-1984 looks incomplete: add the area code.")
    assert dial.dial_button.isEnabled()
    with qtbot.waitSignal(dial.dial_requested) as sent:
        dial.dial_button.click()
    assert sent.args[0].warnings == dial.warnings()
    type_into(qtbot, dial, "+1 617 555 1984")
    assert dial.warnings() == ()


def test_a_short_number_is_shown_as_typed_and_refused(panel, qtbot: QtBot) -> None:
    dial = panel()
    type_into(qtbot, dial, "1234")
    assert dial.number_input.text() == "1234"  # never "1 (234" or "1 234"
    assert "too short" in preview(dial) and not dial.dial_button.isEnabled()


@pytest.mark.parametrize(
    ("region", "typed", "shown", "display"),
    [
        ("GB", "020 7946 0958", "020 7946 0958", "+44 20 7946 0958"),
        ("GB", "02079460958", "020 7946 0958", "+44 20 7946 0958"),
        ("US", "6175551984", "(617) 555-1984", "+1 617-555-1984"),
        ("US", "1-617-555-1984", "1-617-555-1984", "+1 617-555-1984"),
        ("US", "+44 20 7946 0958", "+44 20 7946 0958", "+44 20 7946 0958"),
    ],
)
def test_the_field_keeps_the_national_grouping(panel, qtbot: QtBot, region, typed, shown, display) -> None:
    dial = panel(region=region)
    type_into(qtbot, dial, typed)
    assert dial.number_input.text() == shown
    assert preview(dial).startswith(f"{display}, sent as prefix")


def test_spaces_typed_for_another_country_are_not_lost(panel, qtbot: QtBot) -> None:
    dial = panel(region="US")
    type_into(qtbot, dial, "020 7946 0958")
    assert dial.number_input.text() == "020 7946 0958"


def test_the_cursor_stays_after_the_digit_typed_in_the_middle(panel, qtbot: QtBot) -> None:
    dial = panel()
    type_into(qtbot, dial, "617551984")
    dial.number_input.setCursorPosition(dial.number_input.text().index("55") + 2)
    qtbot.keyClicks(dial.number_input, "5")
    field = dial.number_input
    assert field.text() == "(617) 555-1984"
    assert field.text()[: field.cursorPosition()] == "(617) 555"


def test_the_dial_button_says_dialling_while_a_dial_is_in_flight(panel, qtbot: QtBot) -> None:
    dial = panel()
    type_into(qtbot, dial, "+1 617 555 1984")
    dial.dial_button.click()
    assert dial.dial_button.text() == "Dialling…" and not dial.dial_button.isEnabled()


# -- a preview that never moves the layout -------------------------------------------------------------------


@pytest.mark.parametrize("compact", [True, False], ids=["compact", "wide"])
def test_typing_never_moves_the_number_field_or_the_dial_button(
    open_window: Callable[..., Driver], qtbot: QtBot, compact: bool
) -> None:
    demo = open_window("--demo")
    window = demo.window
    if compact:
        window.set_compact(True, remember=False)
        window.resize(360, 900)
    demo.wait_layout()  # before anything is measured
    field = demo.find(QLineEdit, "numberInput")
    watched = [field, demo.find(QPushButton, "dialButton")]  # and what lies between: the left column
    watched += [demo.find(QCheckBox, "rawModeCheck"), demo.find(QPushButton, "dialPadKey_1")]
    watched += [demo.find(QComboBox, "callerIdInput"), demo.find(QCheckBox, "forceCallCheck")]
    before = [where(widget) for widget in watched]
    for text in (
        "1234",
        "555-1984",
        "+1 617 555 19845555 and some words that make a long refusal",
        "1-800-FLOWERS ext 12",
        "tel:+44 20 7946 0958 9999999999999999999999999",
        "",
    ):
        field.clear()
        for char in text:
            qtbot.keyClicks(field, char)
            QApplication.processEvents()
            assert [where(widget) for widget in watched] == before, f"moved while typing {text!r}"


def test_a_long_preview_is_cut_to_two_lines_with_the_whole_text_in_its_tooltip(panel, qtbot: QtBot) -> None:
    dial = panel(340)
    label = dial.findChild(QLabel, "dialPreviewLabel")
    type_into(qtbot, dial, "020 7946 0958")  # not a US number: a long refusal
    assert label.text() == (  # all of it, for screen readers
        "'020 7946 0958' is too long for a phone number in region US: check the digits, or type the number "
        "with + and its country code."
    )
    assert len(label.shown_lines()) == 2 and label.shown_lines()[1].endswith("…")
    assert label.text() in label.toolTip()
    type_into(qtbot, dial, "+1 617 555 1984")
    assert label.toolTip() == ""  # it fits: nothing to show twice


# -- 340 px to a wide window ---------------------------------------------------------------------------------


def test_every_automation_name_is_kept(panel) -> None:
    dial = panel()
    for kind, name in AUTOMATION_NAMES:
        assert dial.findChild(kind, name) is not None, name


def test_at_340_px_labels_stack_above_their_fields_and_nothing_is_cut(panel, qtbot: QtBot) -> None:
    dial = panel(340)
    assert dial.minimumSizeHint().width() <= 340
    for name in ("callerIdInput", "queueInput", "dialPlanInput"):
        field = dial.findChild(QComboBox, name)
        label = dial.form.labelForField(field)
        assert where(label).bottom() < where(field).top(), f"{name}: label beside its field"
    cut = [
        child.objectName() or type(child).__name__
        for child in dial.findChildren(QWidget)
        if child.isVisible() and child.mapTo(dial, child.rect().topRight()).x() > dial.width()
    ]
    assert cut == []


def test_a_wide_panel_puts_labels_beside_fields_and_stops_growing(panel, qtbot: QtBot) -> None:
    dial = panel(560)
    field = dial.findChild(QComboBox, "queueInput")
    assert where(dial.form.labelForField(field)).top() >= where(field).top() - 4  # beside, on its row
    host = QWidget()
    qtbot.addWidget(host)
    dial.setParent(host)
    QHBoxLayout(host).addWidget(dial)
    host.resize(2400, 900)
    host.show()
    QApplication.processEvents()
    assert dial.width() <= MAX_WIDTH and dial.dial_button.width() <= MAX_WIDTH


def test_the_dial_pad_folds_away_and_says_so(panel, qtbot: QtBot) -> None:
    dial = panel(340)
    toggle = dial.findChild(QWidget, "dialPadToggle")
    key = dial.findChild(QPushButton, "dialPadKey_5")
    field_before = where(dial.findChild(QComboBox, "callerIdInput"))
    assert dial.pad_visible and key.isVisible()
    with qtbot.waitSignal(dial.pad_toggled) as told:
        qtbot.mouseClick(toggle, Qt.MouseButton.LeftButton)
    assert told.args == [False] and not dial.pad_visible and not key.isVisible()
    QApplication.processEvents()
    assert where(dial.findChild(QComboBox, "callerIdInput")).top() < field_before.top()  # the space is used
    dial.set_pad_visible(True)
    assert dial.pad_visible and key.isVisible()


# -- click-to-dial -------------------------------------------------------------------------------------------


def test_a_link_never_silently_replaces_a_half_typed_number(panel, qtbot: QtBot) -> None:
    dial = panel()
    type_into(qtbot, dial, "617 555")
    assert not dial.offer_number("+44 20 7946 0958")
    assert dial.number_input.text() == "617 555"
    assert not dial.offer_intent(parse_link("ccdesk:dial?number=%2B442079460958&queue=598"))
    assert dial.queue_input.currentText() == ""  # nothing of the link was applied
    dial.set_number("+44 20 7946 0958")  # the agent said Replace
    assert dial.number_input.text() == "+44 20 7946 0958"


def test_a_link_fills_an_empty_field_or_one_holding_the_same_number(panel, qtbot: QtBot) -> None:
    dial = panel()
    assert dial.offer_number("tel:+16175551984")
    assert preview(dial).startswith("+1 617-555-1984")
    type_into(qtbot, dial, "(617) 555-1984")
    assert dial.offer_number("+1 617 555 1984")  # the same number, written another way
    assert dial.offer_intent(parse_link("tel:+44-20-7946-0958"))  # a link's number is no half-typed one
    assert preview(dial).startswith("+44 20 7946 0958")
