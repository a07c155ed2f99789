"""« Créer Mon Compte » (``/api/v1/signup``): what links the person to a file, then the proof.

Knowing a member's identity is not enough (a housemate knows it): once the file and the person
match, a code goes to a contact *already on file* (the member's own; else the file holder's,
who thus confirms a new member), and the answer's ``next`` is the journey's ``verify_code`` step
with that contact masked. Only the right code opens a session, whose ``next`` is then the
journey's own steps (terms, password, contact, code, account created).
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, Field, SecretStr

from caf_tui.api.models import JourneyResponse, _SecretsOnTheWire


class SignupRequest(BaseModel):
    numero_allocataire: str = Field(max_length=16, description="7 digits.")
    postal_code: str = Field(max_length=8, description="The file's code postal, 5 digits.")
    family_name: str = Field(max_length=80)
    given_names: str = Field(max_length=120)
    birth_date: date
    nir: str | None = Field(
        default=None,
        max_length=32,
        description="13 or 15 digits; none for a person with no NIR (a temporary identifier "
        "is then given).",
    )
    gender: Literal["F", "M"] | None = Field(
        default=None, description="Needed only without a NIR (the NIR says it otherwise)."
    )


class SignupResponse(JourneyResponse):
    flow_token: str = Field(
        description="Names this sign-up in the next calls (15 minutes); no session yet."
    )


class SignupCodeRequest(_SecretsOnTheWire):
    flow_token: SecretStr = Field(max_length=128)
    code: SecretStr = Field(max_length=16)


class SignupFlowRequest(_SecretsOnTheWire):
    flow_token: SecretStr = Field(max_length=128)
