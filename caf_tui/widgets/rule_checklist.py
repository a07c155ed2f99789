"""The live password checklist: each rule with a sign and a word, so it reads in monochrome."""

from __future__ import annotations

from textual.content import Content
from textual.widget import Widget

from caf_tui import rules
from caf_tui.api import PasswordPolicy
from caf_tui.i18n import _


class RuleChecklist(Widget):
    """« Votre mot de passe comporte : » then one line per rule, ✓ (respectée) or ✗ (non
    respectée). ``update`` runs on every keystroke and repaints only when a rule flips."""

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
        if [c.ok for c in checks] != [c.ok for c in self.checks]:
            self.checks = checks
            self.refresh()

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
