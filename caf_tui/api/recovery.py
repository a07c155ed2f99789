"""Requests and answers of « Mot de passe oublié ? » (``/api/v1/recovery``), before any session.

The start answers the same way whether the identifier exists or not; the flow token that comes
back stands for the request in the next calls, as a session token would.
"""

from __future__ import annotations

from pydantic import Field, SecretStr

from caf_tui.api.models import JourneyResponse, _SecretsOnTheWire
from caf_tui.api.steps import IdentifierKind


class RecoveryStartRequest(_SecretsOnTheWire):
    identifier_kind: IdentifierKind = IdentifierKind.NIR
    identifier: str = Field(max_length=64, description="13 or 15 digits, or T + 8 digits.")


class RecoveryResponse(JourneyResponse):
    flow_token: str = Field(description="Names this request in the next calls (15 minutes).")


class RecoveryCodeRequest(_SecretsOnTheWire):
    flow_token: SecretStr = Field(max_length=128)
    code: SecretStr = Field(max_length=16)


class RecoveryPasswordRequest(_SecretsOnTheWire):
    flow_token: SecretStr = Field(max_length=128)
    password: SecretStr = Field(max_length=128)
    confirmation: SecretStr = Field(max_length=128)


class RecoveryFlowRequest(_SecretsOnTheWire):
    flow_token: SecretStr = Field(max_length=128)
