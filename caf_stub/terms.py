"""The conditions générales d'utilisation the migration asks to accept (the portal's wording)."""

from __future__ import annotations

from caf_tui.api import TermsSection

TERMS_VERSION = "2021-10"

TERMS_SECTIONS: tuple[TermsSection, ...] = (
    TermsSection(
        heading=None,
        paragraphs=[
            "Pour continuer à consulter et gérer votre compte, merci de prendre connaissance des "
            "nouvelles conditions générales d'utilisation et de les accepter.",
            "Le traitement des données personnelles ainsi recueillies est réputé fondé sur le "
            "consentement ainsi obtenu par l'utilisateur.",
        ],
    ),
    TermsSection(
        heading="Les décisions automatiques individuelles",
        paragraphs=[
            "La branche famille est autorisée par l'article 22.b du RGPD et dans le cadre de "
            "l'exception prévue par l'article 47.2 de la loi Informatique et Libertés, modifiée "
            "par le décret n°2019-536 du 29 mai 2019, à prononcer des décisions administratives "
            "individuelles fondées sur une mise en œuvre des traitements automatisées. Ces "
            "décisions sont prises dans le respect de l'article L 311-3-1 et suivants du Code "
            "des relations entre le public et l'administration et rappellent à l'usager son droit "
            "d'obtenir communication des règles et principales caractéristiques du traitement, "
            "les modalités d'exercice de ce droit et les possibilités de recours en cas de refus.",
        ],
    ),
)


def terms_sections() -> list[TermsSection]:
    """A fresh copy of the sections, for a step model."""
    return [section.model_copy(deep=True) for section in TERMS_SECTIONS]
