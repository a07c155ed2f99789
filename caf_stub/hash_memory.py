"""The memory of each argon2 hash given back to the system when the hash is done.

A hash at the portal's cost takes 7 MiB from ``malloc``. glibc serves a block that large with
``mmap`` and gives it back at ``free``, but then raises its threshold to that block's size:
every later hash is served from the heap of the thread that runs it, and a heap keeps what it
was given. The stub hashes in FastAPI's worker threads, each with a heap of its own, so the
memory of a hash stayed with each thread that had made one: 13 MiB of the 127 MiB that the app
and its embedded stub held at the end of Karim's journey (``python -m benchmarks``). A fixed
threshold below a hash's size keeps every hash in ``mmap``; smaller blocks are left as glibc
serves them.
"""

from __future__ import annotations

import ctypes
import functools
import sys

#: glibc's ``M_MMAP_THRESHOLD`` (malloc.h).
M_MMAP_THRESHOLD = -3
#: Blocks of this size and more are mapped, and unmapped when freed: under a hash's 7 MiB,
#: above what Python's own objects and buffers ask for.
THRESHOLD_BYTES = 4 * 1024 * 1024


@functools.cache
def give_hash_memory_back() -> bool:
    """Set the threshold once for the process; False where there is no glibc to ask."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):  # no C library to load, or one without mallopt
        return False
    mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    mallopt.restype = ctypes.c_int
    return bool(mallopt(M_MMAP_THRESHOLD, THRESHOLD_BYTES) == 1)  # 1 on success
