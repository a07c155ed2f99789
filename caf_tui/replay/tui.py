"""Replay a flow in the real Textual app, headless: the screens a person sees, pressed by id.

Every action reaches the widget as a person would (focus, then Enter); the driver then waits
until the backend calls it started have finished and the screen is redrawn.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from textual import events
from textual.drivers.headless_driver import HeadlessDriver
from textual.geometry import Size
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Button, Checkbox, Input, RadioButton

from caf_tui.app import CafApp
from caf_tui.config import Settings
from caf_tui.replay import settle
from caf_tui.replay.control import StubControl
from caf_tui.replay.failures import StepFailed
from caf_tui.replay.flow import (
    AdvanceClock,
    Choose,
    Expect,
    ExpectError,
    ExpectNoText,
    ExpectText,
    Fault,
    Fill,
    Key,
    Press,
    ReadCode,
    ReadText,
    Screenshot,
    Tick,
    _Step,
)
from caf_tui.replay.observed import ObservedBackend
from caf_tui.replay.screen import screen_text, secrets_masked, shown
from caf_tui.replay.stub_steps import perform_on_stub
from caf_tui.replay.text import norm as _norm
from caf_tui.replay.variables import Variables
from caf_tui.screens.base import StepScreen

SIZE = (100, 40)


def _named(widget: Widget, name: str) -> bool:
    """The widget a flow names by id: its own, the name it is given (a provider's button), or
    for a choice its option's id within its field (``channel-sms`` is ``sms`` of ``channel``)."""
    if name in (widget.id, widget.name):
        return True
    group = widget.parent.id if isinstance(widget, RadioButton) and widget.parent else None
    return group is not None and widget.id == f"{group}-{name}"


class TuiDriver:
    """Performs a flow's steps on a running ``CafApp`` through its ``Pilot``."""

    def __init__(
        self,
        pilot: Pilot[None],
        backend: ObservedBackend,
        variables: Variables,
        control: StubControl | None,
        shots: Path,
    ) -> None:
        self.pilot = pilot
        self.backend = backend
        self.variables = variables
        self.control = control
        self.shots = shots
        self._errors_mark = 0

    @property
    def app(self) -> CafApp:
        app = self.pilot.app
        assert isinstance(app, CafApp)
        return app

    async def settle(self) -> None:
        """Until what the last action set going is over (``settle.settle``)."""
        await settle.settle(self.pilot)

    async def resize(self, width: int, height: int) -> None:
        """The terminal resized, as ``Pilot.resize_terminal`` does it, then settled."""
        size = Size(width, height)
        driver = self.app._driver
        if isinstance(driver, HeadlessDriver):
            driver._size = size
        self.app.post_message(events.Resize(size, size))
        await self.settle()

    def _repaint_below(self) -> None:
        """The screens under a dialog repainted where they changed (a field masked): Textual
        repaints only the top screen until they are on top again."""
        for screen in self.app.screen_stack[:-1]:
            if screen._dirty_widgets:
                screen._compositor.update_widgets(screen._dirty_widgets)
                screen._dirty_widgets.clear()
            screen._compositor_refresh()
        self.app.screen._on_timer_update()

    async def _send_key(self, key: str) -> None:
        """The key as ``Pilot.press`` sends it, without its waits for the CPU to go idle."""
        await settle.press(self.pilot, key)

    def text(self) -> str:
        return screen_text(self.app)

    async def failure_picture(self) -> str | None:
        return await self.screenshot("failure")

    async def screenshot(self, name: str) -> str:
        """Save the screen (secrets masked) as ``name.svg``; the file name."""
        self.shots.mkdir(parents=True, exist_ok=True)
        with secrets_masked(self.app):
            await self.settle()
            self._repaint_below()
            svg = self.app.export_screenshot(title=name)
        await self.settle()
        path = self.shots / f"{name}.svg"
        path.write_text(svg, encoding="utf-8")
        return path.name

    # --- steps ------------------------------------------------------------------------------

    async def run(self, step: _Step) -> str | None:
        """Perform one step; the screenshot file when it takes one. Raises StepFailed."""
        match step:
            case Expect():
                self._expect(step.expect.value)
            case ExpectError():
                self._expect_error(step)
            case ExpectText():
                if _norm(step.expect_text) not in _norm(self.text()):
                    raise StepFailed(f"le texte « {step.expect_text} » n'est pas à l'écran")
            case ExpectNoText():
                if _norm(step.expect_no_text) in _norm(self.text()):
                    raise StepFailed(f"le texte « {step.expect_no_text} » est à l'écran")
            case Fill():
                await self._fill(step)
            case Tick():
                await self._toggle(step.tick, Checkbox)
            case Choose():
                await self._toggle(step.choose, RadioButton)
            case Press():
                await self._press(step.press)
            case Key():
                self._act()
                await self._send_key(step.key)
            case ReadCode() | AdvanceClock() | Fault():
                await asyncio.to_thread(perform_on_stub, step, self.control, self.variables)
            case ReadText():
                found = step.find(self.text())
                if found is None:
                    raise StepFailed(f"l'écran ne montre rien qui réponde à « {step.read_text} »")
                self.variables.set(step.into, found)
            case Screenshot():
                return await self.screenshot(step.screenshot)
            case _:
                raise StepFailed(f"étape non prise en charge : {step.label()}")
        return None

    def _act(self) -> None:
        """An action starts: errors from now on are its own."""
        self._errors_mark = len(self.backend.errors)

    def _expect(self, name: str) -> None:
        step = self.app.journey.step.step
        screen = self.app.screen
        if step != name:
            raise StepFailed(f"attendu l'étape « {name} », l'application est à « {step} »")
        if not isinstance(screen, StepScreen) or getattr(screen.step, "step", None) != name:
            raise StepFailed(
                f"attendu l'écran de « {name} », l'écran affiché est {type(screen).__name__}"
            )

    def _expect_error(self, step: ExpectError) -> None:
        expected = step.expect_error
        errors = self.backend.errors[self._errors_mark :]
        if isinstance(expected, str):
            codes = [str(error.code) for error in errors]
            if str(expected) not in codes:
                seen = ", ".join(codes) or "aucune"
                raise StepFailed(f"attendu l'erreur « {expected} » ; erreurs reçues : {seen}")
            return
        widgets = self.app.screen.query(f"#error-{expected.field}").results(Widget)
        if not any(shown(widget) for widget in widgets):
            raise StepFailed(f"aucune erreur n'est affichée pour le champ « {expected.field} »")

    def _find(self, name: str, kind: type[Widget]) -> Widget:
        found = [
            widget
            for widget in self.app.screen.query(kind.__name__).results(kind)
            if _named(widget, name)
        ]
        visible = [widget for widget in found if shown(widget)]
        if not visible:
            names = [
                w.id or w.name or "?"
                for w in self.app.screen.query(kind.__name__).results(kind)
                if shown(w)
            ]
            raise StepFailed(
                f"aucun élément « {name} » à l'écran ; disponibles : {', '.join(names) or '-'}"
            )
        return visible[0]

    async def _press(self, name: str) -> None:
        button = self._find(name, Button)
        assert isinstance(button, Button)
        if button.disabled:
            raise StepFailed(f"le bouton « {button.label} » est désactivé")
        self._act()
        # Textual ignores a press while the last one's 0.2 s "active" effect lasts (a guard
        # against a person's double press); the flow's presses are each meant, so none waits
        # for a look to fade.
        button.active_effect_duration = 0
        button.remove_class("-active")
        self.app.set_focus(button)  # at once: ``focus()`` waits for the next message
        if self.app.focused is button:
            await self._send_key("enter")
        else:
            button.press()
            await self.settle()

    async def _toggle(self, name: str, kind: type[Checkbox] | type[RadioButton]) -> None:
        toggle = self._find(name, kind)
        assert isinstance(toggle, Checkbox | RadioButton)
        if toggle.disabled:
            raise StepFailed(f"« {toggle.label} » est désactivé")
        toggle.focus()
        toggle.value = True
        await self.settle()

    async def _fill(self, step: Fill) -> None:
        for name, template in step.fill.items():
            try:
                field = self.app.screen.query_one(f"#{name}", Input)
            except Exception as exc:
                raise StepFailed(f"aucun champ « {name} » à l'écran") from exc
            if not shown(field):
                raise StepFailed(f"le champ « {name} » n'est pas affiché")
            field.focus()
            field.value = self.variables.resolve(template)
        await self.settle()  # the focus and change events of every field, in order


def make_app(base_url: str) -> tuple[CafApp, ObservedBackend]:
    backend = ObservedBackend(base_url, label="replay")
    settings = Settings(remember=False, cursor_blink=False, backend_url=base_url)
    app = CafApp(settings, backend=backend)
    app.paints_headless = False  # read from the widgets; a screenshot renders its own frame
    return app, backend
