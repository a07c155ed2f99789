"""The texts of the SMS and e-mails the stub "sends" (they land in the outbox)."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

PHISHING_WARNING = (
    "Votre Caf vous recommande de ne pas cliquer sur les liens contenus dans les courriels. "
    "Ils peuvent diriger vers des sites frauduleux. Il est préférable de saisir directement "
    "l'adresse du site dans votre navigateur."
)
SIGNATURE = "Votre caisse d'Allocations familiales"
CODE_SUBJECT = "Votre code de vérification Caf"
ACK_SUBJECT = "Accusé de réception de votre démarche en ligne"


def _paris(moment: datetime) -> datetime:
    try:
        return moment.astimezone(ZoneInfo("Europe/Paris"))
    except ZoneInfoNotFoundError:  # no tz database: UTC will do for a demo
        return moment.astimezone(UTC)


def code_sms(code: str, validity_seconds: int) -> str:
    minutes = validity_seconds // 60
    return f"Votre code de vérification Caf : {code}. Il est valable {minutes} minutes."


def code_email(code: str, validity_seconds: int) -> tuple[str, str]:
    """(subject, body) of the e-mail carrying a verification code."""
    minutes = validity_seconds // 60
    body = "\n\n".join(
        [
            "Bonjour,",
            f"Votre code de vérification est : {code}\nIl est valable {minutes} minutes.",
            "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message.",
            SIGNATURE,
            PHISHING_WARNING,
        ]
    )
    return CODE_SUBJECT, body


def acknowledgment_email(
    identifier_kind: str, identifier: str, reference: str, now: datetime
) -> tuple[str, str]:
    """(subject, body) of the « Accusé de réception » sent once the Espace Mon Compte exists."""
    if identifier_kind == "nir":
        how = "Pour y accéder, utilisez votre numéro de Sécurité sociale."
    else:
        how = f"Pour y accéder, utilisez votre identifiant provisoire {identifier}."
    stamp = _paris(now).strftime("%Y-%m-%d %H:%M:%S")
    body = "\n\n".join(
        [
            "Bonjour,",
            "Vous venez de créer votre Espace Mon Compte.",
            how,
            "A bientôt sur caf.fr ou sur l'application mobile Caf - Mon Compte.\n" + SIGNATURE,
            PHISHING_WARNING,
            f"Réf : CALCCAC-docV2.6 {reference}-{stamp}",
        ]
    )
    return ACK_SUBJECT, body


def holder_code_sms(newcomer: str, code: str, validity_seconds: int) -> str:
    """To the file holder: a member asks to create their account; the code is the consent."""
    minutes = validity_seconds // 60
    return (
        f"{newcomer} demande à créer son Espace Mon Compte sur votre dossier Caf. Si vous êtes "
        f"d'accord, donnez-lui ce code : {code} (valable {minutes} minutes). Sinon, ne le "
        "communiquez à personne."
    )


def holder_code_email(newcomer: str, code: str, validity_seconds: int) -> tuple[str, str]:
    """(subject, body) of the e-mail asking the file holder to confirm a new member."""
    body = "\n\n".join(
        [
            "Bonjour,",
            holder_code_sms(newcomer, code, validity_seconds),
            "Si vous ne connaissez pas cette personne, ignorez ce message et contactez votre Caf.",
            SIGNATURE,
            PHISHING_WARNING,
        ]
    )
    return "Un membre de votre foyer demande à créer son compte Caf", body


def contact_changed_notice(phone: bool) -> tuple[str, str]:
    """(subject, body) sent to the phone or e-mail that was just replaced."""
    what = "numéro de portable" if phone else "adresse e-mail"
    body = (
        f"Le {what} de votre Espace Mon Compte Caf vient d'être modifié. Si vous n'êtes pas à "
        "l'origine de cette modification, contactez votre Caf sans attendre."
    )
    return f"Votre {what} Caf a été modifié", body
