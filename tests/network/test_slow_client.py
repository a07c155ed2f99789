"""The app under the stub's slow and broken links (caf_stub/slow_link.py), over real HTTP: it
says it is waiting, in both front ends, and a reset or a malformed answer becomes a French
message with what was typed kept, never a crash."""

from __future__ import annotations

import io

import pytest
from pydantic import SecretStr
from textual.widgets import Button, Input

from caf_stub import RunningStub
from caf_tui.api import IdentifierKind, StepName
from caf_tui.app import CafApp
from caf_tui.backend.errors import BackendUnavailable, ServerError
from caf_tui.backend.http import HttpBackend
from caf_tui.backend.retry import DEFAULT_RETRY
from caf_tui.config import Settings
from caf_tui.plain import run_plain
from caf_tui.screens.choose_password import ChoosePasswordScreen
from caf_tui.screens.login import LoginScreen
from tests.plain.drive import (
    CODE,
    PAUL_NIR,
    PAUL_PASSWORD,
    karim_to_code,
    login_answers,
    run,
    settings,
)
from tests.tui.drive import screen_text, settle, type_into
from tests.tui.migration import KARIM_NIR, NEW_PASSWORD, karim_to, press, type_keys

from .link import add_fault
from .test_screens import SIZE, WAITING
from .transports import BadNetwork

LOGIN = "/api/v1/auth/login"
KARIM_LEGACY = "83051234"
UNREACHABLE = "injoignable"
GARBLED = "incompréhensible"
RESET = {"reset": True}


def app_on(stub: RunningStub) -> CafApp:
    return CafApp(Settings(remember=False, cursor_blink=False), backend=HttpBackend(stub.url))


# --- the client ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("link", "error", "words"),
    [
        ({"reset": True}, BackendUnavailable, UNREACHABLE),
        ({"body": "malformed"}, ServerError, GARBLED),
        ({"body": "empty"}, ServerError, GARBLED),
    ],
    ids=["reset", "malformed", "empty"],
)
async def test_a_broken_answer_is_a_typed_french_error(
    stub: RunningStub, link: dict[str, object], error: type[Exception], words: str
) -> None:
    add_fault(stub, route=LOGIN, link=link)
    backend = HttpBackend(stub.url)
    try:
        with pytest.raises(error, match=words):
            await backend.login(IdentifierKind.NIR, KARIM_NIR, SecretStr(KARIM_LEGACY))
        # The fault was for one request: the same call then goes through.
        answer = await backend.login(IdentifierKind.NIR, KARIM_NIR, SecretStr(KARIM_LEGACY))
    finally:
        await backend.aclose()
    assert answer.next.step == StepName.MIGRATION_INTRO


# --- Textual ---------------------------------------------------------------------------------


async def test_the_screen_says_it_waits_while_the_answer_dribbles_in(stub: RunningStub) -> None:
    add_fault(stub, route=LOGIN, link={"dribble": {"chunks": 5, "total_ms": 1500}})
    app = app_on(stub)
    async with app.run_test(size=SIZE) as pilot:
        await type_into(pilot, "#identifier", KARIM_NIR)
        await type_into(pilot, "#password", KARIM_LEGACY)
        await pilot.press("enter")
        await pilot.pause()
        assert WAITING in screen_text(app)
        assert app.screen.query_one("#login", Button).disabled  # not sent twice
        await settle(pilot)
        assert app.journey.step.step == StepName.MIGRATION_INTRO


@pytest.mark.parametrize(
    ("link", "words", "retry_shown"),
    [({"reset": True}, UNREACHABLE, True), ({"body": "malformed"}, GARBLED, False)],
    ids=["reset", "malformed"],
)
async def test_a_broken_login_answer_keeps_the_form(
    stub: RunningStub, link: dict[str, object], words: str, retry_shown: bool
) -> None:
    add_fault(stub, route=LOGIN, link=link)
    app = app_on(stub)
    async with app.run_test(size=SIZE) as pilot:
        await type_into(pilot, "#identifier", KARIM_NIR)
        await type_into(pilot, "#password", KARIM_LEGACY)
        await press(pilot, "#login")
        screen = app.screen
        assert isinstance(screen, LoginScreen)
        assert words in screen_text(app)
        assert WAITING not in screen_text(app)
        assert screen.query_one("#identifier", Input).value == KARIM_NIR
        assert screen.query_one("#password", Input).value == KARIM_LEGACY
        assert screen.query_one("#retry", Button).display is retry_shown
        assert not screen.query_one("#login", Button).disabled
        await press(pilot, "#retry" if retry_shown else "#login")
        assert app.journey.step.step == StepName.MIGRATION_INTRO
        assert not isinstance(app.screen, LoginScreen)


async def test_a_reset_of_a_keyed_answer_is_tried_again_and_acts_once(stub: RunningStub) -> None:
    """« Valider » on the password under a reset: the client sends it again under the same
    key; the person sees the next step, and the stub saved the password once."""
    app = app_on(stub)
    async with app.run_test(size=SIZE) as pilot:
        await karim_to(pilot, StepName.CHOOSE_PASSWORD)
        await type_keys(pilot, "#password", NEW_PASSWORD)
        await type_keys(pilot, "#confirmation", NEW_PASSWORD)
        add_fault(stub, route="/api/v1/journey/choose_password", link={"reset": True})
        await press(pilot, "#validate")
        assert not isinstance(app.screen, ChoosePasswordScreen), screen_text(app)
        assert app.journey.step.step == StepName.CONFIRM_CONTACT
    journal = stub.app.state.journal.entries(None)
    sent = [e for e in journal if e.path.endswith("/journey/choose_password")]
    assert len(sent) == 2 and sent[0].fault and not sent[1].fault


# --- the line mode ---------------------------------------------------------------------------


def test_the_line_mode_says_once_that_it_waits(stub: RunningStub) -> None:
    add_fault(stub, route=LOGIN, link={"dribble": {"chunks": 10, "total_ms": 1500}})
    status, out = run(stub, [*login_answers(PAUL_NIR, PAUL_PASSWORD), "1"])
    assert status == 0
    login = out[out.index("Mot de passe") : out.index("Bonjour Paul")]
    assert login.count(WAITING) == 1, login


@pytest.mark.parametrize(
    ("link", "words"),
    [({"reset": True}, UNREACHABLE), ({"body": "malformed"}, GARBLED)],
    ids=["reset", "malformed"],
)
def test_the_line_mode_says_what_failed_and_sends_what_was_typed_again(
    stub: RunningStub, link: dict[str, object], words: str
) -> None:
    add_fault(stub, route=LOGIN, link=link)
    # Identifier and password typed once; « 1 » is « Réessayer », then « Se déconnecter ».
    status, out = run(stub, [*login_answers(PAUL_NIR, PAUL_PASSWORD), "1", "1"])
    assert status == 0, out
    assert words in out
    assert out.index(words) < out.index("Réessayer") < out.index("Bonjour Paul")
    assert out.count("Mot de passe :") == 1  # nothing asked again
    assert PAUL_PASSWORD not in out


def test_the_line_modes_retry_after_resets_sends_the_code_once(stub: RunningStub) -> None:
    """Every try of « send the code » is cut after the stub sent it; « Réessayer » sends it
    again under the same key, so the stub answers as the first time and sends no second SMS."""
    add_fault(
        stub, route="/api/v1/journey/confirm_contact", times=DEFAULT_RETRY.attempts, link=RESET
    )
    network = BadNetwork()  # no fault of its own: it notes each request's key
    # Karim to « send by SMS », then « 1 » is « Réessayer », then the code.
    answers = io.StringIO("".join(f"{a}\n" for a in [*karim_to_code(), "1", CODE]))
    out = io.StringIO()
    backend = HttpBackend(stub.url, transport=network)
    run_plain(settings(), stdin=answers, stdout=out, backend=backend)
    said = out.getvalue()
    assert said.index(UNREACHABLE) < said.index("Réessayer") < said.index("Code accepté")
    sent = network.writes("/journey/confirm_contact")
    assert len(sent) == DEFAULT_RETRY.attempts + 1
    assert len({s.idempotency_key for s in sent}) == 1  # « Réessayer » is the same action
    assert [m.channel for m in stub.context.store.messages()].count("sms") == 1
