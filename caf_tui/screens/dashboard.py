"""MON COMPTE: the person's home, with the sections their role allows."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Static

from caf_tui.account_words import not_offered
from caf_tui.api import DashboardResponse, DashboardStep, StepName
from caf_tui.i18n import _
from caf_tui.labels import euros, role_label, section_title
from caf_tui.screens.base import StepScreen
from caf_tui.screens.registry import step_screen
from caf_tui.screens.sections import SECTION_SCREENS
from caf_tui.screens.step_parts import loading_lines
from caf_tui.steps import account, sections, words
from caf_tui.styles import stylesheet
from caf_tui.widgets.button import Button
from caf_tui.widgets.footer import KeysFooter
from caf_tui.widgets.step_header import StepHeader


@step_screen(StepName.DASHBOARD)
class DashboardScreen(StepScreen[DashboardStep]):
    CSS_PATH = stylesheet("dashboard")

    def compose(self) -> ComposeResult:
        yield StepHeader(self.step_title())
        with VerticalScroll(classes="body", id="dashboard-body"):
            yield from loading_lines()
        with Horizontal(classes="buttons bottom-bar"):
            yield Button(_(words.LOG_OUT), id="logout")
            if self.caf.settings.kiosk:  # a shared terminal: « Terminer » wipes the visit
                yield Button(
                    _(account.DASHBOARD.action("finish").label), id="finish", variant="primary"
                )
        yield KeysFooter()

    def on_mount(self) -> None:
        self.load()

    def load(self) -> None:
        async def fetch() -> None:
            await self.fill(await self.caf.backend.dashboard())

        self.run_backend(fetch)

    async def fill(self, board: DashboardResponse) -> None:
        body = self.query_one("#dashboard-body", VerticalScroll)
        person = board.person
        widgets: list[Static | Button] = [
            Static(
                _(words.HELLO_PERSON).format(given=person.given_names, family=person.family_name),
                classes="greeting",
            ),
            Static(role_label(board.role), id="role"),
        ]
        if board.numero_allocataire:
            widgets.append(
                Static(
                    _(words.CLAIMANT_NUMBER_LINE).format(n=board.numero_allocataire), id="numero"
                )
            )
        if board.address:
            widgets.append(Static(board.address, id="address"))
        widgets.append(Static(_(words.SECTIONS_TITLE), classes="section-title"))
        for access in board.sections:
            label = section_title(access.section)
            if not access.allowed:
                label = _(sections.NOT_ALLOWED).format(section=label)
            # Not greyed out: opened, it says in the server's words who may use it.
            widgets.append(Button(label, id=f"section-{access.section.value}", compact=True))
        if board.payments:
            widgets.append(Static(_(words.LAST_PAYMENTS_TITLE), classes="section-title"))
            for payment in board.payments:
                widgets.append(
                    Static(
                        _("{date}  {label} : {amount}").format(
                            date=f"{payment.paid_on:%d/%m/%Y}",
                            label=payment.label,
                            amount=euros(payment.amount_cents),
                        ),
                        classes="payment",
                    )
                )
        if board.declarations:
            widgets.append(Static(_(sections.LAST_DECLARATIONS), classes="section-title"))
            widgets += [
                Static(line, markup=False, classes="declaration")
                for line in sections.declaration_lines(board.declarations)
            ]
        widgets.append(Static("", id="section-note"))
        await body.query(".board").remove()  # shown again on return from a section
        for widget in widgets:
            widget.add_class("board", update=False)  # not mounted: styled once, at its mount
        await body.mount_all(widgets)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        button_id = event.button.id or ""
        if button_id in ("logout", "finish"):
            self.run_backend(self.caf.quit_journey)
        elif button_id.removeprefix("section-") in SECTION_SCREENS:
            section = SECTION_SCREENS[button_id.removeprefix("section-")]()
            self.app.push_screen(section, lambda _result: self.load())
        elif button_id.startswith("section-"):
            self.query_one("#section-note", Static).update(not_offered(str(event.button.label)))

    def retry(self) -> None:
        self.load()
