"""The session's 8x8 event stream: one reader thread, its messages applied on the GUI thread in slices.

The reader (ccdesk.api.stream) blocks on its socket, so it gets a thread of its own instead of a slot in the
bridge's pool, whose lanes are for requests that answer. Like every worker result, messages reach the GUI thread
only through `to_gui`: the reader appends to a queue and asks for one flush; a flush applies at most
`SLICE` messages and asks for another if more are waiting, so a burst never holds the GUI thread for long and
clicks and repaints run between slices. Flushes are at least `FRAME` apart: during a burst the events of one frame
are applied (and the window redrawn) together, instead of a redraw for every few events.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import deque
from collections.abc import Callable

from ccdesk.api.events import StreamMessage
from ccdesk.api.stream import StreamEndpoint, StreamReader, StreamState, StreamStatus
from ccdesk.core.numbers import load_metadata
from ccdesk.ui.bridge import to_gui
from ccdesk.ui.qt import QCoreApplication, QObject, QTimer, Signal

log = logging.getLogger(__name__)

#: messages applied per trip to the GUI thread
SLICE = 50
#: the shortest time between two flushes (seconds): one redraw per frame of a 60 Hz screen at most
FRAME = 0.016
#: how long closing waits for the reader thread (it closes its socket within about a second)
JOIN_TIMEOUT = 3.0


class LiveStream(QObject):
    """Runs a StreamReader for one session and hands its messages and states to the GUI thread."""

    status_changed = Signal()

    def __init__(
        self,
        endpoint: StreamEndpoint,
        key: str,
        *,
        apply: Callable[[list[StreamMessage]], None],
        resume_from: Callable[[], str | None],
        parent: QObject | None = None,
        reader_options: dict[str, object] | None = None,
    ) -> None:
        super().__init__(parent)
        self.endpoint = endpoint
        self._apply = apply
        self._queue: deque[StreamMessage] = deque()
        self._lock = threading.Lock()
        self._flush_asked = False
        self._last_flush = 0.0
        self._stopped = False
        self.status = StreamStatus(StreamState.OFF)
        #: when the stream last became live (None while it is not): a call placed since then should be heard of
        self.live_since: float | None = None
        self._resume_from = resume_from
        #: the last message received (on the reader's thread): every message received is queued and will be
        #: applied, so a reconnect resumes after it; before any, after the last one applied (the journal's)
        self._last_received: str | None = None
        self._reader = StreamReader(
            endpoint,
            key,
            on_message=self._on_message,
            on_status=self._on_status,
            resume_from=self._resume_position,
            **(reader_options or {}),  # type: ignore[arg-type]
        )
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        if self._thread is not None:
            return
        self._thread = threading.Thread(target=self._run, name="ccdesk-event-stream", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Stop reading and wait for the thread; messages not yet applied are dropped (they are redelivered from
        the last applied position next time)."""
        self._stopped = True
        self._reader.stop()
        if self._thread is not None:
            self._thread.join(JOIN_TIMEOUT)
            if self._thread.is_alive():
                log.warning("event stream: the reader thread did not stop within %.0f s", JOIN_TIMEOUT)
            self._thread = None
        with self._lock:
            self._queue.clear()

    @property
    def running(self) -> bool:
        """The reader is still at work (connected or going to retry); False after it gave up or was stopped."""
        return self._thread is not None and self._thread.is_alive()

    @property
    def waiting(self) -> int:
        """Messages received and not applied yet."""
        with self._lock:
            return len(self._queue)

    # -- reader thread ----------------------------------------------------------------------------------------

    def _run(self) -> None:
        try:
            load_metadata()  # a call the stream announces has its number formatted on the GUI thread
            self._reader.run()
        except Exception:  # the reader reports its own failures; anything else must not die silently
            log.exception("event stream: the reader stopped on an unexpected error")
            reason = QCoreApplication.translate(
                "LiveStream", "the event stream stopped on an unexpected error"
            )
            self._on_status(StreamStatus(StreamState.FAILED, reason))

    def _resume_position(self) -> str | None:
        with self._lock:
            received = self._last_received
        return received or self._resume_from()

    def _on_message(self, message: StreamMessage) -> None:
        with self._lock:
            self._last_received = message.message_id
            self._queue.append(message)
            if self._flush_asked:
                return
            self._flush_asked = True
        to_gui(self._flush)

    def _on_status(self, status: StreamStatus) -> None:
        to_gui(lambda: self._set_status(status))

    # -- GUI thread -------------------------------------------------------------------------------------------

    def _flush(self) -> None:
        wait = self._last_flush + FRAME - time.monotonic()
        if wait > 0:  # the last flush was less than a frame ago: gather this frame's events first
            QTimer.singleShot(max(1, round(wait * 1000)), self._flush)
            return
        self._last_flush = time.monotonic()
        with self._lock:
            batch = [self._queue.popleft() for _ in range(min(SLICE, len(self._queue)))]
            more = bool(self._queue)
            self._flush_asked = more
        if self._stopped:
            return
        if batch:
            self._apply(batch)
        if more:
            to_gui(self._flush)

    def _set_status(self, status: StreamStatus) -> None:
        if self._stopped and status.state is not StreamState.OFF:
            return
        if status.state is StreamState.LIVE and self.status.state is not StreamState.LIVE:
            self.live_since = time.time()
        elif status.state is not StreamState.LIVE:
            self.live_since = None
        self.status = status
        self.status_changed.emit()
