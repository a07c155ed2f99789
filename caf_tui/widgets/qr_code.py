"""A QR code drawn in the terminal, dark modules on a light ground whatever the theme."""

from __future__ import annotations

from textual.widgets import Static

from caf_tui.qr import qr_lines


class QrCode(Static):
    DEFAULT_CSS = """
    QrCode {
        width: auto;
        height: auto;
        color: black;
        background: white;
    }
    """

    def __init__(self, data: str, *, id: str | None = None) -> None:
        super().__init__("\n".join(qr_lines(data)), id=id, markup=False)
        self.data = data
