"""What the header says about 8x8's event stream, from the controller's state (no stream module imported: the
window paints before the WebSocket library is loaded)."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Protocol

from ccdesk.ui.plain import plain_tip
from ccdesk.ui.qt import QCoreApplication, QLabel, Qt, QTimer, QWidget

if TYPE_CHECKING:
    from ccdesk.ui.live_stream import LiveStream


GREEN, AMBER, RED, GREY = "#2e9d57", "#c98a12", "#d0473c", "#7a8594"


class _StreamHolder(Protocol):
    stream: LiveStream | None
    stream_problem: str
    stream_warning: str


def stream_view(controller: _StreamHolder) -> tuple[str, str, str, bool] | None:
    """What the header says about the event stream: (text, dot colour, tooltip, needs a 1 s tick), or None when no
    stream is configured (the window then works from its requests' answers alone, and says nothing)."""
    if controller.stream_problem:
        return (
            QCoreApplication.translate("StreamState", "Live updates: not set up"),
            RED,
            QCoreApplication.translate("StreamState", "8x8's event stream is not used: {problem}").format(
                problem=controller.stream_problem
            ),
            False,
        )
    stream = controller.stream
    if stream is None:
        return None
    status = stream.status
    where = QCoreApplication.translate("StreamState", "{url}, topic {topic}").format(
        url=stream.endpoint.base_url, topic=stream.endpoint.topic
    )
    if status.state == "live":
        if controller.stream_warning:
            return (
                QCoreApplication.translate("StreamState", "Live · no events"),
                AMBER,
                f"{controller.stream_warning}\n{where}",
                False,
            )
        tip = QCoreApplication.translate("StreamState", "8x8's events arrive as they happen ({where}).")
        return (QCoreApplication.translate("StreamState", "Live"), GREEN, tip.format(where=where), False)
    if status.state == "connecting":
        return (
            QCoreApplication.translate("StreamState", "Live updates: connecting…"),
            GREY,
            QCoreApplication.translate("StreamState", "Connecting to {where}.").format(where=where),
            False,
        )
    reason = status.detail or QCoreApplication.translate("StreamState", "no reason given")
    if status.state == "reconnecting":
        left = max(0, round((status.retry_in or 0) - (time.time() - status.at)))
        text = (
            QCoreApplication.translate("StreamState", "Reconnecting in %n s", None, left)
            if left
            else QCoreApplication.translate("StreamState", "Reconnecting…")
        )
        tip = QCoreApplication.translate(
            "StreamState",
            "The event stream dropped: {reason}.\n{where}\nThe lines show what 8x8's answers said until it is back.",
        ).format(reason=reason, where=where)
        return (text, AMBER, tip, bool(left))
    if status.state == "failed":
        return (
            QCoreApplication.translate("StreamState", "Failed: {reason}").format(reason=reason),
            RED,
            QCoreApplication.translate("StreamState", "The event stream stopped: {reason}\n{where}").format(
                reason=reason, where=where
            ),
            False,
        )
    return (
        QCoreApplication.translate("StreamState", "Live updates: off"),
        GREY,
        QCoreApplication.translate("StreamState", "The event stream is stopped ({where}).").format(
            where=where
        ),
        False,
    )


class StreamIndicator:
    """A coloured dot and the stream's state as plain text (its reasons can hold the platform's words), with a 1 s
    tick while it counts down to a reconnect. The window's header and the supervisor console each have one."""

    def __init__(self, parent: QWidget, label_name: str, accessible_name: str, max_width: int) -> None:
        self.dot = QLabel(parent)
        self.dot.setObjectName(label_name.removesuffix("Label") + "Dot")
        self.dot.setTextFormat(Qt.TextFormat.RichText)  # a coloured dot; never the platform's words
        self.label = QLabel(parent)
        self.label.setObjectName(label_name)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setAccessibleName(accessible_name)
        self.label.setMaximumWidth(max_width)
        self.ticker = QTimer(parent)
        self.ticker.setInterval(1000)
        self.dot.hide()
        self.label.hide()

    def show(self, view: tuple[str, str, str, bool] | None, extra_tip: str = "") -> None:
        """Show `stream_view`'s answer (None hides it); `extra_tip` is added to the tooltip."""
        self.dot.setVisible(view is not None)
        self.label.setVisible(view is not None)
        if view is None:
            self.ticker.stop()
            return
        text, colour, tip, ticking = view
        self.dot.setText(f"<span style='color:{colour}'>●</span>")  # not translated: the dot's markup
        self.label.setText(
            self.label.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, self.label.maximumWidth())
        )
        tip = plain_tip(tip + extra_tip)
        self.label.setToolTip(tip)
        self.dot.setToolTip(tip)
        if ticking and not self.ticker.isActive():
            self.ticker.start()
        elif not ticking:
            self.ticker.stop()
