"""Stage the supervisor console for README's screenshot: run under ../shared/tools/screenshot.

python docs/screenshots/stage_supervisor.py
"""

from __future__ import annotations

import sys
import time

from ccdesk.app import create_supervisor_window
from ccdesk.ui.qt import QApplication


def main() -> int:
    app = QApplication(sys.argv[:1])
    console = create_supervisor_window(["--demo", "--supervisor", "--theme", "light"])
    sim = console.session.simulator
    for agent in ("agAQDqmvKiRbG4ekigNSmbbb", "ag0VYyLh0YTsymdbtYIaaaa"):
        sim.state.place_call(agent, "1", "6175550100", "", queue_id="598")
    with console.session.journal.transaction() as db:  # as if ccdesk had seen this agent busy for a while
        db.execute("DELETE FROM agent_seen")
    console.refresh_roster()
    deadline = time.monotonic() + 3
    while time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
    with console.session.journal.transaction() as db:
        db.execute("UPDATE agent_seen SET since = since - 840 WHERE agent_id = 'agAQDqmvKiRbG4ekigNSmbbb'")
    console.refresh_roster()
    console.move(0, 0)
    console.resize(1180, 760)
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
