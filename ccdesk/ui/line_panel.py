"""One line's panel: its state at a glance, and the actions on it.

The panel only shows state and raises signals; the window decides what to send. Each action's button is
disabled only while its own request is in flight, so an agent can queue "End" behind "Set codes".
"""

from __future__ import annotations

from ccdesk.core.codes import Catalog
from ccdesk.core.lines import Line, LineState
from ccdesk.ui.icons import icon
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
    "forget": "Forget",
}
#: states in which the line holds a call the platform knows by its interaction id
_ADDRESSABLE = (LineState.LIVE, LineState.WRAP_UP, LineState.FAILED, LineState.UNKNOWN)


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
    forget_clicked = Signal(int)

    def __init__(self, number: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.number = number
        self.setObjectName(f"linePanel_{number}")
        self.setAccessibleName(f"Line {number}")
        self._busy: set[str] = set()
        self._line = Line(number)

        title = QLabel(f"Line {number}")
        title.setObjectName("lineTitleLabel")
        set_role(title, "heading")
        title.setToolTip(
            "Which line a call sits on is ccdesk's own tracking: 8x8 uses the agent's first free line and "
            "does not report it. 'Free line' always acts on the platform's line."
        )
        self.state_label = QLabel()
        self.state_label.setObjectName("lineStateLabel")
        self.state_label.setAccessibleName(f"Line {number} state")
        self.state_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.state_label.setMinimumWidth(96)
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
        set_role(self.number_label, "number")
        self.number_label.setAccessibleName(f"Line {number} number")
        self.number_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.interaction_label = QLabel()
        self.interaction_label.setObjectName("interactionIdLabel")
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
        self.codes_label.setAccessibleName(f"Line {number} transaction codes")
        self.codes_label.setWordWrap(True)
        self.error_label = QLabel()
        self.error_label.setObjectName("lineErrorLabel")
        self.error_label.setAccessibleName(f"Line {number} last error")
        set_role(self.error_label, "error")
        self.error_label.setWordWrap(True)
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.hang_up_button = self._button("hangUpButton", "Hang up", "hangup", "Hang up the agent's leg")
        self.end_button = self._button("endCallButton", "End call", "end", "End the call for everyone")
        self.end_post_check = QCheckBox("Also end wrap-up")
        self.end_post_check.setObjectName("endPostProcessingCheck")
        self.end_post_check.setAccessibleName(f"Line {number}: also end post-processing when ending the call")
        self.end_post_check.setToolTip(
            "End post-processing (wrap-up) at once, even if a required code is missing"
        )
        self.codes_button = self._button("transactionCodesButton", "Codes…", "codes", "Set transaction codes")
        self.free_button = self._button(
            "freeLineButton",
            f"Free line {number}",
            "free",
            f"Free line {number} on the platform, whatever ccdesk believes is there",
        )
        self.forget_button = self._button(
            "forgetCallButton",
            "Forget",
            "forget",
            "You checked: this call was never placed. ccdesk stops showing it; nothing is sent to 8x8",
        )
        self.hang_up_button.clicked.connect(lambda: self.hang_up_clicked.emit(self.number))
        self.end_button.clicked.connect(
            lambda: self.end_clicked.emit(self.number, self.end_post_check.isChecked())
        )
        self.codes_button.clicked.connect(lambda: self.codes_clicked.emit(self.number))
        self.free_button.clicked.connect(lambda: self.free_clicked.emit(self.number))
        self.forget_button.clicked.connect(lambda: self.forget_clicked.emit(self.number))

        actions = QHBoxLayout()
        actions.addWidget(self.hang_up_button)
        actions.addWidget(self.end_button)
        actions.addWidget(self.end_post_check)
        actions.addStretch(1)
        actions.addWidget(self.codes_button)
        actions.addWidget(self.forget_button)
        actions.addWidget(self.free_button)

        rule = QFrame()
        rule.setFrameShape(QFrame.Shape.HLine)
        rule.setFrameShadow(QFrame.Shadow.Sunken)
        layout = QVBoxLayout(self)
        layout.setSpacing(6)
        layout.addLayout(header)
        layout.addWidget(self.number_label)
        layout.addLayout(iid_row)
        layout.addWidget(self.codes_label)
        layout.addWidget(self.error_label)
        layout.addStretch(1)
        layout.addWidget(rule)
        layout.addLayout(actions)
        self._buttons = {
            "hang_up": self.hang_up_button,
            "end": self.end_button,
            "codes": self.codes_button,
            "free": self.free_button,
            "forget": self.forget_button,
        }
        self._texts = {name: button.text() for name, button in self._buttons.items()}
        self.show_line(self._line, Catalog())

    def _button(self, name: str, text: str, icon_name: str, tip: str) -> QPushButton:
        button = QPushButton(icon(icon_name), text)
        button.setObjectName(name)
        button.setAccessibleName(f"Line {self.number}: {text.rstrip('…')}")
        button.setToolTip(tip)
        return button

    @property
    def line(self) -> Line:
        return self._line

    def set_shortcut_hint(self, action: str, keys: str) -> None:
        """Show the action's keyboard shortcut in its tooltip."""
        button = self._buttons[action]
        base = button.toolTip().split(" (")[0]
        button.setToolTip(f"{base} ({keys})")

    def set_busy(self, action: str, busy: bool) -> None:
        if busy:
            self._busy.add(action)
        else:
            self._busy.discard(action)
        self._refresh_buttons()

    def clear_busy(self) -> None:
        """A new session: nothing of the old one is in flight as far as this panel is concerned."""
        self._busy.clear()
        self._refresh_buttons()

    def show_line(self, line: Line, catalog: Catalog) -> None:
        self._line = line
        colour = state_colour(line.state)
        self.state_label.setText(line.state.label)
        if self.state_label.property("badgeColour") != colour:  # re-polishing only when the colour changes
            self.state_label.setProperty("badgeColour", colour)
            self.state_label.setStyleSheet(f"QLabel {{ {badge_style(colour)} }}")
        self.number_label.setText(line.display or ("No call" if line.state is LineState.IDLE else ""))
        self.number_label.setEnabled(bool(line.display))
        self.interaction_label.setText(line.interaction_id or "")
        self.interaction_label.setToolTip(line.interaction_id)
        self.copy_button.setVisible(bool(line.interaction_id))
        if line.codes:
            self.codes_label.setText("Codes: " + ", ".join(catalog.name_of(c) for c in line.codes))
        else:
            self.codes_label.setText("")
        self.codes_label.setVisible(bool(line.codes))
        parts = [line.error, line.advice if line.advice not in line.error else "", line.warning]
        error = "\n".join(p for p in parts if p)
        self.error_label.setText(error)
        self.error_label.setVisible(bool(error))
        self.tick()
        self._refresh_buttons()

    def tick(self, now: float | None = None) -> None:
        elapsed = self._line.elapsed(now)
        self.timer_label.setText(format_elapsed(elapsed) if elapsed is not None else "")

    def _refresh_buttons(self) -> None:
        line = self._line
        has_call = bool(line.interaction_id) and line.state in _ADDRESSABLE
        allowed = {
            "hang_up": has_call and line.state is LineState.LIVE,
            "end": has_call,
            "codes": has_call,
            "free": True,
            "forget": line.state is LineState.UNKNOWN,
        }
        for name, button in self._buttons.items():
            busy = name in self._busy
            button.setEnabled(allowed[name] and not busy)
            button.setText(_BUSY_TEXT[name] if busy else self._texts[name])
        self.forget_button.setVisible(line.state is LineState.UNKNOWN)
        self.end_post_check.setEnabled(has_call)

    def _copy_interaction(self) -> None:
        if self._line.interaction_id:
            QApplication.clipboard().setText(self._line.interaction_id)
