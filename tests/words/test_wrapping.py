"""Words that must not break (issue 20, point 3): the journeys' screens are checked by their
own flow items (tags: [wrapping], ``conftest.py``, ``tests/words/wrapping.py``), not
replayed a second time here. These tests keep the journeys on that list and prove the check
fails a screen that cuts a phone number in two."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import rich._wrap
from textual.app import App, ComposeResult
from textual.widgets import Static

from caf_tui.replay import settle as settling
from caf_tui.replay.failures import StepFailed
from caf_tui.replay.flow import load_flow
from tests.words.wrapping import TAG, check_screen

FLOW_DIR = Path(__file__).parents[2] / "flows"
#: A journey per persona and door, and the error paths whose messages are the longest.
CHECKED = {
    "paul-dashboard",
    "karim-sms",  # SMS code, the spouse's authorisation, the dashboard
    "claire-email",  # e-mail code
    "paul-change-contact",  # « Gérer Mon Compte », a code sent to a new number
    "paul-forgot-password",
    "lucas-create-account",
    "angela-franceconnect",
    "password-policy",
    "wrong-code",
}


def test_the_journeys_of_every_persona_and_door_have_their_words_checked() -> None:
    tagged = {p.stem for p in FLOW_DIR.glob("*.yaml") if TAG in load_flow(p).tags}
    assert tagged >= CHECKED


#: At 60 columns, with Rich's own word pattern, the phone number is cut after « 06 15 ».
PARAGRAPH = "Votre code est parti par SMS ce matin vers le numéro 06 15 00 00 00 de Karim."


class _Amount(App[None]):
    def compose(self) -> ComposeResult:
        yield Static(PARAGRAPH)


class _Item:
    """Stands for the flow item: ``check_screen`` keeps the screens it saw in its stash."""

    def __init__(self) -> None:
        self.stash = pytest.Stash()


async def test_the_check_fails_a_screen_that_cuts_a_phone_number_in_two(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Rich's words as Rich divides them, without caf_tui.typography (which would keep them).
    monkeypatch.setattr(rich._wrap, "re_word", re.compile(r"\s*\S+\s*"))
    app = _Amount()
    async with app.run_test(size=(100, 32)) as pilot:

        class Driver:
            """``TuiDriver``'s app and resize, on this app."""

            def __init__(self) -> None:
                self.app = app

            async def resize(self, width: int, height: int) -> None:
                await pilot.resize_terminal(width, height)
                static = app.query_one(Static)
                while static.outer_size.width != width:  # laid out at the new width
                    await settling.settle(pilot)

        with pytest.raises(StepFailed, match=r"Screen at 60.*06 15⏎00 00 00"):
            await check_screen(_Item(), Driver())  # type: ignore[arg-type]
