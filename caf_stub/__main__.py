"""``caf-stub``: run the stub portal in the foreground.

Its parser is made from the settings models: every field of :class:`StubSettings` (and of the
run's own :class:`RunSettings`) is a flag, its ``CAF_STUB_*`` variable named in its help, so a
new setting gets its flag by itself. Flags > variables > defaults.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import typing
from collections.abc import Sequence
from importlib.metadata import version
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, Field, ValidationError
from pydantic_settings import BaseSettings, EnvSettingsSource, SettingsConfigDict

from caf_stub.settings import StubSettings, control_api_enabled, is_loopback
from caf_tui import cli_words
from caf_tui import stub_cli_words as stub_words
from caf_tui.i18n import _, set_language
from caf_tui.locale_choice import LANGUAGES, language_from_locale
from caf_tui.settings_problems import problem_lines

PROG = "caf-stub"
ENV_PREFIX = "CAF_STUB_"


class RunSettings(BaseSettings):
    """How this process serves the stub (not the portal's behaviour: that is StubSettings)."""

    model_config = SettingsConfigDict(env_prefix=ENV_PREFIX, extra="ignore")

    host: str = Field(default="127.0.0.1", description="Address to listen on.")
    port: int = Field(
        default=8800, ge=0, le=65535, description="Port to listen on (0: any free port)."
    )
    log_level: Literal["debug", "info", "warning", "error"] = Field(
        default="info",
        description="A server's console: its requests and the stub's own events (secrets "
        "hidden); warning for errors only.",
    )
    log_format: Literal["text", "json"] = Field(default="text", description="json: one a line.")
    workers: int = Field(
        default=1,
        ge=1,
        le=64,
        description="Worker processes (uvicorn's); more than 1 needs a PostgreSQL --db.",
    )


def _flag(name: str) -> str:
    return "--" + name.replace("_", "-")


def _variable(name: str) -> str:
    return ENV_PREFIX + name.upper()


def _add_model_flags(group: argparse._ArgumentGroup, model: type[BaseModel]) -> None:
    for name, field in model.model_fields.items():
        described = (
            _(stub_words.STUB_HELP[name]) if name in stub_words.STUB_HELP else field.description
        )
        words = f"{described} [{_variable(name)}]".replace("%", "%%")
        options: dict[str, Any] = {"dest": name, "help": words, "default": None}
        annotation = field.annotation
        if annotation in (bool, bool | None):
            options["action"] = argparse.BooleanOptionalAction
        else:
            if typing.get_origin(annotation) is Literal:
                options["choices"] = typing.get_args(annotation)
            else:
                options["metavar"] = name.upper()
            if annotation is int:
                options["type"] = int
        group.add_argument(_flag(name), **options)
    if "control_api" in model.model_fields:  # its older spelling
        group.add_argument(
            "--enable-control",
            dest="control_api",
            action="store_const",
            const=True,
            help=_(stub_words.ENABLE_CONTROL),
        )


def build_parser() -> argparse.ArgumentParser:
    cli_words.install()
    parser = cli_words.CommandParser(
        prog=PROG,
        formatter_class=cli_words.CommandHelpFormatter,
        description=_(stub_words.DESCRIPTION),
        epilog=_(stub_words.EPILOG),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"{PROG} {version('caf-tui')}",
        help=_("affiche la version et quitte"),
    )
    parser.add_argument("--lang", choices=LANGUAGES, help=_(stub_words.LANG_HELP))
    _add_model_flags(parser.add_argument_group(_(stub_words.SERVICE)), RunSettings)
    _add_model_flags(parser.add_argument_group(_(stub_words.PORTAL_SETTINGS)), StubSettings)
    return parser


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    return build_parser().parse_args(argv)


def _given(args: argparse.Namespace, model: type[BaseModel]) -> dict[str, Any]:
    return {
        name: getattr(args, name)
        for name in model.model_fields
        if getattr(args, name, None) is not None
    }


def _origins(args: argparse.Namespace, model: type[BaseSettings]) -> dict[str, str]:
    variables = EnvSettingsSource(model)()
    words: dict[str, str] = {}
    for name in model.model_fields:
        if getattr(args, name, None) is not None:
            words[name] = _("option {flag}").format(flag=_flag(name))
        elif name in variables:
            words[name] = _("variable {name}").format(name=_variable(name))
    return words


class Refused(Exception):
    def __init__(self, lines: list[str]) -> None:
        super().__init__("\n".join(lines))
        self.lines = lines


Model = TypeVar("Model", bound=BaseSettings)


def _validated(model: type[Model], args: argparse.Namespace) -> Model:
    try:
        return model(**_given(args, model))
    except ValidationError as error:
        raise Refused(problem_lines(model, error, _origins(args, model))) from error


def run_settings(args: argparse.Namespace) -> RunSettings:
    return _validated(RunSettings, args)


def settings_from(args: argparse.Namespace) -> StubSettings:
    from caf_stub.server import settings_for_host

    run = run_settings(args)
    return settings_for_host(_validated(StubSettings, args), run.host)


def configure_logging(run: RunSettings) -> dict[str, Any]:
    """The stub's own loggers, with the journal's redaction; uvicorn's log config to match."""
    from uvicorn.config import LOGGING_CONFIG

    from caf_stub.log_redaction import RedactingFilter

    level = run.log_level.upper()
    handler = logging.StreamHandler(sys.stderr)
    if run.log_format == "json":
        from pythonjsonlogger.json import JsonFormatter

        handler.setFormatter(
            JsonFormatter("%(asctime)s %(levelname)s %(name)s %(message)s", json_ensure_ascii=False)
        )
    else:
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RedactingFilter())
    stub_logger = logging.getLogger("caf_stub")
    stub_logger.handlers = [handler]
    stub_logger.setLevel(level)
    stub_logger.propagate = False
    config: dict[str, Any] = {**LOGGING_CONFIG, "filters": {"redact": {"()": RedactingFilter}}}
    config["handlers"] = {
        name: {**handler_config, "filters": ["redact"]}
        for name, handler_config in LOGGING_CONFIG["handlers"].items()
    }
    return config


def early_language(argv: Sequence[str]) -> str:
    early = argparse.ArgumentParser(add_help=False)
    early.add_argument("--lang")
    known, _rest = early.parse_known_args(list(argv))
    for candidate in (known.lang, os.environ.get("CAF_TUI_LANG")):
        if candidate in LANGUAGES:
            return str(candidate)
    return language_from_locale()


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    set_language(early_language(arguments))
    args = parse_args(arguments)
    # Past the parser: ``--version`` and ``--help`` (and the completion and the manual page,
    # which build this parser) answer without loading the server, its database and the app.
    from caf_stub.database import is_postgres, shown
    from caf_stub.migrations import SchemaTooNew
    from caf_stub.personas import HOUSEHOLDS
    from caf_stub.server import serve_foreground, serve_workers, settings_for_host, url_for

    problems: list[str] = []
    for model in (RunSettings, StubSettings):
        try:
            _validated(model, args)
        except Refused as refused:
            problems += refused.lines
    if not problems and run_settings(args).workers > 1:
        db = _validated(StubSettings, args).db
        if not is_postgres(db):
            problems.append(_(stub_words.WORKERS_NEED_POSTGRES).format(db=shown(db)))
    if problems:
        for line in problems:
            print(line, file=sys.stderr)
        return 2
    run = run_settings(args)
    settings = settings_for_host(_validated(StubSettings, args), run.host)
    log_config = configure_logging(run)
    url = settings.public_url or url_for(run.host, run.port)
    control = control_api_enabled(settings, run.host)
    print(_(stub_words.LISTENING).format(url=url, db=shown(settings.db)), file=sys.stderr)
    state = _(stub_words.ON) if control else _(stub_words.OFF)
    print(
        _(stub_words.CONTROL_ROUTES).format(state=state),
        file=sys.stderr,
    )
    if control and not is_loopback(run.host):
        print(_(stub_words.REACHABLE), file=sys.stderr)
    for household in HOUSEHOLDS:
        for persona in household.members:
            if persona.password:
                print(
                    f"  {persona.given_names} {persona.family_name} : {persona.identifier}",
                    file=sys.stderr,
                )
    # The access log redacted, the public URL fixed at the address bound.
    try:
        if run.workers > 1:
            serve_workers(
                settings,
                run.host,
                run.port,
                run.workers,
                log_config=log_config,
                log_level=run.log_level,
            )
        else:
            serve_foreground(
                settings, run.host, run.port, log_config=log_config, log_level=run.log_level
            )
    except SchemaTooNew as refused:
        print(refused, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
