"""What showing a screen costs: its styles worked out once when it first comes up, and no frame
painted that nobody will see.

Textual styles every widget as it is mounted, then again, all of them, when the new screen is
resumed (``ScreenResume.refresh_styles``): right after its compose, the second pass finds what
the first found, and was an eighth of a replayed journey's time. Any later resume
still restyles (the app's classes may have changed while the screen was not shown).

A headless app throws its frames away (``App._display`` writes nothing) but Textual renders
them all the same. An app whose ``paints_headless`` is False (the replay's) lays its screens out
and skips the rendering; a screenshot renders the whole screen by itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual import events

if TYPE_CHECKING:
    from textual.screen import Screen

    _Base = Screen[Any]
else:
    _Base = object


class ShownAtCost(_Base):
    """Put before Textual's ``Screen`` (or ``ModalScreen``) in a screen's bases."""

    _resumed_before = False

    def _on_screen_resume(self, event: events.ScreenResume) -> None:
        # Textual calls the handler of every class in the MRO: this one runs before Screen's.
        if not self._resumed_before:
            self._resumed_before = True
            event.refresh_styles = False

    def _compositor_refresh(self) -> None:
        app = self.app  # any App: not only CafApp shows these screens (tests' own apps)
        if app.is_headless and not getattr(app, "paints_headless", True) and self is app.screen:
            self._compositor._dirty_regions.clear()
            self._dirty_widgets.clear()
            return
        super()._compositor_refresh()
