"""``${NAME}`` in a flow: the environment's value, else the flow's default, else an error."""

from __future__ import annotations

import os
from collections.abc import Mapping

from caf_tui.replay.flow import VARIABLE


class MissingVariable(Exception):
    """A ``${NAME}`` with no value: neither in the environment nor among the flow's defaults."""


class Variables:
    """Values of a flow's variables. Values are secrets: never printed, never written."""

    def __init__(
        self, defaults: Mapping[str, str | None], environ: Mapping[str, str] | None = None
    ) -> None:
        self._defaults = dict(defaults)
        self._environ = os.environ if environ is None else environ
        self._set: dict[str, str] = {}

    def set(self, name: str, value: str) -> None:
        self._set[name] = value

    def value(self, name: str) -> str:
        if name in self._set:
            return self._set[name]
        if name in self._environ:
            return self._environ[name]
        default = self._defaults.get(name)
        if default is None:
            raise MissingVariable(
                f"la variable ${{{name}}} n'a pas de valeur : définissez-la dans l'environnement"
            )
        return default

    def resolve(self, text: str) -> str:
        return VARIABLE.sub(lambda match: self.value(match.group(1)), text)
