"""Snapshot tests: the app on a stub whose clock is frozen, with a steady cursor.

Most pictures start on the screen they show, the app answering from a person's visit to the
test stub kept in memory (the ``karim``, ``paul`` and ``zohra`` fixtures, recorded once per
session: ``visits.py``). Those where the stub's answer is the point stay on the live stub:
FranceConnect's pages, which the app reads over HTTP outside the backend, and the English
login's French refusal.
"""

from __future__ import annotations

import pytest

from caf_stub import RunningStub
from tests.snapshots.visits import (
    KARIM,
    PAUL,
    ZOHRA,
    Visit,
    karim_walk,
    paul_walk,
    record,
    zohra_walk,
)


@pytest.fixture(scope="session")
def karim(_shared_stub: RunningStub) -> Visit:
    return record(_shared_stub, KARIM, karim_walk)


@pytest.fixture(scope="session")
def paul(_shared_stub: RunningStub) -> Visit:
    return record(_shared_stub, PAUL, paul_walk)


@pytest.fixture(scope="session")
def zohra(_shared_stub: RunningStub) -> Visit:
    return record(_shared_stub, ZOHRA, zohra_walk)
