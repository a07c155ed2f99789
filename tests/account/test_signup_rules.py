"""The account-creation rules of rules.py, used by the form and by the stub alike."""

from __future__ import annotations

from datetime import date

import pytest

from caf_tui import rules


def test_numero_allocataire_and_postal_code() -> None:
    assert rules.normalise_numero_allocataire(" 48 21 573 ") == "4821573"
    assert rules.normalise_postal_code(" 93 200") == "93200"
    for bad in ("", "482157", "48215730", "48215a3"):
        with pytest.raises(rules.RuleError):
            rules.normalise_numero_allocataire(bad)
    with pytest.raises(rules.RuleError, match="5 chiffres"):
        rules.normalise_postal_code("9320")


def test_names() -> None:
    assert rules.normalise_name("  Jean-Pierre   d'Ornano ", "prénom") == "Jean-Pierre d'Ornano"
    with pytest.raises(rules.RuleError, match="Saisissez votre nom"):
        rules.normalise_name("  ", "nom")
    with pytest.raises(rules.RuleError, match="que des lettres"):
        rules.normalise_name("R2D2", "nom")
    assert rules.same_name("Inès  LEROY", "ines leroy")
    assert not rules.same_name("Luc", "Lucas")


def test_birth_date_and_age() -> None:
    assert rules.parse_birth_date("22/05/2010") == date(2010, 5, 22)
    assert rules.parse_birth_date("2010-05-22") == date(2010, 5, 22)
    with pytest.raises(rules.RuleError, match="JJ/MM/AAAA"):
        rules.parse_birth_date("22 mai 2010")
    today = date(2026, 11, 27)
    rules.check_signup_age(date(2010, 11, 27), today)  # 16 today
    with pytest.raises(rules.RuleError) as refused:
        rules.check_signup_age(date(2010, 11, 28), today)  # 16 tomorrow
    assert refused.value.code == "too_young"
    with pytest.raises(rules.RuleError, match="futur"):
        rules.check_signup_age(date(2027, 1, 1), today)
