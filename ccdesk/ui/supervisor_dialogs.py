"""The supervisor's small questions: which interaction to hang up or end, and which status to set.

Each dialog only builds an Operation or a StatusChange; the window confirms, sends and audits it, so the dialogs
never talk to the platform.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ccdesk.api.errors import InvalidInput
from ccdesk.api.models import AgentState, StatusChange, StatusCode
from ccdesk.core.journal import CallRecord
from ccdesk.core.operations import Action, Operation
from ccdesk.ui.agent_states import state_words
from ccdesk.ui.plain import plain_labels
from ccdesk.ui.qt import (
    QCheckBox,
    QComboBox,
    QCoreApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    Qt,
    QVBoxLayout,
    QWidget,
)
from ccdesk.ui.theme import set_role

#: the statuses a supervisor can set, in the order offered
STATUS_CHOICES = (
    AgentState.WAIT_TRANSACT,
    AgentState.ON_BREAK,
    AgentState.WORK_OFFLINE,
    AgentState.LOGGED_OUT,
)


class InteractionDialog(QDialog):
    """Pick a call ccdesk knows for the agent, or paste its interaction id, and how to finish it."""

    def __init__(
        self, agent_id: str, agent_name: str, calls: Sequence[CallRecord], parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("interactionDialog")
        title = QCoreApplication.translate("InteractionDialog", "Hang up or end a call of {agent}").format(
            agent=agent_name or agent_id
        )
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setAccessibleDescription(
            QCoreApplication.translate(
                "InteractionDialog",
                "Pick a known call or paste an interaction id, choose hang up or end, then OK; a question follows",
            )
        )
        self._agent_id = agent_id
        layout = QVBoxLayout(self)
        known = QLabel(
            QCoreApplication.translate("InteractionDialog", "Calls ccdesk knows for this agent:")
            if calls
            else QCoreApplication.translate(
                "InteractionDialog",
                "ccdesk knows no open call for this agent; paste its interaction id below.",
            )
        )
        known.setWordWrap(True)
        set_role(known, "hint")
        layout.addWidget(known)
        self.calls_list = QListWidget()
        self.calls_list.setObjectName("interactionList")
        self.calls_list.setAccessibleName(QCoreApplication.translate("InteractionDialog", "Known calls"))
        self.calls_list.setAccessibleDescription(
            QCoreApplication.translate(
                "InteractionDialog", "Choosing a call puts its interaction id in the field below"
            )
        )
        known.setBuddy(self.calls_list)
        for call in calls:
            if not call.interaction_id:
                continue
            item = QListWidgetItem(self._call_text(call))
            item.setData(Qt.ItemDataRole.UserRole, call.interaction_id)
            self.calls_list.addItem(item)
        self.calls_list.setVisible(self.calls_list.count() > 0)
        self.calls_list.currentItemChanged.connect(self._picked)
        layout.addWidget(self.calls_list)
        form = QFormLayout()
        self.id_input = QLineEdit()
        self.id_input.setObjectName("interactionIdInput")
        self.id_input.setAccessibleName(QCoreApplication.translate("InteractionDialog", "Interaction id"))
        self.id_input.setAccessibleDescription(
            QCoreApplication.translate(
                "InteractionDialog", "The interaction id of the call to hang up or end"
            )
        )
        self.id_input.setPlaceholderText("int-…")  # not translated: the form of 8x8's interaction ids
        self.id_input.textChanged.connect(self._update)
        form.addRow(QCoreApplication.translate("InteractionDialog", "&Interaction id"), self.id_input)
        layout.addLayout(form)
        self.hang_up_radio = QRadioButton(
            QCoreApplication.translate(
                "InteractionDialog", "Hang up the agent's leg (the call goes to wrap-up)"
            )
        )
        self.hang_up_radio.setObjectName("hangUpRadio")
        self.hang_up_radio.setAccessibleDescription(
            QCoreApplication.translate("InteractionDialog", "The agent leaves the call and goes to wrap-up")
        )
        self.hang_up_radio.setChecked(True)
        self.end_radio = QRadioButton(QCoreApplication.translate("InteractionDialog", "End the call"))
        self.end_radio.setObjectName("endRadio")
        self.end_radio.setAccessibleDescription(
            QCoreApplication.translate("InteractionDialog", "The whole call ends, for the caller too")
        )
        self.end_post_processing = QCheckBox(
            QCoreApplication.translate("InteractionDialog", "Also end wrap-up")
        )
        self.end_post_processing.setObjectName("endPostProcessingCheck")
        self.end_post_processing.setAccessibleDescription(
            QCoreApplication.translate(
                "InteractionDialog", "With End the call: the agent's wrap-up ends as well"
            )
        )
        self.end_radio.toggled.connect(self.end_post_processing.setEnabled)
        self.end_post_processing.setEnabled(False)
        for widget in (self.hang_up_radio, self.end_radio, self.end_post_processing):
            layout.addWidget(widget)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        if self.calls_list.count():
            self.calls_list.setCurrentRow(0)
        self._update()

    @staticmethod
    def _call_text(call: CallRecord) -> str:
        """A known call: who, on which line, where it stands, and its interaction id on a line of its own."""
        values = {
            "caller": call.display or call.number,
            "line": call.line,
            "state": call.state.value,
            "interaction": call.interaction_id,
        }
        if call.line:
            return QCoreApplication.translate(
                "InteractionDialog", "{caller} — line {line}, {state}\n{interaction}"
            ).format(**values)
        return QCoreApplication.translate("InteractionDialog", "{caller} — {state}\n{interaction}").format(
            **values
        )

    def _picked(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.id_input.setText(str(item.data(Qt.ItemDataRole.UserRole)))

    def _update(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.id_input.text().strip()))

    def operation(self) -> Operation:
        interaction_id = self.id_input.text().strip()
        if self.end_radio.isChecked():
            return Operation(
                Action.END_CALL,
                self._agent_id,
                interaction_id=interaction_id,
                end_post_processing=self.end_post_processing.isChecked(),
            )
        return Operation(Action.HANG_UP, self._agent_id, interaction_id=interaction_id)


class StatusDialog(QDialog):
    """Choose a settable status and a status code: one offered for that status, or typed as LIST:ITEM:SHORT.

    `codes_for(status)` gives the codes to offer (the profile's and those seen in the roster with the status);
    the list follows the chosen status.
    """

    def __init__(
        self, title: str, codes_for: Callable[[int], Sequence[StatusCode]], parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("setStatusDialog")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setAccessibleDescription(
            QCoreApplication.translate(
                "StatusDialog", "Choose a status and, if you want, a status code, then OK; a question follows"
            )
        )
        self._codes_for = codes_for
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.status_combo = QComboBox()
        self.status_combo.setObjectName("statusChoice")
        self.status_combo.setAccessibleName(QCoreApplication.translate("StatusDialog", "Status to set"))
        self.status_combo.setAccessibleDescription(
            QCoreApplication.translate("StatusDialog", "The status codes offered below follow this choice")
        )
        for state in STATUS_CHOICES:
            self.status_combo.addItem(state_words(state), int(state))
        form.addRow(QCoreApplication.translate("StatusDialog", "&Status"), self.status_combo)
        self.code_combo = QComboBox()
        self.code_combo.setObjectName("statusCodeInput")
        self.code_combo.setAccessibleName(QCoreApplication.translate("StatusDialog", "Status code"))
        self.code_combo.setAccessibleDescription(
            QCoreApplication.translate(
                "StatusDialog",
                "Pick a status code, or type one as LIST:ITEM:SHORT, for example 801:1725:Lunch",
            )
        )
        self.code_combo.setEditable(True)
        self.code_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        form.addRow(QCoreApplication.translate("StatusDialog", "Status &code"), self.code_combo)
        self.status_combo.currentIndexChanged.connect(lambda _i: self._offer_codes())
        self._offer_codes()
        layout.addLayout(form)
        hint = QLabel(
            QCoreApplication.translate(
                "StatusDialog",
                "The profile's status codes and those seen in the roster with this status are listed; type "
                "another as LIST:ITEM:SHORT, e.g. 801:1725:Lunch (the short code is required with a code).",
            )
        )
        hint.setWordWrap(True)
        set_role(hint, "hint")
        layout.addWidget(hint)
        self.error_label = QLabel()
        self.error_label.setObjectName("statusDialogError")
        self.error_label.setAccessibleName(
            QCoreApplication.translate("StatusDialog", "Problem with the status code")
        )
        self.error_label.setWordWrap(True)
        set_role(self.error_label, "error")
        plain_labels(self.error_label)
        self.error_label.hide()
        layout.addWidget(self.error_label)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._change: StatusChange | None = None

    def _offer_codes(self) -> None:
        """The codes for the chosen status, each shown as LIST:ITEM:SHORT and its name."""
        self.code_combo.clear()
        self.code_combo.addItem(QCoreApplication.translate("StatusDialog", "(no status code)"))
        for code in self._codes_for(int(self.status_combo.currentData())):
            name = f"  ({code.name})" if code.name and code.name != code.short_code else ""
            self.code_combo.addItem(f"{code.list_id}:{code.item_id}:{code.short_code}{name}", code)

    def accept(self) -> None:
        """Refuse a code that does not parse here, before anything is confirmed or sent."""
        try:
            self._change = self._parse()
        except InvalidInput as exc:
            self.error_label.setText(exc.message)
            self.error_label.show()
            return
        super().accept()

    def _parse(self) -> StatusChange:
        status = int(self.status_combo.currentData())
        text = self.code_combo.currentText().strip()
        index = self.code_combo.findText(text)
        if not text or index == 0:  # the first item is "(no status code)"
            return StatusChange(status)
        offered = self.code_combo.itemData(index) if index > 0 else None
        if isinstance(offered, StatusCode):
            return offered.change(status)
        return StatusChange.parse_code(status, text)

    def change(self) -> StatusChange:
        assert self._change is not None, "change() is read after the dialog was accepted"
        return self._change
