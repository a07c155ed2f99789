"""The client's side of issue 18: ``HttpBackend``'s new methods against the real stub, each
refusal as its typed exception with the server's field and message."""

from __future__ import annotations

import pytest
from pydantic import SecretStr

from caf_stub import RunningStub
from caf_tui.api import IdentifierKind
from caf_tui.api.declarations import AddressChangeRequest, FamilySituation, FamilySituationRequest
from caf_tui.api.steps import SpouseRight
from caf_tui.backend.errors import Forbidden, InvalidInput, NotAvailable
from caf_tui.backend.http import HttpBackend
from caf_tui.backend.retry import action_key
from tests.rights.conftest import MOVE
from tests.stub.helpers import Portal

PRIME = {"activity_income": "900", "household_size": "2", "other_income": "oui"}


async def _login(stub: RunningStub, nir: str, password: str) -> HttpBackend:
    backend = HttpBackend(stub.url)
    await backend.login(IdentifierKind.NIR, nir, SecretStr(password))
    return backend


async def test_karim_through_the_client(stub: RunningStub, karim: Portal) -> None:
    karim_app = await _login(stub, "183059999901172", "Nouveau2026")
    zohra_app = await _login(stub, "285079999901252", "Zohra2024")
    try:
        move = AddressChangeRequest(**MOVE)
        summary = await karim_app.address_summary(move)
        assert summary.lines[0].value == "5 avenue de la République, 93100 Montreuil"
        with action_key() as key:  # one press on « Envoyer », tried twice
            first = await karim_app.declare_address(move)
        with action_key(key):
            again = await karim_app.declare_address(move)
        assert again == first
        assert [d.reference for d in (await karim_app.declarations()).declarations] == [
            first.reference
        ]
        board = await karim_app.dashboard()
        assert board.address == summary.lines[0].value
        assert [d.reference for d in board.declarations] == [first.reference]

        with pytest.raises(InvalidInput) as bad:
            await karim_app.situation_summary(
                FamilySituationRequest(situation=FamilySituation.COUPLE, since="31/02/2026")
            )
        assert bad.value.field == "since"

        benefits = await karim_app.benefits()
        assert benefits.benefits[0].id == "prime_activite"
        receipt = await karim_app.request_benefit("prime_activite", PRIME)
        with pytest.raises(InvalidInput) as pending:
            await karim_app.request_benefit("prime_activite", PRIME)
        assert pending.value.code == "already_pending"
        assert receipt.reference in pending.value.message
        with pytest.raises(NotAvailable):
            await karim_app.benefit_summary("../../auth/logout", PRIME)

        with pytest.raises(Forbidden):
            await zohra_app.benefits()
        state = await karim_app.set_spouse_rights([SpouseRight.REQUEST_BENEFIT])
        assert state.spouse is not None and state.spouse.rights == [SpouseRight.REQUEST_BENEFIT]
        assert (await zohra_app.benefit_summary("prime_activite", PRIME)).title
        state = await karim_app.set_spouse_rights([])
        assert state.spouse is not None and state.spouse.authorised is False
        with pytest.raises(Forbidden):
            await zohra_app.benefits()
    finally:
        await karim_app.aclose()
        await zohra_app.aclose()
