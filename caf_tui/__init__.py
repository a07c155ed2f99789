"""caf-tui: a terminal guide to the CAF « Mon Compte » portal.

Kept empty on purpose: importing any sub-package (the stub imports ``caf_tui.api``) must not pull
in the UI.
"""

__version__ = "0.1.0"
