"""The line-by-line mode (``caf-tui --plain``): every journey as questions and answers, for
screen readers and braille displays, driven by the same ``Journey`` as the Textual screens."""

from caf_tui.plain.session import run_plain

__all__ = ["run_plain"]
