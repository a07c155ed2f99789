"""One served visit in the line mode (``caf-tui --plain --kiosk``) behind a pseudo-terminal.

The line mode is no Textual app: it reads lines and prints them, so it does not speak
textual-serve's packet protocol. It runs on a pty of its own, as on a real terminal: the pty
echoes what is typed and edits the line, hides a password (the line mode switches echo off),
and turns Ctrl+C into the interrupt that asks for the staff PIN. What it prints goes to the
browser as is; what the browser types goes to the pty.
"""

from __future__ import annotations

import asyncio
import contextlib
import fcntl
import os
import pty
import struct
import termios
from collections.abc import Awaitable, Callable

from caf_tui.kiosk.clear import CLEAR_SEQUENCE
from caf_tui.serve.app_process import QUIT_GRACE_SECONDS

_WIPE = CLEAR_SEQUENCE.encode()


def _set_size(descriptor: int, width: int, height: int) -> None:
    fcntl.ioctl(descriptor, termios.TIOCSWINSZ, struct.pack("HHHH", height, width, 0, 0))


def _take_the_terminal() -> None:
    """In the child: a session of its own, with the pty (its stdin) as controlling terminal,
    so that Ctrl+C reaches it as SIGINT."""
    os.setsid()
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


class LineVisitProcess:
    def __init__(
        self,
        command: str,
        *,
        write_bytes: Callable[[bytes], Awaitable[None]],
        close: Callable[[], Awaitable[None]],
        visit_ended: Callable[[], Awaitable[None]],
    ) -> None:
        self.command = command
        self._write_bytes = write_bytes
        self._close = close
        self._visit_ended = visit_ended
        self._ended = False
        self._process: asyncio.subprocess.Process | None = None
        self._terminal: int | None = None
        self._output: asyncio.Queue[bytes] = asyncio.Queue()
        self._pump: asyncio.Task[None] | None = None

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process is not None else None

    async def start(self, width: int, height: int) -> None:
        terminal, child_side = pty.openpty()
        _set_size(child_side, width, height)
        environment = dict(os.environ, TERM="xterm-256color", COLUMNS=str(width))
        environment["LINES"] = str(height)
        try:
            self._process = await asyncio.create_subprocess_shell(
                self.command,
                stdin=child_side,
                stdout=child_side,
                stderr=child_side,
                env=environment,
                preexec_fn=_take_the_terminal,
            )
        finally:
            os.close(child_side)
        self._terminal = terminal
        os.set_blocking(terminal, False)
        asyncio.get_running_loop().add_reader(terminal, self._readable)
        self._pump = asyncio.create_task(self._send_output())

    def _readable(self) -> None:
        assert self._terminal is not None
        try:
            data = os.read(self._terminal, 65536)
        except BlockingIOError:
            return
        except OSError:  # EIO: the line mode has left and closed its side
            data = b""
        if not data:
            asyncio.get_running_loop().remove_reader(self._terminal)
        self._output.put_nowait(data)

    async def _send_output(self) -> None:
        """One sender, so that the browser gets the output in order."""
        while data := await self._output.get():
            with contextlib.suppress(Exception):
                await self._write_bytes(data)
            if _WIPE in data and not self._ended:
                self._ended = True
                await self._visit_ended()
        with contextlib.suppress(Exception):
            await self._close()  # the staff left: the page says the session has ended

    async def send_bytes(self, data: bytes) -> bool:
        if self._terminal is None:
            return False
        try:
            os.write(self._terminal, data)
        except OSError:
            return False
        return True

    async def set_terminal_size(self, width: int, height: int) -> None:
        if self._terminal is not None:
            with contextlib.suppress(OSError):
                _set_size(self._terminal, width, height)

    async def focus(self) -> None:
        """The line mode has no notion of focus."""

    async def blur(self) -> None:
        """The line mode has no notion of focus."""

    async def stop(self) -> None:
        """End the line mode (SIGTERM, then SIGKILL); returns once the process has exited."""
        process = self._process
        if process is None:
            return
        self._process = None
        if process.returncode is None:
            with contextlib.suppress(ProcessLookupError):
                process.terminate()
        try:
            await asyncio.wait_for(process.wait(), QUIT_GRACE_SECONDS)
        except TimeoutError:
            with contextlib.suppress(ProcessLookupError):
                process.kill()
            await process.wait()
        if self._terminal is not None:
            with contextlib.suppress(ValueError, OSError):
                asyncio.get_running_loop().remove_reader(self._terminal)
            os.close(self._terminal)
            self._terminal = None
        if self._pump is not None:
            self._pump.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._pump
