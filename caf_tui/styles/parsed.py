"""A stylesheet whose rules are parsed once per process, not at every new screen.

Textual re-parses every source of the app's stylesheet each time a screen brings a stylesheet
of its own (``App._load_screen_css`` → ``Stylesheet.reparse``, into a fresh ``Stylesheet``
with an empty cache), and each new app parses them all again. The rules of one source, with
the same variables, are always the same: this keeps them for the process.

A parse also says what its rules were made from, the same from one start to the next (the
hash of the variables and of each source, in order): the key of their matches kept from one
start to the next (``MatchedOnce``).
"""

from __future__ import annotations

from typing import ClassVar

from textual.css.model import RuleSet
from textual.css.stylesheet import Stylesheet
from textual.css.types import CSSLocation

from caf_tui.styles.matched import MatchedOnce
from caf_tui.user_cache import content_key

#: A stylesheet's variables, as the key of the rules parsed with them.
VariablesKey = tuple[tuple[str, str], ...]
#: What else shapes a source's rules: its text, origin, whether default, tie breaker, scope.
SourceKey = tuple[str, CSSLocation, bool, int, str]


class ParsedOnce(MatchedOnce):
    #: The process's parsed rules, by variables, then by source.
    _rules_of: ClassVar[dict[VariablesKey, dict[SourceKey, list[RuleSet]]]] = {}
    #: The variables dict ``_rules_here`` was looked up for (Textual replaces it, never edits it).
    _keyed_variables: dict[str, str] | None = None
    _rules_here: dict[SourceKey, list[RuleSet]]
    _variables_token = ""
    #: Each source's token (its hash), once per process.
    _source_tokens: ClassVar[dict[SourceKey, str]] = {}
    #: The tokens of the sources of the parse under way; None: an error, no token.
    _parsed_tokens: list[str] | None = None
    #: The rules of the last parse and their token.
    _rules_token: tuple[object, str] | None = None

    @classmethod
    def rules_kept(cls) -> int:
        """How many sources' rules the process holds."""
        return sum(len(by_source) for by_source in cls._rules_of.values())

    def _parse_rules(
        self,
        css: str,
        read_from: CSSLocation,
        is_default_rules: bool = False,
        tie_breaker: int = 0,
        scope: str = "",
    ) -> list[RuleSet]:
        if self._keyed_variables is not self._variables:
            # Sorted and hashed once per stylesheet, not once per source: a new screen's
            # stylesheet reads some fifty sources, all with the same hundred variables.
            variables_key = tuple(sorted(self._variables.items()))
            self._rules_here = self._rules_of.setdefault(variables_key, {})
            self._keyed_variables = self._variables
            self._variables_token = content_key(repr(variables_key).encode())
        key = (css, read_from, is_default_rules, tie_breaker, scope)
        rules = self._rules_here.get(key)
        if rules is None:
            rules = super()._parse_rules(css, read_from, is_default_rules, tie_breaker, scope)
            if not any(rule.errors for rule in rules):
                self._rules_here[key] = rules
        if self._parsed_tokens is not None:
            if any(rule.errors for rule in rules):
                self._parsed_tokens = None
            else:
                self._parsed_tokens.append(self._source_token(key))
        return rules

    @classmethod
    def _source_token(cls, key: SourceKey) -> str:
        token = cls._source_tokens.get(key)
        if token is None:
            css, *shape = key
            token = cls._source_tokens[key] = content_key(css.encode(), repr(shape).encode())
        return token

    def parse(self) -> None:
        self._parsed_tokens = []
        try:
            super().parse()
            tokens = self._parsed_tokens
        finally:
            self._parsed_tokens = None
        self._rules_token = None
        if tokens is not None and self._rules is not None:
            made_from = (self._variables_token, *tokens)
            self._rules_token = (self._rules, content_key(*(t.encode() for t in made_from)))

    def _stable_rules_token(self) -> str | None:
        made = self._rules_token
        return made[1] if made is not None and made[0] is self._rules else None

    def copy(self) -> Stylesheet:
        stylesheet = ParsedOnce(variables=self._variables.copy())
        stylesheet.source = self.source.copy()
        return stylesheet

    def reparse(self) -> None:
        # As Stylesheet.reparse, into a ParsedOnce: its sources' rules come from the cache.
        stylesheet = ParsedOnce(variables=self._variables)
        for read_from, (css, is_defaults, tie_breaker, scope) in self.source.items():
            stylesheet.add_source(
                css,
                read_from=read_from,
                is_default_css=is_defaults,
                tie_breaker=tie_breaker,
                scope=scope,
            )
        try:
            stylesheet.parse()
        except Exception:
            self._invalid_css.update(stylesheet._invalid_css)
            raise
        self._rules = stylesheet.rules
        self._rules_token = stylesheet._rules_token
        self._rules_map = None
        self.source = stylesheet.source
        self._require_parse = False
