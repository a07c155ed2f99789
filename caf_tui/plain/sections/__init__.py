"""« Mon Compte » once the journey is over: the dashboard's sections, read as lines, and
« Gérer Mon Compte » (password, contact details, connections, the spouse's rights)."""

from caf_tui.plain.sections.menu import dashboard_menu

__all__ = ["dashboard_menu"]
