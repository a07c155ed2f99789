"""What the stub may write about a request: its path, query and JSON body with every secret
replaced by ``***``. The journal (``/_stub/journal``), uvicorn's access log and the error log all
go through here.

Secrets are known from the contract, not from a list of names typed here: every field of a
model of ``caf_tui.api`` typed ``SecretStr``, or marked secret (``json_schema_extra`` with
``"x-secret": True``, or a description starting « Secret »), is hidden at any depth. The usual
names of secrets (``passwd``, ``pwd``, ``otp``…) are hidden too, for a client that sends a
field the contract does not know. A path keeps only the segments the routes spell out (a flow
id or a short link becomes ``***``); a query keeps the value of the parameters known to be
public (``format``, ``limit``, OpenID's ``response_type``…), and no other.
"""

from __future__ import annotations

import importlib
import logging
import math
import pkgutil
import types
import typing
from collections.abc import Iterable
from functools import cache
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl, urlencode

from pydantic import BaseModel, SecretStr
from pydantic.fields import FieldInfo

if TYPE_CHECKING:  # the table is FastAPI's routes: the replayer loads this module without them
    from caf_stub.route_table import RouteTable

REDACTED = "***"
MAX_DEPTH = 16
"""Deeper than this, a body is summarised: no request can make the redaction recurse further."""
TOO_DEEP = "<…>"

SECRET_WORDS = frozenset(
    {
        "password",
        "passwd",
        "pwd",
        "pass",
        "passphrase",
        "code",
        "otp",
        "pin",
        "confirmation",
        "token",
        "secret",
        "nonce",
        "verifier",
        "credential",
        "credentials",
    }
)
"""Names of secrets in general: a key equal to one, or ending in ``_`` + one."""

PUBLIC_QUERY_KEYS = frozenset(
    {
        "format",
        "limit",
        "timeout",
        # OpenID Connect / OAuth 2.0 parameters that carry nothing secret
        "response_type",
        "client_id",
        "redirect_uri",
        "scope",
        "acr_values",
        "code_challenge_method",
        "prompt",
        "error",
        "error_description",
        "post_logout_redirect_uri",
        "iss",
    }
)
"""Query parameters whose value may be shown; ``state``, ``nonce``, ``code``… may not."""


def _holds_secret(annotation: Any) -> bool:
    if annotation is SecretStr:
        return True
    return any(_holds_secret(arg) for arg in typing.get_args(annotation))


def _marked_secret(info: FieldInfo) -> bool:
    extra = info.json_schema_extra
    if isinstance(extra, dict) and extra.get("x-secret") is True:
        return True
    return (info.description or "").lower().startswith("secret")


def _models(package: types.ModuleType) -> Iterable[type[BaseModel]]:
    """Every model defined in ``package`` or one of its modules."""
    modules = [package] + [
        importlib.import_module(f"{package.__name__}.{info.name}")
        for info in pkgutil.iter_modules(package.__path__)
    ]
    for module in modules:
        for value in vars(module).values():
            if isinstance(value, type) and issubclass(value, BaseModel) and value is not BaseModel:
                yield value


@cache
def contract_secret_fields() -> frozenset[str]:
    """The names (and aliases) of every secret field of the contract's models."""
    import caf_tui.api as contract

    names: set[str] = set()
    for model in _models(contract):
        for name, info in model.model_fields.items():
            if _holds_secret(info.annotation) or _marked_secret(info):
                names.add(name)
                if info.alias:
                    names.add(info.alias)
    return frozenset(names)


def is_secret_key(key: str) -> bool:
    lowered = key.lower()
    if key in contract_secret_fields() or lowered in SECRET_WORDS:
        return True
    return any(lowered.endswith("_" + word) for word in SECRET_WORDS)


def _writable(value: Any) -> Any:
    """A scalar as JSON can carry it: text without lone surrogates, numbers that are finite."""
    if isinstance(value, str):
        return value.encode("utf-8", "replace").decode("utf-8")
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    return value


def redact(value: Any, depth: int = 0) -> Any:
    """``value`` with the value of every secret key, at any depth, replaced by ``***``; what
    lies deeper than ``MAX_DEPTH`` is replaced by ``<…>`` (it may hold secrets too). What is
    left is always writable as JSON (a lone surrogate or a NaN in a body stays readable)."""
    if depth >= MAX_DEPTH and isinstance(value, dict | list):
        return TOO_DEEP
    if isinstance(value, dict):
        return {
            _writable(str(key)): REDACTED if is_secret_key(str(key)) else redact(item, depth + 1)
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [redact(item, depth + 1) for item in value]
    return _writable(value)


class Redactor:
    """Path and query redaction for one application's routes."""

    def __init__(self, route_paths: Iterable[str], query_keys: Iterable[str] = ()) -> None:
        self.literals = frozenset(
            segment
            for path in route_paths
            for segment in path.split("/")
            if segment and "{" not in segment
        )
        self.public_query_keys = PUBLIC_QUERY_KEYS | frozenset(
            key for key in query_keys if not is_secret_key(key)
        )

    @classmethod
    def for_routes(cls, table: RouteTable) -> Redactor:
        """From the app's routes: their literal segments and declared query parameters."""
        return cls(
            [entry.path for entry in table.entries],
            [key for entry in table.entries for key in entry.query_params],
        )

    def merged(self, other: Redactor) -> Redactor:
        """What either knows to be public (two stubs in one process share uvicorn's logger)."""
        merged = Redactor(())
        merged.literals = self.literals | other.literals
        merged.public_query_keys = self.public_query_keys | other.public_query_keys
        return merged

    def path(self, path: str) -> str:
        """``path`` with every segment no route spells out replaced by ``***``."""
        return "/".join(
            segment if not segment or segment in self.literals else REDACTED
            for segment in path.split("/")
        )

    def query(self, query: str) -> str:
        pairs = parse_qsl(query, keep_blank_values=True)
        return urlencode(
            [(key, value if key in self.public_query_keys else REDACTED) for key, value in pairs],
            safe="*",
        )

    def target(self, path_with_query: str) -> str:
        """``/path?query`` as it may be written down."""
        path, mark, query = path_with_query.partition("?")
        return self.path(path) + (mark + self.query(query) if mark else "")


class AccessLogRedaction(logging.Filter):
    """Rewrites uvicorn's access log records: the request target goes through ``redactor``.

    uvicorn logs ``'%s - "%s %s HTTP/%s" %d'`` with (client, method, target, version, status).
    """

    def __init__(self, redactor: Redactor) -> None:
        super().__init__()
        self.redactor = redactor

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args
        if isinstance(args, tuple) and len(args) == 5 and isinstance(args[2], str):
            record.args = (args[0], args[1], self.redactor.target(args[2]), args[3], args[4])
        return True


ACCESS_LOGGER = "uvicorn.access"


def redact_access_log(redactor: Redactor) -> None:
    """Put the redaction on uvicorn's access logger itself, once per process: whichever
    handler a log configuration (or a test's capture) attaches, no record escapes it."""
    logger = logging.getLogger(ACCESS_LOGGER)
    for existing in logger.filters:
        if isinstance(existing, AccessLogRedaction):
            existing.redactor = existing.redactor.merged(redactor)
            return
    logger.addFilter(AccessLogRedaction(redactor))
