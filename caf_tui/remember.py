"""« Se souvenir de moi »: the identifier, and nothing else, in the system keyring."""

from __future__ import annotations

import logging

import keyring
from keyring.errors import KeyringError, NoKeyringError

from caf_tui.api import IdentifierKind

SERVICE = "caf-tui"
ENTRY = "identifier"

log = logging.getLogger(__name__)


class KeyringUnavailable(Exception):
    """No secure keyring on this system: the identifier cannot be remembered."""


def _secure_keyring() -> keyring.backend.KeyringBackend:
    backend = keyring.get_keyring()
    name = type(backend).__name__.lower()
    # keyrings.alt's plaintext stores and the "fail" backend are no place for anything.
    if "plaintext" in name or "fail" in name or "null" in name:
        raise KeyringUnavailable(type(backend).__name__)
    return backend


def load() -> tuple[IdentifierKind, str] | None:
    """The remembered identifier, or None. Raises KeyringUnavailable when there is no keyring."""
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
    try:
        _secure_keyring().set_password(SERVICE, ENTRY, f"{kind.value}:{identifier}")
    except (NoKeyringError, KeyringError) as exc:
        raise KeyringUnavailable(str(exc)) from exc


def forget() -> None:
    """Forget the identifier (nothing remembered is not an error)."""
    try:
        _secure_keyring().delete_password(SERVICE, ENTRY)
    except keyring.errors.PasswordDeleteError:
        pass
    except (NoKeyringError, KeyringError) as exc:
        raise KeyringUnavailable(str(exc)) from exc
