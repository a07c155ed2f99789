"""The generic step screen: composes a step's description (``caf_tui.steps``) — its title,
lines, choices and buttons — for every step with no widget of its own."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widget import Widget
from textual.widgets import RadioSet, Static

from caf_tui.i18n import _
from caf_tui.screens.step_parts import JourneyStepScreen, step_buttons
from caf_tui.steps.spec import ActionRole, FieldKind, FieldSpec, Line, LineKind, Special, StepSpec
from caf_tui.styles import STYLES
from caf_tui.widgets.access import AccessBox
from caf_tui.widgets.bullets import Bullet
from caf_tui.widgets.button import Button
from caf_tui.widgets.footer import KeysFooter
from caf_tui.widgets.messages import FieldError, StatusLine
from caf_tui.widgets.step_header import StepHeader
from caf_tui.widgets.terms_text import TermsText
from caf_tui.widgets.toggles import ChoiceButton, TickBox
from caf_tui.widgets.wrapping_toggles import WrappingTickBox


def line_widget(line: Line) -> Widget:
    text = line.words()
    match line.kind:
        case LineKind.BULLET:
            return Bullet(text, id=line.id, classes=line.classes)
        case LineKind.SUB_BULLET:
            return Bullet(text, sign="◦", id=line.id, classes=line.classes)
        case LineKind.NUMBERED:
            return Static(f"{line.number}. {text}", markup=False, id=line.id, classes=line.classes)
    return Static(text, markup=False, id=line.id, classes=line.classes)


class SpecScreen(JourneyStepScreen[Any]):
    """The screen of one step's ``SPEC``; ``generic_screen`` makes one class per step."""

    SPEC: ClassVar[StepSpec]

    def screen_help(self) -> str:
        return _(self.SPEC.help)

    def quit_question(self) -> str:
        question = self.SPEC.quit_question
        return _(question) if question else super().quit_question()

    def lines(self, lines: Iterable[Line]) -> ComposeResult:
        for line in lines:
            yield line_widget(line)

    def compose(self) -> ComposeResult:
        spec, step = self.SPEC, self.step
        yield StepHeader(_(spec.title), step.progress)
        terms = Special.TERMS_TEXT in spec.specials
        # The conditions scroll on their own: the body around them does not.
        with (Vertical if terms else VerticalScroll)(classes="body"):
            yield from self.lines(spec.intro(step))
            if Special.ACCESS in spec.specials:
                yield AccessBox(step)
            if terms:
                yield TermsText(step.sections, _(spec.help), id="terms-text")
            for field in spec.fields:
                yield from self.compose_field(field)
            yield from self.lines(spec.after(step))
            yield FieldError(id="error-form")
            yield StatusLine()
        yield step_buttons(*self.buttons({ActionRole.PRIMARY}), left=self.left_buttons())
        yield KeysFooter()

    def compose_field(self, field: FieldSpec) -> ComposeResult:
        if field.kind is FieldKind.TICK:
            yield WrappingTickBox(_(field.label), id=field.id)
            yield from self.ready_hint()
            return
        yield Static(
            self.SPEC.format(field.label, self.step),
            markup=False,
            id=f"{field.id}-label",
            classes="field-label",
        )
        with RadioSet(id=field.id):
            for option in field.options:
                yield ChoiceButton(_(option.label), id=option.id)
        yield from self.ready_hint()
        yield FieldError(id=f"error-{field.id}")

    def ready_hint(self) -> ComposeResult:
        if self.SPEC.ready_hint:
            yield Static(_(self.SPEC.ready_hint), id="ready-hint", classes="hint")

    def buttons(self, roles: set[ActionRole]) -> list[Widget]:
        made: list[Widget] = []
        for action in self.SPEC.actions:
            if action.role not in roles:
                continue
            if action.role is ActionRole.PRIMARY:
                made.append(
                    Button(_(action.label), id=action.id, variant="primary", classes="submit")
                )
            elif action.role is ActionRole.ALWAYS:
                made.append(Button(_(action.label), id=action.id, classes="submit always"))
            else:
                made.append(Button(_(action.label), id=action.id))
        return made

    def left_buttons(self) -> list[Widget]:
        return self.buttons({ActionRole.ALWAYS, ActionRole.QUIT})

    def answers(self) -> dict[str, str | None]:
        chosen: dict[str, str | None] = {}
        for field in self.SPEC.fields:
            if field.kind is FieldKind.TICK:
                ticked = self.query_one(f"#{field.id}", TickBox).value
                chosen[field.id] = field.options[0].id if ticked and field.options else None
                continue
            pressed = self.query_one(f"#{field.id}", RadioSet).pressed_button
            chosen[field.id] = None if pressed is None else pressed.id
        return chosen

    def ready(self) -> bool:
        return all(answer is not None for answer in self.answers().values())

    @on(RadioSet.Changed)
    @on(TickBox.Changed)
    def chosen(self) -> None:
        self.update_submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        spec = self.SPEC
        action = next((a for a in spec.actions if a.id == event.button.id), None)
        if action is None or action.call is None:
            return
        if action.role is ActionRole.PRIMARY and not self.ready():
            return
        call, step, answers = action.call, self.step, self.answers()
        self.submit(lambda backend: call(backend, step, answers))


def _class_name(spec: StepSpec) -> str:
    return "".join(part.title() for part in spec.name.split("_")) + "Screen"


@cache
def generic_screen(spec: StepSpec) -> type[SpecScreen]:
    """The screen class of ``spec``, named after its step (``MigrationIntroScreen``) so that its
    stylesheet (``styles/<step>.tcss``) can name it."""
    first = next(
        (f"#{field.id}" for field in spec.fields if field.kind is FieldKind.CHOICE),
        f"#{spec.primary.id}" if spec.primary is not None else None,
    )
    if Special.TERMS_TEXT in spec.specials:
        first = "#terms-text"  # read them first: the box to tick is at their end
    css = STYLES / f"{spec.name}.tcss"
    namespace = {
        "SPEC": spec,
        "AUTO_FOCUS": first,
        "CSS_PATH": str(css) if css.exists() else None,
        "__module__": __name__,
    }
    return type(_class_name(spec), (SpecScreen,), namespace)
