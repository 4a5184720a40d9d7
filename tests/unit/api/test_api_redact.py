"""The token never reaches a log record; the redacting filter catches it when some other code leaks it."""

from __future__ import annotations

import base64
import logging
import random
import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from ccdesk.api.client import CCClient
from ccdesk.api.errors import ApiError, ConnectionFailedError
from ccdesk.api.models import PlaceCallRequest
from ccdesk.api.redact import RedactingFilter, install_redaction
from ccdesk.api.retry import RetryPolicy

USER = "acmecorp01"
TOKEN = "s3cr3t-T0ken-xyz"
BASIC = base64.b64encode(f"{USER}:{TOKEN}".encode()).decode()
LOGGERS = ["", "httpx", "httpcore", "ccdesk", "ccdesk.api"]


class _Server(BaseHTTPRequestHandler):
    """Answers 200 to everything except paths containing 'fail' (401) and place call (503)."""

    def _handle(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        status = 401 if "fail" in self.path else 503 if self.command == "POST" else 200
        payload = b'{"reasons": ["r"], "message": "m", "data": []}'
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    do_GET = do_PUT = do_POST = do_DELETE = _handle

    def log_message(self, format: str, *args: Any) -> None:
        """Silence the default stderr access log."""


@pytest.fixture
def server_url() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Server)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/api/v1"
    server.shutdown()
    server.server_close()


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []
        self.lines: list[str] = []
        self.setFormatter(logging.Formatter("%(name)s %(levelname)s %(message)s"))

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)
        self.lines.append(self.format(record))


@pytest.fixture
def captured() -> Iterator[_Collect]:
    handler = _Collect()
    saved = {name: logging.getLogger(name).level for name in LOGGERS}
    root = logging.getLogger()
    root.addHandler(handler)
    for name in LOGGERS:
        logging.getLogger(name).setLevel(logging.DEBUG)
    yield handler
    root.removeHandler(handler)
    for name, level in saved.items():
        logging.getLogger(name).setLevel(level)


def _leaks(handler: _Collect) -> list[str]:
    found = []
    for record, line in zip(handler.records, handler.lines, strict=True):
        texts = [line, str(record.msg), repr(record.args), record.exc_text or ""]
        if any(secret in text for secret in (TOKEN, BASIC) for text in texts):
            found.append(line)
    return found


def test_client_logs_no_secret_at_debug(server_url: str, captured: _Collect) -> None:
    policy = RetryPolicy(max_attempts=2, rng=random.Random(1))
    with CCClient(
        base_url=server_url, tenant=USER, username=USER, token=TOKEN, retry=policy, sleep=lambda _: None
    ) as client:
        client.list_agents()
        client.free_lines("ag1")
        with pytest.raises(ApiError):
            client.free_lines("fail")
        with pytest.raises(ApiError):
            client.place_call(PlaceCallRequest(agent_id="ag1", prefix="1", number="6175551984"))
    with socket.socket() as probe:  # a port nobody listens on: bound, then released
        probe.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{probe.getsockname()[1]}/api/v1"
    with (
        CCClient(
            base_url=dead, tenant=USER, username=USER, token=TOKEN, retry=policy, sleep=lambda _: None
        ) as c2,
        pytest.raises(ConnectionFailedError),
    ):
        c2.end_call("int-1")

    names = {record.name for record in captured.records}
    assert {"ccdesk.api", "httpx"} <= names and any(n.startswith("httpcore") for n in names)
    outcomes = [
        r.getMessage() for r in captured.records if r.name == "ccdesk.api" and r.levelno == logging.INFO
    ]
    assert any("GET /tenants/acmecorp01/agentstatus/agents -> 200" in line for line in outcomes)
    assert any("DELETE /tenants/acmecorp01/agents/fail/calls -> 401" in line for line in outcomes)
    assert any("ConnectError" in line and "retries=1" in line for line in outcomes)
    assert _leaks(captured) == []


def test_filter_on_a_handler_redacts_records_from_any_logger(captured: _Collect) -> None:
    install_redaction(captured, TOKEN)
    logging.getLogger("httpcore.http11").debug(
        "send_request_headers %r", [(b"Authorization", f"Basic {BASIC}")]
    )
    logging.getLogger("httpx").debug("token=%s", TOKEN)
    logging.getLogger("ccdesk.api").info("bare credential %s seen", BASIC)
    logging.getLogger("elsewhere").warning("Authorization: basic Zm9vOmJhcg==")
    try:
        raise RuntimeError(f"failed with {TOKEN}")
    except RuntimeError:
        logging.getLogger("ccdesk").exception("boom %s", "x")
    assert _leaks(captured) == []
    assert "token=***" in captured.lines[1]
    assert "bare credential *** seen" in captured.lines[2]
    assert captured.lines[3].endswith("Authorization: basic ***")
    assert "failed with ***" in captured.lines[4]
    assert "Zm9vOmJhcg" not in "\n".join(captured.lines)


def test_install_on_a_logger_covers_its_handlers() -> None:
    logger = logging.getLogger("ccdesk.test.redact")
    handler = _Collect()
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    try:
        redacting = install_redaction(logger, TOKEN, "")
        logger.debug("a %s b", TOKEN)
        assert redacting in handler.filters and redacting in logger.filters
        assert handler.lines == ["ccdesk.test.redact DEBUG a *** b"]
    finally:
        logger.removeHandler(handler)


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("plain text stays", "plain text stays"),
        (f"{TOKEN}{TOKEN}", "******"),
        (f"Basic {BASIC}", "Basic ***"),
        (f"b'{BASIC}'", "b'***'"),
        ("Authorization: Basic Zm9vOmJhcg==", "Authorization: Basic ***"),
        ("base64wordsWithoutSecret", "base64wordsWithoutSecret"),
        ("percent 100% kept", "percent 100% kept"),
    ],
)
def test_redact_table(message: str, expected: str) -> None:
    assert RedactingFilter([TOKEN, ""]).redact(message) == expected


def test_malformed_record_is_still_redacted() -> None:
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "%s %s " + TOKEN, ("only one",), None)
    assert RedactingFilter([TOKEN]).filter(record)
    assert TOKEN not in record.getMessage()


def test_basic_form_is_found_whatever_the_username() -> None:
    other = base64.b64encode(f"someone-else:{TOKEN}".encode()).decode()
    padded = base64.b64encode(f"ab:{TOKEN}x".encode()).decode()
    redacting = RedactingFilter([TOKEN])
    assert redacting.redact(f"cred={other};") == "cred=***;"
    assert redacting.redact(f"({padded})") == "(***)"
    unrelated = base64.b64encode(b"user:another-token").decode()
    assert redacting.redact(f"x {unrelated} y") == f"x {unrelated} y"
