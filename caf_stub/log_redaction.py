"""The journal's redaction, applied to log records: what the stub (and the app that embeds it)
writes to a log hides the same secrets as ``GET /_stub/journal``."""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from caf_stub.redaction import REDACTED, Redactor, is_secret_key, redact

#: Attributes every record has; the others came with ``extra=`` and may hold anything.
_STANDARD = frozenset(logging.makeLogRecord({}).__dict__) | {"message", "asctime"}


@functools.cache
def _stub_routes() -> Redactor:
    """What the journal knows to be public in the stub's paths and queries (built once, on the
    first record that needs it: the routers are imported then, not at start)."""
    from caf_stub.app import routes_redactor

    return routes_redactor()


def redacted_target(target: str) -> str:
    """A request's path and query, or a whole URL, with its secret parts hidden as the
    journal hides them."""
    parts = urlsplit(target)
    redactor = _stub_routes()
    return urlunsplit(
        parts._replace(path=redactor.path(parts.path), query=redactor.query(parts.query))
    )


Target = Callable[[str], str]


def _redacted_argument(value: Any, target: Target) -> Any:
    if isinstance(value, dict):
        return redact(value)
    if isinstance(value, str) and value.startswith(("/", "http://", "https://")):
        return target(value)
    if type(value).__name__ == "URL":  # httpx's request URL
        return target(str(value))
    return value


def redact_record(record: logging.LogRecord, target: Target = redacted_target) -> None:
    """Hide the secrets of ``record`` in place (its arguments and its extra attributes);
    ``target`` redacts a request's path and query, or a URL."""
    if isinstance(record.args, dict):
        record.args = redact(record.args)
    elif isinstance(record.args, tuple):
        record.args = tuple(_redacted_argument(arg, target) for arg in record.args)
    if isinstance(record.msg, str) and not record.args:
        record.msg = _redacted_argument(record.msg, target)
    for key in set(record.__dict__) - _STANDARD:
        if is_secret_key(key):
            setattr(record, key, REDACTED)


class RedactingFilter(logging.Filter):
    def __init__(self, target: Target = redacted_target) -> None:
        super().__init__()
        self.target = target

    def filter(self, record: logging.LogRecord) -> bool:
        redact_record(record, self.target)
        return True
