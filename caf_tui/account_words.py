"""The account sections' sentences (profile, the spouse's rights, connections, a contact code
sent), worded once for the screens and the line mode. No Textual here."""

from __future__ import annotations

from caf_tui.api import Channel
from caf_tui.api.account import Connection, ProfileResponse, SpouseAuthorisationState
from caf_tui.i18n import _
from caf_tui.labels import contact_lines, role_label, spouse_right


def profile_lines(profile: ProfileResponse) -> list[str]:
    person = profile.person
    return [
        _("Nom : {family}").format(family=person.family_name),
        _("Prénom(s) : {given}").format(given=person.given_names),
        _("Identifiant : {identifier}").format(identifier=profile.identifier),
        _("Date de naissance : {date}").format(date=f"{profile.birth_date:%d/%m/%Y}"),
        role_label(profile.role),
        *contact_lines(profile.phone, profile.email),
    ]


def spouse_lines(spouse: SpouseAuthorisationState) -> list[str]:
    if spouse.authorised:
        return [
            _("{name} est autorisé(e) à :").format(name=spouse.spouse_name),
            *(spouse_right(right) for right in spouse.rights),
        ]
    return [
        _(
            "{name} n'est pas autorisé(e) à consulter les droits et paiements, déclarer "
            "des changements ni demander une prestation."
        ).format(name=spouse.spouse_name)
    ]


def connection_text(connection: Connection) -> str:
    started = connection.started_at.astimezone()
    text = _("Connexion le {when:%d/%m/%Y à %H:%M}").format(when=started)
    if connection.current:
        return text + _(" (cette session)")
    if connection.ended_at is not None:
        return text + _(", terminée")
    return text + _(", toujours ouverte")


def contact_code_sent(channel: Channel, destination: str) -> str:
    text = (
        _("Un code de vérification vient d'être envoyé par SMS au {destination}.")
        if channel is Channel.SMS
        else _("Un code de vérification vient d'être envoyé par e-mail à {destination}.")
    )
    return text.format(destination=destination)


def not_offered(title: str) -> str:
    return _("« {section} » n'est pas encore disponible dans caf-tui : utilisez caf.fr.").format(
        section=title
    )
