"""The file-right sections of « Mon Compte » (issue 18), described once for both front ends:
« Déclarer un changement » (a move, a change of family situation) and « Faire une demande de
prestation » (each benefit's questions come from the server as data).

A ``FormSpec`` is one form of a section: its words, its fields (each with the ``caf_tui.rules``
check run before anything is sent), the call that checks it on the server (the summary to
confirm) and the call that sends it (the « accusé de réception »). The front ends walk it the
same way: fields, then the summary with « Envoyer » / « Modifier », then the receipt.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine, Sequence
from dataclasses import dataclass
from typing import Any

from caf_tui import rules
from caf_tui.api import SpouseRight
from caf_tui.api.declarations import (
    AddressChangeRequest,
    AttestationKind,
    Benefit,
    BenefitQuestion,
    FamilySituation,
    FamilySituationRequest,
    QuestionKind,
    Receipt,
    SummaryLine,
)
from caf_tui.backend.declarations import DeclarationsBackend
from caf_tui.i18n import N_, _
from caf_tui.steps import words
from caf_tui.steps.spec import FieldKind, FieldSpec, Option

#: The answers as typed, by field id (an option's id for a choice).
Typed = dict[str, str]


@dataclass(frozen=True)
class Summary:
    """What the server would record: its title and lines, to confirm."""

    title: str
    lines: list[SummaryLine]


SummaryCall = Callable[[DeclarationsBackend, Typed], Coroutine[Any, Any, Summary]]
SendCall = Callable[[DeclarationsBackend, Typed], Coroutine[Any, Any, Receipt]]


@dataclass(frozen=True)
class FormSpec:
    """One form of a section. Words are msgids, except where ``literal`` (the server's)."""

    id: str
    title: str
    help: str
    note: str
    intro: str
    fields: tuple[FieldSpec, ...]
    summary: SummaryCall
    send: SendCall
    literal: bool = False
    #: A rule across fields (the commune of the postal code): the field it names, its words.
    across: Callable[[Typed], tuple[str, str] | None] = lambda typed: None

    def words(self, text: str) -> str:
        return text if self.literal or not text else _(text)

    def check(self, field: FieldSpec, text: str) -> None:
        """Run the field's rule on what was typed; raises ``rules.RuleError`` with its words."""
        if field.kind is FieldKind.CHOICE:
            if text not in {option.id for option in field.options}:
                raise rules.RuleError("choice", _(CHOOSE_ONE))
            return
        if field.rule is not None:
            field.rule(text)

    def refusal(self, typed: Typed) -> tuple[str, str] | None:
        """The first field whose rule refuses what was typed, and why; None when all pass."""
        for field in self.fields:
            try:
                self.check(field, typed.get(field.id, ""))
            except rules.RuleError as refused:
                return field.id, refused.message
        return self.across(typed)


CHOOSE_ONE = N_("Choisissez une des réponses proposées.")

# --- the words both front ends say ---------------------------------------------------------

NOT_ALLOWED = N_("{section} (non autorisé)")
DECLARE_TITLE = N_("DÉCLARER UN CHANGEMENT")
DECLARE_INTRO = N_(
    "Signalez à votre Caf un changement de votre situation : il peut modifier vos droits. "
    "Vous recevrez un accusé de réception."
)
DECLARE_HELP = N_(
    "Choisissez le changement à déclarer, remplissez-le, vérifiez le récapitulatif puis "
    "envoyez-le. L'accusé de réception vous est aussi envoyé par e-mail."
)
LAST_DECLARATIONS = N_("MES DERNIÈRES DÉCLARATIONS")
NO_DECLARATION = N_("Aucune déclaration pour le moment.")
DECLARATION_LINE = N_("{date} : {title} (référence {reference})")
BENEFIT_TITLE = N_("FAIRE UNE DEMANDE DE PRESTATION")
BENEFIT_INTRO = N_("Choisissez la prestation que vous souhaitez demander :")
BENEFIT_HELP = N_(
    "Choisissez une prestation, répondez à ses questions, vérifiez le récapitulatif puis "
    "envoyez la demande. Une seule demande en cours par prestation."
)
BENEFIT_NOTE = N_(
    "Chaque prestation pose quelques questions (revenus en euros, nombre de personnes). Une "
    "demande déjà en cours pour la même prestation est refusée : attendre la réponse de la Caf."
)
CHECK = N_("Vérifier")
SEND = N_("Envoyer")
EDIT = N_("Modifier")
SUMMARY_TITLE = N_("RÉCAPITULATIF : vérifiez avant d'envoyer")
RECEIPT_TITLE = N_("ACCUSÉ DE RÉCEPTION")
RECEIPT_REFERENCE = N_("Référence : {reference}")
RECEIPT_DATE = N_("Reçu le {when:%d/%m/%Y à %H:%M}")
RECEIPT_EMAILED = N_("Une copie vous a été envoyée à {email}.")
SUMMARY_LINE = N_("{label} : {value}")
ATTESTATION_SAVED = N_("Attestation enregistrée dans : {path}")
ATTESTATION_EMAILED = N_(
    "Attestation envoyée à {email} : rien n'est enregistré sur cet ordinateur."
)
ATTESTATION_NOT_SAVED = N_(
    "L'attestation n'a pas pu être enregistrée ({reason}) : libérez de la place ou vérifiez "
    "votre dossier de téléchargements, puis réessayez."
)
DOWNLOAD = N_("Télécharger « {title} »")
EMAIL_IT = N_("Recevoir « {title} » par e-mail")
RIGHTS_TICKS_TITLE = N_("Droits de {name}, un par un :")
RIGHT_GRANTED = N_("Droit accordé : {right}.")
RIGHT_WITHDRAWN = N_("Droit retiré : {right}.")
GRANT_RIGHT = N_("Accorder le droit « {right} »")
WITHDRAW_RIGHT = N_("Retirer le droit « {right} »")


def receipt_lines(receipt: Receipt) -> list[str]:
    """The « accusé de réception » as sentences, in the order both front ends say them."""
    lines = [
        _(RECEIPT_REFERENCE).format(reference=receipt.reference),
        _(RECEIPT_DATE).format(when=receipt.received_at.astimezone()),
        receipt.title,
        *(_(SUMMARY_LINE).format(label=line.label, value=line.value) for line in receipt.lines),
    ]
    if receipt.emailed_to:
        lines.append(_(RECEIPT_EMAILED).format(email=receipt.emailed_to))
    return lines


def declaration_lines(declarations: Sequence[Receipt]) -> list[str]:
    """« 27/11/2026 : Changement d'adresse (référence DC-…) », newest first."""
    return [
        _(DECLARATION_LINE).format(
            date=f"{receipt.received_at.astimezone():%d/%m/%Y}",
            title=receipt.title,
            reference=receipt.reference,
        )
        for receipt in declarations
    ]


def summary_lines(summary: Summary) -> list[str]:
    return [_(SUMMARY_LINE).format(label=line.label, value=line.value) for line in summary.lines]


# --- « Déclarer un changement » ------------------------------------------------------------

STREET = N_("Numéro et voie")
POSTAL_CODE = words.POSTAL_CODE
COMMUNE = N_("Commune")
MOVED_ON = N_("Date du déménagement (JJ/MM/AAAA)")
SITUATION = N_("Votre nouvelle situation")
SINCE = N_("Depuis le (JJ/MM/AAAA)")


def _date_rule(label: str) -> Callable[[str], object]:
    return lambda text: rules.parse_date(text, _(label).split(" (")[0].lower())


def _address(typed: Typed) -> AddressChangeRequest:
    return AddressChangeRequest(
        street=typed["street"],
        postal_code=typed["postal_code"],
        commune=typed["commune"],
        moved_on=typed["moved_on"],
    )


def _situation(typed: Typed) -> FamilySituationRequest:
    return FamilySituationRequest(
        situation=FamilySituation(typed["situation"]), since=typed["since"]
    )


async def _address_summary(backend: DeclarationsBackend, typed: Typed) -> Summary:
    answer = await backend.address_summary(_address(typed))
    return Summary(answer.title, answer.lines)


async def _address_send(backend: DeclarationsBackend, typed: Typed) -> Receipt:
    return await backend.declare_address(_address(typed))


async def _situation_summary(backend: DeclarationsBackend, typed: Typed) -> Summary:
    answer = await backend.situation_summary(_situation(typed))
    return Summary(answer.title, answer.lines)


async def _situation_send(backend: DeclarationsBackend, typed: Typed) -> Receipt:
    return await backend.declare_situation(_situation(typed))


def _commune_of_postal_code(typed: Typed) -> tuple[str, str] | None:
    """``rules.check_commune``: the commune must be one of its postal code's."""
    try:
        rules.check_commune(rules.normalise_postal_code(typed["postal_code"]), typed["commune"])
    except rules.RuleError as refused:
        field = "postal_code" if refused.code.startswith("postal_code") else "commune"
        return field, refused.message
    return None


ADDRESS = FormSpec(
    id="address",
    title=N_("Changement d'adresse"),
    help=N_(
        "Saisissez votre nouvelle adresse : le numéro et la voie, le code postal (5 chiffres) "
        "et la commune qui lui correspond, puis la date du déménagement (JJ/MM/AAAA)."
    ),
    note=N_(
        "Le code postal et la commune doivent se correspondre (liste des communes). La date du "
        "déménagement est passée, et de moins de deux ans."
    ),
    intro=N_("Votre nouvelle adresse, et la date à laquelle vous avez déménagé :"),
    fields=(
        FieldSpec(
            "street",
            STREET,
            help=N_("Ex. : 12 rue des Lilas."),
            rule=rules.normalise_street,
        ),
        FieldSpec(
            "postal_code",
            POSTAL_CODE,
            help=N_("5 chiffres, ex. : 93200."),
            rule=rules.normalise_postal_code,
        ),
        FieldSpec("commune", COMMUNE, help=N_("La commune du code postal, ex. : Saint-Denis.")),
        FieldSpec("moved_on", MOVED_ON, help=N_("Ex. : 15/11/2026."), rule=_date_rule(MOVED_ON)),
    ),
    summary=_address_summary,
    send=_address_send,
    across=_commune_of_postal_code,
)

FAMILY_SITUATION = FormSpec(
    id="family_situation",
    title=N_("Changement de situation familiale"),
    help=N_(
        "Choisissez « Vie en couple » (mariage, Pacs ou concubinage) ou « Séparation », puis "
        "la date du changement (JJ/MM/AAAA)."
    ),
    note=N_(
        "Vie en couple ou séparation, avec sa date (passée, de moins de cinq ans). Une "
        "situation déjà connue de la Caf est refusée."
    ),
    intro=N_("Votre nouvelle situation familiale, et depuis quand :"),
    fields=(
        FieldSpec(
            "situation",
            SITUATION,
            kind=FieldKind.CHOICE,
            help=N_("Vie en couple : mariage, Pacs ou concubinage."),
            options=(
                Option(FamilySituation.COUPLE.value, N_("Vie en couple")),
                Option(FamilySituation.SEPARATION.value, N_("Séparation")),
            ),
        ),
        FieldSpec("since", SINCE, help=N_("Ex. : 31/10/2026."), rule=_date_rule(SINCE)),
    ),
    summary=_situation_summary,
    send=_situation_send,
)

DECLARATIONS: tuple[FormSpec, ...] = (ADDRESS, FAMILY_SITUATION)

# --- « Faire une demande de prestation » ---------------------------------------------------


def question_rule(question: BenefitQuestion) -> Callable[[str], object]:
    """The ``caf_tui.rules`` check the server names for ``question``, with its bounds."""
    label = question.label
    match question.kind:
        case QuestionKind.AMOUNT_EUROS:
            maximum = question.maximum if question.maximum is not None else 10**9
            return lambda text: rules.parse_amount_euros(text, label, maximum)
        case QuestionKind.COUNT:
            low = question.minimum if question.minimum is not None else 0
            high = question.maximum if question.maximum is not None else 999
            return lambda text: rules.parse_count(text, label, low, high)
    return lambda text: rules.parse_yes_no(text, label)


def question_field(question: BenefitQuestion) -> FieldSpec:
    label = question.label[:1].upper() + question.label[1:]
    if question.kind is QuestionKind.YES_NO:
        return FieldSpec(
            question.id,
            label,
            kind=FieldKind.CHOICE,
            help=question.help or "",
            options=(Option("oui", words.YES), Option("non", words.NO)),
        )
    return FieldSpec(question.id, label, help=question.help or "", rule=question_rule(question))


def benefit_form(benefit: Benefit) -> FormSpec:
    """The form of ``benefit``, its fields made from the server's questions."""

    async def summary(backend: DeclarationsBackend, typed: Typed) -> Summary:
        answer = await backend.benefit_summary(benefit.id, typed)
        return Summary(answer.title, answer.lines)

    async def send(backend: DeclarationsBackend, typed: Typed) -> Receipt:
        return await backend.request_benefit(benefit.id, typed)

    return FormSpec(
        id=benefit.id,
        title=benefit.title,
        help=benefit.description,
        note=BENEFIT_NOTE,
        intro=benefit.description,
        fields=tuple(question_field(question) for question in benefit.questions),
        summary=summary,
        send=send,
        literal=True,
    )


#: The prefix of a section form's name in the staff bar (« section:address »).
ASSIST_PREFIX = "section:"


def form_note(name: str) -> str | None:
    """The staff note (a msgid) of the section form named ``name`` in the staff bar; None
    when ``name`` is not a section form's."""
    if not name.startswith(ASSIST_PREFIX):
        return None
    form_id = name.removeprefix(ASSIST_PREFIX)
    return next((form.note for form in DECLARATIONS if form.id == form_id), BENEFIT_NOTE)


def section_ids(benefits: Sequence[Benefit]) -> frozenset[str]:
    """Every id the file-right sections give a widget (and the line mode a question or a
    choice), made from these descriptions and the server's ``benefits``: what a flow may name."""
    forms = [*DECLARATIONS, *(benefit_form(benefit) for benefit in benefits)]
    ids = {f"declare-{form.id}" for form in DECLARATIONS}
    ids |= {f"benefit-{benefit.id}" for benefit in benefits}
    ids |= {field.id for form in forms for field in form.fields}
    ids |= {f"{f.id}-{option.id}" for form in forms for f in form.fields for option in f.options}
    ids |= {f"download-{kind.value}" for kind in AttestationKind}
    ids |= {f"right-{right.value}" for right in SpouseRight}
    return frozenset(ids)
