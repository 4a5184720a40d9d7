"""The transaction-code picker an agent uses during and after every call.

It is built for the keyboard: type to filter, Enter toggles the only match, Space toggles the current row,
Enter in the tree confirms. It refuses what the platform would refuse (more than six codes, two from a
single-choice list) at the moment of choosing, so nothing bounces later during wrap-up, and it keeps the
mandatory lists still without a code in view.

One set of chosen codes is the truth; every check box (catalog, "Recent", "Other codes") is redrawn from it,
which is what keeps a recent entry and its catalog item in sync.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from ccdesk.api.errors import InvalidInput
from ccdesk.api.models import MAX_TRANSACTION_CODES, TransactionCode
from ccdesk.core.codes import Catalog, CodeList, amend
from ccdesk.ui.plain import plain_labels, plain_tip
from ccdesk.ui.qt import (
    QAbstractItemModel,
    QColor,
    QCoreApplication,
    QDialog,
    QDialogButtonBox,
    QEvent,
    QFont,
    QHBoxLayout,
    QHeaderView,
    QKeyEvent,
    QLabel,
    QLineEdit,
    QModelIndex,
    QMouseEvent,
    QObject,
    QPainter,
    QPalette,
    QProxyStyle,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOption,
    QStyleOptionViewItem,
    Qt,
    QTimer,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)
from ccdesk.ui.theme import set_role

if TYPE_CHECKING:
    from ccdesk.ui.qt import QPersistentModelIndex

RECENT_LIMIT = 6
WARNING_MS = 4000
"""How long the counter shows why a code was refused before going back to the count."""

_CODE_ROLE = Qt.ItemDataRole.UserRole
_RADIO_ROLE = Qt.ItemDataRole.UserRole + 1
_CHECKED = Qt.CheckState.Checked
_UNCHECKED = Qt.CheckState.Unchecked
_RETURN_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_COMMAND_KEYS = (
    Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.MetaModifier
)


def warning_color(palette: QPalette) -> QColor:
    """An amber dark enough to read on a light window and light enough on a dark one."""
    dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
    return QColor("#ffb74d") if dark else QColor("#a34700")


class _IndicatorStyle(QProxyStyle):
    """Draws a radio button instead of a check box while `radio` is set, for single-choice lists."""

    radio = False

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        if self.radio and element == QStyle.PrimitiveElement.PE_IndicatorItemViewItemCheck:
            element = QStyle.PrimitiveElement.PE_IndicatorRadioButton
        super().drawPrimitive(element, option, painter, widget)


class _CodeDelegate(QStyledItemDelegate):
    """Radio look for single-choice codes; a click anywhere on a code's row toggles it (a bigger target)."""

    def __init__(self, style: _IndicatorStyle, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._style = style

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        self._style.radio = bool(index.data(_RADIO_ROLE))
        try:
            super().paint(painter, option, index)
        finally:
            self._style.radio = False

    def editorEvent(
        self,
        event: QEvent,
        model: QAbstractItemModel,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> bool:
        checkable = bool(index.flags() & Qt.ItemFlag.ItemIsUserCheckable)
        if (
            checkable
            and isinstance(event, QMouseEvent)
            and event.type() == QEvent.Type.MouseButtonRelease
            and event.button() == Qt.MouseButton.LeftButton
            and option.rect.contains(event.position().toPoint())
        ):
            checked = Qt.CheckState(index.data(Qt.ItemDataRole.CheckStateRole)) == _CHECKED
            return model.setData(index, _UNCHECKED if checked else _CHECKED, Qt.ItemDataRole.CheckStateRole)
        return super().editorEvent(event, model, option, index)


class CodesDialog(QDialog):
    """Choose the transaction codes of one call (objectName 'transactionCodesDialog')."""

    def __init__(
        self,
        catalog: Catalog,
        selected: Iterable[TransactionCode] = (),
        recent: Sequence[TransactionCode] = (),
        parent: QWidget | None = None,
        title: str | None = None,
    ) -> None:
        """`title` names the call the codes are for; by default just "Transaction codes"."""
        super().__init__(parent)
        self.setObjectName("transactionCodesDialog")
        self.setWindowTitle(title or QCoreApplication.translate("CodesDialog", "Transaction codes"))
        self.setAccessibleName(QCoreApplication.translate("CodesDialog", "Transaction codes"))
        self.setAccessibleDescription(
            QCoreApplication.translate(
                "CodesDialog",
                "Choose the transaction codes of this call: search, tick codes in the list, then Set codes.",
            )
        )
        self._catalog = catalog
        self._catalog_codes = [TransactionCode(c.id, i.id) for c in catalog.lists for i in c.items]
        self._chosen: set[TransactionCode] = set()
        self._manual: list[TransactionCode] = []
        self._rows: list[tuple[QTreeWidgetItem, TransactionCode]] = []
        self._list_rows: dict[int, QTreeWidgetItem] = {}
        self._syncing = False
        #: what the call holds now: 8x8 amends list by list, so a list not sent keeps these
        self._held = tuple(dict.fromkeys(selected))
        self._warning = ""
        self._warning_timer = QTimer(self)
        self._warning_timer.setSingleShot(True)
        self._warning_timer.timeout.connect(self._clear_warning)

        self._build_widgets()
        self._build_tree(recent)
        self._tree.itemChanged.connect(self._on_item_changed)
        for code in dict.fromkeys(selected):
            # Preselection is what is already set on the call: kept as is (problems are shown, not hidden).
            self._chosen.add(code)
            self._remember_manual(code)
        self._refresh()
        self._search.setFocus()
        # wide enough for the longest list heading (longer in French, and at large font sizes), up to 2/3 of
        # the screen; the tree scrolls beyond that
        self._tree.resizeColumnToContents(0)
        wanted = self._tree.sizeHintForColumn(0) + 4 * self._tree.indentation() + 40
        screen = self.screen().availableGeometry().width() if self.screen() is not None else 1280
        self.resize(max(460, min(wanted, screen * 2 // 3)), 520)

    # --- public ---------------------------------------------------------------------------------------------

    def selected_codes(self) -> list[TransactionCode]:
        """The chosen codes in catalog order, then the ones missing from the catalog in the order added."""
        return [c for c in self._catalog_codes if c in self._chosen] + [
            c for c in self._manual if c in self._chosen
        ]

    # --- construction ---------------------------------------------------------------------------------------

    def _build_widgets(self) -> None:
        self._search = QLineEdit(self)
        self._search.setObjectName("codeSearchInput")
        self._search.setPlaceholderText(QCoreApplication.translate("CodesDialog", "Search codes…"))
        self._search.setClearButtonEnabled(True)
        self._search.setAccessibleName(QCoreApplication.translate("CodesDialog", "Search transaction codes"))
        search_help = QCoreApplication.translate(
            "CodesDialog",
            "Filter by list or code name or number. Enter toggles the only match; Down goes into the list.",
        )
        self._search.setToolTip(search_help)
        self._search.setAccessibleDescription(search_help)
        self._search.textChanged.connect(self._apply_filter)
        self._search.installEventFilter(self)

        self._no_match = QLabel(self)
        self._no_match.setObjectName("codeNoMatchLabel")
        self._no_match.setWordWrap(True)
        self._no_match.setAccessibleName(QCoreApplication.translate("CodesDialog", "No codes match"))
        self._no_match.hide()

        self._indicator_style = _IndicatorStyle()
        self._tree = QTreeWidget(self)
        self._tree.setObjectName("codeTree")
        self._tree.setAccessibleName(QCoreApplication.translate("CodesDialog", "Transaction codes"))
        self._tree.setAccessibleDescription(
            QCoreApplication.translate(
                "CodesDialog", "Space or a click toggles a code; Enter sets the chosen codes."
            )
        )
        self._tree.setColumnCount(1)
        self._tree.setHeaderHidden(True)
        self._tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self._tree.setUniformRowHeights(True)
        self._tree.setStyle(self._indicator_style)
        self._indicator_style.setParent(self._tree)
        self._tree.setItemDelegate(_CodeDelegate(self._indicator_style, self._tree))
        self._tree.installEventFilter(self)

        self._required = QLabel(self)
        self._required.setObjectName("codeRequiredLabel")
        self._required.setWordWrap(True)
        self._required.setAccessibleName(
            QCoreApplication.translate("CodesDialog", "Required lists still without a code")
        )

        self._problem = QLabel(self)
        self._problem.setObjectName("codeProblemLabel")
        self._problem.setWordWrap(True)
        self._problem.setAccessibleName(
            QCoreApplication.translate("CodesDialog", "Problems with the chosen codes")
        )
        self._problem.hide()

        self._kept = QLabel(self)
        self._kept.setObjectName("codesKeptNote")
        self._kept.setWordWrap(True)
        self._kept.setTextFormat(Qt.TextFormat.PlainText)
        self._kept.setAccessibleName(QCoreApplication.translate("CodesDialog", "Codes 8x8 keeps"))
        set_role(self._kept, "hint")
        self._kept.hide()

        self._manual_input = QLineEdit(self)
        self._manual_input.setObjectName("manualCodeInput")
        self._manual_input.setPlaceholderText(QCoreApplication.translate("CodesDialog", "list id : item id"))
        self._manual_input.setAccessibleName(
            QCoreApplication.translate("CodesDialog", "Code not in the catalog, as list id colon item id")
        )
        manual_help = QCoreApplication.translate(
            "CodesDialog", "For a code missing from the catalog, e.g. 12:234. Enter adds it."
        )
        self._manual_input.setToolTip(manual_help)
        self._manual_input.setAccessibleDescription(manual_help)
        self._manual_input.installEventFilter(self)
        self._manual_add = QPushButton(QCoreApplication.translate("CodesDialog", "Add"), self)
        self._manual_add.setObjectName("manualCodeAddButton")
        self._manual_add.setAccessibleName(QCoreApplication.translate("CodesDialog", "Add code"))
        self._manual_add.setAccessibleDescription(
            QCoreApplication.translate(
                "CodesDialog", "Adds the typed code under Other codes, or ticks it when the catalog has it."
            )
        )
        self._manual_add.clicked.connect(self._add_manual)
        self._manual_status = QLabel(self)
        self._manual_status.setObjectName("manualCodeStatusLabel")
        self._manual_status.setWordWrap(True)
        self._manual_status.setAccessibleName(QCoreApplication.translate("CodesDialog", "Added code"))
        self._manual_status.hide()

        self._counter = QLabel(self)
        self._counter.setObjectName("codeCounterLabel")
        self._counter.setAccessibleName(QCoreApplication.translate("CodesDialog", "Codes chosen"))
        # the catalog's names and typed codes, shown as written
        plain_labels(self._no_match, self._required, self._problem, self._manual_status, self._counter)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, parent=self
        )
        self._ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self._ok.setText(QCoreApplication.translate("CodesDialog", "Set codes"))
        self._ok.setObjectName("codesOkButton")
        self._ok.setAccessibleName(QCoreApplication.translate("CodesDialog", "Set codes"))
        self._ok.setAccessibleDescription(
            QCoreApplication.translate("CodesDialog", "Sends the chosen codes to 8x8 for this call.")
        )
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(QCoreApplication.translate("CodesDialog", "Cancel"))
        cancel.setObjectName("codesCancelButton")
        cancel.setAccessibleName(QCoreApplication.translate("CodesDialog", "Cancel"))
        cancel.setAccessibleDescription(
            QCoreApplication.translate("CodesDialog", "Closes without changing the call's codes.")
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        manual_row = QHBoxLayout()
        manual_row.addWidget(self._manual_input, 1)
        manual_row.addWidget(self._manual_add)
        bottom = QHBoxLayout()
        bottom.addWidget(self._counter, 1)
        bottom.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self._search)
        layout.addWidget(self._no_match)
        layout.addWidget(self._tree, 1)
        layout.addWidget(self._required)
        layout.addWidget(self._problem)
        layout.addWidget(self._kept)
        layout.addLayout(manual_row)
        layout.addWidget(self._manual_status)
        layout.addLayout(bottom)

        QWidget.setTabOrder(self._search, self._tree)
        QWidget.setTabOrder(self._tree, self._manual_input)
        QWidget.setTabOrder(self._manual_input, self._manual_add)
        QWidget.setTabOrder(self._manual_add, self._ok)
        QWidget.setTabOrder(self._ok, cancel)

    def _build_tree(self, recent: Sequence[TransactionCode]) -> None:
        recent = list(dict.fromkeys(recent))[:RECENT_LIMIT]
        self._recent_group: QTreeWidgetItem | None = None
        if recent:
            self._recent_group = self._group(
                QCoreApplication.translate("CodesDialog", "Recent"),
                QCoreApplication.translate(
                    "CodesDialog", "Codes used on recent calls; the same as in the lists below."
                ),
            )
            for code in recent:
                known = code in self._catalog_codes
                text = (
                    self._catalog.name_of(code)
                    if known
                    else QCoreApplication.translate("CodesDialog", "{code} (not in the catalog)").format(
                        code=code
                    )
                )
                self._code_row(self._recent_group, code, text)
        for code_list in self._catalog.lists:
            row = self._group(code_list.name, self._list_tooltip(code_list))
            if code_list.mandatory:
                font = QFont(row.font(0))
                font.setBold(True)
                row.setFont(0, font)
            self._list_rows[code_list.id] = row
            for item in code_list.items:
                self._code_row(row, TransactionCode(code_list.id, item.id), item.name)
        self._other_group = self._group(
            QCoreApplication.translate("CodesDialog", "Other codes"),
            QCoreApplication.translate(
                "CodesDialog", "Codes not in the catalog, sent as typed. Uncheck to drop."
            ),
        )
        self._other_group.setHidden(True)
        self._tree.expandAll()

    def _group(self, text: str, tooltip: str) -> QTreeWidgetItem:
        row = QTreeWidgetItem(self._tree, [text])
        row.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        row.setToolTip(0, plain_tip(tooltip))
        return row

    def _code_row(self, parent: QTreeWidgetItem, code: TransactionCode, text: str) -> QTreeWidgetItem:
        row = QTreeWidgetItem([text])
        row.setFlags(
            Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable
        )
        row.setData(0, _CODE_ROLE, str(code))
        code_list = self._catalog.code_list(code.list_id)
        single = code_list is not None and not code_list.multiple
        row.setData(0, _RADIO_ROLE, single)
        hint = (
            QCoreApplication.translate("CodesDialog", "{code} — one from '{list}'").format(
                code=code, list=code_list.name
            )
            if single and code_list
            else str(code)
        )
        row.setToolTip(0, plain_tip(hint))
        row.setData(0, Qt.ItemDataRole.AccessibleDescriptionRole, hint)
        row.setCheckState(0, _CHECKED if code in self._chosen else _UNCHECKED)
        parent.addChild(row)  # only now, so setting it up emits no itemChanged (that would read as a choice)
        self._rows.append((row, code))
        return row

    @staticmethod
    def _list_tooltip(code_list: CodeList) -> str:
        if code_list.mandatory and code_list.multiple:
            text = QCoreApplication.translate(
                "CodesDialog",
                "Required: wrap-up needs a code from this list. Choose any number of codes. List id {id}.",
            )
        elif code_list.mandatory:
            text = QCoreApplication.translate(
                "CodesDialog", "Required: wrap-up needs a code from this list. Choose one code. List id {id}."
            )
        elif code_list.multiple:
            text = QCoreApplication.translate("CodesDialog", "Choose any number of codes. List id {id}.")
        else:
            text = QCoreApplication.translate("CodesDialog", "Choose one code. List id {id}.")
        return text.format(id=code_list.id)

    def _remember_manual(self, code: TransactionCode) -> None:
        """Give a code missing from the catalog its row under "Other codes" (once)."""
        if code in self._catalog_codes or code in self._manual:
            return
        self._manual.append(code)
        code_list = self._catalog.code_list(code.list_id)
        text = (
            QCoreApplication.translate("CodesDialog", "{list}: item {item} ({code})").format(
                list=code_list.name, item=code.item_id, code=code
            )
            if code_list
            else str(code)
        )
        self._code_row(self._other_group, code, text)
        self._other_group.setHidden(False)
        self._other_group.setExpanded(True)

    # --- choosing -------------------------------------------------------------------------------------------

    def _on_item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        if self._syncing or not item.data(0, _CODE_ROLE):
            return
        code = TransactionCode.parse(item.data(0, _CODE_ROLE))
        self._choose(code, item.checkState(0) == _CHECKED)
        self._refresh()

    def _choose(self, code: TransactionCode, on: bool) -> bool:
        """Apply one toggle under the platform's rules; False (and a visible reason) when refused."""
        if not on:
            self._chosen.discard(code)
            return True
        if code in self._chosen:
            return True
        code_list = self._catalog.code_list(code.list_id)
        replaced = (
            {c for c in self._chosen if c.list_id == code.list_id}
            if code_list and not code_list.multiple
            else set()
        )
        if len(self._chosen - replaced) >= MAX_TRANSACTION_CODES:
            self._warn(
                QCoreApplication.translate(
                    "CodesDialog", "At most %n codes per call", None, MAX_TRANSACTION_CODES
                )
            )
            return False
        self._chosen -= replaced
        self._chosen.add(code)
        self._remember_manual(code)
        return True

    def _add_manual(self) -> None:
        text = self._manual_input.text().strip()
        if not text:
            self._manual_message(
                QCoreApplication.translate("CodesDialog", "Type a code as list id : item id, e.g. 12:234."),
                warn=True,
            )
            return
        try:
            code = TransactionCode.parse(text)
        except InvalidInput as exc:
            self._manual_message(str(exc), warn=True)
            return
        already = code in self._chosen
        if not self._choose(code, True):
            self._manual_message(
                QCoreApplication.translate(
                    "CodesDialog",
                    "At most %n codes per call: uncheck one first.",
                    None,
                    MAX_TRANSACTION_CODES,
                ),
                warn=True,
            )
            return
        self._refresh()
        self._manual_input.clear()
        if already:
            message = QCoreApplication.translate("CodesDialog", "{name} is already chosen.").format(
                name=self._catalog.name_of(code)
            )
        elif code in self._catalog_codes:
            message = QCoreApplication.translate(
                "CodesDialog", "{code} is in the catalog: checked {name}."
            ).format(code=code, name=self._catalog.name_of(code))
        else:
            message = QCoreApplication.translate("CodesDialog", "Added {code} under Other codes.").format(
                code=code
            )
        self._manual_message(message, warn=False)
        self._tree.scrollToItem(
            next(row for row, c in self._rows if c == code and row.parent() is not self._recent_group)
        )

    # --- showing the state ----------------------------------------------------------------------------------

    def _refresh(self) -> None:
        """Redraw every check box, count and note from the chosen set."""
        self._syncing = True
        try:
            for row, code in self._rows:
                row.setCheckState(0, _CHECKED if code in self._chosen else _UNCHECKED)
            for code_list in self._catalog.lists:
                self._list_rows[code_list.id].setText(0, self._list_text(code_list))
        finally:
            self._syncing = False
        codes = self.selected_codes()
        missing = self._catalog.missing_mandatory(codes)
        if missing:
            self._required.setText(
                QCoreApplication.translate("CodesDialog", "Required: {lists}").format(
                    lists=", ".join(c.name for c in missing)
                )
            )
        else:
            any_required = any(c.mandatory for c in self._catalog.lists)
            self._required.setText(
                QCoreApplication.translate("CodesDialog", "All required lists have a code.")
                if any_required
                else ""
            )
        self._required.setVisible(bool(self._required.text()))
        self._tint(self._required, bool(missing))
        kept = [
            c
            for c in self._catalog.lists
            if c.id in {k.list_id for k in amend(self._held, codes)} - {s.list_id for s in codes}
        ]
        self._kept.setText(
            QCoreApplication.translate(
                "CodesDialog",
                "8x8 keeps the codes of a list that is not sent: unticking every code of {lists} leaves the "
                "call's codes there as they are.",
            ).format(lists=", ".join(f"'{c.name}'" for c in kept))
            if kept
            else ""
        )
        self._kept.setVisible(bool(kept))
        problems = self._catalog.problems(
            amend(self._held, codes)
        )  # the limit counts what the call will hold
        self._problem.setText("\n".join(problems))
        self._problem.setVisible(bool(problems))
        self._tint(self._problem, True)
        self._ok.setEnabled(bool(codes) and not problems)
        self._ok.setToolTip(
            "" if codes else QCoreApplication.translate("CodesDialog", "Choose at least one code.")
        )
        self._show_counter()

    def _list_text(self, code_list: CodeList) -> str:
        count = sum(1 for c in self._chosen if c.list_id == code_list.id)
        if code_list.mandatory and code_list.multiple:
            text = QCoreApplication.translate(
                "CodesDialog", "{list} — Required  (choose any · %n chosen)", None, count
            )
        elif code_list.mandatory:
            text = QCoreApplication.translate(
                "CodesDialog", "{list} — Required  (choose one · %n chosen)", None, count
            )
        elif code_list.multiple:
            text = QCoreApplication.translate("CodesDialog", "{list}  (choose any · %n chosen)", None, count)
        else:
            text = QCoreApplication.translate("CodesDialog", "{list}  (choose one · %n chosen)", None, count)
        return text.format(list=code_list.name)

    def _show_counter(self) -> None:
        count = len(self._chosen)  # a plain name: lupdate skips a translate() whose count is a call
        text = QCoreApplication.translate("CodesDialog", "%n of {limit} chosen", None, count).format(
            limit=MAX_TRANSACTION_CODES
        )
        self._counter.setText(
            QCoreApplication.translate("CodesDialog", "{count} — {warning}").format(
                count=text, warning=self._warning
            )
            if self._warning
            else text
        )
        self._tint(self._counter, bool(self._warning))

    def _warn(self, reason: str) -> None:
        self._warning = reason
        self._show_counter()
        self._warning_timer.start(WARNING_MS)

    def _clear_warning(self) -> None:
        self._warning = ""
        self._show_counter()

    def _manual_message(self, text: str, warn: bool) -> None:
        self._manual_status.setText(text)
        self._manual_status.setVisible(True)
        self._tint(self._manual_status, warn)

    def _tint(self, label: QLabel, warn: bool) -> None:
        """Warning colour from the current palette, or back to the inherited text colour."""
        if not warn:
            label.setPalette(QPalette())
            return
        palette = QPalette(label.palette())
        palette.setColor(QPalette.ColorRole.WindowText, warning_color(self.palette()))
        label.setPalette(palette)

    def changeEvent(self, event: QEvent) -> None:
        """Re-pick the warning colour when the palette switches between light and dark."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and hasattr(
            self, "_ok"
        ):  # may come before the widgets exist
            self._refresh()

    # --- searching and keys ---------------------------------------------------------------------------------

    def _apply_filter(self, text: str) -> None:
        query = re.sub(r"\s*:\s*", ":", text.strip().casefold())
        searching = bool(query)
        if self._recent_group is not None:
            self._recent_group.setHidden(searching)
        visible: list[QTreeWidgetItem] = []
        for code_list in self._catalog.lists:
            group = self._list_rows[code_list.id]
            whole = not searching or query in code_list.name.casefold() or str(code_list.id).startswith(query)
            shown = 0
            for row in _children(group):
                match = whole or self._matches(
                    query, row.text(0), TransactionCode.parse(row.data(0, _CODE_ROLE))
                )
                row.setHidden(not match)
                if match:
                    shown += 1
                    visible.append(row)
            group.setHidden(shown == 0 and not whole)
            if searching and shown:
                group.setExpanded(True)
        other_shown = 0
        for row in _children(self._other_group):
            match = not searching or self._matches(
                query, row.text(0), TransactionCode.parse(row.data(0, _CODE_ROLE))
            )
            row.setHidden(not match)
            if match:
                other_shown += 1
                visible.append(row)
        self._other_group.setHidden(other_shown == 0)
        nothing = searching and not visible
        self._no_match.setText(
            QCoreApplication.translate(
                "CodesDialog",
                "No codes match “{search}”. A code missing from the catalog can be added below as list id : item id.",
            ).format(search=text.strip())
            if nothing
            else ""
        )
        self._no_match.setVisible(nothing)
        if searching and len(visible) == 1:
            self._tree.setCurrentItem(visible[0])

    @staticmethod
    def _matches(query: str, name: str, code: TransactionCode) -> bool:
        return query in name.casefold() or str(code.item_id).startswith(query) or str(code).startswith(query)

    def _visible_codes(self) -> list[QTreeWidgetItem]:
        """Code rows the agent can see now, top to bottom (the Recent group hides while searching)."""
        groups = [self._tree.topLevelItem(i) for i in range(self._tree.topLevelItemCount())]
        return [
            row
            for g in groups
            if g is not None and not g.isHidden()
            for row in _children(g)
            if not row.isHidden()
        ]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Keys that make it quick: Enter/Up/Down/Escape in the search box, Enter adds, typing searches."""
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)
        key = event.key()
        if watched is self._search:
            return self._search_key(key)
        if watched is self._manual_input and key in _RETURN_KEYS:
            self._add_manual()
            return True
        if watched is self._tree and self._types_text(event):
            self._search.setFocus()
            self._search.insert(event.text())
            return True
        return super().eventFilter(watched, event)

    def _search_key(self, key: int) -> bool:
        visible = self._visible_codes()
        if key in _RETURN_KEYS:
            if self._search.text().strip() and len(visible) == 1:
                row = visible[0]
                row.setCheckState(0, _UNCHECKED if row.checkState(0) == _CHECKED else _CHECKED)
                self._search.selectAll()
            elif visible:
                self._enter_tree(visible[0])
            return True  # never confirm the dialog from the search box by accident
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and visible:
            self._enter_tree(visible[0] if key == Qt.Key.Key_Down else visible[-1])
            return True
        if key == Qt.Key.Key_Escape and self._search.text():
            self._search.clear()
            return True
        return False

    def _enter_tree(self, row: QTreeWidgetItem) -> None:
        self._tree.setFocus()
        self._tree.setCurrentItem(row)

    @staticmethod
    def _types_text(event: QKeyEvent) -> bool:
        """A printable key other than Space (which toggles) with no command modifier."""
        text = event.text()
        return bool(text) and text.isprintable() and text != " " and not (event.modifiers() & _COMMAND_KEYS)


def _children(item: QTreeWidgetItem) -> list[QTreeWidgetItem]:
    """An item's children (Qt's child(i) may return None; an index within childCount() never does)."""
    return [child for i in range(item.childCount()) if (child := item.child(i)) is not None]
