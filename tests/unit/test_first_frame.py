"""What is loaded when the login is first painted: ``caf-tui`` started as a person starts it
(its command line, its settings, the embedded stub), headless, its modules listed at Textual's
``Ready`` (the first frame). What the frame does not need waits until after it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from benchmarks.first_frame import person_environment

ROOT = Path(__file__).resolve().parents[2]

#: Loaded after the frame: the HTTP client (at the first request or ``warm_up``), the keyring
#: (by the login's worker, once painted), the embedded stub and all it brings (in its thread).
AFTER_THE_FRAME = (
    "httpx",
    "httpcore",
    "h11",
    "anyio",
    "keyring",
    "secretstorage",
    "jeepney",
    "cryptography",
    "caf_stub",
    "fastapi",
    "starlette",
    "uvicorn",
    "argon2",
    "fpdf",
    "sqlite3",
    "joserfc",
    "babel",
    # The contract's models (pydantic): the login composes from the journey's LoginStart.
    "pydantic",
    "pydantic_core",
    "annotated_types",
    # The validators and views of later steps, loaded when first needed.
    "phonenumbers",
    "email_validator",
    # ``caf-tui`` alone reads no argument: no parser (argparse brings gettext), and the
    # caches' keys need no hashlib (OpenSSL).
    "argparse",
    "gettext",
    "hashlib",
    "_hashlib",
)
LATER_VIEWS = (
    "caf_tui.screens.dashboard",
    "caf_tui.screens.verify_code",
    "caf_tui.screens.choose_password",
    # The later steps' descriptions: imported when their step is first looked up.
    "caf_tui.steps.migration",
    "caf_tui.steps.contact",
    "caf_tui.steps.account",
    "caf_tui.steps.recovery",
    "caf_tui.steps.sections",
    # The assisted mode's staff bar: a person's start has none.
    "caf_tui.widgets.assist_bar",
    "caf_tui.widgets.password_field",
)


def _top_level(modules: list[str]) -> set[str]:
    return {name.split(".")[0] for name in modules}


def _probe(env: dict[str, str]) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.first_frame"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    report: dict[str, Any] = json.loads(done.stdout.splitlines()[-1])
    return report


@pytest.fixture(scope="module")
def starts(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, Any], dict[str, Any]]:
    """A first start (its settings validated, then cached) and a second one, as every start
    after the first is: the same settings, painted from the cache."""
    env = person_environment(tmp_path_factory.mktemp("first-frame"))
    env.update(LANG="fr_FR.UTF-8")
    return _probe(env), _probe(env)


@pytest.fixture(scope="module")
def first_frame(starts: tuple[dict[str, Any], dict[str, Any]]) -> dict[str, Any]:
    return starts[1]


def test_the_first_frame_is_the_login(first_frame: dict[str, Any]) -> None:
    assert first_frame["screen"] == "LoginScreen"


def test_no_garbage_is_collected_before_the_first_frame(first_frame: dict[str, Any]) -> None:
    assert first_frame["collecting"] is False


@pytest.mark.parametrize("package", AFTER_THE_FRAME)
def test_the_first_frame_does_without(first_frame: dict[str, Any], package: str) -> None:
    assert package not in _top_level(first_frame["modules"])


@pytest.mark.parametrize("module", LATER_VIEWS)
def test_the_first_frame_has_no_later_step_s_view(first_frame: dict[str, Any], module: str) -> None:
    assert module not in first_frame["modules"]


def test_the_settings_library_loads_after_the_frame(first_frame: dict[str, Any]) -> None:
    assert "pydantic_settings" not in _top_level(first_frame["modules"])


def test_a_first_start_validates_its_settings_before_the_frame(
    starts: tuple[dict[str, Any], dict[str, Any]],
) -> None:
    first, _second = starts
    assert first["screen"] == "LoginScreen"
    assert "pydantic_settings" in _top_level(first["modules"])


#: The contract's models and the client's protocol: loaded with the backend, when first used.
MODELS_AFTER_THE_FRAME = (
    "caf_tui.api.models",
    "caf_tui.api.steps",
    "caf_tui.api.errors",
    "caf_tui.api.next_step",
    "caf_tui.api.franceconnect",
    "caf_tui.api.account",
    "caf_tui.api.declarations",
    "caf_tui.api.recovery",
    "caf_tui.api.signup",
    "caf_tui.backend.base",
    "caf_tui.backend.http",
    "caf_tui.backend.embedded",
)


@pytest.mark.parametrize("module", MODELS_AFTER_THE_FRAME)
def test_the_login_composes_without_the_wire_models(
    first_frame: dict[str, Any], module: str
) -> None:
    assert module not in first_frame["modules"]
