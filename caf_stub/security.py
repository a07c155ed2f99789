"""Secrets at rest and in transit: argon2id hashes, session tokens, verification codes."""

from __future__ import annotations

import functools
import hashlib
import hmac
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

TOKEN_BYTES = 32
CODE_LENGTH = 6

# One of OWASP's equivalent argon2id settings (m=7 MiB, t=5 rather than m=19 MiB, t=2): the
# embedded demo stub shares the app's process, and each hash in flight holds its memory.
# Hashes made with other settings still verify: argon2 reads them from the hash.
_hasher = PasswordHasher(time_cost=5, memory_cost=7168, parallelism=1)


def hash_secret(secret: str) -> str:
    """An argon2id hash of a password or a verification code."""
    return _hasher.hash(secret)


@functools.cache
def hash_persona_secret(secret: str) -> str:
    """Like ``hash_secret``, computed once per process: seeding personas stays fast."""
    return _hasher.hash(secret)


@functools.cache
def _dummy_hash() -> str:
    return _hasher.hash(secrets.token_urlsafe(16))


def verify_secret(stored_hash: str | None, candidate: str) -> bool:
    """Whether ``candidate`` matches ``stored_hash``.

    With no hash (unknown identifier, no password at the CAF), a dummy hash is checked all the
    same so that the answer takes as long, and the result is False.
    """
    if stored_hash is None:
        _verify(_dummy_hash(), candidate)
        return False
    return _verify(stored_hash, candidate)


def _verify(stored_hash: str, candidate: str) -> bool:
    try:
        return _hasher.verify(stored_hash, candidate)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    return _hasher.check_needs_rehash(stored_hash)


def new_token() -> str:
    """A bearer token: 256 bits from the CSPRNG."""
    return secrets.token_urlsafe(TOKEN_BYTES)


def token_digest(token: str) -> str:
    """What the store keeps of a token: its SHA-256, in hex."""
    return hashlib.sha256(token.encode()).hexdigest()


def same_digest(a: str, b: str) -> bool:
    return hmac.compare_digest(a.encode(), b.encode())


def new_code(fixed: str | None = None) -> str:
    """A verification code of ``CODE_LENGTH`` digits (``fixed`` in tests)."""
    if fixed is not None:
        return fixed
    return f"{secrets.randbelow(10**CODE_LENGTH):0{CODE_LENGTH}d}"


def new_reference() -> str:
    """A reference for an acknowledgment (not a secret)."""
    return secrets.token_hex(4).upper()
