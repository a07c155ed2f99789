"""What a step is, without any user interface: its words, fields, actions and notes.

A ``StepSpec`` is read by every front end: the Textual screens compose it, the line mode asks
it question by question, the replayer answers it by the ids it gives. Words are msgids (marked
with ``N_`` where they are written) and translated where they are shown.

The descriptions are ``NamedTuple`` records, not frozen dataclasses: they are made before the
first frame, and on Python 3.11 a frozen dataclass compiles its six methods from source when
its class is made (five times a ``NamedTuple``'s cost; 3.6 M instructions each).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping, Sequence
from enum import StrEnum
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, NamedTuple

from caf_tui.api import StepName
from caf_tui.i18n import _

if TYPE_CHECKING:
    from caf_tui.api import JourneyResponse
    from caf_tui.backend.base import Backend

#: What the person answered, by field id.
Answers = Mapping[str, Any]
#: A step's backend call: the backend, the step the server sent, the answers.
BackendCall = Callable[["Backend", Any, Answers], Awaitable["JourneyResponse"]]


class FieldKind(StrEnum):
    TEXT = "text"
    SECRET = "secret"
    CODE = "code"
    TICK = "tick"
    CHOICE = "choice"


class Special(StrEnum):
    """A part of a step no generic rendering can show: each front end has its own for it."""

    DOORS = "doors"  # the login's other ways in (forgotten password, sign-up, FranceConnect)
    TERMS_TEXT = "terms_text"  # the server's conditions, scrolled
    CHECKLIST = "checklist"  # the live password checklist
    CONTACT_EDITOR = "contact_editor"  # correct the phone or e-mail in place
    COUNTDOWN = "countdown"  # the code's validity, counted each second
    DEMO_OUTBOX = "demo_outbox"  # the stub's messages, to read a code without a phone
    ACCESS = "access"  # the identifier to sign in with from now on, on a line of its own
    SECTIONS = "sections"  # the dashboard's sections and their menus
    QR_CODE = "qr_code"  # FranceConnect in a browser: the address as a QR code


#: The specials the generic renderings of both front ends can show themselves.
GENERIC_SPECIALS = frozenset({Special.ACCESS, Special.TERMS_TEXT})
#: The kinds of field the generic renderings ask (a tick: its one option, in the line mode).
GENERIC_KINDS = frozenset({FieldKind.CHOICE, FieldKind.TICK})


class LineKind(StrEnum):
    TEXT = "text"
    BULLET = "bullet"
    SUB_BULLET = "sub_bullet"
    NUMBERED = "numbered"  # « 1. … » on screen, « Étape 1 : … » read aloud


class Line(NamedTuple):
    """A sentence of a step. ``text`` is a msgid, or already words when ``literal``."""

    text: str
    id: str | None = None
    classes: str | None = None
    kind: LineKind = LineKind.TEXT
    values: Mapping[str, object] = MappingProxyType({})
    literal: bool = False
    number: int = 0

    def words(self) -> str:
        text = self.text if self.literal else _(self.text)
        return text.format(**self.values) if self.values else text


class Option(NamedTuple):
    """One answer of a choice; ``done`` is said once the server took it (line mode)."""

    id: str
    label: str
    done: str = ""


class FieldSpec(NamedTuple):
    """A question of a step. ``question`` is how the line mode asks it (default: ``label``);
    ``rule`` is the function of ``caf_tui.rules`` that checks an answer before it is sent."""

    id: str
    label: str
    kind: FieldKind = FieldKind.TEXT
    help: str = ""
    rule: Callable[..., object] | None = None
    options: tuple[Option, ...] = ()
    question: str = ""


class ActionRole(StrEnum):
    PRIMARY = "primary"  # the step's main button, right of the bottom bar
    ALWAYS = "always"  # sends too, without the form being ready (« Passer »)
    QUIT = "quit"  # « Quitter »: asks ``quit_question`` first
    LOCAL = "local"  # stays on the client (show an editor, open the outbox, a door)


class ActionSpec(NamedTuple):
    id: str
    label: str
    role: ActionRole = ActionRole.PRIMARY
    call: BackendCall | None = None
    #: Said once the server took it (line mode).
    done: str = ""


class StepSpec(NamedTuple):
    """One server step, described once."""

    name: StepName
    title: str
    help: str
    note: str
    resume_name: str
    has_session: bool = True
    quit_question: str | None = None
    intro: Callable[[Any], Sequence[Line]] = lambda step: ()
    after: Callable[[Any], Sequence[Line]] = lambda step: ()
    fields: tuple[FieldSpec, ...] = ()
    actions: tuple[ActionSpec, ...] = ()
    specials: frozenset[Special] = frozenset()
    #: The line mode's question before its menu, formatted with ``values(step)``.
    question: str = ""
    #: The line mode's ``?`` help, where answers typed by number want other words than F1's.
    line_help: str = ""
    #: Said on screen while the form cannot be sent yet.
    ready_hint: str = ""
    values: Callable[[Any], Mapping[str, object]] = lambda step: {}

    @property
    def primary(self) -> ActionSpec | None:
        return next((a for a in self.actions if a.role is ActionRole.PRIMARY), None)

    def action(self, action_id: str) -> ActionSpec:
        return next(action for action in self.actions if action.id == action_id)

    def field(self, field_id: str) -> FieldSpec:
        return next(spec for spec in self.fields if spec.id == field_id)

    @property
    def ids(self) -> frozenset[str]:
        """Every id a flow may name on this step: its fields, their options, its actions."""
        names = {spec.id for spec in self.fields} | {action.id for action in self.actions}
        names |= {option.id for spec in self.fields for option in spec.options}
        return frozenset(names)

    @property
    def generic(self) -> bool:
        """Whether the generic step screen and line-mode handler can render it whole."""
        kinds = {spec.kind for spec in self.fields}
        return self.specials <= GENERIC_SPECIALS and kinds <= GENERIC_KINDS

    def format(self, text: str, step: object) -> str:
        """A msgid of this step, translated and filled with the step's values."""
        values = self.values(step)
        return _(text).format(**values) if values else _(text)
