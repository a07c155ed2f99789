"""A bullet and the step header are one widget each, drawn by a Visual: a bullet's wrapped lines
hang under its text, the banner fills its lines in the portal's colours, and both read as text."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.color import Color

from caf_tui.replay import settle
from caf_tui.replay.screen import screen_text
from caf_tui.widgets.bullets import Bullet
from caf_tui.widgets.step_header import StepHeader

TEXT = "Votre mot de passe doit contenir au moins huit caractères dont un chiffre"
BANNER = "BIENVENUE DANS LE PORTAIL DE CONNEXION DES ALLOCATIONS FAMILIALES"


class Parts(App[None]):
    CSS_PATH = "../../caf_tui/styles/app.tcss"

    def compose(self) -> ComposeResult:
        yield StepHeader("CHOISIR SON MOT DE PASSE")
        yield Bullet(TEXT, sign="◦")


def _lines(app: Parts, widget: type[Bullet | StepHeader]) -> list[str]:
    shown = app.screen.query_one(widget)
    return [strip.text for strip in shown.render_lines(shown.region.reset_offset)]


async def test_a_bullet_s_wrapped_lines_hang_under_its_text() -> None:
    app = Parts()
    async with app.run_test(size=(40, 16)) as pilot:
        await settle.settle(pilot)
        lines = _lines(app, Bullet)
        assert len(lines) == 3  # 36 cells for the text beside « ◦ » and the 2 of padding
        assert lines[0].startswith("  ◦ Votre mot de passe")
        assert all(line.startswith("    ") and line[4] != " " for line in lines[1:])
        assert " ".join(line.strip() for line in lines).removeprefix("◦ ") == TEXT


async def test_the_banner_wraps_in_its_colours_and_the_title_follows() -> None:
    app = Parts()
    async with app.run_test(size=(40, 16)) as pilot:
        await settle.settle(pilot)
        header = app.screen.query_one(StepHeader)
        lines = _lines(app, StepHeader)
        assert [line.strip() for line in lines[:3]] == [
            "BIENVENUE DANS LE PORTAIL DE CONNEXION",
            "DES ALLOCATIONS FAMILIALES",
            "CHOISIR SON MOT DE PASSE",
        ]
        assert all(line.startswith(" ") and line[1] != " " for line in lines[:3])
        assert set(lines[3]) == {"─"}  # the line under the title
        banner = header.render_lines(header.region.reset_offset)[1]
        primary = Color.parse(app.theme_variables["primary"])
        # every cell of a banner line, its padding and its end too, on the portal's colour
        assert {seg.style.bgcolor.triplet for seg in banner if seg.style and seg.style.bgcolor} == {
            primary.rich_color.triplet
        }
        assert banner.cell_length == 40


async def test_both_read_as_text() -> None:
    app = Parts()
    async with app.run_test(size=(80, 16)) as pilot:
        await settle.settle(pilot)
        said = screen_text(app).splitlines()
        assert said[:3] == [BANNER, "CHOISIR SON MOT DE PASSE", f"◦ {TEXT}"]
