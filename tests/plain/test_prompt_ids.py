"""Every question the line mode asks tells its watcher what it stands for, by id."""

from __future__ import annotations

import io

from caf_tui.plain.io import Terminal
from caf_tui.plain.prompts import Asked, Choice, Field, Prompter, as_is


def prompter(typed: str, seen: list[Asked]) -> Prompter:
    terminal = Terminal(io.StringIO(typed), io.StringIO())
    return Prompter(terminal, confirm_quit=lambda: None, watch=seen.append)


def test_a_field_is_asked_by_its_id_with_its_shortcuts() -> None:
    seen: list[Asked] = []
    field = Field("Code", "Code", "aide", id="code", shortcuts={"resend": "1"})
    assert prompter("123456\n", seen).ask(field, as_is, default="x") == "123456"
    assert seen == [Asked(id="code", shortcuts={"resend": "1"}, keeps=True)]
    assert seen[0].key_of("resend") == "1"


def test_a_menu_is_asked_by_the_ids_of_its_choices() -> None:
    seen: list[Asked] = []
    choices = [Choice("sms", "Par SMS"), Choice("email", "Par e-mail")]
    assert prompter("2\n", seen).choose("Comment ?", choices, "aide") == 1
    assert [choice.id for choice in seen[0].choices] == ["sms", "email"]
    assert seen[0].key_of("email") == "2"
    assert seen[0].key_of("Par e-mail") is None  # the words are not an id


def test_a_secret_is_watched_without_what_is_typed() -> None:
    seen: list[Asked] = []
    field = Field("Mot de passe", "Mot de passe", "aide", secret=True, id="password")
    prompter("Secret123\n", seen).ask(field, as_is)
    assert seen == [Asked(id="password", secret=True)]
