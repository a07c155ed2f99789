"""No password, code or token in any log: the stub's, uvicorn's (at its most talkative, with
the access log), httpx's and httpcore's, during a whole journey through the app's client."""

from __future__ import annotations

import logging
import socket
import threading
import time
from collections.abc import Iterator

import pytest
import uvicorn
from pydantic import SecretStr

from caf_stub.app import create_app
from caf_stub.testing import CODE, settings_for_tests
from caf_tui.api import Channel, IdentifierKind, SpouseDecision
from caf_tui.backend.errors import CodeRejected, InvalidCredentials
from caf_tui.backend.http import HttpBackend
from caf_tui.rules import normalise_nir

KARIM = normalise_nir("1 83 05 99 999 011 72")
LEGACY, NEW = "83051234", "Secret2026Xy"
LOGGERS = ("caf_stub", "uvicorn", "uvicorn.error", "uvicorn.access", "httpx", "httpcore")
TRACE = 5  # uvicorn's level below DEBUG: every ASGI message


@pytest.fixture
def talkative_stub() -> Iterator[str]:
    """The stub under a uvicorn that logs everything it may (trace level, access log)."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(16)
    app = create_app(settings_for_tests())
    config = uvicorn.Config(app, log_config=None, log_level="trace", access_log=True)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.01)
    yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    server.should_exit = True
    thread.join(10)


async def test_no_secret_in_any_log(talkative_stub: str, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(TRACE)
    for name in LOGGERS:
        caplog.set_level(TRACE, logger=name)
        # Another test in this worker may have run uvicorn's own logging config, which stops
        # its loggers from propagating to the capture.
        logger = logging.getLogger(name)
        logger.disabled = False
        logger.propagate = True
    for name in ("uvicorn.access", "uvicorn.error"):
        logging.getLogger(name).disabled = False
        logging.getLogger(name).propagate = True
    backend = HttpBackend(talkative_stub)
    try:
        with pytest.raises(InvalidCredentials):
            await backend.login(IdentifierKind.NIR, KARIM, SecretStr("Wrong9999x"))
        answer = await backend.login(IdentifierKind.NIR, KARIM, SecretStr(LEGACY))
        token = answer.session.token
        await backend.start_migration()
        await backend.accept_terms("2021-10")
        await backend.choose_password(SecretStr(NEW), SecretStr(NEW))
        await backend.confirm_contact(Channel.SMS)
        with pytest.raises(CodeRejected):
            await backend.verify_code(SecretStr("000000"))
        await backend.verify_code(SecretStr(CODE))
        await backend.acknowledge_account_created()
        await backend.decide_spouse_authorisation(SpouseDecision.AUTHORISE)
        await backend.dashboard()
        await backend.logout()
    finally:
        await backend.aclose()
    text = caplog.text
    seen = {record.name.split(".")[0] for record in caplog.records}
    assert {"caf_stub", "uvicorn", "httpx", "httpcore"} <= seen, seen
    assert '"POST /api/v1/journey/verify_code HTTP/1.1" 422' in text  # the access log ran
    for secret in (LEGACY, NEW, "Wrong9999x", CODE, "000000", token):
        assert secret not in text, "a secret reached the logs"
