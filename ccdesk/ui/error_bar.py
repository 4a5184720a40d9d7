"""A failure the agent must read, above the window's content: plain words and the next step, 8x8's words on demand.

The status bar is one line and cut long advice ("Tick 'Force ca"); a failure that belongs to no line panel
(setting the status, freeing all lines) is shown here instead, whole and wrapped, until dismissed or replaced.
"""

from __future__ import annotations

from ccdesk.core.explain import Presentation
from ccdesk.ui.icons import icon
from ccdesk.ui.plain import plain_labels
from ccdesk.ui.qt import QCoreApplication, QFrame, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget
from ccdesk.ui.theme import set_role


class ErrorBar(QFrame):
    """One failure at a time: title, summary, a Details toggle for the platform's words, and a close button."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("errorBar")
        self.setAccessibleName(QCoreApplication.translate("ErrorBar", "Error"))
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.summary_label = QLabel()
        self.summary_label.setObjectName("errorSummaryLabel")
        self.summary_label.setWordWrap(True)
        set_role(self.summary_label, "error")
        self.details_label = QLabel()
        self.details_label.setObjectName("errorDetailsLabel")
        self.details_label.setWordWrap(True)
        set_role(self.details_label, "hint")
        plain_labels(self.summary_label, self.details_label)
        self.details_button = QToolButton()
        self.details_button.setObjectName("errorDetailsButton")
        self.details_button.setText(QCoreApplication.translate("ErrorBar", "Details"))
        self.details_button.setCheckable(True)
        self.details_button.setAccessibleName(QCoreApplication.translate("ErrorBar", "Show what 8x8 said"))
        self.details_button.setAccessibleDescription(
            QCoreApplication.translate("ErrorBar", "Shows or hides 8x8's own words about this error")
        )
        self.details_button.toggled.connect(self._show_details)
        close = QToolButton()
        close.setObjectName("errorCloseButton")
        close.setIcon(icon("forget"))
        close.setAutoRaise(True)
        close.setToolTip(QCoreApplication.translate("ErrorBar", "Dismiss"))
        close.setAccessibleName(QCoreApplication.translate("ErrorBar", "Dismiss the error"))
        close.setAccessibleDescription(
            QCoreApplication.translate("ErrorBar", "Hides this message; the next error shows it again")
        )
        close.clicked.connect(self.hide)
        text = QVBoxLayout()
        text.setSpacing(2)
        text.addWidget(self.summary_label)
        text.addWidget(self.details_label)
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 6, 6)
        row.addLayout(text, 1)
        row.addWidget(self.details_button)
        row.addWidget(close)
        self.presentation = Presentation("")
        self.hide()

    def show_error(self, title: str, shown: Presentation) -> None:
        """Replace whatever is shown with this failure; its details stay folded until asked for."""
        self.presentation = shown
        if title:
            summary = QCoreApplication.translate("ErrorBar", "{title}: {summary}").format(
                title=title, summary=shown.summary
            )
        else:
            summary = shown.summary
        self.summary_label.setText(summary)
        self.setAccessibleDescription(summary)
        self.details_label.setText(
            QCoreApplication.translate("ErrorBar", "{heading}: {details}").format(
                heading=shown.details_heading, details=shown.details
            )
            if shown.details
            else ""
        )
        self.details_button.setVisible(bool(shown.details))
        self.details_button.setChecked(False)
        self._show_details(False)
        self.setToolTip("")
        self.show()

    def _show_details(self, on: bool) -> None:
        self.details_label.setVisible(on and bool(self.presentation.details))
