"""The default backend: the stub server started in a background thread on 127.0.0.1.

The listening socket is opened here, at once, so the address is known before the stub is even
imported; requests made while the stub starts wait in the socket's backlog. The stub (FastAPI,
SQLite, argon2: over a second of imports) is imported in the thread, and only once the first
screen is painted (``warm_up``) or the first request leaves, whichever comes first: imported
alongside, it held the interpreter's lock and delayed the first frame by half a second.
"""

from __future__ import annotations

import socket
import threading
from pathlib import Path
from typing import Any

from caf_tui.backend.http import HttpBackend
from caf_tui.i18n import _


class EmbeddedBackend(HttpBackend):
    has_demo_outbox = True

    def __init__(self, db: Path | str | None = None, **stub_options: Any) -> None:
        self._socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._socket.bind(("127.0.0.1", 0))
        self._socket.listen(128)
        port = self._socket.getsockname()[1]
        super().__init__(f"http://127.0.0.1:{port}", label=_("démo locale"))
        self._running: Any = None
        self._failure: BaseException | None = None
        self._go = threading.Event()
        self._closing = False
        self._thread = threading.Thread(
            target=self._start, args=(db, stub_options), name="caf-stub", daemon=True
        )
        self._thread.start()

    def _start(self, db: Path | str | None, options: dict[str, Any]) -> None:
        self._go.wait()
        if self._closing:
            self._socket.close()
            return
        try:
            from caf_stub.server import serve_in_thread
            from caf_stub.settings import StubSettings

            if db:
                options = {**options, "db": str(db)}
            settings = StubSettings.model_validate(options)
            self._running = serve_in_thread(settings, sock=self._socket)
        except BaseException as exc:  # the person sees "service unreachable"; keep the cause
            self._failure = exc
            self._socket.close()

    def warm_up(self) -> None:
        self._go.set()
        super().warm_up()

    async def _url(self, path: str) -> str:
        self._go.set()
        return await super()._url(path)

    async def aclose(self) -> None:
        self._closing = not self._go.is_set()
        self._go.set()
        await super().aclose()
        self._thread.join(timeout=10)
        if self._running is not None:
            self._running.stop()
