"""« Créer Mon Compte »: link a person to a file, prove it with a contact already on file, then
hand over to the journey's steps.

What a housemate knows (numéro allocataire, code postal, names, birth date, even the NIR) is
not a proof. Once the file and the person match, a code goes to a contact the file already
holds: the member's own phone or e-mail if the file has one, else the file holder's (the
responsable confirms a new member by giving the code). Nothing of the household is shown before
that code comes back, and no contact is typed: the code cannot be routed elsewhere. Then a
member over 15 with a NIR (Lucas) gets the row the file already holds for them; a person with
no NIR gets a new member account with a temporary identifier, shown on the « compte créé » step
and sent with the acknowledgment. Either way the session's next step is the terms, as in the
migration.

Throttled per client (the TCP peer) and per file (the numéro typed, known or not): requests
in an hour, and wrong codes in an hour.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable
from datetime import datetime, timedelta

from caf_stub import auth, throttle
from caf_stub.codes import spent_or_expired, typed_code
from caf_stub.context import Client, Context, StubContext
from caf_stub.doors import live_flow
from caf_stub.errors import ApiError
from caf_stub.journey import build_step, responsable_of
from caf_stub.messages import code_email, code_sms, holder_code_email, holder_code_sms
from caf_stub.personas import new_temporary_id
from caf_stub.security import hash_secret, new_code, new_token, token_digest, verify_secret
from caf_stub.sessions import open_session
from caf_stub.store import Account, Household, SignupFlow, Store
from caf_tui import rules
from caf_tui.api import (
    AuthResponse,
    Channel,
    ErrorCode,
    JourneyResponse,
    LoginStep,
    Role,
    VerifyCodeStep,
)
from caf_tui.api.signup import SignupCodeRequest, SignupFlowRequest, SignupRequest, SignupResponse

log = logging.getLogger("caf_stub")

NO_MATCH = (
    "Les informations saisies ne correspondent à aucune personne de ce dossier : vérifiez le "
    "numéro allocataire, le code postal, vos nom, prénom(s) et date de naissance."
)
CODE_VALIDITY = timedelta(minutes=10)
FLOW_VALIDITY = timedelta(minutes=15)
STARTS_PER_CLIENT_PER_HOUR = 10
"""« Créer Mon Compte » requests one client may make in an hour, whatever the file."""
CODE_WORDS = "Trop de codes incorrects depuis cet appareil"


def _valid(rule: Callable[[str], str], value: str, field: str) -> str:
    try:
        return rule(value)
    except rules.RuleError as exc:
        raise ApiError(ErrorCode.VALIDATION_ERROR, exc.message, field=field) from exc


def _checked(context: StubContext, request: SignupRequest) -> tuple[str, str, str | None]:
    """(numéro allocataire, code postal, NIR) once every field passes its rule."""
    numero = _valid(
        rules.normalise_numero_allocataire, request.numero_allocataire, "numero_allocataire"
    )
    postal = _valid(rules.normalise_postal_code, request.postal_code, "postal_code")
    _valid(lambda t: rules.normalise_name(t, "nom"), request.family_name, "family_name")
    _valid(lambda t: rules.normalise_name(t, "prénom"), request.given_names, "given_names")
    nir = None
    if request.nir:
        try:
            nir = rules.normalise_nir(request.nir)
        except rules.RuleError as exc:
            raise ApiError(ErrorCode.INVALID_IDENTIFIER, exc.message, field="nir") from exc
    try:
        rules.check_signup_age(request.birth_date, context.clock.now().date())
    except rules.RuleError as exc:
        code = ErrorCode.TOO_YOUNG if exc.code == "too_young" else ErrorCode.VALIDATION_ERROR
        raise ApiError(code, exc.message, field="birth_date") from exc
    if nir is None and request.gender is None:
        raise ApiError(
            ErrorCode.VALIDATION_ERROR, "Choisissez « Madame » ou « Monsieur ».", field="gender"
        )
    return numero, postal, nir


def _same_person(account: Account, request: SignupRequest) -> bool:
    return (
        rules.same_name(account.family_name, request.family_name)
        and rules.same_name(account.given_names, request.given_names)
        and account.birth_date == request.birth_date
    )


def _find(
    store: Store, household: Household, request: SignupRequest, nir: str | None
) -> Account | None:
    if nir is not None:
        account = store.account_by_nir(nir)
        if account is None or account.household_id != household.id:
            return None
        return account if _same_person(account, request) else None
    for member in store.household_accounts(household.id):
        if member.nir is None and _same_person(member, request):
            return member
    return None


def mask_phone(e164: str) -> str:
    """« 06 •• •• •• 00 »: enough for the person to know whose phone, nothing to copy."""
    shown = rules.format_phone(e164).split(" ")
    if len(shown) < 3:
        return "•• •• •• •• ••"
    return " ".join([shown[0], *("••" for _ in shown[1:-1]), shown[-1]])


def mask_email(address: str) -> str:
    """« k•••@example.com »."""
    local, _, domain = address.partition("@")
    return f"{local[:1]}•••@{domain}"


def _take_start_slots(context: StubContext, numero: str, client: str, now: datetime) -> None:
    per_client = throttle.Window(STARTS_PER_CLIENT_PER_HOUR, throttle.HOUR)
    per_file = throttle.Window(context.settings.max_sends_per_hour, throttle.HOUR)
    store = context.store
    words = "Trop de demandes de création de compte"
    with store.transaction():
        auth.take_slot(
            context, f"signup:client:{client}", per_client, now, f"{words} depuis cet appareil"
        )
        auth.take_slot(context, f"signup:file:{numero}", per_file, now, f"{words} pour ce dossier")


def _proof_contact(store: Store, household: Household, member: Account | None) -> Account:
    """Whose contact on file receives the code: the member's own, else the file holder's."""
    if member is not None and (member.phone or member.email):
        return member
    holder = responsable_of(store, member) if member is not None else None
    if holder is None:
        holder = next(
            (m for m in store.household_accounts(household.id) if m.role is Role.RESPONSABLE),
            None,
        )
    if holder is None or not (holder.phone or holder.email):
        raise ApiError(
            ErrorCode.CHANNEL_UNAVAILABLE,
            "Aucun numéro de portable ni adresse e-mail n'est enregistré sur ce dossier pour "
            "vous envoyer un code : contactez votre Caf pour créer votre compte.",
        )
    return holder


def _deliver(
    context: StubContext,
    to: Account,
    newcomer: str,
    own: bool,
    code: str,
    now: datetime,
) -> tuple[Channel, str]:
    """Send ``code`` to ``to``'s phone (else e-mail); returns (channel, masked destination)."""
    seconds = int(CODE_VALIDITY.total_seconds())
    subject: str | None
    if to.phone:
        channel, address, shown = Channel.SMS, to.phone, mask_phone(to.phone)
        subject = None
        body = code_sms(code, seconds) if own else holder_code_sms(newcomer, code, seconds)
    else:
        assert to.email is not None
        channel, address, shown = Channel.EMAIL, to.email, mask_email(to.email)
        subject, body = (
            code_email(code, seconds) if own else holder_code_email(newcomer, code, seconds)
        )
    context.store.add_message(to.id, channel, address, subject, body, now)
    return channel, shown


def _step(
    context: StubContext,
    flow_channel: Channel,
    shown: str,
    created_at: datetime,
    attempts: int,
    household_id: int,
    now: datetime,
) -> VerifyCodeStep:
    settings = context.settings
    sent = context.store.signup_flows_since(household_id, now - timedelta(hours=1))
    return VerifyCodeStep(
        channel=flow_channel,
        destination=shown,
        expires_at=created_at + CODE_VALIDITY,
        resend_available_at=created_at + timedelta(seconds=settings.resend_cooldown_seconds),
        attempts_left=max(0, settings.max_code_attempts - attempts),
        sends_left=max(0, settings.max_sends_per_hour - sent),
    )


def signup(context: Context, request: SignupRequest, client: Client) -> SignupResponse:
    """Check the identity, then send the proof code to a contact on file. No session yet."""
    numero, postal, nir = _checked(context, request)
    now: datetime = context.clock.now()
    _take_start_slots(context, numero, client, now)
    store = context.store
    token = new_token()
    with store.transaction():
        household = store.household_by_numero(numero)
        if household is None or postal not in re.findall(r"\b\d{5}\b", household.address):
            raise ApiError(ErrorCode.IDENTITY_NO_MATCH, NO_MATCH)
        account = _find(store, household, request, nir)
        if account is None and nir is not None:
            raise ApiError(ErrorCode.IDENTITY_NO_MATCH, NO_MATCH)
        # Told only once the whole identity matched (the file, the names, the birth date).
        if account is not None and account.password_hash is not None:
            how = "votre numéro de Sécurité sociale" if nir else "votre identifiant provisoire"
            raise ApiError(
                ErrorCode.ACCOUNT_EXISTS,
                f"Vous avez déjà un compte : connectez-vous avec {how}, ou choisissez "
                "« Mot de passe oublié ? » sur la page de connexion.",
                field="nir" if nir else None,
            )
        to = _proof_contact(store, household, account)
        own = account is not None and to.id == account.id
        person = {
            "family_name": " ".join(request.family_name.split()).upper(),
            "given_names": " ".join(request.given_names.split()),
            "birth_date": request.birth_date.isoformat(),
            "gender": request.gender,
        }
        newcomer = f"{person['given_names']} {person['family_name']}"
        code = new_code(context.fixed_code)
        channel, shown = _deliver(context, to, newcomer, own, code, now)
        store.insert_signup_flow(
            token_hash=token_digest(token),
            household_id=household.id,
            account_id=account.id if account is not None else None,
            person=json.dumps(person),
            code_hash=hash_secret(code),
            channel=channel,
            destination=shown,
            created_at=now,
            expires_at=now + FLOW_VALIDITY,
        )
        store.audit("signup_code_sent", to.id, now, "own" if own else "holder")
        step = _step(context, channel, shown, now, 0, household.id, now)
    return SignupResponse(next=step, server_time=now, flow_token=token)


def _flow(context: StubContext, token: str, now: datetime) -> SignupFlow:
    flow = context.store.signup_flow(token_digest(token))
    return live_flow(flow, now, "de création de compte", "Créer Mon Compte")


def _before_check(context: StubContext, flow: SignupFlow, now: datetime) -> None:
    ask = "demandez-en un nouveau en choisissant « Demander »"
    refusal = spent_or_expired(
        flow.attempts,
        flow.created_at + CODE_VALIDITY,
        now,
        context.settings.max_code_attempts,
        spent_advice=f"{ask}, ou recommencez depuis « Créer Mon Compte »",
        expired_advice=ask,
    )
    if refusal is not None:
        raise refusal


def verify_code(context: Context, request: SignupCodeRequest, client: Client) -> AuthResponse:
    """The code sent to the contact on file: the account is linked and a session opens."""
    now = context.clock.now()
    token = request.flow_token.get_secret_value()
    candidate = typed_code(request.code.get_secret_value())
    store = context.store
    window = throttle.Window(context.settings.max_code_attempts, throttle.HOUR)
    with store.transaction():
        flow = _flow(context, token, now)
        _before_check(context, flow, now)
        client_slot = auth.client_slot(context, client, now, CODE_WORDS)
        try:
            file_slot = throttle.take(store, f"signup_code:{flow.household_id}", window, now)
        except throttle.Throttled as exc:
            raise ApiError(
                ErrorCode.OTP_ATTEMPTS_EXCEEDED,
                "Trop de codes incorrects ont été saisis pour ce dossier : réessayez dans "
                f"{throttle.minutes_text(exc.retry_after)}.",
                field="code",
                attempts_left=0,
                retry_after=exc.retry_after,
            ) from None
    right = verify_secret(flow.code_hash, candidate)
    with store.transaction():
        fresh = _flow(context, token, now)
        if not right:
            store.update_signup_flow(fresh.id, attempts=fresh.attempts + 1)
            left = max(0, context.settings.max_code_attempts - fresh.attempts - 1)
            message = "Code incorrect : vérifiez le code reçu et saisissez-le à nouveau."
            if left:
                message += f" Il vous reste {left} essai{'s' if left > 1 else ''}."
            else:
                message += " Vous n'avez plus d'essai : demandez l'envoi d'un nouveau code."
            refusal = ApiError(ErrorCode.OTP_INVALID, message, field="code", attempts_left=left)
        else:
            refusal = None
            throttle.give_back(store, client_slot)
            throttle.give_back(store, file_slot)
            answer = _link(context, fresh, now)
    if refusal is not None:
        raise refusal
    return answer


def _link(context: StubContext, flow: SignupFlow, now: datetime) -> AuthResponse:
    """The proof came back: the member's account exists (or is made), a session opens."""
    store = context.store
    store.update_signup_flow(flow.id, finished_at=now)
    if flow.account_id is None:
        person = json.loads(flow.person)
        account_id = store.insert_account(
            temporary_id=new_temporary_id(store),
            family_name=person["family_name"],
            given_names=person["given_names"],
            birth_date=person["birth_date"],
            gender=person["gender"],
            role=Role.MEMBER,
            household_id=flow.household_id,
            migration_started_at=now,
        )
    else:
        account = store.account(flow.account_id)
        assert account is not None
        if account.password_hash is not None:  # signed up meanwhile through another flow
            raise ApiError(
                ErrorCode.ACCOUNT_EXISTS,
                "Vous avez déjà un compte : connectez-vous, ou choisissez « Mot de passe "
                "oublié ? » sur la page de connexion.",
            )
        account_id = account.id
        if account.migration_started_at is None:
            store.update_account(account_id, migration_started_at=now)
        # Failed logins aimed at the row before it had a password do not lock the new account.
        store.update_account(account_id, failed_logins=0, locked_until=None)
    session = open_session(context, account_id, now)
    detail = "temporary" if flow.account_id is None else "nir"
    store.audit(throttle.SIGNUP_PROVED, account_id, now, detail)
    log.info("account %d created through « Créer Mon Compte »", account_id)
    fresh = store.account(account_id)
    assert fresh is not None
    return AuthResponse(next=build_step(context, fresh), server_time=now, session=session)


def cancel(context: Context, request: SignupFlowRequest) -> JourneyResponse:
    """« Modifier mes coordonnées » at the sign-up's code: there is no contact to change before
    the proof; the request ends and the person is back at the login (from where « Créer Mon
    Compte » starts again)."""
    now = context.clock.now()
    token = request.flow_token.get_secret_value()
    store = context.store
    with store.transaction():
        flow = store.signup_flow(token_digest(token))
        if flow is not None and flow.finished_at is None:
            store.update_signup_flow(flow.id, finished_at=now)
    return JourneyResponse(next=LoginStep(), server_time=now)


def resend_code(context: Context, request: SignupFlowRequest) -> SignupResponse:
    """« Demander »: a new code to the same contact on file (the previous one stops working)."""
    now = context.clock.now()
    token = request.flow_token.get_secret_value()
    store = context.store
    settings = context.settings
    with store.transaction():
        flow = _flow(context, token, now)
        available_at = flow.created_at + timedelta(seconds=settings.resend_cooldown_seconds)
        if now < available_at:
            wait = max(1, int((available_at - now).total_seconds()))
            raise ApiError(
                ErrorCode.OTP_RESEND_TOO_SOON,
                f"Un code vient d'être envoyé : attendez {wait} secondes avant d'en demander "
                "un nouveau.",
                retry_after=wait,
            )
        household = store.household(flow.household_id)
        assert household is not None
    per_file = throttle.Window(settings.max_sends_per_hour, throttle.HOUR)
    with store.transaction():
        try:
            throttle.take(store, f"signup:file:{household.numero_allocataire}", per_file, now)
        except throttle.Throttled as exc:
            raise ApiError(
                ErrorCode.OTP_SEND_LIMIT,
                f"Vous avez demandé {settings.max_sends_per_hour} codes en une heure : "
                f"attendez {throttle.minutes_text(exc.retry_after)} avant d'en demander un "
                "nouveau.",
                retry_after=exc.retry_after,
            ) from None
        member = store.account(flow.account_id) if flow.account_id is not None else None
        to = _proof_contact(store, household, member)
        own = member is not None and to.id == member.id
        person = json.loads(flow.person)
        code = new_code(context.fixed_code)
        channel, shown = _deliver(
            context, to, f"{person['given_names']} {person['family_name']}", own, code, now
        )
        store.update_signup_flow(
            flow.id,
            code_hash=hash_secret(code),
            channel=channel,
            destination=shown,
            created_at=now,
            expires_at=now + FLOW_VALIDITY,
        )
        step = _step(context, channel, shown, now, flow.attempts, flow.household_id, now)
    return SignupResponse(next=step, server_time=now, flow_token=token)
