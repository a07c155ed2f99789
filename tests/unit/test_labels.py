"""Words shared by the screens and the line mode."""

from __future__ import annotations

from caf_tui.i18n import set_language
from caf_tui.labels import contact_lines


def test_missing_contact_details_agree_with_their_noun() -> None:
    """« un téléphone non renseigné », « une adresse non renseignée »."""
    set_language("fr")
    assert contact_lines(None, None) == (
        "Téléphone portable : non renseigné",
        "Adresse e-mail : non renseignée",
    )
    phone, email = contact_lines("06 15 00 00 00", "karim.tadj@example.com")
    assert phone.endswith("06 15 00 00 00") and email.endswith("karim.tadj@example.com")
