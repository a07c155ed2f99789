"""The stub's routes as one flat table (FastAPI keeps included routers nested): what each
path template serves, for ``Allow`` and ``OPTIONS`` and for redacting what the logs write."""

from __future__ import annotations

import re
from dataclasses import dataclass

from fastapi import FastAPI
from fastapi.routing import iter_route_contexts


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
