"""A QR code as lines of text, two modules per character cell (UI-free, segno)."""

from __future__ import annotations

import segno

_CELLS = {(True, True): "█", (True, False): "▀", (False, True): "▄", (False, False): " "}


def qr_lines(data: str, border: int = 2) -> list[str]:
    """``data`` as a QR code: dark modules drawn with block characters, to be shown dark on a
    light background. Each line of text holds two rows of modules."""
    code = segno.make(data, error="l", micro=False)
    rows = [[module == 0x1 for module in row] for row in code.matrix_iter(border=border)]
    if len(rows) % 2:
        rows.append([False] * len(rows[0]))
    return [
        "".join(_CELLS[(top, bottom)] for top, bottom in zip(upper, lower, strict=True))
        for upper, lower in zip(rows[::2], rows[1::2], strict=True)
    ]
