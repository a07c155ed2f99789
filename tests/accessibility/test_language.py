"""French by default; English with --lang en, CAF_TUI_LANG=en or an English system locale."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pydantic import SecretStr

from caf_stub import RunningStub
from caf_tui import i18n
from caf_tui.api import IdentifierKind
from caf_tui.backend.errors import BackendError
from caf_tui.backend.http import HttpBackend
from caf_tui.cli import settings_from_args
from caf_tui.config import LOCALE_VARIABLES, Settings
from caf_tui.i18n import _, ngettext, portal_voice, set_language


@pytest.fixture
def no_locale(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    for name in (*LOCALE_VARIABLES, "CAF_TUI_LANG"):
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


@pytest.fixture
def back_to_french() -> Iterator[None]:
    yield
    set_language("fr")


@pytest.mark.parametrize(
    ("variables", "lang"),
    [
        ({}, "fr"),
        ({"LANG": "fr_FR.UTF-8"}, "fr"),
        ({"LANG": "en_GB.UTF-8"}, "en"),
        ({"LANG": "en_US"}, "en"),
        ({"LANG": "C.UTF-8"}, "fr"),
        ({"LANG": "de_DE.UTF-8"}, "fr"),  # no guess beyond English
        ({"LC_ALL": "en_US.UTF-8", "LANG": "fr_FR.UTF-8"}, "en"),
        ({"LC_ALL": "fr_FR.UTF-8", "LANG": "en_US.UTF-8"}, "fr"),
        ({"LC_MESSAGES": "en_IE.UTF-8", "LANG": "fr_FR.UTF-8"}, "en"),
    ],
)
def test_the_system_locale_chooses_english_or_french(
    no_locale: pytest.MonkeyPatch, variables: dict[str, str], lang: str
) -> None:
    for name, value in variables.items():
        no_locale.setenv(name, value)
    assert Settings().lang == lang


def test_the_variable_and_the_flag_win_over_the_locale(no_locale: pytest.MonkeyPatch) -> None:
    no_locale.setenv("LANG", "en_GB.UTF-8")
    no_locale.setenv("CAF_TUI_LANG", "fr")
    assert Settings().lang == "fr"
    assert settings_from_args(["--lang", "en"]).lang == "en"
    no_locale.delenv("CAF_TUI_LANG")
    assert settings_from_args(["--lang", "fr"]).lang == "fr"


def test_english_comes_from_the_catalog(back_to_french: None) -> None:
    set_language("en")
    assert _("Se connecter") == "Log in"
    assert ngettext("Il vous reste {n} essai.", "Il vous reste {n} essais.", 2) == (
        "You have {n} attempts left."
    )
    assert _("") == ""  # never the catalog's header
    set_language("en_GB")
    assert _("Mot de passe") == "Password"
    set_language("fr")
    assert _("Se connecter") == "Se connecter"


def test_the_portal_keeps_speaking_french(back_to_french: None) -> None:
    """The stub, embedded in the same process, answers in French whatever the app shows."""
    set_language("en")
    with portal_voice():
        assert _("Saisissez votre mot de passe.") == "Saisissez votre mot de passe."
    assert _("Saisissez votre mot de passe.") == "Type your password."


def test_the_catalog_is_read_from_the_installed_package() -> None:
    assert i18n.catalog_path("en").is_file()
    assert i18n.catalog_path("en").is_relative_to(i18n.LOCALE_DIR)


async def test_the_stub_answers_in_french_to_an_english_app(
    stub: RunningStub, back_to_french: None
) -> None:
    """Same process, app in English: the stub's rule errors are still the portal's French."""
    set_language("en")
    backend = HttpBackend(stub.url)
    try:
        with pytest.raises(BackendError) as refused:
            await backend.login(IdentifierKind.NIR, "1830599", SecretStr("83051234"))
    finally:
        await backend.aclose()
    assert "chiffres" in refused.value.message, refused.value.message
    assert _("Le code est envoyé par SMS : saisissez un numéro de portable (06, 07…).") != (
        "Le code est envoyé par SMS : saisissez un numéro de portable (06, 07…)."
    )
