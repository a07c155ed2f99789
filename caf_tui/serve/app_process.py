"""One served visit's app process: textual-serve's ``AppService``, with an end that cannot hang
(the slot is given back only once the process is gone) and the kiosk's wipe as the visit's end."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable

from textual_serve.app_service import AppService
from textual_serve.download_manager import DownloadManager

from caf_tui.kiosk.clear import CLEAR_SEQUENCE

log = logging.getLogger("caf_tui.serve")

#: What the kiosk writes when it wipes a visit (scrollback then screen erased).
_WIPE = CLEAR_SEQUENCE.encode()
#: How long a process has to leave after « quit » before it is terminated, then killed.
QUIT_GRACE_SECONDS = 5.0
TERMINATE_GRACE_SECONDS = 2.0


class VisitProcess(AppService):
    """``visit_ended`` is called once when the kiosk wipes the visit: the page then closes this
    process and starts a fresh one, so nothing of a visitor stays even in the app's memory."""

    def __init__(
        self,
        command: str,
        *,
        write_bytes: Callable[[bytes], Awaitable[None]],
        write_str: Callable[[str], Awaitable[None]],
        close: Callable[[], Awaitable[None]],
        visit_ended: Callable[[], Awaitable[None]],
    ) -> None:
        super().__init__(
            command,
            write_bytes=write_bytes,
            write_str=write_str,
            close=close,
            download_manager=DownloadManager(),
        )
        self._visit_ended = visit_ended
        self._ended = False
        #: Whether the app has drawn anything: before that nobody has seen it, nor signed in.
        self._drawn = False

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process is not None else None

    async def on_data(self, payload: bytes) -> None:
        self._drawn = True
        await super().on_data(payload)
        if _WIPE in payload and not self._ended:
            self._ended = True
            await self._visit_ended()

    async def stop(self) -> None:
        """Ask the app to quit; terminate, then kill, a process that does not. Returns once
        the process has exited. An app that has drawn nothing yet (a tab closed or reloaded
        while it starts) holds no visit: it is terminated at once, not asked, as it would
        read « quit » only once started, a second or two later, holding a place meanwhile."""
        process, task = self._process, self._task
        if process is None:
            return
        self._task = None
        steps = [(QUIT_GRACE_SECONDS, process.terminate), (TERMINATE_GRACE_SECONDS, process.kill)]
        if process.returncode is None:
            if self._drawn:
                with contextlib.suppress(Exception):
                    await self.send_meta({"type": "quit"})
            else:
                with contextlib.suppress(ProcessLookupError):
                    process.terminate()
                steps = steps[1:]
        for grace, end in steps:
            try:
                await asyncio.wait_for(process.wait(), grace)
                break
            except TimeoutError:
                log.warning("serve: app process %s did not leave in %.0f s", process.pid, grace)
                with contextlib.suppress(ProcessLookupError):
                    end()
        await process.wait()
        if task is not None:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(task, TERMINATE_GRACE_SECONDS)
