"""The wire contract between the terminal app and any backend (``/api/v1``).

The names (plain enums, ``caf_tui.api.names``) are here at once; a model is imported when first
asked for (PEP 562): pydantic costs more to import than a bare Textual app takes to paint, and the
login paints without the models.
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

from caf_tui.api.names import (
    HTTP_STATUS,
    Channel,
    ErrorCode,
    IdentifierKind,
    Role,
    Section,
    SpouseDecision,
    SpouseRight,
    StepName,
)

if TYPE_CHECKING:
    from caf_tui.api.errors import ErrorBody, ErrorDetail
    from caf_tui.api.franceconnect import (
        CallbackOutcome,
        ConsentClaim,
        ConsentPage,
        FranceConnectCompleted,
        FranceConnectPending,
        FranceConnectStart,
        ProviderChoice,
        ProviderField,
        ProviderForm,
        ProviderList,
        ProviderMessage,
    )
    from caf_tui.api.models import (
        AcceptTermsRequest,
        AuthResponse,
        ChoosePasswordRequest,
        ConfirmContactRequest,
        DashboardResponse,
        JourneyResponse,
        LoginRequest,
        OutboxMessage,
        Payment,
        Person,
        SectionAccess,
        SessionInfo,
        SpouseAuthorisationRequest,
        UpdateContactRequest,
        VerifyCodeRequest,
    )
    from caf_tui.api.next_step import NextStep
    from caf_tui.api.recovery_steps import RecoveryCodeStep, RecoveryPasswordStep
    from caf_tui.api.steps import (
        AcceptTermsStep,
        AccountCreatedStep,
        ChannelOption,
        ChoosePasswordStep,
        ConfirmContactStep,
        DashboardStep,
        LoginStep,
        MigrationIntroStep,
        OtherStep,
        PasswordPolicy,
        Progress,
        SpouseAuthorisationStep,
        TermsSection,
        VerifyCodeStep,
    )

API_PREFIX = "/api/v1"

#: Each model's module, imported by the first use of one of its names.
MODEL_MODULES: dict[str, str] = {
    "AcceptTermsRequest": "caf_tui.api.models",
    "AcceptTermsStep": "caf_tui.api.steps",
    "AccountCreatedStep": "caf_tui.api.steps",
    "AuthResponse": "caf_tui.api.models",
    "CallbackOutcome": "caf_tui.api.franceconnect",
    "ChannelOption": "caf_tui.api.steps",
    "ChoosePasswordRequest": "caf_tui.api.models",
    "ChoosePasswordStep": "caf_tui.api.steps",
    "ConfirmContactRequest": "caf_tui.api.models",
    "ConfirmContactStep": "caf_tui.api.steps",
    "ConsentClaim": "caf_tui.api.franceconnect",
    "ConsentPage": "caf_tui.api.franceconnect",
    "DashboardResponse": "caf_tui.api.models",
    "DashboardStep": "caf_tui.api.steps",
    "ErrorBody": "caf_tui.api.errors",
    "ErrorDetail": "caf_tui.api.errors",
    "FranceConnectCompleted": "caf_tui.api.franceconnect",
    "FranceConnectPending": "caf_tui.api.franceconnect",
    "FranceConnectStart": "caf_tui.api.franceconnect",
    "JourneyResponse": "caf_tui.api.models",
    "LoginRequest": "caf_tui.api.models",
    "LoginStep": "caf_tui.api.steps",
    "MigrationIntroStep": "caf_tui.api.steps",
    "NextStep": "caf_tui.api.next_step",
    "OtherStep": "caf_tui.api.steps",
    "OutboxMessage": "caf_tui.api.models",
    "PasswordPolicy": "caf_tui.api.steps",
    "Payment": "caf_tui.api.models",
    "Person": "caf_tui.api.models",
    "Progress": "caf_tui.api.steps",
    "ProviderChoice": "caf_tui.api.franceconnect",
    "ProviderField": "caf_tui.api.franceconnect",
    "ProviderForm": "caf_tui.api.franceconnect",
    "ProviderList": "caf_tui.api.franceconnect",
    "ProviderMessage": "caf_tui.api.franceconnect",
    "RecoveryCodeStep": "caf_tui.api.recovery_steps",
    "RecoveryPasswordStep": "caf_tui.api.recovery_steps",
    "SectionAccess": "caf_tui.api.models",
    "SessionInfo": "caf_tui.api.models",
    "SpouseAuthorisationRequest": "caf_tui.api.models",
    "SpouseAuthorisationStep": "caf_tui.api.steps",
    "TermsSection": "caf_tui.api.steps",
    "UpdateContactRequest": "caf_tui.api.models",
    "VerifyCodeRequest": "caf_tui.api.models",
    "VerifyCodeStep": "caf_tui.api.steps",
}


def __getattr__(name: str) -> Any:
    module = MODEL_MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value  # asked for once
    return value


__all__ = [
    "API_PREFIX",
    "HTTP_STATUS",
    "AcceptTermsRequest",
    "AcceptTermsStep",
    "AccountCreatedStep",
    "AuthResponse",
    "CallbackOutcome",
    "Channel",
    "ChannelOption",
    "ChoosePasswordRequest",
    "ChoosePasswordStep",
    "ConfirmContactRequest",
    "ConfirmContactStep",
    "ConsentClaim",
    "ConsentPage",
    "DashboardResponse",
    "DashboardStep",
    "ErrorBody",
    "ErrorCode",
    "ErrorDetail",
    "FranceConnectCompleted",
    "FranceConnectPending",
    "FranceConnectStart",
    "IdentifierKind",
    "JourneyResponse",
    "LoginRequest",
    "LoginStep",
    "MigrationIntroStep",
    "NextStep",
    "OtherStep",
    "OutboxMessage",
    "PasswordPolicy",
    "Payment",
    "Person",
    "Progress",
    "ProviderChoice",
    "ProviderField",
    "ProviderForm",
    "ProviderList",
    "ProviderMessage",
    "RecoveryCodeStep",
    "RecoveryPasswordStep",
    "Role",
    "Section",
    "SectionAccess",
    "SessionInfo",
    "SpouseAuthorisationRequest",
    "SpouseAuthorisationStep",
    "SpouseDecision",
    "SpouseRight",
    "StepName",
    "TermsSection",
    "UpdateContactRequest",
    "VerifyCodeRequest",
    "VerifyCodeStep",
]
