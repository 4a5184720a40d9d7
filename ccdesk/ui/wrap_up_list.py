"""Calls in wrap-up: their leg is down, so they hold no line, but their post-processing is open.

Listed apart from the two lines (objectName `wrapUpList`), so a wrap-up never hides which call is on which line.
Each row shows the number, the interaction id, the codes by name, how long ago the call started, and its actions:
Codes… and End (with "Also end wrap-up"). Rows are kept per interaction id, so a tick in a row survives redraws.
"""

from __future__ import annotations

from ccdesk.core.codes import Catalog
from ccdesk.core.lines import Call
from ccdesk.ui.flow_layout import FlowLayout
from ccdesk.ui.icons import icon
from ccdesk.ui.line_panel import format_elapsed
from ccdesk.ui.plain import plain_tip
from ccdesk.ui.qt import (
    QCheckBox,
    QCoreApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ccdesk.ui.theme import set_role


class WrapUpRow(QFrame):
    """One call in wrap-up (objectName `wrapUp_<interaction id>`)."""

    def __init__(self, call: Call, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.interaction_id = call.interaction_id
        self.setObjectName(f"wrapUp_{call.interaction_id}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.number_label = QLabel()
        self.number_label.setObjectName("wrapUpNumberLabel")
        self.number_label.setTextFormat(Qt.TextFormat.PlainText)
        set_role(self.number_label, "heading")
        self.detail_label = QLabel()
        self.detail_label.setObjectName("wrapUpDetailLabel")
        self.detail_label.setTextFormat(Qt.TextFormat.PlainText)
        self.detail_label.setWordWrap(True)
        self.detail_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        set_role(self.detail_label, "mono-small")
        self.message_label = QLabel()
        self.message_label.setObjectName("wrapUpMessageLabel")
        self.message_label.setTextFormat(Qt.TextFormat.PlainText)
        self.message_label.setWordWrap(True)
        set_role(self.message_label, "error")
        self.timer_label = QLabel()
        self.timer_label.setObjectName("wrapUpTimerLabel")
        set_role(self.timer_label, "mono")
        self.codes_button = QPushButton(icon("codes"), QCoreApplication.translate("WrapUpRow", "Codes…"))
        self.codes_button.setObjectName("wrapUpCodesButton")
        self.codes_button.setAccessibleDescription(
            QCoreApplication.translate("WrapUpRow", "Opens the transaction codes of this call")
        )
        self.end_button = QPushButton(icon("end"), QCoreApplication.translate("WrapUpRow", "End"))
        self.end_button.setObjectName("wrapUpEndButton")
        self.end_button.setAccessibleDescription(
            QCoreApplication.translate(
                "WrapUpRow", "Ends the call; with Also end wrap-up ticked, its wrap-up ends too"
            )
        )
        self.end_post_check = QCheckBox(QCoreApplication.translate("WrapUpRow", "Also end wrap-up"))
        self.end_post_check.setObjectName("wrapUpEndPostProcessingCheck")
        tip = QCoreApplication.translate(
            "WrapUpRow",
            "End the wrap-up at once (8x8 calls it post-processing), even if a required code is missing",
        )
        self.end_post_check.setToolTip(tip)
        self.end_post_check.setAccessibleDescription(tip)

        top = QHBoxLayout()
        top.addWidget(self.number_label, 1)
        top.addWidget(self.timer_label)
        actions = FlowLayout(spacing=6)  # wraps in the compact window and in longer languages
        actions.addWidget(self.codes_button)
        actions.addWidget(self.end_post_check)
        actions.addWidget(self.end_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.detail_label)
        layout.addWidget(self.message_label)
        layout.addLayout(actions)
        self._call = call

    def show_call(self, call: Call, catalog: Catalog, busy: frozenset[str]) -> None:
        self._call = call
        self.number_label.setText(_heading(call))
        if call.codes:
            codes = QCoreApplication.translate("WrapUpRow", "Codes: {codes}").format(
                codes=", ".join(catalog.name_of(c) for c in call.codes)
            )
        else:
            codes = QCoreApplication.translate("WrapUpRow", "Codes: no codes yet")
        self.detail_label.setText(f"{call.interaction_id}\n{codes}")
        message = "\n".join(p for p in (call.error, call.advice, call.warning) if p)
        self.message_label.setText(message)
        self.message_label.setVisible(bool(message))
        said = QCoreApplication.translate("WrapUpRow", "8x8 said: {details}").format(details=call.details)
        self.message_label.setToolTip(plain_tip(said if call.details else ""))
        for button, action, text, busy_text in (
            (
                self.codes_button,
                "codes",
                QCoreApplication.translate("WrapUpRow", "Codes…"),
                QCoreApplication.translate("WrapUpRow", "Setting codes…"),
            ),
            (
                self.end_button,
                "end",
                QCoreApplication.translate("WrapUpRow", "End"),
                QCoreApplication.translate("WrapUpRow", "Ending…"),
            ),
        ):
            button.setEnabled(action not in busy)
            button.setText(busy_text if action in busy else text)
        label = call.display or call.interaction_id
        self.setAccessibleName(QCoreApplication.translate("WrapUpRow", "Wrap-up: {call}").format(call=label))
        self.setAccessibleDescription(_heading(call))
        self.codes_button.setAccessibleName(
            QCoreApplication.translate("WrapUpRow", "Transaction codes for {call} in wrap-up").format(
                call=label
            )
        )
        self.end_button.setAccessibleName(
            QCoreApplication.translate("WrapUpRow", "End {call}").format(call=label)
        )
        self.end_post_check.setAccessibleName(
            QCoreApplication.translate("WrapUpRow", "Also end wrap-up of {call} when ending it").format(
                call=label
            )
        )
        self.tick()

    def tick(self, now: float | None = None) -> None:
        elapsed = self._call.elapsed(now)
        self.timer_label.setText(format_elapsed(elapsed) if elapsed is not None else "")


def _heading(call: Call) -> str:
    """The row's heading: who, in wrap-up, and whether the call itself has ended."""
    if call.display and call.ended:
        text = QCoreApplication.translate("WrapUpList", "{who} · wrap-up · call ended")
    elif call.display:
        text = QCoreApplication.translate("WrapUpList", "{who} · wrap-up")
    elif call.ended:
        text = QCoreApplication.translate("WrapUpList", "A call ccdesk did not place · wrap-up · call ended")
    else:
        text = QCoreApplication.translate("WrapUpList", "A call ccdesk did not place · wrap-up")
    return text.format(who=call.display)


class WrapUpList(QWidget):
    """The wrap-up list under the lines; hidden while no call is in wrap-up."""

    codes_clicked = Signal(str)
    end_clicked = Signal(str, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("wrapUpList")
        self.setAccessibleName(QCoreApplication.translate("WrapUpList", "Calls in wrap-up"))
        self.setAccessibleDescription(
            QCoreApplication.translate(
                "WrapUpList",
                "Calls whose leg is down and whose wrap-up is open: set their codes and end them",
            )
        )
        self._rows: dict[str, WrapUpRow] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        caption = QLabel(
            QCoreApplication.translate("WrapUpList", "Wrap-up (calls whose leg is down: they hold no line)")
        )
        caption.setObjectName("wrapUpCaption")
        caption.setWordWrap(True)  # longer in French: it wraps in the compact window instead of widening it
        set_role(caption, "hint")
        layout.addWidget(caption)
        self._layout = layout
        self.hide()

    def show_calls(self, calls: list[Call], catalog: Catalog, busy: dict[str, frozenset[str]]) -> None:
        """Render the model's wrap-ups (busy: interaction id -> actions in flight)."""
        wanted = {c.interaction_id: c for c in calls if c.interaction_id}
        for iid in [i for i in self._rows if i not in wanted]:
            row = self._rows.pop(iid)
            self._layout.removeWidget(row)
            row.hide()  # gone from view at once; Qt deletes it when control returns to the event loop
            row.deleteLater()
        for iid, call in wanted.items():
            row = self._rows.get(iid) or self._add_row(call)
            row.show_call(call, catalog, busy.get(iid, frozenset()))
        self.setVisible(bool(self._rows))

    def _add_row(self, call: Call) -> WrapUpRow:
        iid = call.interaction_id
        row = WrapUpRow(call, self)
        row.codes_button.clicked.connect(lambda _=False: self.codes_clicked.emit(iid))
        row.end_button.clicked.connect(
            lambda _=False: self.end_clicked.emit(iid, row.end_post_check.isChecked())
        )
        self._rows[iid] = row
        self._layout.addWidget(row)
        row.show()  # a child added to a list already on screen stays hidden until shown
        return row

    def row(self, interaction_id: str) -> WrapUpRow | None:
        return self._rows.get(interaction_id)

    def interaction_ids(self) -> list[str]:
        return list(self._rows)

    def reset_end_checks(self) -> None:
        for row in self._rows.values():
            row.end_post_check.setChecked(False)

    def tick(self, now: float) -> None:
        for row in self._rows.values():
            row.tick(now)
