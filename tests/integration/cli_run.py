"""ccdesk-cli run in-process with its streams captured (shared by the command-line tests)."""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from ccdesk import cli
from ccdesk.core.credentials import CredentialStore, MemoryStore


@dataclass
class Run:
    code: int
    out: str
    err: str

    @property
    def json(self) -> Any:
        return json.loads(self.out)


def runner(env: Mapping[str, str]) -> Callable[..., Run]:
    """`invoke(*argv, extra_env=None, stdin="", store=None)`: one command against `env`; exit code and output."""

    def invoke(
        *argv: str,
        extra_env: dict[str, str] | None = None,
        stdin: str = "",
        store: CredentialStore | None = None,
    ) -> Run:
        out, err = io.StringIO(), io.StringIO()
        code = cli.main(
            list(argv),
            env={**env, **(extra_env or {})},
            store=store or MemoryStore(),
            stdin=io.StringIO(stdin),
            stdout=out,
            stderr=err,
        )
        return Run(code, out.getvalue(), err.getvalue())

    return invoke
