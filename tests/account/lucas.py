"""Lucas TADJ's « Créer Mon Compte » form as he fills it in the app (a persona of the stub)."""

from __future__ import annotations

LUCAS_NIR = "1 10 05 99 999 013 58"
#: The form's fields by id, his NIR left out (some tests type another one).
LUCAS = {
    "numero_allocataire": "4821573",
    "postal_code": "93200",
    "family_name": "TADJ",
    "given_names": "Lucas",
    "birth_date": "22/05/2010",
}
