"""The kiosk's idle limit on line input: looked at while an answer is awaited; its warning said
once; any answer extends the visit (an empty one only says « still here »)."""

from __future__ import annotations

import math
from collections.abc import Callable

from caf_tui.i18n import _
from caf_tui.kiosk.idle import IdleWatcher, Phase
from caf_tui.plain.wording import spoken_duration


class VisitOver(Exception):
    """The idle limit, or the absolute limit of a visit, has passed: wipe."""


def warning_text(remaining: float, extendable: bool) -> str:
    duration = spoken_duration(max(0, math.ceil(remaining)))
    if extendable:
        return _(
            "Êtes-vous toujours là ? Appuyez sur Entrée pour continuer. Sans réponse, vos "
            "informations seront effacées dans {duration}."
        ).format(duration=duration)
    return _(
        "Cette visite a atteint sa durée maximale : vos informations seront effacées dans "
        "{duration}. Vous pourrez recommencer depuis l'accueil."
    ).format(duration=duration)


class IdleWaiter:
    """The ``Waiter`` of the terminal: looks at the idle clocks while an answer is awaited."""

    def __init__(self, idle: IdleWatcher, announce: Callable[[str], None], tick: float) -> None:
        self.idle = idle
        self.announce = announce
        self.tick = tick
        self.warned = False

    def waiting(self) -> None:
        status = self.idle.status()
        if status.phase is Phase.EXPIRED:
            raise VisitOver
        if status.phase is Phase.WARNING and not self.warned:
            self.warned = True
            self.announce(warning_text(status.remaining, status.extendable))

    def answered(self, line: str) -> bool:
        if self.idle.status().phase is Phase.EXPIRED:
            raise VisitOver
        warned, self.warned = self.warned, False
        self.idle.touch()
        if self.idle.status().phase is Phase.WARNING:
            self.warned = True  # the absolute limit: an answer cannot push it back
        if warned and not line.strip():
            self.announce(_("La visite continue."))
            return True
        return False
