"""A section of « Mon Compte » opened from the dashboard: loads what the server allows, shows
its refusal (403 « forbidden ») in words, and goes back with « Retour » or Échap."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widget import Widget

from caf_tui.backend.errors import BackendError
from caf_tui.i18n import _
from caf_tui.screens.base import CafScreen
from caf_tui.screens.step_parts import loading_lines
from caf_tui.steps import words
from caf_tui.widgets.button import Button
from caf_tui.widgets.footer import KeysFooter
from caf_tui.widgets.step_header import StepHeader


class SectionScreen(CafScreen):
    """Subclasses give ``HEADING`` and ``content()``; the rest is shared."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *CafScreen.BINDINGS,
        Binding("escape", "back", words.BACK, show=True),
    ]
    HEADING: ClassVar[str] = ""

    def heading(self) -> str:
        return _(self.HEADING)

    def compose(self) -> ComposeResult:
        yield StepHeader(self.heading())
        with VerticalScroll(classes="body", id="section-body"):
            yield from loading_lines()
            yield from self.compose_form()
        with Horizontal(classes="buttons bottom-bar"):
            yield Button(_(words.BACK), id="back")
        yield KeysFooter()

    def compose_form(self) -> ComposeResult:
        """Widgets shown at once, before anything is loaded (a form)."""
        yield from ()

    async def content(self) -> list[Widget]:
        """What the server sent, as widgets. Raise the backend's errors as they come."""
        return []

    def on_mount(self) -> None:
        self.load()

    def load(self, *, focus: str | None = None) -> None:
        """Show what the server sends; ``focus`` (a selector) is focused again once shown."""

        async def fetch() -> None:
            widgets = await self.content()
            body = self.query_one("#section-body", VerticalScroll)
            await body.query(".loaded").remove()
            for widget in widgets:
                widget.add_class("loaded")
            await body.mount_all(widgets)
            if focus is not None:
                # Pointed at once what was mounted is laid out: the scroll into view (after
                # the refresh after that) then reads where the new widgets are, not where the
                # ones they replaced were (a tick scrolled a line too far when it came first).
                self.call_after_refresh(self._point_again, focus)

        self.run_backend(fetch)

    def _point_again(self, focus: str) -> None:
        for widget in self.query_one("#section-body", VerticalScroll).query(focus):
            self.point_at(widget)  # no scrolling animation: the same place each time

    def retry(self) -> None:
        self.load()

    def show_error(self, error: BackendError) -> None:
        super().show_error(error)
        if error.field and error.field.isidentifier():
            # The field the server refused, to correct at once (what was typed is still there).
            for widget in self.query(f"#{error.field}"):
                self.point_at(widget, self.field_error(error.field))

    def action_back(self) -> None:
        self.dismiss()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "back":
            self.action_back()
