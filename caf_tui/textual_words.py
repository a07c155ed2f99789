"""What Textual would say by itself, said by us in the chosen language.

Textual 8.2 shows a few texts of its own (read in ``textual/app.py``, ``widgets/_footer.py``,
``command.py``):
- Ctrl+C: a toast « Do you want to quit? / Press ctrl+q to quit the app » (``action_help_quit``);
- the footer's key names, built by ``App.get_key_display`` (« ^q », « escape », « enter »);
- the command palette (Ctrl+P): « Search for commands… », « Quit the application as soon as
  possible », « Change the current theme », « Save an SVG 'screenshot'… », its key « ^p » and
  « palette » in the footer.

The palette is turned off rather than translated: everything a person does here is a button on
the screen or a key in the footer; its commands are Textual's tools (themes without our contrast
guarantees, a screenshot of someone's file written to ~/Downloads, maximize) and its fuzzy search
list is hard to follow with a screen reader. The theme is a setting (``--theme``).

``AppInOurWords`` is the base of the app; it also installs the wrapping rules of
``caf_tui.typography`` before anything is drawn, and ``caf_tui.kept_lookups``.
"""

from __future__ import annotations

from typing import Any, ClassVar, TypeVar

from textual.app import App
from textual.binding import Binding
from textual.keys import format_key

from caf_tui import kept_lookups, typography
from caf_tui.i18n import N_, _

# Before our first widget, screen or app class is made (this module's app is the first).
kept_lookups.install_class_bookkeeping()

ReturnType = TypeVar("ReturnType")

#: Key names as a keyboard's keycaps print them (French; English in the catalog).
KEY_NAMES: dict[str, str] = {
    "escape": N_("Échap"),
    "enter": N_("Entrée"),
    "tab": N_("Tab"),
    "space": N_("Espace"),
    "backspace": N_("Retour arrière"),
    "delete": N_("Suppr"),
    "insert": N_("Inser"),
    "home": N_("Début"),
    "end": N_("Fin"),
    "pageup": N_("Page préc."),
    "pagedown": N_("Page suiv."),
    "up": "↑",
    "down": "↓",
    "left": "←",
    "right": "→",
}
MODIFIER_NAMES: dict[str, str] = {
    "ctrl": N_("Ctrl"),
    "shift": N_("Maj"),
    "alt": N_("Alt"),
    "meta": N_("Méta"),
    "super": N_("Super"),
    "hyper": N_("Hyper"),
}
QUIT_ACTIONS = ("quit", "app.quit")


def key_name(key: str) -> str:
    """« ctrl+q » -> « Ctrl+Q », « escape » -> « Échap », « question_mark » -> « ? »."""
    *modifiers, name = key.split("+") if key != "+" else ["+"]
    if name in KEY_NAMES:
        shown = _(KEY_NAMES[name])
    elif len(name) > 1 and name[0] == "f" and name[1:].isdigit():
        shown = name.upper()  # F1…F24
    else:
        shown = format_key(name)
        if modifiers and len(shown) == 1:
            shown = shown.upper()
    return "+".join([*(_(MODIFIER_NAMES.get(m, m.capitalize())) for m in modifiers), shown])


class AppInOurWords(App[ReturnType]):
    """A Textual app whose own words (key names, the Ctrl+C notice) are ours, without the
    command palette."""

    ENABLE_COMMAND_PALETTE: ClassVar[bool] = False

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        typography.install()
        kept_lookups.install()
        super().__init__(*args, **kwargs)

    def get_key_display(self, binding: Binding) -> str:
        if binding.key_display:
            return binding.key_display
        return key_name(binding.key)

    def action_help_quit(self) -> None:
        """Ctrl+C no longer quits a Textual app: say which key does, in the person's words."""
        for active in self.active_bindings.values():
            if active.binding.action in QUIT_ACTIONS:
                self.notify(
                    _("Pour fermer l'application, appuyez sur {key}.").format(
                        key=self.get_key_display(active.binding)
                    ),
                    title=_("Voulez-vous quitter ?"),
                    markup=False,
                )
                return
