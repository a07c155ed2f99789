"""The line mode's loop: the step the journey holds, asked, until the person leaves."""

from __future__ import annotations

from caf_tui.backend.errors import BackendError, NotAuthenticated
from caf_tui.i18n import _
from caf_tui.plain.context import Context, Finished
from caf_tui.plain.prompts import QuitRequested
from caf_tui.plain.steps import handler_for
from caf_tui.steps import resume_name

EXIT_OK = 0


def leave(ctx: Context) -> None:
    """Log out; say where the next login resumes. Never fails: the person is leaving."""
    if not ctx.has_session:
        ctx.say(_("Au revoir."))
        return
    where = resume_name(ctx.journey.step.step)
    try:
        ctx.runner.run(ctx.journey.logout())
    except BackendError as error:
        ctx.say(error.message)
    ctx.say(
        _(
            "Déconnexion effectuée. Ce que vous avez validé est enregistré : à votre prochaine "
            "connexion, vous reprendrez à l'étape « {step} »."
        ).format(step=where)
    )


def loop(ctx: Context) -> int:
    """Each step's questions in turn; the server's answers say which step comes next."""
    while True:
        step = ctx.journey.step
        try:
            handler_for(step)(ctx, step)
        except NotAuthenticated as error:
            ctx.journey.session_lost(error.message)
        except QuitRequested:
            leave(ctx)
            return EXIT_OK
        except Finished:
            return EXIT_OK
