"""One line's panel: the call the agent's leg is on (or may be on), and the actions on it.

The panel only shows the model's call for its line and raises signals; the window decides what to send. Each
action's button is disabled only while its own request is in flight, so an agent can queue "End" behind "Set codes".
A call whose leg is down leaves the panel for the wrap-up list (ccdesk/ui/wrap_up_list.py).
"""

from __future__ import annotations

from ccdesk.core.codes import Catalog
from ccdesk.core.lines import Call, LineState
from ccdesk.ui.flow_layout import FlowLayout
from ccdesk.ui.icons import icon
from ccdesk.ui.plain import plain_labels, plain_tip
from ccdesk.ui.qt import (
    QApplication,
    QCheckBox,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    Qt,
    QToolButton,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ccdesk.ui.theme import badge_style, set_role, state_colour

_BUSY_TEXT = {
    "hang_up": "Hanging up…",
    "end": "Ending…",
    "codes": "Setting codes…",
    "free": "Freeing…",
    "check": "Checking…",
    "dismiss": "Dismiss",
}
#: states in which the line holds a call 8x8 knows by its interaction id
_ADDRESSABLE = (LineState.LIVE, LineState.FAILED, LineState.UNKNOWN)


def format_elapsed(seconds: float) -> str:
    seconds = int(seconds)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


class LinePanel(QGroupBox):
    """Line N (objectName linePanel_N) with the automation names of design.md inside."""

    hang_up_clicked = Signal(int)
    end_clicked = Signal(int, bool)
    codes_clicked = Signal(int)
    free_clicked = Signal(int)
    dismiss_clicked = Signal(int)
    check_clicked = Signal(int)

    def __init__(self, number: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.number = number
        self.setObjectName(f"linePanel_{number}")
        self.setAccessibleName(f"Line {number}")
        self._busy: set[str] = set()
        self._call = Call(number)

        title = QLabel(f"Line {number}")
        title.setObjectName("lineTitleLabel")
        set_role(title, "heading")
        title.setToolTip(
            "8x8 does not report which line a call is on. ccdesk follows its rule (a new call takes the lowest free "
            "line; hanging up, ending or freeing releases it) and corrects it from 8x8's answers. 'Free line' always "
            "acts on the platform's line."
        )
        self.state_label = QLabel()
        self.state_label.setObjectName("lineStateLabel")
        self.state_label.setAccessibleName(f"Line {number} state")
        self.state_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.state_label.setMinimumWidth(96)
        plain_labels(self.state_label)
        self.timer_label = QLabel()
        self.timer_label.setObjectName("lineTimerLabel")
        self.timer_label.setAccessibleName(f"Line {number} elapsed time")
        set_role(self.timer_label, "mono")
        header = QHBoxLayout()
        header.addWidget(title)
        header.addStretch(1)
        header.addWidget(self.timer_label)
        header.addWidget(self.state_label)

        self.number_label = QLabel()
        self.number_label.setObjectName("lineNumberLabel")
        self.number_label.setTextFormat(Qt.TextFormat.PlainText)
        set_role(self.number_label, "number")
        self.number_label.setAccessibleName(f"Line {number} number")
        self.number_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.interaction_label = QLabel()
        self.interaction_label.setObjectName("interactionIdLabel")
        self.interaction_label.setTextFormat(Qt.TextFormat.PlainText)
        self.interaction_label.setAccessibleName(f"Line {number} interaction id")
        set_role(self.interaction_label, "mono-small")
        self.interaction_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.interaction_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.copy_button = QToolButton()
        self.copy_button.setObjectName("copyInteractionButton")
        self.copy_button.setIcon(icon("copy"))
        self.copy_button.setToolTip("Copy the interaction id")
        self.copy_button.setAccessibleName(f"Copy line {number} interaction id")
        self.copy_button.setAutoRaise(True)
        self.copy_button.clicked.connect(self._copy_interaction)
        iid_row = QHBoxLayout()
        iid_row.addWidget(self.interaction_label, 1)
        iid_row.addWidget(self.copy_button)

        self.codes_label = QLabel()
        self.codes_label.setObjectName("lineCodesLabel")
        self.codes_label.setTextFormat(Qt.TextFormat.PlainText)
        self.codes_label.setAccessibleName(f"Line {number} transaction codes")
        self.codes_label.setWordWrap(True)
        self.error_label = QLabel()
        self.error_label.setObjectName("lineErrorLabel")
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label.setAccessibleName(f"Line {number} last error")
        set_role(self.error_label, "error")
        self.error_label.setWordWrap(True)
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.details_label = QLabel()
        self.details_label.setObjectName("lineErrorDetailsLabel")
        self.details_label.setTextFormat(Qt.TextFormat.PlainText)
        self.details_label.setAccessibleName(f"Line {number}: what 8x8 said")
        set_role(self.details_label, "hint")
        self.details_label.setWordWrap(True)
        self.details_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details_button = QToolButton()
        self.details_button.setObjectName("lineErrorDetailsButton")
        self.details_button.setText("Details")
        self.details_button.setCheckable(True)
        self.details_button.setAutoRaise(True)
        self.details_button.setAccessibleName(f"Line {number}: show what 8x8 said")
        self.details_button.toggled.connect(
            lambda on: self.details_label.setVisible(on and bool(self._call.details))
        )
        error_row = QHBoxLayout()
        error_row.addWidget(self.error_label, 1)
        error_row.addWidget(self.details_button, 0, Qt.AlignmentFlag.AlignTop)

        self.hang_up_button = self._button("hangUpButton", "Hang up", "hangup", "Hang up the agent's leg")
        self.end_button = self._button("endCallButton", "End call", "end", "End the call for everyone")
        self.end_post_check = QCheckBox("Also end wrap-up")
        self.end_post_check.setObjectName("endPostProcessingCheck")
        self.end_post_check.setAccessibleName(f"Line {number}: also end wrap-up when ending the call")
        self.end_post_check.setToolTip(
            "End the wrap-up at once (8x8 calls it post-processing), even if a required code is missing"
        )
        self.codes_button = self._button("transactionCodesButton", "Codes…", "codes", "Set transaction codes")
        self.check_button = self._button(
            "checkCallButton",
            "Check",
            "people",
            "Ask 8x8 what the agent is doing now, and what that means here",
        )
        self.dismiss_button = self._button(
            "dismissCallButton",
            "Dismiss",
            "forget",
            "You checked: this call was never placed. ccdesk stops showing it; nothing is sent to 8x8",
        )
        self.free_button = self._button(
            "freeLineButton",
            f"Free line {number}",
            "free",
            f"Free line {number} on the platform, whatever ccdesk believes is there",
        )
        self.hang_up_button.clicked.connect(lambda: self.hang_up_clicked.emit(self.number))
        self.end_button.clicked.connect(
            lambda: self.end_clicked.emit(self.number, self.end_post_check.isChecked())
        )
        self.codes_button.clicked.connect(lambda: self.codes_clicked.emit(self.number))
        self.free_button.clicked.connect(lambda: self.free_clicked.emit(self.number))
        self.dismiss_button.clicked.connect(lambda: self.dismiss_clicked.emit(self.number))
        self.check_button.clicked.connect(lambda: self.check_clicked.emit(self.number))

        # one row on a wide window; wrapped onto two in the compact one, never cut
        actions = FlowLayout(spacing=6)
        for widget in (
            self.hang_up_button,
            self.end_button,
            self.end_post_check,
            self.check_button,
            self.codes_button,
            self.dismiss_button,
            self.free_button,
        ):
            actions.addWidget(widget)

        rule = QFrame()
        rule.setFrameShape(QFrame.Shape.HLine)
        rule.setFrameShadow(QFrame.Shadow.Sunken)
        layout = QVBoxLayout(self)
        layout.setSpacing(6)
        layout.addLayout(header)
        layout.addWidget(self.number_label)
        layout.addLayout(iid_row)
        layout.addWidget(self.codes_label)
        layout.addLayout(error_row)
        layout.addWidget(self.details_label)
        layout.addStretch(1)
        layout.addWidget(rule)
        layout.addLayout(actions)
        self._buttons = {
            "hang_up": self.hang_up_button,
            "end": self.end_button,
            "codes": self.codes_button,
            "free": self.free_button,
            "check": self.check_button,
            "dismiss": self.dismiss_button,
        }
        self._texts = {name: button.text() for name, button in self._buttons.items()}
        self.show_call(self._call, Catalog())

    def _button(self, name: str, text: str, icon_name: str, tip: str) -> QPushButton:
        button = QPushButton(icon(icon_name), text)
        button.setObjectName(name)
        button.setAccessibleName(f"Line {self.number}: {text.rstrip('…')}")
        button.setToolTip(tip)
        return button

    @property
    def call(self) -> Call:
        return self._call

    def set_shortcut_hint(self, action: str, keys: str) -> None:
        """Show the action's keyboard shortcut in its tooltip."""
        button = self._buttons[action]
        base = button.toolTip().split(" (")[0]
        button.setToolTip(f"{base} ({keys})")

    def show_call(self, call: Call, catalog: Catalog, busy: frozenset[str] = frozenset()) -> None:
        """Render the model's call for this line; `busy` names the actions in flight for it."""
        self._call, self._busy = call, set(busy)
        colour = state_colour(call.state)
        self.state_label.setText(call.state.label)
        if self.state_label.property("badgeColour") != colour:  # re-polishing only when the colour changes
            self.state_label.setProperty("badgeColour", colour)
            self.state_label.setStyleSheet(f"QLabel {{ {badge_style(colour)} }}")
        self.number_label.setText(call.display or ("No call" if call.state is LineState.IDLE else ""))
        self.number_label.setEnabled(bool(call.display))
        self.interaction_label.setText(call.interaction_id or "")
        self.interaction_label.setToolTip(plain_tip(call.interaction_id))
        self.copy_button.setVisible(bool(call.interaction_id))
        if call.codes:
            self.codes_label.setText("Codes: " + ", ".join(catalog.name_of(c) for c in call.codes))
        else:
            self.codes_label.setText("")
        self.codes_label.setVisible(bool(call.codes))
        parts = [call.error, call.advice if call.advice not in call.error else "", call.warning]
        error = "\n".join(p for p in parts if p)
        self.error_label.setText(error)
        self.error_label.setVisible(bool(error))
        self.details_label.setText(f"8x8 said: {call.details}" if call.details else "")
        self.details_button.setVisible(bool(call.details))
        self.details_label.setVisible(bool(call.details) and self.details_button.isChecked())
        self.tick()
        self._refresh_buttons()

    def tick(self, now: float | None = None) -> None:
        elapsed = self._call.elapsed(now)
        self.timer_label.setText(format_elapsed(elapsed) if elapsed is not None else "")

    def _refresh_buttons(self) -> None:
        call = self._call
        has_call = bool(call.interaction_id) and call.state in _ADDRESSABLE
        unknown = call.state is LineState.UNKNOWN
        allowed = {
            "hang_up": has_call and call.state is LineState.LIVE,
            "end": has_call,
            "codes": has_call,
            "free": True,
            "check": unknown,
            "dismiss": unknown,
        }
        for name, button in self._buttons.items():
            busy = name in self._busy
            button.setEnabled(allowed[name] and not busy)
            button.setText(_BUSY_TEXT[name] if busy else self._texts[name])
        for name in ("check", "dismiss"):
            self._buttons[name].setVisible(unknown)
        self.end_post_check.setEnabled(has_call)

    def _copy_interaction(self) -> None:
        if self._call.interaction_id:
            QApplication.clipboard().setText(self._call.interaction_id)
