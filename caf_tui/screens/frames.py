"""What showing a screen costs: its styles worked out once when it first comes up, and no frame
painted that nobody will see.

Textual styles every widget as it is mounted, then again, all of them, when the new screen is
resumed (``ScreenResume.refresh_styles``): right after its compose, the second pass finds what
the first found, and was an eighth of a replayed journey's time. Any later resume
still restyles (the app's classes may have changed while the screen was not shown).

A screen's breakpoint classes (``HORIZONTAL_BREAKPOINTS``...) are set before its compose, from
the app's size: set by Textual at the first resize, a class that changed restyled the whole
screen right after its first styling. (That resize also lays the screen out again, at the
size the resume laid it out at; the login alone lets it go: elsewhere a field focused at the
resume is scrolled into view by it.)

A headless app throws its frames away (``App._display`` writes nothing) but Textual renders
them all the same. An app whose ``paints_headless`` is False (the replay's) lays its screens out
and skips the rendering; a screenshot renders the whole screen by itself.

A whole layout places every widget as it is now, so it answers every layout asked before it.
Textual forgets the requests only after the layout of its refresh timer: the one a new screen
gets at its resume, then at its first resize, left the request of its mount pending, and the
screen was laid out a third time at the next frame. And a layout gives each widget newly placed
its "virtual size", a reactive that asks for one more layout; for a widget that cannot scroll
(no layout of its own, no children) nothing depends on it (a scrolling container's scrollbars
ask for their own layout when they appear), yet that layout redid the arrangement of all its
ancestors. Together, about half of a replayed journey's layout time.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual import events
from textual.reactive import Reactive
from textual.widget import Widget

if TYPE_CHECKING:
    from textual.geometry import Size
    from textual.screen import Screen

    _Base = Screen[Any]
else:
    _Base = object


class ShownAtCost(_Base):
    """Put before Textual's ``Screen`` (or ``ModalScreen``) in a screen's bases."""

    _resumed_before = False
    # Textual's is a reactive that repaints: every focus change redrew the whole screen (and
    # sent it whole to the terminal). The widgets that gain and lose the focus, and the
    # containers around them, are restyled and redrawn by Textual on their own.
    focused: Reactive[Widget | None] = Reactive(None, repaint=False)

    def breakpoint_classes(self, size: Size) -> dict[str, bool]:
        """The breakpoint classes Textual gives this screen at ``size`` (``Screen._on_resize``)."""
        app = self.app
        horizontal = (
            app.HORIZONTAL_BREAKPOINTS
            if self.HORIZONTAL_BREAKPOINTS is None
            else self.HORIZONTAL_BREAKPOINTS
        ) or []
        vertical = (
            app.VERTICAL_BREAKPOINTS
            if self.VERTICAL_BREAKPOINTS is None
            else self.VERTICAL_BREAKPOINTS
        ) or []
        chosen = self._get_breakpoint_classes(size.width, horizontal)
        chosen |= self._get_breakpoint_classes(size.height, vertical)
        return {name: name in chosen for _edge, name in horizontal + vertical}

    async def _compose(self) -> None:
        self.update_classes(self.breakpoint_classes(self.app.size), update=False)
        await super()._compose()

    def _on_screen_resume(self, event: events.ScreenResume) -> None:
        # Textual calls the handler of every class in the MRO: this one runs before Screen's.
        if not self._resumed_before:
            self._resumed_before = True
            event.refresh_styles = False

    def _refresh_layout(self, size: Size | None = None, scroll: bool = False) -> None:
        whole = not (scroll and not self._layout_widgets) and bool(size or self.outer_size)
        if not whole:  # Textual's scroll-only reflow, or no size yet: nothing is laid out anew
            super()._refresh_layout(size, scroll)
            return
        asked = {node for node in self.walk_children(Widget) if node._layout_required}
        self._layout_required = False  # answered by this layout; one asked during it stays
        super()._refresh_layout(size, scroll)
        for widget in self._compositor.widgets:
            if widget._layout_required and widget not in asked and not widget.is_scrollable:
                widget._layout_required = False  # asked by its new virtual size alone

    def _compositor_refresh(self) -> None:
        app = self.app  # any App: not only CafApp shows these screens (tests' own apps)
        if app.is_headless and not getattr(app, "paints_headless", True) and self is app.screen:
            self._compositor._dirty_regions.clear()
            self._dirty_widgets.clear()
            return
        super()._compositor_refresh()
