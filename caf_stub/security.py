"""Secrets at rest and in transit: argon2id hashes, session tokens, verification codes."""

from __future__ import annotations

import functools
import hashlib
import hmac
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

TOKEN_BYTES = 32
CODE_LENGTH = 6

# One of OWASP's equivalent argon2id settings (m=7 MiB, t=5 rather than m=19 MiB, t=2): the
# embedded demo stub shares the app's process, and each hash in flight holds its memory.
# Hashes made with other settings still verify: argon2 reads them from the hash.
OWASP = PasswordHasher(time_cost=5, memory_cost=7168, parallelism=1)
# argon2id at the smallest cost it takes: for the test suite's stubs only (StubSettings'
# ``cheapest_hashes``), as Django's tests swap in a fast hasher. Each hash and check takes
# microseconds instead of 30–40 ms of CPU; the suite makes thousands (a login, a code, a new
# password: one each).
CHEAPEST = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)

_hasher: ContextVar[PasswordHasher] = ContextVar("caf_stub_hasher", default=OWASP)


@contextmanager
def hashing(cheapest: bool) -> Iterator[None]:
    """The hashes made within (this request, this seeding) at the stub's cost."""
    token = _hasher.set(CHEAPEST if cheapest else OWASP)
    try:
        yield
    finally:
        _hasher.reset(token)


def hash_secret(secret: str) -> str:
    """An argon2id hash of a password or a verification code."""
    return _hasher.get().hash(secret)


def hash_persona_secret(secret: str) -> str:
    """Like ``hash_secret``, computed once per process and cost: seeding personas stays fast."""
    return _persona_hash(secret, _hasher.get())


@functools.cache
def _persona_hash(secret: str, hasher: PasswordHasher) -> str:
    return hasher.hash(secret)


def _dummy_hash() -> str:
    return _hash_of_nothing(_hasher.get())


@functools.cache
def _hash_of_nothing(hasher: PasswordHasher) -> str:
    return hasher.hash(secrets.token_urlsafe(16))


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
        return _hasher.get().verify(stored_hash, candidate)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    return _hasher.get().check_needs_rehash(stored_hash)


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
