"""GÉRER MON COMPTE: my profile, my spouse's rights, my password, my connections."""

from __future__ import annotations

from textual import on
from textual.widget import Widget
from textual.widgets import Checkbox, Static

from caf_tui.account_words import profile_lines, spouse_lines
from caf_tui.api import PasswordPolicy, Role, SpouseRight
from caf_tui.api.account import AuthorisationsResponse, ProfileResponse
from caf_tui.i18n import N_, _
from caf_tui.labels import spouse_right
from caf_tui.screens.section_base import SectionScreen
from caf_tui.steps import sections, words
from caf_tui.styles import stylesheet
from caf_tui.widgets.bullets import Bullet
from caf_tui.widgets.button import Button
from caf_tui.widgets.toggles import TickBox

TICK = "right-"


def spouse_widgets(answer: AuthorisationsResponse) -> list[Widget]:
    spouse = answer.spouse
    if spouse is None:
        return []
    state, *rights = spouse_lines(spouse)
    widgets: list[Widget] = [
        Static(_(words.AUTHORISATIONS_TITLE), classes="section-title"),
        Static(state, id="spouse-state"),
        *(Bullet(right) for right in rights),
    ]
    if spouse.authorised:
        widgets.append(Button(_(words.WITHDRAW_RIGHTS), id="withdraw", classes="submit"))
    else:
        widgets.append(Button(_(words.AUTHORISE), id="grant", classes="submit"))
    widgets.append(
        Static(_(sections.RIGHTS_TICKS_TITLE).format(name=spouse.spouse_name), id="rights-ticks")
    )
    granted = set(spouse.rights) if spouse.authorised else set()
    widgets += [
        TickBox(spouse_right(right), right in granted, id=f"{TICK}{right.value}")
        for right in SpouseRight
    ]
    return widgets


def profile_widgets(profile: ProfileResponse) -> list[Widget]:
    return [
        Static(_(words.PROFILE_TITLE), classes="section-title"),
        Static("\n".join(profile_lines(profile)), id="profile"),
    ]


class ManageAccountScreen(SectionScreen):
    CSS_PATH = stylesheet("manage_account")
    HEADING = words.MANAGE_ACCOUNT_TITLE
    HELP = N_(
        "Ici vous consultez votre profil, gérez les droits de votre conjoint(e) si vous êtes "
        "responsable du dossier, changez votre mot de passe, voyez vos dernières connexions et "
        "pouvez vous déconnecter de tous vos appareils."
    )

    policy: PasswordPolicy | None = None
    profile: ProfileResponse | None = None

    async def content(self) -> list[Widget]:
        backend = self.caf.backend
        profile = await backend.profile()
        self.policy, self.profile = profile.password_policy, profile
        widgets = profile_widgets(profile)
        if profile.role is Role.RESPONSABLE:
            widgets += spouse_widgets(await backend.authorisations())
        widgets += [
            Static(_("SÉCURITÉ"), classes="section-title"),
            Button(_(words.EDIT_CONTACT), id="change-contact"),
            Button(_(words.CHANGE_PASSWORD), id="change-password"),
            Button(_(words.LAST_CONNECTIONS), id="connections"),
            Button(_(words.LOG_OUT_EVERYWHERE), id="logout-everywhere"),
        ]
        return widgets

    def set_spouse(self, authorised: bool) -> None:
        async def send() -> None:
            await self.caf.backend.set_spouse_authorised(authorised)
            self.notify(
                _(words.SPOUSE_RIGHTS_GRANTED) if authorised else _(words.SPOUSE_RIGHTS_WITHDRAWN)
            )
            self.load()

        self.run_backend(send)

    @on(Checkbox.Changed)
    def right_ticked(self, event: Checkbox.Changed) -> None:
        """Each tick grants or withdraws its one right at once, the others as they are."""
        ident = event.checkbox.id or ""
        if not ident.startswith(TICK):
            return
        right = SpouseRight(ident.removeprefix(TICK))
        ticked = [r for r in SpouseRight if self.query_one(f"#{TICK}{r.value}", Checkbox).value]
        said = sections.RIGHT_GRANTED if event.value else sections.RIGHT_WITHDRAWN

        async def send() -> None:
            await self.caf.backend.set_spouse_rights(ticked)
            self.notify(_(said).format(right=spouse_right(right)))
            self.load(focus=f"#{ident}")

        self.run_backend(send)

    def logout_everywhere(self) -> None:
        async def send() -> None:
            answer = await self.caf.backend.logout_everywhere()
            self.caf.session_lost(_(words.LOGGED_OUT_EVERYWHERE).format(n=answer.ended))

        self.run_backend(send)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        match event.button.id:
            case "grant" | "withdraw":
                self.set_spouse(event.button.id == "grant")
            case "logout-everywhere":
                self.logout_everywhere()
            case "connections":
                from caf_tui.screens.connections import ConnectionsScreen

                self.app.push_screen(ConnectionsScreen())
            case "change-contact" if self.profile is not None:
                from caf_tui.screens.change_contact import ChangeContactScreen

                screen = ChangeContactScreen(self.profile.phone, self.profile.email)
                self.app.push_screen(screen, lambda _result: self.load())
            case "change-password" if self.policy is not None:
                from caf_tui.screens.change_password import ChangePasswordScreen

                self.app.push_screen(ChangePasswordScreen(self.policy))
