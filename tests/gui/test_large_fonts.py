"""The window follows the system font up to 200 % (WCAG 2.1 SC 1.4.4): at twice the default size no label, button,
field or list box cuts its text, in the full window and in compact mode."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from gui_driver import Driver
from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea, QStyleOptionButton, QStyleOptionComboBox

from ccdesk.ui.fixed_lines_label import FixedLinesLabel
from ccdesk.ui.qt import (
    QApplication,
    QComboBox,
    QFont,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyle,
    QWidget,
)
from ccdesk.ui.wrap_label import WrapAnywhereLabel


@pytest.fixture
def doubled_font(qapp: QApplication) -> Iterator[QFont]:
    """The application font at twice its point size, as a desktop set to 200 % text gives it; put back after."""
    before = QFont(qapp.font())
    big = QFont(before)
    big.setPointSizeF(before.pointSizeF() * 2)
    qapp.setFont(big)
    yield big
    qapp.setFont(before)


def _shown(window: QWidget) -> list[QWidget]:
    return [w for w in window.findChildren(QWidget) if w.isVisible() and w.window() is window]


def _name(widget: QWidget) -> str:
    parent = widget.parentWidget()
    return widget.objectName() or f"{type(widget).__name__} in {_name(parent) if parent else 'no window'}"


def _label_cut(label: QLabel) -> str | None:
    if not label.text() or (label.pixmap() is not None and not label.pixmap().isNull()):
        return None
    if isinstance(label, FixedLinesLabel):  # it elides on purpose when too narrow: it must not need to
        return f"elided to {label.shown_lines()!r}" if label.is_cut() else None
    inner = label.contentsRect()
    if label.wordWrap() or isinstance(label, WrapAnywhereLabel):  # wraps: it needs height, not width
        needed = label.heightForWidth(label.width())
        return f"needs {needed} px of height, has {label.height()}" if needed > label.height() else None
    hint = label.sizeHint()
    if hint.width() > label.width() or hint.height() > label.height():
        return f"needs {hint.width()}x{hint.height()}, has {label.width()}x{label.height()} ({inner.width()} inside)"
    return None


def _button_cut(button: QAbstractButton) -> str | None:
    text = button.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
    if not text:
        return None
    metrics = button.fontMetrics()
    needed = metrics.horizontalAdvance(text)
    if not button.icon().isNull():
        needed += button.iconSize().width() + 4
    if isinstance(button, QPushButton):
        option = QStyleOptionButton()
        option.initFrom(button)
        area = button.style().subElementRect(QStyle.SubElement.SE_PushButtonContents, option, button)
    else:  # tool buttons, check boxes: the whole widget, less the check box's indicator
        area = button.contentsRect()
        if button.isCheckable() and not isinstance(button, QPushButton) and button.inherits("QCheckBox"):
            area.setLeft(area.left() + button.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth) + 4)
    if needed > area.width() or metrics.height() > button.height():
        return f"'{text}' needs {needed} px, has {area.width()} (height {button.height()} for {metrics.height()})"
    return None


def _combo_cut(combo: QComboBox) -> str | None:
    if combo.isEditable() or not combo.currentText():
        return None
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    field = combo.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, combo
    )
    needed = combo.fontMetrics().horizontalAdvance(combo.currentText())
    if not combo.itemIcon(combo.currentIndex()).isNull():
        needed += combo.iconSize().width() + 4
    if needed > field.width() or combo.fontMetrics().height() > field.height():
        return f"'{combo.currentText()}' needs {needed} px, has {field.width()} x {field.height()}"
    return None


def _line_edit_cut(edit: QLineEdit) -> str | None:
    if isinstance(edit.parentWidget(), QComboBox):
        return None  # an editable combo box's field: scrolls like any field
    metrics = edit.fontMetrics()
    if metrics.height() > edit.contentsRect().height():
        return f"text {metrics.height()} px high, field {edit.contentsRect().height()} px"
    hint = edit.placeholderText()
    if hint and not edit.text() and metrics.horizontalAdvance(hint) > edit.contentsRect().width() - 8:
        return f"placeholder '{hint}' needs {metrics.horizontalAdvance(hint)} px, has {edit.contentsRect().width()}"
    return None


def _hidden_by_parents(widget: QWidget) -> str | None:
    """Where a parent cuts the widget off with no way to scroll to the rest (a scroll area's viewport cuts
    nothing along an axis whose scroll bar is shown)."""
    left, top = 0, 0
    right, bottom = widget.width(), widget.height()  # what is left to see, in the coordinates of `child`
    child: QWidget = widget
    parent = widget.parentWidget()
    while parent is not None and not child.isWindow():
        x, y = child.x(), child.y()
        left, right, top, bottom = left + x, right + x, top + y, bottom + y
        scroller = parent.parentWidget()
        if not (isinstance(scroller, QAbstractScrollArea) and scroller.viewport() is parent):
            scroller = None
        for axis, (low, high), size, bar in (
            ("width", (left, right), parent.width(), scroller and scroller.horizontalScrollBar()),
            ("height", (top, bottom), parent.height(), scroller and scroller.verticalScrollBar()),
        ):
            cut = max(0, -low) + max(0, high - size)
            if cut and not (bar and bar.isVisible()):
                return f"{min(cut, high - low)} px of its {axis} cut off by {_name(scroller or parent)}"
        left, right = max(left, 0), min(right, parent.width())
        top, bottom = max(top, 0), min(bottom, parent.height())
        if left >= right or top >= bottom:
            return None  # scrolled out of sight: the scroll bar leads to it
        child, parent = parent, parent.parentWidget()
    return None


def cut_texts(window: QWidget) -> dict[str, str]:
    """Every shown control whose text does not fit, by automation name, with what it needs and has."""
    QApplication.processEvents()
    problems: dict[str, str] = {}
    for widget in _shown(window):
        if isinstance(widget, QLabel):
            problem = _label_cut(widget)
        elif isinstance(widget, QAbstractButton):
            problem = _button_cut(widget)
        elif isinstance(widget, QComboBox):
            problem = _combo_cut(widget)
        elif isinstance(widget, QLineEdit):
            problem = _line_edit_cut(widget)
        else:
            continue
        problem = problem or _hidden_by_parents(widget)
        if problem:
            problems[_name(widget)] = problem
    return problems


def test_the_checks_see_a_cut_text(qtbot, doubled_font: QFont) -> None:  # type: ignore[no-untyped-def]
    """The checks fail on a label, a button, a list box and a field too small for their text."""
    host = QWidget()
    qtbot.addWidget(host)
    label, button = QLabel("Wrap-up codes", host), QPushButton("Dial from clipboard", host)
    combo, edit = QComboBox(host), QLineEdit(host)
    combo.addItem("Logged out (break)")
    edit.setPlaceholderText("Number to dial")
    for widget in (label, button, combo, edit):
        widget.setObjectName(type(widget).__name__)
        widget.resize(60, 14)
    host.show()
    qtbot.waitExposed(host)
    assert set(cut_texts(host)) == {"QLabel", "QPushButton", "QComboBox", "QLineEdit"}
    host.resize(1200, 200)
    for widget in (label, button, combo, edit):
        widget.resize(widget.sizeHint().width() + 200, widget.sizeHint().height())
    assert cut_texts(host) == {}
    label.move(host.width() - 20, 0)  # whole, but half of it past the edge of the window
    assert set(cut_texts(host)) == {"QLabel"}


@pytest.mark.parametrize("compact", [False, True], ids=["full", "compact"])
def test_nothing_is_cut_at_twice_the_font_size(
    doubled_font: QFont, open_window: Callable[..., Driver], compact: bool
) -> None:
    demo = open_window("--demo")
    window = demo.window
    window.set_compact(compact)
    demo.wait_layout()
    assert window.font().pointSizeF() == pytest.approx(doubled_font.pointSizeF())
    assert cut_texts(window) == {}
    # and with the lines busy: a call live, the badges and buttons that come with it
    demo.dial("+1 617 555 1984")
    demo.wait_layout()
    assert cut_texts(window) == {}
