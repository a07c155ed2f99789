"""The stub's routes as tables: the endpoints of the contract declared as data
(``Operation``, registered by ``add_operations``), and the flat table of what was registered
(FastAPI keeps included routers nested): what each path template serves, for ``Allow`` and
``OPTIONS`` and for redacting what the logs write."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from fastapi import APIRouter, FastAPI, Response
from fastapi.routing import iter_route_contexts

from caf_stub.errors import errors_doc
from caf_tui.api import ErrorCode


@dataclass(frozen=True)
class RouteEntry:
    path: str
    pattern: re.Pattern[str]
    methods: frozenset[str]
    query_params: tuple[str, ...]


@dataclass(frozen=True)
class RouteTable:
    entries: tuple[RouteEntry, ...]

    @classmethod
    def of(cls, app: FastAPI) -> RouteTable:
        entries = []
        for route in iter_route_contexts(app.routes):
            path, methods = route.path, route.methods
            pattern = getattr(route, "path_regex", None)
            if path is None or pattern is None or not methods:
                continue
            dependant = getattr(route, "dependant", None)
            query = tuple(
                str(param.alias or param.name) for param in getattr(dependant, "query_params", ())
            )
            entries.append(RouteEntry(path, pattern, frozenset(methods), query))
        return cls(tuple(entries))

    def allowed_methods(self, path: str) -> list[str]:
        """Every method a route serves at ``path`` (HEAD with GET); none when no route does.
        ``OPTIONS`` is answered for every such path, by the middleware, and not listed."""
        methods: set[str] = set()
        for entry in self.entries:
            if entry.pattern.match(path):
                methods |= entry.methods
        return sorted(methods)


# --- declaring the contract's endpoints --------------------------------------------------------


def _published(handler: Callable[..., object]) -> Callable[..., object]:
    """``handler`` as FastAPI serves it: the same signature and call, but no docstring, which
    FastAPI would publish as the description (the contract has the summary; the docstring is
    written for the stub's maintainers)."""

    @functools.wraps(handler, assigned=("__module__", "__name__", "__qualname__"))
    def endpoint(*args: Any, **kwargs: Any) -> object:
        return handler(*args, **kwargs)

    return endpoint


@dataclass(frozen=True)
class Operation:
    """One endpoint of the contract, as data. ``name`` is the stem of its operationId, as the
    contract has always published it; ``route`` is ``"METHOD /path"`` below the router's
    prefix (``"POST "``: the prefix itself); the handler's parameters say what FastAPI gives
    it (``Context``, ``Authed``, ``Client``, a body model, a path parameter) and its return
    type is the response model; ``errors`` are the codes the OpenAPI document lists."""

    name: str
    route: str
    handler: Callable[..., object]
    summary: str
    errors: tuple[ErrorCode, ...]
    status_code: int | None = None
    response_class: type[Response] | None = None
    responses: Mapping[int | str, dict[str, Any]] = field(default_factory=dict)
    """What the document says of answers other than the errors (a PDF's 200)."""


def add_operations(
    router: APIRouter, operations: Iterable[Operation], *, tags: tuple[str, ...] = ()
) -> APIRouter:
    """Register ``operations`` on ``router`` under ``tags``, in their order (the first path
    that matches serves a request)."""
    for operation in operations:
        method, path = operation.route.split(" ", 1)
        options: dict[str, Any] = {}
        if operation.status_code is not None:
            options["status_code"] = operation.status_code
        if operation.response_class is not None:
            options["response_class"] = operation.response_class
        router.add_api_route(
            path,
            _published(operation.handler),
            methods=[method],
            name=operation.name,
            summary=operation.summary,
            tags=list(tags) or None,
            responses={**operation.responses, **errors_doc(*operation.errors)},
            **options,
        )
    return router
