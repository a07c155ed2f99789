"""After the migration: the account created, the spouse's authorisation, the dashboard; and a
step this version does not offer yet."""

from __future__ import annotations

from caf_tui.api import (
    AccountCreatedStep,
    DashboardResponse,
    DashboardStep,
    IdentifierKind,
    OtherStep,
    SpouseAuthorisationStep,
    SpouseDecision,
    StepName,
)
from caf_tui.backend.errors import Forbidden, StepMismatch
from caf_tui.i18n import _
from caf_tui.labels import euros, role_label, section_title, spouse_right
from caf_tui.plain import help
from caf_tui.plain.context import Context, Finished
from caf_tui.plain.sections import dashboard_menu
from caf_tui.plain.steps.registry import handles


def access_text(step: AccountCreatedStep) -> str:
    if step.identifier_kind is IdentifierKind.TEMPORARY:
        return " ".join(
            (
                _(
                    "Pour y accéder, utilisez votre identifiant provisoire : {identifier}. "
                    "Notez-le : il vous sera demandé à chaque connexion."
                ).format(identifier=step.identifier),
                # A screen reader may read "T00000123" as one word: say each character too.
                _("Caractère par caractère : {spelled}.").format(spelled=" ".join(step.identifier)),
            )
        )
    return _("Pour y accéder, utilisez votre numéro de Sécurité sociale : {identifier}.").format(
        identifier=step.identifier
    )


@handles(StepName.ACCOUNT_CREATED)
def account_created(ctx: Context, step: AccountCreatedStep) -> None:
    ctx.heading(_("Votre espace Mon Compte est créé"), step.progress)
    ctx.say(
        _("Vous venez de créer votre Espace Mon Compte."),
        access_text(step),
        _(
            "Un e-mail de confirmation vous a été envoyé (« Accusé de réception de votre "
            "démarche en ligne »)."
        ),
        _("A bientôt sur caf.fr ou sur l'application mobile Caf - Mon Compte."),
    )
    ctx.prompter.choose(_("Pour continuer :"), [_("Continuer")], help.account_created_help())
    ctx.submit(lambda backend: backend.acknowledge_account_created())


@handles(StepName.SPOUSE_AUTHORISATION)
def spouse_authorisation(ctx: Context, step: SpouseAuthorisationStep) -> None:
    ctx.heading(_("MES AUTORISATIONS"), step.progress)
    ctx.say(
        _("GÉRER MES AUTORISATIONS"),
        _("Vous êtes le responsable de votre dossier Caf."),
        _("Aujourd'hui, vous êtes seul à pouvoir consulter les données du dossier."),
        _("Vous pouvez dès à présent autoriser votre conjoint(e) à :"),
        *(spouse_right(right) for right in step.rights),
        _('A tout moment, vous pourrez revenir sur votre choix dans le menu "Gérer Mon Compte".'),
    )
    choice = ctx.prompter.choose(
        _(
            "Autorisez-vous {spouse} à consulter les données du dossier et à réaliser les "
            "démarches ?"
        ).format(spouse=step.spouse_name),
        [_("Oui"), _("Non"), _("Passer")],
        help.spouse_help(),
    )
    decision = [SpouseDecision.AUTHORISE, SpouseDecision.REFUSE, SpouseDecision.SKIP][choice]
    try:
        ctx.submit(lambda backend: backend.decide_spouse_authorisation(decision))
    except Forbidden as refusal:
        ctx.say(refusal.message)
        ctx.call(ctx.journey.resume)
        return
    done = {
        SpouseDecision.AUTHORISE: _("Vous avez autorisé {spouse}."),
        SpouseDecision.REFUSE: _("Vous n'avez pas autorisé {spouse}."),
        SpouseDecision.SKIP: _("Vous déciderez plus tard."),
    }[decision]
    ctx.say(done.format(spouse=step.spouse_name))


def dashboard_lines(board: DashboardResponse) -> list[str]:
    person = board.person
    lines = [
        _("Bonjour {given} {family}").format(given=person.given_names, family=person.family_name),
        role_label(board.role),
    ]
    if board.numero_allocataire:
        lines.append(_("Numéro allocataire : {n}").format(n=board.numero_allocataire))
    if board.address:
        lines.append(_("Adresse : {address}").format(address=board.address))
    lines.append(_("MES RUBRIQUES"))
    for access in board.sections:
        state = _("autorisé") if access.allowed else _("non autorisé")
        lines.append(f"{section_title(access.section)} : {state}")
    if board.payments:
        lines.append(_("MES DERNIERS PAIEMENTS"))
        lines += [
            f"{payment.paid_on:%d/%m/%Y}, {payment.label} : {euros(payment.amount_cents)}"
            for payment in board.payments
        ]
    return lines


def log_out(ctx: Context) -> None:
    ctx.call(ctx.journey.logout)
    ctx.say(_("Déconnexion effectuée. À bientôt sur caf.fr."))
    raise Finished


@handles(StepName.DASHBOARD)
def dashboard(ctx: Context, step: DashboardStep) -> None:
    """The dashboard read once, then its menu until the person logs out (or ends every
    session from « Gérer Mon Compte »: the login comes next)."""
    ctx.heading(_("MON COMPTE"), step.progress)
    try:
        board = ctx.call(ctx.backend.dashboard)
    except StepMismatch:
        ctx.call(ctx.journey.resume)
        return
    ctx.say(*dashboard_lines(board))
    ctx.terminal.blank()
    while True:
        if dashboard_menu(ctx, board):
            log_out(ctx)
        if ctx.journey.step.step != StepName.DASHBOARD:
            return
        ctx.heading(_("MON COMPTE"), step.progress)


def other_step(ctx: Context, step: OtherStep) -> None:
    """A step the server asks for that this version does not offer yet."""
    ctx.heading(_("ÉTAPE NON DISPONIBLE"))
    ctx.say(
        _(
            "Cette étape n'est pas encore disponible dans caf-tui (« {step} »). Terminez-la sur "
            "caf.fr ou avec l'application Caf - Mon Compte, puis reconnectez-vous ici."
        ).format(step=step.step)
    )
    ctx.prompter.choose(
        _("Que voulez-vous faire ?"), [_("Se déconnecter")], help.unavailable_help()
    )
    log_out(ctx)
