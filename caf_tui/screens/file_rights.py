"""« Déclarer un changement » and « Faire une demande de prestation »: the forms the section
offers (its description in ``caf_tui.steps.sections``), and what was sent before. A role the
server refuses (403) sees the section with the server's words saying who may."""

from __future__ import annotations

from textual.widget import Widget
from textual.widgets import Static

from caf_tui.api.declarations import Benefit
from caf_tui.i18n import _
from caf_tui.screens.form_section import FormSectionScreen
from caf_tui.screens.section_base import SectionScreen
from caf_tui.steps import sections
from caf_tui.steps.sections import DECLARATIONS, benefit_form
from caf_tui.widgets.button import Button


class DeclareChangeScreen(SectionScreen):
    HEADING = sections.DECLARE_TITLE
    HELP = sections.DECLARE_HELP

    async def content(self) -> list[Widget]:
        answer = await self.caf.backend.declarations()
        widgets: list[Widget] = [Static(_(sections.DECLARE_INTRO), id="declare-intro")]
        widgets += [
            Button(_(form.title), id=f"declare-{form.id}", compact=True) for form in DECLARATIONS
        ]
        widgets.append(Static(_(sections.LAST_DECLARATIONS), classes="section-title"))
        if not answer.declarations:
            widgets.append(Static(_(sections.NO_DECLARATION), id="no-declaration"))
        widgets += [
            Static(line, markup=False, classes="declaration")
            for line in sections.declaration_lines(answer.declarations)
        ]
        return widgets

    def on_button_pressed(self, event: Button.Pressed) -> None:
        wanted = (event.button.id or "").removeprefix("declare-")
        form = next((form for form in DECLARATIONS if form.id == wanted), None)
        if form is not None:
            self.app.push_screen(FormSectionScreen(form), lambda _result: self.load())


class RequestBenefitScreen(SectionScreen):
    HEADING = sections.BENEFIT_TITLE
    HELP = sections.BENEFIT_HELP

    def __init__(self) -> None:
        super().__init__()
        self.benefits: dict[str, Benefit] = {}

    async def content(self) -> list[Widget]:
        answer = await self.caf.backend.benefits()
        self.benefits = {benefit.id: benefit for benefit in answer.benefits}
        widgets: list[Widget] = [Static(_(sections.BENEFIT_INTRO), id="benefit-intro")]
        for benefit in answer.benefits:
            widgets.append(Button(benefit.title, id=f"benefit-{benefit.id}", compact=True))
            widgets.append(Static(benefit.description, markup=False, classes="hint"))
        return widgets

    def on_button_pressed(self, event: Button.Pressed) -> None:
        benefit = self.benefits.get((event.button.id or "").removeprefix("benefit-"))
        if benefit is not None:
            self.app.push_screen(FormSectionScreen(benefit_form(benefit)))
