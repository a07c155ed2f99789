"""The one error shape and its closed set of codes.

Every non-2xx answer of the API is ``{"error": {"code": ..., "message": ..., "field": ...}}``.
``message`` is French, written for the person; ``code`` is for programs; ``field`` names the
form field the error concerns, so a screen can show it next to that field.
"""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, Field

# Re-exported: the names were defined here before they needed to be pydantic-free.
from caf_tui.api.names import HTTP_STATUS as HTTP_STATUS
from caf_tui.api.names import ErrorCode as ErrorCode


class ErrorDetail(BaseModel):
    code: ErrorCode
    message: str = Field(description="French, for the person: what is wrong and how to fix it.")
    field: str | None = Field(default=None, description="The form field concerned, if any.")
    retry_after: int | None = Field(default=None, description="Seconds before trying again.")
    locked_until: datetime | None = None
    attempts_left: int | None = None
    failed_rules: list[str] | None = Field(
        default=None, description="Password rule ids that failed (see PasswordRule)."
    )


class ErrorBody(BaseModel):
    error: ErrorDetail
