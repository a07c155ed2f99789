"""Stylesheets (.tcss), one per screen, beside this file."""

from pathlib import Path

STYLES = Path(__file__).parent


def stylesheet(name: str) -> str:
    return str(STYLES / f"{name}.tcss")
