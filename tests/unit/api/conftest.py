"""Fixtures for the API client tests: a recording mock transport and a client wired to it."""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from ccdesk.api.client import CCClient
from ccdesk.api.retry import RetryNotice, RetryPolicy

BASE_URL = "https://vcc-na12.8x8.com/api/v1"
TENANT = "acmecorp01"
# The document's own example: base64("myclientId:nevertellanyone").
USERNAME = "myclientId"
TOKEN = "nevertellanyone"
BASIC = "Basic bXljbGllbnRJZDpuZXZlcnRlbGxhbnlvbmU="

Reply = httpx.Response | Exception


def reply(status: int = 200, body: Any = None, headers: dict[str, str] | None = None) -> httpx.Response:
    """A canned response; dicts and lists become JSON, bytes and str are sent as they are."""
    if isinstance(body, dict | list):
        return httpx.Response(status, json=body, headers=headers)
    if isinstance(body, str):
        body = body.encode()
    return httpx.Response(status, content=body or b"", headers=headers)


class Recorder:
    """Answers requests from a script of replies (the last one repeats) and keeps every request seen."""

    def __init__(self, *replies: Reply) -> None:
        self.replies = list(replies) or [reply()]
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.requests.append(request)
        item = self.replies.pop(0) if len(self.replies) > 1 else self.replies[0]
        if isinstance(item, Exception):
            raise item
        return item

    @property
    def last(self) -> httpx.Request:
        return self.requests[-1]

    def last_json(self) -> Any:
        return json.loads(self.last.content)


class Harness:
    """A client, its recorder, and what it slept and announced."""

    BASE_URL = BASE_URL
    TENANT = TENANT
    USERNAME = USERNAME
    TOKEN = TOKEN
    BASIC = BASIC
    reply = staticmethod(reply)

    def __init__(self) -> None:
        self.recorder = Recorder()
        self.sleeps: list[float] = []
        self.notices: list[RetryNotice] = []

    def client(self, *replies: Reply, retry: RetryPolicy | None = None, **kwargs: Any) -> CCClient:
        self.recorder.replies = list(replies) or [reply()]
        options: dict[str, Any] = {
            "base_url": BASE_URL,
            "tenant": TENANT,
            "username": USERNAME,
            "token": TOKEN,
            "transport": httpx.MockTransport(self.recorder),
            "retry": retry or RetryPolicy(rng=random.Random(7)),
            "sleep": self.sleeps.append,
            "on_retry": self.notices.append,
        }
        options.update(kwargs)
        return CCClient(**options)


@pytest.fixture
def harness() -> Harness:
    return Harness()


@pytest.fixture
def make_client(harness: Harness) -> Callable[..., CCClient]:
    return harness.client
