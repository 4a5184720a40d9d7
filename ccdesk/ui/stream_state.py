"""What the header says about 8x8's event stream, from the controller's state (no stream module imported: the
window paints before the WebSocket library is loaded)."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Protocol

from ccdesk.ui.plain import plain_tip
from ccdesk.ui.qt import QLabel, Qt, QTimer, QWidget

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
            "Live updates: not set up",
            RED,
            f"8x8's event stream is not used: {controller.stream_problem}",
            False,
        )
    stream = controller.stream
    if stream is None:
        return None
    status = stream.status
    where = f"{stream.endpoint.base_url}, topic {stream.endpoint.topic}"
    if status.state == "live":
        if controller.stream_warning:
            return ("Live · no events", AMBER, f"{controller.stream_warning}\n{where}", False)
        return ("Live", GREEN, f"8x8's events arrive as they happen ({where}).", False)
    if status.state == "connecting":
        return ("Live updates: connecting…", GREY, f"Connecting to {where}.", False)
    if status.state == "reconnecting":
        left = max(0, round((status.retry_in or 0) - (time.time() - status.at)))
        text = f"Reconnecting in {left} s" if left else "Reconnecting…"
        tip = f"The event stream dropped: {status.detail or 'no reason given'}.\n{where}"
        return (text, AMBER, tip + "\nThe lines show what 8x8's answers said until it is back.", bool(left))
    if status.state == "failed":
        reason = status.detail or "no reason given"
        return (f"Failed: {reason}", RED, f"The event stream stopped: {reason}\n{where}", False)
    return ("Live updates: off", GREY, f"The event stream is stopped ({where}).", False)


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
        self.dot.setText(f"<span style='color:{colour}'>●</span>")
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
