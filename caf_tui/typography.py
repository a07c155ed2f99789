"""Words that do not break where French typography forbids it, wherever a screen wraps text.

Why a no-break space used to break: Rich's line divider (``rich._wrap``, which Textual's
``Content`` uses too) and Textual's own (``textual._wrap``, for ``TextArea``) cut a line into
words with the regular expressions ``\\s*\\S+\\s*`` and ``\\S+\\s*|\\s+``. In Python's ``re``,
``\\s`` is every character ``str.isspace`` says is a space, U+00A0 and U+202F included: the
no-break space of « 197,60 € » was a place to break like any other.

``install`` gives both dividers one word pattern where a break is never taken:
- at a no-break space (U+00A0, U+202F, U+2007) or a word joiner (U+2060);
- at a space before « : ; ! ? » » or « € », and after « « » (French typography puts a no-break
  space there; the source strings and the server's messages are written with plain spaces);
- at a space between two digits: « 06 15 00 00 00 », « 123 456 », « 1 234,56 € ».

This is the one place: every string, translated or sent by the server, is wrapped through it.
Strings are not rewritten (the line mode, the tests and the screen reader read them as written).
"""

from __future__ import annotations

import itertools
import re

import rich._wrap
import textual._wrap

#: Spaces that are never a place to break a line.
NO_BREAK_SPACES = "\u00a0\u202f\u2007\u2060"
#: What a plain space may not be separated from.
NO_BREAK_BEFORE = ":;!?»€%"
NO_BREAK_AFTER = "«"

_GLUE = (
    rf"[{NO_BREAK_SPACES}]"
    rf"|[ {NO_BREAK_SPACES}]+(?=[{NO_BREAK_BEFORE}])"
    rf"|(?<=[{NO_BREAK_AFTER}])[ {NO_BREAK_SPACES}]+"
    r"|(?<=\d) (?=\d)"
)
#: A word, as far as wrapping goes: visible characters and the spaces that hold them together.
WORD = rf"(?:[^\s]|{_GLUE})+"

#: ``rich._wrap.re_word`` with the rules above (leading and trailing spaces as Rich has them).
RICH_WORD = re.compile(rf"\s*{WORD}\s*")
#: ``textual._wrap.re_chunk`` with the rules above.
TEXTUAL_CHUNK = re.compile(rf"{WORD}\s*|\s+")


def install() -> None:
    """Make Rich's and Textual's line wrapping keep the words above together (idempotent).

    The two patterns are module globals read at each call (``words``, ``chunks``): replacing
    them changes every later wrap, and nothing else.
    """
    rich._wrap.re_word = RICH_WORD
    textual._wrap.re_chunk = TEXTUAL_CHUNK


def wrap_points(text: str, width: int) -> list[str]:
    """``text`` cut into rows of ``width`` cells as a screen would, after ``install``."""
    offsets = rich._wrap.divide_line(text, width)
    bounds = [0, *offsets, len(text)]
    return [text[start:end].rstrip() for start, end in itertools.pairwise(bounds)]
