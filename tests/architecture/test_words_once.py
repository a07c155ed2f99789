"""A sentence the screens and the line mode both say is written once (``caf_tui/steps/words.py``
or the step's description) and marked for translation there, not in each front end."""

from __future__ import annotations

from caf_tui import catalogs

#: Still written twice, each in a file another branch is changing at the same time (sec-doors:
#: « Créer Mon Compte »; words: rules.py). Hoist them into
#: caf_tui/steps/words.py once those branches are merged.
NOT_YET_ONCE = {
    "Numéro allocataire",
    "Code postal",
    "Nom",
    "Prénom(s)",
    "Date de naissance (JJ/MM/AAAA)",
    "nom",
    "prénom",
    "Je n'ai pas de numéro de Sécurité sociale",
    "Madame",
    "Monsieur",
    "CRÉER MON COMPTE",
    "Vérifiez les informations saisies.",
    "Numéro de Sécurité sociale",
    "Valider",
    "et",
}
#: The same, for sentences too long to name here whole: how they begin.
NOT_YET_ONCE_BEGINNING = (
    "Un identifiant provisoire vous sera alors attribué",
    "Tous les membres du foyer, de plus de 15 ans",
)


def marked_twice() -> dict[str, list[str]]:
    template = catalogs.extract()
    twice: dict[str, list[str]] = {}
    for message in template:
        msgid = message.id if isinstance(message.id, str) else message.id[0]
        if msgid and len(message.locations) > 1:
            twice[msgid] = [f"{path}:{line}" for path, line in message.locations]
    return twice


def test_no_sentence_is_marked_for_translation_in_two_places() -> None:
    twice = {
        msgid: places
        for msgid, places in marked_twice().items()
        if msgid not in NOT_YET_ONCE and not msgid.startswith(NOT_YET_ONCE_BEGINNING)
    }
    assert twice == {}, "write it once in caf_tui/steps/words.py and use it from there"


def test_the_list_of_exceptions_holds_only_what_is_still_twice() -> None:
    twice = marked_twice()
    stale = {msgid for msgid in NOT_YET_ONCE if msgid not in twice}
    stale |= {
        beginning
        for beginning in NOT_YET_ONCE_BEGINNING
        if not any(msgid.startswith(beginning) for msgid in twice)
    }
    assert stale == set(), "written once now: take it off the list"
