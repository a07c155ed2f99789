"""Recording: a person does the journey in the app; the flow script is written from what they
did (steps reached, fields filled, boxes ticked, buttons pressed, errors met).

Values of passwords and codes never reach the script: a demo persona's password becomes its
``${KARIM_PASSWORD}`` (whose default is the published demo password), any other password a
variable to set in the environment, a code ``read_code`` + ``${CODE}``.
"""

from __future__ import annotations

from collections import deque
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from textual import events
from textual._context import message_hook
from textual.message import Message
from textual.widgets import Button, Checkbox, Input, RadioSet

from caf_stub.personas import PERSONAS, Persona
from caf_tui import rules
from caf_tui.api import ErrorCode, IdentifierKind, VerifyCodeStep
from caf_tui.app import CafApp
from caf_tui.replay.flow import Flow, dump_flow, is_secret_field
from caf_tui.replay.observed import ObservedBackend
from caf_tui.replay.screen import shown

WRONG_CODE_ERRORS = {ErrorCode.OTP_INVALID, ErrorCode.OTP_ATTEMPTS_EXCEEDED}
WRONG_CODE = "000000"
RECORDED_KEYS = frozenset({"escape", "f1"})
"""Keys that act by themselves (« Quitter », help); others type text or reach a button."""


def persona_of(identifier: str) -> Persona | None:
    for kind in IdentifierKind:
        try:
            wanted = rules.normalise_identifier(kind, identifier)
        except rules.RuleError:
            continue
        for persona in PERSONAS.values():
            if wanted in (persona.nir, persona.temporary_id):
                return persona
    return None


class Recorder:
    """Watches every message of a ``CafApp`` (Textual's message hook) and writes the steps."""

    def __init__(self, app: CafApp, backend: ObservedBackend) -> None:
        self.app = app
        self.backend = backend
        self.steps: list[dict[str, Any]] = []
        self.variables: dict[str, str | None] = {}
        self.persona: str | None = None
        self._fills: dict[str, str] = {}  # field id -> value, in memory only
        self._ticks: list[str] = []
        self._choice: str | None = None
        self._last_step: str | None = None
        self._errors_seen = 0
        self._recent: deque[Message] = deque(maxlen=256)  # a bubbling message is seen per node

    # --- the hook ---------------------------------------------------------------------------

    def hook(self, message: Message) -> None:
        if any(message is seen for seen in self._recent):
            return
        self._recent.append(message)
        match message:
            case Input.Changed() if message.input.id:
                self._fills[message.input.id] = message.value
            case Checkbox.Changed() if message.checkbox.id:
                name = message.checkbox.id
                if message.value and name not in self._ticks:
                    self._ticks.append(name)
                elif not message.value and name in self._ticks:
                    self._ticks.remove(name)
            case RadioSet.Changed() if message.pressed.id:
                self._choice = message.pressed.id.removeprefix("channel-")
            case Button.Pressed():
                self._action({"press": self._button_name(message.button)})
            case Input.Submitted() if message.input.id:
                self._action({"key": "enter"}, last=message.input.id)
            case events.Key() if message.key in RECORDED_KEYS:
                self._action({"key": message.key})

    # --- steps ------------------------------------------------------------------------------

    def sync(self) -> None:
        """Note the errors met and the step reached since the last action."""
        for error in self.backend.errors[self._errors_seen :]:
            self._error(error.code)
        self._errors_seen = len(self.backend.errors)
        step = str(self.app.journey.step.step)
        if step != self._last_step:
            self.steps.append({"expect": step})
            self._last_step = step

    def _error(self, code: ErrorCode) -> None:
        self.steps.append({"expect_error": code.value})
        if code in WRONG_CODE_ERRORS:
            # The code typed was not the one sent: replay it as a wrong code, not the read one.
            for index in range(len(self.steps) - 1, -1, -1):
                fill = self.steps[index].get("fill", {})
                if fill.get("code") == "${CODE}":
                    fill["code"] = "${WRONG_CODE}"
                    self.variables["WRONG_CODE"] = WRONG_CODE
                    if index and "read_code" in self.steps[index - 1]:
                        del self.steps[index - 1]
                    break

    def _button_name(self, button: Button) -> str:
        """The id a flow presses it by (a provider's button is named by the provider's id)."""
        return button.id or button.name or str(button.label)

    def _action(self, step: dict[str, Any], last: str | None = None) -> None:
        self.sync()
        for name in self._ticks:
            self.steps.append({"tick": name})
        if self._choice is not None:
            self.steps.append({"choose": self._choice})
        fills = self._pending_fills(last)
        if "code" in fills and isinstance(self.app.journey.step, VerifyCodeStep):
            self.steps.append({"read_code": self.app.journey.step.channel.value})
        if fills:
            self.steps.append({"fill": fills})
        self.steps.append(step)
        self._fills, self._ticks, self._choice = {}, [], None

    def _pending_fills(self, last: str | None) -> dict[str, str]:
        screen = self.app.screen
        fills: dict[str, str] = {}
        names = [n for n in self._fills if n != last] + ([last] if last in self._fills else [])
        for name in names:
            value = self._fills[name]
            found = [f for f in screen.query(Input) if f.id == name and shown(f)]
            if not found or not value:
                continue
            fills[name] = self._written(name, value, fills)
        return fills

    def _written(self, name: str, value: str, fills: dict[str, str]) -> str:
        """What the script says for ``value``: itself, or a variable when it is a secret."""
        if name == "identifier":
            persona = persona_of(value)
            self.persona = persona.key if persona else self.persona
            return value
        if not is_secret_field(name):
            return value
        if name == "code":
            return "${CODE}"
        if (
            name == "confirmation"
            and fills.get("password")
            and self._fills.get("password") == value
        ):
            return fills["password"]
        on_login = str(self.app.journey.step.step) == "login"
        persona = persona_of(self._identifier_shown()) if on_login else None
        if persona is not None and persona.password == value:
            variable = f"{persona.key.upper()}_PASSWORD"
            self.variables[variable] = value  # the published demo password of the persona
            return "${" + variable + "}"
        base = "PASSWORD" if on_login else "NEW_PASSWORD"
        variable = base
        number = 2
        while variable in self.variables:
            variable, number = f"{base}_{number}", number + 1
        self.variables[variable] = None  # from the environment: never written here
        return "${" + variable + "}"

    def _identifier_shown(self) -> str:
        found = [f for f in self.app.screen.query(Input) if f.id == "identifier"]
        return found[0].value if found else ""

    def flow(self, name: str) -> Flow:
        self.sync()
        return Flow.model_validate(
            {
                "name": name,
                "description": f"Enregistré le {datetime.now(UTC):%d/%m/%Y à %H:%M} UTC.",
                "persona": self.persona,
                "variables": self.variables,
                "steps": self.steps,
            }
        )


def flow_name(path: Path) -> str:
    cleaned = "".join(c if c.isalnum() or c in "-_" else "-" for c in path.stem.lower())
    return cleaned.strip("-_") or "parcours"


def record_interactively(path: Path, *, backend_url: str | None, name: str | None) -> Flow:
    """Run the app for a person; on exit, write the flow to ``path``."""
    from caf_tui.config import Settings

    running = None
    if backend_url is None:
        from caf_stub import serve_in_thread
        from caf_stub.testing import settings_for_tests

        running = serve_in_thread(settings_for_tests(fixed_code=None))
        backend_url = running.url
    try:
        backend = ObservedBackend(backend_url, label="enregistrement")
        app = CafApp(Settings(remember=False, backend_url=backend_url), backend=backend)
        recorder = Recorder(app, backend)
        # Textual's own hook (as run_test(message_hook=…)); app.run() copies this context.
        token = message_hook.set(recorder.hook)
        try:
            app.run()
        finally:
            message_hook.reset(token)
        flow = recorder.flow(name or flow_name(path))
    finally:
        if running is not None:
            running.stop()
    path.write_text(dump_flow(flow), encoding="utf-8")
    return flow
