"""List items whose wrapped lines stay aligned under the text, not under the bullet."""

from __future__ import annotations

from textual.containers import Horizontal
from textual.widgets import Static


class Bullet(Horizontal):
    """A sign (« • », « ◦ ») then the text; data in the text is never read as markup."""

    DEFAULT_CSS = """
    Bullet {
        height: auto;
        padding-left: 2;
    }
    Bullet > .bullet-sign {
        width: 2;
    }
    Bullet > .bullet-text {
        width: 1fr;
    }
    """

    def __init__(
        self, text: str, *, sign: str = "•", id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(
            Static(sign, classes="bullet-sign"),
            Static(text, markup=False, classes="bullet-text"),
            id=id,
            classes=classes,
        )
