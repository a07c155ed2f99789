"""``caf-tui --kiosk`` in a real terminal (a pty): the wipe erases the terminal's scrollback
and screen, and only the staff PIN closes the app."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pexpect

from caf_stub import RunningStub
from caf_tui.kiosk.wipe import CLEAR_SEQUENCE
from tests.kiosk.conftest import STAFF_PIN
from tests.kiosk.terminal_screen import TerminalScreen
from tests.plain.drive import recorded

TIMEOUT = 60


def test_a_visit_in_a_terminal_ends_wiped(stub: RunningStub, pin_hash: str) -> None:
    env = {
        **os.environ,
        "TERM": "xterm-256color",
        "CAF_TUI_KIOSK_PIN_HASH": pin_hash,
        "CAF_TUI_CURSOR_BLINK": "0",
    }
    child = pexpect.spawn(
        str(Path(sys.executable).parent / "caf-tui"),
        ["--kiosk", "--backend", stub.url],
        env=env,
        dimensions=(30, 100),
        timeout=TIMEOUT,
        encoding="utf-8",
        codec_errors="replace",
    )
    # Each key waits for the focus it goes to, not for the words: a screen is drawn before
    # its field takes the focus, and a key typed in between is lost.
    terminal = TerminalScreen(child, TIMEOUT)
    try:
        terminal.wait_for_focused_button("Commencer")
        child.send("\r")
        terminal.wait_for_field_below("Numéro de Sécurité sociale")
        child.send("1780299999015\r")  # Entrée in the identifier: the password is asked for
        terminal.wait_for("Saisissez votre mot de passe")
        terminal.wait_for_field_below("Mot de passe")
        child.send("Leroy1978\r")
        terminal.wait_for("LEROY")
        child.send("\x1b")  # Échap: « Quitter ? »
        terminal.wait_for("QUITTER")
        terminal.wait_for_focused_button("Rester")
        child.send("\t")
        terminal.wait_for_focused_button("Quitter")
        child.send("\r")
        terminal.wait_for_written(CLEAR_SEQUENCE)
        terminal.wait_for_focused_button("Commencer")

        child.send("\x03")  # Ctrl+C: the PIN dialog, not an exit
        terminal.wait_for("SORTIE RÉSERVÉE AU PERSONNEL")
        terminal.wait_for_field_below("Code du personnel")
        child.send("0000\r")
        terminal.wait_for("Code incorrect")
        assert child.isalive()
        child.send(STAFF_PIN + "\r")
        child.expect(pexpect.EOF)
    finally:
        child.close(force=True)
    assert child.exitstatus == 0


def test_kiosk_pin_prints_a_hash_of_a_pin_typed_without_echo() -> None:
    child = pexpect.spawn(
        str(Path(sys.executable).parent / "caf-tui"),
        ["kiosk-pin"],
        timeout=TIMEOUT,
        encoding="utf-8",
    )
    with recorded(child) as seen:
        child.expect_exact("Code du personnel")
        child.sendline("735911")
        child.expect_exact("encore une fois")
        child.sendline("735911")
        child.expect(r"(\$argon2id\$\S+)")
        pin_hash = child.match.group(1)
        child.expect(pexpect.EOF)
    assert child.exitstatus == 0
    assert "735911" not in seen.getvalue()  # typed without echo
    from caf_tui.kiosk.pin import verify_pin

    assert verify_pin(pin_hash, "735911")
