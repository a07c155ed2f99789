"""The pieces without HTTP: matching an identité pivot to an account, the QR code's text."""

from __future__ import annotations

from dataclasses import replace

import pytest

from caf_stub.franceconnect.identities import TEST_IDENTITIES
from caf_stub.franceconnect.matching import find_account, pivot_from_claims
from caf_stub.personas import seed
from caf_stub.store import Store
from caf_stub.testing import START
from caf_tui.qr import qr_lines

ANGELA = TEST_IDENTITIES[0].pivot


@pytest.fixture(scope="module")
def store() -> Store:
    seeded = Store(":memory:")
    seed(seeded, START)
    return seeded


def test_angela_is_found_whatever_the_case_and_accents(store: Store) -> None:
    account = find_account(store, replace(ANGELA, given_name="angela  claire-louise"))
    assert account is not None and account.nir == "262089999901627"


@pytest.mark.parametrize(
    "change",
    [
        {"birthplace": "75108"},
        {"birthcountry": "99350"},
        {"gender": "male"},
        {"family_name": "DUPONT"},
        {"given_name": "Angela"},
    ],
)
def test_any_difference_matches_no_one(store: Store, change: dict[str, str]) -> None:
    assert find_account(store, replace(ANGELA, **change)) is None  # type: ignore[arg-type]


def test_claims_missing_a_field_give_no_identity() -> None:
    claims = ANGELA.claims()
    del claims["birthdate"]
    assert pivot_from_claims(claims) is None
    assert pivot_from_claims(ANGELA.claims()) == ANGELA


def test_the_qr_code_has_its_three_finder_patterns() -> None:
    lines = qr_lines("http://127.0.0.1:8800/fc/abcdefghijklmnop", border=0)
    width = len(lines[0])
    assert all(len(line) == width for line in lines)
    assert width in (21, 25, 29, 33)  # a small version: it fits 80x24 with some scrolling
    assert lines[0].startswith("█▀▀▀▀▀█") and lines[0].endswith("█▀▀▀▀▀█")
    # the bottom-left pattern: its left column is dark on each of the last lines
    assert all(line[0] != " " for line in lines[-3:])
