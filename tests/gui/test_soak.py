"""A shift in miniature: the soak benchmark's own driver for 40 call cycles, with the same fault mix.

tests/benchmarks/soak.py drives the real window through dial, codes, hang up and end against the simulator
(in its own process, over real HTTP) while about 5% of the requests fail, and recovers after each failure as
an agent would. Here it runs 40 cycles with shorter timeouts, and only its functional goals are checked: time
and memory are the benchmark's.
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from gui_driver import Driver

CYCLES = 40
SEED = 3  # a seed whose 40 cycles meet every kind of fault and need recoveries


def _soak_module() -> ModuleType:
    """The benchmark script, loaded by path (tests/benchmarks is a folder of scripts, not a package)."""
    path = Path(__file__).parents[1] / "benchmarks" / "soak.py"
    spec = importlib.util.spec_from_file_location("ccdesk_soak_benchmark", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the classes are made
    spec.loader.exec_module(module)
    return module


soak = _soak_module()


@pytest.fixture
def sim(monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """The simulator process (requested before the window, so the window is closed before it stops)."""
    monkeypatch.setenv("CCDESK_TOKEN", soak.TOKEN)
    with soak.SimServer(SEED) as server:
        yield server


def test_forty_call_cycles_with_faults_end_with_nothing_stuck_and_no_double_dial(
    sim: Any, open_window: Callable[..., Driver]
) -> None:
    config = soak.SoakConfig(cycles=CYCLES, seed=SEED, read_timeout=0.5, timeout_delay=0.8)
    driver = open_window(*soak.window_argv(sim.url, config.read_timeout))

    report = soak.Soak(driver.window, sim, config).run()

    summary = "\n".join(report.lines())
    assert report.exceptions == [], summary
    assert report.double_dials == [], summary
    assert report.stuck == [], summary
    assert report.dialogs == [], summary
    assert report.failed == [] and report.clean + report.recovered == CYCLES, summary
    assert set(report.faults) == set(soak.FAULT_KINDS), summary  # the whole mix was met...
    assert report.shown and report.recovered, summary  # ...failures reached the agent, who recovered
