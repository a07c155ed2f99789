"""``NextStep``: the one union of every step the server may direct the client to.

Told apart by ``step``. A client that meets a step name it does not know parses it as
``OtherStep`` and can say so, instead of failing. That leniency is the client's own: the
published schema lists the server's steps only, with an OpenAPI discriminator on ``step`` and
its mapping, so that any answer matches exactly one of them.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import Discriminator, GetJsonSchemaHandler, Tag
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema

from caf_tui.api import recovery_steps, steps
from caf_tui.api.steps import OtherStep, StepName

DISCRIMINATOR = "step"
OTHER = "other"
"""The tag of ``OtherStep``, the client's fallback (never a value of ``step`` on the wire)."""

KNOWN_STEPS = frozenset(s.value for s in StepName)


def _step_tag(value: Any) -> str:
    if isinstance(value, OtherStep):
        return OTHER
    name = value.get("step") if isinstance(value, dict) else getattr(value, "step", None)
    return name if name in KNOWN_STEPS else OTHER


class _PublishedWithDiscriminator:
    """The union's JSON schema: the known steps only, and a discriminator mapping each ``step``
    value to its model (pydantic writes none for a callable discriminator)."""

    def __get_pydantic_json_schema__(
        self, schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        if schema["type"] != "tagged-union":
            raise TypeError("NextStep must stay a tagged union")
        mapping: dict[str, str] = {}
        for tag, choice in schema["choices"].items():
            if tag == OTHER:
                continue
            reference = handler(choice)
            mapping[str(tag)] = reference["$ref"]
        return {
            "oneOf": [{"$ref": target} for target in mapping.values()],
            "discriminator": {"propertyName": DISCRIMINATOR, "mapping": mapping},
        }


NextStep = Annotated[
    Annotated[steps.LoginStep, Tag(StepName.LOGIN)]
    | Annotated[steps.MigrationIntroStep, Tag(StepName.MIGRATION_INTRO)]
    | Annotated[steps.AcceptTermsStep, Tag(StepName.ACCEPT_TERMS)]
    | Annotated[steps.ChoosePasswordStep, Tag(StepName.CHOOSE_PASSWORD)]
    | Annotated[steps.ConfirmContactStep, Tag(StepName.CONFIRM_CONTACT)]
    | Annotated[steps.VerifyCodeStep, Tag(StepName.VERIFY_CODE)]
    | Annotated[steps.AccountCreatedStep, Tag(StepName.ACCOUNT_CREATED)]
    | Annotated[steps.SpouseAuthorisationStep, Tag(StepName.SPOUSE_AUTHORISATION)]
    | Annotated[steps.DashboardStep, Tag(StepName.DASHBOARD)]
    | Annotated[recovery_steps.RecoveryCodeStep, Tag(StepName.RECOVERY_CODE)]
    | Annotated[recovery_steps.RecoveryPasswordStep, Tag(StepName.RECOVERY_PASSWORD)]
    | Annotated[OtherStep, Tag(OTHER)],
    Discriminator(_step_tag),
    _PublishedWithDiscriminator(),
]
