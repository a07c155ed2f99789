"""The app's themes: the portal's blue, a high-contrast one, and the terminal's own palette."""

from __future__ import annotations

from textual.theme import Theme

CAF = Theme(
    name="caf",
    primary="#1565C0",
    secondary="#F29100",
    accent="#4FC3F7",
    warning="#FFB74D",
    error="#FF8A80",
    success="#81C784",
    background="#121417",
    surface="#1C1F24",
    panel="#23272E",
    dark=True,
)

CONTRAST = Theme(
    name="contrast",
    primary="#FFFF00",
    secondary="#00FFFF",
    accent="#FFFFFF",
    warning="#FFFF00",
    error="#FF6E6E",
    success="#00FF00",
    foreground="#FFFFFF",
    background="#000000",
    surface="#000000",
    panel="#000000",
    dark=True,
    luminosity_spread=0.0,
    text_alpha=1.0,
)

#: --theme value -> Textual theme name ("ansi" lets the terminal's own palette apply).
THEME_NAMES = {"caf": "caf", "contrast": "contrast", "ansi": "ansi-dark"}

CUSTOM_THEMES = (CAF, CONTRAST)
