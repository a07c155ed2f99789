"""Assisted mode (``--assist``): what staff beside the person need on each screen.

One note per step, in its ``caf_tui.steps`` description: what the person needs at hand, the
usual mistakes. And the stable, readable names staff and the helpdesk use:
« Étape 2/3 · verify_code · E-OTP-EXPIRED ». No Textual here: the line mode or a report can
use it too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from caf_tui.api import ErrorCode
from caf_tui.i18n import N_, _
from caf_tui.steps import spec_for, words

if TYPE_CHECKING:
    from caf_tui.api import Progress

FALLBACK_NOTE = N_(
    "Pas de note pour cet écran. Relever le nom de l'étape et le code d'erreur affichés "
    "ci-dessus pour l'assistance."
)


def note_for(step: str) -> str:
    """The staff note of ``step``, translated."""
    spec = spec_for(step)
    if spec is not None:
        return _(spec.note)
    # The sections' forms bring the declarations' models: not before the login is painted.
    from caf_tui.steps import sections

    return _(sections.form_note(step) or FALLBACK_NOTE)


def error_label(code: ErrorCode | str) -> str:
    """``otp_expired`` -> ``E-OTP-EXPIRED``: the name staff read out to the helpdesk."""
    return "E-" + str(code).upper().replace("_", "-")


def where_label(step: str, progress: Progress | None, error: ErrorCode | str | None) -> str:
    """« Étape 2/3 · verify_code · E-OTP-EXPIRED » (parts absent when unknown)."""
    parts = []
    if progress is not None:
        parts.append(_(words.STEP_OF_TOTAL).format(current=progress.current, total=progress.total))
    parts.append(step)
    if error:
        parts.append(error_label(error))
    return " · ".join(parts)
