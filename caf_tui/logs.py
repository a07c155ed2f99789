"""Where the app's logs go: a rotating file, never the terminal (Textual owns it), never a
secret. ``--log-format json`` writes one JSON object a line."""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path
from typing import TYPE_CHECKING

import platformdirs

if TYPE_CHECKING:
    from caf_tui.config import Settings

#: A log file is rotated at this size, and this many old ones are kept.
MAX_BYTES = 1_000_000
BACKUPS = 3
TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
JSON_FIELDS = "%(asctime)s %(levelname)s %(name)s %(message)s"


def log_file() -> Path:
    return Path(platformdirs.user_log_dir("caf-tui")) / "caf-tui.log"


class SecretsFilter(logging.Filter):
    """The stub's journal redaction, on every record (request paths and queries of uvicorn's and
    httpx's records, secret keys of any mapping). Loaded with the first record, not at start:
    the stub's package is kept out of the first frame."""

    def filter(self, record: logging.LogRecord) -> bool:
        from caf_stub.log_redaction import redact_record

        redact_record(record)
        return True


def formatter(log_format: str) -> logging.Formatter:
    if log_format == "json":
        from pythonjsonlogger.json import JsonFormatter

        return JsonFormatter(JSON_FIELDS, json_ensure_ascii=False)
    return logging.Formatter(TEXT_FORMAT)


def configure_logging(settings: Settings | None = None) -> Path | None:
    """Send our records, the embedded stub's and uvicorn's to the log file, at the level the
    settings name. Returns the file, or None where it cannot be written."""
    level = (settings.log_level if settings is not None else "warning").upper()
    path = settings.log_file if settings is not None and settings.log_file else log_file()
    written: Path | None = path
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = RotatingFileHandler(
            path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8"
        )
    except OSError:
        handler = logging.NullHandler()
        written = None
    handler.setFormatter(formatter(settings.log_format if settings is not None else "text"))
    handler.addFilter(SecretsFilter())
    root = logging.getLogger()
    root.handlers = [handler]
    root.setLevel(level)
    for name in ("caf_stub", "uvicorn", "uvicorn.error", "uvicorn.access"):
        logging.getLogger(name).setLevel(level)  # uvicorn sets its own when it starts
    return written
