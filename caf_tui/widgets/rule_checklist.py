"""The live password checklist: each rule with a sign and a word, so it reads in monochrome."""

from __future__ import annotations

from rich.cells import cell_len
from textual.content import Content
from textual.geometry import Region
from textual.widget import Widget

from caf_tui import rules
from caf_tui.api import PasswordPolicy
from caf_tui.i18n import _


class RuleChecklist(Widget):
    """« Votre mot de passe comporte : » then one line per rule, ✓ (respectée) or ✗ (non
    respectée). ``update`` runs on every keystroke and repaints only the lines whose rule
    flipped."""

    DEFAULT_CSS = """
    RuleChecklist {
        height: auto;
        width: 1fr;
    }
    """

    def __init__(self, policy: PasswordPolicy, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.policy = policy
        self.checks = rules.check_password("", "", policy)

    def update(self, password: str, confirmation: str) -> None:
        checks = rules.check_password(password, confirmation, self.policy)
        pairs = enumerate(zip(self.checks, checks, strict=True))
        flipped = [i for i, (old, new) in pairs if old.ok != new.ok]
        if not flipped:
            return
        before, self.checks = self.checks, checks
        width = self.content_region.width
        if all(cell_len(self.line(c)) <= width for c in before + checks):
            # One line per rule, under the heading: only the flipped lines change.
            self.refresh(*(Region(0, i + 1, width, 1) for i in flipped))
        else:
            self.refresh(layout=True)  # wrapped lines: « non respectée » may add a line

    @property
    def all_met(self) -> bool:
        return all(check.ok for check in self.checks)

    def line(self, check: rules.RuleCheck) -> str:
        """One rule in words: "✓ 1 chiffre (respectée)"."""
        if check.ok:
            return _("✓ {rule} (respectée)").format(rule=check.label)
        return _("✗ {rule} (non respectée)").format(rule=check.label)

    def render(self) -> Content:
        lines = [Content.styled(_("Votre mot de passe comporte :"), "bold")]
        for check in self.checks:
            style = "$text-success" if check.ok else "$text-error"
            lines.append(Content.styled(self.line(check), style))
        return Content("\n").join(lines)
