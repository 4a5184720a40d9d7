"""Where an agent dials: the number (formatted as typed, with a preview of exactly what is sent), a dial pad,
caller ID / queue / dial plan from the profile's lists, force call, and attached data with presets.

The panel validates everything before emitting `dial_requested`; the window sends it, after asking "Dial anyway?"
when the request carries warnings (a local number without its area code, a range not in use). While a dial is
in flight the Dial button is disabled and says so, so a double click or a repeated Enter never dials twice.

It works from 340 px wide (labels above the fields, the dial pad folded away if the agent likes) to a sensible
maximum width; the preview under the number is always two lines tall, so nothing below it moves while typing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ccdesk.api.errors import InvalidInput
from ccdesk.api.models import NameValue
from ccdesk.core.numbers import DialNumber, clean, format_as_you_type, letters_to_digits, split_number
from ccdesk.core.profiles import Choice
from ccdesk.ui.fixed_lines_label import FixedLinesLabel
from ccdesk.ui.flow_layout import FlowLayout
from ccdesk.ui.icons import icon
from ccdesk.ui.plain import plain_labels
from ccdesk.ui.qt import (
    QAbstractItemView,
    QCheckBox,
    QColor,
    QComboBox,
    QCoreApplication,
    QFont,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPalette,
    QPushButton,
    QSize,
    QSizePolicy,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ccdesk.ui.tables import cell_text
from ccdesk.ui.theme import is_dark, set_role

if TYPE_CHECKING:
    from PySide6.QtGui import QResizeEvent

    from ccdesk.core.links import DialIntent

PAD_KEYS = (
    ("1", "1"),
    ("2", "2"),
    ("3", "3"),
    ("4", "4"),
    ("5", "5"),
    ("6", "6"),
    ("7", "7"),
    ("8", "8"),
    ("9", "9"),
    ("star", "*"),
    ("0", "0"),
    ("hash", "#"),
)
NARROW_WIDTH = 360  # narrower: labels above their fields (compact mode gives the panel ~320 px)
PREFERRED_WIDTH = 420  # what the panel asks for beside the lines: room for labels beside their fields
MAX_WIDTH = 600  # on a wide window the panel stops here: no 900 px Dial button
_SEPARATORS = " -.()/\u00a0"


@dataclass(frozen=True)
class DialRequest:
    """Everything the agent chose, validated: what place-call will send."""

    dial: DialNumber
    caller_id: str
    queue_id: str | None
    dialplan_id: str | None
    force_call: bool
    ext_data: tuple[NameValue, ...]
    ctl_data: tuple[NameValue, ...]

    @property
    def warnings(self) -> tuple[str, ...]:
        """Why this number is probably not what was meant: the window asks "Dial anyway?" when there are any."""
        return self.dial.warnings


class DialPad(QWidget):
    """0-9, *, #, + as buttons that type into the number field (mouse, or Tab to a key and Space)."""

    key_pressed = Signal(str)
    backspace_pressed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(QCoreApplication.translate("DialPad", "Dial pad"))
        grid = QGridLayout(self)
        grid.setSpacing(6)
        grid.setContentsMargins(0, 0, 0, 0)
        for index, (name, char) in enumerate(PAD_KEYS):
            grid.addWidget(self._key(name, char), index // 3, index % 3)
        grid.addWidget(self._key("plus", "+"), 4, 0)
        back = QPushButton(icon("backspace"), "")
        back.setObjectName("dialPadBackspace")
        set_role(back, "pad")
        back.setAccessibleName(QCoreApplication.translate("DialPad", "Delete the last digit"))
        back.setAccessibleDescription(
            QCoreApplication.translate("DialPad", "Removes the last character of the number to dial")
        )
        back.setToolTip(QCoreApplication.translate("DialPad", "Delete the last digit (Backspace)"))
        back.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        back.clicked.connect(self.backspace_pressed)
        grid.addWidget(back, 4, 2)
        # never squeezed below its rows (the compact layout's height-for-width rows once cut its last row)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def _key(self, name: str, char: str) -> QPushButton:
        button = QPushButton(char)
        button.setObjectName(f"dialPadKey_{name}")
        set_role(button, "pad")
        button.setAccessibleName(char)
        button.setAccessibleDescription(
            QCoreApplication.translate("DialPad", "Adds {key} to the number").format(key=char)
        )
        button.setAutoDefault(False)
        # Keys never take the focus: a click types into the number field and the cursor stays there, and Tab
        # goes from the number straight to caller ID. From the keyboard, digits are typed into the field itself.
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setToolTip(
            QCoreApplication.translate("DialPad", "Type {key} (or press {key} in the number field)").format(
                key=char
            )
        )
        button.clicked.connect(lambda: self.key_pressed.emit(char))
        return button


#: the Dial button's fill under white text: at least 4.5:1 (WCAG 2.1 SC 1.4.3), hovered or not
DIAL_COLOUR = "#1a7f37"
DIAL_HOVER_COLOUR = "#15702f"


def _choice_combo(
    name: str, accessible: str, description: str, empty_label: str, editor_name: str
) -> QComboBox:
    """A profile list the agent picks from or types an id into; `empty_label` says what an empty one means."""
    combo = QComboBox()
    combo.setObjectName(name)
    combo.setEditable(True)
    combo.setAccessibleName(accessible)
    combo.setAccessibleDescription(description)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    editor = combo.lineEdit()  # an editable combo always has one
    assert editor is not None
    editor.setPlaceholderText(empty_label)
    editor.setAccessibleName(editor_name)
    editor.setAccessibleDescription(description)
    combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    _narrow_combo(combo)
    return combo


def _narrow_combo(combo: QComboBox, characters: int = 8) -> None:
    """A long entry (a caller ID's label, a preset's name) must not make the panel wider than 340 px."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(characters)


def combo_value(combo: QComboBox) -> str:
    """The id behind the combo: the chosen entry's value, or what was typed."""
    text = combo.currentText().strip()
    index = combo.findText(text)
    if index >= 0 and combo.itemData(index) is not None:
        return str(combo.itemData(index))
    return text


class DataTable(QTableWidget):
    """Name/value rows for extTransactionData or ctlUserData."""

    def __init__(self, name: str, accessible: str, description: str) -> None:
        super().__init__(0, 2)
        self.setObjectName(name)
        self.setAccessibleName(accessible)
        self.setAccessibleDescription(description)
        self.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("DataTable", "Name"),
                QCoreApplication.translate("DataTable", "Value"),
            ]
        )
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().setVisible(False)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setMinimumHeight(84)

    def add_row(self, name: str = "", value: str = "") -> None:
        row = self.rowCount()
        self.insertRow(row)
        first = QTableWidgetItem(name)
        self.setItem(row, 0, first)
        self.setItem(row, 1, QTableWidgetItem(value))
        if not name:
            self.setCurrentCell(row, 0)
            self.editItem(first)

    def remove_selected(self) -> None:
        for row in sorted({i.row() for i in self.selectedIndexes()}, reverse=True):
            self.removeRow(row)

    def rows(self) -> list[list[str]]:
        result = []
        for row in range(self.rowCount()):
            name = cell_text(self, row, 0).strip()
            value = cell_text(self, row, 1)
            if name or value:
                result.append([name, value])
        return result

    def set_rows(self, rows: list[list[str]]) -> None:
        self.setRowCount(0)
        for name, value in rows:
            self.add_row(name, value)

    def values(self, label: str) -> tuple[NameValue, ...]:
        items = []
        for name, value in self.rows():
            if not name:
                raise InvalidInput(
                    QCoreApplication.translate("DataTable", "{table}: every value needs a name.").format(
                        table=label
                    )
                )
            items.append(NameValue(name, value))
        return tuple(items)


class DialPanel(QWidget):
    """The dialling half of the main window."""

    dial_requested = Signal(object)  # DialRequest
    presets_changed = Signal(dict)
    pad_toggled = Signal(bool)  # the agent showed or hid the dial pad: the window remembers it

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dialPanel")
        self.setMaximumWidth(MAX_WIDTH)
        self.region = "US"
        self._presets: dict[str, dict[str, list[list[str]]]] = {}
        self._in_flight = False
        self._valid = False
        self._typed = False  # the field holds what the agent typed (not a link's or a redial's number)
        self._own_grouping = (
            False  # the agent typed a space, dash or bracket: their grouping is kept as typed
        )
        self._last_text = ""

        self.number_input = QLineEdit()
        self.number_input.setObjectName("numberInput")
        self.number_input.setAccessibleName(QCoreApplication.translate("DialPanel", "Number to dial"))
        self.number_input.setAccessibleDescription(
            QCoreApplication.translate("DialPanel", "Type a number or paste a tel: link; Enter dials")
        )
        self.number_input.setPlaceholderText(QCoreApplication.translate("DialPanel", "Number to dial"))
        self.number_input.setClearButtonEnabled(True)
        big = QFont(self.number_input.font())
        big.setPointSizeF(big.pointSizeF() * 1.55)
        self.number_input.setFont(big)
        self.number_input.textEdited.connect(self._on_typed)
        self.number_input.returnPressed.connect(self.request_dial)
        self.preview_label = FixedLinesLabel(2)
        self.preview_label.setObjectName("dialPreviewLabel")
        self.preview_label.setAccessibleName(QCoreApplication.translate("DialPanel", "What will be sent"))
        plain_labels(self.preview_label)  # a link's number, as written
        set_role(self.preview_label, "hint")

        self.raw_check = QCheckBox(QCoreApplication.translate("DialPanel", "Raw (digits as typed)"))
        self.raw_check.setObjectName("rawModeCheck")
        self.raw_check.setAccessibleName(
            QCoreApplication.translate("DialPanel", "Raw mode for extensions and service codes")
        )
        raw_tip = QCoreApplication.translate(
            "DialPanel", "For extensions and service codes: send the digits as typed after the prefix"
        )
        self.raw_check.setToolTip(raw_tip)
        self.raw_check.setAccessibleDescription(raw_tip)
        self.raw_prefix = QLineEdit()
        self.raw_prefix.setObjectName("rawPrefixInput")
        self.raw_prefix.setAccessibleName(QCoreApplication.translate("DialPanel", "Raw mode prefix"))
        self.raw_prefix.setPlaceholderText(QCoreApplication.translate("DialPanel", "prefix"))
        prefix_tip = QCoreApplication.translate(
            "DialPanel", "Sent as the prefix before the digits; may be empty"
        )
        self.raw_prefix.setToolTip(prefix_tip)
        self.raw_prefix.setAccessibleDescription(prefix_tip)
        # wide enough for its placeholder at any font size (200% included), and no wider
        metrics = self.raw_prefix.fontMetrics()
        self.raw_prefix.setFixedWidth(
            max(
                110,
                metrics.horizontalAdvance(self.raw_prefix.placeholderText()) + 4 * metrics.averageCharWidth(),
            )
        )
        self.raw_prefix.setEnabled(False)
        self.raw_check.toggled.connect(self._on_raw_toggled)
        self.raw_prefix.textChanged.connect(self._update_preview)
        self.pad_toggle = QToolButton()
        self.pad_toggle.setObjectName("dialPadToggle")
        self.pad_toggle.setText(QCoreApplication.translate("DialPanel", "Dial pad"))
        self.pad_toggle.setCheckable(True)
        self.pad_toggle.setChecked(True)
        self.pad_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.pad_toggle.setAccessibleName(QCoreApplication.translate("DialPanel", "Show the dial pad"))
        self.pad_toggle.setAutoRaise(True)
        self.pad_toggle.toggled.connect(self._on_pad_toggled)
        raw_row = FlowLayout(spacing=6)  # wraps at large font sizes and in longer languages
        raw_row.addWidget(self.raw_check)
        raw_row.addWidget(self.raw_prefix)
        raw_row.addWidget(self.pad_toggle)

        self.pad = DialPad()
        self.pad.key_pressed.connect(self._type_key)
        self.pad.backspace_pressed.connect(self._backspace)

        self.caller_id_input = _choice_combo(
            "callerIdInput",
            QCoreApplication.translate("DialPanel", "Caller ID"),
            QCoreApplication.translate(
                "DialPanel", "The number the customer sees; empty uses the agent's default caller ID"
            ),
            QCoreApplication.translate("DialPanel", "Agent's default caller ID"),
            QCoreApplication.translate("DialPanel", "Caller ID (type an id or choose)"),
        )
        self.queue_input = _choice_combo(
            "queueInput",
            QCoreApplication.translate("DialPanel", "Queue"),
            QCoreApplication.translate("DialPanel", "The queue the call is placed for; may be empty"),
            QCoreApplication.translate("DialPanel", "No queue"),
            QCoreApplication.translate("DialPanel", "Queue (type an id or choose)"),
        )
        self.dial_plan_input = _choice_combo(
            "dialPlanInput",
            QCoreApplication.translate("DialPanel", "Dial plan"),
            QCoreApplication.translate(
                "DialPanel", "The dial plan that routes the call; empty uses the agent's"
            ),
            QCoreApplication.translate("DialPanel", "Agent's dial plan"),
            QCoreApplication.translate("DialPanel", "Dial plan (type an id or choose)"),
        )
        self.force_check = QCheckBox(
            QCoreApplication.translate("DialPanel", "Force call (even if on a call)")
        )
        self.force_check.setObjectName("forceCallCheck")
        self.force_check.setAccessibleName(QCoreApplication.translate("DialPanel", "Force call"))
        force_tip = QCoreApplication.translate(
            "DialPanel", "Use the agent's free line even if the agent is already on a call"
        )
        self.force_check.setToolTip(force_tip)
        self.force_check.setAccessibleDescription(force_tip)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.addRow(QCoreApplication.translate("DialPanel", "Caller &ID"), self.caller_id_input)
        self.form.addRow(QCoreApplication.translate("DialPanel", "&Queue"), self.queue_input)
        self.form.addRow(QCoreApplication.translate("DialPanel", "Dial &plan"), self.dial_plan_input)
        for field in (self.caller_id_input, self.queue_input, self.dial_plan_input):
            label_widget = self.form.labelForField(field)
            if isinstance(label_widget, QLabel):
                label_widget.setBuddy(field)

        ext_tip = QCoreApplication.translate(
            "DialPanel", "extTransactionData: name/value pairs attached to the call"
        )
        ctl_tip = QCoreApplication.translate(
            "DialPanel", "ctlUserData: name/value pairs for click-to-dial actions"
        )
        self.ext_table = DataTable(
            "extDataTable",
            QCoreApplication.translate("DialPanel", "Attached data: extTransactionData"),
            ext_tip,
        )
        self.ctl_table = DataTable(
            "ctlDataTable", QCoreApplication.translate("DialPanel", "Attached data: ctlUserData"), ctl_tip
        )
        self.data_tabs = QTabWidget()
        self.data_tabs.setObjectName("attachedDataTabs")
        self.data_tabs.setAccessibleName(QCoreApplication.translate("DialPanel", "Attached data"))
        self.data_tabs.setAccessibleDescription(
            QCoreApplication.translate("DialPanel", "Name/value pairs sent with the call")
        )
        self.data_tabs.tabBar().setAccessibleName(
            QCoreApplication.translate("DialPanel", "Attached data kind")
        )
        self.data_tabs.addTab(self.ext_table, QCoreApplication.translate("DialPanel", "Transaction data"))
        self.data_tabs.addTab(self.ctl_table, QCoreApplication.translate("DialPanel", "CTL user data"))
        self.data_tabs.setTabToolTip(0, ext_tip)
        self.data_tabs.setTabToolTip(1, ctl_tip)
        add_row = QToolButton()
        add_row.setText("+")
        add_row.setObjectName("addDataRowButton")
        add_row.setAccessibleName(QCoreApplication.translate("DialPanel", "Add a name/value row"))
        add_row.setAccessibleDescription(
            QCoreApplication.translate(
                "DialPanel", "Adds an empty row to the attached data shown, ready to type"
            )
        )
        add_row.setToolTip(QCoreApplication.translate("DialPanel", "Add a name/value row"))
        add_row.clicked.connect(lambda: self._current_table().add_row())
        remove_row = QToolButton()
        remove_row.setText("-")
        remove_row.setObjectName("removeDataRowButton")
        remove_row.setAccessibleName(QCoreApplication.translate("DialPanel", "Remove the selected rows"))
        remove_row.setAccessibleDescription(
            QCoreApplication.translate("DialPanel", "Removes the selected rows from the attached data shown")
        )
        remove_row.setToolTip(QCoreApplication.translate("DialPanel", "Remove the selected rows"))
        remove_row.clicked.connect(lambda: self._current_table().remove_selected())
        self.preset_input = QComboBox()
        self.preset_input.setObjectName("dataPresetInput")
        self.preset_input.setAccessibleName(QCoreApplication.translate("DialPanel", "Attached data preset"))
        preset_tip = QCoreApplication.translate("DialPanel", "Load a saved set of attached data")
        self.preset_input.setToolTip(preset_tip)
        self.preset_input.setAccessibleDescription(preset_tip)
        self.preset_input.activated.connect(self._load_preset)
        # its first entry, "Presets…" (longer in French), must show whole; names beyond are cut, not the panel
        _narrow_combo(self.preset_input, len(QCoreApplication.translate("DialPanel", "Presets…")) + 1)
        save_preset = QToolButton()
        save_preset.setText(QCoreApplication.translate("DialPanel", "Save…"))
        save_preset.setObjectName("savePresetButton")
        save_preset.setAccessibleName(
            QCoreApplication.translate("DialPanel", "Save attached data as a preset")
        )
        save_tip = QCoreApplication.translate("DialPanel", "Save these rows as a preset for this profile")
        save_preset.setToolTip(save_tip)
        save_preset.setAccessibleDescription(save_tip)
        save_preset.clicked.connect(self._save_preset)
        data_label = QLabel(QCoreApplication.translate("DialPanel", "Attached data"))
        data_label.setBuddy(self.data_tabs)
        data_bar = FlowLayout(spacing=6)  # wraps beside a CRM, at large font sizes and in longer languages
        data_bar.addWidget(data_label)
        data_bar.addWidget(self.preset_input)
        data_bar.addWidget(save_preset)
        data_bar.addWidget(add_row)
        data_bar.addWidget(remove_row)

        self.dial_button = QPushButton(
            icon("phone", "#ffffff"), QCoreApplication.translate("DialPanel", "Dial")
        )
        self.dial_button.setObjectName("dialButton")
        self.dial_button.setAccessibleName(QCoreApplication.translate("DialPanel", "Dial"))
        self.dial_button.setAccessibleDescription(
            QCoreApplication.translate(
                "DialPanel", "Places the call to the number in the field, with the choices below"
            )
        )
        self.dial_button.setToolTip(QCoreApplication.translate("DialPanel", "Place the call (Enter)"))
        self.dial_button.setStyleSheet(
            f"QPushButton#dialButton {{ background: {DIAL_COLOUR}; color: white; border-radius: 6px; "
            "font-size: 15px; font-weight: 600; padding: 8px 18px; }"
            "QPushButton#dialButton:disabled { background: #7a8594; color: #eeeeee; }"
            f"QPushButton#dialButton:hover {{ background: {DIAL_HOVER_COLOUR}; }}"
        )
        self.dial_button.clicked.connect(self.request_dial)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.number_input)
        layout.addWidget(self.preview_label)
        layout.addLayout(raw_row)
        pad_row = QHBoxLayout()
        pad_row.addStretch(1)
        pad_row.addWidget(self.pad)
        pad_row.addStretch(1)
        layout.addLayout(pad_row)
        layout.addLayout(self.form)
        layout.addWidget(self.force_check)
        layout.addLayout(data_bar)
        layout.addWidget(self.data_tabs, 1)
        layout.addWidget(self.dial_button)
        self.setTabOrder(self.number_input, self.raw_check)
        self._on_pad_toggled(True)
        self._fit_width(self.width())
        self._update_preview()

    # Profile lists

    def set_choices(self, caller_ids: list[Choice], queues: list[Choice], dial_plans: list[Choice]) -> None:
        for combo, choices in (
            (self.caller_id_input, caller_ids),
            (self.queue_input, queues),
            (self.dial_plan_input, dial_plans),
        ):
            combo.clear()
            combo.addItem("", None)
            for choice in choices:
                combo.addItem(choice.label, choice.value)
            combo.setCurrentIndex(0)

    def set_presets(self, presets: dict[str, dict[str, list[list[str]]]]) -> None:
        self._presets = dict(presets)
        self.preset_input.clear()
        self.preset_input.addItem(QCoreApplication.translate("DialPanel", "Presets…"))
        for name in sorted(self._presets):
            self.preset_input.addItem(name)
        self.preset_input.setEnabled(bool(self._presets))

    def set_region(self, region: str) -> None:
        self.region = region or "US"
        self._update_preview()

    # Layout

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(max(hint.width(), PREFERRED_WIDTH), hint.height())

    @property
    def pad_visible(self) -> bool:
        """Whether the dial pad is shown (the agent folds it away with the Dial pad button)."""
        return self.pad_toggle.isChecked()

    def set_pad_visible(self, visible: bool) -> None:
        """Show or fold away the dial pad (the window restores what the agent chose last)."""
        self.pad_toggle.setChecked(visible)

    def _on_pad_toggled(self, visible: bool) -> None:
        self.pad.setVisible(visible)
        self.pad_toggle.setArrowType(Qt.ArrowType.DownArrow if visible else Qt.ArrowType.RightArrow)
        if visible:
            self.pad_toggle.setToolTip(QCoreApplication.translate("DialPanel", "Hide the dial pad"))
            self.pad_toggle.setAccessibleDescription(
                QCoreApplication.translate("DialPanel", "The dial pad is shown")
            )
        else:
            self.pad_toggle.setToolTip(QCoreApplication.translate("DialPanel", "Show the dial pad"))
            self.pad_toggle.setAccessibleDescription(
                QCoreApplication.translate("DialPanel", "The dial pad is hidden")
            )
        self.pad_toggled.emit(visible)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_width(self.width())

    def _fit_width(self, width: int) -> None:
        """Narrow (compact mode): each label above its field, so the fields keep a usable width."""
        policy = (
            QFormLayout.RowWrapPolicy.WrapAllRows
            if width < NARROW_WIDTH
            else QFormLayout.RowWrapPolicy.DontWrapRows
        )
        if self.form.rowWrapPolicy() != policy:
            self.form.setRowWrapPolicy(policy)

    # Number field

    def set_number(self, text: str) -> None:
        """Put a number in the field (a link's, a redial's, or "" after a dial); the agent's typing is replaced."""
        self._typed = False
        self._own_grouping = False
        self.number_input.setText(text)
        self._reformat(text)
        self.number_input.setFocus()

    def holds_other_number(self, text: str) -> bool:
        """True when the agent has typed a number into the field that is not `text`: a link must not replace it
        without asking."""
        current = self.number_input.text()
        if not self._typed or not clean(current):
            return False
        return not self._same_number(current, text)

    def offer_number(self, text: str) -> bool:
        """Click-to-dial: put `text` in the field, unless the agent is typing a different number there; then
        nothing changes and False says the window should ask (then set_number)."""
        if self.holds_other_number(text):
            return False
        self.set_number(text)
        return True

    def offer_intent(self, intent: DialIntent) -> bool:
        """A click-to-dial link, as offer_number: applied unless the agent is typing a different number (False)."""
        if self.holds_other_number(intent.number):
            return False
        self.apply_intent(intent)
        return True

    def _same_number(self, first: str, second: str) -> bool:
        """The same number however it is written ("(617) 555-1984", "+16175551984", "1-617-555-1984")."""
        digits = [letters_to_digits(clean(text)) for text in (first, second)]
        if digits[0] == digits[1]:
            return True
        try:
            one, two = (split_number(text, self.region) for text in (first, second))
        except InvalidInput:
            return False
        return (one.prefix, one.number) == (two.prefix, two.number)

    def apply_intent(self, intent: DialIntent) -> None:
        """Fill the form from a click-to-dial link; fields the link does not carry are left as they are."""
        self.raw_check.setChecked(intent.prefix is not None)
        if intent.prefix is not None:
            self.raw_prefix.setText(intent.prefix)
        for combo, value in (
            (self.queue_input, intent.queue_id),
            (self.caller_id_input, intent.caller_id),
            (self.dial_plan_input, intent.dialplan_id),
        ):
            if value is not None:
                index = combo.findData(value)
                if index >= 0:
                    combo.setCurrentIndex(index)
                else:
                    combo.setEditText(value)
        if intent.force_call is not None:
            self.force_check.setChecked(intent.force_call)
        if intent.ext_data:
            self.ext_table.set_rows([[item.name, item.value] for item in intent.ext_data])
        if intent.ctl_data:
            self.ctl_table.set_rows([[item.name, item.value] for item in intent.ctl_data])
        self.set_number(intent.number)

    def _on_typed(self, text: str) -> None:
        self._typed = True
        if not clean(text):
            self._own_grouping = False
        elif _separators(text) > _separators(self._last_text):
            self._own_grouping = True  # a space, dash or bracket typed or pasted ("1-800-", "020 7946 ")
        self._reformat(text)

    def _reformat(self, text: str) -> None:
        """Group the digits as the region writes numbers (or keep the agent's own grouping); the cursor stays
        after the same digit."""
        if self.raw_check.isChecked() or self._own_grouping:
            shown = text
        else:  # the separators are ccdesk's own: regroup the bare digits (or show them bare: "1234")
            shown = format_as_you_type(_bare(text), self.region)
        if shown != text:
            before = _significant(text[: self.number_input.cursorPosition()])
            self.number_input.setText(shown)
            self.number_input.setCursorPosition(_position_after(shown, before))
        self._last_text = shown
        self._update_preview()

    def _type_key(self, char: str) -> None:
        self.number_input.insert(char)
        self._on_typed(self.number_input.text())
        self.number_input.setFocus()

    def _backspace(self) -> None:
        self.number_input.backspace()
        self._on_typed(self.number_input.text())
        self.number_input.setFocus()

    def _on_raw_toggled(self, raw: bool) -> None:
        self.raw_prefix.setEnabled(raw)
        self._reformat(self.number_input.text())

    def _dial_number(self) -> DialNumber:
        prefix = self.raw_prefix.text() if self.raw_check.isChecked() else None
        return split_number(self.number_input.text(), self.region, prefix)

    def warnings(self) -> tuple[str, ...]:
        """Why the number in the field is probably not what was meant (empty when it is fine or not diallable)."""
        try:
            return self._dial_number().warnings
        except InvalidInput:
            return ()

    def _update_preview(self) -> None:
        if not self.number_input.text().strip():
            self._valid = False
            self._show_preview(
                QCoreApplication.translate(
                    "DialPanel", "Type or paste a number (national numbers are read as {region})."
                ).format(region=self.region),
                "hint",
            )
        else:
            try:
                dial = self._dial_number()
            except InvalidInput as exc:
                self._valid = False
                self._show_preview(str(exc), "error")
            else:
                self._valid = True
                if dial.warnings:
                    sent = dial.sent[0].upper() + dial.sent[1:]
                    self._show_preview(f"{' '.join(dial.warnings)} {sent}.", "warning")
                else:
                    self._show_preview(dial.preview, "hint")
        self._refresh_dial_button()

    def _show_preview(self, text: str, tone: str) -> None:
        """The preview in its tone: hint (grey), warning (amber: ask before dialling) or error (red)."""
        set_role(self.preview_label, "error" if tone == "error" else "hint")
        if tone == "warning":
            palette = QPalette(self.preview_label.palette())
            amber = QColor("#e3a008" if is_dark() else "#a15c00")
            for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
                palette.setColor(group, QPalette.ColorRole.WindowText, amber)
            self.preview_label.setPalette(palette)
        self.preview_label.setProperty("tone", tone)
        self.preview_label.setText(text)

    # Attached data

    def _current_table(self) -> DataTable:
        return self.ctl_table if self.data_tabs.currentIndex() == 1 else self.ext_table

    def _load_preset(self, index: int) -> None:
        if index <= 0:
            return
        preset = self._presets.get(self.preset_input.itemText(index), {})
        self.ext_table.set_rows(preset.get("ext", []))
        self.ctl_table.set_rows(preset.get("ctl", []))
        self.preset_input.setCurrentIndex(0)

    def _save_preset(self) -> None:
        name, ok = QInputDialog.getText(
            self,
            QCoreApplication.translate("DialPanel", "Save preset"),
            QCoreApplication.translate("DialPanel", "Preset name:"),
        )
        name = name.strip()
        if not ok or not name:
            return
        self._presets[name] = {"ext": self.ext_table.rows(), "ctl": self.ctl_table.rows()}
        self.set_presets(self._presets)
        self.presets_changed.emit(dict(self._presets))

    # Dialling

    def set_in_flight(self, in_flight: bool) -> None:
        self._in_flight = in_flight
        self._refresh_dial_button()

    def _refresh_dial_button(self) -> None:
        self.dial_button.setText(
            QCoreApplication.translate("DialPanel", "Dialling…")
            if self._in_flight
            else QCoreApplication.translate("DialPanel", "Dial")
        )
        self.dial_button.setEnabled(self._valid and not self._in_flight)

    def build_request(self) -> DialRequest:
        """Everything on the form, validated; raises InvalidInput saying what to fix."""
        queue = combo_value(self.queue_input) or None
        plan = combo_value(self.dial_plan_input) or None
        return DialRequest(
            dial=self._dial_number(),
            caller_id=clean(combo_value(self.caller_id_input)).lstrip("+"),
            queue_id=queue,
            dialplan_id=plan,
            force_call=self.force_check.isChecked(),
            ext_data=self.ext_table.values(QCoreApplication.translate("DialPanel", "Transaction data")),
            ctl_data=self.ctl_table.values(QCoreApplication.translate("DialPanel", "CTL user data")),
        )

    def request_dial(self) -> None:
        """Dial button or Enter: ignored while a dial is in flight, so nothing is ever dialled twice. A request
        with warnings is still emitted: the window asks "Dial anyway?" (request.warnings)."""
        if self._in_flight:
            return
        try:
            request = self.build_request()
        except InvalidInput as exc:
            self._show_preview(str(exc), "error")
            return
        self.set_in_flight(True)
        self.dial_requested.emit(request)


def _significant(text: str) -> int:
    """How many characters of `text` are not separators (so a cursor can follow the digits, not the spaces)."""
    return sum(ch not in _SEPARATORS for ch in text)


def _separators(text: str) -> int:
    return len(text) - _significant(text)


def _bare(text: str) -> str:
    """`text` without its spaces, dashes, dots and brackets."""
    return "".join(ch for ch in text if ch not in _SEPARATORS)


def _position_after(text: str, significant: int) -> int:
    """The cursor position in `text` just after its `significant`-th non-separator character."""
    if significant <= 0:
        return 0
    seen = 0
    for index, ch in enumerate(text):
        if ch not in _SEPARATORS:
            seen += 1
            if seen == significant:
                return index + 1
    return len(text)
