"""The code's validity is said at the start, at 5 minutes, at 1 minute and once expired; never
every second. The stub's clock is frozen: the test moves it, and the computer's in step."""

from __future__ import annotations

from caf_stub import RunningStub
from tests.plain.drive import CODE, Session, advance_both, assert_plain, karim_to_code

PROMPT_END = "q pour quitter : "
START = "Ce code est valable 10 minutes."
FIVE = "Le code est encore valable 5 minutes."
ONE = "Le code est encore valable 1 minute."
EXPIRED = "Le code a expiré : tapez 1 pour en demander un nouveau."


def test_thresholds_are_each_announced_once_while_the_prompt_waits(stub: RunningStub) -> None:
    session = Session(stub, tick=0.005)
    screen, clock = session.screen, session.clock
    session.stdin.type(*karim_to_code())
    screen.wait_for(START)
    screen.wait_for(PROMPT_END)

    advance_both(stub, clock, 299)  # 5 min 1 s left: nothing yet
    advance_both(stub, clock, 1)
    screen.wait_for(FIVE)
    advance_both(stub, clock, 240)
    screen.wait_for(ONE)
    advance_both(stub, clock, 59)
    advance_both(stub, clock, 1)
    screen.wait_for(EXPIRED)
    # The prompt is asked again under each announcement, so the question is not lost.
    assert f"\n{FIVE}\nCode de vérification (6 chiffres)" in screen.text

    session.stdin.type(CODE)  # too late: the server says so too
    screen.wait_for("Ce code a expiré")
    session.stdin.type("1")  # a new code, a new validity
    screen.wait_for("Un nouveau code vous a été envoyé.")
    screen.wait_for(START, count=2)
    session.stdin.type(CODE)
    screen.wait_for("Code accepté.")
    session.stdin.type("q", "2")

    assert session.join() == 0
    text = screen.text
    assert text.count(START) == 2
    for line in (FIVE, ONE, EXPIRED):
        assert text.count(line) == 1, line
    assert "Il vous reste" not in text
    assert_plain(text)


def test_a_long_sleep_announces_only_the_latest_threshold(stub: RunningStub) -> None:
    session = Session(stub, tick=0.005)
    screen, clock = session.screen, session.clock
    session.stdin.type(*karim_to_code())
    screen.wait_for(PROMPT_END)

    advance_both(stub, clock, 30 * 60)
    screen.wait_for(EXPIRED)
    session.stdin.type("q", "2")

    assert session.join() == 0
    assert FIVE not in screen.text
    assert ONE not in screen.text
