"""The client keeps no secret: a real ``caf-tui`` in a pty, with a HOME of its own, logs Paul in
and out. Afterwards no file under that HOME holds his password or a session token, and nothing
the terminal received (its whole scrollback) shows the password.

A token is recognised by the stub: any 43-character URL-safe run in a file whose digest is a
session the stub opened is a leaked token (the test never needs to know the token itself).
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import pexpect

from caf_stub import RunningStub
from caf_stub.personas import PAUL
from caf_stub.security import token_digest

TIMEOUT = 60
TOKEN_LIKE = re.compile(rb"[A-Za-z0-9_-]{43}")


def _files(home: Path) -> list[Path]:
    return [path for path in home.rglob("*") if path.is_file()]


def test_no_password_or_token_under_home_nor_in_the_scrollback(
    stub: RunningStub, tmp_path: Path
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    env = {
        **os.environ,
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "XDG_STATE_HOME": str(home / ".local" / "state"),
        "TERM": "xterm-256color",
        "CAF_TUI_CURSOR_BLINK": "0",
    }
    child = pexpect.spawn(
        str(Path(sys.executable).parent / "caf-tui"),
        ["--backend", stub.url],
        env=env,
        dimensions=(30, 100),
        timeout=TIMEOUT,
        encoding="utf-8",
        codec_errors="replace",
    )
    transcript: list[str] = []
    child.logfile_read = _Collect(transcript)
    try:
        child.expect_exact("CONNEXION")
        child.send(PAUL.identifier + "\r")
        child.expect_exact("Saisissez votre mot de passe")
        child.send((PAUL.password or "") + "\r")
        child.expect_exact("LEROY")
        child.send("\x1b")  # Échap: « Quitter ? »
        child.expect_exact("QUITTER")
        child.send("\t\r")  # « Quitter »: logged out, back at the login
        child.expect_exact("CONNEXION")
        child.send("\x11")  # Ctrl+Q: the app closes
        child.expect(pexpect.EOF)
    finally:
        child.close(force=True)

    opened = stub.context.store.account_sessions(_paul_id(stub), 50)
    assert opened, "the app did log Paul in"
    digests = {session.token_hash for session in opened}
    scrollback = "".join(transcript)
    assert "LEROY" in scrollback
    assert (PAUL.password or "") not in scrollback
    for path in _files(home):
        data = path.read_bytes()
        assert (PAUL.password or "").encode() not in data, path
        leaked = [m for m in TOKEN_LIKE.findall(data) if token_digest(m.decode()) in digests]
        assert leaked == [], path


def _paul_id(stub: RunningStub) -> int:
    account = stub.context.store.account_by_nir(PAUL.nir or "")
    assert account is not None
    return account.id


class _Collect:
    """pexpect's read log, kept in memory: everything the terminal was sent."""

    def __init__(self, into: list[str]) -> None:
        self.into = into

    def write(self, text: str) -> None:
        self.into.append(text)

    def flush(self) -> None:
        return
