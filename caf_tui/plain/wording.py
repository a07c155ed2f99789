"""Words the line mode says: titles, field names, durations, amounts, sections.

Words the screens say too live in caf_tui/labels.py; these are the line mode's own.
"""

from __future__ import annotations

from caf_tui import rules
from caf_tui.api import Progress
from caf_tui.i18n import _, ngettext


def title(text: str, progress: Progress | None = None) -> str:
    """A screen's title, with where the person is in the journey ("Étape 2 sur 3")."""
    if progress is None:
        return text
    step = _("Étape {current} sur {total}").format(current=progress.current, total=progress.total)
    return f"{step} : {text}"


def field_error(label: str, message: str) -> str:
    """An error that names its field, so it is understood without seeing the form."""
    return _("Erreur sur le champ « {field} » : {message}").format(field=label, message=message)


def spoken_duration(seconds: int) -> str:
    """``10 minutes``, ``4 minutes et 10 secondes``, ``45 secondes``: words, not "min" or "s"."""
    minutes, rest = divmod(max(seconds, 0), 60)
    parts = []
    if minutes:
        parts.append(ngettext("{n} minute", "{n} minutes", minutes).format(n=minutes))
    if rest or not minutes:
        parts.append(ngettext("{n} seconde", "{n} secondes", rest).format(n=rest))
    return (" " + _(rules.AND) + " ").join(parts)
