"""The simulator is written from the documents alone: it never imports ccdesk.api or ccdesk.core."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import ccdesk.sim

FORBIDDEN = ("ccdesk.api", "ccdesk.core")
SIM_DIR = Path(ccdesk.sim.__file__).parent


def _imported_modules(path: Path) -> set[str]:
    modules = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            modules.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            package = (
                ["ccdesk", "sim"][: max(0, 3 - node.level)] if node.level else []
            )  # resolve relative ones
            module = ".".join([*package, *([node.module] if node.module else [])])
            modules.add(module)
            modules.update(f"{module}.{alias.name}" for alias in node.names)
    return modules


def test_relative_and_aliased_imports_are_resolved(tmp_path: Path) -> None:
    source = tmp_path / "probe.py"
    source.write_text("from .. import api\nfrom ..core.lines import x\nimport ccdesk.api.client as c\n")
    assert {"ccdesk.api", "ccdesk.core.lines", "ccdesk.api.client"} <= _imported_modules(source)


def test_no_sim_source_imports_the_client() -> None:
    sources = sorted(SIM_DIR.rglob("*.py"))
    assert len(sources) >= 5
    for path in sources:
        bad = {m for m in _imported_modules(path) if m.startswith(FORBIDDEN)}
        assert not bad, f"{path.name} imports {bad}"


def test_importing_the_simulator_loads_no_client_module() -> None:
    code = f"import sys, ccdesk.sim.server; print([m for m in sys.modules if m.startswith({FORBIDDEN!r})])"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == "[]"
