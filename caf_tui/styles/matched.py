"""A stylesheet that matches a node's rules once per kind of place in the DOM, not per node.

Textual matches every rule against every node it styles (``Stylesheet.apply``): a new screen's
widgets when they are mounted, and a node and its whole subtree each time a class or the focus
changes. It was a fifth of a replayed journey's time. Which rules match, and so the values a
node gets, depend only on the rules and on the node's path from the app: each node's type, its
classes, the ids a selector names, and the pseudo-classes that say nothing of its siblings
(focus, hover, disabled, the app's theme...). Nodes at the same kind of place (every
``Button.-primary`` of a button row, every step's header) share one match, across screens and
apps of the process. Textual's own cache does this for siblings of one restyle only.

The pseudo-classes that depend on siblings or descendants (``:first-child``, ``:odd``,
``:focus-within``...) are not in the path: a node that a rule with one of them could match is
matched as Textual does, every time.

A start's matches can be kept for the next start (``caf_tui.styles.kept``): by the rules'
sources (a subclass's ``_stable_rules_token``) and the place said without objects, each node
by what a selector can see of it: its type's CSS names, its id and classes, its states. The
login's first frame then matches nothing anew.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import count
from typing import Any, ClassVar, cast

from textual.css.model import RuleSet, SelectorType
from textual.css.styles import RulesMap
from textual.css.stylesheet import Stylesheet
from textual.dom import DOMNode
from textual.widget import Widget

#: The pseudo-classes Textual leaves out of its own cache for the same reason.
_ORDER_AND_DESCENDANTS = frozenset(Stylesheet._EXCLUDE_PSEUDO_CLASSES_FROM_CACHE)
#: A widget's pseudo-classes that are its own, and those that are its app's.
_WIDGETS_OWN = frozenset({"hover", "focus", "blur", "can-focus", "disabled", "enabled"})
_THE_APPS = frozenset({"dark", "light", "inline", "ansi", "nocolor"})
#: Beyond this many places or lists of rules, start over (a test run makes hundreds of apps).
MOST_PLACES = 20_000
MOST_RULE_LISTS = 256

#: The node's attribute that holds the match last given to its base styles.
_APPLIED = "_caf_matched_rules"
#: The rule that makes a change of style an animation.
_TRANSITIONS = "transitions"

_Flags = tuple[bool, bool, bool, bool]
_Match = tuple[_Flags, RulesMap]
#: A place said without objects (``_stable_place``), and the matches kept by it.
StablePlace = tuple[tuple[object, ...], ...]
KeptMatches = dict[str, dict[StablePlace, _Match]]


class _RulesSeen:
    """What of a list of rules a node's path must say: the ids and classes some selector names,
    and whether some selector uses a pseudo-class that depends on siblings or descendants."""

    def __init__(self, rules: list[RuleSet]) -> None:
        self.rules = rules  # kept alive: the key is built from their ids
        self.ids: set[str] = set()
        self.classes: set[str] = set()
        for rule in rules:
            for selector_set in rule.selector_set:
                for selector in selector_set.selectors:
                    if selector.type == SelectorType.ID:
                        self.ids.add(selector.name)
                    elif selector.type == SelectorType.CLASS:
                        self.classes.add(selector.name)


class MatchedOnce(Stylesheet):
    #: The matches of the process, by the rules' identity and the node's place.
    _matches: ClassVar[dict[tuple[object, ...], _Match]] = {}
    #: The rules' identity (their ids, in order) and what a place must say of them.
    _seen: ClassVar[dict[tuple[int, ...], tuple[int, _RulesSeen]]] = {}
    #: Each type's pseudo-class checks that do not look at siblings or descendants.
    _checks_of: ClassVar[dict[type[DOMNode], tuple[Callable[[Any], bool], ...] | None]] = {}
    _numbers: ClassVar[count[int]] = count()
    #: One match for each contents seen (``_one_of_alike``).
    _alike: ClassVar[dict[frozenset[tuple[str, object]], RulesMap]] = {}
    #: The stable token of each rules' number (``_stable_rules_token``), when they have one.
    _token_of_number: ClassVar[dict[int, str]] = {}
    #: What a type is to a selector: its CSS type names and the pseudo-classes it is read for.
    _type_tokens: ClassVar[dict[type[DOMNode], tuple[object, ...]]] = {}
    #: Matches an earlier start kept, by rules token and stable place (``kept.read_kept``).
    kept_matches: ClassVar[KeptMatches] = {}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._rules_seen: tuple[int, _RulesSeen] | None = None
        self._rules_seen_of: object = None

    def _current_rules(self) -> tuple[int, _RulesSeen]:
        # Textual drops its map of the rules whenever they change (and makes it anew on use).
        if self._rules_seen is not None and self._rules_seen_of is self._rules_map:
            return self._rules_seen
        rules_map = self.rules_map
        rules = self.rules
        identity = tuple(map(id, rules))
        found = self._seen.get(identity)
        if found is None:
            if len(self._seen) >= MOST_RULE_LISTS:
                self._seen.clear()
                self._matches.clear()
                self._alike.clear()
                self._token_of_number.clear()
            found = (next(self._numbers), _RulesSeen(list(rules)))
            self._seen[identity] = found
            token = self._stable_rules_token()
            if token is not None:
                self._token_of_number[found[0]] = token
        self._rules_seen, self._rules_seen_of = found, rules_map
        return found

    def _stable_rules_token(self) -> str | None:
        """What the current rules were made from, the same from one start to the next; None:
        their matches are not kept."""
        return None

    @classmethod
    def _type_token(cls, node_type: type[DOMNode]) -> tuple[object, ...]:
        token = cls._type_tokens.get(node_type)
        if token is None:
            checks = cls._checks(node_type)
            said = (
                ("own",)
                if checks is None
                else tuple(sorted(node_type._PSEUDO_CLASSES.keys() - _ORDER_AND_DESCENDANTS))
            )
            token = cls._type_tokens[node_type] = (tuple(sorted(node_type._css_type_names)), said)
        return token

    @classmethod
    def _stable_place(cls, place: tuple[object, ...]) -> StablePlace:
        """``place`` with each node's type said as a selector sees it."""
        stable: list[tuple[object, ...]] = []
        for node_type, node_id, classes, state in cast(
            "tuple[tuple[type[DOMNode], str | None, frozenset[str], tuple[object, ...]], ...]",
            place,
        ):
            stable.append((cls._type_token(node_type), node_id, tuple(sorted(classes)), state))
        return tuple(stable)

    @classmethod
    def stable_matches(cls) -> KeptMatches:
        """This process's matches, said without objects, to be kept for the next start."""
        kept: KeptMatches = {}
        for (number, place), match in cls._matches.items():
            token = cls._token_of_number.get(cast("int", number))
            if token is not None:
                places = kept.setdefault(token, {})
                places[cls._stable_place(cast("tuple[object, ...]", place))] = match
        return kept

    def _kept_match(self, number: int, place: tuple[object, ...]) -> _Match | None:
        token = self._token_of_number.get(number)
        if token is None:
            return None
        places = self.kept_matches.get(token)
        if places is None:
            return None
        found = places.get(self._stable_place(place))
        if found is None:
            return None
        flags, rules = found
        return flags, self._one_of_alike(rules)

    @classmethod
    def _checks(cls, node_type: type[DOMNode]) -> tuple[Callable[[Any], bool], ...] | None:
        """The checks a path node of this type needs, beyond what ``_place`` reads itself;
        None for a widget whose pseudo-classes are Textual's own (read directly, cheaper)."""
        if node_type in cls._checks_of:
            return cls._checks_of[node_type]
        names = node_type._PSEUDO_CLASSES.keys() - _ORDER_AND_DESCENDANTS
        checks: tuple[Callable[[Any], bool], ...] | None
        if issubclass(node_type, Widget) and names <= _WIDGETS_OWN | _THE_APPS:
            checks = None
        else:
            checks = tuple(node_type._PSEUDO_CLASSES[name] for name in sorted(names))
        cls._checks_of[node_type] = checks
        return checks

    def _place(self, node: DOMNode, seen: _RulesSeen) -> tuple[object, ...]:
        ids, classes, checks_of = seen.ids, seen.classes, self._checks
        place: list[object] = []
        # A widget's :dark, :light, :inline, :ansi and :nocolor are its app's: said once, by
        # the app's node, first in the path. Its :disabled is its own or an ancestor's: each
        # ancestor's own is in the path.
        for path_node in node.css_path_nodes:
            node_type = type(path_node)
            checks = checks_of(node_type)
            state: tuple[object, ...]
            if checks is None:
                widget = cast("Widget", path_node)
                state = (
                    widget.mouse_hover,
                    widget.has_focus,
                    widget.allow_focus(),
                    widget.disabled,
                )
            else:
                state = tuple(check(path_node) for check in checks)
            node_id = path_node._id
            place.append(
                (
                    node_type,
                    node_id if node_id in ids else None,
                    frozenset(classes.intersection(path_node._classes)),
                    state,
                )
            )
        return tuple(place)

    @classmethod
    def replace_rules(cls, node: DOMNode, rules: RulesMap, animate: bool = False) -> None:
        # A restyled subtree's nodes mostly get again the very match they have (a place's
        # match is one object): setting each rule anew (a descriptor each) would change
        # nothing. The node is still told, as Textual tells it: what it draws may come from
        # its ancestors' styles, which may have changed.
        applied = getattr(node, _APPLIED, None)
        if applied is rules:
            node.notify_style_update()
            return
        if applied is not None and _TRANSITIONS not in rules and _TRANSITIONS not in applied:
            # A restyle to another match (a class, the focus, disabled): only the rules whose
            # value differs from the one set last time are set. Textual sets them all, and
            # with ``animate`` builds two render-rule maps to compare first; with no
            # transition on either side its animated path sets the same values as this.
            # The base styles hold what ``applied`` set: only this method writes them.
            base_styles = node.styles.base
            old_rule, new_rule = applied.get, rules.get
            for key in applied.keys() | rules.keys():
                value, old = new_rule(key), old_rule(key)
                if old is not value and old != value:
                    setattr(base_styles, key, value)
            node.notify_style_update()
        else:
            super().replace_rules(node, rules, animate=animate)
        setattr(node, _APPLIED, rules)

    def apply(
        self,
        node: DOMNode,
        *,
        animate: bool = False,
        cache: dict[tuple[Any, ...], RulesMap] | None = None,
    ) -> None:
        number, seen = self._current_rules()
        key = (number, self._place(node, seen))
        found = self._matches.get(key)
        if found is None and self.kept_matches:
            found = self._kept_match(number, key[1])
            if found is not None:
                self._matches[key] = found
        if found is not None:
            flags, rules = found
            (
                node._has_hover_style,
                node._has_focus_within,
                node._has_order_style,
                node._has_odd_or_even,
            ) = flags
            self.replace_rules(node, rules, animate=animate)
            self._process_component_classes(node)
            return
        # Textual's own match; it puts its result in a cache it is given, unless a rule that
        # could match uses a pseudo-class of order or descendants (then no place is kept).
        matched: dict[tuple[Any, ...], RulesMap] = {}
        super().apply(node, animate=animate, cache=matched)
        if len(matched) == 1:
            if len(self._matches) >= MOST_PLACES:
                self._matches.clear()
                self._alike.clear()
            flags = (
                node._has_hover_style,
                node._has_focus_within,
                node._has_order_style,
                node._has_odd_or_even,
            )
            rules = self._one_of_alike(next(iter(matched.values())))
            setattr(node, _APPLIED, rules)
            self._matches[key] = (flags, rules)

    @classmethod
    def _one_of_alike(cls, rules: RulesMap) -> RulesMap:
        """One object for equal matches: a node restyled at another place (its parent's class
        changed) that gets the rules it has is then told by identity."""
        try:
            contents = frozenset(rules.items())
        except TypeError:  # a value that cannot be hashed: this match stays its own
            return rules
        return cls._alike.setdefault(contents, rules)
