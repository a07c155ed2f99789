"""The keys footer, redrawn only when the keys it shows change.

Textual's Footer rebuilds all its keys whenever the bindings might have changed, that is on
every focus change: each Tab cost a re-layout and bytes on the wire, for the same keys.
"""

from __future__ import annotations

from collections.abc import Hashable

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey


def shown_keys(screen: Screen[object]) -> tuple[Hashable, ...]:
    """What the footer would show on ``screen``: each key, its words, whether it is enabled."""
    palette = screen.app.COMMAND_PALETTE_BINDING
    return tuple(
        (key, binding.action, binding.description, enabled, tooltip)
        for key, (_, binding, enabled, tooltip) in screen.active_bindings.items()
        if binding.show or key == palette
    )


class KeysFooter(Footer):
    _composed: tuple[Hashable, ...] | None = None

    def compose(self) -> ComposeResult:
        self._composed = shown_keys(self.screen) if self._bindings_ready else None
        for widget in super().compose():
            if isinstance(widget, FooterKey):
                # A key is made compact, then bound to the footer's own (not compact): each
                # change restyled it, twice per key of every new screen. Given the footer's
                # value and class before it is mounted, the binding changes nothing.
                widget.set_reactive(FooterKey.compact, self.compact)
                widget.set_class(self.compact, "-compact", update=False)
            yield widget

    def bindings_changed(self, screen: Screen[object]) -> None:
        if self._composed is not None and shown_keys(screen) == self._composed:
            return
        super().bindings_changed(screen)
