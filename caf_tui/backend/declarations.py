"""The file rights of the Backend protocol (« Déclarer un changement », « Faire une demande de
prestation », « Mes attestations », the spouse's rights one by one), and their HTTP side.

Every method may raise ``BackendUnavailable``, ``ServerError``, ``NotAuthenticated`` and
``StepMismatch`` on top of those it names; each file right may raise ``Forbidden`` (the role,
or a spouse without that right: the message says who may).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Protocol
from urllib.parse import quote

from caf_tui.api import API_PREFIX
from caf_tui.api.account import AuthorisationsResponse, UpdateAuthorisationsRequest
from caf_tui.api.declarations import (
    AddressChangeRequest,
    AttestationKind,
    AttestationSent,
    BenefitAnswers,
    BenefitReceipt,
    BenefitsResponse,
    BenefitSummary,
    DeclarationReceipt,
    DeclarationsResponse,
    DeclarationSummary,
    FamilySituationRequest,
)
from caf_tui.api.steps import SpouseRight
from caf_tui.backend.transport import HttpTransport, malformed
from caf_tui.i18n import _

_SAFE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}\.pdf")


@dataclass(frozen=True)
class AttestationFile:
    """A PDF as the server sent it. ``filename`` is a bare, safe name (never a path)."""

    kind: AttestationKind
    filename: str
    content: bytes


def safe_filename(header: str | None, kind: AttestationKind) -> str:
    """The name of a Content-Disposition header if it is a bare, plain ``….pdf`` name; else
    one made from ``kind``: a server never chooses where a file lands."""
    match = re.search(r'filename="?([^";]+)"?', header or "")
    name = match.group(1).strip() if match else ""
    return name if _SAFE_NAME.fullmatch(name) else f"attestation-{kind.value}.pdf"


class DeclarationsBackend(Protocol):
    async def declarations(self) -> DeclarationsResponse:
        """The household's declarations, newest first."""
        ...

    async def address_summary(self, request: AddressChangeRequest) -> DeclarationSummary:
        """Check a new address; what would be declared. Raises InvalidInput (``field`` says
        which: street, postal_code, commune, moved_on)."""
        ...

    async def declare_address(self, request: AddressChangeRequest) -> DeclarationReceipt:
        """Declare the move; its « accusé de réception ». Raises InvalidInput."""
        ...

    async def situation_summary(self, request: FamilySituationRequest) -> DeclarationSummary:
        """Check a change of family situation. Raises InvalidInput (situation, since)."""
        ...

    async def declare_situation(self, request: FamilySituationRequest) -> DeclarationReceipt:
        """Declare it; its « accusé de réception ». Raises InvalidInput."""
        ...

    async def benefits(self) -> BenefitsResponse:
        """The benefits one may request, with their questions."""
        ...

    async def benefit_summary(self, benefit_id: str, answers: dict[str, str]) -> BenefitSummary:
        """Check the answers. Raises InvalidInput (``field`` is the question's id), NotFound."""
        ...

    async def request_benefit(self, benefit_id: str, answers: dict[str, str]) -> BenefitReceipt:
        """Send the request. Raises InvalidInput, NotFound, and a refusal already_pending."""
        ...

    async def attestation_pdf(self, kind: AttestationKind) -> AttestationFile:
        """The attestation's PDF bytes."""
        ...

    async def send_attestation(self, kind: AttestationKind) -> AttestationSent:
        """Send the attestation to the person's e-mail. Raises InvalidInput
        (channel_unavailable: no e-mail on file)."""
        ...

    async def set_spouse_rights(self, rights: list[SpouseRight]) -> AuthorisationsResponse:
        """Grant the spouse exactly ``rights`` (none: withdraw them all). Raises Forbidden
        (not the file holder, or no spouse)."""
        ...


class DeclarationsHttpMixin(HttpTransport):
    """``DeclarationsBackend`` over HTTP, mixed into ``HttpBackend``."""

    async def declarations(self) -> DeclarationsResponse:
        return await self._call("GET", "/account/declarations", DeclarationsResponse)

    async def address_summary(self, request: AddressChangeRequest) -> DeclarationSummary:
        path = "/account/declarations/address/summary"
        return await self._call("POST", path, DeclarationSummary, request)

    async def declare_address(self, request: AddressChangeRequest) -> DeclarationReceipt:
        return await self._call(
            "POST", "/account/declarations/address", DeclarationReceipt, request
        )

    async def situation_summary(self, request: FamilySituationRequest) -> DeclarationSummary:
        path = "/account/declarations/family_situation/summary"
        return await self._call("POST", path, DeclarationSummary, request)

    async def declare_situation(self, request: FamilySituationRequest) -> DeclarationReceipt:
        path = "/account/declarations/family_situation"
        return await self._call("POST", path, DeclarationReceipt, request)

    async def benefits(self) -> BenefitsResponse:
        return await self._call("GET", "/account/benefits", BenefitsResponse)

    async def benefit_summary(self, benefit_id: str, answers: dict[str, str]) -> BenefitSummary:
        path = f"/account/benefits/{quote(benefit_id, safe='')}/summary"
        return await self._call("POST", path, BenefitSummary, BenefitAnswers(answers=answers))

    async def request_benefit(self, benefit_id: str, answers: dict[str, str]) -> BenefitReceipt:
        path = f"/account/benefits/{quote(benefit_id, safe='')}/requests"
        return await self._call("POST", path, BenefitReceipt, BenefitAnswers(answers=answers))

    async def attestation_pdf(self, kind: AttestationKind) -> AttestationFile:
        response = await self._request("GET", f"{API_PREFIX}/account/attestations/{kind}/pdf")
        if not response.headers.get("content-type", "").startswith("application/pdf"):
            raise malformed(_("Le service n'a pas envoyé de fichier PDF. Réessayez."))
        name = safe_filename(response.headers.get("content-disposition"), kind)
        return AttestationFile(kind=kind, filename=name, content=response.content)

    async def send_attestation(self, kind: AttestationKind) -> AttestationSent:
        path = f"/account/attestations/{kind}/send"
        return await self._call("POST", path, AttestationSent)

    async def set_spouse_rights(self, rights: list[SpouseRight]) -> AuthorisationsResponse:
        body = UpdateAuthorisationsRequest(spouse_authorised=bool(rights), rights=rights or None)
        return await self._call("PUT", "/account/authorisations", AuthorisationsResponse, body)
