"""The stateful property test of tests/gui/test_lines_match_the_platform.py, run longer than the suite runs it.

The suite runs 200 examples of up to 30 steps; this runs as many as you ask (default 2,000 of up to 60), with
Hypothesis's random search (not derandomised), against the real --demo window, offscreen. It prints the examples
and steps run and the time taken, and the failing sequence if it finds one (exit 1). Run:

    python tests/benchmarks/lines_property.py [--examples 2000] [--steps 60]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--examples", type=int, default=2000)
    parser.add_argument("--steps", type=int, default=60)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["CCDESK_HOME"] = tempfile.mkdtemp(prefix="ccdesk-lines-")  # never the user's files
    os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "gui")]

    from gui_driver import Driver
    from hypothesis import HealthCheck, Phase, settings
    from hypothesis.stateful import run_state_machine_as_test
    from test_lines_match_the_platform import LinesMatchThePlatform

    from ccdesk.app import create_main_window
    from ccdesk.ui.qt import QApplication

    app = QApplication([sys.argv[0]])
    window = create_main_window(["--demo"])
    assert window.controller is not None
    LinesMatchThePlatform.driver = Driver(window, qtbot=None)  # type: ignore[arg-type]  # (no waits needed)
    steps = [0]
    real_settle = LinesMatchThePlatform.settle

    def counted(machine: LinesMatchThePlatform) -> None:
        steps[0] += 1
        real_settle(machine)

    LinesMatchThePlatform.settle = counted  # type: ignore[method-assign]
    machine_settings = settings(
        max_examples=args.examples,
        stateful_step_count=args.steps,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.shrink],
        database=None,
    )
    started = time.monotonic()
    print(
        f"lines property: up to {args.examples} examples of up to {args.steps} steps against the --demo window"
    )
    try:
        run_state_machine_as_test(LinesMatchThePlatform, settings=machine_settings)
    except AssertionError as failure:
        steps_taken = "\n".join(getattr(failure, "__notes__", []))  # Hypothesis's shrunk sequence of steps
        print(f"FAILED after {time.monotonic() - started:.1f} s:\n{failure}\n{steps_taken}")
        return 1
    finally:
        window.close()
        window.bridge.shutdown(5000)
        app.processEvents()
    elapsed = time.monotonic() - started
    print(f"passed: {args.examples} examples, {steps[0]} steps settled, {elapsed:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
