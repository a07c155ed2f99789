"""CONNEXION: the portal's login form, with the NIR or a temporary identifier."""

from __future__ import annotations

from typing import TYPE_CHECKING, Union

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Input, Label, Static

from caf_tui import help_texts, rules
from caf_tui.api import IdentifierKind, StepName
from caf_tui.backend.errors import AccountLocked, BackendError, InvalidCredentials
from caf_tui.i18n import _
from caf_tui.journey import LoginStart
from caf_tui.screens.base import StepScreen
from caf_tui.screens.registry import step_screen
from caf_tui.steps import words
from caf_tui.styles import stylesheet
from caf_tui.widgets.button import Button
from caf_tui.widgets.fields import HelpedInput
from caf_tui.widgets.footer import KeysFooter
from caf_tui.widgets.login_doors import LoginDoors
from caf_tui.widgets.messages import FieldError, StatusLine
from caf_tui.widgets.remember_me import RememberMe
from caf_tui.widgets.step_header import StepHeader
from caf_tui.widgets.toggles import TickBox

if TYPE_CHECKING:
    from caf_tui.api import LoginStep

#: The server's login step, or the journey's start (the first frame: no pydantic model yet).
ShownLogin = Union["LoginStep", LoginStart]  # a string: imported for mypy only


@step_screen(StepName.LOGIN)
class LoginScreen(StepScreen[ShownLogin]):
    CSS_PATH = stylesheet("login")
    # Textual annotates it as an instance variable: a ClassVar here would not type-check.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]  # noqa: RUF012
    CAN_QUIT = False
    AUTO_FOCUS = "#identifier"
    _resized_once = False

    def screen_help(self) -> str:
        return help_texts.before_login_help()

    def compose(self) -> ComposeResult:
        yield StepHeader(self.step_title())
        with VerticalScroll(classes="body"), Horizontal(id="columns"):
            with Vertical(id="form-column"):
                yield from self._form()
            yield LoginDoors(id="doors-column")
        yield KeysFooter()

    def _form(self) -> ComposeResult:
        yield Static(self.caf.journey.take_notice() or "", id="notice")
        yield Static(_(words.ALL_REQUIRED))
        yield FieldError(id="error-form")
        with Horizontal(classes="label-row"):
            yield Label(_(words.NIR_LABEL), id="identifier-label")
            yield Button("(?)", id="identifier-help", classes="help-button")
        yield HelpedInput(
            id="identifier",
            max_length=40,
            help_text=help_texts.nir_help(),
            placeholder=_(words.NIR_PLACEHOLDER),
        )
        yield FieldError(id="error-identifier")
        # The tutorial's order: « Se souvenir de moi » under the identifier it keeps.
        yield RememberMe(id="remember-me")
        yield TickBox(_(words.HAVE_TEMPORARY_ID), id="temporary")
        with Horizontal(classes="label-row"):
            yield Label(_(words.PASSWORD), id="password-label")
            yield Button("(?)", id="password-help", classes="help-button")
        yield Static(_("8 à 24 caractères"), classes="hint")
        with Horizontal(classes="password-row"):
            yield HelpedInput(
                id="password", password=True, max_length=128, help_text=help_texts.password_help()
            )
            yield Button(_(words.SHOW), id="toggle-password")
        yield FieldError(id="error-password")
        yield StatusLine()
        with Horizontal(classes="buttons"):
            yield Button(_(words.LOG_IN), id="login", variant="primary", classes="submit")
            yield Button(_(words.RETRY), id="retry")
        yield Button(_(words.FORGOT_PASSWORD), id="forgot", classes="link")

    def on_resize(self, event: events.Resize) -> None:
        # The terminal's size, sent once the driver has started: the resume has just laid the
        # login out at that size, and Screen's own handler would lay every widget out again.
        if not self._resized_once:
            self._resized_once = True
            if event.size == self.outer_size:
                event.prevent_default()

    def on_mount(self) -> None:
        self.query_one("#retry").display = False
        notice = self.query_one("#notice", Static)
        notice.display = bool(str(notice.render()).strip())
        remember_me = self.query_one(RememberMe)
        if self.caf.settings.remember:
            self.caf.when_painted(remember_me.recall)
        else:
            remember_me.display = False
        offered = self.caf.journey.take_offered()  # a lost session, a new password
        if offered is not None:
            self._offer(*offered)

    def _offer(self, kind: IdentifierKind, identifier: str) -> None:
        """Fill the identifier in (what was typed wins) and go on to the password."""
        self.query_one("#temporary", TickBox).value = kind is IdentifierKind.TEMPORARY
        field = self.query_one("#identifier", Input)
        if not field.value:
            field.value = self._display(kind, identifier)
        self.query_one("#password", Input).focus()

    def on_remember_me_recalled(self, event: RememberMe.Recalled) -> None:
        self._offer(event.kind, event.identifier)

    # --- form -------------------------------------------------------------------------------

    @property
    def kind(self) -> IdentifierKind:
        temporary = self.query_one("#temporary", TickBox).value
        return IdentifierKind.TEMPORARY if temporary else IdentifierKind.NIR

    @staticmethod
    def _display(kind: IdentifierKind, identifier: str) -> str:
        return rules.format_nir(identifier) if kind is IdentifierKind.NIR else identifier

    @on(TickBox.Changed, "#temporary")
    def switch_identifier_kind(self, event: TickBox.Changed) -> None:
        label, field = (
            self.query_one("#identifier-label", Label),
            self.query_one("#identifier", HelpedInput),
        )
        if event.value:
            label.update(_(words.TEMPORARY_ID_LABEL))
            field.placeholder = _("T suivi de 8 chiffres, ex. T00000042")
            field.help_text = help_texts.temporary_id_help()
        else:
            label.update(_(words.NIR_LABEL))
            field.placeholder = _(words.NIR_PLACEHOLDER)
            field.help_text = help_texts.nir_help()
        self.query_one("#error-identifier", FieldError).clear()

    @on(Input.Blurred, "#identifier")
    def group_identifier(self, event: Input.Blurred) -> None:
        """Show a valid NIR grouped as on the carte Vitale, keeping the digits typed."""
        try:
            rules.normalise_identifier(self.kind, event.value)
        except rules.RuleError:
            return
        if self.kind is IdentifierKind.NIR:
            event.input.value = rules.format_nir(event.value)

    @on(Input.Submitted)
    def submit_from_field(self) -> None:
        self.log_in()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        match event.button.id:
            case "login":
                self.log_in()
            case "toggle-password":
                field = self.query_one("#password", Input)
                field.password = not field.password
                event.button.label = _(words.SHOW) if field.password else _(words.HIDE)
            case "identifier-help" | "password-help":
                from caf_tui.screens.help import HelpScreen

                helped = "#identifier" if event.button.id == "identifier-help" else "#password"
                help_text = self.query_one(helped, HelpedInput).help_text
                self.app.push_screen(HelpScreen(help_text))
            case "forgot":
                from caf_tui.screens.forgot_password import ForgotPasswordScreen

                typed = self.query_one("#identifier", Input).value
                self.app.push_screen(ForgotPasswordScreen(self.kind, typed))
            case "what-franceconnect":
                from caf_tui.screens.help import HelpScreen

                self.app.push_screen(HelpScreen(help_texts.franceconnect_help()))
            case "franceconnect":
                from caf_tui.screens.franceconnect import FranceConnectScreen

                self.app.push_screen(FranceConnectScreen())
            case "create-account":
                from caf_tui.screens.create_account import CreateAccountScreen

                self.app.push_screen(CreateAccountScreen())

    def log_in(self) -> None:
        identifier_field = self.query_one("#identifier", Input)
        password_field = self.query_one("#password", Input)
        self.clear_errors()
        kind = self.kind
        try:
            identifier = rules.normalise_identifier(kind, identifier_field.value)
        except rules.RuleError as error:
            self.query_one("#error-identifier", FieldError).show(error.message)
            identifier_field.focus()
            return
        if not password_field.value:
            self.query_one("#error-password", FieldError).show(_("Saisissez votre mot de passe."))
            password_field.focus()
            return
        from pydantic import SecretStr  # not needed to paint the login

        password = SecretStr(password_field.value)
        remember_me = self.query_one(RememberMe)
        keep = remember_me.wanted

        async def send() -> None:
            step = await self.caf.journey.login(kind, identifier, password)
            if self.caf.settings.remember and remember_me.usable:
                await remember_me.store(keep, kind, identifier)
            password_field.value = ""
            self.caf.go_to(step)

        self.run_backend(send)

    def show_error(self, error: BackendError) -> None:
        super().show_error(error)
        if isinstance(error, InvalidCredentials | AccountLocked):
            # The password emptied and focused, with the refusal at the top of the form in
            # view: on a short screen, the focus alone scrolled the reason away.
            password = self.query_one("#password", Input)
            password.value = ""
            self.point_at(password, self.error_shown_in(error))
