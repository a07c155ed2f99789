"""Where the app's logs go: a file, never the terminal (Textual owns it), never a secret."""

from __future__ import annotations

import logging
from pathlib import Path

import platformdirs


def log_file() -> Path:
    return Path(platformdirs.user_log_dir("caf-tui")) / "caf-tui.log"


def configure_logging() -> None:
    """Send warnings (ours, the embedded stub's, uvicorn's) to a file instead of stderr."""
    path = log_file()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.FileHandler(path, encoding="utf-8")
    except OSError:
        handler = logging.NullHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.handlers = [handler]
    root.setLevel(logging.WARNING)
