"""caf-tui's cache directory (``~/.cache/caf-tui`` on Linux) and how a file is put there: what
a start computed once for the next ones (compiled catalogs, validated settings, parsed styles).
Nothing there is needed: a missing, unreadable or read-only cache only makes a start slower."""

from __future__ import annotations

import contextlib
import os
from importlib.util import source_hash
from pathlib import Path


def user_cache_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_cache_dir("caf-tui"))


def content_key(*parts: bytes) -> str:
    """A key for what is kept under the hash of ``parts`` (16 hex digits). The hash Python's own
    hash-based ``.pyc`` files carry of their source (SipHash, 64 bits): it tells one content
    from another, as a cache key must, and needs no ``hashlib`` (whose OpenSSL costs the first
    frame 6 M instructions). Not a defence against a forger: what can write the inputs can
    write the cache too."""
    return source_hash(b"".join(len(part).to_bytes(8, "big") + part for part in parts)).hex()


def write_whole(target: Path, data: bytes) -> None:
    """Put ``data`` at ``target``, best effort (a read-only home, a full disk: not kept).

    Written whole then renamed: two starts at once never read half a file."""
    import tempfile

    with contextlib.suppress(OSError):
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.replace(temporary, target)
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temporary)
