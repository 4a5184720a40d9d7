"""The transaction-code picker, driven the way an agent drives it: by objectName, keys and clicks."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pytestqt.qtbot import QtBot

import ccdesk.ui.codes_picker as codes_picker
from ccdesk.api.models import MAX_TRANSACTION_CODES, TransactionCode
from ccdesk.core.codes import Catalog, load_catalog
from ccdesk.ui.codes_picker import CodesDialog, warning_color
from ccdesk.ui.qt import (
    QApplication,
    QColor,
    QLabel,
    QLineEdit,
    QPalette,
    QPushButton,
    Qt,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "transaction-codes.sample.json"
T = TransactionCode
SALE, CALLBACK = T(12, 234), T(12, 235)
BROADBAND, MOBILE, TV, HOME_PHONE, SMART_HOME = (T(2281, i) for i in range(7361, 7366))
RECORDING, IDENTITY, DNC = (T(3050, i) for i in (9101, 9102, 9103))
POSITIVE = T(4410, 1)

Factory = Callable[..., CodesDialog]


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog(SAMPLE)


@pytest.fixture
def make(qtbot: QtBot, catalog: Catalog) -> Iterator[Factory]:
    """Open dialogs on the sample catalog; close them all afterwards and check no window is left."""
    made: list[CodesDialog] = []

    def factory(**kwargs: object) -> CodesDialog:
        dialog = CodesDialog(catalog, **kwargs)  # type: ignore[arg-type]
        made.append(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        return dialog

    yield factory
    for dialog in made:
        dialog.reject()
        dialog.deleteLater()
    QApplication.processEvents()
    assert [w for w in QApplication.topLevelWidgets() if w.isVisible()] == []


def search(dialog: CodesDialog) -> QLineEdit:
    return dialog.findChild(QLineEdit, "codeSearchInput")


def tree(dialog: CodesDialog) -> QTreeWidget:
    return dialog.findChild(QTreeWidget, "codeTree")


def label(dialog: CodesDialog, name: str) -> QLabel:
    return dialog.findChild(QLabel, name)


def ok_button(dialog: CodesDialog) -> QPushButton:
    return dialog.findChild(QPushButton, "codesOkButton")


def groups(dialog: CodesDialog) -> dict[str, QTreeWidgetItem]:
    """Top-level rows by the text before any tag ("Call Outcome — Required (...)" -> "Call Outcome")."""
    view = tree(dialog)
    rows = [view.topLevelItem(i) for i in range(view.topLevelItemCount())]
    return {r.text(0).split(" — ")[0].split("  (")[0]: r for r in rows}


def children(group: QTreeWidgetItem) -> list[QTreeWidgetItem]:
    return [group.child(i) for i in range(group.childCount())]


def row(dialog: CodesDialog, code: TransactionCode, group: str | None = None) -> QTreeWidgetItem:
    """The row of `code`: in its catalog list, or in `group` ("Recent", "Other codes") when given."""
    name = group or next(c.name for c in dialog._catalog.lists if c.id == code.list_id)
    return next(r for r in children(groups(dialog)[name]) if r.data(0, Qt.ItemDataRole.UserRole) == str(code))


def checked(item: QTreeWidgetItem) -> bool:
    return item.checkState(0) == Qt.CheckState.Checked


def toggle(dialog: CodesDialog, code: TransactionCode, group: str | None = None) -> None:
    item = row(dialog, code, group)
    item.setCheckState(0, Qt.CheckState.Unchecked if checked(item) else Qt.CheckState.Checked)


def visible_names(dialog: CodesDialog) -> dict[str, list[str]]:
    return {
        name: [c.text(0) for c in children(g) if not c.isHidden()]
        for name, g in groups(dialog).items()
        if not g.isHidden()
    }


def add_manual(qtbot: QtBot, dialog: CodesDialog, text: str) -> None:
    field = dialog.findChild(QLineEdit, "manualCodeInput")
    field.setText(text)
    qtbot.mouseClick(dialog.findChild(QPushButton, "manualCodeAddButton"), Qt.MouseButton.LeftButton)


def test_opens_with_automation_names_focus_and_size(make: Factory) -> None:
    dialog = make(title="Codes for line 1")
    assert dialog.objectName() == "transactionCodesDialog"
    assert dialog.windowTitle() == "Codes for line 1"
    assert search(dialog).placeholderText() == "Search codes…"
    assert dialog.focusWidget() is search(dialog)
    assert dialog.findChild(QLineEdit, "manualCodeInput").placeholderText() == "list id : item id"
    assert ok_button(dialog).text() == "Set codes"
    assert label(dialog, "codeCounterLabel").text() == f"0 of {MAX_TRANSACTION_CODES} chosen"
    # as wide as the longest list heading needs (460 at least), never a full-screen sheet
    assert 460 <= dialog.width() <= 640 and 460 <= dialog.height() <= 600
    assert list(visible_names(dialog)) == [
        "Call Outcome",
        "Products Discussed",
        "Compliance Checks",
        "Customer Sentiment",
    ]


def test_every_control_has_an_accessible_name_and_tab_order_runs_search_tree_manual_buttons(
    make: Factory,
) -> None:
    dialog = make()
    for widget in dialog.findChildren(QWidget):
        if widget.isVisible() and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            assert widget.accessibleName(), widget.objectName() or type(widget).__name__
    order = [search(dialog)]
    while len(order) < 6:
        order.append(order[-1].nextInFocusChain())
        while not order[-1].focusPolicy() & Qt.FocusPolicy.TabFocus or not order[-1].isVisible():
            order[-1] = order[-1].nextInFocusChain()
    assert [w.objectName() for w in order] == [
        "codeSearchInput",
        "codeTree",
        "manualCodeInput",
        "manualCodeAddButton",
        "codesOkButton",
        "codesCancelButton",
    ]


def test_list_rows_say_required_choice_kind_and_count(make: Factory) -> None:
    dialog = make()
    outcome, products = groups(dialog)["Call Outcome"], groups(dialog)["Products Discussed"]
    assert outcome.text(0) == "Call Outcome — Required  (choose one · 0 chosen)"
    assert outcome.font(0).bold() and "Required" in outcome.toolTip(0)
    assert products.text(0) == "Products Discussed  (choose any · 0 chosen)"
    assert not products.font(0).bold()
    toggle(dialog, BROADBAND)
    toggle(dialog, TV)
    assert products.text(0).endswith("(choose any · 2 chosen)")


def test_search_filters_as_you_type(qtbot: QtBot, make: Factory) -> None:
    dialog = make(recent=[SALE])
    qtbot.keyClicks(search(dialog), "SALE")
    assert visible_names(dialog) == {"Call Outcome": ["Sale closed"]}  # Recent hides while searching

    search(dialog).setText("products")  # a list's own name shows all of it
    assert visible_names(dialog) == {
        "Products Discussed": ["Broadband", "Mobile", "TV", "Home phone", "Smart home"]
    }
    search(dialog).setText("7362")  # item ids
    assert visible_names(dialog) == {"Products Discussed": ["Mobile"]}
    search(dialog).setText("12 : 23")  # list:item, spaces allowed
    assert list(visible_names(dialog)) == ["Call Outcome"]
    assert not label(dialog, "codeNoMatchLabel").isVisible()

    search(dialog).setText("zebra")
    assert visible_names(dialog) == {}
    no_match = label(dialog, "codeNoMatchLabel")
    assert no_match.isVisible() and no_match.text().startswith("No codes match")

    search(dialog).clear()
    assert not no_match.isVisible()
    assert len(visible_names(dialog)) == 5 and sum(map(len, visible_names(dialog).values())) == 17


def test_single_choice_list_behaves_as_radio_buttons(make: Factory) -> None:
    dialog = make()
    toggle(dialog, SALE)
    toggle(dialog, CALLBACK)
    assert not checked(row(dialog, SALE)) and checked(row(dialog, CALLBACK))
    assert dialog.selected_codes() == [CALLBACK]
    assert row(dialog, SALE).data(0, Qt.ItemDataRole.UserRole + 1) is True  # drawn as a radio
    assert row(dialog, MOBILE).data(0, Qt.ItemDataRole.UserRole + 1) is False


def test_multiple_choice_list_allows_several(make: Factory) -> None:
    dialog = make()
    for code in (BROADBAND, TV, SMART_HOME):
        toggle(dialog, code)
    assert dialog.selected_codes() == [BROADBAND, TV, SMART_HOME]
    toggle(dialog, TV)
    assert dialog.selected_codes() == [BROADBAND, SMART_HOME]


def test_seventh_code_is_refused_and_the_counter_says_why(
    qtbot: QtBot, make: Factory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(codes_picker, "WARNING_MS", 50)
    dialog = make()
    counter = label(dialog, "codeCounterLabel")
    normal = counter.palette().color(QPalette.ColorRole.WindowText)
    for code in (SALE, BROADBAND, MOBILE, TV, HOME_PHONE, SMART_HOME):
        toggle(dialog, code)
    assert counter.text() == "6 of 6 chosen"

    toggle(dialog, RECORDING)
    assert not checked(row(dialog, RECORDING))
    assert len(dialog.selected_codes()) == 6
    assert "At most 6 codes per call" in counter.text()
    assert counter.palette().color(QPalette.ColorRole.WindowText) == warning_color(dialog.palette())
    assert counter.palette().color(QPalette.ColorRole.WindowText) != normal

    toggle(dialog, CALLBACK)  # swapping within a single-choice list stays at six: allowed
    assert checked(row(dialog, CALLBACK)) and not checked(row(dialog, SALE))
    qtbot.waitUntil(lambda: counter.text() == "6 of 6 chosen", timeout=2000)
    assert counter.palette().color(QPalette.ColorRole.WindowText) == normal


def test_manual_entry_adds_a_code_missing_from_the_catalog(qtbot: QtBot, make: Factory) -> None:
    dialog = make()
    add_manual(qtbot, dialog, "99 : 5")
    other = groups(dialog)["Other codes"]
    assert not other.isHidden()
    assert [checked(r) for r in children(other)] == [True]
    assert dialog.findChild(QLineEdit, "manualCodeInput").text() == ""
    assert "Added 99:5" in label(dialog, "manualCodeStatusLabel").text()
    toggle(dialog, SALE)
    assert dialog.selected_codes() == [SALE, T(99, 5)]
    assert label(dialog, "codeCounterLabel").text() == "2 of 6 chosen"

    toggle(dialog, T(99, 5), "Other codes")  # unchecking removes it from the selection
    assert dialog.selected_codes() == [SALE]


def test_manual_entry_by_enter_key_does_not_close_the_dialog(qtbot: QtBot, make: Factory) -> None:
    dialog = make(selected=[SALE])
    field = dialog.findChild(QLineEdit, "manualCodeInput")
    field.setFocus()
    qtbot.keyClicks(field, "77:1")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.selected_codes() == [SALE, T(77, 1)]


def test_invalid_manual_entry_shows_the_reason_inline(qtbot: QtBot, make: Factory) -> None:
    dialog = make()
    add_manual(qtbot, dialog, "12-234")
    status = label(dialog, "manualCodeStatusLabel")
    assert status.isVisible() and "LIST:ITEM" in status.text()
    assert status.palette().color(QPalette.ColorRole.WindowText) == warning_color(dialog.palette())
    assert dialog.findChild(QLineEdit, "manualCodeInput").text() == "12-234"  # kept for fixing
    assert groups(dialog)["Other codes"].isHidden()
    assert dialog.selected_codes() == []
    add_manual(qtbot, dialog, "")
    assert "list id : item id" in status.text()


def test_manual_entry_of_a_catalog_code_checks_the_catalog_item(qtbot: QtBot, make: Factory) -> None:
    dialog = make()
    add_manual(qtbot, dialog, "12:234")
    assert checked(row(dialog, SALE))
    assert groups(dialog)["Other codes"].isHidden()
    assert "Call Outcome: Sale closed" in label(dialog, "manualCodeStatusLabel").text()
    assert dialog.selected_codes() == [SALE]


def test_manual_entry_counts_against_the_limit(qtbot: QtBot, make: Factory) -> None:
    dialog = make(selected=[SALE, BROADBAND, MOBILE, TV, HOME_PHONE, SMART_HOME])
    add_manual(qtbot, dialog, "99:1")
    assert "At most 6" in label(dialog, "manualCodeStatusLabel").text()
    assert T(99, 1) not in dialog.selected_codes()


def test_preselected_codes_are_checked_and_returned_in_catalog_order(make: Factory) -> None:
    dialog = make(selected=[T(99, 1), MOBILE, SALE])
    assert checked(row(dialog, SALE)) and checked(row(dialog, MOBILE))
    assert checked(row(dialog, T(99, 1), "Other codes"))
    assert dialog.selected_codes() == [SALE, MOBILE, T(99, 1)]
    assert ok_button(dialog).isEnabled()


def test_recent_group_stays_in_sync_with_the_catalog_both_ways(make: Factory) -> None:
    dialog = make(recent=[MOBILE, SALE, T(55, 5), MOBILE])
    recent = groups(dialog)["Recent"]
    assert [r.text(0) for r in children(recent)] == [
        "Products Discussed: Mobile",
        "Call Outcome: Sale closed",
        "55:5 (not in the catalog)",
    ]
    toggle(dialog, MOBILE, "Recent")
    assert checked(row(dialog, MOBILE))
    toggle(dialog, CALLBACK)  # radio in the catalog...
    toggle(dialog, SALE, "Recent")  # ...and from Recent
    assert checked(row(dialog, SALE)) and not checked(row(dialog, CALLBACK))
    toggle(dialog, MOBILE)
    assert not checked(row(dialog, MOBILE, "Recent"))
    toggle(dialog, T(55, 5), "Recent")  # a recent code missing from the catalog joins Other codes
    assert checked(row(dialog, T(55, 5), "Other codes"))
    assert dialog.selected_codes() == [SALE, T(55, 5)]


def test_recent_keeps_at_most_six(make: Factory) -> None:
    dialog = make(recent=[T(90, i) for i in range(10)])
    assert len(children(groups(dialog)["Recent"])) == 6


def test_required_note_lists_mandatory_lists_without_a_code(make: Factory) -> None:
    dialog = make()
    note = label(dialog, "codeRequiredLabel")
    assert note.text() == "Required: Call Outcome, Compliance Checks"
    toggle(dialog, SALE)
    assert note.text() == "Required: Compliance Checks"
    toggle(dialog, IDENTITY)
    assert note.text() == "All required lists have a code."
    assert note.palette().color(QPalette.ColorRole.WindowText) != warning_color(dialog.palette())


def test_ok_needs_a_code_and_no_problems(make: Factory) -> None:
    dialog = make()
    assert not ok_button(dialog).isEnabled()
    toggle(dialog, POSITIVE)
    assert ok_button(dialog).isEnabled()
    toggle(dialog, POSITIVE)
    assert not ok_button(dialog).isEnabled()

    clash = make(selected=[SALE, CALLBACK])  # already on the call: shown, not silently dropped
    problem = label(clash, "codeProblemLabel")
    assert not ok_button(clash).isEnabled()
    assert problem.isVisible() and "'Call Outcome' allows one code" in problem.text()
    toggle(clash, CALLBACK)
    assert ok_button(clash).isEnabled() and not problem.isVisible()


def test_ok_accepts_with_the_chosen_codes(qtbot: QtBot, make: Factory) -> None:
    dialog = make(selected=[SALE])
    with qtbot.waitSignal(dialog.accepted, timeout=1000):
        qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)
    assert dialog.result() == CodesDialog.DialogCode.Accepted
    assert dialog.selected_codes() == [SALE]


def test_enter_in_the_tree_sets_the_codes(qtbot: QtBot, make: Factory) -> None:
    dialog = make(selected=[SALE])
    tree(dialog).setFocus()
    with qtbot.waitSignal(dialog.accepted, timeout=1000):
        qtbot.keyClick(tree(dialog), Qt.Key.Key_Return)


def test_enter_in_search_toggles_the_only_match_and_never_closes(qtbot: QtBot, make: Factory) -> None:
    dialog = make(selected=[SALE])
    box = search(dialog)
    qtbot.keyClicks(box, "identity")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert checked(row(dialog, IDENTITY)) and dialog.isVisible()
    assert box.selectedText() == "identity"  # typing next replaces the query
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert not checked(row(dialog, IDENTITY))

    box.setText("o")  # several matches: Enter moves into the tree instead
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.focusWidget() is tree(dialog)


def test_arrow_keys_move_from_search_into_tree_and_space_toggles(qtbot: QtBot, make: Factory) -> None:
    dialog = make()
    box, view = search(dialog), tree(dialog)
    qtbot.keyClick(box, Qt.Key.Key_Down)
    assert dialog.focusWidget() is view
    assert view.currentItem() is row(dialog, SALE)
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert dialog.selected_codes() == [SALE]
    qtbot.keyClick(view, Qt.Key.Key_Down)
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert dialog.selected_codes() == [CALLBACK]

    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Up)
    assert view.currentItem() is row(dialog, T(4410, 3))


def test_typing_in_the_tree_goes_to_the_search_box(qtbot: QtBot, make: Factory) -> None:
    dialog = make()
    view = tree(dialog)
    view.setFocus()
    qtbot.keyClicks(view, "tv")
    assert search(dialog).text() == "tv"
    assert visible_names(dialog) == {"Products Discussed": ["TV"]}


def test_escape_in_search_clears_it_first(qtbot: QtBot, make: Factory) -> None:
    dialog = make()
    box = search(dialog)
    box.setText("sale")
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    assert box.text() == "" and dialog.isVisible()


def test_clicking_a_rows_text_toggles_it(qtbot: QtBot, make: Factory) -> None:
    dialog = make()
    view = tree(dialog)
    item = row(dialog, TV)
    view.scrollToItem(item)
    rect = view.visualItemRect(item)
    spot = rect.center()
    spot.setX(rect.right() - 5)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=spot)
    assert dialog.selected_codes() == [TV]
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=spot)
    assert dialog.selected_codes() == []


def test_warning_colour_reads_on_light_and_dark_palettes() -> None:
    light, dark = QPalette(QColor("#f0f0f0")), QPalette(QColor("#2b2b2b"))
    for palette in (light, dark):
        window = palette.color(QPalette.ColorRole.Window).lightness()
        assert abs(warning_color(palette).lightness() - window) > 90


def test_dialog_follows_a_palette_change(make: Factory) -> None:
    dialog = make()
    dialog.setPalette(QPalette(QColor("#2b2b2b")))
    note = label(dialog, "codeRequiredLabel")
    assert note.palette().color(QPalette.ColorRole.WindowText) == warning_color(dialog.palette())
    assert warning_color(dialog.palette()).lightness() > 128


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(clicks=st.lists(st.integers(min_value=0, max_value=15), max_size=25))
def test_any_sequence_of_clicks_keeps_the_platform_rules(
    qtbot: QtBot, catalog: Catalog, clicks: list[int]
) -> None:
    dialog = CodesDialog(catalog)
    try:
        codes = [T(c.id, i.id) for c in catalog.lists for i in c.items]
        for n in clicks:
            toggle(dialog, codes[n])
            chosen = dialog.selected_codes()
            assert len(chosen) <= MAX_TRANSACTION_CODES
            assert catalog.problems(chosen) == []
            assert chosen == [c for c in codes if checked(row(dialog, c))]
            assert label(dialog, "codeCounterLabel").text().startswith(f"{len(chosen)} of 6 chosen")
            assert ok_button(dialog).isEnabled() == bool(chosen)
    finally:
        dialog.deleteLater()
