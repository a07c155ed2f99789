"""« Créer Mon Compte » (``POST /api/v1/signup``): what links the person to a file.

A match opens a session whose ``next`` is the journey's own steps (terms, password, contact,
code, account created): the server directs, the migration's screens serve again.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, Field


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
