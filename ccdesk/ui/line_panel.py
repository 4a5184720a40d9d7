"""One line's panel: the call the agent's leg is on (or may be on), and the actions on it.

The panel only shows the model's call for its line and raises signals; the window decides what to send. Each
action's button is disabled only while its own request is in flight, so an agent can queue "End" behind "Set codes".
A call whose leg is down leaves the panel for the wrap-up list (ccdesk/ui/wrap_up_list.py).

A screen reader hears what happens on a line: each change of state (dialling, on a call, failed, free again) is
said in words through the panel's accessible name and an announcement, naming the action in flight that caused it
(hung up, ended, freed). The state badge says the state in text; its colour only repeats it.
"""

from __future__ import annotations

from ccdesk.core.codes import Catalog
from ccdesk.core.lines import Call, LineState
from ccdesk.ui.flow_layout import FlowLayout
from ccdesk.ui.icons import icon
from ccdesk.ui.plain import plain_labels, plain_tip
from ccdesk.ui.qt import (
    QAccessible,
    QAccessibleEvent,
    QApplication,
    QCheckBox,
    QCoreApplication,
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
from ccdesk.ui.wrap_label import WrapAnywhereLabel

#: states in which the line holds a call 8x8 knows by its interaction id
_ADDRESSABLE = (LineState.LIVE, LineState.FAILED, LineState.UNKNOWN)
#: the requests whose answer can take a call off the line: the panel names the one that did
_LEAVING = ("hang_up", "end", "free")


def format_elapsed(seconds: float) -> str:
    seconds = int(seconds)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


def state_badge(state: LineState) -> str:
    """The state badge's words (the colour only repeats them)."""
    if state is LineState.IDLE:
        return QCoreApplication.translate("LinePanel", "Idle")
    if state is LineState.DIALING:
        return QCoreApplication.translate("LinePanel", "Dialling…")
    if state is LineState.LIVE:
        return QCoreApplication.translate("LinePanel", "On a call")
    if state is LineState.WRAP_UP:
        return QCoreApplication.translate("LinePanel", "Wrap-up")
    if state is LineState.FAILED:
        return QCoreApplication.translate("LinePanel", "Failed")
    return QCoreApplication.translate("LinePanel", "Unknown: may be live")


def _busy_text(action: str) -> str:
    """What a button says while its request is in flight."""
    if action == "hang_up":
        return QCoreApplication.translate("LinePanel", "Hanging up…")
    if action == "end":
        return QCoreApplication.translate("LinePanel", "Ending…")
    if action == "codes":
        return QCoreApplication.translate("LinePanel", "Setting codes…")
    if action == "free":
        return QCoreApplication.translate("LinePanel", "Freeing…")
    if action == "check":
        return QCoreApplication.translate("LinePanel", "Checking…")
    return QCoreApplication.translate("LinePanel", "Dismiss")


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
        self._busy: set[str] = set()
        self._call = Call(number)
        #: requests seen in flight for the call shown (action -> interaction id, "" for a line's own request)
        self._sent: dict[str, str] = {}
        #: whether End was sent with its wrap-up ended too (read when the call leaves the line)
        self._end_post = False

        title = QLabel(QCoreApplication.translate("LinePanel", "Line {line}").format(line=number))
        title.setObjectName("lineTitleLabel")
        set_role(title, "heading")
        title.setToolTip(
            QCoreApplication.translate(
                "LinePanel",
                "8x8 does not report which line a call is on. ccdesk follows its rule (a new call takes the lowest "
                "free line; hanging up, ending or freeing releases it) and corrects it from 8x8's answers. 'Free "
                "line' always acts on the platform's line.",
            )
        )
        self.state_label = QLabel()
        self.state_label.setObjectName("lineStateLabel")
        self.state_label.setAccessibleName(
            QCoreApplication.translate("LinePanel", "Line {line} state").format(line=number)
        )
        self.state_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.state_label.setMinimumWidth(96)
        plain_labels(self.state_label)
        self.timer_label = QLabel()
        self.timer_label.setObjectName("lineTimerLabel")
        self.timer_label.setAccessibleName(
            QCoreApplication.translate("LinePanel", "Line {line} elapsed time").format(line=number)
        )
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
        self.number_label.setAccessibleName(
            QCoreApplication.translate("LinePanel", "Line {line} number").format(line=number)
        )
        self.number_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.interaction_label = (
            WrapAnywhereLabel()
        )  # a long id wraps instead of being cut (200% text, compact)
        self.interaction_label.setObjectName("interactionIdLabel")
        self.interaction_label.setAccessibleName(
            QCoreApplication.translate("LinePanel", "Line {line} interaction id").format(line=number)
        )
        set_role(self.interaction_label, "mono-small")
        self.interaction_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.copy_button = QToolButton()
        self.copy_button.setObjectName("copyInteractionButton")
        self.copy_button.setIcon(icon("copy"))
        self.copy_button.setToolTip(QCoreApplication.translate("LinePanel", "Copy the interaction id"))
        self.copy_button.setAccessibleName(
            QCoreApplication.translate("LinePanel", "Copy line {line} interaction id").format(line=number)
        )
        self.copy_button.setAccessibleDescription(
            QCoreApplication.translate("LinePanel", "Puts the call's interaction id on the clipboard")
        )
        self.copy_button.setAutoRaise(True)
        self.copy_button.clicked.connect(self._copy_interaction)
        iid_row = QHBoxLayout()
        iid_row.addWidget(self.interaction_label, 1)
        iid_row.addWidget(self.copy_button)

        self.codes_label = QLabel()
        self.codes_label.setObjectName("lineCodesLabel")
        self.codes_label.setTextFormat(Qt.TextFormat.PlainText)
        self.codes_label.setAccessibleName(
            QCoreApplication.translate("LinePanel", "Line {line} transaction codes").format(line=number)
        )
        self.codes_label.setWordWrap(True)
        self.error_label = QLabel()
        self.error_label.setObjectName("lineErrorLabel")
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label.setAccessibleName(
            QCoreApplication.translate("LinePanel", "Line {line} last error").format(line=number)
        )
        set_role(self.error_label, "error")
        self.error_label.setWordWrap(True)
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.details_label = QLabel()
        self.details_label.setObjectName("lineErrorDetailsLabel")
        self.details_label.setTextFormat(Qt.TextFormat.PlainText)
        self.details_label.setAccessibleName(
            QCoreApplication.translate("LinePanel", "Line {line}: what 8x8 said").format(line=number)
        )
        set_role(self.details_label, "hint")
        self.details_label.setWordWrap(True)
        self.details_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details_button = QToolButton()
        self.details_button.setObjectName("lineErrorDetailsButton")
        self.details_button.setText(QCoreApplication.translate("LinePanel", "Details"))
        self.details_button.setCheckable(True)
        self.details_button.setAutoRaise(True)
        self.details_button.setAccessibleName(
            QCoreApplication.translate("LinePanel", "Line {line}: show what 8x8 said").format(line=number)
        )
        self.details_button.setAccessibleDescription(
            QCoreApplication.translate("LinePanel", "Shows or hides 8x8's own words about the error")
        )
        self.details_button.toggled.connect(
            lambda on: self.details_label.setVisible(on and bool(self._call.details))
        )
        error_row = QHBoxLayout()
        error_row.addWidget(self.error_label, 1)
        error_row.addWidget(self.details_button, 0, Qt.AlignmentFlag.AlignTop)

        self.hang_up_button = self._button(
            "hangUpButton",
            QCoreApplication.translate("LinePanel", "Hang up"),
            "hangup",
            QCoreApplication.translate("LinePanel", "Hang up the agent's leg"),
            QCoreApplication.translate("LinePanel", "Hang up line {line}").format(line=number),
            QCoreApplication.translate(
                "LinePanel", "Hangs up the agent's leg of the call on line {line}; the call goes to wrap-up"
            ).format(line=number),
        )
        self.end_button = self._button(
            "endCallButton",
            QCoreApplication.translate("LinePanel", "End call"),
            "end",
            QCoreApplication.translate("LinePanel", "End the call for everyone"),
            QCoreApplication.translate("LinePanel", "End call on line {line}").format(line=number),
            QCoreApplication.translate("LinePanel", "Ends the call on line {line} for everyone").format(
                line=number
            ),
        )
        self.end_post_check = QCheckBox(QCoreApplication.translate("LinePanel", "Also end wrap-up"))
        self.end_post_check.setObjectName("endPostProcessingCheck")
        self.end_post_check.setAccessibleName(
            QCoreApplication.translate(
                "LinePanel", "Line {line}: also end wrap-up when ending the call"
            ).format(line=number)
        )
        tip = QCoreApplication.translate(
            "LinePanel",
            "End the wrap-up at once (8x8 calls it post-processing), even if a required code is missing",
        )
        self.end_post_check.setToolTip(tip)
        self.end_post_check.setAccessibleDescription(tip)
        self.codes_button = self._button(
            "transactionCodesButton",
            QCoreApplication.translate("LinePanel", "Codes…"),
            "codes",
            QCoreApplication.translate("LinePanel", "Set transaction codes"),
            QCoreApplication.translate("LinePanel", "Transaction codes for line {line}").format(line=number),
            QCoreApplication.translate(
                "LinePanel", "Opens the transaction codes of the call on line {line}"
            ).format(line=number),
        )
        self.check_button = self._button(
            "checkCallButton",
            QCoreApplication.translate("LinePanel", "Check"),
            "people",
            QCoreApplication.translate(
                "LinePanel", "Ask 8x8 what the agent is doing now, and what that means here"
            ),
            QCoreApplication.translate("LinePanel", "Check line {line} with 8x8").format(line=number),
            QCoreApplication.translate(
                "LinePanel",
                "Asks 8x8 what the agent is doing now, to tell whether the call on line {line} is live",
            ).format(line=number),
        )
        self.dismiss_button = self._button(
            "dismissCallButton",
            QCoreApplication.translate("LinePanel", "Dismiss"),
            "forget",
            QCoreApplication.translate(
                "LinePanel",
                "You checked: this call was never placed. ccdesk stops showing it; nothing is sent to 8x8",
            ),
            QCoreApplication.translate("LinePanel", "Dismiss the call on line {line}").format(line=number),
            QCoreApplication.translate(
                "LinePanel",
                "For a call you checked was never placed: ccdesk stops showing it; nothing is sent to 8x8",
            ),
        )
        self.free_button = self._button(
            "freeLineButton",
            QCoreApplication.translate("LinePanel", "Free line {line}").format(line=number),
            "free",
            QCoreApplication.translate(
                "LinePanel", "Free line {line} on the platform, whatever ccdesk believes is there"
            ).format(line=number),
            QCoreApplication.translate("LinePanel", "Free line {line}").format(line=number),
            QCoreApplication.translate(
                "LinePanel", "Frees line {line} on the platform, whatever ccdesk believes is there"
            ).format(line=number),
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
        self._tips = {name: button.toolTip() for name, button in self._buttons.items()}
        self.show_call(self._call, Catalog())
        self.setAccessibleName(self.state_words(self._call))
        self.setAccessibleDescription(
            QCoreApplication.translate("LinePanel", "The call on line {line} and the actions on it").format(
                line=number
            )
        )

    def _button(
        self, name: str, text: str, icon_name: str, tip: str, accessible: str, description: str
    ) -> QPushButton:
        button = QPushButton(icon(icon_name), text)
        button.setObjectName(name)
        button.setAccessibleName(accessible)
        button.setAccessibleDescription(description)
        button.setToolTip(tip)
        return button

    @property
    def call(self) -> Call:
        return self._call

    def set_shortcut_hint(self, action: str, keys: str) -> None:
        """Show the action's keyboard shortcut in its tooltip."""
        self._buttons[action].setToolTip(f"{self._tips[action]} ({keys})")

    def show_call(self, call: Call, catalog: Catalog, busy: frozenset[str] = frozenset()) -> None:
        """Render the model's call for this line; `busy` names the actions in flight for it."""
        before = self._call
        self._call, self._busy = call, set(busy)
        colour = state_colour(call.state)
        self.state_label.setText(state_badge(call.state))
        if self.state_label.property("badgeColour") != colour:  # re-polishing only when the colour changes
            self.state_label.setProperty("badgeColour", colour)
            self.state_label.setStyleSheet(f"QLabel {{ {badge_style(colour)} }}")
        no_call = QCoreApplication.translate("LinePanel", "No call") if call.state is LineState.IDLE else ""
        self.number_label.setText(call.display or no_call)
        self.number_label.setEnabled(bool(call.display))
        self.interaction_label.setText(call.interaction_id or "")
        self.interaction_label.setToolTip(plain_tip(call.interaction_id))
        self.copy_button.setVisible(bool(call.interaction_id))
        if call.codes:
            self.codes_label.setText(
                QCoreApplication.translate("LinePanel", "Codes: {codes}").format(
                    codes=", ".join(catalog.name_of(c) for c in call.codes)
                )
            )
        else:
            self.codes_label.setText("")
        self.codes_label.setVisible(bool(call.codes))
        parts = [call.error, call.advice if call.advice not in call.error else "", call.warning]
        error = "\n".join(p for p in parts if p)
        self.error_label.setText(error)
        self.error_label.setVisible(bool(error))
        self.details_label.setText(
            QCoreApplication.translate("LinePanel", "8x8 said: {details}").format(details=call.details)
            if call.details
            else ""
        )
        self.details_button.setVisible(bool(call.details))
        self.details_label.setVisible(bool(call.details) and self.details_button.isChecked())
        self.tick()
        self._refresh_buttons()
        self._follow(before, call)

    # -- what a screen reader hears ---------------------------------------------------------------------------

    def _follow(self, before: Call, call: Call) -> None:
        """Say a change of state in words; otherwise note the requests in flight that may cause the next one."""
        changed = (before.state, before.interaction_id) != (call.state, call.interaction_id)
        if changed:
            text = self._change_words(before, call)
            self._sent.clear()
            self.setAccessibleName(self.state_words(call))
            self.setAccessibleDescription(text)
            self._announce(text, urgent=call.state in (LineState.FAILED, LineState.UNKNOWN))
        else:
            # a request that finished without moving the call (refused, or it stays) caused nothing
            self._sent = {a: iid for a, iid in self._sent.items() if a in self._busy}
        for action in _LEAVING:
            if action in self._busy and action not in self._sent:
                self._sent[action] = call.interaction_id
                if action == "end":  # as sent: the window unticks the box once End is on its way
                    self._end_post = self.end_post_check.isChecked()

    def state_words(self, call: Call) -> str:
        """The line's state as a sentence (the panel's accessible name)."""
        line, who = self.number, call.display or call.interaction_id
        if call.state is LineState.IDLE or not who:
            return QCoreApplication.translate("LinePanel", "Line {line}: {state}").format(
                line=line, state=state_badge(call.state)
            )
        if call.state is LineState.DIALING:
            return QCoreApplication.translate("LinePanel", "Line {line}: dialling {who}").format(
                line=line, who=who
            )
        if call.state is LineState.LIVE:
            return QCoreApplication.translate("LinePanel", "Line {line}: on a call with {who}").format(
                line=line, who=who
            )
        if call.state is LineState.FAILED:
            return QCoreApplication.translate("LinePanel", "Line {line}: the call to {who} failed").format(
                line=line, who=who
            )
        if call.state is LineState.UNKNOWN:
            return QCoreApplication.translate(
                "LinePanel", "Line {line}: the call to {who} may be live"
            ).format(line=line, who=who)
        return QCoreApplication.translate("LinePanel", "Line {line}: {who} in wrap-up").format(
            line=line, who=who
        )

    def _change_words(self, before: Call, call: Call) -> str:
        """What just happened on the line, naming the request that caused it when one was in flight."""
        line = self.number
        if call.state is LineState.FAILED and call.error and (call.display or call.interaction_id):
            return QCoreApplication.translate(
                "LinePanel", "Line {line}: the call to {who} failed: {reason}"
            ).format(line=line, who=call.display or call.interaction_id, reason=call.error)
        if call.state is not LineState.IDLE:
            return self.state_words(call)
        who = before.display or before.interaction_id
        sent = {a for a, iid in self._sent.items() if iid == before.interaction_id}
        if before.state is LineState.LIVE and who:
            if "hang_up" in sent:
                return QCoreApplication.translate(
                    "LinePanel", "Line {line} is free: the call with {who} was hung up and is in wrap-up"
                ).format(line=line, who=who)
            if "end" in sent and self._end_post:
                return QCoreApplication.translate(
                    "LinePanel", "Line {line} is free: the call with {who} and its wrap-up were ended"
                ).format(line=line, who=who)
            if "end" in sent:
                return QCoreApplication.translate(
                    "LinePanel", "Line {line} is free: the call with {who} was ended; its wrap-up is open"
                ).format(line=line, who=who)
            if "free" in sent:
                return QCoreApplication.translate(
                    "LinePanel", "Line {line} freed: the call with {who} is in wrap-up"
                ).format(line=line, who=who)
            return QCoreApplication.translate(
                "LinePanel", "Line {line} is free: the call with {who} left it"
            ).format(line=line, who=who)
        if "free" in sent:
            return QCoreApplication.translate("LinePanel", "Line {line} freed").format(line=line)
        return QCoreApplication.translate("LinePanel", "Line {line} is free").format(line=line)

    def _announce(self, text: str, *, urgent: bool = False) -> None:
        """Send `text` to assistive technology: an announcement (Qt 6.8+), else the name change it can read."""
        from ccdesk.ui import qt  # looked up here: older Qt has no announcement event

        announcement = getattr(qt, "QAccessibleAnnouncementEvent", None)
        if announcement is not None:
            event = announcement(self, text)
            if urgent:
                event.setPoliteness(QAccessible.AnnouncementPoliteness.Assertive)
        else:
            event = QAccessibleEvent(self, QAccessible.Event.NameChanged)
        QAccessible.updateAccessibility(event)

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
            button.setText(_busy_text(name) if busy else self._texts[name])
        for name in ("check", "dismiss"):
            self._buttons[name].setVisible(unknown)
        self.end_post_check.setEnabled(has_call)

    def _copy_interaction(self) -> None:
        if self._call.interaction_id:
            QApplication.clipboard().setText(self._call.interaction_id)
