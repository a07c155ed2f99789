"""The parsed rules of the first frame's stylesheets, kept from one start to the next.

Textual parses every source at each start (its widgets' ``DEFAULT_CSS``, our ``.tcss``): a
quarter of the work the login's first frame does beyond a bare Textual app's. ``ParsedOnce``
keeps a process's parsed rules by source text, origin and variables; once the login is painted
they are written to the user's cache, and the next start reads them back instead of parsing.
An edited source or another theme is another key, so a stale rule is never used; the file is
named by what shapes the pickled objects (Python's version, Textual's files).

Only the user's own cache directory is read: what can write there can run the user's code
anyway (their shell's start-up files are beside it).
"""

from __future__ import annotations

import logging
import os
import pickle
import sys
from pathlib import Path

from caf_tui.styles.parsed import ParsedOnce
from caf_tui.user_cache import content_key, user_cache_dir, write_whole

log = logging.getLogger(__name__)


class _ThisProcess:
    #: How many rules were read back (None: not tried yet).
    read: int | None = None
    #: Written once: a test run starts hundreds of apps.
    written = False


def _textual_files() -> str:
    """Python's version and the size and time of Textual's CSS code: what the pickled rules'
    classes are made of (reading Textual's version from its metadata costs more)."""
    import textual.css

    parts = [sys.version.encode()]
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
    if isinstance(kept, dict) and all(isinstance(rules, dict) for rules in kept.values()):
        ParsedOnce._rules_of.update(kept)
        _ThisProcess.read = ParsedOnce.rules_kept()


def keep() -> None:
    """Write the rules this process parsed, if it parsed any the file did not have."""
    if _ThisProcess.written or ParsedOnce.rules_kept() <= (_ThisProcess.read or 0):
        return
    _ThisProcess.written = True
    try:
        data = pickle.dumps(ParsedOnce._rules_of, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # a rule some Textual version cannot pickle: parsed at each start
        log.warning("the parsed styles could not be kept", exc_info=True)
        return
    write_whole(kept_file(), data)
