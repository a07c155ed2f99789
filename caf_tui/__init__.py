"""caf-tui: a terminal guide to the CAF « Mon Compte » portal.

Kept empty on purpose: importing any sub-package (the stub imports ``caf_tui.api``) must not pull
in the UI. The version is the package's metadata (``importlib.metadata.version("caf-tui")``),
written once, in pyproject.toml.
"""
