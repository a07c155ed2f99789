"""« Se souvenir de moi »: the identifier, and nothing else, in the system keyring.

keyring (and the D-Bus and crypto libraries behind it: about a tenth of a second) is imported
by the first look-up, in the login's worker thread once the screen is painted, not at start.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from caf_tui.api import IdentifierKind

if TYPE_CHECKING:
    import keyring.backend

SERVICE = "caf-tui"
ENTRY = "identifier"

log = logging.getLogger(__name__)


class KeyringUnavailable(Exception):
    """No secure keyring on this system: the identifier cannot be remembered."""


def _secure_keyring() -> keyring.backend.KeyringBackend:
    import keyring

    backend = keyring.get_keyring()
    name = type(backend).__name__.lower()
    # keyrings.alt's plaintext stores and the "fail" backend are no place for anything.
    if "plaintext" in name or "fail" in name or "null" in name:
        raise KeyringUnavailable(type(backend).__name__)
    return backend


def load() -> tuple[IdentifierKind, str] | None:
    """The remembered identifier, or None. Raises KeyringUnavailable when there is no keyring."""
    from keyring.errors import KeyringError, NoKeyringError

    try:
        stored = _secure_keyring().get_password(SERVICE, ENTRY)
    except (NoKeyringError, KeyringError) as exc:
        raise KeyringUnavailable(str(exc)) from exc
    if not stored or ":" not in stored:
        return None
    kind, _, identifier = stored.partition(":")
    try:
        return IdentifierKind(kind), identifier
    except ValueError:
        return None


def save(kind: IdentifierKind, identifier: str) -> None:
    """Remember the identifier. Raises KeyringUnavailable when there is no keyring."""
    from keyring.errors import KeyringError, NoKeyringError

    try:
        _secure_keyring().set_password(SERVICE, ENTRY, f"{kind.value}:{identifier}")
    except (NoKeyringError, KeyringError) as exc:
        raise KeyringUnavailable(str(exc)) from exc


def forget() -> None:
    """Forget the identifier (nothing remembered is not an error)."""
    from keyring.errors import KeyringError, NoKeyringError, PasswordDeleteError

    try:
        _secure_keyring().delete_password(SERVICE, ENTRY)
    except PasswordDeleteError:
        pass
    except (NoKeyringError, KeyringError) as exc:
        raise KeyringUnavailable(str(exc)) from exc
