"""``${NAME}`` in a flow: the environment's value, else the flow's default, else an error."""

from __future__ import annotations

import os
from collections.abc import Mapping

from caf_tui.replay.flow import PERSONA_PREFIX, VARIABLE


class MissingVariable(Exception):
    """A ``${NAME}`` with no value: neither in the environment nor among the flow's defaults."""


class Variables:
    """Values of a flow's variables. Values are secrets: never printed, never written."""

    def __init__(
        self,
        defaults: Mapping[str, str | None],
        environ: Mapping[str, str] | None = None,
        persona: Mapping[str, str] | None = None,
    ) -> None:
        self._defaults = dict(defaults)
        self._environ = os.environ if environ is None else environ
        self._persona = dict(persona or {})
        self._set: dict[str, str] = {}

    def set(self, name: str, value: str) -> None:
        self._set[name] = value

    def value(self, name: str) -> str:
        if name.startswith(PERSONA_PREFIX):
            return self._persona_value(name)
        if name in self._set:
            return self._set[name]
        if name in self._environ:
            return self._environ[name]
        default = self._defaults.get(name)
        if default is not None:
            # A default may name the persona's values (KARIM_NIR: ${PERSONA.nir}), only those.
            default = VARIABLE.sub(
                lambda match: (
                    self._persona_value(match.group(1))
                    if match.group(1).startswith(PERSONA_PREFIX)
                    else match.group(0)
                ),
                default,
            )
        if default is None:
            raise MissingVariable(
                f"la variable ${{{name}}} n'a pas de valeur : définissez-la dans l'environnement"
            )
        return default

    def _persona_value(self, name: str) -> str:
        if name not in self._persona:
            raise MissingVariable(f"le persona du parcours n'a pas de valeur ${{{name}}}")
        return self._persona[name]

    def resolve(self, text: str) -> str:
        return VARIABLE.sub(lambda match: self.value(match.group(1)), text)
