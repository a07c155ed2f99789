"""The new field rules of ``caf_tui.rules`` (issue 18), pure functions the app may also run
before sending."""

from __future__ import annotations

from datetime import date

import pytest

from caf_tui import rules

TODAY = date(2026, 11, 27)


@pytest.mark.parametrize("typed", ["Saint-Denis", "saint denis", "ST-DENIS", "St Denis"])
def test_a_commune_is_recognised_however_typed(typed: str) -> None:
    assert rules.check_commune("93200", typed) == "Saint-Denis"


def test_a_commune_of_another_code_is_refused_with_the_right_names() -> None:
    with pytest.raises(rules.RuleError) as refused:
        rules.check_commune("97490", "Le Port")
    assert refused.value.code == "commune_mismatch"
    assert "« Saint-Denis » ou « Sainte-Clotilde »" in refused.value.message
    assert rules.check_commune("97490", "sainte clotilde") == "Sainte-Clotilde"
    assert rules.check_commune("93400", "Saint-Ouen-sur-Seine") == "Saint-Ouen-sur-Seine"


def test_dates_of_a_past_event() -> None:
    assert rules.parse_date("15/11/2026", "la date") == date(2026, 11, 15)
    assert rules.parse_date("2026-11-15", "la date") == date(2026, 11, 15)
    rules.check_past_date(TODAY, TODAY, "la date", 730)
    with pytest.raises(rules.RuleError, match="dans le futur"):
        rules.check_past_date(date(2026, 11, 28), TODAY, "la date", 730)
    with pytest.raises(rules.RuleError, match="plus de 2 ans"):
        rules.check_past_date(date(2024, 11, 26), TODAY, "la date", 730)
    with pytest.raises(rules.RuleError, match="JJ/MM/AAAA"):
        rules.parse_date("29/02/2026", "la date")


def test_answers() -> None:
    assert rules.parse_amount_euros("1 234,5 €", "le montant", 2000) == 123450
    assert rules.parse_amount_euros("1234.56", "le montant", 2000) == 123456
    assert rules.parse_count(" 3 ", "le nombre", 1, 15) == 3
    assert rules.parse_yes_no("Oui", "la question") is True
    assert rules.parse_yes_no("NON", "la question") is False
    for bad in ("-5", "1,234", "12,345", "1e3"):
        with pytest.raises(rules.RuleError):
            rules.parse_amount_euros(bad, "le montant", 2000)
