"""The counter's web server: textual-serve's ``Server`` with a page of our own, the session cap,
and the access rule (loopback, or the shared secret)."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import signal
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import urlsplit

import aiohttp_jinja2
import jinja2
from aiohttp import WSCloseCode, WSMsgType, web
from textual_serve.server import Server, to_int

from caf_tui.i18n import _
from caf_tui.serve.access import COOKIE_NAME, SECRET_PARAMETER, Access, is_loopback
from caf_tui.serve.app_process import VisitProcess
from caf_tui.serve.line_process import LineVisitProcess
from caf_tui.serve.slots import SessionSlots
from caf_tui.steps import words

log = logging.getLogger("caf_tui.serve")

HERE = Path(__file__).parent
#: Websocket close codes the page understands (4000-4999 are the application's own).
CLOSE_VISIT_ENDED = 4000
CLOSE_ALL_IN_USE = 4001
#: How often a page that found every session in use tries again: a refused handshake costs
#: the server next to nothing, and the person waiting gets in within a second of a place freeing.
ALL_IN_USE_RETRY_SECONDS = 1


#: ``?mode=`` of the page and its websocket: the full-screen app, or the line mode.
SCREEN_MODE = "ecran"
LINE_MODE = "ligne"


class Visit(Protocol):
    """What a websocket drives: the full-screen app (textual-serve's protocol) or the line mode
    behind a pty."""

    @property
    def pid(self) -> int | None: ...
    async def start(self, width: int, height: int) -> None: ...
    async def stop(self) -> None: ...
    async def send_bytes(self, data: bytes) -> bool: ...
    async def set_terminal_size(self, width: int, height: int) -> None: ...
    async def focus(self) -> None: ...
    async def blur(self) -> None: ...


class CounterServer(Server):
    def __init__(
        self,
        command: str,
        *,
        line_command: str,
        line_by_default: bool,
        host: str,
        port: int,
        public_url: str | None,
        lang: str,
        max_sessions: int | None,
        secret: str | None,
    ) -> None:
        super().__init__(
            command,
            host=host,
            port=port,
            title=_("Caf · Mon Compte"),
            public_url=public_url,
            statics_path=HERE / "static",
            templates_path=HERE / "templates",
        )
        self.lang = lang
        self.line_command = line_command
        self.line_by_default = line_by_default
        self.slots = SessionSlots(max_sessions)
        self.access = Access(secret)
        #: pid of each running app process, for the tests and the log.
        self.app_pids: set[int] = set()
        #: How each open visit ends: resolved by the shutdown, so no handler outlives it.
        self._endings: set[asyncio.Future[tuple[int, bytes]]] = set()

    # --- the web application ------------------------------------------------------------------

    async def _make_app(self) -> web.Application:
        app = web.Application(middlewares=[self._guard])
        aiohttp_jinja2.setup(
            app,
            loader=jinja2.FileSystemLoader(self.templates_path),
            autoescape=jinja2.select_autoescape(default=True),
        )
        app.add_routes(
            [
                web.get("/", self.handle_index, name="index"),
                web.get("/ws", self.handle_websocket, name="websocket"),
                web.static("/static", self.statics_path, name="static"),
            ]
        )
        app.on_startup.append(self.on_startup)
        app.on_shutdown.append(self.on_shutdown)
        return app

    def serve(self, debug: bool = False) -> None:
        self.debug = debug
        self.initialize_logging()
        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        for signal_number in (signal.SIGINT, signal.SIGTERM):
            with contextlib.suppress(NotImplementedError):
                loop.add_signal_handler(signal_number, self.request_exit)
        # No access log: a first visit's address carries the secret.
        web.run_app(
            self._make_app(),
            host=self.host,
            port=self.port,
            handle_signals=False,
            loop=loop,
            access_log=None,
            print=lambda *args: None,
        )

    async def on_startup(self, app: web.Application) -> None:
        limit = self.slots.limit
        self.console.print(
            f"caf-tui serve: {self.public_url} "
            f"({'max ' + str(limit) if limit else 'no limit of'} sessions"
            f"{', secret required' if self.access.needs_secret else ', loopback only'})"
        )

    async def on_shutdown(self, app: web.Application) -> None:
        """Every open visit ends now: aiohttp would otherwise wait for each browser to close
        its websocket (a minute) before the app processes are stopped."""
        for ending in list(self._endings):
            if not ending.done():
                ending.set_result((WSCloseCode.GOING_AWAY, b"server shutdown"))

    # --- who may come in ----------------------------------------------------------------------

    @web.middleware
    async def _guard(
        self, request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
    ) -> web.StreamResponse:
        if request.path.startswith("/static/"):
            return await handler(request)  # the page's scripts and styles hold nothing private
        if not self.access.needs_secret:
            peer = request.transport.get_extra_info("peername") if request.transport else None
            if not is_loopback(peer[0] if peer else None):
                return self._message_page(
                    request,
                    403,
                    _("Accès refusé"),
                    _("Cette borne n'est ouverte qu'à cet ordinateur."),
                )
            return await handler(request)
        offered = request.query.get(SECRET_PARAMETER)
        if offered is not None:
            if not self.access.secret_matches(offered):
                return self._secret_page(request)
            # The secret leaves the address bar: a cookie carries the visit from here on.
            query = {k: v for k, v in request.query.items() if k != SECRET_PARAMETER}
            response = web.HTTPFound(request.rel_url.with_query(query))
            response.set_cookie(
                COOKIE_NAME,
                self.access.cookie_value(),
                httponly=True,
                samesite="Strict",
                secure=self.public_url.startswith("https:"),
                path="/",
            )
            return response
        if not self.access.cookie_matches(request.cookies.get(COOKIE_NAME)):
            return self._secret_page(request)
        return await handler(request)

    def _secret_page(self, request: web.Request) -> web.Response:
        return self._message_page(
            request,
            403,
            _("Clé de la borne requise"),
            _(
                "Ouvrez l'adresse complète que vous a donnée l'accueil : elle se termine par "
                "?cle= suivi de la clé de la borne."
            ),
        )

    def _message_page(
        self, request: web.Request, status: int, heading: str, text: str
    ) -> web.Response:
        response = aiohttp_jinja2.render_template(
            "message.html",
            request,
            {
                "lang": self.lang,
                "title": self.title,
                "heading": heading,
                "text": text,
                "static_url": f"{self.public_url}/static/",
            },
            status=status,
        )
        self._secure_headers(response)
        return response

    # --- the page -----------------------------------------------------------------------------

    def _secure_headers(self, response: web.StreamResponse) -> None:
        websocket_origin = "ws" + self.public_url[4:] if self.public_url.startswith("http") else ""
        origin = urlsplit(websocket_origin)
        connect = f"{origin.scheme}://{origin.netloc}" if origin.netloc else ""
        response.headers["Content-Security-Policy"] = (
            "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            f"img-src 'self' data:; font-src 'self'; connect-src 'self' {connect}; "
            "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
        )
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Cache-Control"] = "no-store"

    async def handle_index(self, request: web.Request) -> web.StreamResponse:
        """The counter's page. When every session is in use it says so (503), and keeps trying
        for a place on its own: a tab that waits gets in when one frees."""
        all_in_use = self.slots.full
        font_size = min(max(to_int(request.query.get("fontsize", "18"), 18), 10), 48)
        static_url = f"{self.public_url}/static/"
        line = self._line_mode(request)
        mode = LINE_MODE if line else SCREEN_MODE
        websocket_url = "ws" + f"{self.public_url}/ws?mode={mode}"[4:]
        other_mode = SCREEN_MODE if line else LINE_MODE
        client = {
            "websocket": websocket_url,
            "fontSize": font_size,
            "closeVisitEnded": CLOSE_VISIT_ENDED,
            "closeAllInUse": CLOSE_ALL_IN_USE,
            "retrySeconds": ALL_IN_USE_RETRY_SECONDS,
            # Tab and Shift+Tab move between the full-screen app's fields; the line mode has no
            # use for them (counter.js).
            "keysToTheApp": not line,
            "words": {
                "promptLabel": _("Saisie de la borne Caf"),
                "tooMuchOutput": _("Trop de texte à lire : déplacez-vous dans l'écran."),
                "ended": _("Session terminée."),
                "restart": _(words.RESTART),
                "lost": _("La connexion avec la borne est perdue."),
                "allInUse": self._all_in_use_text(),
                "retry": _(words.RETRY),
            },
        }
        response = aiohttp_jinja2.render_template(
            "app_index.html",
            request,
            {
                "lang": self.lang,
                "title": self.title,
                "static_url": static_url,
                "client_json": json.dumps(client, ensure_ascii=False).replace("<", "\\u003c"),
                "all_in_use": all_in_use,
                "all_in_use_heading": _("Toutes les sessions sont occupées"),
                "notice": self._all_in_use_text() if all_in_use else _("Chargement de la borne…"),
                "other_mode_url": f"{self.public_url}/?mode={other_mode}",
                "other_mode": (
                    _("Version plein écran")
                    if line
                    else _("Lecteur d'écran ou plage braille : version ligne à ligne")
                ),
                "noscript": _("Cette borne a besoin de JavaScript."),
                "leave_hint": (
                    _("Pour quitter l'écran de la borne au clavier : Échap, puis Maj+Tab.")
                    if not line
                    else _("Pour quitter l'écran de la borne au clavier : Maj+Tab.")
                ),
            },
            status=503 if all_in_use else 200,
        )
        self._secure_headers(response)
        return response

    def _line_mode(self, request: web.Request) -> bool:
        mode = request.query.get("mode")
        return mode == LINE_MODE or (self.line_by_default and mode != SCREEN_MODE)

    @staticmethod
    def _all_in_use_text() -> str:
        return _(
            "Toutes les sessions de cette borne sont en cours d'utilisation. Patientez : la "
            "page réessaie d'elle-même, ou adressez-vous à l'accueil."
        )

    # --- one visit: one websocket, one app process --------------------------------------------

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        websocket = web.WebSocketResponse(heartbeat=15)
        await websocket.prepare(request)
        if not self.slots.take():
            await websocket.close(code=CLOSE_ALL_IN_USE, message=b"all in use")
            return websocket

        width = min(max(to_int(request.query.get("width", "80"), 80), 20), 500)
        height = min(max(to_int(request.query.get("height", "24"), 24), 10), 200)

        # The socket has one owner, this handler: the process only says how the visit ends.
        # Closing it from the process's task raced this handler's own end, which could drop
        # the connection before the close frame went out (the page then said « connexion
        # perdue » after the staff PIN ended the kiosk).
        ending: asyncio.Future[tuple[int, bytes]] = asyncio.get_running_loop().create_future()
        self._endings.add(ending)

        async def close() -> None:
            if not ending.done():
                ending.set_result((WSCloseCode.OK, b""))

        async def visit_ended() -> None:
            if not ending.done():
                ending.set_result((CLOSE_VISIT_ENDED, b"visit ended"))

        process: Visit
        if self._line_mode(request):
            process = LineVisitProcess(
                self.line_command,
                write_bytes=websocket.send_bytes,
                close=close,
                visit_ended=visit_ended,
            )
        else:
            process = VisitProcess(
                self.command,
                write_bytes=websocket.send_bytes,
                write_str=websocket.send_str,
                close=close,
                visit_ended=visit_ended,
            )
        pid: int | None = None
        try:
            await process.start(width, height)
            pid = process.pid
            if pid is not None:
                self.app_pids.add(pid)
            reading = asyncio.ensure_future(self._read_browser(websocket, process))
            either: set[asyncio.Future[Any]] = {reading, ending}
            await asyncio.wait(either, return_when=asyncio.FIRST_COMPLETED)
            if not reading.done():
                reading.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await reading
            if ending.done():
                code, message = ending.result()
                await websocket.close(code=code, message=message)  # the page moves on at once
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("serve: a visit failed")
        finally:
            stopping = asyncio.ensure_future(process.stop())
            try:
                await asyncio.shield(stopping)
            except asyncio.CancelledError:
                await stopping  # the slot is given back only once the process is gone
                raise
            finally:
                self._endings.discard(ending)
                if pid is not None:
                    self.app_pids.discard(pid)
                self.slots.give_back()
                with contextlib.suppress(Exception):
                    await websocket.close()
        return websocket

    async def _read_browser(self, websocket: web.WebSocketResponse, visit: Visit) -> None:
        """The browser's keys, size and focus, as textual-serve's page sends them."""
        async for message in websocket:
            if message.type != WSMsgType.TEXT:
                continue
            try:
                kind, *rest = json.loads(message.data)
            except (ValueError, TypeError):
                continue  # not a message of the page: ignored
            if kind == "stdin" and rest and isinstance(rest[0], str):
                await visit.send_bytes(rest[0].encode("utf-8"))
            elif kind == "resize" and rest and isinstance(rest[0], dict):
                width = min(max(to_int(str(rest[0].get("width")), 80), 20), 500)
                height = min(max(to_int(str(rest[0].get("height")), 24), 10), 200)
                await visit.set_terminal_size(width, height)
            elif kind == "focus":
                await visit.focus()
            elif kind == "blur":
                await visit.blur()
