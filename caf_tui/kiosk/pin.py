"""The staff PIN: an argon2 hash in the settings, checked without ever storing the PIN.

``caf-tui kiosk-pin`` asks for a PIN twice without echo and prints its hash, to put in
``CAF_TUI_KIOSK_PIN_HASH``. Wrong PINs are counted: after ``MAX_FAILURES`` in a row the
dialog refuses every PIN for ``LOCK_SECONDS``, so the public cannot try them all.
"""

from __future__ import annotations

import argparse
import getpass
import sys
import time

from caf_tui.i18n import _
from caf_tui.kiosk.idle import Monotonic

MIN_LENGTH = 4
MAX_FAILURES = 3
LOCK_SECONDS = 30.0


def hash_pin(pin: str) -> str:
    if len(pin) < MIN_LENGTH or not pin.isdigit():
        raise ValueError(_("Le code doit compter au moins {n} chiffres.").format(n=MIN_LENGTH))
    from argon2 import PasswordHasher

    return PasswordHasher().hash(pin)


def verify_pin(pin_hash: str, pin: str) -> bool:
    """True when ``pin`` matches ``pin_hash`` (constant-time, inside argon2)."""
    from argon2 import PasswordHasher
    from argon2.exceptions import InvalidHashError, VerificationError

    try:
        return PasswordHasher().verify(pin_hash, pin)
    except (VerificationError, InvalidHashError):
        return False


class PinGuard:
    """Counts wrong PINs in a row and locks the dialog for a while after too many."""

    def __init__(self, clock: Monotonic = time.monotonic) -> None:
        self.clock = clock
        self.failures = 0
        self._locked_until = 0.0

    def locked_for(self) -> int:
        """Seconds the dialog still refuses every PIN (0: not locked)."""
        return max(0, round(self._locked_until - self.clock()))

    def failed(self) -> None:
        self.failures += 1
        if self.failures >= MAX_FAILURES:
            self.failures = 0
            self._locked_until = self.clock() + LOCK_SECONDS

    def succeeded(self) -> None:
        self.failures = 0


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.description = _(
        "Demande deux fois un code du personnel (sans écho) et affiche son hachage argon2, à "
        "mettre dans CAF_TUI_KIOSK_PIN_HASH."
    )


def run(args: argparse.Namespace) -> int:
    """``caf-tui kiosk-pin``: print the hash of a PIN typed twice without echo."""
    pin = getpass.getpass(_("Code du personnel (au moins 4 chiffres) : "))
    if getpass.getpass(_("Le même code, encore une fois : ")) != pin:
        print(_("Les deux codes diffèrent."), file=sys.stderr)
        return 1
    try:
        print(hash_pin(pin))
    except ValueError as error:
        print(error, file=sys.stderr)
        return 1
    return 0
