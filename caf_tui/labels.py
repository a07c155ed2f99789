"""Words shared by the Textual screens and the plain line mode: one wording, one translation.

No Textual here: the line mode must start without it.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from caf_tui.api import (
    Channel,
    ErrorCode,
    PasswordPolicy,
    Role,
    Section,
    SpouseRight,
    VerifyCodeStep,
)
from caf_tui.i18n import _, current_language, ngettext
from caf_tui.steps import words
from caf_tui.steps.account import RIGHTS


def contact_lines(phone: str | None, email: str | None) -> tuple[str, str]:
    """The contact details on file, « non renseigné(e) » where one is missing."""
    return (
        _("Téléphone portable : {v}").format(v=phone or _("non renseigné")),
        _("Adresse e-mail : {v}").format(v=email or _("non renseignée")),
    )


def policy_lines(policy: PasswordPolicy) -> list[str]:
    """The password rules as the portal states them above the form, from the server's policy."""
    lines = [
        _("une longueur comprise entre {min} et {max} caractères").format(
            min=policy.min_length, max=policy.max_length
        )
    ]
    if policy.require_digit:
        lines.append(_("au moins 1 chiffre"))
    if policy.require_lower and policy.require_upper:
        lines.append(_("au moins 1 lettre minuscule et 1 majuscule"))
    elif policy.require_lower:
        lines.append(_("au moins 1 lettre minuscule"))
    elif policy.require_upper:
        lines.append(_("au moins 1 lettre majuscule"))
    if policy.letters_and_digits_only:
        lines.append(
            _("sans caractères spéciaux ni lettres accentuées, ni d'espaces (Exemples : ! ? é ù @)")
        )
    return lines


def spouse_right(right: SpouseRight) -> str:
    return _(RIGHTS[right])


def section_title(section: Section) -> str:
    return {
        Section.RIGHTS_PAYMENTS: _("Mes droits et paiements"),
        Section.DECLARE_CHANGE: _("Déclarer un changement"),
        Section.REQUEST_BENEFIT: _("Faire une demande de prestation"),
        Section.ATTESTATIONS: _("Mes attestations"),
        Section.MANAGE_ACCOUNT: _("Gérer Mon Compte"),
    }[section]


def role_label(role: Role) -> str:
    return {
        Role.RESPONSABLE: _("Responsable du dossier"),
        Role.SPOUSE: _("Conjoint(e)"),
        Role.MEMBER: _("Membre du foyer"),
    }[role]


def euros(cents: int) -> str:
    """An amount as the language writes it: ``1 234,56 €`` in French, ``€1,234.56`` in
    English (Babel's CLDR data; the French spaces do not break)."""
    from babel.numbers import format_currency

    lang = current_language().replace("-", "_")
    return format_currency(Decimal(cents) / 100, "EUR", locale=lang.split("_")[0] or "fr")


def code_sent_text(step: VerifyCodeStep, *, unbreakable_number: bool = False) -> str:
    """« Nous venons de vous envoyer un code … sur le numéro suivant 06 15 00 00 00. »

    On screen the number's spaces must not break (a number cut over two lines is misread);
    the line mode keeps plain spaces for screen readers and braille.
    """
    destination = (
        step.destination.replace(" ", "\u00a0") if unbreakable_number else step.destination
    )
    if step.channel is Channel.SMS:
        return _(
            "Nous venons de vous envoyer un code de vérification par SMS sur le numéro suivant "
            "{destination}."
        ).format(destination=destination)
    return _(
        "Nous venons de vous envoyer un code de vérification par e-mail à l'adresse suivante "
        "{destination}."
    ).format(destination=step.destination)


@dataclass(frozen=True)
class DoorLabels:
    """The ways in of the login screen, in the portal's words."""

    nir: str
    temporary: str
    forgot: str
    create: str
    franceconnect: str


def door_labels() -> DoorLabels:
    return DoorLabels(
        nir=_("Se connecter avec mon numéro de Sécurité sociale"),
        temporary=_("Se connecter avec mon identifiant provisoire"),
        forgot=_(words.FORGOT_PASSWORD),
        create=_(words.CREATE_ACCOUNT),
        franceconnect=_(words.FRANCECONNECT_SIGN_IN),
    )


def signup_labels() -> dict[str, str]:
    """« Créer Mon Compte »: each field of the request, named as the form names it."""
    return {
        "numero_allocataire": _(words.NUMERO_ALLOCATAIRE),
        "postal_code": _(words.POSTAL_CODE),
        "family_name": _(words.FAMILY_NAME),
        "given_names": _(words.GIVEN_NAMES),
        "birth_date": _(words.BIRTH_DATE),
        "nir": _(words.NIR_LABEL),
        "gender": _("Civilité"),
    }


def with_attempts_left(message: str, code: ErrorCode, left: int | None) -> str:
    """A refused code's message, with the attempts left when the server's words do not say."""
    if code is ErrorCode.OTP_INVALID and left and str(left) not in message:
        attempts = ngettext("Il vous reste {n} essai.", "Il vous reste {n} essais.", left)
        return message + " " + attempts.format(n=left)
    return message
