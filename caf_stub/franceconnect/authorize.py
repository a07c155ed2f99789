"""The demo FranceConnect's authorization: the request's checks, then the pages a person goes
through (identity providers, the provider's form, the consent), down to the code sent back."""

from __future__ import annotations

import hmac
import secrets
from datetime import timedelta
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse, Response

from caf_stub.context import StubContext, context_of
from caf_stub.franceconnect import pages
from caf_stub.franceconnect.config import portal_of
from caf_stub.franceconnect.identities import (
    NOT_IN_DEMO,
    PROVIDERS,
    claims_of,
    provider,
    test_identity,
)
from caf_stub.franceconnect.provider import SERVICE
from caf_stub.franceconnect.state import (
    ACR,
    FLOW_LIFETIME_SECONDS,
    MIN_NONCE_LENGTH,
    PROVIDER_PATH,
    SCOPES,
    FranceConnectState,
    Grant,
    Interaction,
    state_of,
)
from caf_stub.security import same_digest, token_digest
from caf_tui.api import (
    ConsentClaim,
    ConsentPage,
    ProviderChoice,
    ProviderField,
    ProviderForm,
    ProviderList,
    ProviderMessage,
)

Context = Annotated[StubContext, Depends(context_of)]
State = Annotated[FranceConnectState, Depends(state_of)]

router = APIRouter(prefix=PROVIDER_PATH, include_in_schema=False)


def _authorize_error(request: Request, text: str) -> Response:
    return pages.message(request, "Une erreur est survenue", text, 400)


@router.get("/authorize")
def authorize(request: Request, context: Context, fc: State) -> Response:
    q = request.query_params
    if not same_digest(q.get("client_id", ""), fc.client_id):
        return _authorize_error(request, "Le service qui vous envoie est inconnu de FranceConnect.")
    if q.get("redirect_uri") != portal_of(request).redirect_uri:
        return _authorize_error(request, "L'adresse de retour vers le service n'est pas reconnue.")
    scope = tuple(q.get("scope", "").split())
    problems = [
        (q.get("response_type") != "code", "response_type doit valoir « code »."),
        (
            "openid" not in scope or not set(scope) <= set(SCOPES),
            "Les données demandées (scope) ne sont pas reconnues.",
        ),
        (not q.get("state"), "Le paramètre state est obligatoire."),
        (
            len(q.get("nonce", "")) < MIN_NONCE_LENGTH,
            f"Le paramètre nonce est obligatoire ({MIN_NONCE_LENGTH} caractères au moins).",
        ),
        (q.get("acr_values") != ACR, f"acr_values doit valoir « {ACR} »."),
        (
            not q.get("code_challenge") or q.get("code_challenge_method") != "S256",
            "PKCE (code_challenge, méthode S256) est obligatoire.",
        ),
    ]
    for failed, text in problems:
        if failed:
            return _authorize_error(request, f"La demande de connexion est invalide : {text}")
    tx = secrets.token_urlsafe(24)
    with fc.lock:
        fc.interactions[token_digest(tx)] = Interaction(
            client_id=fc.client_id,
            redirect_uri=q["redirect_uri"],
            state=q["state"],
            nonce=q["nonce"],
            scope=scope,
            code_challenge=q["code_challenge"],
            created_at=context.clock.now(),
        )
    suffix = "?format=json" if q.get("format") == "json" else ""
    return RedirectResponse(f"{PROVIDER_PATH}/interaction/{tx}{suffix}", status_code=303)


def _interaction(fc: FranceConnectState, context: StubContext, tx: str) -> Interaction | None:
    with fc.lock:
        found = fc.interactions.get(token_digest(tx))
    if found is None or found.done:
        return None
    if context.clock.now() > found.created_at + timedelta(seconds=FLOW_LIFETIME_SECONDS):
        return None
    return found


def _gone(request: Request) -> Response:
    return pages.message(
        request,
        "Session expirée",
        "Cette demande de connexion n'existe plus ou a expiré : recommencez depuis le service.",
        410,
    )


def _choices() -> list[ProviderChoice]:
    return [
        ProviderChoice(
            id=p.id, name=p.name, available=p.available, note=None if p.available else NOT_IN_DEMO
        )
        for p in PROVIDERS
    ]


@router.get("/interaction/{tx}")
def choose_provider(tx: str, request: Request, context: Context, fc: State) -> Response:
    interaction = _interaction(fc, context, tx)
    if interaction is None:
        return _gone(request)
    cancel = (
        interaction.redirect_uri
        + "?"
        + urlencode(
            {"error": "access_denied", "error_description": "cancelled", "state": interaction.state}
        )
    )
    page = ProviderList(service=SERVICE, providers=_choices(), cancel_url=cancel)
    base = f"{PROVIDER_PATH}/interaction/{tx}"
    return pages.answer(request, page, pages.providers_html(page, base))


def _form(tx: str, provider_id: str) -> ProviderForm | None:
    idp = provider(provider_id)
    if idp is None or not idp.available:
        return None
    choice = ProviderChoice(id=idp.id, name=idp.name, available=True)
    return ProviderForm(
        provider=choice,
        fields=[
            ProviderField(name="login", label=idp.login_label, hint=idp.login_hint),
            ProviderField(name="password", label="Mot de passe", secret=True),
        ],
        action=f"{PROVIDER_PATH}/interaction/{tx}/idp/{idp.id}",
    )


@router.get("/interaction/{tx}/idp/{provider_id}")
def provider_form(
    tx: str, provider_id: str, request: Request, context: Context, fc: State
) -> Response:
    if _interaction(fc, context, tx) is None:
        return _gone(request)
    form = _form(tx, provider_id)
    if form is None:
        return pages.message(request, "Compte indisponible", NOT_IN_DEMO, 404)
    return pages.answer(request, form, pages.form_html(form))


WRONG_CREDENTIALS = "Identifiant ou mot de passe incorrect."


@router.post("/interaction/{tx}/idp/{provider_id}")
async def provider_login(
    tx: str, provider_id: str, request: Request, context: Context, fc: State
) -> Response:
    interaction = _interaction(fc, context, tx)
    if interaction is None:
        return _gone(request)
    form = _form(tx, provider_id)
    if form is None:
        return pages.message(request, "Compte indisponible", NOT_IN_DEMO, 404)
    fields = await pages.read_fields(request)
    identity = test_identity(provider_id, fields.get("login", ""))
    password_ok = identity is not None and hmac.compare_digest(
        fields.get("password", "").encode(), identity.password.encode()
    )
    if identity is None or not password_ok:
        json_error = ProviderMessage(message=WRONG_CREDENTIALS, field="password")
        return pages.answer(request, json_error, pages.form_html(form, WRONG_CREDENTIALS), 401)
    with fc.lock:  # taken again: the copy above was read in another block
        current = fc.interactions.get(token_digest(tx), interaction)
        current.identity = identity
        current.provider_id = provider_id
    suffix = "?format=json" if request.query_params.get("format") == "json" else ""
    return RedirectResponse(f"{PROVIDER_PATH}/interaction/{tx}/consent{suffix}", status_code=303)


CLAIM_LABELS = {
    "given_name": "Prénom(s)",
    "family_name": "Nom de naissance",
    "gender": "Sexe",
    "birthdate": "Date de naissance",
    "birthplace": "Lieu de naissance (code INSEE)",
    "birthcountry": "Pays de naissance (code INSEE)",
    "email": "Adresse e-mail",
}
SHOWN = {"female": "féminin", "male": "masculin"}


def shown(name: str, value: str) -> str:
    """A claim as the person reads it: « féminin », a date as 24/08/1962."""
    if name == "birthdate":
        year, month, day = value.split("-")
        return f"{day}/{month}/{year}"
    return SHOWN.get(value, value)


@router.get("/interaction/{tx}/consent")
def consent(tx: str, request: Request, context: Context, fc: State) -> Response:
    interaction = _interaction(fc, context, tx)
    if interaction is None or interaction.identity is None:
        return _gone(request)
    idp = provider(interaction.provider_id or "")
    claims = claims_of(interaction.identity, interaction.scope)
    page = ConsentPage(
        service=SERVICE,
        provider=idp.name if idp else "",
        claims=[
            ConsentClaim(claim=name, label=CLAIM_LABELS[name], value=shown(name, value))
            for name, value in claims.items()
        ],
        action=f"{PROVIDER_PATH}/interaction/{tx}/consent",
        accept_label="Continuer sur le portail des Allocations Familiales",
        refuse_label="Refuser et revenir au portail",
    )
    return pages.answer(request, page, pages.consent_html(page))


@router.post("/interaction/{tx}/consent")
async def decide(tx: str, request: Request, context: Context, fc: State) -> Response:
    interaction = _interaction(fc, context, tx)
    if interaction is None or interaction.identity is None:
        return _gone(request)
    decision = (await pages.read_fields(request)).get("decision")
    identity = interaction.identity
    with fc.lock:  # taken again: the copy above was read in another block
        interaction = fc.interactions.get(token_digest(tx), interaction)
        interaction.done = True
        if decision == "accept":
            code = secrets.token_urlsafe(32)
            fc.grants[token_digest(code)] = Grant(interaction, identity, context.clock.now())
            params = {"code": code, "state": interaction.state}
        else:
            params = {
                "error": "access_denied",
                "error_description": "consent refused",
                "state": interaction.state,
            }
    return RedirectResponse(interaction.redirect_uri + "?" + urlencode(params), status_code=303)
