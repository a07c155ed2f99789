"""Staff PIN hashes for the tests: argon2id like the product's (``hash_pin``), at the smallest
cost argon2 takes, so that each PIN the tests type is checked in milliseconds, not a third of
a second. ``verify_pin`` reads the cost from the hash; the product's own cost is that of
``hash_pin`` (tests/kiosk/test_leaving.py, test_pin_hash_round_trip)."""

from __future__ import annotations

from argon2 import PasswordHasher

_CHEAP = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)


def cheap_pin_hash(pin: str) -> str:
    return _CHEAP.hash(pin)
