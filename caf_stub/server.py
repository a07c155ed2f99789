"""Run the stub under uvicorn: in a background thread (embedded, tests) or in the foreground."""

from __future__ import annotations

import copy
import json
import logging
import os
import secrets
import socket
import threading
import time
from dataclasses import dataclass
from typing import Any

import uvicorn
from fastapi import FastAPI
from pydantic import SecretStr
from uvicorn.supervisors import Multiprocess

from caf_stub.app import context_of, create_app
from caf_stub.clock import Clock
from caf_stub.context import StubContext
from caf_stub.database import is_postgres
from caf_stub.redaction import redact_access_log
from caf_stub.settings import StubSettings, control_api_enabled
from caf_stub.store import Store

START_TIMEOUT_SECONDS = 10.0


def settings_for_host(settings: StubSettings, host: str) -> StubSettings:
    """``settings`` with the control API switched off when ``host`` forbids it."""
    if control_api_enabled(settings, host) or settings.control_api is False:
        return settings
    return settings.model_copy(update={"control_api": False})


def url_for(host: str, port: int) -> str:
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}"


def settings_for_address(settings: StubSettings, host: str, port: int) -> StubSettings:
    """``settings`` as served on ``host``:``port``: the control API as the host allows, and the
    public URL, unless configured, the address bound (known now, never read from a request)."""
    settings = settings_for_host(settings, host)
    if settings.public_url is None:
        settings = settings.model_copy(update={"public_url": url_for(host, port)})
    return settings


def _uvicorn_options(settings: StubSettings) -> dict[str, Any]:
    """X-Forwarded-For and -Proto are believed only from the proxies
    ``settings.forwarded_allow_ips`` names: otherwise the client is the connection's peer, so
    that throttling per client cannot be dodged by claiming another address."""
    trusted = settings.forwarded_allow_ips
    return {
        "proxy_headers": trusted is not None,
        "forwarded_allow_ips": trusted if trusted is not None else "",
        "server_header": False,
        "lifespan": "on",
    }


def uvicorn_config(app: FastAPI, settings: StubSettings, **options: Any) -> uvicorn.Config:
    """uvicorn's settings for the stub."""
    config = uvicorn.Config(app, **_uvicorn_options(settings), **options)
    redact_access_log(app.state.redactor)  # after the log configuration Config applied
    return config


WORKER_START_SECONDS = 60
WORKER_SETTINGS = "CAF_STUB_WORKER_SETTINGS"
"""The settings the supervisor resolved, as JSON, for its worker processes (``worker_app``)."""


class SqliteHasOneWorker(Exception):
    """``--workers`` above 1 on a SQLite database: refused (see ``serve_workers``)."""


def worker_app() -> FastAPI:
    """The app of one worker of ``caf-stub --workers N`` (uvicorn's import-string factory)."""
    settings = StubSettings(**json.loads(os.environ[WORKER_SETTINGS]))
    app = create_app(settings, worker=True)
    redact_access_log(app.state.redactor)
    return app


def _prepared_for_workers(settings: StubSettings) -> StubSettings:
    """Seed the database once, before the workers race to, and fix what each worker would
    otherwise draw at random for itself (the FranceConnect client's credentials and the demo
    provider's signing key, which the database never holds)."""
    store = Store(settings.db)
    try:
        store.drop_pending_claims()
        clock = Clock(settings.start_time, frozen=settings.frozen)
        clock.share(store)
        context = StubContext(settings=settings, clock=clock, store=store)
        context.start_fixed_code(settings.fixed_code, worker=False)
        context.seed_if_empty()
    finally:
        store.close()
    update: dict[str, Any] = {}
    if settings.franceconnect_client_id is None:
        update["franceconnect_client_id"] = secrets.token_hex(16)
    if settings.franceconnect_client_secret is None:
        update["franceconnect_client_secret"] = SecretStr(secrets.token_urlsafe(32))
    if settings.franceconnect_signing_jwk is None:
        from caf_stub.franceconnect.state import new_signing_key

        jwk = dict(new_signing_key().as_dict(private=True))
        update["franceconnect_signing_jwk"] = SecretStr(json.dumps(jwk))
    return settings.model_copy(update=update)


def serve_workers(
    settings: StubSettings,
    host: str,
    port: int,
    workers: int,
    *,
    log_config: dict[str, Any] | None = None,
    log_level: str = "info",
) -> None:
    """``caf-stub --workers N``: uvicorn's own worker processes on one socket, every piece of
    state in the PostgreSQL database they share. SQLite is refused: its one writer at a time
    and its file lock would make workers wait on each other rather than serve together, and a
    ``:memory:`` database would be one per worker."""
    if not is_postgres(settings.db):
        raise SqliteHasOneWorker(settings.db)
    sock = bind(host, port)
    bound = int(sock.getsockname()[1])
    settings = _prepared_for_workers(settings_for_address(settings, host, bound))
    values = settings.model_dump(mode="json")
    for name in ("franceconnect_client_secret", "franceconnect_signing_jwk"):
        secret = getattr(settings, name)
        if isinstance(secret, SecretStr):
            values[name] = secret.get_secret_value()
    os.environ[WORKER_SETTINGS] = json.dumps(values)
    config = uvicorn.Config(
        "caf_stub.server:worker_app",
        factory=True,
        workers=workers,
        # A spawned worker answers the supervisor's ping only once it has imported the stub:
        # seconds on a loaded machine, and uvicorn's 5 s would kill it again and again.
        timeout_worker_healthcheck=WORKER_START_SECONDS,
        log_config=log_config if log_config is not None else default_log_config(),
        log_level=log_level,
        **_uvicorn_options(settings),
    )
    logging.getLogger("uvicorn.error").info(
        "Uvicorn running on %s with %d workers (Press CTRL+C to quit)",
        url_for(host, bound),
        workers,
    )
    Multiprocess(config, sockets=[sock]).run()


def default_log_config() -> dict[str, Any]:
    """uvicorn's log configuration, the stub's own messages included. The access log's
    request targets are redacted by ``uvicorn_config`` (no flow id, state, nonce or code
    reaches the console)."""
    config = copy.deepcopy(uvicorn.config.LOGGING_CONFIG)
    config["loggers"]["caf_stub"] = {"handlers": ["default"], "level": "INFO"}
    return config


def bind(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    return sock


def serve_foreground(
    settings: StubSettings,
    host: str,
    port: int,
    *,
    log_config: dict[str, Any] | None = None,
    log_level: str = "info",
) -> None:
    """``caf-stub``: bind ``host``:``port``, then serve until interrupted, access log on (with
    ``log_config``, uvicorn's logging as ``caf-stub --log-level/--log-format`` set it)."""
    sock = bind(host, port)
    bound = int(sock.getsockname()[1])
    app = create_app(settings_for_address(settings, host, bound))
    config = uvicorn_config(
        app,
        settings,
        log_config=log_config if log_config is not None else default_log_config(),
        log_level=log_level,
    )
    # uvicorn says where it listens only when it binds itself.
    logging.getLogger("uvicorn.error").info(
        "Uvicorn running on %s (Press CTRL+C to quit)", url_for(host, bound)
    )
    uvicorn.Server(config).run(sockets=[sock])


@dataclass
class RunningStub:
    """A stub serving in a daemon thread. ``stop()`` ends it gracefully."""

    url: str
    app: FastAPI
    server: uvicorn.Server
    thread: threading.Thread

    @property
    def context(self) -> StubContext:
        return context_of(self.app)

    @property
    def clock(self) -> Clock:
        return self.context.clock

    @property
    def settings(self) -> StubSettings:
        return self.context.settings

    @property
    def started(self) -> bool:
        return self.server.started

    def wait_started(self, timeout: float = START_TIMEOUT_SECONDS) -> None:
        """Block until uvicorn accepts connections; RuntimeError if it does not in time."""
        deadline = time.monotonic() + timeout
        while not self.server.started:
            if not self.thread.is_alive():
                raise RuntimeError("the stub server stopped while starting")
            if time.monotonic() > deadline:
                raise RuntimeError(f"the stub server did not start within {timeout} s")
            time.sleep(0.005)

    def stop(self, timeout: float = 10.0) -> None:
        """Ask uvicorn to finish (open requests complete), then wait for the thread."""
        self.server.should_exit = True
        self.thread.join(timeout)


def serve_in_thread(
    settings: StubSettings,
    sock: socket.socket | None = None,
    host: str = "127.0.0.1",
    *,
    wait: bool = True,
) -> RunningStub:
    """Start the stub in a daemon thread and return it once it serves (unless ``wait`` False).

    With ``sock`` (bound, listening or not), the stub serves on it and ``host`` is taken from
    it; otherwise it binds ``host`` on an ephemeral port. The socket listens before this
    returns, so with ``wait=False`` a client may connect at once (its request waits in the
    backlog until uvicorn runs). Creating the app opens the database and may seed it: call
    this from a worker when the calling thread must not block.
    """
    if sock is None:
        sock = bind(host, 0)
    else:
        host = str(sock.getsockname()[0])
    if sock.family in (socket.AF_INET, socket.AF_INET6):
        # Accepted sockets inherit this; asyncio sets it itself only when the listening socket
        # was made with proto IPPROTO_TCP. Without it, Nagle's algorithm and delayed ACKs add
        # some 40 ms to every answer (uvicorn writes headers and body separately).
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    sock.listen(128)
    port = int(sock.getsockname()[1])
    app = create_app(settings_for_address(settings, host, port))
    config = uvicorn_config(app, settings, log_config=None, log_level="warning", access_log=False)
    server = uvicorn.Server(config)
    thread = threading.Thread(
        target=server.run, kwargs={"sockets": [sock]}, name="caf-stub", daemon=True
    )
    running = RunningStub(url=url_for(host, port), app=app, server=server, thread=thread)
    thread.start()
    if wait:
        running.wait_started()
    return running
