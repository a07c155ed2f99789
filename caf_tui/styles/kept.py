"""The parsed rules of the first frame's stylesheets, and which of them each of its nodes got,
kept from one start to the next.

Textual parses every source at each start (its widgets' ``DEFAULT_CSS``, our ``.tcss``): a
quarter of the work the login's first frame does beyond a bare Textual app's. ``ParsedOnce``
keeps a process's parsed rules by source text, origin and variables; once the login is painted
they are written to the user's cache, and the next start reads them back instead of parsing.
An edited source or another theme is another key, so a stale rule is never used; the file is
named by what shapes the pickled objects (Python's version, Textual's files, our matching code).

The matches are kept beside them (``MatchedOnce.stable_matches``): matching every rule against
every node was a third of the styling of the login's first frame; a node at a place seen by an
earlier start, under rules made from the same sources, gets that start's match.

Only the user's own cache directory is read: what can write there can run the user's code
anyway (their shell's start-up files are beside it).
"""

from __future__ import annotations

import contextlib
import logging
import os
import pickle
import sys
from pathlib import Path
from typing import Any, TypeGuard

from caf_tui.styles.parsed import ParsedOnce
from caf_tui.user_cache import content_key, user_cache_dir, write_whole

log = logging.getLogger(__name__)


class _ThisProcess:
    #: How many rules were read back (None: not tried yet).
    read: int | None = None
    #: Written once: a test run starts hundreds of apps.
    written = False


def _textual_files() -> str:
    """Python's version, the size and time of Textual's CSS code (what the pickled rules'
    classes are made of: reading Textual's version from its metadata costs more) and our code
    that says a place."""
    import textual.css

    here = Path(__file__).parent
    parts = [sys.version.encode(), (here / "matched.py").read_bytes()]
    with os.scandir(Path(textual.css.__file__).parent) as entries:
        for entry in sorted(entries, key=lambda entry: entry.name):
            if entry.name.endswith(".py"):
                stat = entry.stat()
                parts.append(f"{entry.name}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return content_key(*parts)


def kept_file() -> Path:
    return user_cache_dir() / "styles" / f"rules-{_textual_files()}.pickle"


def read_kept() -> None:
    """Give ``ParsedOnce`` the rules an earlier start kept (none the first time)."""
    if _ThisProcess.read is not None:
        return
    _ThisProcess.read = 0
    try:
        kept = pickle.loads(kept_file().read_bytes())
    except Exception:  # absent, half-written, of another shape: parsed as usual
        return
    if not isinstance(kept, dict):
        return
    rules, matches = kept.get("rules"), kept.get("matches")
    if _dict_of_dicts(rules) and _dict_of_dicts(matches):
        ParsedOnce._rules_of.update(rules)
        ParsedOnce.kept_matches.update(matches)
        _ThisProcess.read = ParsedOnce.rules_kept()


def _dict_of_dicts(value: object) -> TypeGuard[dict[Any, dict[Any, Any]]]:
    return isinstance(value, dict) and all(isinstance(inner, dict) for inner in value.values())


def keep() -> None:
    """Write the rules this process parsed and the matches it made, if the file lacked some."""
    if _ThisProcess.written:
        return
    # This start's matches only: those of earlier starts that it did not meet (another
    # screen, another theme) are not carried on from file to file.
    matches = ParsedOnce.stable_matches()
    new_matches = any(
        place not in ParsedOnce.kept_matches.get(token, {})
        for token, places in matches.items()
        for place in places
    )
    if ParsedOnce.rules_kept() <= (_ThisProcess.read or 0) and not new_matches:
        return
    _ThisProcess.written = True
    try:
        kept = {"rules": ParsedOnce._rules_of, "matches": matches}
        data = pickle.dumps(kept, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # a rule some Textual version cannot pickle: parsed at each start
        log.warning("the parsed styles could not be kept", exc_info=True)
        return
    target = kept_file()
    write_whole(target, data)
    # An earlier version's file is never read again (another name): not left behind.
    with contextlib.suppress(OSError), os.scandir(target.parent) as entries:
        for entry in entries:
            if entry.name.startswith("rules-") and entry.name != target.name:
                os.unlink(entry.path)
