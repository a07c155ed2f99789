"""GÉRER MON COMPTE: the profile, the spouse's rights (a file holder with a spouse), then what
may be done; shown anew after each action, as the screen reloads."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from caf_tui.account_words import profile_lines, spouse_lines
from caf_tui.api import Role, SpouseRight
from caf_tui.api.account import ProfileResponse, SpouseAuthorisationState
from caf_tui.i18n import _
from caf_tui.labels import spouse_right
from caf_tui.plain import help
from caf_tui.plain.context import Context
from caf_tui.plain.prompts import Choice
from caf_tui.plain.sections.contact import change_contact
from caf_tui.plain.sections.password import change_password
from caf_tui.plain.sections.views import connections
from caf_tui.steps import sections, words

#: An action of the menu; True when it leaves « Gérer Mon Compte ».
Action = Callable[[], bool]


def staying(action: Callable[[], None]) -> Action:
    def run() -> bool:
        action()
        return False

    return run


def set_spouse(ctx: Context, authorised: bool) -> None:
    ctx.call(lambda: ctx.backend.set_spouse_authorised(authorised))
    ctx.say(_(words.SPOUSE_RIGHTS_GRANTED) if authorised else _(words.SPOUSE_RIGHTS_WITHDRAWN))


def granted(spouse: SpouseAuthorisationState) -> set[SpouseRight]:
    return set(spouse.rights) if spouse.authorised else set()


def toggle_right(ctx: Context, spouse: SpouseAuthorisationState, right: SpouseRight) -> None:
    """Grant ``right`` alone, or withdraw it alone: the others stay as they are."""
    wanted = granted(spouse) ^ {right}
    ctx.call(partial(ctx.backend.set_spouse_rights, [r for r in SpouseRight if r in wanted]))
    said = sections.RIGHT_GRANTED if right in wanted else sections.RIGHT_WITHDRAWN
    ctx.say(_(said).format(right=spouse_right(right)))


def right_choices(ctx: Context, spouse: SpouseAuthorisationState) -> list[tuple[Choice, Action]]:
    """One choice per right, with the id of its tick on screen."""
    held = granted(spouse)
    return [
        (
            Choice(
                f"right-{right.value}",
                _(sections.WITHDRAW_RIGHT if right in held else sections.GRANT_RIGHT).format(
                    right=spouse_right(right)
                ),
            ),
            staying(partial(toggle_right, ctx, spouse, right)),
        )
        for right in SpouseRight
    ]


def logout_everywhere(ctx: Context) -> bool:
    """Every session ends, this one too: the login comes next, as on screen."""
    answer = ctx.call(ctx.backend.logout_everywhere)
    ctx.journey.session_lost(_(words.LOGGED_OUT_EVERYWHERE).format(n=answer.ended))
    return True


def actions(
    ctx: Context, profile: ProfileResponse, spouse: SpouseAuthorisationState | None
) -> list[tuple[Choice, Action]]:
    """The menu, each choice with the id of its button on screen."""
    menu: list[tuple[Choice, Action]] = []
    if spouse is not None:
        grant = not spouse.authorised
        choice = (
            Choice("grant", _(words.AUTHORISE))
            if grant
            else Choice("withdraw", _(words.WITHDRAW_RIGHTS))
        )
        menu.append((choice, staying(lambda: set_spouse(ctx, grant))))
        menu += right_choices(ctx, spouse)
    policy = profile.password_policy
    return [
        *menu,
        (
            Choice("change-contact", _(words.EDIT_CONTACT)),
            staying(lambda: change_contact(ctx, profile)),
        ),
        (
            Choice("change-password", _(words.CHANGE_PASSWORD)),
            staying(lambda: change_password(ctx, policy)),
        ),
        (Choice("connections", _(words.LAST_CONNECTIONS)), staying(lambda: connections(ctx))),
        (
            Choice("logout-everywhere", _(words.LOG_OUT_EVERYWHERE)),
            lambda: logout_everywhere(ctx),
        ),
        (Choice("back", _(words.BACK)), lambda: True),
    ]


def manage_account(ctx: Context) -> None:
    while True:
        profile = ctx.call(ctx.backend.profile)
        spouse = None
        if profile.role is Role.RESPONSABLE:
            spouse = ctx.call(ctx.backend.authorisations).spouse
        ctx.heading(_(words.MANAGE_ACCOUNT_TITLE))
        ctx.say(_(words.PROFILE_TITLE), *profile_lines(profile))
        if spouse is not None:
            ctx.say(_(words.AUTHORISATIONS_TITLE), *spouse_lines(spouse))
            ctx.say(_(sections.RIGHTS_TICKS_TITLE).format(name=spouse.spouse_name))
        menu = actions(ctx, profile, spouse)
        ctx.terminal.blank()
        choice = ctx.prompter.choose(
            _(words.WHAT_NOW), [choice for choice, _action in menu], _(help.MANAGE)
        )
        if menu[choice][1]():
            return
