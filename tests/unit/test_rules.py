"""The rules, written once in caf_tui.rules: each on its own, and properties with hypothesis."""

from __future__ import annotations

import string
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from caf_tui import rules
from caf_tui.api import IdentifierKind, PasswordPolicy
from caf_tui.rules import PasswordRule, RuleError

POLICY = PasswordPolicy()
KARIM = "183059999901172"


def refusal(rule: Callable[[str], object], typed: str) -> RuleError:
    """The RuleError that ``rule`` raises on ``typed`` (the test fails if it accepts it)."""
    with pytest.raises(RuleError) as caught:
        rule(typed)
    return caught.value


#: What a rule refuses, and the code (``RuleError.code``) that says what is wrong.
REFUSALS: dict[Callable[[str], object], list[tuple[str, str]]] = {
    rules.normalise_nir: [
        ("", "nir_empty"),
        ("18305", "nir_too_short"),
        ("18305999990117", "nir_length"),
        ("1830599999011722", "nir_length"),
        ("183059999901173", "nir_key"),
        ("1830599999O11", "nir_format"),
        ("abc", "nir_format"),
    ],
    rules.normalise_code: [
        ("", "code_empty"),
        ("12345", "code_length"),
        ("12345a", "code_format"),
        ("１２３４５６", "code_format"),
    ],
    rules.normalise_phone: [
        ("", "phone_empty"),
        ("12", "phone_format"),
        ("01 23 45 67 89", "phone_not_mobile"),
        ("+44 7700 900123", "phone_format"),
    ],
}


@pytest.mark.parametrize(
    ("rule", "typed", "code"),
    [(rule, typed, code) for rule, refused in REFUSALS.items() for typed, code in refused],
    ids=lambda value: getattr(value, "__name__", None),
)
def test_what_is_wrong_is_said(rule: Callable[[str], object], typed: str, code: str) -> None:
    error = refusal(rule, typed)
    assert error.code == code
    assert error.message


class TestNir:
    @pytest.mark.parametrize(
        "typed",
        [
            "1830599999011",
            "183059999901172",
            "1 83 05 99 999 011 72",
            "1.83.05.99.999.011",
            " 1830599999011 ",
        ],
    )
    def test_thirteen_or_fifteen_digits_with_spaces_or_dots(self, typed: str) -> None:
        assert rules.normalise_nir(typed) == KARIM

    def test_too_short_says_how_many_were_typed(self) -> None:
        with pytest.raises(RuleError, match="vous en avez saisi 5"):
            rules.normalise_nir("18305")

    def test_grouped_as_on_the_carte_vitale(self) -> None:
        assert rules.format_nir(KARIM) == "1 83 05 99 999 011 72"
        assert rules.format_nir(KARIM[:13]) == "1 83 05 99 999 011"

    @given(st.text(alphabet="0123456789", min_size=13, max_size=13))
    def test_any_thirteen_digits_get_the_right_key_or_a_clear_refusal(self, body: str) -> None:
        try:
            full = rules.normalise_nir(body)
        except RuleError as error:
            assert error.code == "nir_format"
            return
        assert full.startswith(body)
        assert rules.normalise_nir(full) == full
        wrong_key = f"{(int(full[13:]) % 97) + 1:02d}"
        with pytest.raises(RuleError):
            rules.normalise_nir(body + wrong_key)


class TestTemporaryIdentifier:
    def test_accepts_t_and_eight_digits(self) -> None:
        assert rules.normalise_temporary_id("t00000042") == "T00000042"
        assert rules.normalise_identifier(IdentifierKind.TEMPORARY, "T 0000 0042") == "T00000042"

    @pytest.mark.parametrize("typed", ["", "T123", "X00000042", "T000000421"])
    def test_refuses_anything_else(self, typed: str) -> None:
        with pytest.raises(RuleError):
            rules.normalise_temporary_id(typed)


def _failed(
    password: str, confirmation: str | None = None, policy: PasswordPolicy = POLICY
) -> set[PasswordRule]:
    return set(rules.failed_rules(rules.check_password(password, confirmation, policy)))


class TestPasswordRulesEachOnItsOwn:
    def test_a_good_password_meets_every_rule(self) -> None:
        assert _failed("Karim2024", "Karim2024") == set()

    @pytest.mark.parametrize(
        ("password", "rule"),
        [
            ("Ab1", PasswordRule.LENGTH),
            ("Ab1" + "x" * 22, PasswordRule.LENGTH),
            ("Abcdefgh", PasswordRule.DIGIT),
            ("ABCDEFG1", PasswordRule.LOWER),
            ("abcdefg1", PasswordRule.UPPER),
            ("Abcdef 12", PasswordRule.CHARSET),
            ("Abcdéf12", PasswordRule.CHARSET),
            ("Abcdef!12", PasswordRule.CHARSET),
            ("Abcdef@12", PasswordRule.CHARSET),
        ],
    )
    def test_one_rule_broken(self, password: str, rule: PasswordRule) -> None:
        assert _failed(password, password) == {rule}

    def test_nothing_typed_meets_no_rule(self) -> None:
        checks = rules.check_password("", "", POLICY)
        assert [c.rule for c in checks if c.ok] == []
        assert rules.checklist_sentence(checks, POLICY).startswith("0 règles sur 6 respectées")

    def test_mismatch_is_its_own_rule(self) -> None:
        assert _failed("Karim2024", "Karim2025") == {PasswordRule.MATCH}

    def test_without_confirmation_match_is_not_checked(self) -> None:
        rules_checked = {c.rule for c in rules.check_password("Karim2024", None, POLICY)}
        assert PasswordRule.MATCH not in rules_checked

    def test_labels_follow_the_policy(self) -> None:
        policy = PasswordPolicy(min_length=10)
        labels = [c.label for c in rules.check_password("", "", policy)]
        assert labels[0] == "10 à 24 caractères"
        assert _failed("Karim2024", "Karim2024", policy) == {PasswordRule.LENGTH}

    def test_sentence_counts_and_advises(self) -> None:
        checks = rules.check_password("abcdefgh", "abcdefgh", POLICY)
        assert rules.checklist_sentence(checks, POLICY) == (
            "4 règles sur 6 respectées : ajoutez un chiffre et ajoutez une majuscule."
        )


@given(st.text(max_size=40), st.text(max_size=40))
def test_password_rules_agree_with_their_definitions(password: str, confirmation: str) -> None:
    failed = _failed(password, confirmation)
    assert (PasswordRule.LENGTH in failed) == (not 8 <= len(password) <= 24)
    assert (PasswordRule.DIGIT in failed) == (not any(c in string.digits for c in password))
    assert (PasswordRule.LOWER in failed) == (
        not any(c in string.ascii_lowercase for c in password)
    )
    assert (PasswordRule.UPPER in failed) == (
        not any(c in string.ascii_uppercase for c in password)
    )
    allowed = set(string.ascii_letters + string.digits)
    assert (PasswordRule.CHARSET in failed) == (not password or not set(password) <= allowed)
    assert (PasswordRule.MATCH in failed) == (not password or password != confirmation)


@given(st.text(alphabet=string.ascii_letters + string.digits, min_size=8, max_size=24))
def test_letters_and_digits_of_the_right_length_fail_only_on_classes(password: str) -> None:
    failed = _failed(password, password)
    assert failed <= {PasswordRule.DIGIT, PasswordRule.LOWER, PasswordRule.UPPER}


class TestCode:
    def test_six_digits(self) -> None:
        assert rules.normalise_code(" 123 456 ") == "123456"


class TestContact:
    @pytest.mark.parametrize(
        ("typed", "e164"),
        [
            ("06 15 00 00 00", "+33615000000"),
            ("+33 7 81 23 45 67", "+33781234567"),
            ("0690 12 34 56", "+590690123456"),
            ("0696 12 34 56", "+596696123456"),
            ("0694 12 34 56", "+594694123456"),
            ("0692 12 34 56", "+262692123456"),
            ("0639 40 12 34", "+262639401234"),
        ],
    )
    def test_french_and_overseas_mobiles(self, typed: str, e164: str) -> None:
        assert rules.normalise_phone(typed) == e164

    def test_phone_shown_the_french_way(self) -> None:
        assert rules.format_phone("+33615000000") == "06 15 00 00 00"

    def test_email(self) -> None:
        assert rules.normalise_email(" claire.moreau@example.com ") == "claire.moreau@example.com"

    @pytest.mark.parametrize(
        "typed", ["", "claire", "claire@", "claire@@example.com", "claire moreau@example.com"]
    )
    def test_email_refusals(self, typed: str) -> None:
        with pytest.raises(RuleError):
            rules.normalise_email(typed)
