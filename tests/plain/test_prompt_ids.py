"""Every question the line mode asks tells its watcher what it stands for, by id."""

from __future__ import annotations

import io

from caf_tui.plain.io import Terminal
from caf_tui.plain.prompts import Asked, Choice, Field, Prompter, as_is
from caf_tui.rules import RuleError


class Seen:
    def __init__(self) -> None:
        self.asked: list[Asked] = []
        self.errors: list[tuple[str, str | None]] = []

    def asking(self, asked: Asked) -> None:
        self.asked.append(asked)

    def refused(self, field: str, typed: str | None) -> None:
        self.errors.append((field, typed))


def prompter(typed: str, seen: Seen) -> Prompter:
    terminal = Terminal(io.StringIO(typed), io.StringIO())
    return Prompter(terminal, confirm_quit=lambda: None, watch=seen)


def refuse_short(text: str) -> str:
    if len(text) < 3:
        raise RuleError("too_short", "trop court")
    return text


def test_a_field_is_asked_by_its_id_with_its_shortcuts() -> None:
    seen = Seen()
    field = Field("Code", "Code", "aide", id="code", shortcuts={"resend": "1"})
    assert prompter("123456\n", seen).ask(field, as_is) == "123456"
    assert seen.asked == [Asked(id="code", shortcuts={"resend": "1"})]
    assert seen.asked[0].key_of("resend") == "1"


def test_a_refusal_names_its_field_and_what_was_said_back() -> None:
    seen = Seen()
    field = Field("Nom", "Nom", "aide", id="family_name")
    assert prompter("ab\nabc\n", seen).ask(field, refuse_short, default="Dupont") == "abc"
    assert seen.errors == [("family_name", "ab")]
    assert seen.asked[0] == Asked(id="family_name", keeps=True, shown="Dupont")


def test_a_menu_is_asked_by_the_ids_of_its_choices() -> None:
    seen = Seen()
    choices = [Choice("sms", "Par SMS"), Choice("email", "Par e-mail")]
    assert prompter("2\n", seen).choose("Comment ?", choices, "aide") == 1
    assert [choice.id for choice in seen.asked[0].choices] == ["sms", "email"]
    assert seen.asked[0].key_of("email") == "2"
    assert seen.asked[0].key_of("Par e-mail") is None  # the words are not an id


def test_a_secret_is_watched_without_what_is_typed() -> None:
    seen = Seen()
    field = Field("Mot de passe", "Mot de passe", "aide", secret=True, id="password")
    prompter("ab\nSecret123\n", seen).ask(field, refuse_short, default="x")
    assert seen.errors == [("password", None)]
    assert seen.asked[0].shown is None
