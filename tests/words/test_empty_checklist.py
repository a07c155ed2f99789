"""With nothing typed, no password rule reads as met (issue 20, point 6): « chiffres et lettres
uniquement » is not met by no characters. On each screen that shows the checklist (the journey,
the forgotten password, « Gérer Mon Compte ») and in the line mode's sentence."""

from __future__ import annotations

from textual.pilot import Pilot

from caf_stub import RunningStub
from caf_tui.api import PasswordPolicy, StepName
from caf_tui.replay import settle as settling
from caf_tui.rules import check_password, checklist_sentence
from caf_tui.screens.change_password import ChangePasswordScreen
from caf_tui.screens.choose_password import ChoosePasswordScreen
from caf_tui.screens.recovery_password import RecoveryPasswordScreen
from caf_tui.widgets.rule_checklist import RuleChecklist
from tests.plain.drive import PAUL_NIR, PAUL_PASSWORD
from tests.tui.drive import log_in, type_into
from tests.tui.migration import CODE, karim_to, make_app, press, type_keys

CLAIRE_NIR = "2 92 01 99 999 014 96"


def checklist_rows(pilot: Pilot[None]) -> list[str]:
    return str(pilot.app.screen.query_one(RuleChecklist).render()).splitlines()[1:]


def assert_nothing_met(rows: list[str]) -> None:
    assert len(rows) == 6
    assert [row for row in rows if "✓" in row or row.endswith("(respectée)")] == []
    assert all(row.startswith("✗") and row.endswith("(non respectée)") for row in rows)


async def test_journey_checklist_starts_with_nothing_met(stub: RunningStub) -> None:
    app, _ = make_app(stub)
    async with app.run_test(size=(100, 40)) as pilot:
        await karim_to(pilot, StepName.CHOOSE_PASSWORD)
        assert isinstance(app.screen, ChoosePasswordScreen)
        assert_nothing_met(checklist_rows(pilot))
        await type_keys(pilot, "#password", "a")
        await settling.press(pilot, "backspace")  # typed, then erased: nothing again
        assert_nothing_met(checklist_rows(pilot))


async def test_recovery_checklist_starts_with_nothing_met(stub: RunningStub) -> None:
    app, _ = make_app(stub)
    async with app.run_test(size=(100, 40)) as pilot:
        await type_into(pilot, "#identifier", CLAIRE_NIR)
        await press(pilot, "#forgot")
        await press(pilot, "#validate")
        await type_keys(pilot, "#code", CODE)
        await press(pilot, "#validate")
        assert isinstance(app.screen, RecoveryPasswordScreen)
        assert_nothing_met(checklist_rows(pilot))


async def test_manage_account_checklist_starts_with_nothing_met(stub: RunningStub) -> None:
    app, _ = make_app(stub)
    async with app.run_test(size=(100, 40)) as pilot:
        await log_in(pilot, PAUL_NIR, PAUL_PASSWORD)
        await press(pilot, "#section-manage_account")
        await press(pilot, "#change-password")
        assert isinstance(app.screen, ChangePasswordScreen)
        assert_nothing_met(checklist_rows(pilot))


def test_the_sentence_for_nothing_typed_counts_no_rule_and_advises_each() -> None:
    """The line mode's sentence (the line mode asks again for an empty answer before it; the
    stub sends the same sentence)."""
    policy = PasswordPolicy()
    sentence = checklist_sentence(check_password("", None, policy), policy)
    assert sentence.startswith("0 règles sur 5 respectées : ")
    assert "n'utilisez que des lettres sans accent et des chiffres" in sentence
