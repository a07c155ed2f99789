"""Every request that carries a secret sends it: a SecretStr dumps as « ********** » unless its
model reveals it on the wire, and the server would then judge the stars (a right password
refused as wrong)."""

from __future__ import annotations

import inspect

from pydantic import BaseModel, SecretStr

import caf_tui.api as api
from caf_tui.api import account, declarations, franceconnect, models, recovery, signup, steps
from caf_tui.api.models import _SecretsOnTheWire

MODULES = (api, account, declarations, franceconnect, models, recovery, signup, steps)


def secret_holding_models() -> set[type[BaseModel]]:
    found: set[type[BaseModel]] = set()
    for module in MODULES:
        for _, value in inspect.getmembers(module, inspect.isclass):
            if issubclass(value, BaseModel) and any(
                field.annotation in (SecretStr, SecretStr | None)
                for field in value.model_fields.values()
            ):
                found.add(value)
    return found


def test_every_model_with_a_secret_reveals_it_only_on_the_wire() -> None:
    holders = secret_holding_models()
    assert account.ContactChangeRequest in holders and len(holders) >= 5
    for model in holders:
        assert issubclass(model, _SecretsOnTheWire), model.__name__


def test_the_contact_change_sends_the_password_typed() -> None:
    request = account.ContactChangeRequest(
        channel=api.Channel.SMS, value="0781234567", current_password=SecretStr("Leroy1978")
    )
    assert '"current_password":"Leroy1978"' in request.model_dump_json()
    assert "Leroy1978" not in repr(request)
